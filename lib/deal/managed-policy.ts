import { browser } from 'wxt/browser';
import { z } from '../zod/classic';
import { publish } from '../messaging/page-client';
import type { Database } from '../store/db';
import { readSetting, writeSetting } from '../store/settings';

/** The policies IT can push (managed-schema.json) that shape the analysis. */
export type ManagedPolicyKey = 'playbook' | 'teamDirectory' | 'pageRules';

/**
 * How long a profile that never had Chrome's answer waits for it. Chrome answers
 * `storage.managed.get` only once its policy service is up: about 3 s after a
 * fresh start on this machine, 3–8 s elsewhere (ghostery/ghostery-extension#3367),
 * even when no policy is set; later reads mostly take ~2 ms, but a new page's
 * first read sometimes had no answer for its whole first 250 ms.
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
 * IT's policy `key` without waiting on the browser: the copy kept from the last
 * answer, checked against a fresh answer meanwhile. Chrome's answer can take
 * seconds (see LIVE_WAIT_MS) and, measured on panel pages of a warm browser,
 * sometimes never came in the page's first 250 ms, which every analysis then
 * waited for (`panel.analysis.open`, bench/findings.md). When the answer differs,
 * the copy is replaced and the extension's pages are told
 * (`broadcast/configuration`) and read again. Only a profile that never had an
 * answer waits, up to LIVE_WAIT_MS from the page's ask, before it goes on as
 * without a policy (corrected the same way when IT's arrives).
 */
export async function promptManagedPolicy(db: Database, key: ManagedPolicyKey): Promise<unknown> {
  // undefined: never kept; null: the last answer had no policy.
  const kept = await readSetting(db, copySetting(key), CopySchema, undefined).catch(() => undefined);
  const { askedAt } = askBrowser();
  const live = liveManagedPolicy(key);
  const correctLater = (used: unknown) =>
    void live.then(async (value) => {
      await keepCopy(db, key, value, kept);
      if (!sameValue(value, used)) await publish({ type: 'broadcast/configuration' });
    });
  if (kept !== undefined) {
    correctLater(kept);
    return kept ?? undefined;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const answered = await Promise.race([
    live.then((value) => ({ value })),
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), Math.max(0, askedAt + LIVE_WAIT_MS - Date.now()));
    }),
  ]);
  clearTimeout(timer);
  if (answered) {
    await keepCopy(db, key, answered.value, kept);
    return answered.value;
  }
  correctLater(undefined);
  return undefined;
}

async function keepCopy(db: Database, key: ManagedPolicyKey, value: unknown, kept: unknown): Promise<void> {
  if (kept !== undefined && sameValue(value, kept)) return;
  // A copy that cannot be written (storage blocked, database closing) only costs the next slow start its head start.
  await writeSetting(db, copySetting(key), CopySchema, value ?? null).catch(() => undefined);
}
