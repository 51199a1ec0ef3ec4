import type { CrmAdapter, Extraction, RecordRef } from '../adapter';
import { allMatches, allOfFirstMatch, firstMatch, isRendered, visibleText, type DeepScope, type Variants } from '../dom';
import { HUBSPOT_MATCHES, urlMatchesPatterns } from '../hosts';
import { MAX_CONTACTS, MAX_FIELDS } from '../limits';
import { cleanText, normaliseLabel, parseMoney } from '../parse';
import type { ExpectedPart, Money, RecordContact, RecordField } from '../snapshot';
import { OBJECT_TYPE_IDS, contactColumns, dealParts, hubspotSelectors as S } from './hubspot.selectors';

// HubSpot CRM. Reads the record page the user has in view: URL -> record ref,
// highlight card -> record root (the three record columns), root -> parts.
// Only deals are read; contacts, companies, tickets and custom objects are
// recognised so the panel can say "unsupported object". HubSpot is a React app
// without shadow DOM, so every query stays in the light DOM.

// --- Helpers shared with pipedrive.ts ------------------------------------------------
// Small pieces lib/crm/dom.ts and lib/crm/parse.ts do not have (yet); pipedrive.ts
// imports them from here rather than keeping a copy.

/** Runs one read; a failure leaves that part out instead of failing the record. */
export function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** A scope of `root` alone: no walk for shadow roots (React apps render none). */
export function lightScope(root: Document | Element): DeepScope {
  return { roots: [root], truncated: false };
}

/** What a field shows: a form control's current value, else its visible text. Cut at MAX_TEXT. */
export function controlText(element: Element | null | undefined): string {
  if (!element) return '';
  const tag = element.localName;
  if (tag === 'input' || tag === 'textarea' || tag === 'select') {
    const value = (element as HTMLInputElement).value;
    return cleanText(typeof value === 'string' ? value : '');
  }
  return visibleText(element);
}

const PLACEHOLDERS = new Set(['-', '--', '—', '–', '…']);

/** "" for the dashes CRMs show in an empty field. */
export function withoutPlaceholder(text: string): string {
  return PLACEHOLDERS.has(text) ? '' : text;
}

/** "Amount:" -> "Amount" (highlight labels end with a colon, full-width in Chinese). */
export function withoutColon(label: string): string {
  return label.replace(/\s*[:：]$/, '');
}

export function labelMatches(label: string, labels: readonly string[]): boolean {
  const key = normaliseLabel(label);
  return labels.some((candidate) => normaliseLabel(candidate) === key);
}

/** A label/value pair read off the page; `apiName` when the page names the property. */
export interface FieldEntry {
  label: string;
  value: string;
  apiName?: string;
}

/** One field per property (API name, else label), the first non-empty value kept, at most MAX_FIELDS. */
export function mergeFields(entries: readonly FieldEntry[]): RecordField[] {
  const out: RecordField[] = [];
  const byKey = new Map<string, RecordField>();
  for (const entry of entries) {
    const key = entry.apiName ? `api:${entry.apiName}` : `label:${normaliseLabel(entry.label)}`;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.value && entry.value) existing.value = entry.value;
      continue;
    }
    if (out.length >= MAX_FIELDS) break;
    const field: RecordField = { label: entry.label, value: entry.value };
    if (entry.apiName) field.apiName = entry.apiName;
    out.push(field);
    byKey.set(key, field);
  }
  return out;
}

/** A part's value: by API name first (language independent), then by label. Empty values do not count. */
export function partValue(entries: readonly FieldEntry[], spec: { apiName?: string; labels: readonly string[] }): string {
  const byApi = spec.apiName ? entries.find((entry) => entry.apiName === spec.apiName && entry.value) : undefined;
  if (byApi) return byApi.value;
  return entries.find((entry) => entry.value && labelMatches(entry.label, spec.labels))?.value ?? '';
}

/** The parts every adapter reports, in snapshot order. */
export const PART_ORDER: readonly ExpectedPart[] = ['name', 'stage', 'amount', 'closeDate', 'owner', 'account'];

/** The extraction of a page nothing could be read from. */
export function nothingRead(): Extraction {
  return { fields: [], contacts: [], missing: [...PART_ORDER] };
}

/** Puts the parts read into an extraction; an empty part goes into `missing`. */
export function assemble(
  parts: Record<Exclude<ExpectedPart, 'amount'>, string>,
  amount: Money | null,
  fields: RecordField[],
  contacts: RecordContact[],
): Extraction {
  const extraction: Extraction = { fields: fields.slice(0, MAX_FIELDS), contacts: contacts.slice(0, MAX_CONTACTS), missing: [] };
  for (const part of PART_ORDER) {
    if (part === 'amount') {
      if (amount && amount.text) extraction.amount = amount;
      else extraction.missing.push('amount');
    } else if (parts[part]) extraction[part] = parts[part];
    else extraction.missing.push(part);
  }
  return extraction;
}

/** The first element of the first variant that has one `accept` takes. */
export function firstAccepted(scope: DeepScope, variants: Variants, accept: (element: Element) => boolean): Element | null {
  for (const variant of variants) {
    for (const element of allMatches(scope, [variant])) if (accept(element)) return element;
  }
  return null;
}

const NOT_A_VALUE = new Set(['button', 'script', 'style', 'template', 'noscript', 'svg']);

/**
 * The value of a label/value row: the visible text after the label, from the
 * label's own level up to the row (the value may sit beside the label or
 * beside a wrapper of it). Buttons and hidden siblings are not part of it.
 */
export function textAfterLabel(row: Element, label: Element | null): string {
  if (!label || label === row || !row.contains(label)) return label ? '' : visibleText(row);
  let node: Element = label;
  for (let level = 0; level < 20; level += 1) {
    const parts: string[] = [];
    let siblings = 0;
    for (let next = node.nextSibling; next && siblings < 50; next = next.nextSibling, siblings += 1) {
      if (next.nodeType === 3) parts.push(next.nodeValue ?? '');
      if (next.nodeType !== 1) continue;
      const element = next as Element;
      if (NOT_A_VALUE.has(element.localName) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') continue;
      parts.push(visibleText(element));
    }
    const value = cleanText(parts.join(' '));
    const parent: Element | null = node.parentElement;
    if (value || !parent || parent === row || node === row) return value;
    node = parent;
  }
  return '';
}

/** `element.closest()` for any of the variants; invalid selectors match nothing. */
export function closestOf(element: Element, variants: Variants): Element | null {
  for (const variant of variants) {
    try {
      const found = element.closest(variant);
      if (found) return found;
    } catch {
      // unsupported selector: no match
    }
  }
  return null;
}

// --- URLs ---------------------------------------------------------------------------------

// /contacts/{portalId}/record/{objectTypeId}/{recordId}
const RECORD_PATH = /^\/contacts\/(\d{1,12})\/record\/(\d{1,4}-\d{1,12})\/(\d{1,24})\/?$/;
// Older: /contacts/{portalId}/{deal|company|contact|ticket}/{recordId}
const LEGACY_PATH = /^\/contacts\/(\d{1,12})\/(deal|company|contact|ticket)\/(\d{1,24})\/?$/;
const CARD_ID = /^[A-Z0-9_]+\/(\d{1,4}-\d{1,12})(?:\/|$)/;

/** Object type name of an objectTypeId: 0-3 -> deal; custom objects (2-12345) -> object_2_12345. */
export function hubspotObjectType(objectTypeId: string): string {
  return OBJECT_TYPE_IDS[objectTypeId] ?? `object_${objectTypeId.replace('-', '_')}`;
}

function objectTypeIdOf(objectType: string): string | undefined {
  const known = Object.keys(OBJECT_TYPE_IDS).find((id) => OBJECT_TYPE_IDS[id] === objectType);
  if (known) return known;
  const custom = /^object_(\d+)_(\d+)$/.exec(objectType);
  return custom ? `${custom[1]}-${custom[2]}` : undefined;
}

/**
 * The record a HubSpot URL points at, on HubSpot's app hosts only. Record ids
 * are unique within a portal, not across portals, so the recordId is
 * `{portalId}_{id}`. List views, boards, settings and other pages give null.
 */
export function recognizeHubspotUrl(url: URL): RecordRef | null {
  try {
    if (!urlMatchesPatterns(url.href, HUBSPOT_MATCHES)) return null;
    const record = RECORD_PATH.exec(url.pathname);
    if (record) return { objectType: hubspotObjectType(record[2] as string), recordId: `${record[1]}_${record[3]}` };
    const legacy = LEGACY_PATH.exec(url.pathname);
    if (legacy) return { objectType: legacy[2] as string, recordId: `${legacy[1]}_${legacy[3]}` };
  } catch {
    // fall through
  }
  return null;
}

// --- Finding the record in view --------------------------------------------------------------

function inPreview(element: Element): boolean {
  return closestOf(element, S.preview) !== null;
}

function contains(node: Element, variants: Variants): boolean {
  return variants.some((variant) => {
    try {
      return node.querySelector(variant) !== null;
    } catch {
      return false;
    }
  });
}

/** The lowest ancestor of the highlight that holds the other record columns; else its left column. */
function recordRootOf(highlight: Element): Element {
  let node = highlight.parentElement;
  for (let steps = 0; node && steps < 100; steps += 1) {
    if (node.localName === 'body' || node.localName === 'html') break;
    if (contains(node, S.recordColumn)) return node;
    node = node.parentElement;
  }
  return closestOf(highlight, S.leftSidebar) ?? highlight;
}

/** False when the record's properties cards declare another object type (a view left over from the last page). */
function showsObjectType(root: Element, objectTypeId: string): boolean {
  const declared = allMatches(lightScope(root), S.propertiesCard)
    .filter((card) => !inPreview(card))
    .map((card) => CARD_ID.exec(card.getAttribute('data-card-id') ?? '')?.[1])
    .filter((id): id is string => Boolean(id));
  return declared.length === 0 || declared.includes(objectTypeId);
}

/**
 * The record view in the page: the highlight card of the record (not of a
 * preview panel), rendered, and its columns. Right after an in-app navigation
 * the URL can name a deal while the page still shows the company it came from;
 * the properties cards declare their object type, and a mismatch means "not
 * rendered yet".
 */
export function findHubspotRecordRoot(doc: Document, ref: RecordRef): Element | null {
  try {
    const objectTypeId = objectTypeIdOf(ref.objectType);
    for (const highlight of allMatches(lightScope(doc), S.highlight)) {
      if (inPreview(highlight) || !isRendered(highlight)) continue;
      const root = recordRootOf(highlight);
      if (!isRendered(root)) continue;
      if (objectTypeId && !showsObjectType(root, objectTypeId)) continue;
      return root;
    }
  } catch {
    // a hostile or half-built page: nothing in view
  }
  return null;
}

// --- Reading the record ----------------------------------------------------------------------

const PROPERTY_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,99}$/;
const LOADING = new Set(['skeleton']); // loading placeholders carry property-input-skeleton [COMMUNITY]

function nameAfter(element: Element | null | undefined, attribute: string, prefix: string): string | undefined {
  const value = element?.getAttribute(attribute) ?? '';
  if (!value.startsWith(prefix)) return undefined;
  const name = value.slice(prefix.length);
  return PROPERTY_NAME.test(name) ? name : undefined;
}

function textOf(element: Element | null | undefined): string {
  return element ? visibleText(element) : '';
}


function propertyEntry(row: Element): FieldEntry | null {
  const scope = lightScope(row);
  const input = firstMatch(scope, S.propertyInput)?.element ?? null;
  const rowName = row.localName === 'span' ? (row.getAttribute('data-test-id') ?? '') : '';
  const inputName = nameAfter(input, 'data-selenium-test', 'property-input-');
  if (LOADING.has(rowName) || (inputName && LOADING.has(inputName))) return null;
  const apiName = PROPERTY_NAME.test(rowName) ? rowName : inputName;
  const labelElement = firstMatch(scope, S.propertyLabel)?.element ?? null;
  const label = withoutColon(textOf(labelElement));
  if (!label) return null;
  const value = withoutPlaceholder(input ? controlText(input) : textAfterLabel(row, labelElement));
  return apiName ? { label, value, apiName } : { label, value };
}

function highlightEntry(item: Element): FieldEntry | null {
  const valueElement = firstMatch(lightScope(item), S.highlightValue)?.element ?? null;
  // The display id names one property; the item id can join two (`jobtitle-and-company`). [COMMUNITY]
  const apiName = nameAfter(valueElement, 'data-test-id', 'highlight-property-display-');
  const labelElement = item.firstElementChild && item.firstElementChild !== valueElement ? item.firstElementChild : null;
  const label = withoutColon(textOf(labelElement));
  if (!label) return null;
  const value = withoutPlaceholder(valueElement ? textOf(valueElement) : textAfterLabel(item, labelElement));
  return apiName ? { label, value, apiName } : { label, value };
}

/** Not part of the record's own properties: preview panels and association cards (their rows describe other records). */
function foreign(element: Element): boolean {
  return inPreview(element) || closestOf(element, [...S.companyCard, ...S.contactCard]) !== null;
}

function propertyEntries(scope: DeepScope): FieldEntry[] {
  const entries: FieldEntry[] = [];
  for (const row of allMatches(scope, S.propertyRow)) {
    if (foreign(row)) continue;
    const entry = propertyEntry(row);
    if (entry) entries.push(entry);
  }
  return entries;
}

function highlightEntries(scope: DeepScope): FieldEntry[] {
  const entries: FieldEntry[] = [];
  for (const item of allOfFirstMatch(scope, S.highlightItem)) {
    if (foreign(item)) continue;
    const entry = highlightEntry(item);
    if (entry) entries.push(entry);
  }
  return entries;
}

function cardsOf(scope: DeepScope, variants: Variants): Element[] {
  return allMatches(scope, variants).filter((card) => !inPreview(card));
}

function readAccount(scope: DeepScope): string {
  for (const card of cardsOf(scope, S.companyCard)) {
    const name = textOf(firstAccepted(lightScope(card), S.companyName, () => true));
    if (name) return name;
  }
  return '';
}

function tileContact(tile: Element): RecordContact | null {
  const scope = lightScope(tile);
  const name = textOf(firstMatch(scope, S.contactName)?.element);
  if (!name) return null;
  const contact: RecordContact = { name };
  const title = withoutPlaceholder(textOf(firstMatch(scope, S.contactJobTitle)?.element));
  const email = withoutPlaceholder(textOf(firstMatch(scope, S.contactEmail)?.element));
  if (title) contact.title = title;
  if (email) contact.email = email;
  return contact;
}

function tableContacts(card: Element): RecordContact[] {
  const scope = lightScope(card);
  const headers = allOfFirstMatch(scope, S.tableHeader).map((th) => textOf(th));
  const column = (labels: readonly string[]) => headers.findIndex((header) => labelMatches(header, labels));
  const nameAt = column(contactColumns.name);
  const titleAt = column(contactColumns.title);
  const emailAt = column(contactColumns.email);
  const contacts: RecordContact[] = [];
  for (const row of allOfFirstMatch(scope, S.tableRow)) {
    const cells = Array.from(row.children).filter((cell) => cell.localName === 'td' || cell.localName === 'th');
    const cell = (index: number) => (index >= 0 ? withoutPlaceholder(textOf(cells[index])) : '');
    const name = cell(nameAt) || textOf(firstMatch(lightScope(row), S.contactName)?.element);
    if (!name) continue;
    const contact: RecordContact = { name };
    if (cell(titleAt)) contact.title = cell(titleAt);
    if (cell(emailAt)) contact.email = cell(emailAt);
    contacts.push(contact);
  }
  return contacts;
}

/** Contacts associated with the deal: tiles of the contacts cards, else rows of the contacts table. */
function readContacts(scope: DeepScope): RecordContact[] {
  const cards = cardsOf(scope, S.contactCard);
  const tiles = cards.flatMap((card) => allOfFirstMatch(lightScope(card), S.contactTile));
  const found = tiles.length > 0 ? tiles.map(tileContact) : cards.flatMap(tableContacts);
  const seen = new Set<string>();
  const contacts: RecordContact[] = [];
  for (const contact of found) {
    if (!contact) continue;
    const key = normaliseLabel(contact.name);
    if (seen.has(key)) continue; // the sidebar card and the overview table list the same people
    seen.add(key);
    contacts.push(contact);
    if (contacts.length >= MAX_CONTACTS) break;
  }
  return contacts;
}

function readTitle(scope: DeepScope): string {
  return textOf(firstAccepted(scope, S.title, (element) => !inPreview(element)));
}

/** Reads the deal in `root` (a record root from `findHubspotRecordRoot`). Never throws. */
export function extractHubspotRecord(root: Element): Extraction {
  const scope = lightScope(root);
  const entries = [...attempt(() => propertyEntries(scope), []), ...attempt(() => highlightEntries(scope), [])];
  const P = dealParts;
  const amountText = partValue(entries, P.amount);
  const amount = amountText ? parseMoney(amountText) : null;
  const code = partValue(entries, P.currency);
  if (amount && !amount.currency && /^[A-Z]{3}$/.test(code)) amount.currency = code;
  return assemble(
    {
      name: attempt(() => readTitle(scope), '') || partValue(entries, P.name),
      stage: partValue(entries, P.stage),
      closeDate: partValue(entries, P.closeDate),
      owner: partValue(entries, P.owner),
      account: attempt(() => readAccount(scope), ''),
    },
    amount,
    attempt(() => mergeFields(entries), []),
    attempt(() => readContacts(scope), []),
  );
}

export const hubspotAdapter: CrmAdapter = {
  id: 'hubspot',
  label: 'HubSpot',
  matches: HUBSPOT_MATCHES,
  objectTypes: ['deal'],
  recognize: recognizeHubspotUrl,
  findRecordRoot: findHubspotRecordRoot,
  extract: (root) => {
    try {
      return extractHubspotRecord(root);
    } catch {
      return nothingRead();
    }
  },
};
