import { browser } from 'wxt/browser';
import { z } from '../zod/classic';
import { publish } from '../messaging/page-client';
import type { Database } from '../store/db';
import { readSetting, writeSetting } from '../store/settings';

/** The policies IT can push (managed-schema.json) that shape the analysis. */
export type ManagedPolicyKey = 'playbook' | 'teamDirectory' | 'pageRules';

/**
 * How long a read waits for Chrome's own answer before it goes on with the copy.
 * Chrome answers `storage.managed.get` only once its policy service is up: about
 * 3 s after a fresh start on this machine, 3–8 s elsewhere
 * (ghostery/ghostery-extension#3367), even when no policy is set; later reads
 * take ~2 ms. The panel's analysis waited for it (`panel.analysis.first`).
 */
export const LIVE_WAIT_MS = 250;

const copySetting = (key: ManagedPolicyKey) => `managedPolicyCopy:${key}`;
/** The raw policy as Chrome gave it (object or JSON text); null: none was set. Validated where it is used. */
const CopySchema = z.unknown();

const MANAGED_POLICY_KEYS: readonly ManagedPolicyKey[] = ['playbook', 'teamDirectory', 'pageRules'];

/** The browser's answer being awaited, shared by every read meanwhile, and when it was asked. */
let pending: { askedAt: number; answer: Promise<Record<string, unknown>> } | undefined;

function askBrowser(): NonNullable<typeof pending> {
  if (!pending) {
    const answer = browser.storage.managed.get([...MANAGED_POLICY_KEYS]).then(
      (values) => (values ?? {}) as Record<string, unknown>,
      () => ({}), // browsers without a managed-storage backend, or without a policy
    );
    const asked = { askedAt: Date.now(), answer };
    pending = asked;
    // Asked again after each answer: a policy IT changes is read at the next analysis.
    void answer.finally(() => {
      if (pending === asked) pending = undefined;
    });
  }
  return pending;
}

/**
 * Asks the browser for IT's policy now, for an analysis to come: a page calls it
 * first thing, so the wait for a policy service still starting overlaps the
 * page's own start instead of following it.
 */
export function askForManagedPolicy(): void {
  askBrowser();
}

/** IT's policy `key` as the browser says it now; undefined when none is set or there is no managed storage. */
export async function liveManagedPolicy(key: ManagedPolicyKey): Promise<unknown> {
  return (await askBrowser().answer)[key] ?? undefined;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * IT's policy `key` without waiting on a policy service that is still starting:
 * the browser's answer when it comes within LIVE_WAIT_MS of being asked, else the copy kept
 * from the last answer (none kept: no policy). Each answer replaces a copy that
 * differs; when the copy was used and the answer differs, the extension's pages
 * are told (`broadcast/configuration`) and read again, so within seconds of the
 * browser's start what they show follows IT's policy.
 */
export async function promptManagedPolicy(db: Database, key: ManagedPolicyKey): Promise<unknown> {
  const copy = readSetting(db, copySetting(key), CopySchema, null).catch(() => null);
  const { askedAt } = askBrowser();
  const live = liveManagedPolicy(key);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const answered = await Promise.race([
    live.then((value) => ({ value })),
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), Math.max(0, askedAt + LIVE_WAIT_MS - Date.now()));
    }),
  ]);
  clearTimeout(timer);
  if (answered) {
    await keepCopy(db, key, answered.value, await copy);
    return answered.value;
  }
  const kept = await copy;
  void live.then(async (value) => {
    await keepCopy(db, key, value, kept);
    if (!sameValue(value, kept)) await publish({ type: 'broadcast/configuration' });
  });
  return kept ?? undefined;
}

async function keepCopy(db: Database, key: ManagedPolicyKey, value: unknown, kept: unknown): Promise<void> {
  if (sameValue(value, kept)) return;
  // A copy that cannot be written (storage blocked, database closing) only costs the next slow start its head start.
  await writeSetting(db, copySetting(key), CopySchema, value ?? null).catch(() => undefined);
}
