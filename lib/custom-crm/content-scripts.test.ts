import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncCustomContentScripts } from './content-scripts';
import { ACME, ESPO } from './testing';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: string;
}

let registered: Registered[];
let granted: Set<string>;

beforeEach(() => {
  fakeBrowser.reset();
  registered = [{ id: 'custom-old-crm', matches: ['https://old.example/*'] }, { id: 'picker', matches: ['https://other.example/*'] }];
  granted = new Set([ACME.hostPattern]);
  // fakeBrowser has no scripting; permissions.contains is a stand-in for what the user granted.
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => registered.map((script) => ({ ...script }))),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        registered = registered.filter((script) => !ids.includes(script.id));
      }),
      registerContentScripts: vi.fn(async (scripts: Registered[]) => {
        registered.push(...scripts);
      }),
    },
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins = [] }) => origins.every((origin) => granted.has(origin)));
});
afterEach(() => {
  Reflect.deleteProperty(fakeBrowser, 'scripting');
});

describe('syncCustomContentScripts', () => {
  it('registers the custom script on each granted CRM host only, replacing its earlier registrations', async () => {
    await syncCustomContentScripts([ACME, ESPO]);
    expect(registered).toEqual([
      { id: 'picker', matches: ['https://other.example/*'] },
      { id: 'custom-acme-crm', matches: ['https://crm.acme.example/*'], js: ['content-scripts/custom.js'], runAt: 'document_idle' },
    ]);
  });

  it('registers nothing when no host is granted, and drops what it registered before', async () => {
    granted.clear();
    await syncCustomContentScripts([ACME, ESPO]);
    expect(registered).toEqual([{ id: 'picker', matches: ['https://other.example/*'] }]);
  });
});
