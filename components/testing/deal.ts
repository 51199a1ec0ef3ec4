import type { RecordSnapshot } from '@/lib/crm/snapshot';
import type { Person } from '@/lib/domain/team';
import { analyzeDeal } from '@/lib/engines/analyze';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import type { RecordFacts } from '@/lib/store/facts';
import { validSnapshot } from '@/test/support/snapshots';
import { playbookLabels } from '@/components/analysis/text';

/** A deal for the analysis sections' tests: the default playbook, a Salesforce opportunity with two CRM contacts. */
export const NOW = Date.UTC(2027, 0, 15, 12);

export const dealRecord: RecordSnapshot = {
  ...validSnapshot,
  contacts: [
    { name: 'Amina Hassan', title: 'Chief Executive Officer', role: 'Decision Maker', email: 'amina@niletel.example' },
    { name: 'Omar Idris', title: 'Network Engineer' },
  ],
};

export const directory: Person[] = [
  { id: 'p-li', name: 'Li Wei', roles: ['sr'], skills: ['solar'], industries: ['telecom'], regions: [], languages: [], capacity: 5, openDeals: 1 },
  { id: 'p-ana', name: 'Ana Costa', roles: ['fr', 'ar'], skills: [], industries: ['telecom'], regions: [], languages: [], capacity: 5, openDeals: 2 },
];

export function noFacts(): RecordFacts {
  return { requirementValues: [], notes: [], stakeholders: [], assignments: [], decisions: [] };
}

/** The engines' analysis of the deal with `facts`, and the playbook's labels (in the current locale). */
export function analysed(facts: RecordFacts = noFacts(), record: RecordSnapshot = dealRecord) {
  return { analysis: analyzeDeal({ playbook: DEFAULT_PLAYBOOK, record, facts, directory, now: NOW }), labels: playbookLabels(DEFAULT_PLAYBOOK) };
}

/** Names and page text the tests feed in: any language, so ignored by the locale check. */
export const DEAL_DATA = ['Nile Telecom – Solar Hybrid Sites', 'Needs Analysis', 'Amina Hassan', 'Omar Idris', 'Chief Executive Officer', 'Network Engineer', 'Decision Maker', 'Li Wei', 'Ana Costa', 'Salesforce', 'Stage', 'USD'];
