// A realistic deal for the brief's tests (not shipped: only tests import it).
import type { RecordSnapshot } from '@/lib/crm/snapshot';
import type { DealFacts } from '@/lib/domain/deal-facts';
import type { Note } from '@/lib/domain/note';
import type { Person } from '@/lib/domain/team';
import { analyzeDeal } from '@/lib/engines/analyze';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { parseFigures } from '@/lib/notes/figures';
import type { BriefInput } from '@/lib/brief/context';

export const NOW = Date.UTC(2027, 0, 15, 12);
const DAY = 24 * 60 * 60 * 1000;

/** A Salesforce opportunity in qualification: a budget and the current solution in CRM fields, the rep's description a hint. */
export const record: RecordSnapshot = {
  crm: 'salesforce',
  adapter: 'salesforce',
  host: 'acme.lightning.force.com',
  objectType: 'Opportunity',
  recordId: '0065g00000AbCdEAAZ',
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view',
  name: 'Nile Telecom – Solar Hybrid Sites',
  stage: 'Qualification',
  amount: { text: 'USD 1,250,000.00', value: 1_250_000, currency: 'USD' },
  closeDate: '6/30/2027',
  account: 'Nile Telecom',
  owner: 'Ana Costa',
  fields: [
    { label: 'Stage', value: 'Qualification', apiName: 'StageName' },
    { label: 'Description', value: 'Replace diesel at remote sites; customer unhappy with fuel theft.', apiName: 'Description' },
    { label: 'Budget', value: 'USD 1.2M approved for phase 1', apiName: 'Budget__c' },
  ],
  contacts: [
    { name: 'Amina Hassan', title: 'Chief Executive Officer', role: 'Decision Maker', email: 'amina@niletel.example' },
    { name: 'Omar Idris', title: 'Head of Network Operations', email: 'omar@niletel.example' },
  ],
  missing: [],
  readAt: NOW,
};

export const directory: Person[] = [
  { id: 'p-li', name: 'Li Wei', roles: ['sr'], skills: ['solar'], industries: ['telecom'], regions: [], languages: [], capacity: 5, openDeals: 1 },
  { id: 'p-ana', name: 'Ana Costa', roles: ['ar'], skills: [], industries: ['telecom'], regions: [], languages: [], capacity: 5, openDeals: 2 },
];

export const notes: Note[] = [
  {
    id: 'n-call',
    text: 'Call with Amina: the board wants to decide before the rainy season.\nFatima (finance) doubts the payback period.',
    pageTitle: 'Call notes – Amina Hassan',
    url: 'https://teams.example.com/meeting/22',
    capturedAt: NOW - 3 * DAY,
  },
  {
    id: 'n-visit',
    text: 'Visited 6 of the 40 remote sites with Omar.\nDiesel generators run 18 hours a day at the remote sites; fuel is their biggest operating cost.',
    pageTitle: 'Site visit report – Omdurman cluster',
    url: 'https://mail.example.com/msg/1',
    capturedAt: NOW - 6 * DAY,
  },
  {
    id: 'n-wiki',
    text: 'Tender expected in March.',
    pageTitle: '',
    url: 'https://intranet.example.com/wiki/nile-tender',
    capturedAt: NOW - 2 * DAY,
  },
];

const OPERATING_COST = 'Diesel generators run 18 hours a day at the remote sites; fuel is their biggest operating cost.';

export const facts: DealFacts = {
  requirementValues: [
    {
      fieldId: 'operating-cost',
      value: OPERATING_COST,
      // Read when the value was accepted, as the panel does.
      figures: parseFigures(OPERATING_COST, { now: NOW - 5 * DAY }),
      source: { kind: 'note', noteId: 'n-visit', quote: '…run 18 hours a day at the remote sites; fuel is their biggest operating cost.', url: 'https://mail.example.com/msg/1' },
      confirmedByCustomer: false,
      setBy: '',
      setAt: NOW - 5 * DAY,
    },
    {
      fieldId: 'current-solution',
      value: 'Diesel generators at all 40 sites; grid at fewer than 10% of them.',
      source: { kind: 'manual' },
      confirmedByCustomer: true,
      setBy: 'Li Wei',
      setAt: NOW - 4 * DAY,
    },
  ],
  notes,
  stakeholders: [
    { id: 'crm:email:amina@niletel.example', name: 'Amina Hassan', roles: [], stance: 'supporter', influence: 'high', ourOwner: 'p-ana', lastEngagedAt: NOW - 3 * DAY, source: 'crm' },
    {
      id: 'crm:email:omar@niletel.example',
      name: 'Omar Idris',
      roles: ['technical-evaluator', 'end-user'],
      stance: 'neutral',
      influence: 'medium',
      ourOwner: 'p-li',
      lastEngagedAt: NOW - 6 * DAY,
      source: 'crm',
    },
    { id: 'manual:fatima', name: 'Fatima Osman', title: 'Finance Director', roles: ['influencer'], stance: 'opponent', influence: 'high', source: 'manual' },
  ],
  assignments: [
    { roleId: 'ar', personId: 'p-ana' },
    { roleId: 'sr', personId: 'p-li' },
  ],
};

export function briefInput(overrides: Partial<BriefInput> = {}): BriefInput {
  const analysis = analyzeDeal({ playbook: DEFAULT_PLAYBOOK, record, facts, directory, now: NOW });
  return { record, analysis, playbook: DEFAULT_PLAYBOOK, notes, now: new Date(NOW), ...overrides };
}
