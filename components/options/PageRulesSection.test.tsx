// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import type { PageRule } from '@/lib/page-rules/schema';
import { readPageRules, writePageRules } from '@/lib/page-rules/store';
import { getDatabase } from '@/lib/store/connection';
import { describeInEachLocale, expectOnlyLocaleText } from '@/components/testing/locales';
import { PageRulesSection } from './PageRulesSection';

const rule = (id: string, overrides: Partial<PageRule> = {}): PageRule => ({
  id,
  crm: 'pipedrive',
  host: 'acme.pipedrive.com',
  objectType: 'deal',
  part: 'stage',
  locator: { kind: 'selector', selector: '[data-testid="deal-stage"]' },
  origin: 'user',
  createdAt: 1,
  ...overrides,
});
const imported = rule('imported', { host: '*', part: 'owner', origin: 'import', locator: { kind: 'beside-label', label: '<img src=x onerror=alert(1)>' } });
const policyRule = { crm: 'salesforce', host: 'acme.lightning.force.com', objectType: 'Opportunity', part: 'amount', locator: { kind: 'beside-label', label: 'Amount' } };
const DATA = ['Pipedrive', 'Salesforce Lightning', 'acme.pipedrive.com', 'acme.lightning.force.com', 'deal', 'Opportunity', 'CRM', '1.locator', 'Not a safe page rule'];

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
  await writePageRules(await getDatabase(), []);
  await (await getDatabase()).clear('settings'); // no copy of IT's policy kept by an earlier test
});

const rows = () => screen.getAllByTestId('page-rule');

describeInEachLocale('PageRulesSection', (locale) => {
  it('says there are none yet, and how to make one', async () => {
    const { container } = render(<PageRulesSection />);
    expect((await screen.findByTestId('page-rules-empty')).textContent).toBe(t('pageRulesEmpty'));
    expectOnlyLocaleText(container, locale, DATA);
  });

  it('lists each rule: CRM, host, record type, part, where and origin; IT’s as managed and not removable', async () => {
    await writePageRules(await getDatabase(), [rule('mine'), imported]);
    await fakeBrowser.storage.managed.set({ pageRules: JSON.stringify([policyRule]) });
    const { container } = render(<PageRulesSection />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const cells = rows().map((row) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent));
    expect(cells).toEqual([
      ['Pipedrive', 'acme.pipedrive.com', 'deal', t('partStage'), t('pageRuleSelector', '[data-testid="deal-stage"]'), t('pageRuleOriginUser'), t('pageRuleRemove')],
      ['Pipedrive', t('pageRuleEveryHost'), 'deal', t('partOwner'), t('pageRuleBesideLabel', '<img src=x onerror=alert(1)>'), t('pageRuleOriginImport'), t('pageRuleRemove')],
      ['Salesforce Lightning', 'acme.lightning.force.com', 'Opportunity', t('partAmount'), t('pageRuleBesideLabel', 'Amount'), t('pageRuleOriginPolicy'), t('pageRuleManaged')],
    ]);
    expect(within(rows()[2] as HTMLElement).queryByRole('button')).toBeNull();
    // Page text stays text.
    expect(container.querySelector('img')).toBeNull();
    expectOnlyLocaleText(container, locale, [...DATA, 'Amount']);
  });

  it('removes a rule on request and tells the other pages', async () => {
    await writePageRules(await getDatabase(), [rule('mine'), imported]);
    render(<PageRulesSection />);
    const remove = await screen.findByRole('button', { name: t('pageRuleRemoveLabel', t('partStage'), 'deal', 'acme.pipedrive.com') });
    fireEvent.click(remove);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect((await readPageRules(await getDatabase())).map((entry) => entry.id)).toEqual(['imported']);
    expect(screen.getByTestId('options-status').textContent).toBe(t('optionsSaved'));
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'broadcast/configuration' });
  });

  it('says why IT’s rules are not used when the policy is invalid', async () => {
    await fakeBrowser.storage.managed.set({ pageRules: JSON.stringify([policyRule, { ...policyRule, locator: { kind: 'selector', selector: '.x' } }]) });
    const { container } = render(<PageRulesSection />);
    const warning = await screen.findByTestId('page-rules-policy-invalid');
    expect(warning.textContent).toContain('1.locator');
    expect(screen.getByTestId('page-rules-empty')).toBeTruthy();
    expectOnlyLocaleText(container, locale, [...DATA, warning.textContent?.split(': ').slice(1).join(': ') ?? '']);
  });
});
