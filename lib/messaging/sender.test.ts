import { describe, expect, it } from 'vitest';
import { contentScriptOnCrm, isExtensionPage } from './sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('isExtensionPage', () => {
  it('accepts our own pages', () => {
    expect(isExtensionPage({ id: ID, url: `${ORIGIN}sidepanel.html?tabId=3` }, ID, ORIGIN)).toBe(true);
  });
  it.each([
    ['another extension', { id: 'zzzz', url: `chrome-extension://zzzz/sidepanel.html` }],
    ['our content script on a web page', { id: ID, url: 'https://acme.lightning.force.com/x', tab: { id: 1 } }],
    ['no url', { id: ID }],
    ['a look-alike origin', { id: ID, url: `https://evil.example/${ORIGIN}` }],
  ])('refuses %s', (_name, sender) => {
    expect(isExtensionPage(sender, ID, ORIGIN)).toBe(false);
  });
});

describe('contentScriptOnCrm', () => {
  const good = { id: ID, url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view', tab: { id: 7 }, frameId: 0 };
  it('accepts the top frame of a Salesforce tab', () => {
    expect(contentScriptOnCrm(good, ID)).toEqual({ tabId: 7, url: new URL(good.url) });
  });
  it.each([
    ['another extension', { ...good, id: 'other' }],
    ['a sub-frame', { ...good, frameId: 2 }],
    ['no tab', { ...good, tab: undefined }],
    ['a non-CRM host', { ...good, url: 'https://evil.example/lightning/r/Opportunity/0065g00000AbCdEAAZ/view' }],
    ['a host that only ends like a CRM', { ...good, url: 'https://evillightning.force.com/x' }],
    ['plain http', { ...good, url: 'http://acme.lightning.force.com/x' }],
    ['an extension page', { ...good, url: `${ORIGIN}sidepanel.html` }],
  ])('refuses %s', (_name, sender) => {
    expect(contentScriptOnCrm(sender, ID)).toBeNull();
  });
});
