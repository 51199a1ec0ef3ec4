import { parsePlaybook } from '@/lib/playbook/parse';
import type { Playbook, PlaybookInput } from '@/lib/playbook/schema';

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/**
 * The smallest valid playbook, for tests that change one part and check how
 * it is validated or applied. A fresh object on every call.
 */
export function minimalPlaybook(): PlaybookInput {
  return {
    schemaVersion: 2,
    id: 'minimal',
    version: '1',
    name: text('Minimal', '最小'),
    stages: [
      { id: 'open', label: text('Open', '开放'), crmNames: { salesforce: { en: ['Prospecting'], 'zh-CN': ['潜在客户发掘'] } } },
      { id: 'bid', label: text('Bid', '投标'), crmNames: { salesforce: { en: ['Proposal/Price Quote'] } } },
      { id: 'lost', kind: 'lost', label: text('Lost', '丢单'), crmNames: { salesforce: { en: ['Closed Lost'] } } },
    ],
    categories: [{ id: 'price', label: text('Price', '价格') }],
    requirements: [
      {
        id: 'budget',
        label: text('Budget', '预算'),
        help: text('Approved budget.', '已批准的预算。'),
        category: 'price',
        neededBy: ['ar'],
        requiredFrom: 'bid',
        crmFields: [{ field: 'Budget', satisfies: true }],
        keywords: { en: ['budget'], 'zh-CN': ['预算'] },
      },
    ],
    teamRoles: [{ id: 'ar', label: text('AR', '客户经理'), description: text('Owns the account.', '负责客户。') }],
    roleRules: [
      {
        id: 'ar-always',
        role: 'ar',
        level: 'required',
        when: { kind: 'stage-reached', stage: 'open' },
        because: text('Every deal has an AR.', '每个项目都要有客户经理。'),
      },
    ],
    decisionRoles: [
      {
        id: 'decision-maker',
        label: text('Decision maker', '决策者'),
        top: true,
        requiredFrom: 'open',
        crmContactRoles: ['Decision Maker'],
        titleKeywords: { en: ['CEO'], 'zh-CN': ['总经理'] },
      },
    ],
    thresholds: { staleAfterDays: 30, minEngagedContacts: 2 },
    matching: {
      profileFields: { industry: ['Industry'], region: ['Region'], language: ['Language'] },
      weights: { skill: 3, industry: 2, region: 2, language: 1, capacity: 2 },
      maxCandidates: 3,
    },
  };
}

/** The minimal playbook after `change`, validated: a test fails loudly if its own playbook is invalid. */
export function buildPlaybook(change: (playbook: PlaybookInput) => void = () => {}): Playbook {
  const input = minimalPlaybook();
  change(input);
  const parsed = parsePlaybook(input);
  if (!parsed.ok) throw new Error(`invalid test playbook: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}
