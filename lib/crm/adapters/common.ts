import type { Extraction } from '@/lib/crm/adapter';
import { MAX_CONTACTS, MAX_FIELDS } from '@/lib/crm/limits';
import { assumedCurrencyOf, cleanText, labelMatches, normaliseLabel, parseMoney } from '@/lib/crm/parse';
import type { ContactDetail, ExpectedPart, Money, RecordContact, RecordField } from '@/lib/crm/snapshot';

// What every CRM adapter does with what it read off the page, whatever the
// CRM: guard each read, merge the label/value pairs into fields, pick the
// expected parts out of them, and put the parts into an Extraction with the
// missing ones listed. DOM queries live in ../dom.ts, text in ../parse.ts.
// Runs in the content script: type-only imports from the zod schemas.

/** Runs one read; a failure leaves that part out instead of failing the record. */
export function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** The expected parts in snapshot order (EXPECTED_PARTS, without importing the schemas). */
export const PART_ORDER: readonly ExpectedPart[] = ['name', 'stage', 'amount', 'closeDate', 'owner', 'account'];

/** The extraction of a page nothing could be read from: every part missing. */
export function emptyExtraction(): Extraction {
  return { fields: [], contacts: [], missing: [...PART_ORDER] };
}

/** What an adapter read of a record, before it is an Extraction. */
export interface RecordRead {
  /** Each expected part as shown, "" when it was not found. */
  parts: Record<ExpectedPart, string>;
  /** The ISO code a separate currency field shows, for an amount whose symbol names no one currency ("$", "¥"). */
  currency?: string;
  fields: readonly RecordField[];
  contacts: readonly RecordContact[];
}

const CONTACT_DETAILS: readonly ContactDetail[] = ['title', 'role', 'email'];

/** The details no contact of `contacts` carries: the page lists names without them. None when there are no contacts. */
export function unreadContactDetails(contacts: readonly RecordContact[]): ContactDetail[] {
  return contacts.length === 0 ? [] : CONTACT_DETAILS.filter((detail) => contacts.every((contact) => !contact[detail]));
}

/**
 * True for an ISO 4217 code the browser knows: three capitals in a currency
 * record's name ("Dollar (INT)") are not one. Where the browser cannot list
 * its currencies, any three capitals pass.
 */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const known = attempt(() => Intl.supportedValuesOf('currency'), null);
  return known ? known.includes(code) : true;
}

/**
 * A displayed amount with its currency: the one it names, else the record's
 * currency field's (an ISO code), else a bare "$" taken for USD and marked as assumed.
 */
export function amountOf(shown: string, recordCurrency?: string): Money {
  const amount = parseMoney(shown);
  if (amount.currency) return amount;
  if (recordCurrency && isCurrencyCode(recordCurrency)) return { ...amount, currency: recordCurrency };
  const assumed = assumedCurrencyOf(amount);
  return assumed ? { ...amount, currency: assumed, currencyAssumed: true } : amount;
}

/**
 * The extraction of what was read: a part with no value is listed in
 * `missing`, the amount is parsed. Values are cut at MAX_TEXT and the lists at
 * their maximum here, whatever the adapter did, as the background refuses
 * oversized snapshots.
 */
export function extractionOf(read: RecordRead): Extraction {
  const extraction: Extraction = { fields: read.fields.slice(0, MAX_FIELDS), contacts: read.contacts.slice(0, MAX_CONTACTS), missing: [] };
  for (const part of PART_ORDER) {
    const value = cleanText(read.parts[part]);
    if (!value) extraction.missing.push(part);
    else if (part === 'amount') extraction.amount = amountOf(value, read.currency);
    else extraction[part] = value;
  }
  const unread = unreadContactDetails(extraction.contacts);
  if (unread.length > 0) extraction.unreadContactDetails = unread;
  return extraction;
}

export interface MergeOptions {
  /**
   * Labels do not name one field (a page no adapter knows, read by the
   * generic reader): a repeated label is the same field only when the values
   * agree (or one is empty), and API names only keep fields apart.
   */
  ambiguousLabels?: boolean;
}

/**
 * One field per field of the page, in page order, at most MAX_FIELDS. Pairs
 * are the same field when they have the same API name, or the same label and
 * at most one API name (a highlights panel repeats layout fields without
 * one); two API names never merge. The first non-empty value is kept, and a
 * field without an API name takes the one a repeat has.
 */
export function mergeFields(entries: readonly RecordField[], options: MergeOptions = {}): RecordField[] {
  const fields: RecordField[] = [];
  const byApiName = new Map<string, RecordField>();
  const byLabel = new Map<string, RecordField[]>();
  for (const entry of entries) {
    const labelKey = normaliseLabel(entry.label);
    const sameLabel = byLabel.get(labelKey);
    const existing =
      (!options.ambiguousLabels && entry.apiName ? byApiName.get(entry.apiName) : undefined) ??
      sameLabel?.find(
        (field) =>
          (!field.apiName || !entry.apiName || field.apiName === entry.apiName) &&
          (!options.ambiguousLabels || !field.value || !entry.value || field.value === entry.value),
      );
    if (existing) {
      if (!existing.value && entry.value) existing.value = entry.value;
      if (!existing.apiName && entry.apiName) {
        existing.apiName = entry.apiName;
        if (!byApiName.has(entry.apiName)) byApiName.set(entry.apiName, existing);
      }
      continue;
    }
    if (fields.length >= MAX_FIELDS) continue; // repeats of kept fields may still fill their values
    const field: RecordField = { label: entry.label, value: entry.value };
    if (entry.apiName) {
      field.apiName = entry.apiName;
      if (!byApiName.has(entry.apiName)) byApiName.set(entry.apiName, field);
    }
    fields.push(field);
    if (sameLabel) sameLabel.push(field);
    else byLabel.set(labelKey, [field]);
  }
  return fields;
}

/** How to find one part among the fields: its API names, best first (language independent), then its labels. */
export interface PartSpec {
  apiNames?: readonly string[];
  labels: readonly string[];
}

export interface PartOptions {
  /**
   * Labels find only fields without an API name. For a CRM whose page names
   * every field (Dynamics' logical names): there, a named field with a part's
   * label is another field that shares the label, not the part.
   */
  labelsFindUnnamedOnly?: boolean;
}

/** A part's value: the first field with a value under its first API name present, else under one of its labels; "" when none. */
export function partValue(entries: readonly RecordField[], spec: PartSpec, options: PartOptions = {}): string {
  for (const apiName of spec.apiNames ?? []) {
    const byName = entries.find((entry) => entry.value && entry.apiName === apiName);
    if (byName) return byName.value;
  }
  const byLabel = entries.find(
    (entry) => entry.value && !(options.labelsFindUnnamedOnly && entry.apiName) && labelMatches(entry.label, spec.labels),
  );
  return byLabel?.value ?? '';
}

/**
 * The contacts of a record, each once, in page order, at most MAX_CONTACTS.
 * A repeat (same key: by default the name, compared as labels are) fills in
 * what the first one lacks: a header names a person whose card has the e-mail.
 */
export class ContactList {
  readonly contacts: RecordContact[] = [];
  private readonly byKey = new Map<string, RecordContact>();

  /** Adds `contact`, or completes the one with its key. False when the list is full, so the caller can stop reading. */
  add(contact: RecordContact, key = normaliseLabel(contact.name)): boolean {
    const known = this.byKey.get(key);
    if (known) {
      for (const part of ['title', 'role', 'email'] as const) if (!known[part] && contact[part]) known[part] = contact[part];
      return true;
    }
    if (this.contacts.length >= MAX_CONTACTS) return false;
    this.contacts.push(contact);
    this.byKey.set(key, contact);
    return true;
  }
}

/** Labels of a contact's columns (or of its label/value pairs), per part of the contact. */
export interface ContactColumns {
  name: readonly string[];
  title: readonly string[];
  role?: readonly string[];
  email: readonly string[];
}

/**
 * A contact from label/value pairs (a table row with its column headers, a
 * tile's labelled values): the first value under each column. `name` is the
 * name when the caller has it (a tile's link); else the name column's. Null
 * without a name.
 */
export function contactFromPairs(pairs: readonly (readonly [string, string])[], columns: ContactColumns, name = ''): RecordContact | null {
  const contact: RecordContact = { name };
  for (const [label, value] of pairs) {
    if (!value) continue;
    if (labelMatches(label, columns.name)) {
      if (!contact.name) contact.name = value;
    } else if (labelMatches(label, columns.title)) contact.title ??= value;
    else if (columns.role && labelMatches(label, columns.role)) contact.role ??= value;
    else if (labelMatches(label, columns.email)) contact.email ??= value;
  }
  return contact.name ? contact : null;
}
