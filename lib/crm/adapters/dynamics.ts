import type { CrmAdapter, Extraction, RecordRef } from '@/lib/crm/adapter';
import {
  allMatches,
  allOfFirstMatch,
  closestDeep,
  controlValue,
  deepScope,
  firstMatch,
  isRendered,
  labelledCells,
  lightScope,
  visibleText,
  within,
  type DeepScope,
} from '@/lib/crm/dom';
import { DYNAMICS_MATCHES } from '@/lib/crm/hosts';
import { MAX_CONTACTS } from '@/lib/crm/limits';
import { cleanText, labelMatches, normaliseLabel, withoutPlaceholder } from '@/lib/crm/parse';
import type { RecordContact, RecordField } from '@/lib/crm/snapshot';
import { ContactList, attempt, emptyExtraction, extractionOf, mergeFields, partValue, type PartSpec } from './common';
import { contactColumns, contactSubgrids, currencyNames, dynamicsSelectors as S, opportunityParts } from './dynamics.selectors';

// Dynamics 365 Unified Interface (model-driven apps). Reads the record form the
// user has in view: URL -> record ref, rendered form root -> parts. Only the
// opportunity entity is read for now; other record pages are recognised (so the
// panel can say "unsupported object") but not read. Fields are found by their
// logical name, which the page carries in data-id values in every language.

// --- URLs -----------------------------------------------------------------------

const GUID_BODY = '[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}';
const GUID = new RegExp(`^(?:\\{(${GUID_BODY})\\}|(${GUID_BODY}))$`, 'i');
const LOGICAL_NAME = /^[a-z][a-z0-9_]{0,79}$/;

/** A record GUID as Dynamics shows it ("{6F0C…}", "6f0c…") -> lowercase, without braces; null when it is not one. */
export function normaliseGuid(raw: string): string | null {
  const match = GUID.exec(raw.trim());
  const guid = match?.[1] ?? match?.[2];
  return guid ? guid.toLowerCase() : null;
}

/**
 * The record a UCI URL points at:
 * `main.aspx?appid=…&pagetype=entityrecord&etn={logicalName}&id={GUID}` (the id
 * with or without braces, encoded or not). Lists, dashboards and a new-record
 * form (no id) are not a record page.
 */
export function recognizeDynamicsUrl(url: URL): RecordRef | null {
  try {
    if (!/\/main\.aspx$/i.test(url.pathname)) return null;
    const params = url.searchParams;
    if ((params.get('pagetype') ?? '').toLowerCase() !== 'entityrecord') return null;
    const objectType = (params.get('etn') ?? '').toLowerCase();
    if (!LOGICAL_NAME.test(objectType)) return null;
    const recordId = normaliseGuid(params.get('id') ?? '');
    return recordId ? { objectType, recordId } : null;
  } catch {
    return null;
  }
}

// --- Finding the record in view ----------------------------------------------------

/**
 * The form of the record in view: a rendered form root that is not inside a
 * modal dialog (quick create, a related record opened over the page). UCI keeps
 * earlier pages in the DOM hidden; they do not count.
 */
export function findDynamicsRecordRoot(doc: Document): Element | null {
  try {
    for (const form of allOfFirstMatch(lightScope(doc), S.formRoot)) {
      if (S.dialog.some((selector) => closestDeep(form, selector))) continue;
      if (isRendered(form)) return form;
    }
  } catch {
    // fall through
  }
  return null;
}

// --- Reading the record ------------------------------------------------------------

const CONTAINER_SUFFIX = '-FieldSectionItemContainer';
// Element ids of containers: id-{guid}-{n}-{name}-FieldSectionItemContainer.
const CONTAINER_ID = /^id-[0-9a-f-]{36}-\d+-(.+)-FieldSectionItemContainer$/i;
const FIELD_NAME = /^[a-z0-9_]{1,80}$/i;

/** `header_estimatedvalue` from `header_estimatedvalue-FieldSectionItemContainer` (data-id, else element id). */
function containerName(container: Element): string {
  const dataId = container.getAttribute('data-id') ?? '';
  if (dataId.endsWith(CONTAINER_SUFFIX)) return dataId.slice(0, -CONTAINER_SUFFIX.length);
  return CONTAINER_ID.exec(container.getAttribute('id') ?? '')?.[1] ?? '';
}

/** The names of a lookup's selected records ("; " between several), or null when the field shows no lookup tag. */
function lookupValue(field: DeepScope): string | null {
  const tags = allOfFirstMatch(field, S.lookupTag);
  if (tags.length === 0) return null;
  return cleanText(tags.map((tag) => cleanText(tag.getAttribute('title')) || visibleText(tag)).filter(Boolean).join('; '));
}

/** A form control's value; an option-set button or read-only display shows it as text, else in its title. */
function controlText(control: Element): string {
  return controlValue(control) ?? (visibleText(control) || cleanText(control.getAttribute('title')));
}

/** What the field shows; "" for the "---" UCI shows in an empty field. */
function fieldValue(field: DeepScope): string {
  let value = lookupValue(field);
  if (value === null) {
    const control = firstMatch(field, S.fieldInput)?.element ?? firstMatch(field, S.fieldText)?.element;
    value = control ? controlText(control) : '';
  }
  return withoutPlaceholder(value);
}

function fieldLabel(field: DeepScope): string {
  const label = visibleText(firstMatch(field, S.fieldLabel)?.element);
  return label || cleanText(firstMatch(field, S.fieldInput)?.element.getAttribute('aria-label'));
}

/** Rendered fields of the form, body first and then header, in page order. BPF flyout steps are left out. */
function formFields(scope: DeepScope): RecordField[] {
  const body: RecordField[] = [];
  const header: RecordField[] = [];
  for (const container of allMatches(scope, S.fieldContainer)) {
    const name = containerName(container);
    if (name.startsWith('header_process_') || !isRendered(container)) continue;
    const inHeader = name.startsWith('header_');
    const apiName = inHeader ? name.slice('header_'.length) : name;
    // The form's scope is handed down (`within`): the shadow roots found once for the form are
    // reused inside each field instead of walking every field again.
    const containerScope = within(scope, container);
    const label = fieldLabel(containerScope);
    if (!label) continue;
    const entry: RecordField = { label, value: fieldValue(containerScope) };
    if (FIELD_NAME.test(apiName)) entry.apiName = apiName;
    (inHeader ? header : body).push(entry);
  }
  return [...body, ...header];
}

function recordName(scope: DeepScope): string {
  const header = firstMatch(scope, S.formHeader)?.element;
  const title = firstMatch(header ? within(scope, header) : scope, S.headerTitle)?.element;
  return title ? cleanText(title.getAttribute('title')) || visibleText(title) : '';
}

/**
 * A stage's name read off the stage itself, for markup without a stage-name
 * element: the `title` or `aria-label` of the stage or of its button, else
 * its text (which sits in the button, where `visibleText` of the stage does
 * not look), each without the "Active for 12 days" status the current stage
 * also shows ("Develop, Active for 12 days" -> "Develop").
 */
function stageOwnName(stage: Element, status: string): string {
  const button = stage.querySelector('button');
  const shown = [
    stage.getAttribute('title'),
    stage.getAttribute('aria-label'),
    button?.getAttribute('title'),
    button?.getAttribute('aria-label'),
    visibleText(stage),
    visibleText(button),
  ];
  for (const text of shown) {
    let name = cleanText(text);
    if (status && name.endsWith(status)) name = name.slice(0, -status.length).replace(/[\s,，:：;；|–—-]+$/, '');
    if (name) return name;
  }
  return '';
}

/** The name of the BPF stage the record is in: marked current, else carrying the "Active for…" label, else selected. */
function processStage(scope: DeepScope): string {
  const status = firstMatch(scope, S.bpfStageStatus)?.element;
  const stage =
    firstMatch(scope, S.bpfCurrentStage)?.element ??
    (status ? closestDeep(status, S.bpfStage[0]) : null) ??
    firstMatch(scope, S.bpfSelectedStage)?.element;
  if (!stage) return '';
  const name = firstMatch(within(scope, stage), S.bpfStageName)?.element;
  return (name && (visibleText(name) || cleanText(name.getAttribute('title')))) || stageOwnName(stage, visibleText(status));
}

/** The ISO code of a currency lookup value ("US Dollar", "人民币", "USD"). */
function currencyCode(name: string): string | undefined {
  return currencyNames[normaliseLabel(name)] ?? /(?:^|[^A-Za-z])([A-Z]{3})(?![A-Za-z])/.exec(name)?.[1];
}

// --- Contacts (subgrids) -------------------------------------------------------------

type ContactKey = keyof typeof contactColumns;
const CONTACT_KEYS = Object.keys(contactColumns) as ContactKey[];

function subgridName(grid: Element): string {
  const dataId = grid.getAttribute('data-id') ?? '';
  if (dataId.endsWith('-pcf_grid_control_container')) return dataId.slice(0, -'-pcf_grid_control_container'.length);
  const id = grid.getAttribute('id') ?? '';
  return id.startsWith('dataSetRoot_') ? id.slice('dataSetRoot_'.length) : '';
}

/** Header labels of a grid: by column (`col-id`, `#{aria-colindex}`), and by position for cells that name no column. */
interface GridHeaders {
  byColumn: Map<string, string>;
  byPosition: Map<Element, string>;
}

/** Header labels by column (`col-id`, and `#{aria-colindex}`). */
function columnLabels(grid: DeepScope): Map<string, string> {
  const labels = new Map<string, string>();
  for (const header of allOfFirstMatch(grid, S.gridColumnHeader)) {
    const label = visibleText(header) || cleanText(header.getAttribute('title'));
    const colId = header.getAttribute('col-id');
    const index = header.getAttribute('aria-colindex');
    if (colId) labels.set(colId, label);
    if (index) labels.set(`#${index}`, label);
  }
  return labels;
}

/** True when a cell names its column (`col-id`, `aria-colindex`), as ag-grid's cells do. */
function namesItsColumn(cell: Element): boolean {
  return cell.hasAttribute('col-id') || cell.hasAttribute('aria-colindex');
}

/**
 * The cells of each record row; ag-grid's pinned and centre parts of one row
 * (same row index) are joined. Cells that do not name their column (grids
 * without ag-grid's attributes) get their header's label by position, into
 * `byPosition`.
 */
function gridRows(grid: DeepScope, byPosition: Map<Element, string>): Element[][] {
  const rows = new Map<string, Element[]>();
  for (const row of allOfFirstMatch(grid, S.gridRow)) {
    const cells = allOfFirstMatch(within(grid, row), S.gridCell);
    if (cells.length === 0) continue; // header row
    const key = row.getAttribute('row-index') ?? row.getAttribute('aria-rowindex') ?? `row:${rows.size}`;
    const known = rows.get(key);
    if (!known && rows.size >= MAX_CONTACTS) continue;
    if (!cells.every(namesItsColumn)) for (const [label, cell] of labelledCells(row)) if (label) byPosition.set(cell, label);
    if (known) known.push(...cells);
    else rows.set(key, cells);
  }
  return [...rows.values()];
}

/** The entity of the record a row links to (`etn=contact`), or '' when the row has no record link. */
function linkedEntity(grid: DeepScope, cells: Element[]): string {
  for (const cell of cells) {
    const href = firstMatch(within(grid, cell), S.gridRecordLink)?.element.getAttribute('href') ?? '';
    const etn = /[?&]etn=([A-Za-z0-9_]+)/.exec(href)?.[1];
    if (etn) return etn.toLowerCase();
  }
  return '';
}

function columnKind(cell: Element, headers: GridHeaders): ContactKey | undefined {
  const colId = cell.getAttribute('col-id') ?? '';
  const field = colId.slice(colId.lastIndexOf('.') + 1).toLowerCase(); // "a_1b2c.emailaddress1" -> "emailaddress1"
  const label = normaliseLabel(
    headers.byColumn.get(colId) ?? headers.byColumn.get(`#${cell.getAttribute('aria-colindex') ?? ''}`) ?? headers.byPosition.get(cell) ?? '',
  );
  // Columns of a linked entity are labelled "Email (Contact)".
  const bare = label.replace(/\s*[(（][^()（）]*[)）]$/, '');
  return (
    CONTACT_KEYS.find((key) => (contactColumns[key].fields as readonly string[]).includes(field)) ??
    CONTACT_KEYS.find((key) => bare && labelMatches(bare, contactColumns[key].labels))
  );
}

function contactFrom(grid: DeepScope, cells: Element[], headers: GridHeaders): RecordContact | null {
  const contact: RecordContact = { name: '' };
  for (const cell of cells) {
    const value = visibleText(cell);
    const kind = value ? columnKind(cell, headers) : undefined;
    if (kind && !contact[kind]) contact[kind] = value;
  }
  if (!contact.name) contact.name = visibleText(cells.map((cell) => firstMatch(within(grid, cell), S.gridRecordLink)?.element).find(Boolean));
  return contact.name ? contact : null;
}

/**
 * The customer's people in the form's subgrids (Stakeholders: name and
 * connection role; contact subgrids: name, job title, email), one per name.
 * A row counts when it links to a contact record, or, without a record link,
 * when its subgrid is a known contact list. Users (sales team) do not count.
 */
function readContacts(scope: DeepScope): RecordContact[] {
  const list = new ContactList();
  const read: Element[] = [];
  for (const grid of allMatches(scope, S.subgrid)) {
    if (read.some((done) => done.contains(grid) || grid.contains(done)) || !isRendered(grid)) continue;
    read.push(grid);
    const name = subgridName(grid).toLowerCase();
    const named = contactSubgrids.some((known) => known.toLowerCase() === name);
    const gridScope = within(scope, grid);
    const headers: GridHeaders = { byColumn: columnLabels(gridScope), byPosition: new Map() };
    for (const cells of gridRows(gridScope, headers.byPosition)) {
      const entity = linkedEntity(gridScope, cells);
      if (entity ? entity !== 'contact' : !named) continue;
      const contact = contactFrom(gridScope, cells, headers);
      if (contact) list.add(contact);
    }
  }
  return list.contacts;
}

/** Reads the opportunity in `root` (a form root from `findDynamicsRecordRoot`). Never throws. */
export function extractDynamicsRecord(root: Element): Extraction {
  const scope = attempt(() => deepScope(root), { roots: [root], truncated: true });
  const entries = attempt(() => formFields(scope), []);
  const P = opportunityParts;
  const part = (spec: PartSpec) => partValue(entries, spec, { labelsFindUnnamedOnly: true });
  return extractionOf({
    parts: {
      name: attempt(() => recordName(scope), '') || part(P.name),
      stage: attempt(() => processStage(scope), '') || part(P.stage),
      amount: part(P.amount),
      closeDate: part(P.closeDate),
      owner: part(P.owner),
      account: part(P.account),
    },
    // The currency lookup names the currency when the amount's symbol does not ("$", "¥").
    currency: attempt(() => currencyCode(part(P.currency)), undefined),
    fields: attempt(() => mergeFields(entries), []),
    contacts: attempt(() => readContacts(scope), []),
  });
}

export const dynamicsAdapter: CrmAdapter = {
  id: 'dynamics',
  label: 'Dynamics 365',
  matches: DYNAMICS_MATCHES,
  objectTypes: ['opportunity'],
  recognize: recognizeDynamicsUrl,
  findRecordRoot: (doc) => findDynamicsRecordRoot(doc),
  extract: (root) => attempt(() => extractDynamicsRecord(root), emptyExtraction()),
};
