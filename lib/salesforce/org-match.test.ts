import { describe, expect, it } from 'vitest';
import { connectedOpportunityId, isPageOfOrg } from './org-match';

const INSTANCE = 'https://acme.my.salesforce.com';
const opportunity = (host: string, recordId = '0065g00000AbCdEAAV') => ({ crm: 'salesforce', host, objectType: 'Opportunity', recordId });

describe('isPageOfOrg', () => {
  it('accepts the org’s Lightning and My Domain hosts', () => {
    expect(isPageOfOrg('acme.lightning.force.com', INSTANCE)).toBe(true);
    expect(isPageOfOrg('ACME.lightning.force.com', INSTANCE)).toBe(true);
    expect(isPageOfOrg('acme.my.salesforce.com', INSTANCE)).toBe(true);
  });
  it('matches sandboxes to their own instance only', () => {
    const sandbox = 'https://acme--uat.sandbox.my.salesforce.com';
    expect(isPageOfOrg('acme--uat.sandbox.lightning.force.com', sandbox)).toBe(true);
    expect(isPageOfOrg('acme.lightning.force.com', sandbox)).toBe(false);
    expect(isPageOfOrg('acme--uat.sandbox.lightning.force.com', INSTANCE)).toBe(false);
  });
  it('refuses other orgs and look-alike hosts', () => {
    expect(isPageOfOrg('acme2.lightning.force.com', INSTANCE)).toBe(false);
    expect(isPageOfOrg('evil.acme.lightning.force.com', INSTANCE)).toBe(false);
    expect(isPageOfOrg('acme.lightning.force.com.evil.example', INSTANCE)).toBe(false);
    expect(isPageOfOrg('acme.lightning.force.com', 'https://acme.example.com')).toBe(false);
  });
});

describe('connectedOpportunityId', () => {
  it('gives the id of an opportunity of the connected org', () => {
    expect(connectedOpportunityId(opportunity('acme.lightning.force.com'), INSTANCE)).toBe('0065g00000AbCdEAAV');
  });
  it('gives nothing for another org, another object or another CRM', () => {
    expect(connectedOpportunityId(opportunity('other.lightning.force.com'), INSTANCE)).toBeUndefined();
    expect(connectedOpportunityId({ ...opportunity('acme.lightning.force.com'), objectType: 'Account', recordId: '0015g00000AbCdEAAV' }, INSTANCE)).toBeUndefined();
    expect(connectedOpportunityId({ ...opportunity('acme.lightning.force.com'), crm: 'custom' }, INSTANCE)).toBeUndefined();
    expect(connectedOpportunityId(opportunity('acme.lightning.force.com', '0015g00000AbCdEAAV'), INSTANCE)).toBeUndefined();
  });
});
