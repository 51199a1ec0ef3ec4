import type { CrmAdapter, Extraction, RecordRef } from '@/lib/crm/adapter';
import {
  allMatches,
  closestMatch,
  controlValue,
  firstAccepted,
  firstMatch,
  isRendered,
  lightScope,
  textAfterLabel,
  visibleText,
  type DeepScope,
} from '@/lib/crm/dom';
import { PIPEDRIVE_MATCHES, urlMatchesPatterns } from '@/lib/crm/hosts';
import { displayLabel, withoutPlaceholder } from '@/lib/crm/parse';
import type { RecordContact, RecordField } from '@/lib/crm/snapshot';
import { ContactList, attempt, emptyExtraction, extractionOf, mergeFields, partValue } from './common';
import { dealParts, pipedriveSelectors as S } from './pipedrive.selectors';

// Pipedrive. Reads the deal detail view the user has in view: URL -> record
// ref, header/stage bar/fields -> record root, root -> parts. Deals only;
// persons, organizations and leads are recognised so the panel can say
// "unsupported object". Public references for this page are few (see
// pipedrive.selectors.ts), so parts without an observed selector are read by
// their label ("Value", "价值") and by the /person/ and /organization/ links.

// --- URLs ---------------------------------------------------------------------------------

// /deal/{id}, and its tabs /deal/{id}/{tab}…
const DEAL_PATH = /^\/deal\/(\d{1,18})(?:\/[A-Za-z0-9_-]{1,40}){0,3}\/?$/;
const PERSON_PATH = /^\/person\/(\d{1,18})(?:\/[A-Za-z0-9_-]{1,40}){0,3}\/?$/;
const ORGANIZATION_PATH = /^\/organization\/(\d{1,18})(?:\/[A-Za-z0-9_-]{1,40}){0,3}\/?$/;
const LEAD_PATH = /^\/leads\/inbox\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;
// Pipedrive's own sites on its domain, not a company account.
const NOT_AN_ACCOUNT = new Set(['www', 'api', 'developers', 'support', 'oauth', 'status', 'marketplace']);

/** The record a Pipedrive URL points at (`{company}.pipedrive.com/deal/{id}`); null for other pages. */
export function recognizePipedriveUrl(url: URL): RecordRef | null {
  try {
    if (!urlMatchesPatterns(url.href, PIPEDRIVE_MATCHES)) return null;
    // A company account is `{company}.pipedrive.com`: not the domain itself, nor one of Pipedrive's own sites.
    const company = url.hostname.slice(0, -'.pipedrive.com'.length);
    if (!url.hostname.endsWith('.pipedrive.com') || company.includes('.') || NOT_AN_ACCOUNT.has(company)) return null;
    const path = url.pathname;
    const deal = DEAL_PATH.exec(path);
    if (deal) return { objectType: 'deal', recordId: deal[1] as string };
    const person = PERSON_PATH.exec(path);
    if (person) return { objectType: 'person', recordId: person[1] as string };
    const organization = ORGANIZATION_PATH.exec(path);
    if (organization) return { objectType: 'organization', recordId: organization[1] as string };
    const lead = LEAD_PATH.exec(path);
    if (lead) return { objectType: 'lead', recordId: (lead[1] as string).toLowerCase() };
  } catch {
    // fall through
  }
  return null;
}

// --- Finding the record in view ----------------------------------------------------------------

// What marks a deal view, strongest first: the header title, the stage bar, a
// field row, then the organization and person links (stable as URLs, weak as
// markup: they only anchor a view whose other markup has changed).
const ANCHORS = [S.title, S.currentStage, S.fieldName, S.organizationLink, S.personLink];

/**
 * The deal view: the container (`.detailView` or the main landmark) around the
 * first rendered deal marker; the document body when none wraps it.
 */
export function findPipedriveRecordRoot(doc: Document): Element | null {
  try {
    const scope = lightScope(doc);
    for (const variants of ANCHORS) {
      const anchor = firstAccepted(scope, variants, (element) => isRendered(element));
      if (!anchor) continue;
      const root = closestMatch(anchor, S.recordRoot) ?? doc.body;
      if (root && isRendered(root)) return root;
    }
  } catch {
    // a hostile or half-built page: nothing in view
  }
  return null;
}

// --- Reading the deal -----------------------------------------------------------------------------

/** The deal title; while it is edited the header holds a textarea with the current text. [TIMECAMP] */
function readTitle(scope: DeepScope): string {
  const header = firstMatch(scope, S.title)?.element;
  if (!header) return '';
  const editing = header.querySelector('textarea');
  const typed = editing ? controlValue(editing) : null;
  if (typed) return typed;
  return visibleText(firstMatch(lightScope(header), S.titleText)?.element) || visibleText(header);
}

// The active stage button reads "{days} · {stage}" ("12 T · Qualified", "3 天 · 已安排演示"). [COMMUNITY]
const DAYS_PREFIX = /^\d+\s*\p{L}{0,12}\.?\s*[·•]\s*/u;

function readStage(scope: DeepScope): string {
  return visibleText(firstMatch(scope, S.currentStage)?.element).replace(DAYS_PREFIX, '');
}

/** Label/value rows: the label element and, in its parent row, the value. [COMMUNITY] */
function fieldEntries(scope: DeepScope): RecordField[] {
  const entries: RecordField[] = [];
  for (const labelElement of allMatches(scope, S.fieldName)) {
    const label = displayLabel(visibleText(labelElement));
    const row = labelElement.parentElement;
    if (!label || !row) continue;
    entries.push({ label, value: withoutPlaceholder(textAfterLabel(row, labelElement)) });
  }
  return entries;
}

const PERSON_ID = /\/person\/(\d{1,18})/;

function personKey(link: Element): string {
  return PERSON_ID.exec(link.getAttribute('href') ?? '')?.[1] ?? `name:${visibleText(link)}`;
}

/** The largest block around a person link that shows no other person (their card in the sidebar). */
function personBlock(link: Element, root: Element): Element {
  const key = personKey(link);
  let block = link;
  for (let steps = 0; steps < 5; steps += 1) {
    const parent = block.parentElement;
    if (!parent || parent === root || !root.contains(parent)) break;
    const others = allMatches(lightScope(parent), S.personLink).some((other) => personKey(other) !== key);
    if (others) break;
    block = parent;
  }
  return block;
}

/** Persons linked to the deal (contact person, participants), each once, with the e-mail shown next to them. */
function readContacts(scope: DeepScope, root: Element): RecordContact[] {
  const list = new ContactList();
  for (const link of allMatches(scope, S.personLink)) {
    const name = visibleText(link);
    if (!name) continue;
    const email = withoutPlaceholder(visibleText(firstMatch(lightScope(personBlock(link, root)), S.email)?.element));
    if (!list.add(email ? { name, email } : { name }, personKey(link))) break;
  }
  return list.contacts;
}

/** Reads the deal in `root` (a record root from `findPipedriveRecordRoot`). Never throws. */
export function extractPipedriveRecord(root: Element): Extraction {
  const scope = lightScope(root);
  const entries = attempt(() => fieldEntries(scope), []);
  const P = dealParts;
  return extractionOf({
    parts: {
      name: attempt(() => readTitle(scope), ''),
      stage: attempt(() => readStage(scope), '') || partValue(entries, P.stage),
      amount: partValue(entries, P.amount),
      closeDate: partValue(entries, P.closeDate),
      owner: partValue(entries, P.owner),
      account: attempt(() => visibleText(firstMatch(scope, S.organizationLink)?.element), '') || partValue(entries, P.account),
    },
    fields: attempt(() => mergeFields(entries), []),
    contacts: attempt(() => readContacts(scope, root), []),
  });
}

export const pipedriveAdapter: CrmAdapter = {
  id: 'pipedrive',
  label: 'Pipedrive',
  matches: PIPEDRIVE_MATCHES,
  objectTypes: ['deal'],
  recognize: recognizePipedriveUrl,
  findRecordRoot: findPipedriveRecordRoot,
  extract: (root) => attempt(() => extractPipedriveRecord(root), emptyExtraction()),
};
