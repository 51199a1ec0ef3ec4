import { ContactList, contactFromPairs } from '@/lib/crm/adapters/common';
import { cellsOf, composedParent, deepScope, displayedValue, headerName, isRendered, labelledCells, TABLES, visibleText } from '@/lib/crm/dom';
import { cleanText, labelMatches, normaliseLabel } from '@/lib/crm/parse';
import type { RecordContact } from '@/lib/crm/snapshot';
import { OUR_SIDE_LISTS, type Vocabulary } from './vocabulary';

// The contacts of a record page whose adapter found none although the page
// lists them (issue 13: contacts as a part of the part-by-part fallback). A
// table or grid inside the record root is read as the customer's people only
// when its own label — its aria-label, the name in its container's `data-id`,
// the heading of its card or section, a related list's title — is one of the CRM's
// contact list names (both languages) and none of our own side's ("Sales
// Team", "销售团队": Dynamics' Sales Team subgrid lists our reps with Name and
// Title columns, just as a contact list would), and when its columns name a
// contact's name and at least one of title, role and e-mail. Runs in the
// enricher, never in the content script.

/** Tables and grids looked at per read: a record shows a few lists, a hostile page thousands of tables. */
const MAX_TABLES = 100;
/** Rows read over every list: a related list shows a handful, a hostile page may show thousands. */
const MAX_ROWS = 500;
/** Ancestors of a list climbed for its label: the Aura related list's card is five levels above its table. */
const MAX_LEVELS = 8;
const ROWS = 'tr, lyte-tr, [role="row"]';
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';
/** Cells that hold a record's data, as opposed to header cells: a row without one is a header row. */
const DATA_CELL_TAGS = new Set(['td', 'lyte-td']);
const DATA_CELL_ROLES = new Set(['cell', 'gridcell']);
/**
 * Links to a user record (Dynamics' `etn=systemuser`, Salesforce's User
 * pages): a row naming one of our users is never a customer contact,
 * whatever its list is called.
 */
const USER_LINKS = 'a[href*="etn=systemuser"], a[href*="/lightning/r/User/"]';
/** An e-mail address as a cell shows it (a cell under an "Email" header showing "Send email" gives none). */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A name in a `data-id` such as Dynamics' `Stakeholders-pcf_grid_control_container`: the word before the first "-". */
const DATA_ID_NAME = /^([\p{L}_][\p{L}\p{N}_]*)-/u;
/** Words that make any list name our side's ("Deal team members", "客户团队"). */
const OUR_SIDE_WORDS = /\bteams?\b|团队/i;

/** A list name compared across spellings: case, spacing, "_" and "-" ("SalesTeam", "Contact_Roles"), and a count after it ("Contact Roles (3)"). */
function listKey(label: string): string {
  return normaliseLabel(label)
    .replace(/\s*[(（]\s*\d[\d,.+]*\s*[)）]$/u, '')
    .replace(/[\s_-]+/g, '');
}

/** A column name without the entity Dynamics adds to a linked entity's column ("Email (Contact)", "电子邮件 (联系人)"). */
const bareColumn = (label: string) => label.replace(/\s*[(（][^()（）]*[)）]$/u, '');

/** The headings in `element` before `list` and outside it (a card's or section's heading), at most two: two mean a region wider than the list's own. */
function headingsBefore(element: Element, list: Element): Element[] {
  const found: Element[] = [];
  for (const heading of Array.from(element.querySelectorAll(HEADINGS))) {
    if (list.contains(heading) || heading.contains(list)) continue;
    if (!(list.compareDocumentPosition(heading) & 2 /* DOCUMENT_POSITION_PRECEDING */) || found.push(heading) >= 2) break;
  }
  return found;
}

/** What `element` calls itself: its aria-label and the text of the element(s) its aria-labelledby names. */
function ownLabels(element: Element): string[] {
  const labels = [cleanText(element.getAttribute('aria-label'))];
  const root = element.getRootNode() as Document | ShadowRoot;
  for (const id of (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).slice(0, 5)) {
    if (id && typeof root.getElementById === 'function') labels.push(visibleText(root.getElementById(id)));
  }
  return labels;
}

function isOurSideList(name: string): boolean {
  const key = listKey(name);
  return OUR_SIDE_WORDS.test(name) || OUR_SIDE_LISTS.some((ours) => listKey(ours) === key);
}

/** True when `element`, an ancestor of `list`, holds another table or grid too. */
const holdsAnotherList = (element: Element, list: Element) =>
  Array.from(element.querySelectorAll(TABLES)).some((other) => other !== list && !list.contains(other) && !other.contains(list));

/**
 * True when `list`'s own label names a list of the customer's people. Its
 * own label is the nearest one: the list's aria-label (or aria-labelledby,
 * caption), else its ancestors' — an aria-label, the one heading before the
 * list — up to the record root. The climb stops at an ancestor that holds
 * another list or two headings before it (a region wider than the list's
 * own). The first label met decides: a contact list's name takes the list,
 * any other refuses it. The name in a `data-id` (Dynamics' subgrid names,
 * `SalesTeam-pcf_grid_control_container`) is a hint that decides only when
 * it matches. A name of our side's anywhere on the climb refuses the list,
 * even after a contact list's name (an admin may label the Sales Team
 * subgrid "Contacts"; its name still says what it is).
 */
function isContactList(list: Element, root: Element, vocabulary: Vocabulary): boolean {
  const contactKeys = new Set(vocabulary.contactLists.map(listKey));
  let taken = false;
  let element: Element | null = list;
  for (let level = 0; element && element !== root && level <= MAX_LEVELS; level += 1, element = composedParent(element)) {
    const labels = ownLabels(element);
    if (element === list) labels.push(visibleText(element.querySelector(':scope > caption')));
    else {
      if (holdsAnotherList(element, list)) break;
      const headings = headingsBefore(element, list);
      if (headings.length > 1) break;
      if (headings[0]) labels.push(visibleText(headings[0]) || cleanText(headings[0].getAttribute('title')));
    }
    const names = [...labels, DATA_ID_NAME.exec(element.getAttribute('data-id') ?? '')?.[1] ?? ''].filter(Boolean);
    if (names.some(isOurSideList)) return false;
    if (taken) continue;
    if (names.some((name) => contactKeys.has(listKey(name)))) taken = true;
    else if (labels.some(Boolean)) return false;
  }
  return taken;
}

/** Column names by `aria-colindex`, for ARIA grids whose rows are split in parts (ag-grid's pinned and centre rows). */
function columnsByIndex(list: Element): Map<string, string> {
  const columns = new Map<string, string>();
  for (const header of Array.from(list.querySelectorAll('[role="columnheader"][aria-colindex]'))) {
    if (header.closest(TABLES) === list) columns.set(header.getAttribute('aria-colindex') ?? '', headerName(header));
  }
  return columns;
}

/** Each cell of `row` with its column's name: by `aria-colindex` where every cell has one, else as `labelledCells` names it. */
function namedCells(row: Element, byIndex: Map<string, string>): [string, Element][] {
  const cells = cellsOf(row);
  if (byIndex.size > 0 && cells.length > 0 && cells.every((cell) => cell.hasAttribute('aria-colindex'))) {
    return cells.map((cell) => [cleanText(cell.getAttribute('data-label')) || (byIndex.get(cell.getAttribute('aria-colindex') ?? '') ?? ''), cell]);
  }
  return labelledCells(row);
}

const isDataCell = (cell: Element) => DATA_CELL_TAGS.has(cell.localName) || DATA_CELL_ROLES.has(cell.getAttribute('role') ?? '');

/**
 * The customer's people listed in `root` under a contact list's label (see
 * above), each once, in page order, with their title, role and e-mail where
 * the list has those columns (an e-mail only when it is address-shaped).
 * [] when no list qualifies.
 */
export function listedContacts(root: Element, vocabulary: Vocabulary): RecordContact[] {
  const { contactColumns: columns } = vocabulary;
  if (columns.name.length === 0 || vocabulary.contactLists.length === 0) return [];
  const list = new ContactList();
  let rowsRead = 0;
  let tables = 0;
  for (const scopeRoot of deepScope(root).roots) {
    for (const table of Array.from(scopeRoot.querySelectorAll(TABLES))) {
      if (++tables > MAX_TABLES) return list.contacts;
      // A hidden list (a cached view, a collapsed tab's copy) is not what the page shows.
      if (!isRendered(table) || !isContactList(table, root, vocabulary)) continue;
      const byIndex = columnsByIndex(table);
      const found: RecordContact[] = [];
      let hasName = false;
      let hasDetail = false;
      for (const row of Array.from(table.querySelectorAll(ROWS))) {
        if (row.closest(TABLES) !== table || !cellsOf(row).some(isDataCell) || row.querySelector(USER_LINKS)) continue;
        if (++rowsRead > MAX_ROWS) break;
        const pairs = namedCells(row, byIndex).map(([label, cell]) => [bareColumn(label), displayedValue(cell)] as const);
        for (const [label] of pairs) {
          if (labelMatches(label, columns.name)) hasName = true;
          else if ([columns.title, columns.role ?? [], columns.email].some((labels) => labelMatches(label, labels))) hasDetail = true;
        }
        const contact = contactFromPairs(pairs, columns);
        if (!contact) continue;
        if (contact.email !== undefined && !EMAIL_SHAPE.test(contact.email)) delete contact.email;
        found.push(contact);
      }
      // A list of names alone is no contact list we can tell from any other list of people.
      if (hasName && hasDetail) for (const contact of found) if (!list.add(contact)) return list.contacts;
      if (rowsRead > MAX_ROWS) return list.contacts;
    }
  }
  return list.contacts;
}
