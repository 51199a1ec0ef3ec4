import { describe, expect, it } from 'vitest';
import { connectPermissions } from './data-collection';

describe('connectPermissions', () => {
  it('asks for the login host, and in Firefox for consent to what a connected org receives', () => {
    expect(connectPermissions('login.salesforce.com', false)).toEqual({ origins: ['https://login.salesforce.com/*'] });
    expect(connectPermissions('acme.my.salesforce.com', true)).toEqual({
      origins: ['https://acme.my.salesforce.com/*'],
      data_collection: ['personalCommunications', 'personallyIdentifyingInfo', 'browsingActivity', 'websiteContent'],
    });
  });
});
