import type { ContactColumns, PartOptions, PartSpec } from '@/lib/crm/adapters/common';
import { contactColumns as dynamicsContactColumns, contactSubgrids, currencyNames, opportunityParts as dynamicsParts } from '@/lib/crm/adapters/dynamics.selectors';
import { contactColumns as hubspotContactColumns, dealParts as hubspotParts } from '@/lib/crm/adapters/hubspot.selectors';
import { leadParts as odooParts } from '@/lib/crm/adapters/odoo.selectors';
import { dealParts as pipedriveParts } from '@/lib/crm/adapters/pipedrive.selectors';
import { contactRolesList, contactColumns as salesforceContactColumns, opportunityParts as salesforceParts } from '@/lib/crm/adapters/salesforce.selectors';
import { CONTACT_ROLE_MODULES, contactRoleColumns as zohoContactColumns, dealParts as zohoParts } from '@/lib/crm/adapters/zoho.selectors';
import type { ExpectedPart } from '@/lib/crm/snapshot';

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
  /**
   * Names of the lists of the customer's people (a related list's title, a
   * subgrid's name or label, a card heading): a table the adapter did not read
   * is read as contacts only under one of these names, never under OUR_SIDE_LISTS.
   */
  contactLists: readonly string[];
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

/**
 * Names of the customer's people lists on every CRM, in English and Chinese,
 * besides the adapter's own (Salesforce's Contact Roles title, Dynamics'
 * subgrid names, Zoho's related modules); "利益干系人" is how Dynamics'
 * Stakeholders subgrid is labelled in a Chinese (Simplified) org.
 */
export const CONTACT_LIST_LABELS: readonly string[] = [
  'Contacts',
  'Contact Roles',
  'Stakeholders',
  'Buying Committee',
  '联系人',
  '联系人角色',
  '干系人',
  '利益干系人',
  '利益相关者',
];

/**
 * Names of lists of our own people (the seller's team), which show a name
 * and a title as a contact list does: never read as the customer's contacts.
 * Any list name with "team" / "团队" in it counts too (`isOurSideList`).
 */
export const OUR_SIDE_LISTS: readonly string[] = [
  'Sales Team',
  'Opportunity Team',
  'Deal Team',
  'Account Team',
  'Team Members',
  'Users',
  '销售团队',
  '团队成员',
  '业务机会团队',
  '商机团队',
  '用户',
];

function columnsOf(columns: Partial<Record<keyof ContactColumns, ColumnSpec>>): ContactColumns {
  const email = [...new Set([...labelsOf(columns.email), ...EMAIL_LABELS])];
  return { name: labelsOf(columns.name), title: labelsOf(columns.title), role: labelsOf(columns.role), email };
}

/** The list names every CRM uses plus `own`, each once. */
const listsOf = (own: readonly string[] = []): readonly string[] => [...new Set([...CONTACT_LIST_LABELS, ...own])];

const VOCABULARIES: Readonly<Record<string, Vocabulary>> = {
  salesforce: { parts: salesforceParts, contactColumns: columnsOf(salesforceContactColumns), contactLists: listsOf(contactRolesList.titles) },
  dynamics: {
    parts: dynamicsParts,
    partOptions: { labelsFindUnnamedOnly: true },
    currency: dynamicsParts.currency,
    contactColumns: columnsOf(dynamicsContactColumns),
    contactLists: listsOf(contactSubgrids),
  },
  hubspot: { parts: hubspotParts, currency: hubspotParts.currency, contactColumns: columnsOf(hubspotContactColumns), contactLists: listsOf() },
  odoo: { parts: odooParts, contactColumns: columnsOf({}), contactLists: listsOf() },
  pipedrive: { parts: pipedriveParts, contactColumns: columnsOf({}), contactLists: listsOf() },
  zoho: { parts: zohoParts, contactColumns: columnsOf(zohoContactColumns), contactLists: listsOf(CONTACT_ROLE_MODULES) },
};

/** The contact columns of every CRM we know, each label once: for a CRM the user defined. */
const EVERY_CONTACT_COLUMN: ContactColumns = (() => {
  const all = Object.values(VOCABULARIES).map((vocabulary) => vocabulary.contactColumns);
  const union = (key: keyof ContactColumns) => [...new Set(all.flatMap((columns) => columns[key] ?? []))];
  return { name: union('name'), title: union('title'), role: union('role'), email: union('email') };
})();

/** The contact list names of every CRM we know, each once: for a CRM the user defined. */
const EVERY_CONTACT_LIST: readonly string[] = [...new Set(Object.values(VOCABULARIES).flatMap((vocabulary) => vocabulary.contactLists))];

/** The vocabulary of the CRM whose adapter is `crm`; a CRM without an adapter of its own has none but the contact columns and lists. */
export function vocabularyFor(crm: string): Vocabulary {
  return Object.hasOwn(VOCABULARIES, crm) ? (VOCABULARIES[crm] as Vocabulary) : { parts: {}, contactColumns: EVERY_CONTACT_COLUMN, contactLists: EVERY_CONTACT_LIST };
}

/**
 * True when the enricher could read contacts the adapter of `crm` did not
 * find: the CRM has an adapter, and its vocabulary names a contact's name
 * column and its contact lists (Odoo's and Pipedrive's name none yet).
 */
export function readsContactLists(crm: string): boolean {
  const vocabulary = Object.hasOwn(VOCABULARIES, crm) ? VOCABULARIES[crm] : undefined;
  return (vocabulary?.contactColumns.name.length ?? 0) > 0 && (vocabulary?.contactLists.length ?? 0) > 0;
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
