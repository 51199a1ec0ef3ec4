// Dynamics 365 Unified Interface (model-driven app) selectors. Each entry is a
// list of variants, current markup first and older or fallback markup after (as
// Refined GitHub keeps its selectors), and `dynamics.test.ts` pins how many
// elements every variant matches on every saved fixture, so a Dynamics release
// that changes the markup shows up as a failing count rather than as silently
// missing data.
//
// Sources, read as references only (nothing copied):
//   [EASYREPRO] Microsoft's EasyRepro UI test framework (MIT),
//            Microsoft.Dynamics365.UIAutomation.Api.UCI/DTO/AppElementReference.cs:
//            the XPaths it drives UCI with (form root, header, title, field
//            containers, labels, controls, lookups, BPF stages, subgrids; the
//            read-only grid's `div.wj-row[role=row]` header and data rows, whose
//            cells carry no column attributes).
//   [COMMUNITY] markup relied on by public Selenium/Playwright suites for
//            model-driven apps on GitHub: container ids
//            `id-{guid}-{n}-{name}-FieldSectionItemContainer`, lookup
//            `…_selected_tag_text[title]`, the Fluent option-set button, the BPF
//            `#bpfContainer`, `li[data-selected-stage]`,
//            `ProcessBreadCrumb-processHeaderStageName_*` (also as a `label` with only a
//            data-id) / `-stageNameContainer*` / `-stageStatusLabel`, a stage `li` naming
//            itself in `aria-label` / `title` / text, modal form dialogs, and the grid cells' `col-id`
//            / `aria-colindex` (the grid control is built on ag-grid).
// Names in data-id values are field logical names (`estimatedvalue`), the same in
// every language, so fields are told apart by name before their label.

export const dynamicsSelectors = {
  /** The record form. UCI can keep more than one in the DOM (earlier pages, dialogs): only a rendered one counts. */
  formRoot: [
    '[data-id="editFormRoot"]', // [EASYREPRO] Entity_FormContainer
  ],
  /** A modal over the page: a form inside one is another record, not the page's. */
  dialog: [
    '[role="dialog"][aria-modal="true"]', // [COMMUNITY] modal forms (navigateTo dialogs)
    'section[data-id="quickCreateRoot"]', // [EASYREPRO] QuickCreate_FormContext
  ],
  /** The form header (title, header fields). */
  formHeader: [
    '[data-id*="form-header"]', // [EASYREPRO] Entity_Header
  ],
  /** The record name; the full name is in its `title` attribute (the text may be truncated). */
  headerTitle: [
    '[data-id="header_title"]', // [EASYREPRO] Entity_HeaderTitle, read by GetHeaderTitle() from `title`
  ],
  /**
   * One field: `{name}-FieldSectionItemContainer` in the body, `header_{name}-…` in the
   * header, `header_process_{name}-…` in the BPF flyout. Complementary variants.
   */
  fieldContainer: [
    '[data-id$="-FieldSectionItemContainer"]', // [EASYREPRO] Entity_TextFieldContainer, Entity_Header_DateTimeFieldContainer
    '[id$="-FieldSectionItemContainer"]', // [COMMUNITY] id-{guid}-{n}-{name}-FieldSectionItemContainer
  ],
  /** A field's label inside its container. */
  fieldLabel: [
    'label[id*="-field-label"]', // [EASYREPRO] Entity_TextFieldLabel `label[contains(@id,'{name}-field-label')]`
  ],
  /** Selected records of a lookup field; each one's name is its `title` or text. Several for party lists. */
  lookupTag: [
    '[data-id*="fieldControl-LookupResultsDropdown_"][data-id$="_selected_tag_text"]', // [COMMUNITY] tag text with `title`
    '[data-id*="_selected_tag"][role="link"]', // [EASYREPRO] Entity_LookupFieldExistingValue
  ],
  /** A control that holds the value in `value` (or the selected option). */
  fieldInput: [
    'input[data-id*=".fieldControl"]', // [EASYREPRO] Entity_TextFieldValue; currency, date (Entity_FieldControlDateTimeInputUCI)
    'textarea[data-id*=".fieldControl"]', // [COMMUNITY] multi-line text
    'select[data-id*=".fieldControl"]', // [EASYREPRO] Entity_OptionSetFieldContainer select, Entity_BooleanFieldList
    'button[data-id$=".fieldControl-option-set-select"]', // [COMMUNITY] Fluent option set, value shown as its text
  ],
  /** Read-only display of a value without a form control. */
  fieldText: [
    '[data-id*=".fieldControl"]', // [EASYREPRO] the field control, read by its text
  ],
  /** Business process flow stages. */
  bpfStage: [
    'li[id*="processHeaderStage"]', // [EASYREPRO] BPF_NextStage_UCI
  ],
  /** The stage the record is in. */
  bpfCurrentStage: [
    'li[id*="processHeaderStage"][data-selected-stage="true"]', // [COMMUNITY] current stage of the BPF
  ],
  /** "Active for 12 days": shown under the stage the record is in. */
  bpfStageStatus: [
    '[id*="ProcessBreadCrumb-stageStatusLabel"]', // [COMMUNITY]
  ],
  /** The stage whose flyout is selected: the current one unless the user opened another. */
  bpfSelectedStage: [
    'li[id*="processHeaderStage"][aria-selected="true"]', // [COMMUNITY]
  ],
  /**
   * A stage's name inside its `li`. Without one, the stage's own `title`,
   * `aria-label` or text names it (read in code).
   */
  bpfStageName: [
    '[id*="processHeaderStageName"]', // [COMMUNITY] ProcessBreadCrumb-processHeaderStageName_{guid}
    'label[data-id^="MscrmControls.Containers.ProcessBreadCrumb-processHeaderStageName"]', // [COMMUNITY] the name as a label with no id; [EASYREPRO] NextStage() reads a stage's labels
    '[id*="stageNameContainer"][title]', // [COMMUNITY] ProcessBreadCrumb-stageNameContainer{guid}, name in `title`
  ],
  /** A subgrid on the form. Complementary: the container and the data set root may be different elements. */
  subgrid: [
    '[data-id$="-pcf_grid_control_container"]', // [EASYREPRO] Entity_SubGrid_Row / Entity_SubGridList `{name}-pcf_grid_control_container`
    '[id^="dataSetRoot_"]', // [EASYREPRO] Entity_SubGridContents `dataSetRoot_{name}`
  ],
  /** A grid row (ag-grid splits one record over pinned and centre rows with the same row index). */
  gridRow: [
    '[role="row"]', // [EASYREPRO] Entity_SubGridRows
  ],
  gridCell: [
    '[role="gridcell"]', // [EASYREPRO] Entity_SubGridCells
  ],
  /**
   * Column headers, for columns whose cells carry no `col-id`. Cells with neither
   * `col-id` nor `aria-colindex` (the read-only grid) are matched to them by position.
   */
  gridColumnHeader: [
    '[role="columnheader"]', // [EASYREPRO] Grid_SortColumn `div[contains(@role,'columnheader')]`
  ],
  /**
   * A cell's link to the row's record. Assumed to carry the record URL (`…&etn=contact&id=…`,
   * the scheme of the page URL); without it the subgrid's name decides.
   */
  gridRecordLink: [
    'a[href*="etn="]',
  ],
} as const satisfies Record<string, readonly string[]>;

export type DynamicsSelectorId = keyof typeof dynamicsSelectors;

/**
 * Opportunity parts: field logical names first (language independent, from the
 * data-id of the field), then the label in English and Chinese (Simplified) as
 * Dynamics 365 translates it, for fields whose name the page does not show.
 */
export const opportunityParts = {
  name: { apiNames: ['name'], labels: ['Topic', '主题'] },
  stage: { apiNames: ['salesstage', 'stepname'], labels: ['Sales Stage', 'Pipeline Phase', '销售阶段', '管道阶段'] },
  amount: { apiNames: ['estimatedvalue'], labels: ['Est. Revenue', 'Estimated Revenue', '预计收入'] },
  closeDate: { apiNames: ['estimatedclosedate'], labels: ['Est. Close Date', 'Estimated Close Date', '预计结束日期'] },
  owner: { apiNames: ['ownerid'], labels: ['Owner', '负责人'] },
  account: { apiNames: ['parentaccountid', 'customerid'], labels: ['Account', 'Potential Customer', '客户', '潜在客户'] },
  currency: { apiNames: ['transactioncurrencyid'], labels: ['Currency', '货币'] },
} as const;

/** Subgrids that list the customer's people when their rows do not link to their records. */
export const contactSubgrids = ['Stakeholders', 'Contacts'] as const;

/** Columns of a contact row: column logical names (`col-id`, linked-entity alias dropped) first, then header labels. */
export const contactColumns = {
  name: { fields: ['record2id', 'fullname', 'contactid', 'parentcontactid'], labels: ['Name', 'Full Name', 'Contact', '姓名', '全名', '联系人'] },
  role: { fields: ['record2roleid'], labels: ['Role', 'As this Role', '角色'] },
  title: { fields: ['jobtitle'], labels: ['Job Title', 'Title', '职务', '职位'] },
  email: { fields: ['emailaddress1'], labels: ['Email', 'E-mail', '电子邮件'] },
} as const;

/**
 * Names of the standard currency records (`transactioncurrency.currencyname`)
 * as the currency lookup shows them, for amounts whose symbol several
 * currencies share ("$", "¥"). Keys are compared case-folded.
 */
export const currencyNames: Readonly<Record<string, string>> = {
  'us dollar': 'USD',
  euro: 'EUR',
  'pound sterling': 'GBP',
  'british pound': 'GBP',
  'canadian dollar': 'CAD',
  'australian dollar': 'AUD',
  'new zealand dollar': 'NZD',
  'singapore dollar': 'SGD',
  'hong kong dollar': 'HKD',
  'swiss franc': 'CHF',
  'japanese yen': 'JPY',
  'yuan renminbi': 'CNY',
  'chinese yuan': 'CNY',
  'indian rupee': 'INR',
  'mexican peso': 'MXN',
  'brazilian real': 'BRL',
  'swedish krona': 'SEK',
  'norwegian krone': 'NOK',
  'danish krone': 'DKK',
  美元: 'USD',
  欧元: 'EUR',
  英镑: 'GBP',
  日元: 'JPY',
  人民币: 'CNY',
  港元: 'HKD',
};
