import type { Extraction } from '@/lib/crm/adapter';
import { amountOf, attempt, contactFromPairs, PART_ORDER, partValue, unreadContactDetails } from '@/lib/crm/adapters/common';
import { inferFields, partForLabel } from '@/lib/crm/adapters/generic';
import { deepScope, displayedValue, labelledCells } from '@/lib/crm/dom';
import { cleanText, labelMatches, normaliseLabel } from '@/lib/crm/parse';
import type { ExpectedPart, ReadPart, ReadSource, RecordContact, RecordField } from '@/lib/crm/snapshot';
import { resolveLocator } from '@/lib/page-rules/resolve';
import type { PageRule } from '@/lib/page-rules/schema';
import { listedContacts } from './contact-lists';
import { currencyCodeOf, type Vocabulary } from './vocabulary';

// Completes what an adapter read of a record page, part by part, where its own
// selectors missed (issue 13): first the page rules the user (or IT) made by
// pointing at a value, then the generic label/value reader inside the same
// record root with the CRM's own labels in both languages, then the contact
// list read by column for the titles, roles and e-mails the adapter could not see,
// or for the contacts themselves when the adapter found none (contact-lists.ts).
// Every value found says which reader gave it (`sources`), so the panel and the
// health report keep telling a part the adapter read from one found by
// fallback. Runs in the enricher script, never in the content script itself.

/** Page rules tried per read, whatever the caller passes (the store keeps at most MAX_PAGE_RULES in all). */
const MAX_RULES_PER_READ = 50;
/** Table rows read for contact details: a related list shows a handful, a hostile page may show thousands. */
const MAX_CONTACT_ROWS = 500;
/** Stale rule ids a snapshot carries at the most (RecordSnapshotSchema). */
const MAX_STALE_RULES = 50;
/** What the table-row query matches: rows of tables and ARIA grids. */
const ROW_SELECTOR = 'tr, [role="row"]';
/**
 * A value that says something: a letter or a digit. The "*" a required field
 * shows beside its label (Dynamics: `span.required[aria-hidden]`) is read as
 * the value "just after the label" but is none.
 */
const SOME_VALUE = /[\p{L}\p{N}]/u;
/** An e-mail address as a cell shows it: a cell under an "Email" header showing "Send email" or an icon gives none. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Enrichment {
  /** The page rules of this CRM, host and record type. */
  rules: readonly PageRule[];
  vocabulary: Vocabulary;
}

interface Found {
  value: string;
  source: ReadSource;
}

/**
 * The value of each part the rules locate, and the ids of the rules that
 * locate nothing (the layout changed under them). A rule wins over the
 * adapter's own read: it is the user saying where the value is on their
 * layout (a field the adapter takes for the part may be another one there).
 * The first rule of a part that finds a value gives it; a rule whose element
 * or label is there but shows nothing gives nothing and is not stale.
 */
function readByRules(root: Element, rules: readonly PageRule[], pairs: () => readonly RecordField[]): { found: Map<ExpectedPart, Found>; stale: string[] } {
  const found = new Map<ExpectedPart, Found>();
  const stale: string[] = [];
  for (const rule of rules.slice(0, MAX_RULES_PER_READ)) {
    const value = attempt(() => resolveLocator(root, rule.locator, rule.locator.kind === 'beside-label' ? pairs() : undefined), null);
    if (value === null) stale.push(rule.id);
    else if (value && !found.has(rule.part)) found.set(rule.part, { value, source: 'rule' });
  }
  return { found, stale };
}

/**
 * A part's value among label/value pairs: under the CRM's own field names and
 * labels first, else under the generic reader's labels, the best-ranked label
 * first; "" when none (a value without a letter or digit is none). A label
 * that names a contact's column ("Name", "Title" in a contact tile) is never
 * taken for a part by the generic labels.
 */
function labelledPart(pairs: readonly RecordField[], part: ExpectedPart, vocabulary: Vocabulary): string {
  const fields = pairs.filter((field) => SOME_VALUE.test(field.value));
  const spec = vocabulary.parts[part];
  const own = spec ? partValue(fields, spec, vocabulary.partOptions) : '';
  if (own) return own;
  const contactLabels = Object.values(vocabulary.contactColumns).flat();
  let best: { rank: number; value: string } | undefined;
  for (const field of fields) {
    const match = field.value && !labelMatches(field.label, contactLabels) ? partForLabel(field.label) : null;
    if (match?.part === part && (!best || match.rank < best.rank)) best = { rank: match.rank, value: field.value };
  }
  return best?.value ?? '';
}

/**
 * The contacts with the titles, roles and e-mails their rows show by column
 * (`labelledCells`: a cell's own label, else its column header's), for
 * contacts whose details the adapter could not read. Contacts are matched by
 * name; no contact is added. Null when no detail was found.
 */
function completedContacts(root: Element, contacts: readonly RecordContact[], vocabulary: Vocabulary): RecordContact[] | null {
  const byName = new Map<string, RecordContact>();
  const completed = contacts.map((contact) => ({ ...contact }));
  for (const contact of completed) if (!byName.has(normaliseLabel(contact.name))) byName.set(normaliseLabel(contact.name), contact);
  let rows = 0;
  let changed = false;
  for (const scopeRoot of deepScope(root).roots) {
    for (const row of Array.from(scopeRoot.querySelectorAll(ROW_SELECTOR))) {
      if (++rows > MAX_CONTACT_ROWS) return changed ? completed : null;
      const pairs = labelledCells(row).map(([label, cell]) => [label, displayedValue(cell)] as const);
      const read = contactFromPairs(pairs, vocabulary.contactColumns);
      const contact = read && byName.get(normaliseLabel(read.name));
      if (!read || !contact) continue;
      for (const detail of ['title', 'role', 'email'] as const) {
        if (!contact[detail] && read[detail] && (detail !== 'email' || EMAIL_SHAPE.test(read[detail]))) {
          contact[detail] = read[detail];
          changed = true;
        }
      }
    }
  }
  return changed ? completed : null;
}

/**
 * `extraction` completed by `rules` and the label reader within `root`, with
 * `missing`, `sources`, `unreadContactDetails` and `staleRules` saying what
 * each reader gave. Never throws: a reader that fails gives nothing.
 */
export function enrichExtraction(root: Element, extraction: Extraction, { rules, vocabulary }: Enrichment): Extraction {
  // Every label/value pair in the record, read once and only when a reader needs them.
  let inferred: readonly RecordField[] | undefined;
  const pairs = () => (inferred ??= inferFields(root));
  const { found, stale } = attempt(() => readByRules(root, rules, pairs), { found: new Map<ExpectedPart, Found>(), stale: [] });

  let fields: readonly RecordField[] = extraction.fields;
  const unfound = extraction.missing.filter((part) => !found.has(part));
  if (unfound.length > 0) {
    // The adapter's pairs first (labels it read but did not take for the part), then every pair in the record.
    fields = [...extraction.fields, ...pairs()];
    for (const part of unfound) {
      const value = cleanText(attempt(() => labelledPart(fields, part, vocabulary), ''));
      if (value) found.set(part, { value, source: 'label' });
    }
  }

  const enriched: Extraction = { ...extraction, missing: extraction.missing.filter((part) => !found.has(part)) };
  const sources: Partial<Record<ReadPart, ReadSource>> = { ...extraction.sources };
  for (const part of PART_ORDER) {
    const read = found.get(part);
    if (!read) continue;
    sources[part] = read.source;
    if (part !== 'amount') enriched[part] = read.value;
    else enriched.amount = amountOf(read.value, recordCurrency(extraction, fields, vocabulary));
  }

  if (extraction.contacts.length === 0) {
    // The adapter found no contacts: a list under a contact list's own label may show them.
    const contacts = attempt(() => listedContacts(root, vocabulary), []);
    if (contacts.length > 0) {
      enriched.contacts = contacts;
      sources.contacts = 'label';
      const unread = unreadContactDetails(contacts);
      if (unread.length > 0) enriched.unreadContactDetails = unread;
      else delete enriched.unreadContactDetails;
    }
  } else if (extraction.unreadContactDetails?.length) {
    const contacts = attempt(() => completedContacts(root, extraction.contacts, vocabulary), null);
    if (contacts) {
      enriched.contacts = contacts;
      sources.contacts = 'label';
      const unread = unreadContactDetails(contacts);
      if (unread.length > 0) enriched.unreadContactDetails = unread;
      else delete enriched.unreadContactDetails;
    }
  }

  if (Object.keys(sources).length > 0) enriched.sources = sources;
  if (stale.length > 0) enriched.staleRules = stale.slice(0, MAX_STALE_RULES);
  return enriched;
}

/**
 * The record's currency for an amount found by fallback: the one the
 * adapter's amount names (not a guess), else the CRM's currency field's.
 */
function recordCurrency(extraction: Extraction, fields: readonly RecordField[], vocabulary: Vocabulary): string | undefined {
  if (extraction.amount?.currency && !extraction.amount.currencyAssumed) return extraction.amount.currency;
  return vocabulary.currency ? currencyCodeOf(partValue(fields, vocabulary.currency, vocabulary.partOptions)) : undefined;
}
