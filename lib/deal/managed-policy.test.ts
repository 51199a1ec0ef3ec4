import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteDB } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase, type Database } from '../store/db';
import { onBroadcast } from '../messaging/page-client';
import type { Broadcast } from '../messaging/protocol';
import { askForManagedPolicy, LIVE_WAIT_MS, promptManagedPolicy } from './managed-policy';

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

/** The browser's policy service still starting: `storage.managed.get` answers only when `answer` is called. */
function slowPolicyService(): { answer: (values: Record<string, unknown>) => void } {
  let answer: (values: Record<string, unknown>) => void = () => {};
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise((resolve) => (answer = resolve)) as never);
  return { answer: (values) => answer(values) };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('promptManagedPolicy', () => {
  it('is the browser’s answer when it comes at once, and keeps a copy of it', async () => {
    await fakeBrowser.storage.managed.set({ playbook: '{"id":"it"}' });
    expect(await promptManagedPolicy(db, 'playbook')).toBe('{"id":"it"}');
    expect(await db.get('settings', 'managedPolicyCopy:playbook')).toBe('{"id":"it"}');
    expect(told).toEqual([]);
  });

  it('goes on at once with the kept copy, and says nothing when the answer agrees', async () => {
    await fakeBrowser.storage.managed.set({ playbook: '{"id":"it"}' });
    await promptManagedPolicy(db, 'playbook'); // an earlier page kept the copy
    const service = slowPolicyService();
    const started = Date.now();
    expect(await promptManagedPolicy(db, 'playbook')).toBe('{"id":"it"}');
    expect(Date.now() - started).toBeLessThan(LIVE_WAIT_MS / 2);
    service.answer({ playbook: '{"id":"it"}' });
    await settled();
    expect(told).toEqual([]);
  });

  it('keeps "no policy" as a copy too: a later page does not wait for the answer', async () => {
    expect(await promptManagedPolicy(db, 'playbook')).toBeUndefined();
    expect(await db.get('settings', 'managedPolicyCopy:playbook')).toBeNull();
    const service = slowPolicyService();
    const started = Date.now();
    expect(await promptManagedPolicy(db, 'playbook')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(LIVE_WAIT_MS / 2);
    service.answer({ playbook: '{"id":"it"}' });
    await settled();
    expect(told).toEqual([{ type: 'broadcast/configuration' }]);
    expect(await db.get('settings', 'managedPolicyCopy:playbook')).toBe('{"id":"it"}');
  });

  it('tells the pages when a policy IT set since differs from the copy used, even when the browser answers at once', async () => {
    await promptManagedPolicy(db, 'playbook');
    await fakeBrowser.storage.managed.set({ playbook: '{"id":"new"}' });
    expect(await promptManagedPolicy(db, 'playbook')).toBeUndefined();
    await settled();
    expect(told).toEqual([{ type: 'broadcast/configuration' }]);
    expect(await promptManagedPolicy(db, 'playbook')).toBe('{"id":"new"}');
  });

  it('tells the pages when the late answer differs from the copy used, and keeps the new one', async () => {
    await fakeBrowser.storage.managed.set({ teamDirectory: '[]' });
    await promptManagedPolicy(db, 'teamDirectory');
    const service = slowPolicyService();
    expect(await promptManagedPolicy(db, 'teamDirectory')).toBe('[]');
    service.answer({});
    await settled();
    expect(told).toEqual([{ type: 'broadcast/configuration' }]);
    expect(await db.get('settings', 'managedPolicyCopy:teamDirectory')).toBeNull();
  });

  it('without a copy, counts the wait from when the page asked, not from when the analysis reads', async () => {
    const service = slowPolicyService();
    askForManagedPolicy();
    await new Promise((resolve) => setTimeout(resolve, LIVE_WAIT_MS));
    const started = Date.now();
    expect(await promptManagedPolicy(db, 'playbook')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(LIVE_WAIT_MS / 2);
    service.answer({});
    await settled();
  });

  it('without a copy, waits for the answer a while, then goes on as without a policy and corrects once IT’s arrives', async () => {
    const service = slowPolicyService();
    const started = Date.now();
    expect(await promptManagedPolicy(db, 'playbook')).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIVE_WAIT_MS - 5);
    service.answer({ playbook: '{"id":"it"}' });
    await settled();
    expect(told).toEqual([{ type: 'broadcast/configuration' }]);
    expect(await db.get('settings', 'managedPolicyCopy:playbook')).toBe('{"id":"it"}');
  });
});
