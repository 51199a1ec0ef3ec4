import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteDB } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase, type Database } from '@/lib/store/db';
import { onBroadcast } from '@/lib/messaging/page-client';
import type { Broadcast } from '@/lib/messaging/protocol';
import { keepManagedPolicyCopies, promptManagedPolicy } from './managed-policy';

let db: Database;
const told: Broadcast[] = [];
let stopListening = () => {};

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openDatabase('managed-policy-test');
  told.length = 0;
  stopListening = onBroadcast((message) => told.push(message));
});
afterEach(async () => {
  stopListening();
  vi.restoreAllMocks();
  db.close();
  await deleteDB('managed-policy-test');
});

/**
 * The browser's policy service still starting: `storage.managed.get` answers only when `answer` is
 * called, then at once (an ask left unanswered would be shared by every later read, test after test).
 */
function slowPolicyService(): { answer: (values: Record<string, unknown>) => void } {
  const waiting: ((values: Record<string, unknown>) => void)[] = [];
  let answered: Record<string, unknown> | undefined;
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
    () => (answered ? Promise.resolve(answered) : new Promise((resolve) => waiting.push(resolve))) as never,
  );
  return {
    answer: (values) => {
      answered = values;
      for (const resolve of waiting.splice(0)) resolve(values);
    },
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
const copyOf = (key: string) => db.get('settings', `managedPolicyCopy:${key}`);

describe('promptManagedPolicy', () => {
  it('is the kept copy, without waiting for the browser, and says nothing when the answer agrees', async () => {
    await fakeBrowser.storage.managed.set({ playbook: '{"id":"it"}' });
    await promptManagedPolicy(db, 'playbook'); // an earlier page kept the copy
    await settled();
    told.length = 0;
    const service = slowPolicyService();
    expect(await promptManagedPolicy(db, 'playbook')).toBe('{"id":"it"}');
    service.answer({ playbook: '{"id":"it"}' });
    await settled();
    expect(told).toEqual([]);
  });

  it('without a copy, goes on as without a policy, keeps the answer and tells the pages when IT set one', async () => {
    const service = slowPolicyService();
    expect(await promptManagedPolicy(db, 'playbook')).toBeUndefined();
    expect(await copyOf('playbook')).toBeUndefined();
    service.answer({ playbook: '{"id":"it"}' });
    await settled();
    expect(told).toEqual([{ type: 'broadcast/configuration' }]);
    expect(await copyOf('playbook')).toBe('{"id":"it"}');
    expect(await promptManagedPolicy(db, 'playbook')).toBe('{"id":"it"}');
  });

  it('keeps "no policy" as a copy too, without telling anyone', async () => {
    expect(await promptManagedPolicy(db, 'teamDirectory')).toBeUndefined();
    await settled();
    expect(await copyOf('teamDirectory')).toBeNull();
    expect(told).toEqual([]);
  });

  it('tells the pages when the answer differs from the copy used, and keeps the new one', async () => {
    await fakeBrowser.storage.managed.set({ teamDirectory: '[]' });
    await promptManagedPolicy(db, 'teamDirectory');
    await settled();
    told.length = 0;
    const service = slowPolicyService();
    expect(await promptManagedPolicy(db, 'teamDirectory')).toBe('[]');
    service.answer({});
    await settled();
    expect(told).toEqual([{ type: 'broadcast/configuration' }]);
    expect(await copyOf('teamDirectory')).toBeNull();
  });
});

describe('keepManagedPolicyCopies', () => {
  it('keeps a copy of every policy at start, and again when IT changes one', async () => {
    await fakeBrowser.storage.managed.set({ playbook: '{"id":"it"}' });
    keepManagedPolicyCopies(async () => db);
    await settled();
    expect([await copyOf('playbook'), await copyOf('teamDirectory'), await copyOf('pageRules')]).toEqual(['{"id":"it"}', null, null]);
    await fakeBrowser.storage.managed.set({ playbook: '{"id":"it-2"}' });
    await settled();
    expect(await copyOf('playbook')).toBe('{"id":"it-2"}');
    expect(told).toEqual([{ type: 'broadcast/configuration' }, { type: 'broadcast/configuration' }]);
  });

  it('says when a copy changed, and only then', async () => {
    const changed = vi.fn();
    await fakeBrowser.storage.managed.set({ pageRules: '[]' });
    keepManagedPolicyCopies(async () => db, changed);
    await settled();
    expect(changed).toHaveBeenCalledOnce(); // nothing was kept before
    keepManagedPolicyCopies(async () => db, changed); // a service worker's next start, nothing changed
    await settled();
    expect(changed).toHaveBeenCalledOnce();
    await fakeBrowser.storage.managed.set({ pageRules: '[{"id":"x"}]' });
    await settled();
    expect(changed.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('goes on when the database cannot be opened (storage blocked)', async () => {
    keepManagedPolicyCopies(() => Promise.reject(new Error('blocked')));
    await settled();
    expect(told).toEqual([]);
  });
});
