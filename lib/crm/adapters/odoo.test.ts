// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Extraction, RecordRef } from '@/lib/crm/adapter';
import { ODOO_MATCHES } from '@/lib/crm/hosts';
import { MAX_TEXT } from '@/lib/crm/limits';
import { extractOdooRecord, findOdooRecordRoot, modelOfAction, odooAdapter, odooModelOnPage, parseOdooUrl, recognizeOdooPage, widgetValue } from './odoo';
import { odooSelectors } from './odoo.selectors';
import { describeAdapterContract, slotReads, type FixtureExpectation } from './testing/contract';
import { fixturesOf } from './testing/fixtures';

// --- Fixtures ------------------------------------------------------------------------

const fixtures = fixturesOf('odoo');
const { urlOf, load, loadHtml } = fixtures;

/** Reads a fixture as the content script would, the fixture being the page's document. */
function read(file: string, doc = load(file)): { ref: RecordRef | null; root: Element | null; extraction: Extraction | null } {
  const ref = recognizeOdooPage(urlOf(file), doc);
  const root = ref ? odooAdapter.findRecordRoot(doc, ref) : null;
  return { ref, root, extraction: ref && root ? odooAdapter.extract(root, ref) : null };
}

const f = (label: string, value: string, apiName: string) => ({ label, value, apiName });
const ALL_MISSING = ['name', 'stage', 'amount', 'closeDate', 'owner', 'account'];
const LEAD_REF = { objectType: 'crm.lead', recordId: '42' };

// --- URLs ------------------------------------------------------------------------------

describe('parseOdooUrl and recognize', () => {
  const at = (path: string) => parseOdooUrl(new URL(`https://acme.odoo.com${path}`));
  const ref = (path: string, doc: Document | null = null) => recognizeOdooPage(new URL(`https://acme.odoo.com${path}`), doc);

  it('reads Odoo 17.2+ record URLs as the web client router does', () => {
    expect(at('/odoo/crm/42')).toEqual({ action: 'crm', recordId: '42' });
    expect(at('/odoo/crm/42/')).toEqual({ action: 'crm', recordId: '42' });
    expect(at('/odoo/crm/42?debug=1#x')).toEqual({ action: 'crm', recordId: '42' });
    expect(at('/odoo/action-crm.crm_lead_action_pipeline/42')).toEqual({ action: 'crm.crm_lead_action_pipeline', recordId: '42' });
    expect(at('/odoo/action-521/42')).toEqual({ action: '521', recordId: '42' });
    expect(at('/odoo/crm.lead/42')).toEqual({ model: 'crm.lead', recordId: '42' });
    expect(at('/odoo/m-website/3')).toEqual({ model: 'website', recordId: '3' });
    // A record opened from another record: the last action and the id after it are in view.
    expect(at('/odoo/contacts/7/action-crm.crm_lead_opportunities/42')).toEqual({ action: 'crm.crm_lead_opportunities', recordId: '42' });
  });

  it('reads the legacy hash URL', () => {
    expect(at('/web#id=42&model=crm.lead&view_type=form')).toEqual({ model: 'crm.lead', recordId: '42' });
    expect(at('/web?debug=1#id=42&cids=1&menu_id=180&action=521&model=crm.lead&view_type=form')).toEqual({ model: 'crm.lead', action: '521', recordId: '42' });
    expect(at('/web#id=42&model=crm.lead')).toEqual({ model: 'crm.lead', recordId: '42' });
    expect(at('/web#id=42&action=521&view_type=form')).toEqual({ action: '521', recordId: '42' });
  });

  it('tells crm.lead from the URL when the action says so', () => {
    expect(ref('/odoo/crm/42')).toEqual(LEAD_REF);
    expect(ref('/odoo/action-crm.crm_lead_action_pipeline/42')).toEqual(LEAD_REF);
    expect(ref('/odoo/action-crm.crm_lead_all_leads/42')).toEqual(LEAD_REF);
    expect(ref('/odoo/crm.lead/42')).toEqual(LEAD_REF);
    expect(ref('/web#id=42&model=crm.lead&view_type=form')).toEqual(LEAD_REF);
    expect(modelOfAction('crm.crm_team_action_config')).toBeUndefined();
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(modelOfAction(key)).toBeUndefined();
    expect(ref('/odoo/constructor/42')).toBeNull();
  });

  it('recognises other models so the caller can report them as unsupported', () => {
    expect(ref('/odoo/contacts/7')).toEqual({ objectType: 'res.partner', recordId: '7' });
    expect(ref('/odoo/res.partner/7')).toEqual({ objectType: 'res.partner', recordId: '7' });
    expect(ref('/odoo/m-website/3')).toEqual({ objectType: 'website', recordId: '3' });
    expect(odooAdapter.objectTypes).not.toContain('res.partner');
  });

  it('asks the page when the action does not tell its model', () => {
    expect(ref('/odoo/action-521/42', load('lead-en.html'))).toEqual(LEAD_REF);
    expect(ref('/odoo/action-521/42', load('lead-legacy-url.html'))).toEqual(LEAD_REF);
    expect(ref('/web#id=42&action=521&view_type=form', load('lead-en.html'))).toEqual(LEAD_REF);
    expect(ref('/odoo/action-521/7', load('partner-contact.html'))).toBeNull();
    expect(ref('/odoo/action-521/42', null)).toBeNull();
    expect(odooModelOnPage(load('lead-renamed-classes.html'))).toBeUndefined();
  });

  it.each([
    ['kanban of an action', '/odoo/crm'],
    ['new record', '/odoo/crm/new'],
    ['action without id', '/odoo/action-crm.crm_lead_action_pipeline'],
    ['two ids in a row', '/odoo/crm/42/99'],
    ['id without action', '/odoo/42'],
    ['empty action id', '/odoo/action-/42'],
    ['non-numeric id', '/odoo/crm/abc'],
    ['model with capitals', '/odoo/Crm.Lead/42'],
    ['path with punctuation', '/odoo/cr%20m/42'],
    ['app root', '/odoo'],
    ['legacy list view', '/web#id=42&model=crm.lead&view_type=list'],
    ['legacy kanban', '/web#action=521&model=crm.lead&view_type=kanban'],
    ['legacy non-numeric id', '/web#id=abc&model=crm.lead&view_type=form'],
    ['legacy without hash', '/web'],
    ['login page', '/web/login'],
    ['website page', '/crm/42'],
    ['root', '/'],
  ])('returns null for %s', (_, path) => {
    expect(ref(path, load('lead-en.html'))).toBeNull();
  });

  it('is the adapter registered for Odoo Online; its recognize asks the page it is given', () => {
    expect(odooAdapter).toMatchObject({ id: 'odoo', label: 'Odoo CRM', objectTypes: ['crm.lead'] });
    expect(odooAdapter.matches).toEqual(ODOO_MATCHES);
    expect(odooAdapter.recognize(new URL('https://acme.odoo.com/odoo/crm/42'))).toEqual(LEAD_REF);
    expect(odooAdapter.recognize(new URL('https://acme.odoo.com/odoo/action-521/42'), document)).toBeNull(); // the test document is empty
    const form = document.createElement('div');
    form.innerHTML = '<div class="o_action_manager"><div class="o_form_view o_lead_opportunity_form o_action"></div></div>';
    document.body.appendChild(form);
    try {
      expect(odooAdapter.recognize(new URL('https://acme.odoo.com/odoo/action-521/42'), document)).toEqual(LEAD_REF);
      expect(odooAdapter.recognize(new URL('https://acme.odoo.com/odoo/action-521/42'))).toBeNull(); // no page: the model is unknown
    } finally {
      form.remove();
    }
  });
});

// --- The fixtures ----------------------------------------------------------------------

const LEAD_EN: Extraction = {
  name: 'Solar microgrid for Arusha clinic network',
  stage: 'Qualified',
  amount: { text: '$ 48,000.00', value: 48_000, currency: 'USD', currencyAssumed: true },
  closeDate: '03/31/2027',
  owner: 'Amara Okafor',
  account: 'Arusha Health Network',
  fields: [
    f('Opportunity', 'Solar microgrid for Arusha clinic network', 'name'),
    f('Expected Revenue', '$ 48,000.00', 'expected_revenue'),
    f('Probability', '30.00', 'probability'),
    f('Customer', 'Arusha Health Network', 'partner_id'),
    f('Email', 'grace.mollel@arushahealth.example', 'email_from'),
    f('Phone', '+255 27 254 4100', 'phone'),
    f('Salesperson', 'Amara Okafor', 'user_id'),
    f('Sales Team', 'Sales', 'team_id'),
    f('Expected Closing', '03/31/2027', 'date_deadline'),
    f('Priority', '', 'priority'),
    f('Tags', 'Solar, Healthcare', 'tag_ids'),
    f('Company Name', 'Arusha Health Network', 'partner_name'),
    f('Contact Name', 'Grace Mollel', 'contact_name'),
    f('Job Position', 'Head of Facilities', 'function'),
    f('Mobile', '+255 754 100 200', 'mobile'),
    f('Campaign', 'East Africa Energy Week', 'campaign_id'),
    f('Source', 'Referral', 'source_id'),
  ],
  contacts: [{ name: 'Grace Mollel', title: 'Head of Facilities', email: 'grace.mollel@arushahealth.example' }],
  missing: [],
  unreadContactDetails: ['role'],
};

/** The lead-en form as another record: same layout and values, its own name. */
function leadEnLayout(name: string): Extraction {
  return { ...LEAD_EN, name, fields: LEAD_EN.fields.map((field) => (field.apiName === 'name' ? { ...field, value: name } : field)) };
}

/** People in a list read by column; the customer is a company, and only the active notebook page (the list) is rendered. */
const KILIMANJARO: Extraction = (() => {
  const layout = leadEnLayout('Kilimanjaro coffee union – solar dryers');
  const shown: Record<string, string> = { partner_id: 'Kilimanjaro Coffee Union', email_from: 'info@kcu.example' };
  return {
    ...layout,
    account: 'Kilimanjaro Coffee Union',
    fields: layout.fields.slice(0, 11).map((field) => ({ ...field, value: shown[field.apiName ?? ''] ?? field.value })),
    contacts: [
      { name: 'Esther Mushi', title: 'Procurement Manager', email: 'e.mushi@kcu.example' },
      { name: 'Joseph Lyimo', title: 'Operations Director', email: 'j.lyimo@kcu.example' },
      { name: 'Neema Swai', title: 'Finance Officer', email: 'n.swai@kcu.example' },
    ],
  };
})();

const EXPECTED: Record<string, FixtureExpectation> = {
  'lead-en.html': { ref: LEAD_REF, extraction: LEAD_EN },
  'lead-second-en.html': {
    ref: { objectType: 'crm.lead', recordId: '43' },
    extraction: {
      name: 'Dodoma Water Utility – Pumping Station Solarisation',
      stage: 'Proposition',
      amount: { text: '120,000.00 €', value: 120_000, currency: 'EUR' },
      closeDate: '01/15/2027',
      owner: 'Amara Okafor',
      account: 'Dodoma Water Utility',
      fields: [
        f('Opportunity', 'Dodoma Water Utility – Pumping Station Solarisation', 'name'),
        f('Expected Revenue', '120,000.00 €', 'expected_revenue'),
        f('Probability', '60.00', 'probability'),
        f('Customer', 'Dodoma Water Utility, Neema Kileo', 'partner_id'),
        f('Email', 'n.kileo@dodomawater.example', 'email_from'),
        f('Phone', '+255 26 232 1500', 'phone'),
        f('Salesperson', 'Amara Okafor', 'user_id'),
        f('Sales Team', 'Europe', 'team_id'),
        f('Expected Closing', '01/15/2027', 'date_deadline'),
        f('Priority', '', 'priority'),
        f('Tags', 'Water', 'tag_ids'),
      ],
      // The customer is a contact person of a company; the Extra Info tab (contact name, job) is not rendered.
      contacts: [{ name: 'Neema Kileo', email: 'n.kileo@dodomawater.example' }],
      missing: [],
      unreadContactDetails: ['title', 'role'],
    },
  },
  'lead-zh.html': {
    ref: { objectType: 'crm.lead', recordId: '44' },
    extraction: {
      name: '坦桑尼亚电网 – 变电站储能',
      stage: '提案',
      amount: { text: '¥ 2,600,000.00', value: 2_600_000 },
      closeDate: '2027年03月31日',
      owner: '王芳',
      account: '坦桑尼亚电网公司',
      fields: [
        f('商机', '坦桑尼亚电网 – 变电站储能', 'name'),
        f('预期收入', '¥ 2,600,000.00', 'expected_revenue'),
        f('概率', '50.00', 'probability'),
        f('客户', '坦桑尼亚电网公司, 陈静', 'partner_id'),
        f('电子邮件', 'chen.jing@tzgrid.example', 'email_from'),
        f('电话', '+255 22 245 1185', 'phone'),
        f('销售员', '王芳', 'user_id'),
        f('销售团队', '销售', 'team_id'),
        f('预计结束', '2027年03月31日', 'date_deadline'),
        f('优先级', '', 'priority'),
        f('标签', '储能', 'tag_ids'),
        f('公司名称', '坦桑尼亚电网公司', 'partner_name'),
        f('联系人姓名', '陈静', 'contact_name'),
        f('工作岗位', '采购经理', 'function'),
        f('手机', '', 'mobile'),
        f('营销活动', '', 'campaign_id'),
        f('来源', '', 'source_id'),
      ],
      // The partner's person and the contact name are one person: one contact with the job position.
      contacts: [{ name: '陈静', title: '采购经理', email: 'chen.jing@tzgrid.example' }],
      missing: [],
      unreadContactDetails: ['role'],
    },
  },
  'lead-half-loaded.html': {
    ref: { objectType: 'crm.lead', recordId: '45' },
    extraction: {
      name: 'Zanzibar resort – rooftop PV quote',
      owner: 'Amara Okafor',
      fields: [
        f('Opportunity', 'Zanzibar resort – rooftop PV quote', 'name'),
        f('Expected Revenue', '', 'expected_revenue'),
        f('Probability', '10.00', 'probability'),
        f('Customer', '', 'partner_id'),
        f('Email', '', 'email_from'),
        f('Phone', '', 'phone'),
        f('Salesperson', 'Amara Okafor', 'user_id'),
        f('Sales Team', 'Sales', 'team_id'),
        f('Expected Closing', '', 'date_deadline'),
        f('Priority', '', 'priority'),
        f('Tags', '', 'tag_ids'),
      ],
      contacts: [],
      missing: ['stage', 'amount', 'closeDate', 'account'],
    },
  },
  // Recognised as res.partner, which the adapter does not read: the caller reports "unsupported-object".
  'partner-contact.html': { ref: { objectType: 'res.partner', recordId: '7' }, extraction: null },
  'lead-legacy-url.html': {
    ref: { objectType: 'crm.lead', recordId: '46' },
    extraction: {
      name: 'Borehole pumps for Shinyanga co-op',
      stage: 'Qualified',
      amount: { text: '$ 36,500.00', value: 36_500, currency: 'USD', currencyAssumed: true },
      closeDate: '05/31/2027',
      owner: 'Amara Okafor',
      account: 'Shinyanga Agro Co-op',
      fields: [
        f('Opportunity', 'Borehole pumps for Shinyanga co-op', 'name'),
        f('Expected Revenue', '$ 36,500.00', 'expected_revenue'),
        f('Customer', 'Shinyanga Agro Co-op, Daudi Masanja', 'partner_id'),
        f('Email', 'd.masanja@shinyanga-agro.example', 'email_from'),
        f('Phone', '+255 28 276 2210', 'phone'),
        f('Salesperson', 'Amara Okafor', 'user_id'),
        f('Sales Team', 'Sales', 'team_id'),
        f('Expected Closing', '05/31/2027', 'date_deadline'),
        f('Tags', 'Irrigation', 'tag_ids'),
      ],
      contacts: [{ name: 'Daudi Masanja', email: 'd.masanja@shinyanga-agro.example' }],
      missing: [],
      unreadContactDetails: ['title', 'role'],
    },
  },
  // A future release: recognised from the URL, but no form view is found (the caller reports "record-not-rendered").
  'lead-renamed-classes.html': { ref: { objectType: 'crm.lead', recordId: '47' }, extraction: null },
  // 16.0: the current stage is .btn-primary with aria-checked / aria-current, no o_arrow_button_current.
  'lead-16-0.html': { ref: { objectType: 'crm.lead', recordId: '48' }, extraction: leadEnLayout('Mwanza fish market – cold room solar') },
  // 18 in a narrow window: the stage buttons are hidden, the current one is still marked.
  'lead-18-narrow.html': { ref: { objectType: 'crm.lead', recordId: '49' }, extraction: leadEnLayout('Moshi hospital – backup power audit') },
  'lead-contacts-table.html': { ref: { objectType: 'crm.lead', recordId: '50' }, extraction: KILIMANJARO },
};

// --- Finding the record in view ------------------------------------------------------------

describe('findRecordRoot', () => {
  const dialog = '<div class="o_dialog"><div class="modal d-block"><div class="modal-content"><div class="o_form_view o_view_controller"><div name="name" class="o_field_widget"><input class="o_input" value="Quick create"></div></div></div></div></div>';

  it('leaves a dialog form alone and reads the action behind it', () => {
    const doc = load('lead-en.html');
    doc.body.insertAdjacentHTML('afterbegin', dialog);
    const root = findOdooRecordRoot(doc, LEAD_REF);
    expect(root?.getAttribute('data-fixture-view')).toBe('lead-en');
    expect(odooAdapter.extract(root!, LEAD_REF)).toStrictEqual(LEAD_EN);
  });

  it('does not take a dialog form for the record when the action shows no form', () => {
    const doc = load('lead-en.html');
    doc.querySelector('.o_action_manager')!.replaceChildren();
    doc.body.insertAdjacentHTML('beforeend', dialog);
    expect(findOdooRecordRoot(doc, LEAD_REF)).toBeNull();
  });

  it('skips a hidden form, and a crm.lead form where the URL names another model', () => {
    const hidden = load('lead-en.html');
    hidden.querySelector<HTMLElement>('.o_form_view')!.style.display = 'none';
    expect(findOdooRecordRoot(hidden, LEAD_REF)).toBeNull();
    expect(findOdooRecordRoot(load('lead-en.html'), { objectType: 'res.partner', recordId: '42' })).toBeNull();
  });

  it('returns null while no form is in the page', () => {
    const doc = loadHtml('<!doctype html><html><body class="o_web_client"><div class="o_action_manager"><div class="o_kanban_view o_action"></div></div></body></html>');
    expect(findOdooRecordRoot(doc, LEAD_REF)).toBeNull();
  });
});

// --- Parts and fallbacks ---------------------------------------------------------------------

describe('extract: parts and fallbacks', () => {
  const rootOf = (doc: Document) => findOdooRecordRoot(doc, LEAD_REF)!;

  it('reads input values as properties, as Odoo sets them', () => {
    const doc = load('lead-en.html');
    (doc.querySelector('#user_id_0') as HTMLInputElement).value = 'Neema Kileo';
    (doc.querySelector('#expected_revenue_0') as HTMLInputElement).value = '52,500.00';
    const extraction = odooAdapter.extract(rootOf(doc), LEAD_REF);
    expect(extraction.owner).toBe('Neema Kileo');
    expect(extraction.amount).toEqual({ text: '$ 52,500.00', value: 52_500, currency: 'USD', currencyAssumed: true });
  });

  it('takes the current stage by aria-checked when the class is gone', () => {
    const doc = load('lead-en.html');
    doc.querySelector('.o_arrow_button_current')!.classList.remove('o_arrow_button_current');
    expect(odooAdapter.extract(rootOf(doc), LEAD_REF).stage).toBe('Qualified');
  });

  it('finds parts by label when the field name is unknown, and the name in the breadcrumb', () => {
    const doc = load('lead-en.html');
    doc.querySelector('div[name="user_id"]')!.setAttribute('name', 'x_studio_owner');
    doc.querySelector('div[name="name"]')!.remove();
    const extraction = odooAdapter.extract(rootOf(doc), LEAD_REF);
    expect(extraction.owner).toBe('Amara Okafor');
    expect(extraction.name).toBe('Solar microgrid for Arusha clinic network');
  });

  it('lists a contact person of the customer and a different contact name as two contacts', () => {
    const doc = load('lead-en.html');
    (doc.querySelector('#partner_id_0') as HTMLInputElement).value = 'Arusha Health Network, Joseph Laizer';
    const extraction = odooAdapter.extract(rootOf(doc), LEAD_REF);
    expect(extraction.account).toBe('Arusha Health Network');
    expect(extraction.contacts).toStrictEqual([
      { name: 'Joseph Laizer', email: 'grace.mollel@arushahealth.example' },
      { name: 'Grace Mollel', title: 'Head of Facilities' },
    ]);
  });

  it('reads a select, a checkbox and a read-only widget', () => {
    const doc = loadHtml(`<div><div name="a" class="o_field_widget"><select><option>One</option><option selected>Two</option></select></div>
      <div name="b" class="o_field_widget o_field_boolean"><input type="checkbox" checked></div>
      <span name="c" class="o_field_widget"><a class="o_form_uri"><span>Read only</span></a></span></div>`);
    const [a, b, c] = Array.from(doc.querySelectorAll('.o_field_widget'));
    expect([widgetValue(a!), widgetValue(b!), widgetValue(c!)]).toEqual(['Two', 'true', 'Read only']);
  });

  it('leaves out fields nested in another field (x2many rows) and hidden ≤15 fields', () => {
    const doc = load('lead-en.html');
    doc.querySelector('div[name="tag_ids"]')!.insertAdjacentHTML('beforeend', '<div name="color" class="o_field_widget"><input id="color_0" value="3"></div>');
    doc.querySelector('.o_group .o_inner_group')!.insertAdjacentHTML('beforeend', '<div class="o_wrap_field"><label class="o_form_label" for="color_0">Color</label></div>');
    expect(odooAdapter.extract(rootOf(doc), LEAD_REF).fields.map((x) => x.apiName)).not.toContain('color');
    const legacy = load('lead-legacy-url.html');
    expect(legacy.querySelector('[name="lost_reason"]')).not.toBeNull();
    expect(extractOdooRecord(findOdooRecordRoot(legacy, LEAD_REF)!).fields.map((x) => x.label)).not.toContain('Lost Reason');
  });

  it('reports every part missing, without throwing, on a future markup', () => {
    const doc = load('lead-renamed-classes.html');
    expect(findOdooRecordRoot(doc, { objectType: 'crm.lead', recordId: '47' })).toBeNull();
    expect(odooAdapter.extract(doc.body, LEAD_REF)).toStrictEqual({ fields: [], contacts: [], missing: ALL_MISSING });
  });
});

// --- Known variants ----------------------------------------------------------------------------

describe('known variants', () => {
  const extractOf = (file: string, doc = load(file)) => read(file, doc).extraction!;

  it('finds the current stage by aria-current="step" when neither the class nor aria-checked marks it', () => {
    const file = 'lead-18-narrow.html';
    const doc = load(file);
    const current = doc.querySelector('.o_statusbar_status .o_arrow_button_current')!;
    expect(current.classList.contains('d-none')).toBe(true); // hidden in a narrow window, still read
    current.classList.remove('o_arrow_button_current');
    current.removeAttribute('aria-checked');
    current.removeAttribute('role');
    expect(extractOf(file, doc).stage).toBe('Qualified');
    current.removeAttribute('aria-current');
    expect(extractOf(file, doc).missing).toContain('stage');
  });

  it('reads 16.0’s current stage without o_arrow_button_current', () => {
    const doc = load('lead-16-0.html');
    expect(doc.querySelector('.o_arrow_button_current')).toBeNull();
    expect(extractOf('lead-16-0.html', doc).stage).toBe('Qualified');
  });

  it('reads people from a list by column: field names in 17+, header labels by position in 16 and ≤15', () => {
    const file = 'lead-contacts-table.html';
    const doc = load(file);
    for (const cell of Array.from(doc.querySelectorAll('td.o_data_cell'))) cell.removeAttribute('name');
    expect(extractOf(file, doc).contacts).toStrictEqual(KILIMANJARO.contacts);
    // Without field names the headers decide: swap Job Position and Email and the values follow.
    const [, job, email] = Array.from(doc.querySelectorAll('thead th[data-name] span.d-block'));
    [job!.textContent, email!.textContent] = [email!.textContent, job!.textContent];
    expect(extractOf(file, doc).contacts[0]).toStrictEqual({ name: 'Esther Mushi', title: 'e.mushi@kcu.example', email: 'Procurement Manager' });
  });

  it('leaves lists that are not of people alone', () => {
    const file = 'lead-contacts-table.html';
    const doc = load(file);
    const headers = Array.from(doc.querySelectorAll('thead th[data-name]'));
    const product = ['product_id', 'name', 'product_uom_qty', 'price_unit'];
    headers.forEach((header, i) => {
      header.setAttribute('data-name', product[i]!);
      header.querySelector('span')!.textContent = ['Product', 'Description', 'Quantity', 'Unit Price'][i]!;
    });
    doc.querySelectorAll('tr.o_data_row').forEach((row) => row.querySelectorAll('td.o_data_cell').forEach((cell, i) => cell.setAttribute('name', product[i]!)));
    expect(extractOf(file, doc).contacts).toEqual([]);
  });

  it('merges a person of the list with the customer’s contact person', () => {
    const file = 'lead-contacts-table.html';
    const doc = load(file);
    (doc.querySelector('#partner_id_0') as HTMLInputElement).value = 'Kilimanjaro Coffee Union, Esther Mushi';
    const contacts = extractOf(file, doc).contacts;
    expect(contacts.filter((contact) => contact.name === 'Esther Mushi')).toStrictEqual([
      { name: 'Esther Mushi', email: 'info@kcu.example', title: 'Procurement Manager' },
    ]);
    expect(contacts).toHaveLength(3);
  });
});

// --- Hostile content ---------------------------------------------------------------------------

describe('hostile content', () => {
  it('ignores field names and label targets that are not names', () => {
    const doc = load('lead-en.html');
    doc.querySelector('div[name="phone"]')!.setAttribute('name', 'phone"] , *[x="');
    doc.querySelector('label[for="phone_0"]')!.setAttribute('for', '"]*{}');
    const fields = odooAdapter.extract(findOdooRecordRoot(doc, LEAD_REF)!, LEAD_REF).fields;
    expect(fields.map((x) => x.label)).not.toContain('Phone');
    expect(fields).toHaveLength(LEAD_EN.fields.length - 1);
  });

  it('does not fail on a throwing document when asking it for its model', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile');
        },
      },
    ) as unknown as Document;
    expect(odooModelOnPage(throwing)).toBeUndefined();
  });

  it('never throws on garbage documents', () => {
    const pieces = fc.constantFrom(
      '<div class="o_action_manager">',
      '<div class="o_form_view o_action o_lead_opportunity_form">',
      '<div class="modal">',
      '<div name="stage_id" class="o_field_widget">',
      '<div class="o_statusbar_status">',
      '<button class="o_arrow_button o_arrow_button_current">',
      '<div name="expected_revenue" class="o_field_widget">',
      '<span class="o_monetary_ghost_value">',
      '<input value="1,000.00">',
      '<select><option>',
      '<label class="o_form_label" for="partner_id_0">',
      '<label class="o_form_label" for="">',
      '<div name="" class="o_field_widget">',
      '<span class="o_tag">',
      '<table><tr><td>',
      '<div class="o_field_x2many_list"><table class="o_list_table"><thead><tr><th data-name="name">Name</th><th data-name="email">',
      '<tr class="o_data_row"><td name="email">',
      '<td colspan="99">',
      '</div>',
      '<sup>?</sup>',
      '<!--',
      '"\'><',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 20 })), { maxLength: 40 }), (parts) => {
        const doc = loadHtml(`<!doctype html><html><body>${parts.join('')}</body></html>`);
        const root = findOdooRecordRoot(doc, LEAD_REF) ?? doc.body;
        expect(Array.isArray(odooAdapter.extract(root, LEAD_REF).missing)).toBe(true);
        expect(() => recognizeOdooPage(new URL('https://acme.odoo.com/odoo/action-9/1'), doc)).not.toThrow();
      }),
      { numRuns: 60 },
    );
  });
});

// --- Selector variants: expected matches per fixture (Refined GitHub style) ---------------

// Counted over the whole document (light DOM; Odoo uses no shadow roots).
// Columns follow fixtures.json:
//   en, second-en, zh, half-loaded, partner-contact, legacy-url, renamed-classes, 16-0, 18-narrow, contacts-table
const SELECTOR_COUNTS: Record<string, number[]> = {
  'formView.0': [1, 1, 1, 1, 1, 0, 0, 1, 1, 1], // 16+: the form is the action
  'formView.1': [1, 1, 1, 1, 1, 1, 0, 1, 1, 1], // ≤15: .o_action > .o_content > .o_form_view
  'form.0': [1, 1, 1, 1, 1, 1, 0, 1, 1, 1],
  'action.0': [1, 1, 1, 1, 1, 1, 0, 1, 1, 1],
  'invisible.0': [0, 0, 0, 0, 0, 3, 0, 0, 0, 0], // ≤15 only: label cell, label and widget of Lost Reason
  'dialog.0': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // dialogs: built in the tests
  'dialog.1': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'crmLeadForm.0': [1, 1, 1, 1, 0, 1, 0, 1, 1, 1],
  'breadcrumbCurrent.0': [1, 1, 1, 1, 1, 0, 0, 1, 1, 1],
  'breadcrumbCurrent.1': [0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
  'fieldWidget.0': [19, 13, 19, 12, 9, 12, 0, 19, 19, 13], // contacts-table: Extra Info not rendered, the list's field counts
  'fieldLabel.0': [17, 11, 17, 11, 6, 10, 0, 17, 17, 11],
  'statusbar.0': [1, 1, 1, 0, 0, 1, 0, 1, 1, 1], // not rendered yet in the half-loaded form
  'statusCurrent.0': [1, 1, 1, 0, 0, 0, 0, 0, 1, 1], // 16.0 and ≤15 have no o_arrow_button_current
  'statusCurrent.1': [1, 1, 1, 0, 0, 1, 0, 1, 1, 1],
  'statusCurrent.2': [1, 1, 1, 0, 0, 1, 0, 1, 1, 1], // aria-current="step" in every version with a status bar
  'statusCurrent.3': [0, 0, 0, 0, 0, 1, 0, 1, 0, 0], // ≤15 and 16.0 btn-primary
  'tag.0': [2, 1, 1, 0, 1, 0, 0, 2, 2, 2],
  'tag.1': [2, 1, 1, 0, 1, 1, 0, 2, 2, 2],
  'x2manyTable.0': [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
  'listRow.0': [0, 0, 0, 0, 0, 0, 0, 0, 0, 3], // not the "Add a line" or filler rows
  'listHeader.0': [0, 0, 0, 0, 0, 0, 0, 0, 0, 4],
  'monetaryGhost.0': [1, 1, 1, 1, 0, 0, 0, 1, 1, 1], // 17+ editable monetary; ≤15 read-only shows text
};

// --- The contract every adapter keeps (testing/contract.ts) --------------------------------

const CUSTOMER = 'Arusha Health Network';

/** Sets the value of the form control `selector` matches, as Odoo's widgets do. */
const writeValue =
  (selector: string, valueOf = (text: string) => text) =>
  (doc: Document, text: string) => {
    doc.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!.value = valueOf(text);
  };

describeAdapterContract({
  crm: 'odoo',
  adapter: odooAdapter,
  fixtures,
  expectedFiles: [
    'lead-en.html',
    'lead-second-en.html',
    'lead-zh.html',
    'lead-half-loaded.html',
    'partner-contact.html',
    'lead-legacy-url.html',
    'lead-renamed-classes.html',
    'lead-16-0.html',
    'lead-18-narrow.html',
    'lead-contacts-table.html',
  ],
  host: 'acme.odoo.com',
  // Legacy /web fixtures differ by their query alone: the server does not see the hash.
  pathPattern: (fixture) => parseOdooUrl(urlOf(fixture.file)) !== null,
  servedPath: (path) => path.split('#')[0]!,
  referencePattern: /<!--[\s\S]*odoo\/odoo[\s\S]*community[\s\S]*-->/,
  expectations: EXPECTED,
  // The root is the fixture's own action, with its breadcrumbs.
  rootMatches: '[data-fixture-view]',
  hostile: {
    file: 'lead-en.html',
    ref: LEAD_REF,
    slots: [
      { name: 'lead title', write: writeValue('#name_0'), read: slotReads.name },
      {
        // A customer that is a person shows as "Company, Person"; the whole text is cut before it is split.
        name: 'customer contact',
        write: writeValue('#partner_id_0', (text) => `${CUSTOMER}, ${text}`),
        read: slotReads.contact(0),
        cutTo: MAX_TEXT - `${CUSTOMER}, `.length,
      },
      {
        // The monetary widget shows the currency symbol beside the input.
        name: 'expected revenue',
        write: writeValue('#expected_revenue_0'),
        read: slotReads.amount,
        readsAs: (text) => `$ ${text}`,
        longText: '9'.repeat(50_000),
      },
    ],
    contacts: {
      file: 'lead-contacts-table.html',
      grow(doc, count) {
        const row = doc.querySelector('tr.o_data_row')!;
        for (let i = 0; i < count; i += 1) {
          const clone = row.cloneNode(true) as Element;
          clone.querySelector('td[name="name"]')!.textContent = `Person ${i}`;
          row.parentElement!.appendChild(clone);
        }
      },
    },
    fields: {
      grow(doc, count) {
        const group = doc.querySelector('.o_group .o_inner_group')!;
        for (let i = 0; i < count; i += 1) {
          group.insertAdjacentHTML(
            'beforeend',
            `<div class="o_wrap_field"><label class="o_form_label" for="x_f${i}_0">F${i}</label><div name="x_f${i}" class="o_field_widget"><input id="x_f${i}_0" value="${i}"></div></div>`,
          );
        }
      },
    },
  },
  selectors: odooSelectors,
  selectorCounts: SELECTOR_COUNTS,
});
