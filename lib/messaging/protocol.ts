import { z } from '@/lib/zod/mini';
import { PageStateSchema, UnrecognisedReasonSchema } from '@/lib/crm/page-state';
import { ExpectedPartSchema, RecordSnapshotSchema } from '@/lib/crm/snapshot';
import { DisplayPreferencesSchema } from '@/lib/display/schema';
import { LOCALES } from '@/lib/domain/locales';
import { MAX_PICK_PREVIEW } from '@/lib/page-rules/picker/protocol';

// Every message that crosses a context boundary is defined here, once, with its
// schema. Handlers parse with these schemas and check the sender (see sender.ts)
// before doing anything.

/** Content script -> background: what the tab shows now. */
export const PageStateMessageSchema = z.object({ type: z.literal('page/state'), state: PageStateSchema });

/** Background -> content script, the answer to `page/state`: was it accepted, and what to show in the page. */
export const PageStateReplySchema = z.object({
  result: z.object({ ok: z.boolean(), display: z.optional(DisplayPreferencesSchema) }),
});

/** Extension pages -> content script (top frame of a CRM tab): change what it shows in the page. */
export const PageCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page/display'), display: DisplayPreferencesSchema }),
  z.object({ type: z.literal('page/docked'), action: z.enum(['open', 'close', 'toggle']) }),
  /** Read the record now (something shows it); answered once the background has the page's state. */
  z.object({ type: z.literal('page/read') }),
]);

/** Content script -> background: inject the in-page UI into my frame (lib/content/in-page-ui-on-demand.ts). */
export const InPageUiRequestSchema = z.object({ type: z.literal('page/in-page-ui') });

/** Custom-CRM content script -> background: which user-defined CRM is this page on? */
export const CustomCrmRequestSchema = z.object({ type: z.literal('page/custom-crm') });

const tabId = z.number().check(z.int(), z.nonnegative());
const recordKeyString = z.string().check(z.minLength(1), z.maxLength(400));

/** Extension pages (panel, options, launcher) -> background. */
export const PanelRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('panel/tab-state'), tabId }),
  /** "Point at it on the page": let the user click `part`'s value in the tab's record page and keep a page rule for it. */
  z.object({ type: z.literal('panel/point-at-it'), tabId, part: ExpectedPartSchema }),
]);

/**
 * Extension pages -> background, about the Salesforce connection. Connect and disconnect
 * come from the options page only (router.ts checks); the tokens never leave the background.
 */
export const SalesforceRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('salesforce/status') }),
  /** Sign in (or again). The fields as typed; IT's policy values win over them. */
  z.object({
    type: z.literal('salesforce/connect'),
    loginHost: z.optional(z.string().check(z.maxLength(300))),
    clientId: z.optional(z.string().check(z.maxLength(256))),
  }),
  z.object({ type: z.literal('salesforce/disconnect') }),
  /** Send what is due now (after a retry in the options, or the panel's "send now"). */
  z.object({ type: z.literal('salesforce/send-now') }),
  /** Read back what others wrote on a record the panel shows (its notes), now. */
  z.object({ type: z.literal('salesforce/pull'), recordKey: recordKeyString, recordName: z.string().check(z.maxLength(2_000)) }),
]);

/** Background -> panel, the answer to `salesforce/pull`. */
export const PullResultSchema = z.discriminatedUnion('outcome', [
  /** `teamsOff`: opportunity teams are off in the org, so team assignments are not shared. */
  z.object({ outcome: z.literal('pulled'), changed: z.number(), teamsOff: z.optional(z.boolean()) }),
  /** Deleted in Salesforce, or not visible to this user. */
  z.object({ outcome: z.literal('gone') }),
  /** Not an opportunity of the connected org, or no org signed in: nothing was read. */
  z.object({ outcome: z.literal('not-connected') }),
]);

/** Background -> extension pages: the connection as the options and panel show it. No token. */
export const SalesforceStatusSchema = z.object({
  state: z.enum(['not-connected', 'sign-in-needed', 'connected']),
  /** The org's My Domain origin, when connected or signed out of one. */
  instanceUrl: z.optional(z.string()),
  connectedAt: z.optional(z.number()),
  signInEverySession: z.boolean(),
  /** The callback URL the admin enters in the External Client App. */
  redirectUri: z.string(),
  /** What IT pushed (shown read-only), or absent. */
  policy: z.object({ loginHost: z.optional(z.string()), clientId: z.optional(z.string()) }),
  /** The last setup used, to fill the form for a sign-in again. */
  setup: z.optional(z.object({ loginHost: z.string(), clientId: z.string() })),
});

/** Why pointing at a value gave no rule: each is told to the user, and nothing is stored. */
export const POINT_AT_IT_FAILURES = ['no-permission', 'tab-gone', 'not-a-record', 'picker-failed', 'unusable-rule', 'too-many-rules'] as const;

/** Background -> panel, the answer to `panel/point-at-it`. `preview`: the value pointed at, as text (page data: never HTML). */
export const PointAtItResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), part: ExpectedPartSchema, preview: z.string().check(z.maxLength(MAX_PICK_PREVIEW)) }),
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('failed'), reason: z.enum(POINT_AT_IT_FAILURES) }),
]);

/**
 * Extension pages framed in a CRM tab (the launcher, the docked panel) ->
 * background, always about the tab they are framed in (the sender's). Framed
 * in a web page they may lack APIs an extension page has elsewhere (Firefox
 * gives them no `tabs`, Chrome may deny them storage), so the background acts for them.
 */
export const FramedRequestSchema = z.discriminatedUnion('type', [
  /** What the launcher shows. */
  z.object({ type: z.literal('framed/badge') }),
  /** The tab the page is framed in. */
  z.object({ type: z.literal('framed/own-tab') }),
  /** Open, close or toggle the docked panel in that tab. */
  z.object({ type: z.literal('framed/dock'), action: z.enum(['open', 'close', 'toggle']) }),
]);

/** What the launcher badge shows: the deal's gap count (null when the tab shows no record) and how to open the panel. */
export const BadgeSchema = z.object({
  tabId,
  gapCount: z.nullable(z.number().check(z.int(), z.nonnegative())),
  recordKey: z.nullable(recordKeyString),
  display: DisplayPreferencesSchema,
  locale: z.enum(LOCALES),
});

export const CAPTURE_OUTCOMES = ['saved', 'empty', 'too-long', 'queued', 'quota', 'failed'] as const;

/** Background -> extension pages: something changed, ask again. Carries no data but a tab's new state. */
export const BroadcastSchema = z.discriminatedUnion('type', [
  /**
   * `state`: the tab's new state (a TabState), so that a panel showing the tab needs no second hop.
   * Parsed only by the page that uses it (TabStateSchema, components/hooks/useTabRecord.ts): every
   * other page, the launcher in each CRM tab among them, lets it go unread.
   */
  z.object({ type: z.literal('broadcast/tab-state'), tabId, state: z.optional(z.unknown()) }),
  z.object({ type: z.literal('broadcast/notes'), recordKey: z.nullable(recordKeyString) }),
  /** Requirement values, decisions, stakeholders or assignments of a record changed. */
  z.object({ type: z.literal('broadcast/facts'), recordKey: recordKeyString }),
  /** The Salesforce outbox or connection changed: sync states and the outbox list read again. */
  z.object({ type: z.literal('broadcast/outbox') }),
  /** The team directory, the imported playbook or a setting changed. */
  z.object({ type: z.literal('broadcast/configuration') }),
  z.object({
    type: z.literal('broadcast/capture'),
    outcome: z.enum(CAPTURE_OUTCOMES),
    recordKey: z.nullable(recordKeyString),
  }),
]);

/** What the background knows about one tab. */
export const TabStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('record'), snapshot: RecordSnapshotSchema }),
  z.object({ kind: z.literal('unrecognised'), reason: UnrecognisedReasonSchema, adapter: z.string() }),
  z.object({ kind: z.literal('none') }),
]);

export type PageStateMessage = z.infer<typeof PageStateMessageSchema>;
export type PageCommand = z.infer<typeof PageCommandSchema>;
export type CustomCrmRequest = z.infer<typeof CustomCrmRequestSchema>;
export type InPageUiRequest = z.infer<typeof InPageUiRequestSchema>;
export type PanelRequest = z.infer<typeof PanelRequestSchema>;
export type PointAtItResult = z.infer<typeof PointAtItResultSchema>;
export type FramedRequest = z.infer<typeof FramedRequestSchema>;
export type SalesforceRequest = z.infer<typeof SalesforceRequestSchema>;
export type SalesforceStatus = z.infer<typeof SalesforceStatusSchema>;
export type PullResult = z.infer<typeof PullResultSchema>;
export type Broadcast = z.infer<typeof BroadcastSchema>;
export type TabState = z.infer<typeof TabStateSchema>;
export type Badge = z.infer<typeof BadgeSchema>;
