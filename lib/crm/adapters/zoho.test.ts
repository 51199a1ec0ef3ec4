// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '@/lib/crm/adapter';
import { ZOHO_MATCHES } from '@/lib/crm/hosts';
import { extractZohoRecord, findZohoRecordRoot, recognizeZohoUrl, zohoAdapter } from './zoho';
import { zohoSelectors } from './zoho.selectors';
import { describeAdapterContract, slotReads, writeText, type FixtureExpectation } from './testing/contract';
import { fixturesOf } from './testing/fixtures';

// --- Fixtures ------------------------------------------------------------------------

const fixtures = fixturesOf('zoho');
const { urlOf, load, loadHtml } = fixtures;

const f = (label: string, value: string, apiName?: string) => (apiName ? { label, value, apiName } : { label, value });
const ALL_MISSING = ['name', 'stage', 'amount', 'closeDate', 'owner', 'account'];
const DEAL_EN_REF = { objectType: 'Potentials', recordId: '5123450000000123001' };

// --- URLs ------------------------------------------------------------------------------

describe('recognize', () => {
  const at = (href: string) => recognizeZohoUrl(new URL(href));
  const deal = (recordId: string) => ({ objectType: 'Potentials', recordId });

  it.each(['com', 'eu', 'in', 'com.au', 'com.cn', 'jp', 'ca'])('reads a deal on crm.zoho.%s', (tld) => {
    expect(at(`https://crm.zoho.${tld}/crm/org12345678/tab/Potentials/5123450000000123001`)).toEqual(deal('5123450000000123001'));
  });

  it('reads the URL without an org, with a trailing slash, a query or a fragment', () => {
    const base = 'https://crm.zoho.com';
    expect(at(`${base}/crm/tab/Potentials/5123450000000123001`)).toEqual(deal('5123450000000123001'));
    expect(at(`${base}/crm/org12345678/tab/Potentials/5123450000000123001/`)).toEqual(deal('5123450000000123001'));
    expect(at(`${base}/crm/org12345678/tab/Potentials/5123450000000123001?sub_module=Contacts#notes`)).toEqual(deal('5123450000000123001'));
  });

  it('reads sub-views of the record page', () => {
    const base = 'https://crm.zoho.com/crm/org12345678/tab/Potentials/5123450000000123001';
    expect(at(`${base}/timeline`)).toEqual(deal('5123450000000123001'));
    expect(at(`${base}/related/Contacts`)).toEqual(deal('5123450000000123001'));
  });

  it('recognises other modules so the caller can report them as unsupported', () => {
    const base = 'https://crm.zoho.eu/crm/org20087654';
    for (const module of ['Accounts', 'Contacts', 'Leads', 'CustomModule4']) {
      const ref = at(`${base}/tab/${module}/5123450000000456001`);
      expect(ref).toEqual({ objectType: module, recordId: '5123450000000456001' });
      expect(zohoAdapter.objectTypes).not.toContain(ref?.objectType);
    }
  });

  it.each([
    ['list view', '/crm/org12345678/tab/Potentials/custom-view/5123450000000087501/list'],
    ['module home', '/crm/org12345678/tab/Potentials'],
    ['create page', '/crm/org12345678/tab/Potentials/create'],
    ['edit form', '/crm/org12345678/tab/Potentials/5123450000000123001/edit'],
    ['clone form', '/crm/org12345678/tab/Potentials/5123450000000123001/clone'],
    ['non-numeric id', '/crm/org12345678/tab/Potentials/5123450000000abc001'],
    ['id too short', '/crm/org12345678/tab/Potentials/12345'],
    ['id too long', `/crm/org12345678/tab/Potentials/${'1'.repeat(26)}`],
    ['module with punctuation', '/crm/org12345678/tab/Pot-entials/5123450000000123001'],
    ['org that is not a number', '/crm/orgacme/tab/Potentials/5123450000000123001'],
    ['no tab segment', '/crm/org12345678/Potentials/5123450000000123001'],
    ['home', '/crm/org12345678/tab/Home/begin'],
    ['settings', '/crm/org12345678/settings/modules/Potentials'],
    ['not under /crm', '/tab/Potentials/5123450000000123001'],
    ['root', '/'],
  ])('returns null for %s', (_, path) => {
    expect(at(`https://crm.zoho.com${path}`)).toBeNull();
  });

  it('is the adapter registered for the Zoho data centres', () => {
    expect(zohoAdapter).toMatchObject({ id: 'zoho', label: 'Zoho CRM', objectTypes: ['Potentials'] });
    expect(zohoAdapter.matches).toEqual(ZOHO_MATCHES);
    expect(zohoAdapter.recognize).toBe(recognizeZohoUrl);
  });
});

// --- The fixtures ----------------------------------------------------------------------

const DEAL_EN: Extraction = {
  name: 'Kilimanjaro Breweries – Cold Chain Solar',
  stage: 'Needs Analysis',
  amount: { text: '$ 1,250,000.00', value: 1_250_000, currency: 'USD', currencyAssumed: true },
  closeDate: '03/31/2027',
  owner: 'Amara Okafor',
  account: 'Kilimanjaro Breweries Ltd',
  fields: [
    f('Deal Owner', 'Amara Okafor', 'SMOWNERID'),
    f('Deal Name', 'Kilimanjaro Breweries – Cold Chain Solar', 'POTENTIALNAME'),
    f('Account Name', 'Kilimanjaro Breweries Ltd', 'ACCOUNTID'),
    f('Type', 'New Business', 'POTENTIALTYPE'),
    f('Next Step', 'Energy audit of the Moshi bottling plant', 'NEXTSTEP'),
    f('Lead Source', 'Partner', 'LEADSOURCE'),
    f('Contact Name', 'Joseph Mwangi', 'CONTACTID'),
    f('Amount', '$ 1,250,000.00', 'AMOUNT'),
    f('Closing Date', '03/31/2027', 'CLOSINGDATE'),
    f('Stage', 'Needs Analysis', 'STAGE'),
    f('Probability (%)', '20', 'PROBABILITY'),
    f('Expected Revenue', '$ 250,000.00', 'EXPECTEDREVENUE'),
    f('Campaign Source', '', 'CAMPAIGNID'),
    f('Cold Rooms', '14', 'POTENTIALCF1'),
    f('Description', 'Replace diesel back-up on 14 cold rooms with solar and battery storage. Phase 1: Moshi plant.', 'DESCRIPTION'),
  ],
  contacts: [
    { name: 'Joseph Mwangi', title: 'Managing Director', role: 'Decision Maker', email: 'joseph.mwangi@kilibrew.example' },
    { name: 'Halima Said', title: 'Plant Engineer', role: 'Technical Evaluator', email: 'halima.said@kilibrew.example' },
    { name: 'Peter Kimaro', title: 'Procurement Officer', role: 'Purchasing' },
  ],
  missing: [],
};

const EXPECTED: Record<string, FixtureExpectation> = {
  'deal-en.html': { ref: DEAL_EN_REF, extraction: DEAL_EN },
  'deal-second-en.html': {
    ref: { objectType: 'Potentials', recordId: '5123450000000123002' },
    extraction: {
      name: 'Lake Victoria Fisheries – Ice Plant Retrofit',
      stage: 'Proposal/Price Quote',
      amount: { text: '€ 480,000.00', value: 480_000, currency: 'EUR' },
      closeDate: '01/15/2027',
      owner: 'Amara Okafor',
      account: 'Lake Victoria Fisheries',
      fields: [
        f('Deal Owner', 'Amara Okafor', 'SMOWNERID'),
        f('Deal Name', 'Lake Victoria Fisheries – Ice Plant Retrofit', 'POTENTIALNAME'),
        f('Account Name', 'Lake Victoria Fisheries', 'ACCOUNTID'),
        f('Type', 'Existing Business', 'POTENTIALTYPE'),
        f('Lead Source', 'Trade Show', 'LEADSOURCE'),
        f('Amount', '€ 480,000.00', 'AMOUNT'),
        f('Closing Date', '01/15/2027', 'CLOSINGDATE'),
        f('Stage', 'Proposal/Price Quote', 'STAGE'),
        f('Probability (%)', '75', 'PROBABILITY'),
        f('Description', 'Two ice plants in Mwanza move from grid-and-diesel to solar thermal.', 'DESCRIPTION'),
      ],
      contacts: [
        { name: 'Grace Achieng', title: 'Operations Director', role: 'Executive Sponsor', email: 'grace.achieng@lvfisheries.example' },
        { name: 'Samuel Otieno', title: 'Maintenance Lead', role: 'Technical Evaluator' },
      ],
      missing: [],
    },
  },
  'deal-zh.html': {
    ref: { objectType: 'Potentials', recordId: '5123450000000123003' },
    extraction: {
      name: '乞力马扎罗啤酒 – 冷链太阳能',
      stage: '需求分析',
      amount: { text: '¥ 8,000,000.00', value: 8_000_000 },
      closeDate: '2027/03/31',
      owner: '王芳',
      account: '乞力马扎罗啤酒有限公司',
      fields: [
        f('商机所有者', '王芳', 'SMOWNERID'),
        f('商机名称', '乞力马扎罗啤酒 – 冷链太阳能', 'POTENTIALNAME'),
        f('客户名称', '乞力马扎罗啤酒有限公司', 'ACCOUNTID'),
        f('类型', '新业务', 'POTENTIALTYPE'),
        f('下一步', '安排莫希工厂的能源审计', 'NEXTSTEP'),
        f('金额', '¥ 8,000,000.00', 'AMOUNT'),
        f('结束日期', '2027/03/31', 'CLOSINGDATE'),
        f('阶段', '需求分析', 'STAGE'),
        f('可能性 (%)', '20', 'PROBABILITY'),
        f('描述', '用太阳能和储能替换 14 个冷库的柴油备用电源。', 'DESCRIPTION'),
      ],
      contacts: [
        { name: '李明', title: '首席执行官', role: '决策者' },
        { name: '张伟', title: '工厂工程师', role: '技术评估者', email: 'zhang.wei@kilibrew.example' },
      ],
      missing: [],
    },
  },
  'deal-half-loaded.html': {
    ref: { objectType: 'Potentials', recordId: '5123450000000123004' },
    extraction: {
      name: 'Mombasa Port – Shore Power Study',
      closeDate: '08/31/2027',
      owner: 'Amara Okafor',
      account: 'Kenya Ports Authority',
      fields: [
        f('Deal Owner', 'Amara Okafor', 'SMOWNERID'),
        f('Deal Name', 'Mombasa Port – Shore Power Study', 'POTENTIALNAME'),
        f('Account Name', 'Kenya Ports Authority', 'ACCOUNTID'),
        f('Amount', '', 'AMOUNT'),
        f('Closing Date', '08/31/2027', 'CLOSINGDATE'),
      ],
      contacts: [],
      missing: ['stage', 'amount'],
    },
  },
  // Recognised as Accounts, which the adapter does not read: the caller reports "unsupported-object".
  'account-en.html': { ref: { objectType: 'Accounts', recordId: '5123450000000456001' }, extraction: null },
  // A future release: recognised from the URL, but no record view is found (the caller reports "record-not-rendered").
  'deal-renamed-classes.html': { ref: { objectType: 'Potentials', recordId: '5123450000000123005' }, extraction: null },
  // Contact Roles whose cells name no column: read by the position of the lyte-th header cells.
  'deal-contact-roles-by-column.html': {
    ref: { objectType: 'Potentials', recordId: '5123450000000123006' },
    extraction: {
      ...DEAL_EN,
      name: 'Serengeti Dairies – Milk Chilling Centres',
      account: 'Serengeti Dairies Ltd',
      fields: DEAL_EN.fields.map((field) => {
        const changed: Record<string, string> = {
          POTENTIALNAME: 'Serengeti Dairies – Milk Chilling Centres',
          ACCOUNTID: 'Serengeti Dairies Ltd',
          NEXTSTEP: 'Load survey at the Arusha collection centre',
          CONTACTID: 'Grace Wanjiru',
          DESCRIPTION: 'Solar-powered milk chilling for 14 village collection centres. Phase 1: Arusha region.',
        };
        const value = field.apiName ? changed[field.apiName] : undefined;
        return value ? { ...field, value } : field;
      }),
      contacts: [
        { name: 'Grace Wanjiru', title: 'Chief Operating Officer', role: 'Decision Maker', email: 'grace.wanjiru@serengeti-dairies.example' },
        // The role is still in the unrendered lyte-text's lt-prop-value.
        { name: 'Baraka Mollel', title: 'Refrigeration Engineer', role: 'Evaluator' },
        { name: 'Neema Lyimo', title: 'Finance Manager', role: 'Economic Buyer', email: 'neema.lyimo@serengeti-dairies.example' },
      ],
    },
  },
};

// --- Finding the record in view ------------------------------------------------------------

describe('findRecordRoot', () => {
  it('does not read the old view as the new record while the new one has not rendered', () => {
    // Right after in-app navigation the URL names the next record but the page still shows this one.
    const doc = load('deal-en.html');
    expect(findZohoRecordRoot(doc, { objectType: 'Potentials', recordId: '5123450000000123002' })).toBeNull();
    expect(findZohoRecordRoot(doc, DEAL_EN_REF)).not.toBeNull();
  });

  it('reads a view moved in from another page (in-app navigation)', () => {
    const doc = load('deal-en.html');
    const incoming = load('deal-second-en.html').querySelector('[data-fixture-view]')!;
    const current = doc.querySelector('[data-fixture-view]')!;
    current.replaceWith(doc.importNode(incoming, true));
    const ref = zohoAdapter.recognize(urlOf('deal-second-en.html'))!;
    const root = findZohoRecordRoot(doc, ref);
    expect(root?.closest('[data-fixture-view]')?.getAttribute('data-fixture-view')).toBe('deal-second-en');
    expect(zohoAdapter.extract(root!, ref)).toStrictEqual(EXPECTED['deal-second-en.html']?.extraction);
  });

  it('skips a hidden view', () => {
    const doc = load('deal-en.html');
    doc.querySelector<HTMLElement>('[data-fixture-view]')!.style.display = 'none';
    expect(findZohoRecordRoot(doc, DEAL_EN_REF)).toBeNull();
  });

  it('takes the header alone while the sections load, and the sections alone without a header', () => {
    const doc = load('deal-en.html');
    const sections = Array.from(doc.querySelectorAll('crux-detailpage-sections, crm-relatedlist'));
    for (const section of sections) section.remove();
    expect(findZohoRecordRoot(doc, DEAL_EN_REF)?.querySelector('#recHeader1')).not.toBeNull();
    const other = load('deal-en.html');
    other.querySelector('crux-detailpage-header')!.remove();
    const root = findZohoRecordRoot(other, DEAL_EN_REF);
    expect(root?.querySelectorAll('[data-zcqa^="secDiv_"]')).toHaveLength(3);
    expect(zohoAdapter.extract(root!, DEAL_EN_REF).name).toBe('Kilimanjaro Breweries – Cold Chain Solar'); // from the Deal Name field
  });

  it('returns null while no record view is in the page', () => {
    const doc = loadHtml('<!doctype html><html><body><main id="crmMainContent"><div class="skeleton"></div>Loading…</main></body></html>');
    expect(findZohoRecordRoot(doc, DEAL_EN_REF)).toBeNull();
  });
});

// --- Parts and fallbacks ---------------------------------------------------------------------

describe('extract: parts and fallbacks', () => {
  const rootOf = (doc: Document) => findZohoRecordRoot(doc, DEAL_EN_REF)!;

  it('finds parts by column name before the label, in any language', () => {
    const doc = load('deal-en.html');
    doc.querySelector('[data-zcqa="dtVw_lbl_STAGE"]')!.textContent = 'Phase';
    expect(zohoAdapter.extract(rootOf(doc), DEAL_EN_REF).stage).toBe('Needs Analysis');
  });

  it('finds parts by label when the page carries no field names', () => {
    const doc = load('deal-zh.html');
    for (const element of Array.from(doc.querySelectorAll('[data-zcqa^="dtVw_lbl_"]'))) element.removeAttribute('data-zcqa');
    const ref = zohoAdapter.recognize(urlOf('deal-zh.html'))!;
    const extraction = zohoAdapter.extract(findZohoRecordRoot(doc, ref)!, ref);
    expect(extraction).toMatchObject({ stage: '需求分析', owner: '王芳', account: '乞力马扎罗啤酒有限公司', closeDate: '2027/03/31', missing: [] });
    expect(extraction.fields.every((field) => field.apiName === undefined)).toBe(true);
  });

  it('accepts API names in ids (#label_Deal_Name / #value_Deal_Name) as the brief describes', () => {
    const doc = loadHtml(`<!doctype html><html><body><div id="dv"><div id="dv_title"><span id="headervalue_Deal_Name">Arusha Dairy – Chillers</span></div>
      <div id="secDiv_Deal_Information">
      <div id="mouseArea__Stage"><span id="label_Stage">Stage</span><span id="value_Stage">Qualification</span></div>
      <div id="mouseArea__Amount"><span id="label_Amount">Amount</span><span id="value_Amount">$ 90,000.00</span></div>
      <div id="mouseArea__Owner"><span id="label_Owner">Deal Owner</span><span id="value_Owner">Amara Okafor</span></div>
      </div></div></body></html>`);
    const extraction = zohoAdapter.extract(findZohoRecordRoot(doc, DEAL_EN_REF)!, DEAL_EN_REF);
    expect(extraction).toMatchObject({
      name: 'Arusha Dairy – Chillers',
      stage: 'Qualification',
      amount: { text: '$ 90,000.00', value: 90_000, currency: 'USD', currencyAssumed: true },
      owner: 'Amara Okafor',
      missing: ['closeDate', 'account'],
    });
    expect(extraction.fields.map((x) => x.apiName)).toEqual(['Stage', 'Amount', 'Owner']);
  });

  it('reads a Lyte text value from its attribute before the component has rendered its text', () => {
    const doc = load('deal-second-en.html');
    const stage = doc.querySelector('#subvalue_STAGE lyte-text')!;
    stage.textContent = '';
    const ref = zohoAdapter.recognize(urlOf('deal-second-en.html'))!;
    expect(zohoAdapter.extract(findZohoRecordRoot(doc, ref)!, ref).stage).toBe('Proposal/Price Quote');
  });

  it('reads contacts only from the Contact Roles list, not from other related lists', () => {
    const doc = load('deal-en.html');
    const roles = doc.querySelector('crm-related-list-view-header[related-module="Contacts"]')!;
    roles.closest('crm-relatedlist')!.remove();
    expect(zohoAdapter.extract(rootOf(doc), DEAL_EN_REF).contacts).toEqual([]); // the Products list is left alone
  });

  it('reports every part missing on an empty detail view', () => {
    const doc = loadHtml('<!doctype html><html><body><div class="cxDvHeaderParent"></div><div data-zcqa="secDiv_Deal_Information"></div></body></html>');
    expect(zohoAdapter.extract(findZohoRecordRoot(doc, DEAL_EN_REF)!, DEAL_EN_REF)).toStrictEqual({ fields: [], contacts: [], missing: ALL_MISSING });
  });

  it('reports every part missing, without throwing, on a future markup', () => {
    const doc = load('deal-renamed-classes.html');
    expect(findZohoRecordRoot(doc, zohoAdapter.recognize(urlOf('deal-renamed-classes.html'))!)).toBeNull();
    expect(zohoAdapter.extract(doc.body, DEAL_EN_REF)).toStrictEqual({ fields: [], contacts: [], missing: ALL_MISSING });
  });
});

// --- Hostile content ---------------------------------------------------------------------------

describe('hostile content', () => {
  it('ignores field keys that are not names (spaces, quotes, markup)', () => {
    const doc = load('deal-en.html');
    doc.querySelector('[data-zcqa="dtVw_lbl_STAGE"]')!.setAttribute('data-zcqa', 'dtVw_lbl_"><b>STAGE');
    const stage = zohoAdapter.extract(findZohoRecordRoot(doc, DEAL_EN_REF)!, DEAL_EN_REF).fields.find((x) => x.label === 'Stage');
    expect(stage).toStrictEqual({ label: 'Stage', value: 'Needs Analysis' });
  });

  it('reads a throwing element as a record with every part missing, through its record reader too', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile');
        },
      },
    ) as unknown as Element;
    expect(extractZohoRecord(throwing)).toStrictEqual({ fields: [], contacts: [], missing: ALL_MISSING });
  });

  it('never throws on garbage documents', () => {
    const pieces = fc.constantFrom(
      '<div class="cxDvHeaderParent">',
      '<span id="recHeader1">',
      '<div data-zcqa="secDiv_X">',
      '<div class="cxDvBcInfoFormRow">',
      '<div data-zcqa="dtVw_lbl_STAGE">',
      '<div class="cxDvInfoValue">',
      '<div id="mouseArea__AMOUNT">',
      '<span id="labelTD_">',
      '<span id="value_">',
      '<lyte-text lt-prop-value="x">',
      '<crm-related-list-view-header related-module="Contacts">',
      '<lyte-tbody><lyte-tr><lyte-td data-zcqa="value_listviewtable_Contact Role">',
      '<lyte-td data-zcqa="value_listviewtable_">',
      '<div cx-prop-record-id="1">',
      '<table><tbody><tr><td>',
      '</div>',
      '</span>',
      '<!--',
      '<template>',
      '<svg><foreignObject>',
      '"\'><',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 20 })), { maxLength: 40 }), (parts) => {
        const doc = loadHtml(`<!doctype html><html><body>${parts.join('')}</body></html>`);
        const root = findZohoRecordRoot(doc, DEAL_EN_REF) ?? doc.body;
        const extraction = zohoAdapter.extract(root, DEAL_EN_REF);
        expect(Array.isArray(extraction.missing)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

// --- Selector variants: expected matches per fixture (Refined GitHub style) ---------------

// Counted over the whole document (light DOM; Zoho uses no shadow roots).
// Columns follow fixtures.json:
//   en, second-en, zh, half-loaded, account-en, renamed-classes, contact-roles-by-column
const SELECTOR_COUNTS: Record<string, number[]> = {
  'recordTitle.0': [1, 0, 1, 1, 1, 0, 1], // CRUX header
  'recordTitle.1': [0, 0, 0, 0, 0, 0, 0], // #titlecard_ (no fixture yet)
  'recordTitle.2': [0, 1, 0, 0, 0, 0, 0], // older #headervalue_POTENTIALNAME
  'recordHeader.0': [1, 0, 1, 1, 1, 0, 1],
  'recordHeader.1': [0, 1, 0, 0, 0, 0, 0],
  'fieldSection.0': [3, 0, 3, 2, 2, 0, 3], // one per section column
  'fieldSection.1': [0, 2, 0, 0, 0, 0, 0],
  'sectionTitle.0': [2, 0, 2, 1, 1, 0, 2],
  'sectionTitle.1': [0, 2, 0, 0, 0, 0, 0],
  'fieldRow.0': [15, 0, 10, 5, 8, 0, 15],
  'fieldRow.1': [0, 10, 0, 0, 0, 0, 0],
  'fieldLabel.0': [15, 0, 10, 5, 8, 0, 15],
  'fieldLabel.1': [0, 10, 0, 0, 0, 0, 0],
  'fieldLabel.2': [15, 0, 10, 5, 8, 0, 15],
  'fieldLabel.3': [0, 0, 0, 0, 0, 0, 0], // [BRIEF] #label_{API name}: unverified, no fixture
  'fieldValue.0': [15, 0, 10, 5, 8, 0, 15],
  'fieldValue.1': [0, 10, 0, 0, 0, 0, 0],
  'fieldValue.2': [0, 10, 0, 0, 0, 0, 0],
  'recordIdHolder.0': [2, 1, 1, 0, 2, 0, 2],
  'relatedList.0': [2, 1, 1, 0, 2, 0, 2],
  'relatedRow.0': [5, 2, 2, 0, 2, 0, 5],
  'relatedRow.1': [0, 0, 0, 0, 0, 0, 0], // plain-table related lists (no fixture yet)
};

// --- The contract every adapter keeps (testing/contract.ts) --------------------------------

describeAdapterContract({
  crm: 'zoho',
  adapter: zohoAdapter,
  fixtures,
  expectedFiles: [
    'deal-en.html',
    'deal-second-en.html',
    'deal-zh.html',
    'deal-half-loaded.html',
    'account-en.html',
    'deal-renamed-classes.html',
    'deal-contact-roles-by-column.html',
  ],
  host: 'crm.zoho.com',
  pathPattern: /^\/crm\/org12345678\/tab\/(Potentials|Accounts)\/\d{19}$/,
  referencePattern: /<!--[\s\S]*CRUX[\s\S]*community-observed[\s\S]*-->/,
  expectations: EXPECTED,
  hostile: {
    file: 'deal-en.html',
    ref: DEAL_EN_REF,
    slots: [
      { name: 'record name', write: writeText('#recHeader1 crux-text-component'), read: slotReads.name },
      { name: 'Next Step', write: writeText('crux-text-component[data-zcqa="value_Next Step"]'), read: slotReads.field('NEXTSTEP') },
      { name: 'Description', write: writeText('crux-textarea-component'), read: slotReads.field('DESCRIPTION') },
      {
        name: 'amount',
        write: writeText('crux-currency-component[data-zcqa="value_Amount"]'),
        read: slotReads.amount,
        longText: `$ ${'9'.repeat(50_000)}`,
      },
    ],
    contacts: {
      grow(doc, count) {
        const body = doc.querySelector('crm-related-list-view-header[related-module="Contacts"] lyte-tbody')!;
        const row = body.querySelector('lyte-tr')!;
        for (let i = 0; i < count; i += 1) body.appendChild(row.cloneNode(true));
      },
    },
    fields: {
      grow(doc, count) {
        const column = doc.querySelector('.section_column_0')!;
        const field = column.querySelector('.cxDvBcInfoFormRow')!;
        for (let i = 0; i < count; i += 1) {
          const copy = field.cloneNode(true) as Element;
          copy.querySelector('[data-zcqa^="dtVw_lbl_"]')!.setAttribute('data-zcqa', `dtVw_lbl_POTENTIALCF${100 + i}`);
          column.appendChild(copy);
        }
      },
    },
  },
  selectors: zohoSelectors,
  selectorCounts: SELECTOR_COUNTS,
});
