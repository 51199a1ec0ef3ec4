// @vitest-environment happy-dom
import { beforeEach, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { getDatabase } from '@/lib/store/connection';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { PlaybookLab } from './PlaybookLab';

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('settings');
});

const label = (list: { id: string; label: Record<string, string> }[], id: string, locale: string) => list.find((item) => item.id === id)!.label[locale]!;

const NOTES = {
  en: {
    iqc: 'Their incoming inspection (IQC) rejects any batch above AQL 0.65. Budget is USD 1.2M.',
    offTopic: 'Nice weather today, we talked about football.',
  },
  'zh-CN': {
    iqc: '客户要求来料检验按AQL 0.65抽检，不合格整批退货。预算为120万元人民币。',
    offTopic: '今天天气很好，我们聊了足球。',
  },
} as const;

describeInEachLocale('PlaybookLab', (locale) => {
  it('starts empty, labels the note box, says nothing leaves the device, and has its results in a live region', async () => {
    const { container } = render(<PlaybookLab />);
    const box = screen.getByLabelText(t('labNoteLabel'));
    expect(box.tagName).toBe('TEXTAREA');
    expect(screen.getByText(t('labIntro'))).toBeTruthy();
    const results = screen.getByTestId('lab-results');
    expect(results.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(results.textContent).toBe(t('labEmpty')));
    expectOnlyLocaleText(container, locale);
  });

  it('shows, as the note is typed, each proposed fact with its figures and the roles it brings in, in the user’s language', async () => {
    const { container } = render(<PlaybookLab />);
    await waitFor(() => expect(screen.getByTestId('lab-results').textContent).toBe(t('labEmpty')));
    fireEvent.change(screen.getByLabelText(t('labNoteLabel')), { target: { value: NOTES[locale].iqc } });

    const proposals = await screen.findByTestId('lab-proposals');
    const acceptance = proposals.querySelector('[data-requirement="acceptance-quality"]')!;
    expect(acceptance.textContent).toContain(label(DEFAULT_PLAYBOOK.requirements, 'acceptance-quality', locale));
    const budget = proposals.querySelector('[data-requirement="budget"]')!;
    expect(budget.textContent).toContain(label(DEFAULT_PLAYBOOK.requirements, 'budget', locale));
    expect(within(budget as HTMLElement).getByTestId('lab-figures').textContent).toMatch(/1,200,000/);

    const team = screen.getByTestId('lab-team-roles');
    expect(team.querySelector('[data-role="quality-engineer"]')!.textContent).toContain(label(DEFAULT_PLAYBOOK.teamRoles, 'quality-engineer', locale));
    const customer = screen.getByTestId('lab-customer-roles');
    expect(customer.querySelector('[data-role="quality-inspection"]')!.textContent).toContain(
      label(DEFAULT_PLAYBOOK.decisionRoles, 'quality-inspection', locale),
    );
    expect(container.querySelector('[data-requirement="operating-cost"]')).toBeNull();
    expectOnlyLocaleText(container, locale, [NOTES[locale].iqc, 'AQL 0.65', 'IQC', 'AQL', 'USD', 'CNY']);
  });

  it('says so when the note triggers nothing, and goes back to the empty state when cleared', async () => {
    const { container } = render(<PlaybookLab />);
    const box = await waitFor(() => {
      expect(screen.getByTestId('lab-results').textContent).toBe(t('labEmpty'));
      return screen.getByLabelText(t('labNoteLabel'));
    });
    fireEvent.change(box, { target: { value: NOTES[locale].offTopic } });
    expect((await screen.findByTestId('lab-nothing')).textContent).toBe(t('labNothing'));
    expectOnlyLocaleText(container, locale, [NOTES[locale].offTopic]);
    fireEvent.change(box, { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('lab-results').textContent).toBe(t('labEmpty')));
  });
});
