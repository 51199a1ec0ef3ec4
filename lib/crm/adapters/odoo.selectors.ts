// Odoo selectors. Each entry is a list of variants, current markup first and
// older markup after, and `odoo.test.ts` pins how many elements every variant
// matches on every saved fixture, so an Odoo release that changes the markup
// shows up as a failing count rather than as silently missing data.
//
// Sources, read as references only (nothing copied):
//   [ODOO]      Odoo's own web client and CRM sources (github.com/odoo/odoo, LGPL-3):
//               web/static/src/search/breadcrumbs/breadcrumbs.xml (17+: `.o_breadcrumb`,
//               `.o_last_breadcrumb_item.active`), views/fields/statusbar/statusbar_field.xml
//               (`.o_statusbar_status` buttons `.o_arrow_button`, the current one
//               `.o_arrow_button_current` / `aria-checked="true"` / `aria-current="step"`, rendered
//               in reverse order; 16.0 marked it `.btn-primary`; 17-18 hide every button in a narrow
//               window and show the current label in a dropdown), views/fields/monetary/monetary_field.xml
//               (symbol spans around an `input.o_input`, `.o_monetary_ghost_value`),
//               views/fields/many2one/many2one_field.xml (edit: `input.o-autocomplete--input`,
//               read-only: `a.o_form_uri`), views/fields/x2many/x2many_field.xml
//               (`.o_field_x2many_list`), views/list/list_renderer.xml (`table.o_list_table`,
//               `thead th[data-name]`, `tr.o_data_row > td.o_data_cell[name]`, `name` on cells
//               from 17), web/static/src/core/browser/router.js (URLs),
//               crm/views/crm_lead_views.xml (`<form class="o_lead_opportunity_form">`, field names).
//   [COMMUNITY] Odoo 15-17 form pages saved by users in public repositories and selectors of
//               public test suites: `.o_action_manager > .o_form_view`, `.o_wrap_field`,
//               `label.o_form_label[for="{field}_{n}"]`, `div[name=…].o_field_widget`, the
//               ≤15 table layout (`td.o_td_label`, `label[for="o_field_input_{n}"]`,
//               read-only `span.o_field_widget`), and the ≤15 breadcrumb `li.breadcrumb-item.active`.
// Odoo renders in the light DOM (OWL components, no shadow roots).

export const odooSelectors = {
  /** The form view of the current action; dialogs and embedded forms are filtered out in code. */
  formView: [
    '.o_action_manager > .o_form_view', // [COMMUNITY] 16+ action manager with the controller root
    '.o_action_manager .o_form_view', // [COMMUNITY] ≤15: .o_action_manager > .o_action > .o_form_view
  ],
  /** Any form view (the action's, a dialog's, an embedded one). */
  form: [
    '.o_form_view', // [ODOO] FormController root
  ],
  /** The action holding a form: the form itself in 16+, its parent with the control panel in ≤15. */
  action: [
    '.o_action', // [ODOO]/[COMMUNITY]
  ],
  /** ≤15 fields and labels hidden by the view's modifiers (16+ does not render them). */
  invisible: [
    '.o_invisible_modifier', // [ODOO] ≤15
  ],
  /** Containers a form view must not be inside to count as the record in view. */
  dialog: [
    '.modal', // [ODOO] dialogs (Bootstrap modal)
    '.o_dialog', // [ODOO] 16+ dialog wrapper
  ],
  /** Form classes that tell the model of the form (the arch's `class` lands on the view root). */
  crmLeadForm: [
    '.o_lead_opportunity_form', // [ODOO] crm_lead_views.xml; [COMMUNITY] on .o_form_view in saved 17 pages
  ],
  /** The current breadcrumb: the record's display name. */
  breadcrumbCurrent: [
    '.o_last_breadcrumb_item.active', // [ODOO] 17+ breadcrumbs.xml
    '.o_control_panel .breadcrumb-item.active', // [COMMUNITY] ≤16 ol.breadcrumb > li.breadcrumb-item.active
  ],
  /** A field widget; its `name` attribute is the field's technical name. */
  fieldWidget: [
    '.o_field_widget[name]', // [ODOO] every field widget (div in 16+, span/a/div in ≤15)
  ],
  /** A field label; `for` points at the widget's input (`{field}_{n}` in 16+, `o_field_input_{n}` before). */
  fieldLabel: [
    'label.o_form_label[for]', // [ODOO]/[COMMUNITY]
  ],
  /** The stage bar. */
  statusbar: [
    '.o_statusbar_status', // [ODOO] statusbar_field.xml
  ],
  /**
   * The current stage in the stage bar. 16.0 marks it `.btn-primary`, 16.x-18
   * `.o_arrow_button_current`; 15-18 all set `aria-checked="true"` and
   * `aria-current="step"` on it, the attributes that outlive a class rename.
   */
  statusCurrent: [
    '.o_arrow_button_current', // [ODOO] 16.x-18
    '.o_arrow_button[aria-checked="true"]', // [ODOO] 16+ role=radio; [COMMUNITY] 15 pages
    '[aria-current="step"]', // [ODOO] 16-18 (`t-att-aria-current="item.isSelected and 'step'"`); [COMMUNITY] 15 pages
    '.o_arrow_button.btn-primary', // [ODOO] 16.0 / [COMMUNITY] ≤15 current state button
  ],
  /** Tags of a many2many_tags widget (the widget also has an empty input to add more). */
  tag: [
    '.o_tag_badge_text', // [ODOO] 16+ tag text inside span.o_tag
    '.o_tag', // [ODOO] ≤15 span.o_tag (text directly inside)
  ],
  /** A list inside the form: an x2many field shown as a table, one row per linked record. */
  x2manyTable: [
    '.o_field_x2many_list table.o_list_table', // [ODOO] x2many_field (`o_field_x2many_list`) > list_renderer.xml `table.o_list_table`
  ],
  /** A record's row in a list (not the "Add a line" row, group rows or empty filler rows). */
  listRow: [
    'tr.o_data_row', // [ODOO] list_renderer.xml RecordRow
  ],
  /** A list's column header; `data-name` is the column's field name (cells carry it as `name` in 17+). */
  listHeader: [
    'thead th[data-name]', // [ODOO] list_renderer.xml `th t-att-data-name="column.name"`
  ],
  /** The amount shown behind a monetary input (the symbol spans are its siblings). */
  monetaryGhost: [
    '.o_monetary_ghost_value', // [ODOO] 17+ monetary_field.xml
  ],
} as const satisfies Record<string, readonly string[]>;

export type OdooSelectorId = keyof typeof odooSelectors;

/**
 * crm.lead parts: the field's technical name first (language independent),
 * then the label in English and Chinese (Simplified) as Odoo translates it.
 */
export const leadParts = {
  name: { apiNames: ['name'], labels: ['Opportunity', 'Lead', '商机', '线索'] },
  stage: { apiNames: ['stage_id'], labels: ['Stage', '阶段'] },
  amount: { apiNames: ['expected_revenue', 'planned_revenue'], labels: ['Expected Revenue', '预期收入'] },
  closeDate: { apiNames: ['date_deadline'], labels: ['Expected Closing', '预计结束'] },
  owner: { apiNames: ['user_id'], labels: ['Salesperson', '销售员'] },
  account: { apiNames: ['partner_id'], labels: ['Customer', '客户'] },
} as const;

/** crm.lead fields holding the customer contact (the opportunity's person at the customer). */
export const contactFields = {
  partner: 'partner_id',
  contactName: 'contact_name',
  companyName: 'partner_name',
  email: 'email_from',
  jobPosition: 'function',
} as const;

/**
 * Columns of a list of people in the form (an x2many of res.partner, such as a
 * Studio "Stakeholders" field): field names (`th[data-name]`, `td[name]`) first,
 * then labels in English and Chinese (Simplified). A list is read as people only
 * when it has a name column and a job position, role or e-mail column.
 */
export const contactListColumns = {
  name: { fields: ['name', 'display_name', 'partner_id'], labels: ['Name', 'Contact', 'Contact Name', '名称', '姓名', '联系人'] },
  title: { fields: ['function'], labels: ['Job Position', 'Job Title', '工作岗位', '职位'] },
  role: { fields: ['role', 'role_id'], labels: ['Role', '角色'] },
  email: { fields: ['email', 'email_from'], labels: ['Email', '电子邮件'] },
} as const;

/** Action paths (Odoo 17.2+ `ir.actions.act_window.path`) whose records are crm.lead. */
export const CRM_LEAD_ACTION_PATHS = ['crm'] as const;

/** Action paths of other models, so their records are reported as unsupported. */
export const OTHER_ACTION_PATHS: Readonly<Record<string, string>> = {
  contacts: 'res.partner',
};

/** Odoo's default CRM stages (a fixture and test reference, not used to read the page). */
export const DEFAULT_STAGES = ['New', 'Qualified', 'Proposition', 'Won'] as const;
