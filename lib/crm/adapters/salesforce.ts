import type { CrmAdapter, Extraction, RecordRef } from '@/lib/crm/adapter';
import {
  allMatches,
  allOfFirstMatch,
  closestDeep,
  controlValue,
  deepQueryAll,
  deepScope,
  firstMatch,
  isRendered,
  labelledCells,
  lightScope,
  visibleText,
  within,
  type DeepScope,
} from '@/lib/crm/dom';
import { SALESFORCE_MATCHES } from '@/lib/crm/hosts';
import { cleanText, labelMatches } from '@/lib/crm/parse';
import { MAX_CONTACTS } from '@/lib/crm/limits';
import type { RecordContact, RecordField } from '@/lib/crm/snapshot';
import { attempt, contactFromPairs, emptyExtraction, extractionOf, mergeFields, partValue } from './common';
import { contactColumns, contactRolesList, opportunityParts, salesforceSelectors as S } from './salesforce.selectors';

// Salesforce Lightning Experience. Reads the record page the user has in view:
// URL -> record ref, visible Aura view -> record home, record home -> parts.
// Only Opportunity is read for now; other record pages are recognised (so the
// panel can say "unsupported object") but not read. Classic pages
// (`{instance}.salesforce.com/{id}`) are not recognised: see `classicRecordId`.

// --- Record ids ---------------------------------------------------------------

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Key prefixes (first 3 id characters) of the standard objects the adapter knows. */
export const KEY_PREFIXES: Readonly<Record<string, string>> = {
  Account: '001',
  Contact: '003',
  User: '005',
  Opportunity: '006',
  Lead: '00Q',
  Case: '500',
};

/**
 * The 3-character suffix that makes a 15-character (case-sensitive) id
 * case-insensitive, as Salesforce computes it (CASESAFEID): for each 5-char
 * chunk, bit i is set when character i is an uppercase letter.
 */
export function caseSafeSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET[bits];
  }
  return suffix;
}

/**
 * The 18-character form of a Salesforce id, or null when `id` is not one.
 * A 15-character id gets its suffix; an 18-character id has its case restored
 * from the suffix (18-character ids are case-insensitive), which also checks
 * that the suffix fits the id.
 */
export function normaliseSalesforceId(id: string): string | null {
  if (!/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(id)) return null;
  if (id.length === 15) return id + caseSafeSuffix(id);
  const suffix = id.slice(15).toUpperCase();
  let body = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    const bits = CHECKSUM_ALPHABET.indexOf(suffix[chunk] as string);
    if (bits < 0) return null;
    for (let i = 0; i < 5; i += 1) {
      const c = id[chunk * 5 + i] as string;
      const upper = (bits & (1 << i)) !== 0;
      const isLetter = c.toLowerCase() !== c.toUpperCase();
      if (upper && !isLetter) return null; // the suffix marks a digit as uppercase
      body += upper ? c.toUpperCase() : c.toLowerCase();
    }
  }
  return body + suffix;
}

// --- URLs -----------------------------------------------------------------------

// /lightning/r/{Object}/{id}/view, and /lightning/r/{id}/view (object from the key prefix).
const LIGHTNING_RECORD = /^\/lightning\/r\/(?:([A-Za-z][A-Za-z0-9_]{0,79})\/)?([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/view\/?$/;
// Older Lightning: /one/one.app#/sObject/{id}/view
const ONE_APP_RECORD = /^#\/sObject\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/view\/?(?:\?.*)?$/;
// Classic: https://{instance}.salesforce.com/{id}
const CLASSIC_RECORD = /^\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/?$/;
// Related list link of a record page: /lightning/r/[{Object}/]{id}/related/{relationship}/view
const RELATED_LINK = /\/lightning\/r\/(?:[A-Za-z][A-Za-z0-9_]{0,79}\/)?([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/related\//;

function objectForPrefix(id: string): string | undefined {
  const prefix = id.slice(0, 3);
  return Object.keys(KEY_PREFIXES).find((name) => KEY_PREFIXES[name] === prefix);
}

function refFor(objectType: string | undefined, rawId: string): RecordRef | null {
  const recordId = normaliseSalesforceId(rawId);
  if (!recordId) return null;
  if (!objectType) {
    const known = objectForPrefix(recordId);
    return known ? { objectType: known, recordId } : null;
  }
  // Canonical spelling for the standard objects (`opportunity` -> `Opportunity`).
  const canonical = Object.keys(KEY_PREFIXES).find((name) => name.toLowerCase() === objectType.toLowerCase()) ?? objectType;
  const prefix = KEY_PREFIXES[canonical];
  if (prefix && recordId.slice(0, 3) !== prefix) return null; // e.g. an Account id under /Opportunity/
  return { objectType: canonical, recordId };
}

/**
 * The record a Lightning record-page URL points at. Only the record home
 * (`…/view`) counts: edit and clone URLs open a form over the page, and
 * related-list pages (`…/related/…/view`), list views (`/lightning/o/…`) and
 * Classic URLs are not a record page the adapter reads.
 */
export function recognizeSalesforceUrl(url: URL): RecordRef | null {
  try {
    const lightning = LIGHTNING_RECORD.exec(url.pathname);
    if (lightning) return refFor(lightning[1], lightning[2] as string);
    if (url.pathname === '/one/one.app') {
      const oneApp = ONE_APP_RECORD.exec(url.hash);
      if (oneApp) return refFor(undefined, oneApp[1] as string);
    }
  } catch {
    // fall through
  }
  return null;
}

/**
 * The record id of a Classic record URL (`/0065g00000AbCdE`), normalised to
 * 18 characters; null for anything else. Classic pages are recognised here
 * only so the UI could say "switch to Lightning"; the adapter does not read them.
 */
export function classicRecordId(url: URL): string | null {
  const match = CLASSIC_RECORD.exec(url.pathname);
  const id = match ? normaliseSalesforceId(match[1] as string) : null;
  return id && objectForPrefix(id) ? id : null;
}

// --- Finding the record in view ----------------------------------------------------

function recordHomesIn(view: Element): Element[] {
  const light = allOfFirstMatch(lightScope(view), S.recordHome);
  return light.length > 0 ? light : allOfFirstMatch(view, S.recordHome);
}

/** Record ids the record home shows about itself: its related lists link to `/lightning/r/{id}/related/…`. */
function recordIdsShown(home: Element): Set<string> {
  const ids = new Set<string>();
  let links = allOfFirstMatch(lightScope(home), S.relatedListLink);
  if (links.length === 0) links = allOfFirstMatch(home, S.relatedListLink);
  for (const link of links) {
    const match = RELATED_LINK.exec(link.getAttribute('href') ?? '');
    const id = match ? normaliseSalesforceId(match[1] as string) : null;
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * The record home of the visible view. Lightning keeps earlier views (and
 * other console tabs) in the DOM, hidden; only an active, rendered one counts.
 * When the record home names its record (related list links) it must be `ref`:
 * right after an in-app navigation the URL changes before the new view renders,
 * and the old view must not be read as the new record.
 */
export function findSalesforceRecordRoot(doc: Document, ref: RecordRef): Element | null {
  try {
    const views = allMatches(lightScope(doc), [...S.activeView, ...S.consoleWorkspace]).filter((view) => isRendered(view));
    const homes: Element[] = [];
    const candidates = views.length > 0 ? views.flatMap(recordHomesIn) : allOfFirstMatch(doc, S.recordHome);
    for (const home of candidates) if (!homes.includes(home) && isRendered(home)) homes.push(home);
    let best: Element | null = null;
    let bestScore = 0;
    for (const home of homes) {
      const shown = recordIdsShown(home);
      const score = shown.size === 0 ? 1 : shown.has(ref.recordId) ? 2 : 0;
      if (score > bestScore) {
        best = home;
        bestScore = score;
      }
    }
    return best;
  } catch {
    return null;
  }
}

// --- Reading the record ----------------------------------------------------------

const TARGET = S.fieldTarget[0];
const TARGET_PREFIX = 'sfdc:RecordField.';

/** `sfdc:RecordField.Opportunity.StageName` -> { object: 'Opportunity', field: 'StageName' }. */
function parseTarget(element: Element | null): { object: string; field: string } | null {
  const name = element?.getAttribute('data-target-selection-name') ?? '';
  if (!name.startsWith(TARGET_PREFIX)) return null;
  const [object, field] = name.slice(TARGET_PREFIX.length).split('.');
  return object && field && /^[A-Za-z0-9_]{1,80}$/.test(field) ? { object, field } : null;
}

// Each field's part of the record's scope is taken once (`within`: a lookup
// in the shadow roots found once for the record) and serves every query in
// that field.

function fieldValue(fieldScope: DeepScope): string {
  const valueElement = firstMatch(fieldScope, S.fieldValue)?.element;
  const text = visibleText(valueElement);
  if (text || !valueElement) return text;
  const box = firstMatch(within(fieldScope, valueElement), S.fieldCheckbox)?.element;
  return box ? (controlValue(box) ?? '') : '';
}

function fieldLabel(fieldScope: DeepScope, container: Element): string {
  return cleanText(container.getAttribute('field-label')) || visibleText(firstMatch(fieldScope, S.fieldLabel)?.element);
}

/** Fields of the detail layout (all layout kinds), in page order; fields of another object are left out. */
function layoutFields(scope: DeepScope, objectType: string): RecordField[] {
  const entries: RecordField[] = [];
  const covered = new Set<Element>();
  const add = (container: Element, fieldScope: DeepScope, target: Element | null) => {
    const api = parseTarget(target);
    if (api && api.object !== objectType) return; // e.g. a related record's fields on the page
    const label = fieldLabel(fieldScope, container);
    if (!label) return;
    const entry: RecordField = { label, value: fieldValue(fieldScope) };
    if (api) entry.apiName = api.field;
    entries.push(entry);
  };
  for (const item of allMatches(scope, S.layoutItem)) {
    const itemScope = within(scope, item);
    const target = firstMatch(itemScope, S.fieldTarget)?.element ?? closestDeep(item, TARGET);
    if (target) covered.add(target);
    add(item, itemScope, target);
  }
  // Field wrappers outside any known layout item (newer or custom layouts).
  for (const target of deepQueryAll(scope, TARGET)) {
    if (!covered.has(target)) add(target, within(scope, target), target);
  }
  return entries;
}

function highlightsFields(scope: DeepScope): RecordField[] {
  const entries: RecordField[] = [];
  for (const item of allOfFirstMatch(scope, S.highlightsItem)) {
    const itemScope = within(scope, item);
    const label = visibleText(firstMatch(itemScope, S.highlightsItemLabel)?.element);
    if (label) entries.push({ label, value: visibleText(firstMatch(itemScope, S.highlightsItemValue)?.element) });
  }
  return entries;
}

function pathStage(scope: DeepScope): string {
  const step = firstMatch(scope, S.pathCurrentStep)?.element;
  if (!step) return '';
  return visibleText(firstMatch(within(scope, step), S.pathStepTitle)?.element) || cleanText(step.getAttribute('data-name')) || visibleText(step);
}

function isContactRoles(listScope: DeepScope): boolean {
  for (const link of allOfFirstMatch(listScope, S.relatedListLink)) {
    if ((link.getAttribute('href') ?? '').includes(`/related/${contactRolesList.relationship}/`)) return true;
  }
  const title = firstMatch(listScope, S.relatedListTitle)?.element;
  return labelMatches(title?.getAttribute('title') ?? visibleText(title), contactRolesList.titles);
}

function tileContacts(scope: DeepScope, tiles: Element[]): RecordContact[] {
  const contacts: RecordContact[] = [];
  for (const tile of tiles) {
    const tileScope = within(scope, tile);
    const name = visibleText(firstMatch(tileScope, S.relatedTileName)?.element);
    const pairs: [string, string][] = [];
    for (const label of allOfFirstMatch(tileScope, S.relatedTileLabel)) {
      const value = label.nextElementSibling;
      if (value && S.relatedTileValue.some((v) => value.matches(v))) pairs.push([visibleText(label), visibleText(value)]);
    }
    const contact = contactFromPairs(pairs, contactColumns, name);
    if (contact) contacts.push(contact);
  }
  return contacts;
}

/** Contacts of a table or grid; a cell without `data-label` takes its column header's name (Aura grids, saved pages). */
function rowContacts(rows: Element[]): RecordContact[] {
  const contacts: RecordContact[] = [];
  for (const row of rows) {
    const cells = labelledCells(row);
    const pairs = cells.map(([label, cell]): [string, string] => [label, visibleText(cell)]);
    const header = cells.find(([, cell]) => cell.localName === 'th')?.[1];
    const contact = contactFromPairs(pairs, contactColumns) ?? contactFromPairs(pairs, contactColumns, visibleText(header));
    if (contact) contacts.push(contact);
  }
  return contacts;
}

function readContacts(scope: DeepScope): RecordContact[] {
  for (const list of allOfFirstMatch(scope, S.relatedList)) {
    const listScope = within(scope, list);
    if (!isContactRoles(listScope)) continue;
    const tiles = allOfFirstMatch(listScope, S.relatedTile);
    const contacts = tiles.length > 0 ? tileContacts(listScope, tiles) : rowContacts(allOfFirstMatch(listScope, S.relatedRow));
    return contacts.slice(0, MAX_CONTACTS);
  }
  return [];
}

/** Reads the Opportunity in `root` (a record home from `findSalesforceRecordRoot`). Never throws. */
export function extractSalesforceRecord(root: Element, ref: RecordRef): Extraction {
  const scope = attempt(() => deepScope(root), { roots: [root], truncated: true });
  const layout = attempt(() => layoutFields(scope, ref.objectType), []);
  const highlights = attempt(() => highlightsFields(scope), []);
  // Parts prefer the detail layout; the highlights panel covers a Details tab not rendered yet.
  const entries = [...layout, ...highlights];
  const P = opportunityParts;
  return extractionOf({
    parts: {
      name: attempt(() => visibleText(firstMatch(scope, S.highlightsPrimaryField)?.element), '') || partValue(entries, P.name),
      stage: attempt(() => pathStage(scope), '') || partValue(entries, P.stage),
      amount: partValue(entries, P.amount),
      closeDate: partValue(entries, P.closeDate),
      owner: partValue(entries, P.owner) || attempt(() => visibleText(firstMatch(scope, S.ownerLookup)?.element), ''),
      account: partValue(entries, P.account),
    },
    fields: attempt(() => mergeFields(entries), []),
    contacts: attempt(() => readContacts(scope), []),
  });
}

export const salesforceAdapter: CrmAdapter = {
  id: 'salesforce',
  label: 'Salesforce Lightning',
  matches: SALESFORCE_MATCHES,
  objectTypes: ['Opportunity'],
  recognize: recognizeSalesforceUrl,
  findRecordRoot: findSalesforceRecordRoot,
  extract: (root, ref) => attempt(() => extractSalesforceRecord(root, ref), emptyExtraction()),
};
