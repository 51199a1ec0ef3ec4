// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordKey } from '@/lib/crm/snapshot';
import { stakeholderIdForContact } from '@/lib/domain/stakeholder';
import { t } from '@/lib/i18n';
import * as connection from '@/lib/store/connection';
import { getDatabase } from '@/lib/store/connection';
import { replaceDirectory } from '@/lib/store/directory';
import { DEAL_DATA, dealRecord, directory } from '@/components/testing/deal';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { DealAnalysisView } from './DealAnalysisView';
import { playbookLabels } from './text';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';

const KEY = recordKey(dealRecord);
const OMAR = stakeholderIdForContact({ name: 'Omar Idris' });

beforeEach(async () => {
  fakeBrowser.reset();
  const db = await getDatabase();
  await Promise.all(['stakeholders', 'requirementValues', 'assignments', 'decisions', 'notes', 'settings'].map((store) => db.clear(store as 'notes')));
  await replaceDirectory(db, directory);
});

describeInEachLocale('DealAnalysisView', (locale) => {
  it('says it is analysing, then shows every section of the record', async () => {
    const { container } = render(<DealAnalysisView record={dealRecord} />);
    expect(screen.getByTestId('loading').textContent).toBe(t('analysisLoading'));
    await screen.findByTestId('requirements-section');
    for (const section of ['team-section', 'decision-chain-section', 'brief-section', 'notes-section']) expect(screen.getByTestId(section)).toBeTruthy();
    expect(screen.queryByTestId('loading')).toBeNull();
    expect(screen.getByTestId('playbook-line').textContent).toBe(t('playbookLine', DEFAULT_PLAYBOOK.name[locale], t('playbookSourceDefault')));
    await waitFor(() => expect(screen.getByTestId('inbox-tab').textContent).not.toContain('…'));
    expectOnlyLocaleText(container, locale, DEAL_DATA);
  });

  it('says clearly when the stored facts cannot be read, and reads them again on retry', async () => {
    const read = vi.spyOn(connection, 'getDatabase').mockRejectedValueOnce(new Error('IndexedDB is broken'));
    const { container } = render(<DealAnalysisView record={dealRecord} />);
    const problem = await screen.findByTestId('load-error');
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.textContent).toContain(t('analysisError'));
    expectOnlyLocaleText(container, locale, DEAL_DATA);
    fireEvent.click(within(problem).getByRole('button', { name: t('loadRetry') }));
    await screen.findByTestId('requirements-section');
    expect(read.mock.calls.length).toBeGreaterThan(1);
  });

  it('stores stance and owner for a contact the CRM lists, and shows them merged with the CRM’s values', async () => {
    render(<DealAnalysisView record={dealRecord} />);
    await screen.findByTestId('decision-chain-section');
    const omar = () => screen.getAllByTestId('stakeholder').find((item) => item.textContent?.includes('Omar Idris')) as HTMLElement;
    fireEvent.click(within(omar()).getByRole('button', { name: t('stakeholderEditLabel', 'Omar Idris') }));
    fireEvent.change(within(omar()).getByLabelText(t('stakeholderStance')), { target: { value: 'supporter' } });
    fireEvent.change(within(omar()).getByLabelText(t('stakeholderOwner')), { target: { value: 'p-li' } });
    fireEvent.click(within(omar()).getByRole('button', { name: t('valueSave') }));
    await waitFor(async () => expect(await (await getDatabase()).get('stakeholders', [KEY, OMAR])).toMatchObject({ stance: 'supporter', ourOwner: 'p-li', source: 'crm', name: 'Omar Idris' }));
    await waitFor(() => expect(omar().textContent).toContain(t('stanceSupporter')));
    expect(omar().textContent).toContain('Li Wei');
    // The role still comes from the CRM's title: only what the team set was stored.
    expect(omar().textContent).toContain(playbookLabels(DEFAULT_PLAYBOOK).decisionRole('technical-evaluator'));
  });
});
