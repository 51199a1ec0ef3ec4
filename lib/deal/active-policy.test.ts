import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase, type Database } from '@/lib/store/db';
import { replaceDirectory } from '@/lib/store/directory';
import { writeSetting } from '@/lib/store/settings';
import { z } from '@/lib/zod/mini';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { onBroadcast } from '@/lib/messaging/page-client';
import { IMPORTED_PLAYBOOK_SETTING, loadActiveDirectory, loadActivePlaybook } from './active-policy';
import { promptManagedPolicy, type ManagedPolicyKey } from './managed-policy';

let db: Database;
const person = (id: string, name: string) => ({ id, name, roles: ['sr'], skills: [], industries: [], regions: [], languages: [], capacity: 3, openDeals: 0 });
const importedPlaybook = JSON.stringify({ ...DEFAULT_PLAYBOOK, id: 'acme', version: '2027.1' });

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openDatabase('policy-test');
});
afterEach(async () => {
  db.close();
  await deleteDB('policy-test');
});

/**
 * A policy IT sets while the browser runs: the read that notices it still uses the kept copy
 * (lib/deal/managed-policy.ts) and tells the pages to read again; resolves on that word.
 */
function correctionAnnounced(): Promise<void> {
  return new Promise((resolve) => {
    const stop = onBroadcast((message) => {
      if (message.type !== 'broadcast/configuration') return;
      stop();
      resolve();
    });
  });
}

/** IT sets policies, and the copy the pages read is brought up to date (as the background does at start and on each change). */
async function itSets(values: Partial<Record<ManagedPolicyKey, string>>): Promise<void> {
  await fakeBrowser.storage.managed.set(values);
  const announced = correctionAnnounced();
  await Promise.all(Object.keys(values).map((key) => promptManagedPolicy(db, key as ManagedPolicyKey)));
  await announced;
}

describe('playbook in force', () => {
  it('is the default when nothing else is set', async () => {
    expect((await loadActivePlaybook(db)).source).toBe('default');
  });

  it('is the user’s import, unless IT set a valid one', async () => {
    await writeSetting(db, IMPORTED_PLAYBOOK_SETTING, z.string(), importedPlaybook);
    expect(await loadActivePlaybook(db)).toMatchObject({ source: 'imported', playbook: { id: 'acme' } });
    await fakeBrowser.storage.managed.set({ playbook: JSON.stringify({ ...DEFAULT_PLAYBOOK, id: 'it-policy' }) });
    const announced = correctionAnnounced();
    expect(await loadActivePlaybook(db)).toMatchObject({ source: 'imported' });
    await announced;
    expect(await loadActivePlaybook(db)).toMatchObject({ source: 'managed', playbook: { id: 'it-policy' } });
  });

  it('falls back with a warning when IT’s policy is invalid', async () => {
    await itSets({ playbook: '{"schemaVersion": 1}' });
    const active = await loadActivePlaybook(db);
    expect(active.source).toBe('default');
    expect(active.warnings.map((warning) => warning.source)).toEqual(['managed']);
  });
});

describe('team directory in force', () => {
  it('is the imported one without a policy', async () => {
    await replaceDirectory(db, [person('p1', 'Zhang Wei')]);
    expect(await loadActiveDirectory(db)).toEqual({ people: [expect.objectContaining({ id: 'p1' })], source: 'stored', managedErrors: 0 });
  });

  it('is IT’s when valid, and never a part of an invalid one', async () => {
    await replaceDirectory(db, [person('p1', 'Zhang Wei')]);
    await itSets({ teamDirectory: JSON.stringify([person('it1', 'Anna Berg')]) });
    expect(await loadActiveDirectory(db)).toMatchObject({ source: 'managed', people: [{ id: 'it1' }] });
    await itSets({ teamDirectory: JSON.stringify([person('it1', 'Anna Berg'), { id: 'bad' }]) });
    const fallback = await loadActiveDirectory(db);
    expect(fallback).toMatchObject({ source: 'stored', people: [{ id: 'p1' }] });
    expect(fallback.managedErrors).toBeGreaterThan(0);
  });
});
