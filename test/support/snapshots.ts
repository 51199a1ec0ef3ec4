import type { RecordSnapshot } from '@/lib/crm/snapshot';

/** A schema-valid Salesforce opportunity snapshot for unit tests. */
export const validSnapshot: RecordSnapshot = {
  crm: 'salesforce',
  adapter: 'salesforce',
  host: 'acme.lightning.force.com',
  objectType: 'Opportunity',
  recordId: '0065g00000AbCdEAAZ',
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view',
  name: 'Nile Telecom – Solar Hybrid Sites',
  stage: 'Needs Analysis',
  amount: { text: 'USD 1,250,000.00', value: 1_250_000, currency: 'USD' },
  fields: [{ label: 'Stage', value: 'Needs Analysis', apiName: 'StageName' }],
  contacts: [{ name: 'Amina Hassan', role: 'Decision Maker' }],
  missing: [],
  readAt: 1,
};
