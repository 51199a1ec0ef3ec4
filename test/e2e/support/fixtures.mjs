// What the e2e tests expect to see of the CRM fixtures. Paths and hosts come
// from each adapter's fixture index (lib/crm/adapters/fixtures/<crm>/fixtures.json),
// which also tells the fixture server what to serve where.
import { fixtureIndexes } from './crm-server.mjs';

const indexes = new Map(fixtureIndexes().map((index) => [index.crm, index]));

/** A fixture's address plus what the panel must show for it. */
export function fixture(crm, file, expected = {}) {
  const index = indexes.get(crm);
  const entry = index?.fixtures.find((candidate) => candidate.file === file);
  if (!entry) throw new Error(`fixture ${crm}/${file} is not in its fixtures.json`);
  const host = entry.host ?? index.host;
  return { crm, host, path: entry.path, url: `https://${host}${entry.path}`, ...expected };
}

export const FIRST_OPPORTUNITY = fixture('salesforce', 'opportunity-en.html', {
  recordId: '0065g00000AbCdEAAV',
  name: 'Nile Telecom – Solar Hybrid Sites',
  stage: 'Needs Analysis',
  amount: 'USD 1,250,000.00',
});

export const SECOND_OPPORTUNITY = fixture('salesforce', 'opportunity-second-en.html', {
  recordId: '0065g00000XyZ12AAF',
  name: 'Cairo Metro Authority – Station Backup Power',
  stage: 'Proposal/Price Quote',
});

/** The essay's Sudan story: the need is only in the Description until a note brings it. */
export const SUDAN_OPPORTUNITY = fixture('salesforce', 'opportunity-sudan.html', {
  recordId: '0065g00000SuDaNAAV',
  name: 'Sudan Mobile – Rural GSM Expansion',
  stage: 'Value Proposition',
  ltcStage: 'Solution / proposal',
  description: 'Build 450 base stations in Darfur and Kordofan.',
});

/** The essay's IQC story: won through the general manager, nobody from the customer's quality inspection known. */
export const IQC_OPPORTUNITY = fixture('salesforce', 'opportunity-iqc.html', {
  recordId: '0065g00000IqCqCAAV',
  name: 'Hengda – Compressor Supply 2027',
  stage: 'Closed Won',
  ltcStage: 'Contract / won',
});

/** For every supported CRM: two records to open and navigate between in-app. */
export const CRM_RECORDS = [
  { label: 'Salesforce', first: FIRST_OPPORTUNITY, second: SECOND_OPPORTUNITY },
  {
    label: 'Dynamics 365',
    first: fixture('dynamics', 'opportunity-en.html', { name: 'Northwind Traders – Cold Chain Monitoring Rollout', stage: 'Develop', amount: 'USD 850,000.00' }),
    second: fixture('dynamics', 'opportunity-second-en.html', { name: 'Fourth Coffee – Roastery Energy Retrofit', stage: 'Propose' }),
  },
  {
    label: 'HubSpot',
    first: fixture('hubspot', 'deal-en.html', { name: 'Northwind Logistics – Fleet Telematics Rollout', stage: 'Presentation scheduled', amount: '$125,000.00' }),
    second: fixture('hubspot', 'deal-second-en.html', { name: 'Contoso Pharma – Cold Chain Monitoring', stage: 'Contract sent' }),
  },
  {
    label: 'Pipedrive',
    first: fixture('pipedrive', 'deal-en.html', { name: 'Northwind Logistics – Route Optimisation Licences', stage: 'Demo Scheduled', amount: '$48,000' }),
    second: fixture('pipedrive', 'deal-second-en.html', { name: 'Fabrikam Foods – Warehouse Scanners', stage: 'Proposal Made' }),
  },
  {
    label: 'Zoho CRM',
    first: fixture('zoho', 'deal-en.html', { name: 'Kilimanjaro Breweries – Cold Chain Solar', stage: 'Needs Analysis', amount: '$ 1,250,000.00' }),
    second: fixture('zoho', 'deal-second-en.html', { name: 'Lake Victoria Fisheries – Ice Plant Retrofit', stage: 'Proposal/Price Quote' }),
  },
  {
    label: 'Odoo',
    first: fixture('odoo', 'lead-en.html', { name: 'Solar microgrid for Arusha clinic network', stage: 'Qualified', amount: '$ 48,000.00' }),
    second: fixture('odoo', 'lead-second-en.html', { name: 'Dodoma Water Utility – Pumping Station Solarisation', stage: 'Proposition' }),
  },
];
