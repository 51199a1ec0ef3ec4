import { browser } from 'wxt/browser';
import { PART_LABEL } from '@/components/part-labels';
import type { ExpectedPart, RecordSnapshot } from '@/lib/crm/snapshot';
import { setLocale, t } from '@/lib/i18n';
import { localeOf, readLanguagePreference } from '@/lib/i18n/preference';
import { broadcast } from '@/lib/messaging/broadcast';
import type { PointAtItResult } from '@/lib/messaging/protocol';
import type { SenderInfo } from '@/lib/messaging/sender';
import { withRules } from '@/lib/page-rules/file';
import { MAX_PICK_PREVIEW, PICKER_GLOBAL, type PickOptions } from '@/lib/page-rules/picker/protocol';
import { MAX_PAGE_RULES, PageRuleSchema, RuleLocatorSchema } from '@/lib/page-rules/schema';
import { isSafeLocator } from '@/lib/page-rules/selector-safety';
import { readPageRules, writePageRules } from '@/lib/page-rules/store';
import { getDatabase } from '@/lib/store/connection';
import { z } from '@/lib/zod/mini';
import { refreshEnrichment } from './enrichment';
import { readTabState } from './tab-states';

// "Point at it on the page" (issue 13), the background's half: at the user's
// click in the panel, the picker (`/picker.js`) is injected into the record's
// frame — never before, never as a content script — and started with its
// banner in the user's language. What it returns comes from a CRM page, so it
// is validated here again as a page rule; the rule's CRM, host and record type
// come from the tab, not from the page. The rule replaces the user's earlier
// rule for the same part of that record type on that host, and the tab is
// read again so the panel shows the value.

/** The frame the content script reads the record in (it runs in the top frame only). */
const RECORD_FRAME = 0;

/** What `start` may answer: a locator and the value's text, or a cancel. Anything else is a failure. */
const PickResultSchema = z.union([
  z.object({ cancelled: z.literal(true) }),
  z.object({ locator: RuleLocatorSchema, preview: z.string() }),
]);

const failed = (reason: Extract<PointAtItResult, { outcome: 'failed' }>['reason']): PointAtItResult => ({ outcome: 'failed', reason });

/**
 * True when `sender` may ask to point in `tabId`: a panel framed in a CRM page
 * (the docked panel) only in the tab it is framed in; the side panel and
 * extension pages in tabs in any tab (the caller has checked it is an extension page).
 */
export function mayPointIn(sender: SenderInfo, tabId: number): boolean {
  const framed = typeof sender.frameId === 'number' && sender.frameId !== 0;
  return !framed || sender.tab?.id === tabId;
}

/** The record the tab shows now, with the host of the tab's own URL; a failure reason otherwise. */
async function recordOf(tabId: number): Promise<RecordSnapshot | PointAtItResult> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return failed('tab-gone');
  }
  // Without host access the browser hides the tab's URL.
  if (!url) return failed('no-permission');
  const state = await readTabState(tabId);
  if (state.kind !== 'record' || state.snapshot.host !== new URL(url).host) return failed('not-a-record');
  return state.snapshot;
}

/** Why an injection into the tab failed, as the user is told it. */
async function injectionFailure(tabId: number, error: unknown): Promise<PointAtItResult> {
  const gone = await browser.tabs.get(tabId).then(
    () => false,
    () => true,
  );
  if (gone) return failed('tab-gone');
  const message = error instanceof Error ? error.message : String(error);
  return failed(/permission|cannot access|cannot be scripted|not allowed/i.test(message) ? 'no-permission' : 'picker-failed');
}

/** The banner's texts in the user's language (the stored preference, as the panel uses it). */
async function pickOptions(part: ExpectedPart): Promise<PickOptions> {
  setLocale(localeOf(await readLanguagePreference(await getDatabase()), globalThis.navigator?.language));
  const label = t(PART_LABEL[part]);
  return { part, banner: t('pointBanner', label), cancelHint: t('pointCancelHint'), unusableHint: t('pointUnusable') };
}

/** Injects the picker into the record's frame and runs one pick; the raw answer, or a failure. */
async function pick(tabId: number, options: PickOptions): Promise<{ answer: unknown } | PointAtItResult> {
  const target = { tabId, frameIds: [RECORD_FRAME] };
  try {
    await browser.scripting.executeScript({ target, files: ['/picker.js'] });
    const [injection] = await browser.scripting.executeScript({
      target,
      // Runs in the page's isolated world, where the picker registered itself; self-contained (serialised).
      func: (name: string, given: PickOptions) => {
        const picker = (globalThis as Record<string, unknown>)[name] as { start?: (options: PickOptions) => Promise<unknown> } | undefined;
        return typeof picker?.start === 'function' ? picker.start(given) : null;
      },
      args: [PICKER_GLOBAL, options],
    });
    return { answer: injection?.result };
  } catch (error) {
    return injectionFailure(tabId, error);
  }
}

/** Hands the tab's enricher the new rule and has the record read again; tells open options pages the rules changed. */
async function announce(tabId: number): Promise<void> {
  await broadcast({ type: 'broadcast/configuration' });
  await refreshEnrichment(tabId);
}

/**
 * Lets the user point at `part` in the record page of `tabId` and keeps the
 * rule the picker derived. Cancelling stores nothing; so does every failure
 * (no access to the page, tab gone, not a record page, an answer that is not
 * a safe rule).
 */
export async function pointAtIt(tabId: number, part: ExpectedPart, now = Date.now(), newId: () => string = () => crypto.randomUUID()): Promise<PointAtItResult> {
  const before = await recordOf(tabId);
  if ('outcome' in before) return before;
  const picked = await pick(tabId, await pickOptions(part));
  if ('outcome' in picked) return picked;
  const answer = PickResultSchema.safeParse(picked.answer);
  if (!answer.success) return failed('picker-failed');
  if ('cancelled' in answer.data) return { outcome: 'cancelled' };
  const { locator, preview } = answer.data;
  if (!isSafeLocator(locator)) return failed('unusable-rule');

  // The tab may have moved on while the user was pointing: the rule is for the record type it shows now.
  const record = await recordOf(tabId);
  if ('outcome' in record) return record;
  if (record.crm !== before.crm || record.objectType !== before.objectType) return failed('not-a-record');
  const rule = PageRuleSchema.safeParse({ id: newId(), crm: record.crm, host: record.host, objectType: record.objectType, part, locator, origin: 'user', createdAt: now });
  if (!rule.success) return failed('unusable-rule');

  const db = await getDatabase();
  const rules = withRules(await readPageRules(db), [rule.data]);
  if (rules.length > MAX_PAGE_RULES) return failed('too-many-rules');
  await writePageRules(db, rules);
  await announce(tabId);
  return { outcome: 'saved', part, preview: preview.slice(0, MAX_PICK_PREVIEW) };
}
