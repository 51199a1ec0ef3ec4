// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { t } from '@/lib/i18n';
import * as files from '@/lib/options/files';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { analysed, DEAL_DATA, dealRecord, NOW } from '@/components/testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { BriefSection } from './BriefSection';

const input = () => ({ record: dealRecord, analysis: analysed().analysis, playbook: DEFAULT_PLAYBOOK, notes: [], now: new Date(NOW) });
const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  writeText.mockReset();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

describeInEachLocale('BriefSection', (locale) => {
  it('copies the hand-off brief as Markdown in the user’s language and says so', async () => {
    writeText.mockResolvedValue();
    const { container } = render(<BriefSection input={input} />);
    fireEvent.click(screen.getByRole('button', { name: t('briefCopyMarkdown') }));
    expect(await screen.findByText(t('briefCopied'))).toBeTruthy();
    const markdown = writeText.mock.calls[0]?.[0] ?? '';
    expect(markdown).toMatch(/^# /);
    expect(markdown).toContain('Nile Telecom');
    // In the user's language: the playbook's label of an open question, as the section shows it.
    expect(markdown).toContain(analysed().labels.requirement('business-pain'));
    expectOnlyLocaleText(container, locale, DEAL_DATA);
  });

  it('copies a plain-text e-mail draft', async () => {
    writeText.mockResolvedValue();
    render(<BriefSection input={input} />);
    fireEvent.click(screen.getByRole('button', { name: t('briefCopyEmail') }));
    await screen.findByText(t('briefCopied'));
    expect(writeText.mock.calls[0]?.[0]).not.toMatch(/^# /);
  });

  it('says when copying failed and points to the download', async () => {
    writeText.mockRejectedValue(new Error('denied'));
    const { container } = render(<BriefSection input={input} />);
    fireEvent.click(screen.getByRole('button', { name: t('briefCopyMarkdown') }));
    expect(await screen.findByText(t('briefCopyFailed'))).toBeTruthy();
    expectOnlyLocaleText(container, locale, DEAL_DATA);
  });

  it('downloads the brief as a Markdown file', () => {
    const download = vi.spyOn(files, 'download').mockImplementation(() => {});
    render(<BriefSection input={input} />);
    fireEvent.click(screen.getByRole('button', { name: t('briefDownload') }));
    expect(download).toHaveBeenCalledWith(expect.stringMatching(/^iron-triangle-brief-\d{4}-\d{2}-\d{2}\.md$/), expect.stringContaining('Nile Telecom'), 'text/markdown');
  });
});
