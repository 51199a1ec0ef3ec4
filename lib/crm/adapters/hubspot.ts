import type { CrmAdapter, Extraction, RecordRef } from '@/lib/crm/adapter';
import {
  allMatches,
  allOfFirstMatch,
  closestMatch,
  displayedValue,
  firstAccepted,
  firstMatch,
  isRendered,
  labelledCells,
  lightScope,
  textAfterLabel,
  visibleText,
  type DeepScope,
  type Variants,
} from '@/lib/crm/dom';
import { HUBSPOT_MATCHES, urlMatchesPatterns } from '@/lib/crm/hosts';
import { displayLabel, withoutPlaceholder } from '@/lib/crm/parse';
import type { RecordContact, RecordField } from '@/lib/crm/snapshot';
import { ContactList, attempt, contactFromPairs, emptyExtraction, extractionOf, mergeFields, partValue } from './common';
import { OBJECT_TYPE_IDS, contactColumns, dealParts, hubspotSelectors as S } from './hubspot.selectors';

// HubSpot CRM. Reads the record page the user has in view: URL -> record ref,
// highlight card -> record root (the three record columns), root -> parts.
// Only deals are read; contacts, companies, tickets and custom objects are
// recognised so the panel can say "unsupported object". HubSpot is a React app
// without shadow DOM, so every query stays in the light DOM.

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
  return closestMatch(element, S.preview) !== null;
}

/** The lowest ancestor of the highlight that holds the other record columns; else its left column. */
function recordRootOf(highlight: Element): Element {
  let node = highlight.parentElement;
  for (let steps = 0; node && steps < 100; steps += 1) {
    if (node.localName === 'body' || node.localName === 'html') break;
    if (firstMatch(lightScope(node), S.recordColumn)) return node;
    node = node.parentElement;
  }
  return closestMatch(highlight, S.leftSidebar) ?? highlight;
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

function propertyEntry(row: Element): RecordField | null {
  const scope = lightScope(row);
  const input = firstMatch(scope, S.propertyInput)?.element ?? null;
  const rowName = row.localName === 'span' ? (row.getAttribute('data-test-id') ?? '') : '';
  const inputName = nameAfter(input, 'data-selenium-test', 'property-input-');
  if (LOADING.has(rowName) || (inputName && LOADING.has(inputName))) return null;
  const apiName = PROPERTY_NAME.test(rowName) ? rowName : inputName;
  const labelElement = firstMatch(scope, S.propertyLabel)?.element ?? null;
  const label = displayLabel(visibleText(labelElement));
  if (!label) return null;
  const value = withoutPlaceholder(input ? displayedValue(input) : textAfterLabel(row, labelElement));
  return apiName ? { label, value, apiName } : { label, value };
}

/**
 * A `property-input-{name}` outside a properties list row (those are read with
 * their row): its row is the largest ancestor, up to a few levels, that holds
 * no other property's input or label. The name is the property's.
 */
function loosePropertyEntry(input: Element): RecordField | null {
  if (closestMatch(input, S.propertyRow)) return null;
  const apiName = nameAfter(input, 'data-selenium-test', 'property-input-');
  if (!apiName || LOADING.has(apiName)) return null;
  let row = input;
  for (let steps = 0; steps < 6 && row.parentElement; steps += 1) {
    const scope = lightScope(row.parentElement);
    if (allMatches(scope, S.propertyInput).length > 1 || allMatches(scope, S.propertyLabel).length > 1) break;
    row = row.parentElement;
  }
  const labelElement = row === input ? null : (firstMatch(lightScope(row), S.propertyLabel)?.element ?? null);
  const label = displayLabel(visibleText(labelElement)) || apiName;
  return { label, value: withoutPlaceholder(displayedValue(input)), apiName };
}

function highlightEntry(item: Element): RecordField | null {
  const valueElement = firstMatch(lightScope(item), S.highlightValue)?.element ?? null;
  // The display id names one property; the item id can join two (`jobtitle-and-company`). [COMMUNITY]
  const apiName = nameAfter(valueElement, 'data-test-id', 'highlight-property-display-');
  const labelElement = item.firstElementChild && item.firstElementChild !== valueElement ? item.firstElementChild : null;
  const label = displayLabel(visibleText(labelElement));
  if (!label) return null;
  const value = withoutPlaceholder(valueElement ? visibleText(valueElement) : textAfterLabel(item, labelElement));
  return apiName ? { label, value, apiName } : { label, value };
}

/** A heading + value pair of the highlight card (`<h3>Amount</h3><span>…</span>`, dt/dd): the value is the label's next sibling. */
function highlightPairEntry(labelElement: Element): RecordField | null {
  const valueElement = labelElement.nextElementSibling;
  if (!valueElement || valueElement.localName === labelElement.localName) return null;
  const label = displayLabel(visibleText(labelElement));
  return label ? { label, value: withoutPlaceholder(visibleText(valueElement)) } : null;
}

/** Not part of the record's own properties: preview panels and association cards (their rows describe other records). */
function foreign(element: Element): boolean {
  return inPreview(element) || closestMatch(element, [...S.companyCard, ...S.contactCard]) !== null;
}

/** The entries `entryOf` reads from the record's own rows (not foreign ones). */
function ownEntries(rows: readonly Element[], entryOf: (row: Element) => RecordField | null): RecordField[] {
  const entries: RecordField[] = [];
  for (const row of rows) {
    const entry = foreign(row) ? null : entryOf(row);
    if (entry) entries.push(entry);
  }
  return entries;
}

function cardsOf(scope: DeepScope, variants: Variants): Element[] {
  return allMatches(scope, variants).filter((card) => !inPreview(card));
}

/** The company of the company cards; else a company tile's title wherever it sits (not in a preview or a contacts card). */
function readAccount(scope: DeepScope): string {
  for (const card of cardsOf(scope, S.companyCard)) {
    const name = visibleText(firstMatch(lightScope(card), S.companyName)?.element);
    if (name) return name;
  }
  return visibleText(firstAccepted(scope, S.companyChicklet, (link) => !inPreview(link) && !closestMatch(link, S.contactCard)));
}

function tileContact(tile: Element): RecordContact | null {
  const scope = lightScope(tile);
  const name = visibleText(firstMatch(scope, S.contactName)?.element);
  if (!name) return null;
  const contact: RecordContact = { name };
  const title = withoutPlaceholder(visibleText(firstMatch(scope, S.contactJobTitle)?.element));
  const email = withoutPlaceholder(visibleText(firstMatch(scope, S.contactEmail)?.element));
  if (title) contact.title = title;
  if (email) contact.email = email;
  return contact;
}

/**
 * Rows of a contacts table, each cell named by the header cell of its column
 * (`th` title, aria-label or text: a sortable header shows its name in a
 * button); a row without a name column is named by its contact link.
 */
function tableContacts(card: Element): RecordContact[] {
  const contacts: RecordContact[] = [];
  for (const row of allOfFirstMatch(lightScope(card), S.tableRow)) {
    const pairs = labelledCells(row).map(([label, cell]) => [label, withoutPlaceholder(visibleText(cell))] as const);
    const contact =
      contactFromPairs(pairs, contactColumns) ?? contactFromPairs(pairs, contactColumns, visibleText(firstMatch(lightScope(row), S.contactName)?.element));
    if (contact) contacts.push(contact);
  }
  return contacts;
}

/** Contacts associated with the deal: tiles of the contacts cards, else rows of the contacts table. */
function readContacts(scope: DeepScope): RecordContact[] {
  const cards = cardsOf(scope, S.contactCard);
  const tiles = cards.flatMap((card) => allOfFirstMatch(lightScope(card), S.contactTile));
  const found = tiles.length > 0 ? tiles.map(tileContact) : cards.flatMap(tableContacts);
  // The sidebar card and the overview table list the same people.
  const list = new ContactList();
  for (const contact of found) if (contact && !list.add(contact)) break;
  return list.contacts;
}

function titleOf(scope: DeepScope): Element | null {
  return firstAccepted(scope, S.title, (element) => !inPreview(element));
}

/** Reads the deal in `root` (a record root from `findHubspotRecordRoot`). Never throws. */
export function extractHubspotRecord(root: Element): Extraction {
  const scope = lightScope(root);
  const title = attempt(() => titleOf(scope), null);
  // The older highlight card's h3 is its title, not a pair's label.
  const pairLabels = () => allMatches(scope, S.highlightPairLabel).filter((label) => !title || !(label === title || label.contains(title) || title.contains(label)));
  const entries = [
    ...attempt(() => ownEntries(allMatches(scope, S.propertyRow), propertyEntry), []),
    ...attempt(() => ownEntries(allMatches(scope, S.propertyInput), loosePropertyEntry), []),
    ...attempt(() => ownEntries(allOfFirstMatch(scope, S.highlightItem), highlightEntry), []),
    ...attempt(() => ownEntries(pairLabels(), highlightPairEntry), []),
  ];
  const P = dealParts;
  return extractionOf({
    parts: {
      name: visibleText(title) || partValue(entries, P.name),
      stage: partValue(entries, P.stage),
      amount: partValue(entries, P.amount),
      closeDate: partValue(entries, P.closeDate),
      owner: partValue(entries, P.owner),
      account: attempt(() => readAccount(scope), ''),
    },
    currency: partValue(entries, P.currency),
    fields: attempt(() => mergeFields(entries), []),
    contacts: attempt(() => readContacts(scope), []),
  });
}

export const hubspotAdapter: CrmAdapter = {
  id: 'hubspot',
  label: 'HubSpot',
  matches: HUBSPOT_MATCHES,
  objectTypes: ['deal'],
  recognize: recognizeHubspotUrl,
  findRecordRoot: findHubspotRecordRoot,
  extract: (root) => attempt(() => extractHubspotRecord(root), emptyExtraction()),
};
