import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSalesforcePolicy, SalesforceSetupSchema } from './policy';

beforeEach(() => fakeBrowser.reset());

describe('readSalesforcePolicy', () => {
  it('reads what IT pushed, as bare host and key', async () => {
    await fakeBrowser.storage.managed.set({
      salesforceLoginHost: 'https://Acme.my.salesforce.com',
      salesforceConsumerKey: '3MVG9abc.def_ghi',
      salesforceSignInEverySession: true,
      salesforceContactRoles: { procurement: 'Procurement' },
      salesforceTeamRoles: { fr: 'Fulfilment Responsible' },
    });
    expect(await readSalesforcePolicy()).toEqual({
      loginHost: 'acme.my.salesforce.com',
      clientId: '3MVG9abc.def_ghi',
      signInEverySession: true,
      roles: { contactRoles: { procurement: 'Procurement' }, teamRoles: { fr: 'Fulfilment Responsible' } },
    });
  });
  it('ignores values that do not parse, and a sign-in policy that is not exactly true', async () => {
    await fakeBrowser.storage.managed.set({
      salesforceLoginHost: 'login.evil.example',
      salesforceConsumerKey: 'key with spaces',
      salesforceSignInEverySession: 'yes',
      salesforceContactRoles: { procurement: 42 },
      salesforceTeamRoles: 'Fulfilment Responsible',
    });
    expect(await readSalesforcePolicy()).toEqual({ signInEverySession: false, roles: {} });
  });
  it('is empty without a policy', async () => {
    expect(await readSalesforcePolicy()).toEqual({ signInEverySession: false, roles: {} });
  });
});

describe('SalesforceSetupSchema', () => {
  it('accepts My Domain, production and sandbox login hosts', () => {
    for (const host of ['acme.my.salesforce.com', 'login.salesforce.com', 'test.salesforce.com', 'acme--uat.sandbox.my.salesforce.com']) {
      expect(SalesforceSetupSchema.parse({ loginHost: host, clientId: '3MVG9abc.def' }).loginHost).toBe(host);
    }
  });
  it('refuses other hosts, ports and paths', () => {
    for (const host of ['salesforce.com.evil.example', 'acme.my.salesforce.com:8443', 'acme.my.salesforce.com/path', 'http://login.salesforce.com']) {
      expect(SalesforceSetupSchema.safeParse({ loginHost: host, clientId: '3MVG9abc.def' }).success, host).toBe(false);
    }
  });
});
