import type { RecordSnapshot } from '@/lib/crm/snapshot';
import type { DealFacts } from '@/lib/domain/deal-facts';
import type { Note } from '@/lib/domain/note';
import type { RequirementValue } from '@/lib/domain/requirement-value';
import type { Stakeholder } from '@/lib/domain/stakeholder';
import type { Person } from '@/lib/domain/team';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import type { DealInput } from '@/lib/engines/input';

/** Test builders: each fills only what a schema requires, so a test states the facts it is about. */

export const NOW = Date.UTC(2025, 5, 1, 9, 0, 0);
export const DAY = 24 * 60 * 60 * 1000;

export function record(overrides: Partial<RecordSnapshot> = {}): RecordSnapshot {
  return {
    crm: 'salesforce',
    host: 'acme.lightning.force.com',
    objectType: 'Opportunity',
    recordId: '006000000000001AAA',
    url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006000000000001AAA/view',
    name: 'Telecom sites 2025',
    fields: [],
    contacts: [],
    missing: [],
    adapter: 'salesforce',
    readAt: NOW,
    ...overrides,
  };
}

export function note(id: string, text: string, overrides: Partial<Note> = {}): Note {
  return { id, text, pageTitle: `Meeting ${id}`, url: `https://mail.example.com/${id}`, capturedAt: NOW - DAY, ...overrides };
}

export function stakeholder(id: string, name: string, overrides: Partial<Stakeholder> = {}): Stakeholder {
  return { id, name, roles: [], stance: 'unknown', influence: 'unknown', source: 'manual', ...overrides };
}

export function value(fieldId: string, text: string, overrides: Partial<RequirementValue> = {}): RequirementValue {
  return { fieldId, value: text, source: { kind: 'manual' }, confirmedByCustomer: false, setBy: 'ana', setAt: NOW - DAY, ...overrides };
}

export function person(id: string, name: string, overrides: Partial<Person> = {}): Person {
  return { id, name, roles: ['sr'], skills: [], industries: [], regions: [], languages: [], capacity: 5, openDeals: 0, ...overrides };
}

export function facts(overrides: Partial<DealFacts> = {}): DealFacts {
  return { requirementValues: [], notes: [], stakeholders: [], assignments: [], ...overrides };
}

export function dealInput(overrides: Partial<Omit<DealInput, 'facts'>> & { facts?: Partial<DealFacts> } = {}): DealInput {
  const { facts: factOverrides, ...rest } = overrides;
  return { playbook: DEFAULT_PLAYBOOK, record: record(), directory: [], now: NOW, ...rest, facts: facts(factOverrides) };
}
