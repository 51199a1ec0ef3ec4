// What the e2e tests expect to see of the Salesforce fixtures, keyed by the
// fixture index (lib/crm/adapters/fixtures/salesforce/fixtures.json), which
// also tells the fixture server which URL path serves which file.
import { readFileSync } from 'node:fs';

const index = JSON.parse(readFileSync(new URL('../../../lib/crm/adapters/fixtures/salesforce/fixtures.json', import.meta.url), 'utf8'));

function fixture(file, expected) {
  const entry = index.fixtures.find((candidate) => candidate.file === file);
  if (!entry) throw new Error(`fixture ${file} is not in fixtures.json`);
  const recordId = /\/lightning\/r\/\w+\/(\w+)\/view/.exec(entry.path)?.[1];
  return { path: entry.path, recordId, ...expected };
}

export const FIRST_OPPORTUNITY = fixture('opportunity-en.html', {
  name: 'Nile Telecom – Solar Hybrid Sites',
  stage: 'Needs Analysis',
  amount: 'USD 1,250,000.00',
});

export const SECOND_OPPORTUNITY = fixture('opportunity-second-en.html', {
  name: 'Cairo Metro Authority – Station Backup Power',
  stage: 'Proposal/Price Quote',
});
