// Salesforce Lightning Experience selectors. Each entry is a list of variants,
// current markup first and older markup after (as Refined GitHub keeps its
// selectors), and `salesforce.test.ts` pins how many elements every variant
// matches on every saved fixture, so a Salesforce release that changes the
// markup shows up as a failing count rather than as silently missing data.
//
// Sources, read as references only (nothing copied):
//   [UTAM]   Salesforce's UI Test Automation Model page objects, npm
//            `salesforce-pageobjects` (record home, detail panel, record layout,
//            highlights panel, related lists).
//   [SLDS]   Salesforce Lightning Design System class names (path, tiles,
//            page header, form elements).
//   [COMMUNITY] markup relied on by public test suites and extensions on
//            GitHub: `data-target-selection-name`, `.test-id__*` classes, the
//            Aura view containers (`.oneContent`, console workspaces).
// Every selector matches inside one tree: no combinator crosses a shadow
// boundary (the DOM helpers search each open shadow root separately).

export const salesforceSelectors = {
  /** The visible view of a standard app; Lightning keeps earlier views in the DOM without `.active`. [COMMUNITY] */
  activeView: [
    '.windowViewMode-normal.oneContent.active', // [COMMUNITY] standard navigation
    '.windowViewMode-maximized.active', // [COMMUNITY] full-width record page, and the record in view in a console workspace tab
  ],
  /** The visible workspace tab of a console app. [COMMUNITY] */
  consoleWorkspace: [
    '.oneWorkspace.active', // [COMMUNITY]
    '.navexWorkspace.active', // [COMMUNITY] navigation-experience console
    '.tabContent.active.oneConsoleTab', // [COMMUNITY] older console tab content
  ],
  /** The record page component; the adapter's record root. */
  recordHome: [
    'one-record-home-flexipage2', // [UTAM] recordHomeFlexipage2
    '.oneRecordHomeFlexipage2Wrapper', // [COMMUNITY] its Aura wrapper (data-aura-class)
    '.flexipagePage.oneRecordHomeFlexipage', // [COMMUNITY] older record home
  ],
  /** The record name in the highlights panel. */
  highlightsPrimaryField: [
    'records-highlights2 [slot="primaryField"]', // [UTAM] records-lwc-highlights-panel > records-highlights2, slot primaryField
    'force-highlights2 [slot="primaryField"]', // [COMMUNITY] older Aura highlights
    '.slds-page-header__title [slot="primaryField"]', // [SLDS] page header title
  ],
  /** Label/value pairs in the highlights panel (slot `secondaryFields`). */
  highlightsItem: [
    'records-highlights-details-item', // [UTAM] highlights details item
    'force-highlights-details-item', // [COMMUNITY] older Aura highlights (force-highlights2), still served
    '.slds-page-header__detail-block', // [SLDS] page header detail block
  ],
  highlightsItemLabel: [
    '.slds-text-title', // [UTAM] label of a highlights details item
  ],
  highlightsItemValue: [
    '.fieldComponent', // [UTAM] value of a highlights details item
  ],
  /** One field of the detail layout; the variants are complementary (a page may mix them). */
  layoutItem: [
    'records-record-layout-item[field-label]', // [UTAM] records-lwc-record-layout > section > row > item[field-label]
    'record_flexipage-record-field', // [UTAM] Dynamic Forms field (happy-dom cannot parse "_" in a tag selector; browsers can)
    'flexipage-field[data-field-id]', // [COMMUNITY] Dynamic Forms field container
    'force-record-layout-item', // [COMMUNITY] older Aura record layout
  ],
  /** Language-independent field id: `sfdc:RecordField.{Object}.{Field}`. [COMMUNITY] */
  fieldTarget: [
    '[data-target-selection-name^="sfdc:RecordField."]', // [COMMUNITY]
  ],
  /** A field's label inside a layout item when it has no `field-label` attribute. */
  fieldLabel: [
    '.test-id__field-label', // [COMMUNITY]
    '.slds-form-element__label', // [SLDS]
  ],
  /** A field's displayed value inside a layout item. */
  fieldValue: [
    '[slot="outputField"]', // [UTAM] recordLayoutItem output field
    '.test-id__field-value', // [COMMUNITY]
    '.slds-form-element__static', // [SLDS]
  ],
  /** Read-only checkbox fields show no text, only a checked or unchecked box. */
  fieldCheckbox: [
    'input[type="checkbox"]',
  ],
  /** The owner lookup, used when the owner field cannot be told by id or label. [UTAM] */
  ownerLookup: [
    'force-owner-lookup', // [UTAM]
  ],
  /** The record's current stage in the Path ( `.slds-is-active` is only the step the user clicked). */
  pathCurrentStep: [
    'li.runtime_sales_pathassistantPathAssistantTab.slds-is-current', // [COMMUNITY] Aura Path
    'lightning-progress-step.slds-is-current', // [SLDS] LWC path / progress indicator
    'li.runtime_sales_pathassistantPathAssistantTab.slds-is-active', // [COMMUNITY] older Path
    'li.slds-path__item a[aria-selected="true"]', // [SLDS] Path whose step marker is only on the link (option role); last: it follows the step the user clicked
  ],
  /** The stage name inside a Path step (the step also holds "Stage Complete" assistive text). */
  pathStepTitle: [
    '.slds-path__title', // [SLDS]
    '.title', // [COMMUNITY] older Path
  ],
  /** A related list card. [UTAM] */
  relatedList: [
    'lst-related-list-single-container', // [UTAM]
    'force-related-list-single-container', // [COMMUNITY] older Aura related list
  ],
  /** A related list's title. */
  relatedListTitle: [
    '.slds-card__header-title span[title]', // [UTAM]/[SLDS] card header
    'h2 span[title]', // [COMMUNITY]
  ],
  /** The related list's "View All" link, `/lightning/r/{parentId}/related/{relationship}/view`. [COMMUNITY] */
  relatedListLink: [
    'a[href*="/related/"]',
  ],
  /** One record of a related list shown as tiles (the record page sidebar). */
  relatedTile: [
    'lst-template-list-item-factory', // [UTAM] lst-customized-template-list item
    '.slds-tile', // [SLDS] tile
  ],
  relatedTileName: [
    '.slds-tile__title a', // [SLDS]
    'h3 a', // [COMMUNITY]
  ],
  relatedTileLabel: [
    '.slds-item_label', // [SLDS] tile detail list
    'dt', // [COMMUNITY]
  ],
  relatedTileValue: [
    '.slds-item_detail', // [SLDS]
    'dd', // [COMMUNITY]
  ],
  /** One record of a related list shown as a table (lightning-datatable). */
  relatedRow: [
    'tbody tr', // [SLDS] data table row
  ],
} as const satisfies Record<string, readonly string[]>;

export type SalesforceSelectorId = keyof typeof salesforceSelectors;

/**
 * Opportunity parts: the field API name first (language independent, read
 * from `data-target-selection-name`), then the label in English and Chinese
 * (Simplified) as Salesforce translates it.
 */
export const opportunityParts = {
  name: { apiNames: ['Name'], labels: ['Opportunity Name', '业务机会名称'] },
  stage: { apiNames: ['StageName'], labels: ['Stage', '阶段'] },
  amount: { apiNames: ['Amount'], labels: ['Amount', '金额'] },
  closeDate: { apiNames: ['CloseDate'], labels: ['Close Date', '结束日期'] },
  owner: { apiNames: ['OwnerId'], labels: ['Opportunity Owner', '业务机会所有人', 'Owner', '所有人'] },
  account: { apiNames: ['AccountId'], labels: ['Account Name', '客户名称'] },
} as const;

/** The Contact Roles related list: its relationship name (in the list's link), then its title. */
export const contactRolesList = {
  relationship: 'OpportunityContactRoles',
  titles: ['Contact Roles', '联系人角色'],
} as const;

/** Column or tile labels of a contact in the Contact Roles list. */
export const contactColumns = {
  name: ['Contact Name', 'Name', '联系人姓名', '联系人', '姓名'],
  title: ['Title', '职务', '头衔'],
  role: ['Role', '角色'],
  email: ['Email', '电子邮件', '邮件'],
} as const;
