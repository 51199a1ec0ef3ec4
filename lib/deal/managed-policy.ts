import { browser } from 'wxt/browser';
import { z } from '@/lib/zod/mini';
import { publish } from '@/lib/messaging/page-client';
import type { Database } from '@/lib/store/db';
import { readSetting, writeSetting } from '@/lib/store/settings';

/** The policies IT can push (managed-schema.json) that shape the analysis. */
export type ManagedPolicyKey = 'playbook' | 'teamDirectory' | 'pageRules';

const copySetting = (key: ManagedPolicyKey) => `managedPolicyCopy:${key}`;
/** The raw policy as Chrome gave it (object or JSON text); null: none was set. Validated where it is used. */
const CopySchema = z.unknown();

const MANAGED_POLICY_KEYS: readonly ManagedPolicyKey[] = ['playbook', 'teamDirectory', 'pageRules'];

/** The browser's answer being awaited, shared by every read meanwhile. */
let pending: Promise<Record<string, unknown>> | undefined;

function askBrowser(): Promise<Record<string, unknown>> {
  if (!pending) {
    const answer = browser.storage.managed.get([...MANAGED_POLICY_KEYS]).then(
      (values) => (values ?? {}) as Record<string, unknown>,
      () => ({}), // browsers without a managed-storage backend, or without a policy
    );
    pending = answer;
    // Asked again after each answer: a policy IT changes is read at the next analysis.
    void answer.finally(() => {
      if (pending === answer) pending = undefined;
    });
  }
  return pending;
}

/** IT's policy `key` as the browser says it now; undefined when none is set or there is no managed storage. */
async function liveManagedPolicy(key: ManagedPolicyKey): Promise<unknown> {
  return (await askBrowser())[key] ?? undefined;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * IT's policy `key` without waiting on the browser: the copy kept from its last
 * answer (none kept: no policy), checked against a fresh answer meanwhile.
 * Chrome answers `storage.managed.get` only once its policy service is up: about
 * 3 s after a fresh start on this machine, 3–8 s elsewhere
 * (ghostery/ghostery-extension#3367), even when no policy is set; later answers
 * mostly take ~2 ms, yet a new panel page's first ask sometimes had none for 250 ms
 * and more (bench/findings.md, item 8). When the answer differs from the copy, the
 * copy is replaced and the extension's pages are told (`broadcast/configuration`)
 * and read again: within seconds of a fresh start, or of IT changing a policy,
 * what they show follows IT's policy. The background keeps the copies current
 * (keepManagedPolicyCopies), so a page rarely shows one that is out of date.
 */
export async function promptManagedPolicy(db: Database, key: ManagedPolicyKey): Promise<unknown> {
  const kept = await keptCopy(db, key);
  void correctCopy(db, key, kept);
  return kept ?? undefined;
}

/**
 * The copy kept of IT's `key` policy, without asking the browser: for the background, which keeps the
 * copies current itself (keepManagedPolicyCopies). undefined when none is kept or it has no policy.
 */
export async function keptManagedPolicy(db: Database, key: ManagedPolicyKey): Promise<unknown> {
  return (await keptCopy(db, key)) ?? undefined;
}

/** undefined: no answer was ever kept; null: the last one had no policy. */
const keptCopy = (db: Database, key: ManagedPolicyKey): Promise<unknown> => readSetting(db, copySetting(key), CopySchema, undefined).catch(() => undefined);

/** Brings the copy of `key` up to the browser's answer; true when what it says changed (the pages were told). */
async function correctCopy(db: Database, key: ManagedPolicyKey, kept: unknown): Promise<boolean> {
  const value = await liveManagedPolicy(key);
  if (kept !== undefined && sameValue(value, kept)) return false;
  // A copy that cannot be written (storage blocked, database closing) is asked for again at the next read.
  await writeSetting(db, copySetting(key), CopySchema, value ?? null).catch(() => undefined);
  if (sameValue(value, kept)) return false;
  await publish({ type: 'broadcast/configuration' });
  return true;
}

/**
 * For the background: brings every copy up to the browser's answer now (at the
 * extension's start, so a copy exists before the first page needs one) and
 * whenever IT changes a policy while the browser runs. `onChange` runs when a
 * copy changed: the background's own work that follows IT's policy (the page
 * rules the tabs' enrichers hold) is redone, as the pages redo theirs on the broadcast.
 */
export function keepManagedPolicyCopies(database: () => Promise<Database>, onChange: () => void = () => undefined): void {
  const refresh = () =>
    void database()
      .then((db) => Promise.all(MANAGED_POLICY_KEYS.map(async (key) => correctCopy(db, key, await keptCopy(db, key)))))
      .then((changed) => changed.includes(true) && onChange())
      .catch(() => undefined);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') refresh();
  });
  refresh();
}
