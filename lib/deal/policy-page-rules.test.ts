import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { getDatabase } from '@/lib/store/connection';
import { activeRulesFor } from './active-page-rules';
import { loadPolicyPageRules } from './policy-page-rules';
import { writePageRules } from '@/lib/page-rules/store';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('page rules IT pushed', () => {
  const rule = (part: string, host = '*') => ({ crm: 'pipedrive', host, objectType: 'deal', part, locator: { kind: 'beside-label', label: 'Stage' } });

  it('are none without a policy', async () => {
    expect(await loadPolicyPageRules()).toEqual({ rules: [], issues: [] });
  });

  it('come from the pageRules policy and from a valid managed playbook, as policy rules', async () => {
    await fakeBrowser.storage.managed.set({
      pageRules: JSON.stringify([rule('stage')]),
      playbook: JSON.stringify({ ...DEFAULT_PLAYBOOK, pageRules: [rule('owner')] }),
    });
    const { rules, issues } = await loadPolicyPageRules();
    expect(issues).toEqual([]);
    expect(rules.map((entry) => [entry.id, entry.part, entry.origin])).toEqual([
      ['policy-1', 'stage', 'policy'],
      ['policy-playbook-1', 'owner', 'policy'],
    ]);
  });

  it('are none of an invalid pageRules policy, with the reason', async () => {
    await fakeBrowser.storage.managed.set({ pageRules: JSON.stringify([rule('stage'), { ...rule('amount'), locator: { kind: 'selector', selector: '.x' } }]) });
    const { rules, issues } = await loadPolicyPageRules();
    expect(rules).toEqual([]);
    expect(issues[0]?.path).toEqual([1, 'locator']);
  });

  it('join the user’s rules for a record page, after them', async () => {
    await writePageRules(await getDatabase(), [{ id: 'mine', ...rule('stage', 'acme.pipedrive.com'), origin: 'user', createdAt: 1 } as never]);
    await fakeBrowser.storage.managed.set({ pageRules: JSON.stringify([rule('stage'), { ...rule('amount'), objectType: 'lead' }]) });
    const active = await activeRulesFor('pipedrive', 'acme.pipedrive.com', 'deal');
    expect(active.map((entry) => entry.id)).toEqual(['mine', 'policy-1']);
    await writePageRules(await getDatabase(), []);
  });
});
