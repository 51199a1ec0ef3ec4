import { z } from '@/lib/zod/mini';
import { MAX_CONTACTS, MAX_FIELDS, MAX_TEXT } from './limits';

const text = z.string().check(z.maxLength(MAX_TEXT));

/** One label/value pair as the CRM shows it. `apiName` is the CRM's field name when the page exposes it. */
export const RecordFieldSchema = z.object({
  label: text,
  value: text,
  apiName: z.optional(text),
});

/** A customer contact listed on the record (contact roles, related contacts). */
export const RecordContactSchema = z.object({
  name: text,
  title: z.optional(text),
  role: z.optional(text),
  email: z.optional(text),
});

export const MoneySchema = z.object({
  /** As displayed, e.g. "USD 1,250,000.00" or "¥1,250,000". */
  text,
  /** Parsed amount, null when the display text could not be parsed. */
  value: z.nullable(z.number()),
  /** ISO 4217 code when the page says it (or, with `currencyAssumed`, when the symbol suggests it). */
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
  /** The page showed a bare symbol ("$") and no currency field: `currency` is a guess the panel marks as assumed. */
  currencyAssumed: z.optional(z.boolean()),
});

/** The parts of a record an adapter is expected to read; a missing one is reported, not hidden. */
export const EXPECTED_PARTS = ['name', 'stage', 'amount', 'closeDate', 'owner', 'account'] as const;
export const ExpectedPartSchema = z.enum(EXPECTED_PARTS);

/** What a reader can give beyond the expected parts: the contact list. */
export const READ_PARTS = [...EXPECTED_PARTS, 'contacts'] as const;
export const ReadPartSchema = z.enum(READ_PARTS);

/**
 * Which reader gave a part when the adapter's own selectors did not: `label`,
 * the generic label/value reader with the CRM's vocabulary; `rule`, a rule
 * the user (or IT) made by pointing at the value on the page.
 */
export const READ_SOURCES = ['label', 'rule'] as const;
export const ReadSourceSchema = z.enum(READ_SOURCES);

/** Contact details a reader may find, each of which the page may not show. */
export const CONTACT_DETAILS = ['title', 'role', 'email'] as const;

/** What an adapter read off a CRM record page. Validated at every boundary it crosses. */
export const RecordSnapshotSchema = z.object({
  crm: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  host: z.string().check(z.maxLength(253)),
  // Dotted names are Odoo models (crm.lead); no slashes or leading/trailing dots.
  objectType: z.string().check(z.regex(/^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/), z.maxLength(80)),
  recordId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  url: z.string().check(z.maxLength(4_096)),
  name: z.optional(text),
  stage: z.optional(text),
  amount: z.optional(MoneySchema),
  closeDate: z.optional(text),
  owner: z.optional(text),
  account: z.optional(text),
  fields: z.array(RecordFieldSchema).check(z.maxLength(MAX_FIELDS)),
  contacts: z.array(RecordContactSchema).check(z.maxLength(MAX_CONTACTS)),
  /** Expected parts the adapter could not find on the page. */
  missing: z.array(ExpectedPartSchema),
  /** Parts not read by the adapter's own selectors, and which reader gave them; absent parts came from the adapter. */
  sources: z.optional(z.partialRecord(ReadPartSchema, ReadSourceSchema)),
  /** Contact details no contact on the page carries (the list shows names only): unread, not absent. */
  unreadContactDetails: z.optional(z.array(z.enum(CONTACT_DETAILS))),
  /** Ids of the page rules for this record type that matched nothing: the layout changed under them. */
  staleRules: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(50))),
  /** Adapter id that read the page. */
  adapter: z.string().check(z.maxLength(40)),
  readAt: z.number(),
});

export type RecordField = z.infer<typeof RecordFieldSchema>;
export type RecordContact = z.infer<typeof RecordContactSchema>;
export type Money = z.infer<typeof MoneySchema>;
export type ExpectedPart = (typeof EXPECTED_PARTS)[number];
export type ReadPart = (typeof READ_PARTS)[number];
export type ReadSource = (typeof READ_SOURCES)[number];
export type ContactDetail = (typeof CONTACT_DETAILS)[number];
export type RecordSnapshot = z.infer<typeof RecordSnapshotSchema>;

/** Stable key of a record across tabs and sessions: CRM + host + type + id. */
export function recordKey(record: Pick<RecordSnapshot, 'crm' | 'host' | 'objectType' | 'recordId'>): string {
  return [record.crm, record.host, record.objectType, record.recordId].join('|');
}

/** The parts of a key made by `recordKey` (empty strings where a stored key lacks them). */
export function parseRecordKey(key: string): Pick<RecordSnapshot, 'crm' | 'host' | 'objectType' | 'recordId'> {
  const [crm = '', host = '', objectType = '', recordId = ''] = key.split('|');
  return { crm, host, objectType, recordId };
}
