// Drives the outbox sender: one run at a time, started when the worker starts, after a
// capture that added an entry, when the user asks (panel, options) and when the alarm
// set for the next due entry fires. The alarm is what survives a stopped worker and a
// browser restart; entries themselves carry every delivery state (lib/store/outbox.ts).
import { browser } from 'wxt/browser';
import { parseRecordKey } from '@/lib/crm/snapshot';
import { broadcast } from '@/lib/messaging/broadcast';
import { SalesforceClient } from '@/lib/salesforce/client';
import { clientWrites } from '@/lib/salesforce/client-writes';
import { isPageOfOrg } from '@/lib/salesforce/org-match';
import { readSalesforcePolicy } from '@/lib/salesforce/policy';
import { sendDue, type SendReport } from '@/lib/salesforce/sender';
import { connectionState, dropTokens, storedTokenSource, type ConnectedOrg } from '@/lib/salesforce/session';
import { getDatabase } from '@/lib/store/connection';
import { nextWakeAt } from '@/lib/store/outbox';
import type { Database } from '@/lib/store/db';
import type { StoredOutboxEntry } from '@/lib/store/rows';

export const OUTBOX_ALARM = 'salesforce-outbox';
/** An alarm is never set in the past (Chrome delays a packed extension's alarms to 30 s at least anyway). */
const MIN_ALARM_DELAY_MS = 1_000;

/** Entries of records this org's pages show: an entry of another org waits for that org. */
export const entryOfOrg = (org: ConnectedOrg) => (entry: StoredOutboxEntry) => isPageOfOrg(parseRecordKey(entry.recordKey).host, org.instanceUrl);

let running: Promise<void> | undefined;
let again = false;

/**
 * Sends what is due, now or right after the run in progress (a capture made during a run
 * is not left for the next alarm). Never rejects: failures live in the entries.
 */
export function syncSoon(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await syncOnce().catch(() => undefined);
    } while (again);
  })().finally(() => (running = undefined));
  return running;
}

async function syncOnce(): Promise<SendReport | undefined> {
  const db = await getDatabase();
  const connected = await connectedClient(db);
  if (!connected) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return undefined;
  }
  const { org, client } = connected;
  const accepts = entryOfOrg(org);
  // The org's own picklist values, read once per run: IT may push them while entries wait.
  const { roles } = await readSalesforcePolicy();
  const report = await sendDue({ db, writes: clientWrites(client), userId: org.userId, now: Date.now, random: Math.random, accepts, roles });
  if (report.stopped?.reason === 'sign-in') {
    // Refreshed once and still refused: nothing will go through until the user signs in.
    await dropTokens(db);
    await browser.alarms.clear(OUTBOX_ALARM);
  } else {
    const wakeAt = await nextWakeAt(db, accepts);
    if (wakeAt === undefined) await browser.alarms.clear(OUTBOX_ALARM);
    else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(wakeAt, Date.now() + MIN_ALARM_DELAY_MS) });
  }
  await broadcast({ type: 'broadcast/outbox' });
  return report;
}

/** A client for the connected org, or undefined when none is signed in. */
export async function connectedClient(db: Database): Promise<{ client: SalesforceClient; org: ConnectedOrg } | undefined> {
  const connection = await connectionState(db);
  if (connection.state !== 'connected') return undefined;
  const fetchImpl = globalThis.fetch.bind(globalThis);
  return { org: connection.org, client: new SalesforceClient({ fetch: fetchImpl, tokens: storedTokenSource(db, connection.org, fetchImpl) }) };
}

/** The outbox alarm's listener (registered at the worker's start). */
export function onAlarm(alarm: { name: string }): void {
  if (alarm.name === OUTBOX_ALARM) void syncSoon();
}
