import { z } from '@/lib/zod/mini';
import { RecordSnapshotSchema } from './snapshot';

/**
 * Why a page on a supported host gave no record, shown to the user as is: `not-a-record-page`, the URL
 * is not a record's (list view, home, setup…); `unsupported-object`, a record of a type the adapter does
 * not read; `record-not-rendered`, the URL names a record but its view is not in the DOM (yet);
 * `not-read-yet`, a record page the content script has not read, as nothing has shown it yet (see
 * page-watcher.ts).
 */
export const UNRECOGNISED_REASONS = ['not-a-record-page', 'unsupported-object', 'record-not-rendered', 'not-read-yet'] as const;
export const UnrecognisedReasonSchema = z.enum(UNRECOGNISED_REASONS);
export type UnrecognisedReason = (typeof UNRECOGNISED_REASONS)[number];

/** What the content script read from the tab's page (read-page.ts): a record, or why none. */
export const PageStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('record'), snapshot: RecordSnapshotSchema }),
  z.object({ kind: z.literal('unrecognised'), reason: UnrecognisedReasonSchema, adapter: z.string().check(z.maxLength(40)) }),
]);
export type PageState = z.infer<typeof PageStateSchema>;

/** True for a record page whose content script has not read it yet (it waits until something shows it). */
export function notReadYet(state: PageState | { kind: 'none' }): boolean {
  return state.kind === 'unrecognised' && state.reason === 'not-read-yet';
}
