import type { CrmAdapter, Extraction, RecordRef } from '../adapter';
import { allMatches, allOfFirstMatch, firstMatch, isRendered, visibleText, type DeepScope } from '../dom';
import { ZOHO_MATCHES } from '../hosts';
import { MAX_CONTACTS, MAX_FIELDS } from '../limits';
import { cleanText, normaliseLabel, parseMoney } from '../parse';
import { EXPECTED_PARTS, type ExpectedPart, type RecordContact, type RecordField } from '../snapshot';
import {
  CONTACT_ROLE_MODULES,
  FIELD_KEY_PREFIXES,
  RELATED_CELL_PREFIX,
  contactRoleColumns,
  dealParts,
  zohoSelectors as S,
} from './zoho.selectors';

// Zoho CRM. URL -> record ref, detail view -> parts. Only Deals are read
// (module name `Potentials` in URLs, `Deals` in the REST API); other modules
// are recognised so the panel can say "unsupported object". Zoho renders in
// the light DOM (Lyte components, no shadow roots), so every query here stays
// in the light DOM.

// --- Helpers shared with the Odoo adapter ------------------------------------------
// (They would sit in a module of their own, e.g. adapters/common.ts; see the report.)

/** Runs one read; a failure leaves that part out instead of failing the record. */
export function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** What an adapter returns when it could read nothing at all. */
export function emptyExtraction(): Extraction {
  return { fields: [], contacts: [], missing: [...EXPECTED_PARTS] };
}

/** A light-DOM-only scope for the DOM helpers: no shadow-root walk. */
export function lightScope(root: Document | Element): DeepScope {
  return { roots: [root], truncated: false };
}

/** A label/value pair read off the page, with the CRM's field name when the page shows it. */
export interface FieldEntry {
  label: string;
  value: string;
  apiName?: string;
}

/** Same label in another spelling: case, spacing, a trailing colon or a required star do not count. */
export function labelIn(label: string, labels: readonly string[]): boolean {
  const key = normaliseLabel(label);
  return labels.some((l) => normaliseLabel(l) === key);
}

/** The first non-empty value of a part: by field name first (language independent), then by label. */
export function partValue(entries: readonly FieldEntry[], spec: { keys: readonly string[]; labels: readonly string[] }): string {
  const byKey = entries.find((e) => e.value && e.apiName !== undefined && spec.keys.includes(e.apiName));
  if (byKey) return byKey.value;
  return entries.find((e) => e.value && labelIn(e.label, spec.labels))?.value ?? '';
}

/** One field per field name (else per label), the first non-empty value kept, at most MAX_FIELDS. */
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
    if (out.length >= MAX_FIELDS) continue;
    const field: RecordField = { label: entry.label, value: entry.value };
    if (entry.apiName) field.apiName = entry.apiName;
    out.push(field);
    byKey.set(key, field);
  }
  return out;
}

/** Column labels of a contact: name, title, role, email. */
export interface ContactColumns {
  name: readonly string[];
  title: readonly string[];
  role: readonly string[];
  email: readonly string[];
}

/** A contact from label/value pairs; null without a name. */
export function contactFromPairs(pairs: readonly (readonly [string, string])[], columns: ContactColumns): RecordContact | null {
  const contact: RecordContact = { name: '' };
  for (const [label, value] of pairs) {
    if (!value) continue;
    if (labelIn(label, columns.name) && !contact.name) contact.name = value;
    else if (labelIn(label, columns.title) && !contact.title) contact.title = value;
    else if (labelIn(label, columns.role) && !contact.role) contact.role = value;
    else if (labelIn(label, columns.email) && !contact.email) contact.email = value;
  }
  return contact.name ? contact : null;
}

/** Puts the parts read into an extraction: a part with no value is reported missing, an amount is parsed. */
export function extractionOf(parts: Record<ExpectedPart, string>, fields: RecordField[], contacts: RecordContact[]): Extraction {
  const extraction: Extraction = { fields: fields.slice(0, MAX_FIELDS), contacts: contacts.slice(0, MAX_CONTACTS), missing: [] };
  for (const part of EXPECTED_PARTS) {
    const value = parts[part];
    if (!value) extraction.missing.push(part);
    else if (part === 'amount') extraction.amount = parseMoney(value);
    else extraction[part] = value;
  }
  return extraction;
}

/** The nearest element holding both `a` and `b` (bounded walk up `a`'s ancestors). */
export function commonAncestor(a: Element, b: Element, maxSteps = 500): Element | null {
  const chain = new Set<Element>();
  let node: Element | null = a;
  for (let i = 0; node && i < maxSteps; i += 1, node = node.parentElement) chain.add(node);
  node = b;
  for (let i = 0; node && i < maxSteps; i += 1, node = node.parentElement) if (chain.has(node)) return node;
  return null;
}

function textOf(element: Element | null | undefined): string {
  return element ? visibleText(element) : '';
}

// --- URLs ------------------------------------------------------------------------------

/** The record-view sub-pages that are a form over the record, not the record view. */
const FORM_SUBVIEWS = new Set(['edit', 'clone']);

/**
 * The record a Zoho CRM URL points at: `/crm/org{orgId}/tab/{Module}/{id}`,
 * `/crm/tab/{Module}/{id}` (no org in the path) and sub-views
 * `/crm/org{orgId}/tab/{Module}/{id}/…`. The module is as the URL names it
 * (`Potentials` for Deals). Record ids are numeric. List views
 * (`/tab/Potentials/custom-view/…`), create pages and edit/clone forms are
 * not record views: null.
 */
export function recognizeZohoUrl(url: URL): RecordRef | null {
  try {
    const segments = url.pathname.split('/').filter(Boolean);
    let i = 0;
    if (segments[i] !== 'crm') return null;
    i += 1;
    if (/^org\d{1,20}$/.test(segments[i] ?? '')) i += 1;
    if (segments[i] !== 'tab') return null;
    const objectType = segments[i + 1] ?? '';
    const recordId = segments[i + 2] ?? '';
    if (!/^[A-Za-z][A-Za-z0-9_]{0,79}$/.test(objectType) || !/^\d{6,25}$/.test(recordId)) return null;
    const subview = segments[i + 3];
    if (subview && FORM_SUBVIEWS.has(subview.toLowerCase())) return null;
    return { objectType, recordId };
  } catch {
    return null;
  }
}

// --- Finding the record in view ---------------------------------------------------------

function renderedMatches(doc: Document | Element, variants: readonly string[]): Element[] {
  return allMatches(lightScope(doc), variants).filter((element) => isRendered(element));
}

/**
 * The detail view in the page: the nearest element holding its rendered
 * header and field sections (and related lists). When CRUX components say
 * which record they were rendered for (`cx-prop-record-id`) it must be `ref`:
 * right after an in-app navigation the URL changes before the new view renders.
 */
export function findZohoRecordRoot(doc: Document, ref: RecordRef): Element | null {
  try {
    const header = renderedMatches(doc, S.recordHeader)[0] ?? renderedMatches(doc, S.recordTitle)[0];
    const sections = renderedMatches(doc, S.fieldSection);
    const anchors = [header, sections[0], sections[sections.length - 1]].filter((e): e is Element => Boolean(e));
    if (anchors.length === 0) return null;
    let root: Element | null = anchors.length === 1 ? (anchors[0]?.parentElement ?? null) : (anchors[0] as Element);
    for (const anchor of anchors.slice(1)) root = root ? commonAncestor(root, anchor) : null;
    if (!root) return null;
    for (const list of renderedMatches(root.ownerDocument ?? doc, S.relatedList)) {
      if (!root.contains(list)) root = commonAncestor(root, list) ?? root;
    }
    const shown = allMatches(lightScope(root), S.recordIdHolder).map((e) => e.getAttribute('cx-prop-record-id') ?? '');
    if (shown.length > 0 && !shown.includes(ref.recordId)) return null;
    return root;
  } catch {
    return null;
  }
}

// --- Reading the record -------------------------------------------------------------------

const KEY = /^[A-Za-z0-9_]{1,80}$/;

/** The column or API name an id or data-zcqa value ends in (`labelTD_STAGE` -> `STAGE`). */
function fieldKeyOf(element: Element | null | undefined): string | undefined {
  if (!element) return undefined;
  for (const raw of [element.getAttribute('data-zcqa'), element.id]) {
    if (!raw) continue;
    const prefix = FIELD_KEY_PREFIXES.find((p) => raw.startsWith(p));
    const key = prefix ? raw.slice(prefix.length) : '';
    if (KEY.test(key)) return key;
  }
  return undefined;
}

function valueText(value: Element | null | undefined): string {
  if (!value) return '';
  const text = visibleText(value);
  if (text) return text;
  // Lyte text components may keep the value in an attribute until they render.
  const lyte = value.matches('[lt-prop-value]') ? value : value.querySelector('[lt-prop-value]');
  return cleanText(lyte?.getAttribute('lt-prop-value'));
}

/** Rows of the detail view, each once: a row nested in another row (mixed layouts) is left to its outer row. */
function detailRows(root: Element): Element[] {
  const rows = allMatches(lightScope(root), S.fieldRow);
  const any = S.fieldRow.join(',');
  return rows.filter((row) => {
    const outer = row.parentElement?.closest(any);
    return !outer || !root.contains(outer);
  });
}

function readFields(root: Element): FieldEntry[] {
  const entries: FieldEntry[] = [];
  for (const row of detailRows(root)) {
    const scope = lightScope(row);
    const labelElement = firstMatch(scope, S.fieldLabel)?.element;
    const label = textOf(labelElement);
    if (!label) continue;
    const valueElement = firstMatch(scope, S.fieldValue)?.element;
    const entry: FieldEntry = { label, value: valueText(valueElement) };
    const apiName = fieldKeyOf(labelElement) ?? fieldKeyOf(valueElement) ?? fieldKeyOf(row);
    if (apiName) entry.apiName = apiName;
    entries.push(entry);
  }
  return entries;
}

function cellColumn(cell: Element): string {
  const zcqa = cell.getAttribute('data-zcqa') ?? '';
  return zcqa.startsWith(RELATED_CELL_PREFIX) ? cleanText(zcqa.slice(RELATED_CELL_PREFIX.length)) : '';
}

function readContacts(root: Element): RecordContact[] {
  for (const list of allOfFirstMatch(lightScope(root), S.relatedList)) {
    const rows = allOfFirstMatch(lightScope(list), S.relatedRow).map((row) =>
      allOfFirstMatch(lightScope(row), S.relatedCell).map((cell) => [cellColumn(cell), textOf(cell)] as const),
    );
    const module = list.getAttribute('related-module') ?? '';
    const hasRoles = rows.some((pairs) => pairs.some(([column]) => labelIn(column, contactRoleColumns.role)));
    if (!hasRoles && !(CONTACT_ROLE_MODULES as readonly string[]).includes(module)) continue;
    const contacts: RecordContact[] = [];
    for (const pairs of rows) {
      if (contacts.length >= MAX_CONTACTS) break;
      const contact = contactFromPairs(pairs, contactRoleColumns);
      if (contact) contacts.push(contact);
    }
    return contacts;
  }
  return [];
}

/** Reads the Deal in `root` (a detail view from `findZohoRecordRoot`). Never throws. */
export function extractZohoRecord(root: Element): Extraction {
  const entries = attempt(() => readFields(root), []);
  const P = dealParts;
  const parts: Record<ExpectedPart, string> = {
    name: attempt(() => textOf(firstMatch(lightScope(root), S.recordTitle)?.element), '') || partValue(entries, P.name),
    stage: partValue(entries, P.stage),
    amount: partValue(entries, P.amount),
    closeDate: partValue(entries, P.closeDate),
    owner: partValue(entries, P.owner),
    account: partValue(entries, P.account),
  };
  return extractionOf(parts, attempt(() => mergeFields(entries), []), attempt(() => readContacts(root), []));
}

export const zohoAdapter: CrmAdapter = {
  id: 'zoho',
  label: 'Zoho CRM',
  matches: ZOHO_MATCHES,
  objectTypes: ['Potentials'],
  recognize: recognizeZohoUrl,
  findRecordRoot: findZohoRecordRoot,
  extract: (root) => {
    try {
      return extractZohoRecord(root);
    } catch {
      return emptyExtraction();
    }
  },
};
