import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openDatabase, type Database } from '@/lib/store/db';
import { ConnectedOrgSchema, readConnectedOrg } from './session';

const DB = 'session-test';
let db: Database;
beforeEach(async () => {
  db = await openDatabase(DB);
});
afterEach(async () => {
  db.close();
  await deleteDB(DB);
});

const org = {
  loginHost: 'login.salesforce.com',
  clientId: '3MVG9consumerkey',
  redirectUri: 'https://abcdefghijklmnop.chromiumapp.org/salesforce',
  instanceUrl: 'https://acme.my.salesforce.com',
  orgId: '00D000000000001AAA',
  userId: '005000000000001AAA',
  connectedAt: 1_764_000_000_000,
  signInEverySession: false,
};

describe('the connected org as stored', () => {
  it('is read back when valid', async () => {
    expect(ConnectedOrgSchema.safeParse(org).success).toBe(true);
    await db.put('settings', org, 'salesforce.org');
    expect(await readConnectedOrg(db)).toEqual(org);
  });

  // A capture reads the connected org: a stored value naming another host must not make it throw.
  it.each([
    ['a login host that is not Salesforce', { ...org, loginHost: 'login.evil.example' }],
    ['an instance that is not a My Domain', { ...org, instanceUrl: 'https://evil.example' }],
  ])('with %s is refused without throwing, and counts as not connected', async (_, stored) => {
    expect(() => ConnectedOrgSchema.safeParse(stored)).not.toThrow();
    expect(ConnectedOrgSchema.safeParse(stored).success).toBe(false);
    await db.put('settings', stored, 'salesforce.org');
    expect(await readConnectedOrg(db)).toBeNull();
  });
});
