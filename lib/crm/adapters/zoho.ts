import type { CrmAdapter, Extraction, RecordRef } from '@/lib/crm/adapter';
import { allMatches, allOfFirstMatch, firstMatch, isRendered, labelledCells, lightScope, visibleText } from '@/lib/crm/dom';
import { ZOHO_MATCHES } from '@/lib/crm/hosts';
import { MAX_CONTACTS } from '@/lib/crm/limits';
import { cleanText, labelMatches } from '@/lib/crm/parse';
import type { RecordContact, RecordField } from '@/lib/crm/snapshot';
import { attempt, contactFromPairs, emptyExtraction, extractionOf, mergeFields, partValue } from './common';
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

/** The nearest element holding both `a` and `b` (bounded walk up `a`'s ancestors). */
function commonAncestor(a: Element, b: Element, maxSteps = 500): Element | null {
  const chain = new Set<Element>();
  let node: Element | null = a;
  for (let i = 0; node && i < maxSteps; i += 1, node = node.parentElement) chain.add(node);
  node = b;
  for (let i = 0; node && i < maxSteps; i += 1, node = node.parentElement) if (chain.has(node)) return node;
  return null;
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

function readFields(root: Element): RecordField[] {
  const entries: RecordField[] = [];
  for (const row of detailRows(root)) {
    const scope = lightScope(row);
    const labelElement = firstMatch(scope, S.fieldLabel)?.element;
    const label = visibleText(labelElement);
    if (!label) continue;
    const valueElement = firstMatch(scope, S.fieldValue)?.element;
    const entry: RecordField = { label, value: valueText(valueElement) };
    const apiName = fieldKeyOf(labelElement) ?? fieldKeyOf(valueElement) ?? fieldKeyOf(row);
    if (apiName) entry.apiName = apiName;
    entries.push(entry);
  }
  return entries;
}

/** The column a related-list cell's data-zcqa names; "" for none (action cells name "undefined"). */
function cellColumn(cell: Element): string {
  const zcqa = cell.getAttribute('data-zcqa') ?? '';
  const column = zcqa.startsWith(RELATED_CELL_PREFIX) ? cleanText(zcqa.slice(RELATED_CELL_PREFIX.length)) : '';
  return column === 'undefined' ? '' : column;
}

/** A related-list row as column/value pairs: the column its cell's data-zcqa names, else its header cell's (lyte-th). */
function rowPairs(row: Element): (readonly [string, string])[] {
  return labelledCells(row).map(([header, cell]) => [cellColumn(cell) || header, valueText(cell)] as const);
}

function readContacts(root: Element): RecordContact[] {
  for (const list of allOfFirstMatch(lightScope(root), S.relatedList)) {
    const rows = allOfFirstMatch(lightScope(list), S.relatedRow).map(rowPairs);
    const module = list.getAttribute('related-module') ?? '';
    const hasRoles = rows.some((pairs) => pairs.some(([column]) => labelMatches(column, contactRoleColumns.role)));
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
  return extractionOf({
    parts: {
      name: attempt(() => visibleText(firstMatch(lightScope(root), S.recordTitle)?.element), '') || partValue(entries, P.name),
      stage: partValue(entries, P.stage),
      amount: partValue(entries, P.amount),
      closeDate: partValue(entries, P.closeDate),
      owner: partValue(entries, P.owner),
      account: partValue(entries, P.account),
    },
    fields: attempt(() => mergeFields(entries), []),
    contacts: attempt(() => readContacts(root), []),
  });
}

export const zohoAdapter: CrmAdapter = {
  id: 'zoho',
  label: 'Zoho CRM',
  matches: ZOHO_MATCHES,
  objectTypes: ['Potentials'],
  recognize: recognizeZohoUrl,
  findRecordRoot: findZohoRecordRoot,
  extract: (root) => attempt(() => extractZohoRecord(root), emptyExtraction()),
};
