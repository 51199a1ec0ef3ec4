// HubSpot CRM record page selectors. Each entry is a list of variants, current
// markup first and older markup after, and `hubspot.test.ts` pins how many
// elements every variant matches on every saved fixture, so a HubSpot release
// that changes the markup shows up as a failing count, not as silent gaps.
//
// HubSpot publishes no page objects for its app; every selector here is one a
// public integration relies on (read as references only, nothing copied):
//   [TOGGL]     Toggl Track browser extension, toggl/track-extension
//               src/content/hubspot.js (highlight title, truncated-object-label).
//   [CLOCKIFY]  Clockify browser extension, clockify/browser-extension
//               src/integrations/hubspot.js (record-highlight-main-content,
//               *-highlight-details, contact/company chicklets,
//               card-id-ASSOCIATION_TABLE/0-2, preview panels).
//   [TIMECAMP]  TimeCamp browser plugin, timecamp-org/timecamp-browser-plugin
//               scripts-2.0/third_party/hubspot.js (highlightTitle).
//   [COMMUNITY] other public extensions and test suites on GitHub: a HubSpot
//               property-name annotator (profile-properties-list rows,
//               data-card-id grammar, highlight-property-display-*), a HubSpot
//               DOM guide (left-sidebar, middle-pane, records-right-sidebar,
//               card-wrapper-*), Playwright/Selenium suites (highlight-record-label,
//               property-input-{name}).
//   [REFS]      ../shared/crm-references.md: `property-input-{name}` is not tied to one card
//               (look for it anywhere in the record's columns); `*-highlight-details` cards
//               made of heading + value pairs.
// Class names never appear: HubSpot's are styled-components hashes that change
// with every build. HubSpot renders no shadow DOM; all selectors are light DOM.

export const hubspotSelectors = {
  /** The highlight card at the top of the left sidebar: the anchor the record view is found from. */
  highlight: [
    '[data-test-id="record-highlight-main-content"]', // [CLOCKIFY] current record page
    '[data-selenium-component="ProfileHighlightContainer"]', // [TOGGL] older highlight container
    '[data-selenium-test$="-highlight-details"]', // [CLOCKIFY] older deal-/company-/contact-highlight-details
  ],
  /** Panels that show ANOTHER record (preview side panel, index sidebar): never the record in view. */
  preview: [
    '[data-selenium-test="sidebar-preview-panel"]', // [CLOCKIFY] preview modal
    '[data-test-id="IndexPageInlineSidebar"]', // [CLOCKIFY] list page sidebar
    '[data-crm-location="CRM_OBJECT_PREVIEW"]', // [COMMUNITY] object preview
  ],
  /** Middle and right columns: the record root is the lowest ancestor of the highlight holding one. */
  recordColumn: [
    '[data-test-id="records-right-sidebar"]', // [COMMUNITY] DOM guide, associations column
    '[data-test-id="middle-pane"]', // [COMMUNITY] DOM guide, tabs column
  ],
  /** The left column (highlight and properties cards). */
  leftSidebar: [
    '[data-test-id="left-sidebar"]', // [COMMUNITY] DOM guide
    '[data-scroll-trackable-container="left-sidebar"]', // [CLOCKIFY]
  ],
  /** Cards declaring their object type: `data-card-id="{cardType}/{objectTypeId}/{variant}"`. [COMMUNITY] */
  propertiesCard: [
    '[data-card-id^="PROPERTIES"]', // [COMMUNITY] e.g. PROPERTIES_V3/0-3/V2
  ],
  /** The record name. */
  title: [
    '[data-selenium-test="highlightTitle"]', // [TOGGL][CLOCKIFY][TIMECAMP]
    '[data-test-id="highlight-record-label"]', // [COMMUNITY] 2024+ record label heading
    '[data-selenium-test$="-highlight-details"] h3', // [TOGGL] older highlight heading
  ],
  /** A label/value pair in the highlight card; the label is its first child. [COMMUNITY] */
  highlightItem: [
    '[data-test-id^="highlight-property-item-"]', // [COMMUNITY]
  ],
  /** The value of a highlight item, `highlight-property-display-{property}`. [COMMUNITY] */
  highlightValue: [
    '[data-test-id^="highlight-property-display-"]', // [COMMUNITY]
  ],
  /**
   * The label of a heading + value pair in the highlight card (`<h3>Amount</h3><span>…</span>`,
   * `<dt>`/`<dd>`); the value is the label's next sibling. The older card's h3 is also its
   * title, which is not a pair. Complementary variants. [REFS][TOGGL]
   */
  highlightPairLabel: [
    '[data-test-id="record-highlight-main-content"] dt', // [REFS] heading + value pairs
    '[data-test-id="record-highlight-main-content"] h3', // [REFS]
    '[data-selenium-test$="-highlight-details"] dt', // [REFS][CLOCKIFY] older highlight card
    '[data-selenium-test$="-highlight-details"] h3', // [REFS][TOGGL] older highlight card
  ],
  /** One property in a properties card ("About this deal"). */
  propertyRow: [
    'ul[data-selenium-test="profile-properties-list"] > span[data-test-id]', // [COMMUNITY] current, row id = property name
    '[data-selenium-test="profile-properties-list"] > li', // [COMMUNITY] DOM guide, older list items
  ],
  /** A property's label inside its row. */
  propertyLabel: [
    'label', // [COMMUNITY]
    '[data-selenium-test*="property-label"]', // [COMMUNITY] DOM guide
  ],
  /**
   * A property's value, `property-input-{property}` (a control while edited, text when displayed).
   * Not tied to one card: outside a properties list it is read wherever it sits in the record's columns. [REFS]
   */
  propertyInput: [
    '[data-selenium-test^="property-input-"]', // [CLOCKIFY][COMMUNITY] Selenium suites
  ],
  /** Association cards of companies: right sidebar tiles and the middle pane table. */
  companyCard: [
    '[data-card-id^="ASSOCIATION_V3/0-2"]', // [COMMUNITY] right sidebar card
    '[data-selenium-test="card-id-ASSOCIATION_TABLE/0-2"]', // [CLOCKIFY] middle pane table
    '[data-test-id="card-wrapper-ASSOCIATION_TABLE/0-2"]', // [COMMUNITY] card wrapper
  ],
  /** A company tile's title link, read anywhere in the record's columns as Clockify does when no company card is known. */
  companyChicklet: [
    '[data-selenium-test="company-chicklet-title-link"]', // [CLOCKIFY]
  ],
  /** The company name inside a company card. */
  companyName: [
    '[data-selenium-test="company-chicklet-title-link"]', // [CLOCKIFY] tile title
    'td:first-child a', // [CLOCKIFY] table, first column
    'a[href*="/record/0-2/"]', // HubSpot's documented record URL scheme
  ],
  /** Association cards of contacts (same grammar as companies, object type 0-1). */
  contactCard: [
    '[data-card-id^="ASSOCIATION_V3/0-1"]', // [COMMUNITY] right sidebar card
    '[data-selenium-test="card-id-ASSOCIATION_TABLE/0-1"]', // [CLOCKIFY] grammar, contacts table
    '[data-test-id="card-wrapper-ASSOCIATION_TABLE/0-1"]', // [COMMUNITY] card wrapper
  ],
  /** One contact tile ("chicklet") in a contacts card. */
  contactTile: [
    '[data-test-id^="chiclet-0-1-"]', // [COMMUNITY] current tile
    '[data-selenium-test="chicklet"]', // [COMMUNITY] older tile
  ],
  contactName: [
    '[data-selenium-test="contact-chicklet-title-link"]', // [CLOCKIFY]
    '[data-test-id="contact-chicklet-title-link"]', // [COMMUNITY]
    'a[href*="/record/0-1/"]', // HubSpot's documented record URL scheme
  ],
  contactJobTitle: [
    '[data-selenium-test="contact-chicklet-job-title"]', // [COMMUNITY]
    '[data-test-id="contact-chicklet-job-title"]', // [COMMUNITY]
  ],
  contactEmail: [
    '[data-selenium-test="contact-chicklet-email"]', // [COMMUNITY]
    '[data-test-id="contact-chicklet-email"]', // [COMMUNITY]
  ],
  /** Rows of an association table; cells are named by the header cell of their column (`labelledCells`). */
  tableRow: [
    'tbody tr', // [CLOCKIFY] table rows ("td:first-child a")
  ],
} as const satisfies Record<string, readonly string[]>;

export type HubspotSelectorId = keyof typeof hubspotSelectors;

/** HubSpot's object type ids (`/record/{objectTypeId}/…`), documented in its CRM API. */
export const OBJECT_TYPE_IDS: Readonly<Record<string, string>> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  '0-5': 'ticket',
};

/**
 * Deal parts: the internal property name first (language independent, read from
 * `property-input-{name}` / `highlight-property-display-{name}` / the row id),
 * then the label in English and Chinese (Simplified) as HubSpot shows it.
 */
export const dealParts = {
  name: { apiNames: ['dealname'], labels: ['Deal name', 'Deal Name', '交易名称'] },
  stage: { apiNames: ['dealstage'], labels: ['Deal stage', 'Deal Stage', 'Stage', '交易阶段', '阶段'] },
  amount: { apiNames: ['amount'], labels: ['Amount', '金额'] },
  closeDate: { apiNames: ['closedate'], labels: ['Close date', 'Close Date', '成交日期'] },
  owner: { apiNames: ['hubspot_owner_id'], labels: ['Deal owner', 'Deal Owner', '交易所有者'] },
  /** The deal's currency in multi-currency portals; completes an amount shown with "$" or "¥". */
  currency: { apiNames: ['deal_currency_code'], labels: ['Deal currency code', 'Currency', '货币'] },
} as const;

/** Column headers of a contacts association table. */
export const contactColumns = {
  name: ['Name', '姓名', '名称'],
  title: ['Job title', 'Job Title', '职位'],
  email: ['Email', '电子邮件'],
} as const;
