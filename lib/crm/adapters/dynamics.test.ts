// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Extraction, RecordRef } from '@/lib/crm/adapter';
import { DYNAMICS_MATCHES, urlMatchesPatterns } from '@/lib/crm/hosts';
import { MAX_CONTACTS } from '@/lib/crm/limits';
import { RecordSnapshotSchema } from '@/lib/crm/snapshot';
import { dynamicsAdapter, normaliseGuid, recognizeDynamicsUrl } from './dynamics';
import { dynamicsSelectors } from './dynamics.selectors';
import { describeAdapterContract, slotReads, writeText, type FixtureExpectation } from './testing/contract';
import { fixturesOf } from './testing/fixtures';

// --- Fixtures ------------------------------------------------------------------------

const fixtures = fixturesOf('dynamics');
const { index: manifest, urlOf, load: loadFixture, loadHtml } = fixtures;

/**
 * happy-dom 21 gives a parsed `<select>` the wrong selected option (index 1 whatever
 * `<option selected>` says); browsers select the marked option. Set it as a browser does.
 */
function selectAsParsed(doc: Document): Document {
  for (const option of Array.from(doc.querySelectorAll<HTMLOptionElement>('option[selected]'))) option.selected = true;
  return doc;
}
const load = (file: string) => selectAsParsed(loadFixture(file));

function read(file: string, doc = load(file)): { ref: RecordRef | null; root: Element | null; extraction: Extraction | null } {
  const ref = dynamicsAdapter.recognize(urlOf(file));
  const root = ref ? dynamicsAdapter.findRecordRoot(doc, ref) : null;
  return { ref, root, extraction: ref && root ? dynamicsAdapter.extract(root, ref) : null };
}

const f = (label: string, value: string, apiName?: string) => (apiName ? { label, value, apiName } : { label, value });
const viewOf = (element: Element | null | undefined) => element?.closest('[data-fixture-view]')?.getAttribute('data-fixture-view');

const APP = 'a7c3e5f1-2b4d-4e6f-8a9b-0c1d2e3f4a5b';
const NORTHWIND_ID = '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c';
const NORTHWIND_REF = { objectType: 'opportunity', recordId: NORTHWIND_ID };
const FOURTH_COFFEE_REF = { objectType: 'opportunity', recordId: '3b9d2e71-5c4a-4f8b-9e6d-1a2b3c4d5e6f' };

// --- GUIDs and URLs -----------------------------------------------------------------------

describe('normaliseGuid', () => {
  it.each([
    ['6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
    ['6F0C9B3A-1D2E-4F5A-9B8C-7D6E5F4A3B2C', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
    ['{6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c}', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
    ['{6F0C9B3A-1D2E-4F5A-9B8C-7D6E5F4A3B2C}', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
  ])('%s -> %s', (raw, guid) => {
    expect(normaliseGuid(raw)).toBe(guid);
  });

  it.each([
    ['empty', ''],
    ['opening brace only', '{6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
    ['closing brace only', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c}'],
    ['no hyphens', '6f0c9b3a1d2e4f5a9b8c7d6e5f4a3b2c'],
    ['too short', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2'],
    ['not hexadecimal', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2g'],
    ['still encoded', '%7B6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c%7D'],
    ['two GUIDs', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c,6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
  ])('rejects %s', (_, raw) => {
    expect(normaliseGuid(raw)).toBeNull();
  });
});

describe('recognize', () => {
  const base = 'https://contoso.crm4.dynamics.com';
  const at = (href: string) => recognizeDynamicsUrl(new URL(href));
  const record = (query: string) => at(`${base}/main.aspx?${query}`);

  it('reads opportunity record URLs with the id in any of its spellings as one record', () => {
    for (const id of [
      NORTHWIND_ID,
      NORTHWIND_ID.toUpperCase(),
      `{${NORTHWIND_ID}}`,
      `%7B${NORTHWIND_ID}%7D`,
      `%7b${NORTHWIND_ID}%7d`,
      `%7B${NORTHWIND_ID.toUpperCase()}%7D`,
    ]) {
      expect(record(`appid=${APP}&pagetype=entityrecord&etn=opportunity&id=${id}`)).toEqual(NORTHWIND_REF);
    }
  });

  it('ignores parameter order, extra parameters, the fragment and the app', () => {
    expect(record(`etn=opportunity&id=${NORTHWIND_ID}&pagetype=entityrecord`)).toEqual(NORTHWIND_REF);
    expect(record(`appid=${APP}&forceUCI=1&pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}&formid=1b9e4c2a-0000-4000-8000-000000000001#tab`)).toEqual(
      NORTHWIND_REF,
    );
    expect(record(`pagetype=EntityRecord&etn=Opportunity&id=${NORTHWIND_ID}`)).toEqual(NORTHWIND_REF);
    expect(at(`${base}/contoso/main.aspx?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`)).toEqual(NORTHWIND_REF); // on-premises org path
  });

  it('recognises other entities so the caller can report them as unsupported', () => {
    const account = record(`appid=${APP}&pagetype=entityrecord&etn=account&id=7c6b5a49-3827-4160-9f8e-7d6c5b4a3928`);
    expect(account).toEqual({ objectType: 'account', recordId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928' });
    expect(dynamicsAdapter.objectTypes).not.toContain(account?.objectType);
    expect(record(`pagetype=entityrecord&etn=new_project&id=${NORTHWIND_ID}`)).toEqual({ objectType: 'new_project', recordId: NORTHWIND_ID });
  });

  it('does not look at the host (the match patterns decide where the adapter runs)', () => {
    expect(at(`https://fabrikam.crm.dynamics.cn/main.aspx?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`)).toEqual(NORTHWIND_REF);
    expect(at(`https://example.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`)).toEqual(NORTHWIND_REF);
    expect(dynamicsAdapter.matches).toBe(DYNAMICS_MATCHES);
    expect(urlMatchesPatterns(`${base}/main.aspx?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`, dynamicsAdapter.matches)).toBe(true);
  });

  it.each([
    ['entity list', `appid=${APP}&pagetype=entitylist&etn=opportunity&viewid=00000000-0000-0000-00aa-000010003001&viewType=1039`],
    ['dashboard', `appid=${APP}&pagetype=dashboard&id=4ad9b6a7-9c4e-4c40-8d5e-0e4d2d8b0e41&type=system`],
    ['web resource', `appid=${APP}&pagetype=webresource&webresourceName=msdyn_/page.html`],
    ['new record form (no id)', `appid=${APP}&pagetype=entityrecord&etn=opportunity`],
    ['empty id', `appid=${APP}&pagetype=entityrecord&etn=opportunity&id=`],
    ['malformed id', `appid=${APP}&pagetype=entityrecord&etn=opportunity&id=6f0c9b3a-1d2e`],
    ['unbalanced braces', `appid=${APP}&pagetype=entityrecord&etn=opportunity&id=%7B${NORTHWIND_ID}`],
    ['no entity', `appid=${APP}&pagetype=entityrecord&id=${NORTHWIND_ID}`],
    ['entity name with punctuation', `appid=${APP}&pagetype=entityrecord&etn=opportunity%27%3E&id=${NORTHWIND_ID}`],
    ['no page type', `appid=${APP}&etn=opportunity&id=${NORTHWIND_ID}`],
    ['no query', ''],
  ])('returns null for %s', (_, query) => {
    expect(record(query)).toBeNull();
  });

  it('returns null off main.aspx', () => {
    expect(at(`${base}/apps`)).toBeNull();
    expect(at(`${base}/api/data/v9.2/opportunities(${NORTHWIND_ID})`)).toBeNull();
    expect(at(`${base}/main.aspx/x?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`)).toBeNull();
    expect(at(`${base}/?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`)).toBeNull();
  });
});

// --- The fixtures ----------------------------------------------------------------------

const NORTHWIND: Extraction = {
  name: 'Northwind Traders – Cold Chain Monitoring Rollout',
  stage: 'Develop',
  amount: { text: '$850,000.00', value: 850_000, currency: 'USD' },
  closeDate: '4/30/2027',
  owner: 'Maya Lindqvist',
  account: 'Northwind Traders',
  fields: [
    f('Topic', 'Northwind Traders – Cold Chain Monitoring Rollout', 'name'),
    f('Contact', 'Elena Petrova', 'parentcontactid'),
    f('Account', 'Northwind Traders', 'parentaccountid'),
    f('Purchase Timeframe', 'This Quarter', 'purchasetimeframe'),
    f('Currency', 'US Dollar', 'transactioncurrencyid'),
    f('Budget Amount', '$900,000.00', 'budgetamount'),
    f('Purchase Process', 'Committee', 'purchaseprocess'),
    f('Forecast Category', 'Pipeline', 'msdyn_forecastcategory'),
    f('Pipeline Phase', '2-Develop', 'stepname'),
    f('Description', 'Wireless temperature sensors and alerting for 14 refrigerated warehouses; phase 1 covers the three Nordic sites.', 'description'),
    f('Current Situation', 'Paper logs checked twice a day; two spoilage incidents last quarter.', 'currentsituation'),
    f('Customer Need', 'Alerts within 5 minutes of a temperature excursion, audit trail for food-safety inspections.', 'customerneed'),
    f('Proposed Solution', '', 'proposedsolution'),
    f('Est. Revenue', '$850,000.00', 'estimatedvalue'),
    f('Est. Close Date', '4/30/2027', 'estimatedclosedate'),
    f('Probability', '40', 'closeprobability'),
    f('Status Reason', 'In Progress', 'statuscode'),
    f('Owner', 'Maya Lindqvist', 'ownerid'),
  ],
  contacts: [
    { name: 'Elena Petrova', role: 'Decision Maker', email: 'elena.petrova@northwindtraders.example' },
    { name: 'Tomás Alvarez', role: 'Influencer', email: 'tomas.alvarez@northwindtraders.example' },
    { name: 'Grace Okafor', role: 'Technical Buyer', email: 'grace.okafor@northwindtraders.example' },
  ],
  missing: [],
  unreadContactDetails: ['title'],
};

const FOURTH_COFFEE: Extraction = {
  name: 'Fourth Coffee – Roastery Energy Retrofit',
  stage: 'Propose',
  amount: { text: '€1,200,000.00', value: 1_200_000, currency: 'EUR' },
  closeDate: '9/15/2027',
  owner: 'Maya Lindqvist',
  account: 'Fourth Coffee',
  fields: [
    f('Topic', 'Fourth Coffee – Roastery Energy Retrofit', 'name'),
    f('Contact', 'Henrik Sørensen', 'parentcontactid'),
    f('Account', 'Fourth Coffee', 'parentaccountid'),
    f('Purchase Timeframe', 'Next Quarter', 'purchasetimeframe'),
    f('Currency', 'Euro', 'transactioncurrencyid'),
    f('Budget Amount', '€1,250,000.00', 'budgetamount'),
    f('Purchase Process', 'Individual', 'purchaseprocess'),
    f('Sales Stage', 'Propose', 'salesstage'),
    f('Forecast Category', 'Best case', 'msdyn_forecastcategory'),
    f('Description', 'Heat recovery on four roasters and a rooftop solar array for the Aarhus roastery.', 'description'),
    f('Current Situation', 'Gas-fired roasters, no heat recovery.', 'currentsituation'),
    f('Customer Need', 'Cut energy cost per tonne roasted by 20% before the 2028 tariff change.', 'customerneed'),
    f('Proposed Solution', 'Heat exchangers on roasters 1–4, 300 kWp rooftop PV, monitoring dashboard.', 'proposedsolution'),
    f('Est. Revenue', '€1,200,000.00', 'estimatedvalue'),
    f('Est. Close Date', '9/15/2027', 'estimatedclosedate'),
    f('Probability', '60', 'closeprobability'),
    f('Status Reason', 'In Progress', 'statuscode'),
    f('Owner', 'Maya Lindqvist', 'ownerid'),
  ],
  contacts: [
    // Stakeholders first; the Contacts subgrid adds Henrik's job title and a person who is no stakeholder.
    { name: 'Henrik Sørensen', title: 'Head of Operations', role: 'Decision Maker', email: 'henrik.sorensen@fourthcoffee.example' },
    { name: 'Lucía Fernández', role: 'Technical Buyer', email: 'lucia.fernandez@fourthcoffee.example' },
    { name: 'Ana Costa', title: 'Procurement Lead', email: 'ana.costa@fourthcoffee.example' },
  ],
  missing: [],
};

/** The Northwind form as another record: same layout and people, its own topic. */
function northwindLayout(name: string): Extraction {
  return { ...NORTHWIND, name, fields: NORTHWIND.fields.map((field) => (field.apiName === 'name' ? { ...field, value: name } : field)) };
}

/** A "$" amount on a form without the Currency lookup: USD, marked assumed. */
const LITWARE: Extraction = (() => {
  const layout = northwindLayout('Litware Inc. – Distribution Centre Sensors');
  const amounts: Record<string, string> = { estimatedvalue: '$2,350,000.00', budgetamount: '$2,500,000.00' };
  return {
    ...layout,
    amount: { text: '$2,350,000.00', value: 2_350_000, currency: 'USD', currencyAssumed: true },
    fields: layout.fields
      .filter((field) => field.apiName !== 'transactioncurrencyid')
      .map((field) => (field.apiName && amounts[field.apiName] ? { ...field, value: amounts[field.apiName]! } : field)),
  };
})();

const variantRef = (recordId: string) => ({ objectType: 'opportunity', recordId });

const EXPECTED: Record<string, FixtureExpectation> = {
  'opportunity-en.html': { ref: NORTHWIND_REF, extraction: NORTHWIND },
  'opportunity-second-en.html': { ref: FOURTH_COFFEE_REF, extraction: FOURTH_COFFEE },
  'opportunity-zh.html': {
    ref: { objectType: 'opportunity', recordId: 'c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5' },
    extraction: {
      name: '华澜物流 – 冷链温控系统',
      stage: '开发',
      amount: { text: '￥6,000,000.00', value: 6_000_000, currency: 'CNY' }, // "￥" is shared with JPY: the currency lookup says 人民币
      closeDate: '2027/6/30',
      owner: '王磊',
      account: '华澜物流有限公司',
      fields: [
        f('主题', '华澜物流 – 冷链温控系统', 'name'),
        f('联系人', '陈静', 'parentcontactid'),
        f('潜在客户', '华澜物流有限公司', 'customerid'),
        f('购买时间范围', '本季度', 'purchasetimeframe'),
        f('货币', '人民币', 'transactioncurrencyid'),
        f('预算金额', '￥6,500,000.00', 'budgetamount'),
        f('购买流程', '委员会', 'purchaseprocess'),
        f('说明', '为 9 个冷库部署无线温度传感器和告警；第一期覆盖上海和苏州仓库。', 'description'),
        f('当前情况', '每天两次人工记录温度。', 'currentsituation'),
        f('客户需求', '温度异常 5 分钟内告警。', 'customerneed'),
        f('建议的解决方案', '', 'proposedsolution'),
        f('预计收入', '￥6,000,000.00', 'estimatedvalue'),
        f('预计结束日期', '2027/6/30', 'estimatedclosedate'),
        f('可能性', '30', 'closeprobability'),
        f('状态原因', '进行中', 'statuscode'),
        f('负责人', '王磊', 'ownerid'),
      ],
      contacts: [
        { name: '陈静', role: '决策者', email: 'chen.jing@hualan-logistics.example' },
        { name: '刘洋', role: '技术买家', email: 'liu.yang@hualan-logistics.example' },
      ],
      missing: [],
      unreadContactDetails: ['title'],
    },
  },
  'opportunity-half-loaded.html': {
    ref: { objectType: 'opportunity', recordId: '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4' },
    extraction: {
      // The header has rendered: its fields stand in for the body's; "$" alone names no currency.
      name: 'Adventure Works – Fleet Telematics Pilot',
      amount: { text: '$420,000.00', value: 420_000, currency: 'USD', currencyAssumed: true },
      closeDate: '11/30/2027',
      owner: 'Jonas Weber',
      fields: [
        f('Est. Close Date', '11/30/2027', 'estimatedclosedate'),
        f('Est. Revenue', '$420,000.00', 'estimatedvalue'),
        f('Status Reason', 'In Progress', 'statuscode'),
        f('Owner', 'Jonas Weber', 'ownerid'),
      ],
      contacts: [],
      missing: ['stage', 'account'],
    },
  },
  'opportunity-renamed-classes.html': {
    ref: { objectType: 'opportunity', recordId: '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d' },
    extraction: {
      // Containers are still found by their element ids; the title by the Topic field. The new BPF,
      // Account lookup and subgrid markup are not recognised: reported, not guessed.
      name: 'Tailspin Toys – Warehouse Robotics Pilot',
      amount: { text: '$610,000.00', value: 610_000, currency: 'USD' },
      closeDate: '2/28/2028',
      owner: 'Maya Lindqvist',
      fields: [
        f('Topic', 'Tailspin Toys – Warehouse Robotics Pilot', 'name'),
        f('Contact', 'Kenji Watanabe', 'parentcontactid'),
        f('Account', '', 'parentaccountid'),
        f('Currency', 'US Dollar', 'transactioncurrencyid'),
        f('Est. Revenue', '$610,000.00', 'estimatedvalue'),
        f('Est. Close Date', '2/28/2028', 'estimatedclosedate'),
        f('Description', 'Autonomous mobile robots for picking in the Osaka distribution centre; 12-week pilot.', 'description'),
        f('Status Reason', 'In Progress', 'statuscode'),
        f('Owner', 'Maya Lindqvist', 'ownerid'),
      ],
      contacts: [],
      missing: ['stage', 'account'],
    },
  },
  // Recognised as an account, which the adapter does not read: the caller reports "unsupported-object".
  'account-en.html': { ref: { objectType: 'account', recordId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928' }, extraction: null },
  // The current stage names itself ("Develop, Active for 12 days"): no stage-name element.
  'opportunity-stage-aria-label.html': {
    ref: variantRef('4d3c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d'),
    extraction: northwindLayout('Contoso Pharmaceuticals – Lab Freezer Telemetry'),
  },
  // Stage names in labels; the current stage is the one with the "Active for" status, not the selected Propose.
  'opportunity-stage-label.html': {
    ref: variantRef('5e4d3c2b-1a0f-4b8c-9d7e-6f5a4b3c2d1e'),
    extraction: northwindLayout('Wide World Importers – Reefer Container Tracking'),
  },
  'opportunity-bare-dollar.html': { ref: variantRef('6f5e4d3c-2b1a-4c9d-8e7f-7a6b5c4d3e2f'), extraction: LITWARE },
  // Stakeholders read by column position: the same names, roles and e-mails as the ag-grid page.
  'opportunity-grid-no-columns.html': {
    ref: variantRef('7a6f5e4d-3c2b-4d0e-9f8a-8b7c6d5e4f3a'),
    extraction: northwindLayout('Alpine Ski House – Cold Storage Upgrade'),
  },
};

// --- Finding the form in view -----------------------------------------------------------

describe('findRecordRoot', () => {
  /** The en page after an in-app navigation to the second record, as the e2e harness does it. */
  function navigated(): Document {
    const doc = load('opportunity-en.html');
    const incoming = load('opportunity-second-en.html').querySelector('[data-fixture-view]')!;
    const previous = doc.querySelector<HTMLElement>('[data-fixture-view]')!;
    previous.style.display = 'none';
    previous.parentElement!.appendChild(doc.importNode(incoming, true));
    return selectAsParsed(doc);
  }

  it('reads the page in view, not the hidden earlier one', () => {
    const doc = navigated();
    expect(doc.querySelectorAll('[data-id="editFormRoot"]')).toHaveLength(2);
    const root = dynamicsAdapter.findRecordRoot(doc, FOURTH_COFFEE_REF);
    expect(viewOf(root)).toBe('opportunity-second-en');
    expect(dynamicsAdapter.extract(root!, FOURTH_COFFEE_REF)).toStrictEqual(FOURTH_COFFEE);
  });

  it('follows back navigation', () => {
    const doc = navigated();
    doc.querySelector<HTMLElement>('[data-fixture-view="opportunity-second-en"]')!.hidden = true;
    doc.querySelector<HTMLElement>('[data-fixture-view="opportunity-en"]')!.style.display = '';
    expect(viewOf(dynamicsAdapter.findRecordRoot(doc, NORTHWIND_REF))).toBe('opportunity-en');
  });

  it('skips a form in a modal dialog over the page', () => {
    const doc = load('opportunity-en.html');
    const dialog = doc.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.appendChild(doc.importNode(load('opportunity-second-en.html').querySelector('[data-fixture-view]')!, true));
    doc.body.prepend(dialog); // first in document order
    expect(viewOf(dynamicsAdapter.findRecordRoot(doc, NORTHWIND_REF))).toBe('opportunity-en');
    doc.querySelector<HTMLElement>('[data-fixture-view="opportunity-en"]')!.style.display = 'none';
    expect(dynamicsAdapter.findRecordRoot(doc, NORTHWIND_REF)).toBeNull(); // the dialog's record is not the page's
  });

  it('returns null while no form has rendered', () => {
    const shell = '<!doctype html><html><body><div id="mainContent"><div class="page">Loading…</div></div></body></html>';
    expect(dynamicsAdapter.findRecordRoot(loadHtml(shell), NORTHWIND_REF)).toBeNull();
    const hidden = '<!doctype html><html><body><div style="display:none"><div data-id="editFormRoot"></div></div></body></html>';
    expect(dynamicsAdapter.findRecordRoot(loadHtml(hidden), NORTHWIND_REF)).toBeNull();
  });
});

// --- Parts and fallbacks ------------------------------------------------------------------

describe('extract: parts and fallbacks', () => {
  const rootOf = (doc: Document) => dynamicsAdapter.findRecordRoot(doc, NORTHWIND_REF)!;
  const extractFrom = (doc: Document) => dynamicsAdapter.extract(rootOf(doc), NORTHWIND_REF);
  const stages = (doc: Document) => Array.from(doc.querySelectorAll('li[id*="processHeaderStage"]'));

  it('takes the stage the record is in, not the stage whose flyout the user opened', () => {
    const doc = load('opportunity-en.html');
    const [, develop, propose] = stages(doc);
    develop!.setAttribute('aria-selected', 'false');
    propose!.setAttribute('aria-selected', 'true');
    expect(extractFrom(doc).stage).toBe('Develop');
  });

  it('finds the current stage by its "Active for" label, then by selection, when stages carry no data-selected-stage', () => {
    const doc = load('opportunity-en.html');
    for (const stage of stages(doc)) stage.removeAttribute('data-selected-stage');
    stages(doc)[1]!.setAttribute('aria-selected', 'false');
    stages(doc)[2]!.setAttribute('aria-selected', 'true');
    expect(extractFrom(doc).stage).toBe('Develop');
    doc.querySelector('[id*="ProcessBreadCrumb-stageStatusLabel"]')!.remove();
    expect(extractFrom(doc).stage).toBe('Propose');
  });

  it('reads a stage name from its container title when the name element is gone', () => {
    const doc = load('opportunity-en.html');
    stages(doc)[1]!.querySelector('[id*="processHeaderStageName"]')!.remove();
    expect(extractFrom(doc).stage).toBe('Develop');
  });

  it('falls back to Sales Stage, then Pipeline Phase, without a business process flow', () => {
    const second = load('opportunity-second-en.html');
    second.getElementById('bpfContainer')!.remove();
    second.querySelector('[data-id="salesstage.fieldControl-option-set-select"] option[selected]')!.textContent = 'Propose (field)';
    expect(dynamicsAdapter.extract(dynamicsAdapter.findRecordRoot(second, FOURTH_COFFEE_REF)!, FOURTH_COFFEE_REF).stage).toBe('Propose (field)');
    const doc = load('opportunity-en.html');
    doc.getElementById('bpfContainer')!.remove();
    expect(extractFrom(doc).stage).toBe('2-Develop');
  });

  it('takes the name from the Topic field when the header title is missing, and prefers the title attribute', () => {
    const doc = load('opportunity-en.html');
    const title = doc.querySelector('[data-id="header_title"]')!;
    title.firstChild!.textContent = 'Northwind Traders – Cold Chain Mon…'; // truncated display text
    expect(extractFrom(doc).name).toBe('Northwind Traders – Cold Chain Monitoring Rollout');
    title.remove();
    doc.querySelector<HTMLInputElement>('[data-id="name.fieldControl-text-box-text"]')!.value = 'Topic field';
    expect(extractFrom(doc).name).toBe('Topic field');
  });

  it('prefers body fields to header fields, and the header covers fields the body does not show', () => {
    const doc = load('opportunity-en.html');
    doc.querySelector<HTMLInputElement>('[data-id="header_estimatedvalue.fieldControl-currency-text-input"]')!.value = '$1.00';
    expect(extractFrom(doc).amount).toEqual({ text: '$850,000.00', value: 850_000, currency: 'USD' });
    doc.querySelector('[data-id="estimatedvalue-FieldSectionItemContainer"]')!.remove();
    const extraction = extractFrom(doc);
    expect(extraction.amount).toEqual({ text: '$1.00', value: 1, currency: 'USD' });
    expect(extraction.fields.filter((x) => x.apiName === 'estimatedvalue')).toEqual([f('Est. Revenue', '$1.00', 'estimatedvalue')]);
  });

  it('names the currency from the lookup only when the amount does not', () => {
    const doc = load('opportunity-en.html');
    const tag = doc.querySelector('[data-id="transactioncurrencyid.fieldControl-LookupResultsDropdown_transactioncurrencyid_selected_tag_text"]')!;
    const amount = doc.querySelector<HTMLInputElement>('[data-id="estimatedvalue.fieldControl-currency-text-input"]')!;
    tag.setAttribute('title', 'Japanese Yen');
    amount.value = '¥850,000';
    expect(extractFrom(doc).amount).toEqual({ text: '¥850,000', value: 850_000, currency: 'JPY' });
    amount.value = 'GBP 850,000.00';
    expect(extractFrom(doc).amount).toEqual({ text: 'GBP 850,000.00', value: 850_000, currency: 'GBP' });
    tag.setAttribute('title', 'Some Local Money');
    amount.value = '$850,000.00';
    expect(extractFrom(doc).amount).toEqual({ text: '$850,000.00', value: 850_000, currency: 'USD', currencyAssumed: true });
  });

  it('finds parts by label when a container does not name its field', () => {
    const doc = load('opportunity-zh.html');
    const ref = { objectType: 'opportunity', recordId: 'c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5' };
    const customer = doc.querySelector('[data-id="customerid-FieldSectionItemContainer"]')!;
    customer.removeAttribute('data-id');
    customer.setAttribute('id', 'customer-FieldSectionItemContainer'); // not id-{guid}-{n}-{name}-…
    const extraction = dynamicsAdapter.extract(dynamicsAdapter.findRecordRoot(doc, ref)!, ref);
    expect(extraction.account).toBe('华澜物流有限公司');
    expect(extraction.fields).toContainEqual(f('潜在客户', '华澜物流有限公司'));
  });

  it('does not take a field that names itself otherwise for a part, whatever its label', () => {
    const doc = load('opportunity-zh.html');
    const ref = { objectType: 'opportunity', recordId: 'c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5' };
    const customer = doc.querySelector('[data-id="customerid-FieldSectionItemContainer"]')!;
    customer.setAttribute('data-id', 'new_formercustomerid-FieldSectionItemContainer');
    const extraction = dynamicsAdapter.extract(dynamicsAdapter.findRecordRoot(doc, ref)!, ref);
    expect(extraction.fields).toContainEqual(f('潜在客户', '华澜物流有限公司', 'new_formercustomerid'));
    expect(extraction.account).toBeUndefined();
    expect(extraction.missing).toContain('account');
  });

  it('reads several lookup values, select options, two-option checkboxes and read-only text', () => {
    const doc = load('opportunity-en.html');
    const list = doc.querySelector('[data-id="parentcontactid.fieldControl-LookupResultsDropdown_parentcontactid_SelectedRecordList"]')!;
    const second = list.firstElementChild!.cloneNode(true) as Element;
    second.querySelector('[title]')!.setAttribute('title', 'Grace Okafor');
    list.appendChild(second);
    const select = doc.querySelector<HTMLSelectElement>('[data-id="purchaseprocess.fieldControl-option-set-select"]')!;
    select.selectedIndex = 0; // "---"
    const probability = doc.querySelector('[data-id="closeprobability.fieldControl-whole-number-text-input"]')!;
    const box = doc.createElement('input');
    box.type = 'checkbox';
    box.setAttribute('data-id', 'closeprobability.fieldControl-checkbox-toggle');
    box.checked = true;
    probability.replaceWith(box);
    const byName = new Map(extractFrom(doc).fields.map((x) => [x.apiName, x.value]));
    expect(byName.get('parentcontactid')).toBe('Elena Petrova; Grace Okafor');
    expect(byName.get('purchaseprocess')).toBe('');
    expect(byName.get('closeprobability')).toBe('true');
    expect(byName.get('stepname')).toBe('2-Develop');
  });

  it('leaves out fields that are not rendered and the BPF flyout steps', () => {
    const doc = load('opportunity-en.html');
    doc.querySelector<HTMLElement>('[data-id="Summary_section_7"]')!.style.display = 'none';
    const flyout = doc.createElement('div');
    flyout.innerHTML =
      '<div data-id="header_process_budgetamount-FieldSectionItemContainer"><label id="id-1-header_process_budgetamount-field-label">Budget</label><input data-id="header_process_budgetamount.fieldControl-currency-text-input" value="$1.00"></div>';
    doc.getElementById('bpfContainer')!.appendChild(flyout);
    const fields = extractFrom(doc).fields;
    expect(fields.map((x) => x.apiName)).not.toContain('description');
    expect(fields.filter((x) => x.apiName === 'budgetamount')).toEqual([f('Budget Amount', '$900,000.00', 'budgetamount')]);
    expect(fields).toHaveLength(NORTHWIND.fields.length - 4);
  });

  it('takes only the customer’s people from subgrids: users and non-contact rows are left out', () => {
    const doc = load('opportunity-en.html');
    expect(extractFrom(doc).contacts.map((c) => c.name)).not.toContain('Maya Lindqvist'); // Sales Team: users
    // A stakeholder that is an account is not a contact.
    const link = doc.querySelector('[data-id="Stakeholders-pcf_grid_control_container"] a[href*="etn=contact"]')!;
    link.setAttribute('href', link.getAttribute('href')!.replace('etn=contact', 'etn=account'));
    expect(extractFrom(doc).contacts.map((c) => c.name)).toEqual(['Tomás Alvarez', 'Grace Okafor']);
  });

  it('reads rows without record links only in known contact subgrids, by header label when cells have no col-id', () => {
    const doc = load('opportunity-en.html');
    for (const link of Array.from(doc.querySelectorAll('.ag-root a[href*="etn="]'))) link.removeAttribute('href');
    for (const cell of Array.from(doc.querySelectorAll('[role="gridcell"]'))) cell.removeAttribute('col-id');
    expect(extractFrom(doc).contacts).toStrictEqual(NORTHWIND.contacts);
  });

  it('reports every part missing on an empty form', () => {
    const doc = loadHtml('<!doctype html><html><body><div data-id="editFormRoot"></div></body></html>');
    const root = dynamicsAdapter.findRecordRoot(doc, NORTHWIND_REF)!;
    expect(dynamicsAdapter.extract(root, NORTHWIND_REF)).toStrictEqual({
      fields: [],
      contacts: [],
      missing: ['name', 'stage', 'amount', 'closeDate', 'owner', 'account'],
    });
  });
});

// --- Known variants -------------------------------------------------------------------------

describe('known variants', () => {
  const extractOf = (file: string, doc = load(file)) => read(file, doc).extraction!;
  const currentStage = (doc: Document) => doc.querySelector('li[id*="processHeaderStage"][data-selected-stage="true"]')!;

  it('reads the stage from the current stage itself: title, then aria-label, then text, without its status', () => {
    const file = 'opportunity-stage-aria-label.html';
    expect(extractOf(file).stage).toBe('Develop'); // aria-label "Develop, Active for 12 days"
    const doc = load(file);
    currentStage(doc).setAttribute('title', 'Develop (title)');
    expect(extractOf(file, doc).stage).toBe('Develop (title)');
    currentStage(doc).removeAttribute('title');
    currentStage(doc).removeAttribute('aria-label');
    expect(extractOf(file, doc).stage).toBe('Develop'); // the button's text "Develop Active for 12 days"
    doc.querySelector('[id*="ProcessBreadCrumb-stageStatusLabel"]')!.remove();
    expect(extractOf(file, doc).stage).toBe('Develop');
  });

  it('returns markup in a stage’s aria-label as literal text', () => {
    const file = 'opportunity-stage-aria-label.html';
    const doc = load(file);
    currentStage(doc).setAttribute('aria-label', '<img src=x onerror=alert(1)>, Active for 12 days');
    expect(extractOf(file, doc).stage).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });

  it('prefers a stage-name element to what the stage says of itself', () => {
    const doc = load('opportunity-en.html');
    currentStage(doc).setAttribute('title', 'Stage 2 of 4');
    expect(extractOf('opportunity-en.html', doc).stage).toBe('Develop');
  });

  it('reads stage names from labels with no id, and finds the current stage by its status, not by the open flyout', () => {
    const file = 'opportunity-stage-label.html';
    const doc = load(file);
    expect(doc.querySelector('li[aria-selected="true"] label[data-id*="processHeaderStageName"]')?.textContent).toBe('Propose');
    const status = doc.querySelector('[id*="ProcessBreadCrumb-stageStatusLabel"]')!;
    const develop = status.closest('li')!;
    develop.querySelector('button')!.setAttribute('aria-label', 'Stage 2 of 4');
    expect(extractOf(file, doc).stage).toBe('Develop'); // the label, not the button's aria-label
    status.remove(); // nothing marks the current stage any more: the selected one is taken
    expect(extractOf(file, doc).stage).toBe('Propose');
  });

  it('takes a bare "$" for USD, assumed, unless the Currency lookup names an ISO currency', () => {
    const file = 'opportunity-bare-dollar.html';
    expect(extractOf(file).amount).toEqual({ text: '$2,350,000.00', value: 2_350_000, currency: 'USD', currencyAssumed: true });
    const withLookup = (name: string) => {
      const doc = load(file);
      const currency = doc.importNode(load('opportunity-en.html').querySelector('[data-id="transactioncurrencyid-FieldSectionItemContainer"]')!, true);
      currency.querySelector('[title]')!.setAttribute('title', name);
      doc.querySelector('[data-id="budgetamount-FieldSectionItemContainer"]')!.before(currency);
      return extractOf(file, doc).amount;
    };
    expect(withLookup('Canadian Dollar')).toEqual({ text: '$2,350,000.00', value: 2_350_000, currency: 'CAD' });
    expect(withLookup('Dollar (INT)')).toEqual({ text: '$2,350,000.00', value: 2_350_000, currency: 'USD', currencyAssumed: true }); // no ISO code
    expect(withLookup('Company Dollar')).toEqual({ text: '$2,350,000.00', value: 2_350_000, currency: 'USD', currencyAssumed: true });
  });

  it('reads subgrid cells that name no column by their position under the column headers', () => {
    const file = 'opportunity-grid-no-columns.html';
    const doc = load(file);
    expect(doc.querySelectorAll('[role="gridcell"][col-id], [role="gridcell"][aria-colindex], [role="grid"] a[href]')).toHaveLength(0);
    expect(extractOf(file, doc).contacts).toStrictEqual(NORTHWIND.contacts);
    // Headers decide: swap the Role and Email headers and the values follow them.
    const [, role, email] = Array.from(doc.querySelectorAll('#dataSetRoot_Stakeholders [role="columnheader"] .grid-header-text'));
    [role!.textContent, email!.textContent] = [email!.textContent, role!.textContent];
    expect(extractOf(file, doc).contacts[0]).toStrictEqual({ name: 'Elena Petrova', role: 'elena.petrova@northwindtraders.example', email: 'Decision Maker' });
    // The Sales Team grid (users, not a contact list) is not read, whatever its columns say; rows are bounded.
    const grid = doc.querySelector('#dataSetRoot_Stakeholders [role="grid"]')!;
    const row = grid.querySelector('[aria-label="Data"]')!;
    for (let i = 0; i < 600; i += 1) {
      const clone = row.cloneNode(true) as Element;
      clone.querySelectorAll('.cell-text')[0]!.textContent = `Person ${i}`;
      grid.appendChild(clone);
    }
    expect(extractOf(file, doc).contacts).toHaveLength(MAX_CONTACTS);
    expect(extractOf(file, doc).contacts.map((contact) => contact.name)).not.toContain('Maya Lindqvist');
  });
});

// --- Hostile pages ------------------------------------------------------------------------

describe('hostile content', () => {
  it.each([
    ['an empty document', ''],
    ['text only', 'Sign in to your account'],
    ['a form root with empty names', '<div data-id="editFormRoot"><div data-id="-FieldSectionItemContainer"><label id="-field-label"></label><input data-id=".fieldControl"></div></div>'],
    [
      'stray BPF and grid parts',
      '<div data-id="editFormRoot"><li id="processHeaderStage" data-selected-stage="true"></li><label id="ProcessBreadCrumb-stageStatusLabel"></label><div data-id="-pcf_grid_control_container"><div role="row"><div role="gridcell"><a href="?etn=">x</a></div></div></div><div id="dataSetRoot_"></div></div>',
    ],
    ['unbalanced markup', '<div data-id="editFormRoot"><div data-id="name-FieldSectionItemContainer"><label id="x-name-field-label">Topic<select data-id="name.fieldControl"><option>'],
    ['a lookup without tags or input', '<div data-id="editFormRoot"><div data-id="ownerid-FieldSectionItemContainer"><label id="ownerid-field-label">Owner</label><ul data-id="ownerid.fieldControl-LookupResultsDropdown_ownerid_selected_tag_text"></ul></div></div>'],
    ['deep nesting', '<div data-id="editFormRoot"><div id="deep"></div></div>'],
  ])('reads %s without throwing', (_, body) => {
    const doc = loadHtml(`<!doctype html><html><body>${body}</body></html>`);
    // Nested through the DOM: deeper than happy-dom's recursive selector matching can go.
    let deep = doc.getElementById('deep');
    for (let i = 0; deep && i < 5_000; i += 1) deep = deep.appendChild(doc.createElement('div'));
    deep?.insertAdjacentHTML('beforeend', '<div data-id="name-FieldSectionItemContainer"><label id="name-field-label">Topic</label></div>');
    const root = dynamicsAdapter.findRecordRoot(doc, NORTHWIND_REF) ?? doc.body;
    const extraction = dynamicsAdapter.extract(root, NORTHWIND_REF);
    // happy-dom tears a window down recursively: take the deep chain apart leaf first.
    for (let leaf: Element | null = deep; leaf && leaf.id !== 'deep'; ) {
      const parent: Element | null = leaf.parentElement;
      leaf.remove();
      leaf = parent;
    }
    expect(extraction.missing.length).toBeGreaterThan(0);
    const snapshot = { ...extraction, crm: 'dynamics', adapter: 'dynamics', host: manifest.host, url: 'https://x/', readAt: 1, ...NORTHWIND_REF };
    expect(RecordSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

});

// --- Selector variants: expected matches per fixture (Refined GitHub style) ---------------

// Counted over the whole document, hidden elements included.
// Columns follow fixtures.json:
//   en, second-en, zh, half-loaded, renamed-classes, account-en, stage-aria-label, stage-label, bare-dollar, grid-no-columns
const SELECTOR_COUNTS: Record<string, number[]> = {
  'formRoot.0': [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  'dialog.0': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // no dialog fixture: tested by wrapping a view in one
  'dialog.1': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'formHeader.0': [1, 1, 1, 1, 2, 1, 1, 1, 1, 1], // renamed: the title's new data-id "form-header-title" contains it too
  'headerTitle.0': [1, 1, 1, 1, 0, 1, 1, 1, 1, 1], // renamed: data-id="form-header-title"
  'fieldContainer.0': [20, 20, 18, 4, 4, 14, 20, 20, 19, 20], // renamed: body containers are data-id="{name}-FieldItem", header ones unchanged; bare-dollar: no Currency
  'fieldContainer.1': [20, 20, 18, 4, 11, 14, 20, 20, 19, 20],
  'fieldLabel.0': [20, 20, 18, 4, 11, 14, 20, 20, 19, 20],
  'lookupTag.0': [4, 4, 4, 1, 3, 2, 4, 4, 3, 4], // renamed: the Account lookup is a new control; account-en: Parent Account is empty
  'lookupTag.1': [4, 4, 4, 1, 3, 2, 4, 4, 3, 4],
  'fieldInput.0': [10, 10, 10, 2, 8, 13, 10, 10, 9, 10], // includes the body lookups' search boxes
  'fieldInput.1': [4, 4, 4, 0, 1, 0, 4, 4, 4, 4],
  'fieldInput.2': [2, 3, 2, 0, 0, 0, 2, 2, 2, 2],
  'fieldInput.3': [1, 1, 0, 0, 0, 0, 1, 1, 1, 1],
  'fieldText.0': [53, 54, 50, 9, 35, 35, 53, 53, 47, 53], // every part of every control (containers, tags, inputs)
  'bpfStage.0': [4, 4, 4, 0, 0, 0, 4, 4, 4, 4], // renamed: …ProcessStages-stage_{guid}
  'bpfCurrentStage.0': [1, 1, 1, 0, 0, 0, 1, 0, 1, 1], // stage-label: no data-selected-stage
  'bpfStageStatus.0': [1, 1, 1, 0, 0, 0, 1, 1, 1, 1],
  'bpfSelectedStage.0': [1, 1, 1, 0, 0, 0, 1, 1, 1, 1], // stage-label: Propose, whose flyout is open
  'bpfStageName.0': [4, 4, 4, 0, 0, 0, 0, 0, 4, 4], // stage-aria-label: stages name themselves; stage-label: labels without id
  'bpfStageName.1': [0, 0, 0, 0, 0, 0, 0, 4, 0, 0],
  'bpfStageName.2': [4, 4, 4, 0, 0, 0, 0, 0, 4, 4],
  'subgrid.0': [2, 3, 2, 0, 0, 1, 2, 2, 2, 0], // renamed: "{name}-grid-container"; grid-no-columns: read-only grids have no PCF container
  'subgrid.1': [2, 3, 2, 0, 0, 1, 2, 2, 2, 2],
  'gridRow.0': [12, 13, 8, 0, 3, 7, 12, 12, 12, 7], // per ag-grid subgrid: header row, then a pinned and a centre row per record; read-only grid: one row per record
  'gridCell.0': [18, 19, 11, 0, 4, 9, 18, 18, 18, 18], // selection cells included
  'gridColumnHeader.0': [7, 11, 7, 0, 4, 3, 7, 7, 7, 7],
  'gridRecordLink.0': [5, 5, 3, 0, 1, 3, 5, 5, 5, 0],
};

// --- The contract every adapter keeps (testing/contract.ts) --------------------------------

const STAKEHOLDER_LINK = '[data-id="Stakeholders-pcf_grid_control_container"] a';

describeAdapterContract({
  crm: 'dynamics',
  adapter: dynamicsAdapter,
  fixtures: { ...fixtures, load },
  expectedFiles: [
    'opportunity-en.html',
    'opportunity-second-en.html',
    'opportunity-zh.html',
    'opportunity-half-loaded.html',
    'opportunity-renamed-classes.html',
    'account-en.html',
    'opportunity-stage-aria-label.html',
    'opportunity-stage-label.html',
    'opportunity-bare-dollar.html',
    'opportunity-grid-no-columns.html',
  ],
  host: 'contoso.crm4.dynamics.com',
  pathPattern: /^\/main\.aspx\?appid=[0-9a-f-]{36}&.*pagetype=entityrecord&etn=(opportunity|account)&id=\S+$/,
  referencePattern: /<!--[\s\S]*EasyRepro[\s\S]*AppElementReference\.cs[\s\S]*community[\s\S]*-->/,
  viewHolds: '[data-id="editFormRoot"]',
  expectations: EXPECTED,
  // The root is the form inside the fixture's own view.
  rootMatches: '[data-id="editFormRoot"]',
  hostile: {
    file: 'opportunity-en.html',
    ref: NORTHWIND_REF,
    slots: [
      {
        name: 'header title',
        write: (doc, text) => doc.querySelector('[data-id="header_title"]')!.setAttribute('title', text),
        read: slotReads.name,
      },
      {
        name: 'Description',
        write: (doc, text) => {
          doc.querySelector<HTMLTextAreaElement>('[data-id="description.fieldControl-text-box-text"]')!.value = text;
        },
        read: slotReads.field('description'),
      },
      {
        // The lookup's title attribute is read first: emptied, its text is read.
        name: 'account lookup',
        write: (doc, text) => {
          const account = doc.querySelector('[data-id="parentaccountid.fieldControl-LookupResultsDropdown_parentaccountid_selected_tag_text"]')!;
          account.setAttribute('title', '');
          account.textContent = text;
        },
        read: slotReads.account,
      },
      { name: 'stakeholder', write: writeText(STAKEHOLDER_LINK), read: slotReads.contact(0) },
      {
        name: 'estimated revenue',
        write: (doc, text) => {
          doc.querySelector<HTMLInputElement>('[data-id="estimatedvalue.fieldControl-currency-text-input"]')!.value = text;
        },
        read: slotReads.amount,
        longText: `$${'9'.repeat(50_000)}`,
      },
    ],
    contacts: {
      grow(doc, count) {
        const centre = doc.querySelector('[data-id="Stakeholders-pcf_grid_control_container"] .ag-center-cols-container')!;
        const row = centre.querySelector('[role="row"]')!;
        for (let i = 0; i < count; i += 1) {
          const clone = row.cloneNode(true) as Element;
          clone.setAttribute('row-index', `x${i}`);
          clone.querySelector('a')!.textContent = `Person ${i}`;
          centre.appendChild(clone);
        }
      },
    },
    fields: {
      grow(doc, count) {
        const section = doc.querySelector('[data-id="Summary_section_6"] .field-list')!;
        const field = section.querySelector('[data-id="budgetamount-FieldSectionItemContainer"]')!;
        for (let i = 0; i < count; i += 1) {
          const clone = field.cloneNode(true) as Element;
          clone.setAttribute('data-id', `new_field${i}-FieldSectionItemContainer`);
          section.appendChild(clone);
        }
      },
    },
  },
  selectors: dynamicsSelectors,
  selectorCounts: SELECTOR_COUNTS,
});
