import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { getDatabase } from '@/lib/store/connection';
import { activeRulesFor } from './active-page-rules';
import { keepManagedPolicyCopies } from './managed-policy';
import { loadPolicyPageRules } from './policy-page-rules';
import { writePageRules } from '@/lib/page-rules/store';

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('settings'); // no copy of IT's policy kept yet
});

/** IT sets policies, and the background brings its copies up to date (what the rules are read from). */
async function itSets(values: Record<string, string>): Promise<void> {
  await fakeBrowser.storage.managed.set(values);
  await new Promise<void>((resolve) => keepManagedPolicyCopies(getDatabase, resolve));
}

describe('page rules IT pushed', () => {
  const rule = (part: string, host = '*') => ({ crm: 'pipedrive', host, objectType: 'deal', part, locator: { kind: 'beside-label', label: 'Stage' } });

  it('are none without a policy', async () => {
    expect(await loadPolicyPageRules(await getDatabase())).toEqual({ rules: [], issues: [] });
  });

  it('come from the pageRules policy and from a valid managed playbook, as policy rules', async () => {
    await itSets({
      pageRules: JSON.stringify([rule('stage')]),
      playbook: JSON.stringify({ ...DEFAULT_PLAYBOOK, pageRules: [rule('owner')] }),
    });
    const { rules, issues } = await loadPolicyPageRules(await getDatabase());
    expect(issues).toEqual([]);
    expect(rules.map((entry) => [entry.id, entry.part, entry.origin])).toEqual([
      ['policy-1', 'stage', 'policy'],
      ['policy-playbook-1', 'owner', 'policy'],
    ]);
  });

  it('are none of an invalid pageRules policy, with the reason', async () => {
    await itSets({ pageRules: JSON.stringify([rule('stage'), { ...rule('amount'), locator: { kind: 'selector', selector: '.x' } }]) });
    const { rules, issues } = await loadPolicyPageRules(await getDatabase());
    expect(rules).toEqual([]);
    expect(issues[0]?.path).toEqual([1, 'locator']);
  });

  it('are read from the copy kept, without waiting for the browser’s policy service', async () => {
    await itSets({ pageRules: JSON.stringify([rule('stage')]) });
    // The policy service still starting: no answer until the test gives it (an ask left unanswered
    // would be shared by every later read).
    let answer: (values: Record<string, unknown>) => void = () => undefined;
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
    const { rules } = await loadPolicyPageRules(await getDatabase());
    expect(rules.map((entry) => entry.id)).toEqual(['policy-1']);
    answer({ pageRules: JSON.stringify([rule('stage')]) });
    get.mockRestore();
  });

  it('join the user’s rules for a record page, after them', async () => {
    await writePageRules(await getDatabase(), [{ id: 'mine', ...rule('stage', 'acme.pipedrive.com'), origin: 'user', createdAt: 1 } as never]);
    await itSets({ pageRules: JSON.stringify([rule('stage'), { ...rule('amount'), objectType: 'lead' }]) });
    const active = await activeRulesFor('pipedrive', 'acme.pipedrive.com', 'deal');
    expect(active.map((entry) => entry.id)).toEqual(['mine', 'policy-1']);
    await writePageRules(await getDatabase(), []);
  });

  it('for a record page follow the copies as the background keeps them, without asking the browser at each read', async () => {
    await itSets({ pageRules: JSON.stringify([rule('stage')]) });
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get');
    expect((await activeRulesFor('pipedrive', 'acme.pipedrive.com', 'deal')).map((entry) => entry.part)).toEqual(['stage']);
    expect((await activeRulesFor('pipedrive', 'acme.pipedrive.com', 'deal')).map((entry) => entry.part)).toEqual(['stage']);
    expect(get).not.toHaveBeenCalled();
    get.mockRestore();
    // IT changes the policy: the next read has the new rules.
    await itSets({ pageRules: JSON.stringify([rule('amount')]) });
    expect((await activeRulesFor('pipedrive', 'acme.pipedrive.com', 'deal')).map((entry) => entry.part)).toEqual(['amount']);
    await fakeBrowser.storage.managed.clear();
    await new Promise<void>((resolve) => keepManagedPolicyCopies(getDatabase, resolve));
    expect(await activeRulesFor('pipedrive', 'acme.pipedrive.com', 'deal')).toEqual([]);
  });
});
