import type { ContactColumns, PartOptions, PartSpec } from '../adapters/common';
import { contactColumns as dynamicsContactColumns, currencyNames, opportunityParts as dynamicsParts } from '../adapters/dynamics.selectors';
import { contactColumns as hubspotContactColumns, dealParts as hubspotParts } from '../adapters/hubspot.selectors';
import { leadParts as odooParts } from '../adapters/odoo.selectors';
import { dealParts as pipedriveParts } from '../adapters/pipedrive.selectors';
import { contactColumns as salesforceContactColumns, opportunityParts as salesforceParts } from '../adapters/salesforce.selectors';
import { contactRoleColumns as zohoContactColumns, dealParts as zohoParts } from '../adapters/zoho.selectors';
import type { ExpectedPart } from '../snapshot';

// What the fallback readers look for on one CRM's record page: the labels (in
// English and Chinese) and field names its adapter knows for each part, from
// the adapter's own `*.selectors.ts`, so a label the adapter would have read
// by its selectors is also what the label reader looks for. CRMs without an
// adapter (user-defined ones) have only the generic reader's labels, and the
// contact columns of every CRM we know.

/** One CRM's words for the parts of a record and for the columns of its contact list. */
export interface Vocabulary {
  /** Field names and labels of each part the CRM's adapter knows. */
  parts: Partial<Record<ExpectedPart, PartSpec>>;
  /** How the CRM's adapter matches labels (Dynamics: a named field with a part's label is another field). */
  partOptions?: PartOptions;
  /** The field holding the record's currency, for an amount shown with a symbol several currencies share. */
  currency?: PartSpec;
  /** Column labels of a contact row. */
  contactColumns: ContactColumns;
}

/** Column labels as `ContactColumns`, whether a CRM lists them as labels or as field names plus labels (Dynamics). */
type ColumnSpec = readonly string[] | { readonly labels: readonly string[] };
const labelsOf = (spec: ColumnSpec | undefined): readonly string[] => (spec === undefined ? [] : 'labels' in spec ? spec.labels : spec);

/**
 * E-mail column headers and labels the fallback reads on every CRM, besides
 * the adapter's own: a list or tile whose e-mail the adapter could not see
 * names it one of these ways in English or Chinese.
 */
export const EMAIL_LABELS: readonly string[] = ['Email', 'E-mail', '电子邮件', '邮箱'];

function columnsOf(columns: Partial<Record<keyof ContactColumns, ColumnSpec>>): ContactColumns {
  const email = [...new Set([...labelsOf(columns.email), ...EMAIL_LABELS])];
  return { name: labelsOf(columns.name), title: labelsOf(columns.title), role: labelsOf(columns.role), email };
}

const VOCABULARIES: Readonly<Record<string, Vocabulary>> = {
  salesforce: { parts: salesforceParts, contactColumns: columnsOf(salesforceContactColumns) },
  dynamics: { parts: dynamicsParts, partOptions: { labelsFindUnnamedOnly: true }, currency: dynamicsParts.currency, contactColumns: columnsOf(dynamicsContactColumns) },
  hubspot: { parts: hubspotParts, currency: hubspotParts.currency, contactColumns: columnsOf(hubspotContactColumns) },
  odoo: { parts: odooParts, contactColumns: columnsOf({}) },
  pipedrive: { parts: pipedriveParts, contactColumns: columnsOf({}) },
  zoho: { parts: zohoParts, contactColumns: columnsOf(zohoContactColumns) },
};

/** The contact columns of every CRM we know, each label once: for a CRM the user defined. */
const EVERY_CONTACT_COLUMN: ContactColumns = (() => {
  const all = Object.values(VOCABULARIES).map((vocabulary) => vocabulary.contactColumns);
  const union = (key: keyof ContactColumns) => [...new Set(all.flatMap((columns) => columns[key] ?? []))];
  return { name: union('name'), title: union('title'), role: union('role'), email: union('email') };
})();

/** The vocabulary of the CRM whose adapter is `crm`; a CRM without an adapter of its own has none but the contact columns. */
export function vocabularyFor(crm: string): Vocabulary {
  return Object.hasOwn(VOCABULARIES, crm) ? (VOCABULARIES[crm] as Vocabulary) : { parts: {}, contactColumns: EVERY_CONTACT_COLUMN };
}

/**
 * The ISO code a currency field shows: the code itself ("USD"), or the name
 * of the currency as Dynamics' currency lookup shows it ("US Dollar", "人民币").
 * Undefined for anything else.
 */
export function currencyCodeOf(shown: string): string | undefined {
  const text = shown.trim();
  if (/^[A-Z]{3}$/.test(text)) return text;
  const key = text.toLowerCase();
  return Object.hasOwn(currencyNames, key) ? currencyNames[key] : undefined;
}
