import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLocale } from '@/lib/i18n';
import { saveSignIn, forgetConnection } from '@/lib/salesforce/session';
import { readTeamsOff, writeTeamsOff } from '@/lib/salesforce/teams';
import { getDatabase } from '@/lib/store/connection';
import { replaceDirectory } from '@/lib/store/directory';
import { contactRoleTargetOf, factsTargetOf, teamTargetOf } from './salesforce-target';

// Which panel writes also go to Salesforce: only those on an opportunity of the connected org.

const ORG = {
  loginHost: 'acme.my.salesforce.com',
  clientId: '3MVG9test.key',
  redirectUri: 'https://abcdefghijklmnop.chromiumapp.org/salesforce',
  instanceUrl: 'https://acme.my.salesforce.com',
  orgId: '00D5g000000AbCdEAK',
  userId: '0055g000000AbCdEAA',
  connectedAt: 1,
  signInEverySession: false,
};
const OPPORTUNITY = 'salesforce|acme.lightning.force.com|Opportunity|0065g00000AbCdEAAV';

beforeEach(async () => {
  fakeBrowser.reset();
  setLocale('en');
  const db = await getDatabase();
  await forgetConnection(db);
  await replaceDirectory(db, [
    { id: 'p1', name: 'Wang Fang', email: 'wang.fang@example.com', roles: ['sr'], skills: [], industries: [], regions: [], languages: [], capacity: 3, openDeals: 0 },
    { id: 'p2', name: 'Li Lei', roles: ['fr'], skills: [], industries: [], regions: [], languages: [], capacity: 3, openDeals: 0 },
  ]);
});

describe('a panel write goes to Salesforce', () => {
  it('never while no org is connected', async () => {
    const db = await getDatabase();
    expect(await factsTargetOf(db, OPPORTUNITY, 1)).toBeUndefined();
    expect(await contactRoleTargetOf(db, OPPORTUNITY, 1)).toBeUndefined();
    expect(await teamTargetOf(db, OPPORTUNITY, 'p1', 1)).toBeUndefined();
  });

  it('for an opportunity of the connected org, signed in or not, with labels in the user’s language', async () => {
    const db = await getDatabase();
    await saveSignIn(db, ORG, { accessToken: 'a', instanceUrl: ORG.instanceUrl, id: '', issuedAt: 1 } as never);
    const target = await factsTargetOf(db, OPPORTUNITY, 7);
    expect(target).toMatchObject({ opportunityId: '0065g00000AbCdEAAV', createdAt: 7 });
    expect(target!.labelOf('business-pain')).not.toBe('business-pain');
    setLocale('zh-CN');
    const zh = await factsTargetOf(db, OPPORTUNITY, 7);
    expect(zh!.labelOf('business-pain')).not.toBe(target!.labelOf('business-pain'));
    expect(zh!.labelOf('no-such-field')).toBe('no-such-field');
    expect(await teamTargetOf(db, OPPORTUNITY, 'p1', 1)).toMatchObject({ userEmail: 'wang.fang@example.com' });
    expect(await teamTargetOf(db, OPPORTUNITY, 'p2', 1)).toBeUndefined(); // no e-mail: Salesforce cannot tell who
    // Opportunity teams off in the org: an assignment stays here (an entry Salesforce never takes would block the record).
    await writeTeamsOff(db, true);
    expect(await teamTargetOf(db, OPPORTUNITY, 'p1', 1)).toBeUndefined();
    expect(await factsTargetOf(db, OPPORTUNITY, 1)).toBeDefined();
    // Disconnecting forgets what the org said.
    await forgetConnection(db);
    expect(await readTeamsOff(db)).toBe(false);
  });

  it('not for a record of another org, another object or another CRM', async () => {
    const db = await getDatabase();
    await saveSignIn(db, ORG, { accessToken: 'a', instanceUrl: ORG.instanceUrl, id: '', issuedAt: 1 } as never);
    for (const key of [
      'salesforce|other.lightning.force.com|Opportunity|0065g00000AbCdEAAV',
      'salesforce|acme.lightning.force.com|Account|0015g00000AbCdEAAV',
      'dynamics|acme.crm.dynamics.com|opportunity|0065g00000AbCdEAAV',
    ]) {
      expect(await contactRoleTargetOf(db, key, 1)).toBeUndefined();
    }
  });
});
