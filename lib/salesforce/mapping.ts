import type { RequirementSource } from '@/lib/domain/requirement-value';

// What the extension writes to Salesforce, as plain objects: readable there
// without the extension. Pure functions; the sender sends what they return.
//
// ContentNote rules (Salesforce object reference): `Content` is base64 of HTML
// where `&` appears only as an entity and `<` only in allowed tags; `&apos;`
// is refused, so a quote is `&#39;`; new lines are stripped, so lines are
// joined with `<br>`. Nothing from a page is ever written as markup: every
// text is escaped, and URLs are written as text, never as links.

/** A title longer than this is refused by Salesforce. */
export const MAX_TITLE_CHARS = 255;

export interface ContentNoteFields {
  Title: string;
  /** base64 of the UTF-8 HTML body. */
  Content: string;
}

export interface ContentDocumentLinkFields {
  ContentDocumentId: string;
  LinkedEntityId: string;
  /** V: viewers of the record can read the note; C: they can also edit it. */
  ShareType: 'V' | 'C';
  Visibility: 'AllUsers';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Escaped text with its line breaks kept as `<br>` (Salesforce strips raw new lines). */
export function textToHtml(text: string): string {
  return text.split(/\r\n|\r|\n/).map(escapeHtml).join('<br>');
}

/** base64 of the UTF-8 bytes (btoa alone takes Latin-1 only). Chunked: a note may be 100 000 characters. */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The marker that makes a note's title unique, so a resend after a lost reply
 * finds the earlier write with one exact-title query instead of creating a
 * second note. Twelve characters of the note id (a UUID: 48 random bits) on
 * top of the exact first line make a false match practically impossible,
 * and keep the title readable.
 */
export function noteMarker(noteId: string): string {
  return `it:${noteId.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`;
}

/** The first non-blank line, one-line and free of control characters, cut (by whole characters) so that it and the marker fit 255. */
export function noteTitle(text: string, marker: string, fallback = 'Note'): string {
  const suffix = ` [${marker}]`;
  const firstLine =
    text
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(/\p{Cc}/gu, ' ').replace(/\s+/g, ' ').trim())
      .find((line) => line !== '') ?? fallback;
  // The limit counts UTF-16 units, as `length` does; the cut never splits a character (an emoji is two units).
  const room = MAX_TITLE_CHARS - suffix.length;
  if (firstLine.length <= room) return `${firstLine}${suffix}`;
  let title = '';
  for (const c of firstLine) {
    if (title.length + c.length > room - 1) break;
    title += c;
  }
  return `${title}…${suffix}`;
}

function utcTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export interface NoteForSalesforce {
  id: string;
  text: string;
  pageTitle: string;
  url: string;
  capturedAt: number;
}

/** A captured note as a ContentNote: title from its first line, body with the note, the page it came from and when. */
export function contentNoteForNote(note: NoteForSalesforce): ContentNoteFields {
  const source = [note.pageTitle, note.url].filter((part) => part !== '').map(escapeHtml).join(' — ');
  const html = `<p>${textToHtml(note.text)}</p><p>Source: ${source || '—'}<br>Captured: ${utcTime(note.capturedAt)}</p>`;
  return { Title: noteTitle(note.text, noteMarker(note.id)), Content: base64Utf8(html) };
}

/** How a note is shared on the opportunity: viewers (`V`), or collaborators (`C`) for the team's facts note. */
export function opportunityLink(opportunityId: string, shareType: 'V' | 'C' = 'V'): Omit<ContentDocumentLinkFields, 'ContentDocumentId'> {
  return { LinkedEntityId: opportunityId, ShareType: shareType, Visibility: 'AllUsers' };
}

/**
 * Links a note to the opportunity so everyone who sees the opportunity sees
 * it. A captured note is the author's (`V`); the one facts note is shared
 * with `C` so teammates' extensions can update it.
 */
export function noteLink(noteId: string, opportunityId: string, shareType: 'V' | 'C' = 'V'): ContentDocumentLinkFields {
  return { ContentDocumentId: noteId, ...opportunityLink(opportunityId, shareType) };
}

export interface FactRow {
  label: string;
  value: string;
  source: RequirementSource;
  confirmedByCustomer: boolean;
  setBy: string;
  setAt: number;
}

export const FACTS_TITLE = 'Requirement facts';

function sourceText(row: FactRow): string {
  const source = row.source;
  const where =
    source.kind === 'crm-field'
      ? `CRM field “${source.fieldLabel}”`
      : source.kind === 'note'
        ? `Note: “${source.quote}”${source.url ? ` (${source.url})` : ''}`
        : 'Entered by hand';
  return `${where} — ${row.setBy || 'unknown'}, ${utcTime(row.setAt)}`;
}

/**
 * The body of the opportunity's one "Requirement facts" note: a table of the
 * accepted values with where each came from and whether the customer
 * confirmed it. Rewritten whole on each change (with If-Unmodified-Since).
 */
export function factsNoteHtml(rows: readonly FactRow[]): string {
  const cell = (text: string) => `<td>${textToHtml(text)}</td>`;
  const body = rows
    .map((row) => `<tr>${cell(row.label)}${cell(row.value)}${cell(sourceText(row))}${cell(row.confirmedByCustomer ? 'Yes, by the customer' : 'No')}</tr>`)
    .join('');
  return `<p>${FACTS_TITLE}</p><table><tr><th>Fact</th><th>Value</th><th>Source</th><th>Confirmed</th></tr>${body}</table>`;
}

/**
 * The facts note's title: one per opportunity and user (the Salesforce user id), found again by
 * that user's extension through its marker. Each teammate writes their own, so one never
 * overwrites another's; colleagues read each other's as notes, with their author.
 */
export function factsNoteTitle(opportunityId: string, userId: string): string {
  return noteTitle(FACTS_TITLE, `it:facts-${opportunityId.slice(0, 15)}-${userId.slice(0, 15)}`);
}

export function factsNote(opportunityId: string, userId: string, rows: readonly FactRow[]): ContentNoteFields {
  return { Title: factsNoteTitle(opportunityId, userId), Content: base64Utf8(factsNoteHtml(rows)) };
}

/**
 * Whether two note bodies say the same, as far as Salesforce's own
 * normalisation goes (`<br>` as `<br/>`, white space between tags): how a
 * resend recognises its own earlier write.
 */
export function sameNoteBody(a: string, b: string): boolean {
  const normal = (html: string) => html.replace(/<br\s*\/?>/gi, '<br>').replace(/>\s+</g, '><').trim();
  return normal(a) === normal(b);
}

/** The standard OpportunityContactRole.Role picklist values. */
export type ContactRole =
  | 'Business User'
  | 'Decision Maker'
  | 'Economic Buyer'
  | 'Economic Decision Maker'
  | 'Evaluator'
  | 'Executive Sponsor'
  | 'Influencer'
  | 'Technical Buyer'
  | 'Other';

/**
 * The default playbook's decision-chain roles on the standard picklist.
 * - decision-maker ("decision maker / economic buyer") → Economic Decision
 *   Maker, the one standard value that names both;
 * - technical-evaluator → Technical Buyer (screens the offer on the specs);
 * - procurement, quality inspection, finance, legal → Evaluator: each judges
 *   the offer on its own criteria; the standard list has nothing closer, so
 *   an org with values such as "Procurement" overrides these through the
 *   managed policy (`salesforceContactRoles`, lib/salesforce/policy.ts);
 * - end-user → Business User; champion and influencer → Influencer.
 * Any other role (a custom playbook's) is Other.
 */
export const DEFAULT_CONTACT_ROLES: Readonly<Record<string, string>> = {
  'decision-maker': 'Economic Decision Maker',
  'technical-evaluator': 'Technical Buyer',
  procurement: 'Evaluator',
  'quality-inspection': 'Evaluator',
  finance: 'Evaluator',
  legal: 'Evaluator',
  'end-user': 'Business User',
  champion: 'Influencer',
  influencer: 'Influencer',
} satisfies Record<string, ContactRole>;

/** The standard OpportunityTeamMember.TeamMemberRole picklist values. */
export type TeamMemberRole =
  | 'Account Manager'
  | 'Channel Manager'
  | 'Executive Sponsor'
  | 'Lead Qualifier'
  | 'Pre-Sales Consultant'
  | 'Sales Manager'
  | 'Sales Rep'
  | 'Other';

/**
 * The default playbook's team roles on the standard picklist: AR → Account
 * Manager, SR and the power specialist (both shape the solution) → Pre-Sales
 * Consultant, executive sponsor → Executive Sponsor. FR and the delivery,
 * finance and support roles have no standard value: Other, until the org adds
 * its own (e.g. "Fulfilment Responsible") and maps it in the managed policy
 * (`salesforceTeamRoles`).
 */
export const DEFAULT_TEAM_ROLES: Readonly<Record<string, string>> = {
  ar: 'Account Manager',
  sr: 'Pre-Sales Consultant',
  'power-specialist': 'Pre-Sales Consultant',
  'executive-sponsor': 'Executive Sponsor',
} satisfies Record<string, TeamMemberRole>;

/** Per-org overrides (playbook role id → picklist value), for orgs with their own picklist values. */
export interface RoleMaps {
  contactRoles?: Readonly<Record<string, string>>;
  teamRoles?: Readonly<Record<string, string>>;
}

export function contactRoleFor(roleId: string, maps: RoleMaps = {}): string {
  return maps.contactRoles?.[roleId] ?? DEFAULT_CONTACT_ROLES[roleId] ?? 'Other';
}

export function teamMemberRoleFor(roleId: string, maps: RoleMaps = {}): string {
  return maps.teamRoles?.[roleId] ?? DEFAULT_TEAM_ROLES[roleId] ?? 'Other';
}
