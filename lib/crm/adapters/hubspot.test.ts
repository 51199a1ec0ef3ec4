// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Extraction } from '@/lib/crm/adapter';
import { MAX_TEXT } from '@/lib/crm/limits';
import { hubspotAdapter, hubspotObjectType, recognizeHubspotUrl } from './hubspot';
import { hubspotSelectors } from './hubspot.selectors';
import { describeAdapterContract, slotReads, writeText, type FixtureExpectation } from './testing/contract';
import { fixturesOf, type FixtureEntry } from './testing/fixtures';

// --- Fixtures ------------------------------------------------------------------------

const fixtures = fixturesOf('hubspot');
const { index: manifest, files: FILES, entry, loadHtml, readHtml } = fixtures;

// fixtures.json entries may name their own host (the EU data centre fixture); the shared
// loader's urlOf() only knows the index host, so the URL is computed here.
const hostOf = (file: string) => (entry(file) as FixtureEntry & { host?: string }).host ?? manifest.host;
const urlOf = (file: string) => new URL(`https://${hostOf(file)}${entry(file).path}`);
const load = (file: string) => loadHtml(readHtml(file), urlOf(file).href);

const viewOf = (element: Element | null | undefined) => element?.closest('[data-fixture-view]')?.getAttribute('data-fixture-view');
const f = (label: string, value: string, apiName?: string) => (apiName ? { label, value, apiName } : { label, value });

// --- URLs ------------------------------------------------------------------------------

describe('recognize', () => {
  const at = (href: string) => recognizeHubspotUrl(new URL(href));

  it('reads deal record pages on every HubSpot app host, the portal in the record id', () => {
    const ref = { objectType: 'deal', recordId: '2345678_9876543210' };
    expect(at('https://app.hubspot.com/contacts/2345678/record/0-3/9876543210')).toEqual(ref);
    expect(at('https://app.hubspot.com/contacts/2345678/record/0-3/9876543210/')).toEqual(ref);
    expect(at('https://app.hubspot.com/contacts/2345678/record/0-3/9876543210?interaction=note#activity')).toEqual(ref);
    expect(at('https://app-eu1.hubspot.com/contacts/2345678/record/0-3/9876543210')).toEqual(ref);
    expect(at('https://app-na2.hubspot.com/contacts/2345678/record/0-3/9876543210')).toEqual(ref);
  });

  it('keeps records of two portals apart', () => {
    expect(at('https://app.hubspot.com/contacts/111/record/0-3/42')?.recordId).toBe('111_42');
    expect(at('https://app.hubspot.com/contacts/222/record/0-3/42')?.recordId).toBe('222_42');
  });

  it('reads the older per-object URLs', () => {
    expect(at('https://app.hubspot.com/contacts/2345678/deal/9876543210')).toEqual({ objectType: 'deal', recordId: '2345678_9876543210' });
    expect(at('https://app.hubspot.com/contacts/2345678/deal/9876543210/')).toEqual({ objectType: 'deal', recordId: '2345678_9876543210' });
    expect(at('https://app.hubspot.com/contacts/2345678/company/5550001')).toEqual({ objectType: 'company', recordId: '2345678_5550001' });
    expect(at('https://app.hubspot.com/contacts/2345678/contact/701')).toEqual({ objectType: 'contact', recordId: '2345678_701' });
    expect(at('https://app.hubspot.com/contacts/2345678/ticket/88')).toEqual({ objectType: 'ticket', recordId: '2345678_88' });
  });

  it('recognises other objects so the caller can report them as unsupported', () => {
    const cases: [string, string][] = [
      ['0-1', 'contact'],
      ['0-2', 'company'],
      ['0-5', 'ticket'],
      ['0-7', 'object_0_7'],
      ['2-12345678', 'object_2_12345678'],
    ];
    for (const [typeId, objectType] of cases) {
      const ref = at(`https://app.hubspot.com/contacts/2345678/record/${typeId}/501`);
      expect(ref).toEqual({ objectType, recordId: '2345678_501' });
      expect(hubspotAdapter.objectTypes).not.toContain(ref?.objectType);
      expect(hubspotObjectType(typeId)).toBe(objectType);
    }
  });

  it('gives record ids and object types the snapshot schema accepts', () => {
    const ref = at('https://app.hubspot.com/contacts/999999999999/record/2-999999999999/999999999999999999999999');
    expect(ref?.recordId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(ref?.objectType).toMatch(/^[A-Za-z0-9_]{1,80}$/);
  });

  it.each([
    ['deals list view', 'https://app.hubspot.com/contacts/2345678/objects/0-3/views/all/list'],
    ['deals board', 'https://app.hubspot.com/contacts/2345678/deals/board/view/all/'],
    ['contacts home', 'https://app.hubspot.com/contacts/2345678'],
    ['record without id', 'https://app.hubspot.com/contacts/2345678/record/0-3/'],
    ['non-numeric record id', 'https://app.hubspot.com/contacts/2345678/record/0-3/abc'],
    ['non-numeric portal', 'https://app.hubspot.com/contacts/acme/record/0-3/9876543210'],
    ['malformed object type', 'https://app.hubspot.com/contacts/2345678/record/deal/9876543210'],
    ['record id too long', `https://app.hubspot.com/contacts/2345678/record/0-3/${'9'.repeat(25)}`],
    ['extra segment', 'https://app.hubspot.com/contacts/2345678/record/0-3/9876543210/edit'],
    ['unknown legacy object', 'https://app.hubspot.com/contacts/2345678/quote/12'],
    ['settings', 'https://app.hubspot.com/settings/2345678/properties'],
    ['marketing site', 'https://www.hubspot.com/contacts/2345678/record/0-3/9876543210'],
    ['look-alike host', 'https://app.hubspot.com.evil.example/contacts/2345678/record/0-3/9876543210'],
    ['plain http', 'http://app.hubspot.com/contacts/2345678/record/0-3/9876543210'],
  ])('returns null for %s', (_, href) => {
    expect(at(href)).toBeNull();
  });
});

// --- The fixtures ----------------------------------------------------------------------

describe('fixtures', () => {
  it('serves the EU fixture on its own host', () => {
    expect(FILES.map(hostOf).filter((host) => host !== 'app.hubspot.com')).toEqual(['app-eu1.hubspot.com']);
    expect(hostOf('deal-eu.html')).toBe('app-eu1.hubspot.com');
  });

});

const NORTHWIND: Extraction = {
  name: 'Northwind Logistics – Fleet Telematics Rollout',
  stage: 'Presentation scheduled',
  amount: { text: '$125,000.00', value: 125_000, currency: 'USD', currencyAssumed: true },
  closeDate: '03/31/2027',
  owner: 'Jordan Lee',
  account: 'Northwind Logistics',
  fields: [
    f('Deal name', 'Northwind Logistics – Fleet Telematics Rollout', 'dealname'),
    f('Deal stage', 'Presentation scheduled', 'dealstage'),
    f('Amount', '$125,000.00', 'amount'),
    f('Close date', '03/31/2027', 'closedate'),
    f('Deal owner', 'Jordan Lee', 'hubspot_owner_id'),
    f('Pipeline', 'Sales Pipeline', 'pipeline'),
    f('Deal type', 'New business', 'dealtype'),
    f('Priority', 'High', 'hs_priority'),
    f('Deal description', 'Telematics units and dispatch software for 240 trucks; phased rollout over 6 depots.', 'description'),
    f('Create date', '11/02/2026', 'createdate'),
  ],
  contacts: [
    { name: 'Maria Gonzalez', title: 'VP of Operations', email: 'maria.gonzalez@northwind.example' },
    { name: 'Tom Becker', title: 'Fleet Manager', email: 'tom.becker@northwind.example' },
    { name: 'Aisha Khan', title: 'Procurement Lead' },
  ],
  missing: [],
  unreadContactDetails: ['role'],
};

const CONTOSO: Extraction = {
  name: 'Contoso Pharma – Cold Chain Monitoring',
  stage: 'Contract sent',
  amount: { text: '$86,400.00', value: 86_400, currency: 'USD', currencyAssumed: true },
  closeDate: '01/15/2027',
  owner: 'Jordan Lee',
  account: 'Contoso Pharma',
  fields: [
    f('Deal name', 'Contoso Pharma – Cold Chain Monitoring', 'dealname'),
    f('Deal stage', 'Contract sent', 'dealstage'),
    f('Amount', '$86,400.00', 'amount'),
    f('Close date', '01/15/2027', 'closedate'),
    f('Deal owner', 'Jordan Lee', 'hubspot_owner_id'),
    f('Pipeline', 'Sales Pipeline', 'pipeline'),
    f('Deal type', 'Existing business', 'dealtype'),
    f('Priority', 'Medium', 'hs_priority'),
    f('Create date', '10/12/2026', 'createdate'),
  ],
  contacts: [
    { name: 'Lena Fischer', title: 'Head of Quality', email: 'lena.fischer@contoso-pharma.example' },
    { name: 'Raj Patel', title: 'IT Director', email: 'raj.patel@contoso-pharma.example' },
  ],
  missing: [],
  unreadContactDetails: ['role'],
};

const EXPECTED: Record<string, FixtureExpectation> = {
  'deal-en.html': { ref: { objectType: 'deal', recordId: '2345678_9876543210' }, extraction: NORTHWIND },
  'deal-second-en.html': { ref: { objectType: 'deal', recordId: '2345678_9876543211' }, extraction: CONTOSO },
  'deal-zh.html': {
    ref: { objectType: 'deal', recordId: '2345678_9876543212' },
    extraction: {
      name: '华东冷链物流 – 车队远程监控',
      stage: '已安排演示',
      // "¥" names no currency (JPY or CNY); the deal currency code property does.
      amount: { text: '¥8,000,000.00', value: 8_000_000, currency: 'CNY' },
      closeDate: '2027年3月31日',
      owner: '王芳',
      account: '华东冷链物流有限公司',
      fields: [
        f('交易名称', '华东冷链物流 – 车队远程监控', 'dealname'),
        f('交易阶段', '已安排演示', 'dealstage'),
        f('金额', '¥8,000,000.00', 'amount'),
        f('货币', 'CNY', 'deal_currency_code'),
        f('成交日期', '2027年3月31日', 'closedate'),
        f('交易所有者', '王芳', 'hubspot_owner_id'),
        f('管道', '销售管道', 'pipeline'),
        f('交易类型', '新业务', 'dealtype'),
        f('创建日期', '2026年11月2日', 'createdate'),
      ],
      contacts: [
        { name: '李明', title: '运营副总裁' },
        { name: '张伟', title: '车队经理', email: 'zhang.wei@hdcold.example' },
      ],
      missing: [],
      unreadContactDetails: ['role'],
    },
  },
  'deal-half-loaded.html': {
    ref: { objectType: 'deal', recordId: '2345678_9876543213' },
    extraction: {
      name: 'Fabrikam Retail – Store Sensors Pilot',
      amount: { text: '$42,000.00', value: 42_000, currency: 'USD', currencyAssumed: true },
      fields: [
        f('Deal name', 'Fabrikam Retail – Store Sensors Pilot', 'dealname'),
        f('Amount', '$42,000.00', 'amount'),
        f('Close date', '', 'closedate'),
        f('Deal stage', ''),
        f('Deal owner', '', 'hubspot_owner_id'),
      ],
      contacts: [],
      missing: ['stage', 'closeDate', 'owner', 'account'],
    },
  },
  // Recognised as a company, which the adapter does not read: the caller reports "unsupported-object".
  'company-en.html': { ref: { objectType: 'company', recordId: '2345678_5550001' }, extraction: null },
  'deal-eu.html': {
    ref: { objectType: 'deal', recordId: '26012345_31415926535' },
    extraction: {
      name: 'Rheinland Energie – Smart Meter Gateways',
      stage: 'Decision maker bought-in',
      amount: { text: '€480,000.00', value: 480_000, currency: 'EUR' },
      closeDate: '30/06/2027',
      owner: 'Sophie Martin',
      account: 'Rheinland Energie AG',
      fields: [
        f('Deal name', 'Rheinland Energie – Smart Meter Gateways', 'dealname'),
        f('Deal stage', 'Decision maker bought-in', 'dealstage'),
        f('Amount', '€480,000.00', 'amount'),
        f('Close date', '30/06/2027', 'closedate'),
        f('Deal owner', 'Sophie Martin', 'hubspot_owner_id'),
        f('Pipeline', 'Sales Pipeline', 'pipeline'),
        f('Deal type', 'New business', 'dealtype'),
        f('Priority', 'High', 'hs_priority'),
        f('Deal currency code', 'EUR', 'deal_currency_code'),
        f('Create date', '14/09/2026', 'createdate'),
      ],
      contacts: [
        { name: 'Jonas Weber', title: 'Head of Grid Operations', email: 'jonas.weber@rheinland-energie.example' },
        { name: 'Clara Schulz', title: 'Procurement Manager', email: 'clara.schulz@rheinland-energie.example' },
      ],
      missing: [],
      unreadContactDetails: ['role'],
    },
  },
  // property-input-{name} outside a properties list, company only as a chicklet, contacts table named by th[title].
  'deal-property-inputs.html': {
    ref: { objectType: 'deal', recordId: '2345678_9876543214' },
    extraction: {
      name: 'Litware Robotics – Warehouse Automation',
      stage: 'Qualified to buy',
      amount: { text: '$310,000.00', value: 310_000, currency: 'USD', currencyAssumed: true },
      closeDate: '05/29/2027',
      owner: 'Priya Nair',
      account: 'Litware Robotics Ltd',
      fields: [
        f('Deal name', 'Litware Robotics – Warehouse Automation', 'dealname'),
        f('Deal owner', 'Priya Nair', 'hubspot_owner_id'),
        f('Deal type', 'New business', 'dealtype'),
        f('Priority', '', 'hs_priority'),
        f('Pipeline', 'Sales Pipeline', 'pipeline'),
        f('Deal stage', 'Qualified to buy', 'dealstage'),
        f('Amount', '$310,000.00', 'amount'),
        f('Close date', '05/29/2027', 'closedate'),
      ],
      contacts: [
        { name: 'Oliver Grant', title: 'Head of Logistics', email: 'oliver.grant@litware.example' },
        { name: 'Hannah Clarke', title: 'Finance Director' },
      ],
      missing: [],
      unreadContactDetails: ['role'],
    },
  },
  // Highlight card of h3 + value pairs; the properties card collapsed.
  'deal-highlight-pairs.html': {
    ref: { objectType: 'deal', recordId: '2345678_9876543215' },
    extraction: {
      name: 'Adatum Health – Patient Portal Renewal',
      stage: 'Decision maker bought-in',
      amount: { text: '$64,500.00', value: 64_500, currency: 'USD', currencyAssumed: true },
      closeDate: '02/26/2027',
      owner: 'Jordan Lee',
      account: 'Adatum Health',
      fields: [f('Stage', 'Decision maker bought-in'), f('Amount', '$64,500.00'), f('Close date', '02/26/2027'), f('Deal owner', 'Jordan Lee')],
      contacts: [
        { name: 'Dr. Emma Wilson', title: 'Chief Medical Information Officer', email: 'emma.wilson@adatum-health.example' },
        { name: 'Samuel Okafor', title: 'IT Procurement Manager' },
      ],
      missing: [],
      unreadContactDetails: ['role'],
    },
  },
  // Older highlight card (h3 title) with dt/dd pairs in Chinese; contacts table headed by a row of th[scope=col].
  'deal-highlight-pairs-zh.html': {
    ref: { objectType: 'deal', recordId: '2345678_9876543216' },
    extraction: {
      name: '蓝海医疗 – 区域影像中心',
      stage: '已发送合同',
      amount: { text: '¥2,600,000.00', value: 2_600_000, currency: 'CNY' },
      closeDate: '2027年1月20日',
      owner: '陈静',
      account: '蓝海医疗集团',
      fields: [f('阶段', '已发送合同'), f('金额', '¥2,600,000.00'), f('货币', 'CNY'), f('成交日期', '2027年1月20日'), f('交易所有者', '陈静')],
      contacts: [
        { name: '周敏', title: '放射科主任', email: 'zhou.min@lanhai-med.example' },
        { name: '孙浩', title: '采购经理' },
        { name: '黄丽', email: 'huang.li@lanhai-med.example' },
      ],
      missing: [],
      unreadContactDetails: ['role'],
    },
  },
};

// --- Finding the record in view ------------------------------------------------------------

describe('findRecordRoot', () => {
  const NORTHWIND_REF = { objectType: 'deal', recordId: '2345678_9876543210' };

  it('skips the highlight of a record shown in a preview panel', () => {
    const doc = load('deal-en.html');
    const panel = doc.createElement('div');
    panel.setAttribute('data-selenium-test', 'sidebar-preview-panel');
    const preview = doc.querySelector('[data-test-id="left-sidebar"]')!.cloneNode(true) as Element;
    preview.querySelector('[data-selenium-test="highlightTitle"]')!.textContent = 'Maria Gonzalez';
    panel.appendChild(preview);
    doc.body.insertBefore(panel, doc.body.firstChild); // first in document order
    const root = hubspotAdapter.findRecordRoot(doc, NORTHWIND_REF);
    expect(viewOf(root)).toBe('deal-en');
    expect(hubspotAdapter.extract(root!, NORTHWIND_REF)).toStrictEqual(NORTHWIND);
    doc.querySelector('[data-fixture-view]')!.remove();
    expect(hubspotAdapter.findRecordRoot(doc, NORTHWIND_REF)).toBeNull(); // only the preview is left
  });

  it('does not read a hidden record view', () => {
    const doc = load('deal-en.html');
    doc.querySelector('[data-fixture-view]')!.setAttribute('hidden', '');
    expect(hubspotAdapter.findRecordRoot(doc, NORTHWIND_REF)).toBeNull();
  });

  it('does not read the company page the user came from as the deal the URL already names', () => {
    const doc = load('company-en.html');
    expect(hubspotAdapter.findRecordRoot(doc, NORTHWIND_REF)).toBeNull();
    const company = hubspotAdapter.recognize(urlOf('company-en.html'))!;
    expect(viewOf(hubspotAdapter.findRecordRoot(doc, company))).toBe('company-en');
  });

  it('reads a view moved in from another page (the e2e in-app navigation)', () => {
    const doc = load('deal-en.html');
    const incoming = load('deal-second-en.html').querySelector('[data-fixture-view]')!;
    doc.querySelector('[data-fixture-view]')!.replaceWith(doc.importNode(incoming, true));
    const ref = hubspotAdapter.recognize(urlOf('deal-second-en.html'))!;
    const root = hubspotAdapter.findRecordRoot(doc, ref);
    expect(viewOf(root)).toBe('deal-second-en');
    expect(hubspotAdapter.extract(root!, ref)).toStrictEqual(CONTOSO);
  });

  it('falls back to the left column when the other columns are not in the page', () => {
    const doc = load('deal-en.html');
    doc.querySelector('[data-test-id="middle-pane"]')!.remove();
    doc.querySelector('[data-test-id="records-right-sidebar"]')!.remove();
    const root = hubspotAdapter.findRecordRoot(doc, NORTHWIND_REF);
    expect(root?.getAttribute('data-test-id')).toBe('left-sidebar');
    expect(hubspotAdapter.extract(root!, NORTHWIND_REF)).toMatchObject({ name: NORTHWIND.name, stage: NORTHWIND.stage, missing: ['account'] });
  });

  it('returns null while no record view is in the page', () => {
    const doc = loadHtml('<!doctype html><html><body><main><p>Loading…</p></main></body></html>');
    expect(hubspotAdapter.findRecordRoot(doc, NORTHWIND_REF)).toBeNull();
  });
});

// --- Extraction: parts and fallbacks -----------------------------------------------------------

describe('extract: parts and fallbacks', () => {
  const ref = { objectType: 'deal', recordId: '2345678_9876543210' };
  const rootOf = (doc: Document) => hubspotAdapter.findRecordRoot(doc, ref)!;

  it('finds parts by label when the page does not name the properties', () => {
    // Older list rows (li) whose values carry no property-input test id.
    const doc = load('deal-en.html');
    for (const element of Array.from(doc.querySelectorAll('[data-selenium-test^="property-input-"]'))) element.removeAttribute('data-selenium-test');
    for (const row of Array.from(doc.querySelectorAll('[data-selenium-test="profile-properties-list"] > span'))) {
      const li = doc.createElement('li');
      li.append(...Array.from(row.childNodes));
      row.replaceWith(li);
    }
    for (const item of Array.from(doc.querySelectorAll('[data-test-id^="highlight-property-"]'))) item.remove();
    const extraction = hubspotAdapter.extract(rootOf(doc), ref);
    expect(extraction).toMatchObject({ stage: NORTHWIND.stage, amount: NORTHWIND.amount, closeDate: NORTHWIND.closeDate, owner: 'Jordan Lee', missing: [] });
    expect(extraction.fields.every((field) => field.apiName === undefined)).toBe(true);
  });

  it('takes the parts from the highlight card when the properties card has not rendered', () => {
    const doc = load('deal-en.html');
    doc.querySelector('[data-card-id^="PROPERTIES_V3"]')!.remove();
    const extraction = hubspotAdapter.extract(rootOf(doc), ref);
    expect(extraction).toMatchObject({ stage: NORTHWIND.stage, amount: NORTHWIND.amount, closeDate: NORTHWIND.closeDate, missing: ['owner'] });
    expect(extraction.fields).toStrictEqual([
      f('Amount', '$125,000.00', 'amount'),
      f('Close date', '03/31/2027', 'closedate'),
      f('Stage', 'Presentation scheduled', 'dealstage'),
    ]);
  });

  it('reads the company from the overview table when the sidebar tile is missing', () => {
    const doc = load('deal-en.html');
    doc.querySelector('[data-card-id^="ASSOCIATION_V3/0-2"]')!.remove();
    expect(hubspotAdapter.extract(rootOf(doc), ref).account).toBe('Northwind Logistics');
  });

  it('does not take properties of associated records for the deal', () => {
    const doc = load('deal-en.html');
    const card = doc.querySelector('[data-card-id^="ASSOCIATION_V3/0-2"] .card-content')!;
    const list = doc.createElement('ul');
    list.setAttribute('data-selenium-test', 'profile-properties-list');
    const row = doc.createElement('span');
    row.setAttribute('data-test-id', 'amount');
    row.innerHTML = '<label>Annual revenue</label><span data-selenium-test="property-input-amount">$9,000,000.00</span>';
    list.appendChild(row);
    card.appendChild(list);
    const extraction = hubspotAdapter.extract(rootOf(doc), ref);
    expect(extraction.amount).toEqual(NORTHWIND.amount);
    expect(extraction.fields).toStrictEqual(NORTHWIND.fields);
  });

  it('skips loading rows and lists a contact shown twice once', () => {
    const doc = load('deal-en.html');
    const list = doc.querySelector('[data-selenium-test="profile-properties-list"]')!;
    const skeleton = doc.createElement('span');
    skeleton.setAttribute('data-test-id', 'skeleton');
    skeleton.innerHTML = '<label>Loading</label><span data-selenium-test="property-input-skeleton"></span>';
    list.appendChild(skeleton);
    const tiles = doc.querySelector('[data-card-id^="ASSOCIATION_V3/0-1"] .card-content')!;
    tiles.appendChild(tiles.firstElementChild!.cloneNode(true));
    const extraction = hubspotAdapter.extract(rootOf(doc), ref);
    expect(extraction.fields).toStrictEqual(NORTHWIND.fields);
    expect(extraction.contacts).toStrictEqual(NORTHWIND.contacts);
  });

  it('reads a property input wherever it sits in the record, named by its property when no label is beside it', () => {
    const file = 'deal-property-inputs.html';
    const doc = load(file);
    const ref = hubspotAdapter.recognize(urlOf(file))!;
    doc.querySelector('[data-selenium-test="property-input-pipeline"]')!.previousElementSibling!.remove();
    // A property input in an association card belongs to the associated record.
    const contacts = doc.querySelector('[data-selenium-test="card-id-ASSOCIATION_TABLE/0-1"] .card-content')!;
    contacts.insertAdjacentHTML('beforeend', '<div class="prop"><label>Amount</label><div data-selenium-test="property-input-amount">$1.00</div></div>');
    const extraction = hubspotAdapter.extract(hubspotAdapter.findRecordRoot(doc, ref)!, ref);
    expect(extraction.fields.find((field) => field.apiName === 'pipeline')).toEqual(f('pipeline', 'Sales Pipeline', 'pipeline'));
    expect(extraction.amount?.value).toBe(310_000);
    expect(extraction.fields.filter((field) => field.apiName === 'amount')).toHaveLength(1);
  });

  it('reports every part missing on an empty record view', () => {
    const doc = loadHtml('<!doctype html><html><body><div data-test-id="record-highlight-main-content"></div></body></html>');
    const root = doc.querySelector('div')!;
    expect(hubspotAdapter.extract(root, ref)).toStrictEqual({ fields: [], contacts: [], missing: ['name', 'stage', 'amount', 'closeDate', 'owner', 'account'] });
  });
});

// --- Hostile content -----------------------------------------------------------------------------

describe('hostile content', () => {
  const ref = { objectType: 'deal', recordId: '2345678_9876543210' };
  it('reads a form control by its value, cut like text', () => {
    const doc = load('deal-half-loaded.html');
    const input = doc.querySelector<HTMLInputElement>('[data-selenium-test="property-input-dealname"]')!;
    input.value = `  ${'B'.repeat(5_000)}  `;
    const half = { objectType: 'deal', recordId: '2345678_9876543213' };
    const name = hubspotAdapter.extract(hubspotAdapter.findRecordRoot(doc, half)!, half).fields[0]?.value ?? '';
    expect(name).toHaveLength(MAX_TEXT);
  });

  it.each([
    ['an empty document', '<!doctype html><html><body></body></html>'],
    ['a highlight and nothing else', '<div data-test-id="record-highlight-main-content"><span data-selenium-test="highlightTitle"></span></div>'],
    ['rows without labels or values', '<div data-test-id="record-highlight-main-content"></div><ul data-selenium-test="profile-properties-list"><span data-test-id="amount"></span><li></li><span data-test-id="x"><label></label><input data-selenium-test="property-input-"></span></ul>'],
    ['broken association cards', '<div data-test-id="record-highlight-main-content"></div><div data-card-id="ASSOCIATION_V3/0-1/V2"><div data-test-id="chiclet-0-1-"></div><table><tbody><tr></tr></tbody></table></div><div data-card-id="ASSOCIATION_V3/0-2"></div>'],
    ['a deeply nested page', `${'<div>'.repeat(3_000)}<div data-test-id="record-highlight-main-content"></div>${'</div>'.repeat(3_000)}`],
    ['unclosed markup', '<div data-test-id="record-highlight-main-content"><ul data-selenium-test="profile-properties-list"><span data-test-id="dealstage"><label>Deal stage<span data-selenium-test="property-input-dealstage">Closed won'],
  ])('reads %s without throwing', (_, html) => {
    const doc = loadHtml(html);
    const root = hubspotAdapter.findRecordRoot(doc, ref) ?? doc.body;
    const extraction = hubspotAdapter.extract(root, ref);
    expect(extraction.missing.length).toBeGreaterThan(0);
    expect(Array.isArray(extraction.fields) && Array.isArray(extraction.contacts)).toBe(true);
  });

});

// --- Selector variants: expected matches per fixture (Refined GitHub style) ---------------

// Counted over the whole document (HubSpot renders no shadow DOM). Columns follow fixtures.json:
//   deal-en, deal-second-en, deal-zh, deal-half-loaded, company-en, deal-eu, deal-property-inputs,
//   deal-highlight-pairs, deal-highlight-pairs-zh
const SELECTOR_COUNTS: Record<string, number[]> = {
  'highlight.0': [1, 1, 1, 0, 1, 1, 1, 1, 0],
  'highlight.1': [0, 0, 0, 1, 0, 0, 0, 0, 1], // older highlight container: half-loaded and pairs-zh fixtures
  'highlight.2': [0, 0, 0, 1, 0, 0, 0, 0, 1],
  'preview.0': [0, 0, 0, 0, 0, 0, 0, 0, 0], // preview panels: added by the findRecordRoot test
  'preview.1': [0, 0, 0, 0, 0, 0, 0, 0, 0],
  'preview.2': [0, 0, 0, 0, 0, 0, 0, 0, 0],
  'recordColumn.0': [1, 1, 1, 1, 1, 1, 1, 1, 1],
  'recordColumn.1': [1, 1, 1, 1, 1, 1, 1, 1, 1],
  'leftSidebar.0': [1, 1, 1, 0, 1, 1, 1, 1, 0],
  'leftSidebar.1': [1, 1, 1, 1, 1, 1, 1, 1, 1],
  'propertiesCard.0': [1, 1, 1, 0, 1, 1, 1, 1, 0],
  'title.0': [1, 1, 1, 0, 1, 1, 1, 1, 0],
  'title.1': [1, 1, 1, 0, 1, 1, 1, 1, 0],
  'title.2': [0, 0, 0, 1, 0, 0, 0, 0, 1], // older h3 title
  'highlightItem.0': [3, 3, 3, 0, 2, 3, 0, 0, 0],
  'highlightValue.0': [3, 3, 3, 0, 2, 3, 0, 0, 0],
  'highlightPairLabel.0': [0, 0, 0, 0, 0, 0, 0, 0, 0], // dt pairs in the current card (no fixture yet)
  'highlightPairLabel.1': [0, 0, 0, 0, 0, 0, 0, 4, 0],
  'highlightPairLabel.2': [0, 0, 0, 0, 0, 0, 0, 0, 5],
  'highlightPairLabel.3': [0, 0, 0, 1, 0, 0, 0, 0, 1], // the older card's title, not a pair
  'propertyRow.0': [10, 9, 9, 0, 7, 10, 0, 0, 0],
  'propertyRow.1': [0, 0, 0, 5, 0, 0, 0, 0, 0], // older list items
  'propertyLabel.0': [10, 9, 9, 5, 7, 10, 8, 0, 0],
  'propertyLabel.1': [0, 0, 0, 0, 0, 0, 0, 0, 0], // older label test id (no fixture yet)
  'propertyInput.0': [9, 8, 8, 4, 6, 9, 8, 0, 0], // the owner row shows bare text; in property-inputs all 8 outside a list
  'companyCard.0': [1, 0, 1, 1, 0, 1, 0, 1, 0],
  'companyCard.1': [1, 1, 1, 0, 0, 0, 0, 0, 1],
  'companyCard.2': [1, 1, 1, 0, 0, 0, 0, 0, 1],
  'companyChicklet.0': [1, 0, 1, 0, 0, 1, 1, 1, 0], // property-inputs: in a card version no card selector knows
  'companyName.0': [1, 0, 1, 0, 0, 1, 1, 1, 0],
  'companyName.1': [1, 3, 1, 0, 0, 0, 2, 0, 4], // also the first column of a contacts table
  'companyName.2': [2, 1, 2, 0, 0, 1, 1, 1, 1], // company tile and companies table
  'contactCard.0': [1, 0, 1, 1, 1, 1, 0, 1, 0],
  'contactCard.1': [0, 1, 0, 0, 0, 0, 1, 0, 1],
  'contactCard.2': [0, 1, 0, 0, 0, 0, 1, 0, 1],
  'contactTile.0': [3, 0, 2, 0, 2, 2, 0, 2, 0],
  'contactTile.1': [0, 0, 0, 0, 0, 0, 0, 0, 0], // older tile (no fixture yet)
  'contactName.0': [3, 0, 2, 0, 2, 2, 0, 2, 0],
  'contactName.1': [0, 0, 0, 0, 0, 0, 0, 0, 0], // test-id spelling (no fixture yet)
  'contactName.2': [3, 2, 2, 0, 2, 2, 2, 2, 3],
  'contactJobTitle.0': [3, 0, 2, 0, 2, 2, 0, 2, 0],
  'contactJobTitle.1': [0, 0, 0, 0, 0, 0, 0, 0, 0],
  'contactEmail.0': [2, 0, 1, 0, 2, 2, 0, 1, 0],
  'contactEmail.1': [0, 0, 0, 0, 0, 0, 0, 0, 0],
  'tableRow.0': [1, 3, 1, 0, 0, 0, 2, 0, 5], // pairs-zh: the th[scope=col] header row sits in the implied tbody
};

// --- The contract every adapter keeps (testing/contract.ts) --------------------------------

describeAdapterContract({
  crm: 'hubspot',
  adapter: hubspotAdapter,
  fixtures: { ...fixtures, urlOf, load },
  expectedFiles: [
    'deal-en.html',
    'deal-second-en.html',
    'deal-zh.html',
    'deal-half-loaded.html',
    'company-en.html',
    'deal-eu.html',
    'deal-property-inputs.html',
    'deal-highlight-pairs.html',
    'deal-highlight-pairs-zh.html',
  ],
  host: 'app.hubspot.com',
  pathPattern: /^\/contacts\/\d+\/record\/0-[23]\/\d+$/,
  referencePattern: /<!--[\s\S]*Clockify[\s\S]*Toggl[\s\S]*community-observed[\s\S]*-->/,
  expectations: EXPECTED,
  // The record's three columns, not the app chrome.
  outsideRoot: '#hs-nav-v4',
  hostile: {
    file: 'deal-en.html',
    ref: { objectType: 'deal', recordId: '2345678_9876543210' },
    slots: [
      { name: 'highlight title', write: writeText('[data-selenium-test="highlightTitle"]'), read: slotReads.name },
      { name: 'Description', write: writeText('[data-selenium-test="property-input-description"]'), read: slotReads.field('description') },
      { name: 'contact', write: writeText('[data-selenium-test="contact-chicklet-title-link"]'), read: slotReads.contact(0) },
      {
        name: 'amount',
        write: writeText('[data-selenium-test="property-input-amount"]'),
        read: slotReads.amount,
        longText: `$${'9'.repeat(50_000)}`,
      },
    ],
    contacts: {
      grow(doc, count) {
        const tiles = doc.querySelector('[data-card-id^="ASSOCIATION_V3/0-1"] .card-content')!;
        const tile = tiles.firstElementChild!;
        for (let i = 0; i < count; i += 1) {
          const copy = tile.cloneNode(true) as Element;
          copy.querySelector('[data-selenium-test="contact-chicklet-title-link"]')!.textContent = `Contact ${i}`;
          tiles.appendChild(copy);
        }
      },
    },
    fields: {
      grow(doc, count) {
        const list = doc.querySelector('[data-selenium-test="profile-properties-list"]')!;
        const row = list.querySelector('[data-test-id="description"]')!;
        for (let i = 0; i < count; i += 1) {
          const field = row.cloneNode(true) as Element;
          field.setAttribute('data-test-id', `custom_${i}`);
          list.appendChild(field);
        }
      },
    },
  },
  selectors: hubspotSelectors,
  selectorCounts: SELECTOR_COUNTS,
});
