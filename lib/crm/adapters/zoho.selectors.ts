// Zoho CRM selectors. Each entry is a list of variants, current markup first
// and older markup after, and `zoho.test.ts` pins how many elements every
// variant matches on every saved fixture, so a Zoho release that changes the
// markup shows up as a failing count rather than as silently missing data.
//
// Sources, read as references only (nothing copied):
//   [CRUX]      Zoho's own CRUX Lyte component templates as published in public
//               repositories (`crux-detailpage-header`, `crux-detailpage-sections`):
//               `#recHeader1.cxDvRecordHeader1`, `.cxDvSectionName`,
//               `[data-zcqa="secDiv_{section}"].cxDvFieldSectionContainer`,
//               `.cxDvBcInfoFormRow` > `.cxDvInfoFormField[data-zcqa="dtVw_lbl_{column}"]`
//               + `#field_{id}.dvValueContainer.cxDvInfoValue` (value components get
//               `data-zcqa="value_{display label}"`), `[cx-prop-record-id]`.
//   [COMMUNITY] markup relied on by public userscripts, Selenium and Puppeteer
//               scripts written against live Zoho CRM pages: `#labelTD_{column}` inside
//               `[id^="mouseArea__"]`, `#value_{column}` / `#subvalue_{column}`,
//               `.cxElemCompViewValue` / `span.cxElemCompViewWrap`, `#titlecard_{column}`,
//               `#headervalue_POTENTIALNAME` (older detail view), and the related list
//               `crm-related-list-view-header[related-module] > lyte-tbody > lyte-tr >
//               lyte-td[data-zcqa="value_listviewtable_{column label}"]`; a userscript
//               that reads related lists by the position of `lyte-thead lyte-tr lyte-th`
//               header cells, skipping action cells (`lyte-td.editDeleteIcons`,
//               data-zcqa "…undefined").
//   [BRIEF]     `#value_{API name}` / `#label_{API name}` (e.g. `#value_Deal_Name`) as
//               described in the project brief. No public page or script showing these
//               ids was found; public scripts show the column-name form
//               (`value_POTENTIALNAME`). Kept as an unverified variant.
// Zoho ids carry the field's internal column name (POTENTIALNAME, SMOWNERID,
// CONTACTID and custom POTENTIALCF6 are seen in public scripts); the adapter
// also accepts API names (Deal_Name) in the same places.

export const zohoSelectors = {
  /** The record's title in the detail view header. */
  recordTitle: [
    '#recHeader1', // [CRUX] crux-detailpage-header span#recHeader1.cxDvRecordHeader1
    '[id^="titlecard_"]', // [COMMUNITY] #titlecard_LASTNAME
    '[id^="headervalue_"]', // [COMMUNITY] older detail view #headervalue_POTENTIALNAME
  ],
  /** The detail view header (title, tags, Edit button): one anchor of the record view. */
  recordHeader: [
    '.cxDvHeaderParent', // [CRUX] crux-detailpage-header
    '#dv_title', // [COMMUNITY] older detail view title cell
  ],
  /** A block of fields of one layout section: the other anchor of the record view. */
  fieldSection: [
    '[data-zcqa^="secDiv_"]', // [CRUX] div.cxDvFieldSectionContainer per section column
    '[id^="secDiv_"]', // [COMMUNITY] older detail view div.viewParentSection#secDiv_{section}
  ],
  /** A section's title. */
  sectionTitle: [
    '.cxDvSectionName', // [CRUX]
    '.contHeadInfo', // [COMMUNITY] older detail view
  ],
  /** One label/value row; the variants are complementary (a page may mix layouts). */
  fieldRow: [
    '.cxDvBcInfoFormRow', // [CRUX]
    '[id^="mouseArea__"]', // [COMMUNITY] row around #labelTD_{column}
  ],
  /** The label inside a row. */
  fieldLabel: [
    '[data-zcqa^="dtVw_lbl_"]', // [CRUX] label with the column name
    '[id^="labelTD_"]', // [COMMUNITY]
    '.cxDvInfoFormField', // [CRUX] label without data-zcqa
    '[id^="label_"]', // [BRIEF] unverified
  ],
  /** The displayed value inside a row. */
  fieldValue: [
    '.cxDvInfoValue', // [CRUX] #field_{id}.dvValueContainer.cxDvInfoValue
    '[id^="value_"]', // [COMMUNITY] #value_{column}; [BRIEF] #value_{API name}
    '.cxElemCompViewValue', // [COMMUNITY] lyte-text.cxElemCompViewValue
  ],
  /** The record id a CRUX component was rendered for (tells a stale view from the record in the URL). */
  recordIdHolder: [
    '[cx-prop-record-id]', // [CRUX] crm-relatedlist cx-prop-record-id
  ],
  /** A related list (Contact Roles among them). */
  relatedList: [
    'crm-related-list-view-header', // [COMMUNITY] crm-related-list-view-header[related-module]
  ],
  /**
   * One record row of a related list. Its cells are named by their data-zcqa
   * (`value_listviewtable_{column label}`, RELATED_CELL_PREFIX) or, without one, by the
   * header cell of their column (`lyte-thead lyte-th`, read by position). [COMMUNITY]
   */
  relatedRow: [
    'lyte-tbody lyte-tr', // [COMMUNITY] Lyte table
    'tbody tr', // plain table fallback (older related lists were HTML tables)
  ],
} as const satisfies Record<string, readonly string[]>;

export type ZohoSelectorId = keyof typeof zohoSelectors;

/** Prefixes of ids and data-zcqa values that end in a field's column or API name. */
export const FIELD_KEY_PREFIXES = ['labelTD_', 'label_', 'value_', 'subvalue_', 'mouseArea__', 'dtVw_lbl_', 'titlecard_', 'headervalue_'] as const;

/** The related-list cell data-zcqa prefix; the column label follows it. */
export const RELATED_CELL_PREFIX = 'value_listviewtable_';

/**
 * Deal (Potentials) parts: field keys first (API name and internal column
 * name, language independent), then the label in English and Chinese
 * (Simplified) as Zoho translates it.
 */
export const dealParts = {
  name: { apiNames: ['Deal_Name', 'POTENTIALNAME'], labels: ['Deal Name', 'Potential Name', '商机名称'] },
  stage: { apiNames: ['Stage', 'STAGE'], labels: ['Stage', '阶段'] },
  amount: { apiNames: ['Amount', 'AMOUNT'], labels: ['Amount', '金额'] },
  closeDate: { apiNames: ['Closing_Date', 'CLOSINGDATE'], labels: ['Closing Date', '结束日期'] },
  owner: { apiNames: ['Owner', 'SMOWNERID'], labels: ['Deal Owner', 'Potential Owner', '商机所有者'] },
  account: { apiNames: ['Account_Name', 'ACCOUNTID'], labels: ['Account Name', '客户名称'] },
} as const;

/** Related-list columns of a contact in the Contact Roles list. */
export const contactRoleColumns = {
  name: ['Contact Name', 'Name', '联系人姓名', '联系人名称', '姓名'],
  title: ['Title', 'Job Title', '职位', '头衔'],
  role: ['Contact Role', 'Role', '联系人角色', '角色'],
  email: ['Email', '电子邮件', '邮箱'],
} as const;

/** `related-module` values of the deal's contacts list (Contact Roles lists contacts). */
export const CONTACT_ROLE_MODULES = ['Contacts', 'ContactRoles', 'Contact_Roles'] as const;

/** Zoho's default Deal stages (a fixture and test reference, not used to read the page). */
export const DEFAULT_STAGES = [
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Identify Decision Makers',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
  'Closed-Lost to Competition',
] as const;
