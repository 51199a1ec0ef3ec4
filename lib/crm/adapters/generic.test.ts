// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CrmAdapter, Extraction, RecordRef } from '../adapter';
import { MAX_FIELDS, MAX_TEXT } from '../limits';
import { readPage } from '../read-page';
import { RecordSnapshotSchema } from '../snapshot';
import {
  createCustomAdapter,
  createGenericAdapter,
  extractGenericRecord,
  findGenericRecordRoot,
  inferFields,
  isValidSelector,
  partForLabel,
  recognizeGenericUrl,
  recordIdOf,
  type CustomCrmDefinition,
} from './generic';
import { fixturesOf } from './testing/fixtures';

// --- Fixtures ------------------------------------------------------------------------

const { index: manifest, files: FILES, urlOf, load: loadRaw, loadHtml: loadHtmlRaw, readHtml } = fixturesOf('generic');

/**
 * happy-dom 21 selects the option after the one marked `selected` when it
 * parses a <select>; a browser's parser selects the marked one. Restore that,
 * as the shared loader attaches declarative shadow roots for the same reason.
 */
function selectAsParsed(doc: Document): Document {
  for (const select of Array.from(doc.querySelectorAll('select'))) {
    for (const option of Array.from(select.options)) option.selected = option.hasAttribute('selected');
  }
  return doc;
}
const load = (file: string) => selectAsParsed(loadRaw(file));
const loadHtml = (html: string, url?: string) => selectAsParsed(loadHtmlRaw(html, url));

const generic = createGenericAdapter({ matches: ['https://crm.example.com/*'] });

function read(adapter: CrmAdapter, file: string, doc = load(file)): { ref: RecordRef | null; root: Element | null; extraction: Extraction | null } {
  const ref = adapter.recognize(urlOf(file));
  const root = ref ? adapter.findRecordRoot(doc, ref) : null;
  return { ref, root, extraction: ref && root ? adapter.extract(root, ref) : null };
}

const f = (label: string, value: string, apiName?: string) => (apiName ? { label, value, apiName } : { label, value });
const ALL_PARTS = ['name', 'stage', 'amount', 'closeDate', 'owner', 'account'];

// --- Record ids in URLs ----------------------------------------------------------------

describe('recognizeGenericUrl', () => {
  const at = (href: string) => recognizeGenericUrl(new URL(href, 'https://crm.example.com'));

  it.each([
    ['numeric id after the object', '/deals/48213', 'deals', '48213'],
    ['trailing slash', '/deals/48213/', 'deals', '48213'],
    ['view word after the id', '/deals/48213/edit', 'deals', '48213'],
    ['view word before the id', '/crm/deal/view/DL10442', 'deal', 'DL10442'],
    ['the last id wins', '/accounts/9921/deals/17', 'deals', '17'],
    ['sub-page of a record', '/deals/48213/notes', 'deals', '48213'],
    ['UUID', '/crm/opportunity/3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'opportunity', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['GUID in encoded braces', '/entities/%7B3F2504E0-4F89-11D3-9A0C-0305E82C3301%7D', 'entities', '3F2504E0-4F89-11D3-9A0C-0305E82C3301'],
    ['letters and digits', '/records/deal/a1b2c3d4e5', 'deal', 'a1b2c3d4e5'],
    ['Zoho-style path', '/crm/org60012345/tab/Potentials/4150868000000624001', 'Potentials', '4150868000000624001'],
    ['Salesforce-style path', '/lightning/r/Opportunity/0065g00000AbCdEAAV/view', 'Opportunity', '0065g00000AbCdEAAV'],
    ['hyphenated object', '/sales-deals/77', 'sales_deals', '77'],
    ['no object segment', '/48213', 'record', '48213'],
    ['object segment that is a file', '/index.php/48213', 'record', '48213'],
    ['query id', '/app/opportunities/edit?id=7731', 'opportunities', '7731'],
    ['query recordId', '/deal.php?recordId=a1b2c3d4e5', 'record', 'a1b2c3d4e5'],
    ['query record_id beats a path id', '/crm/org60012345/deals?record_id=99', 'deals', '99'],
    ['query id with a type parameter', '/main.aspx?etn=opportunity&pagetype=entityrecord&id=%7B3F2504E0-4F89-11D3-9A0C-0305E82C3301%7D', 'opportunity', '3F2504E0-4F89-11D3-9A0C-0305E82C3301'],
    ['hash route', '/app/#/deals/123', 'deals', '123'],
    ['hashbang route', '/app/#!/deals/123', 'deals', '123'],
    ['EspoCRM route', '/espo/#Opportunity/view/5f1a2b3c4d5e6f708', 'Opportunity', '5f1a2b3c4d5e6f708'],
    ['hash route beats the path', '/org/60012345/#/deals/123', 'deals', '123'],
    ['hash route with a query', '/app/#/deals?id=123', 'deals', '123'],
    ['Odoo legacy hash', '/web#id=42&model=crm.lead&view_type=form', 'crm_lead', '42'],
    ['plain anchor on a record path', '/deals/48213#notes', 'deals', '48213'],
  ])('%s: %s', (_, path, objectType, recordId) => {
    expect(at(path)).toEqual({ objectType, recordId });
  });

  it.each([
    ['home', '/'],
    ['list', '/deals'],
    ['list with paging', '/deals?stage=all&page=2'],
    ['new record form', '/deals/new'],
    ['settings', '/settings/profile'],
    ['short version segment', '/api/v2/deals'],
    ['one digit is no id', '/auth/oauth2callback'],
    ['letters only', '/deals/pipeline'],
    ['slug with hyphens', '/reports/q3-2027-forecast'],
    ['file name', '/assets/app.3f9a1b2c.js'],
    ['id param that is no id', '/deals?id=pipeline'],
    ['empty id param', '/deals?id='],
    ['path traversal in id param', '/deals?id=..%2F..%2Fetc'],
    ['plain numeric anchor', '/deals#12'],
    ['anchor only', '/help#section-3'],
    ['hash route without an id', '/app/#/deals'],
    ['over 64 characters', `/deals/${'a1'.repeat(33)}`],
    ['over 20 digits', `/deals/${'1'.repeat(21)}`],
  ])('no record: %s', (_, path) => {
    expect(at(path)).toBeNull();
  });

  it('recognises only what the snapshot schema accepts', () => {
    for (const path of ['/deals/48213', '/espo/#Opportunity/view/5f1a2b3c4d5e6f708', `/x/${'9'.repeat(20)}`, `/${'o'.repeat(100)}/1`]) {
      const ref = at(path);
      expect(ref?.recordId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(ref?.objectType).toMatch(/^[A-Za-z0-9_]{1,80}$/);
    }
    expect(at(`/${'o'.repeat(100)}/1`)).toEqual({ objectType: 'record', recordId: '1' });
  });

  it.each([
    ['5f1a2b3c4d5e6f708', '5f1a2b3c4d5e6f708'],
    ['{3F2504E0-4F89-11D3-9A0C-0305E82C3301}', '3F2504E0-4F89-11D3-9A0C-0305E82C3301'],
    ['007', '007'],
    ['ab12cd', 'ab12cd'],
    ['ab1cde', null],
    ['12345a', '12345a'],
    ['abc12', null],
    ['pipeline', null],
    ['a-1-2-3-4', null],
    ['', null],
  ])('recordIdOf(%j) = %j', (segment, expected) => {
    expect(recordIdOf(segment)).toBe(expected);
  });
});

// --- The fixtures ----------------------------------------------------------------------

describe('fixtures.json', () => {
  it('lists every fixture once, each with its own path on the CRM host', () => {
    expect(FILES).toEqual([
      'deal-dl.html',
      'deal-form.html',
      'deal-table.html',
      'espo-opportunity.html',
      'deal-zh.html',
      'deals-list.html',
      'deal-messy.html',
    ]);
    expect(manifest.host).toBe('crm.example.com');
    expect(new Set(manifest.fixtures.map((x) => x.path)).size).toBe(FILES.length);
    for (const fixture of manifest.fixtures) expect(fixture.path.startsWith('/')).toBe(true);
    expect(manifest.fixtures.find((x) => x.file === 'espo-opportunity.html')?.description).toMatch(/fragment.*not sent to servers/);
  });

  it.each(FILES)('%s is a self-contained document that says what it imitates', (file) => {
    const html = readHtml(file);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const head = html.slice(0, html.indexOf('</head>'));
    if (file.startsWith('espo-')) {
      expect(head).toMatch(/<!--[\s\S]*EspoCRM's public source[\s\S]*\.cell\.form-group\[data-name=X\][\s\S]*not EspoCRM's DOM[\s\S]*-->/);
    } else {
      expect(head).toMatch(/<!--[\s\S]*composite[\s\S]*not the DOM of any specific\s+product[\s\S]*Imitates:[\s\S]*-->/);
    }
    expect(html).not.toMatch(/<script|<link|<iframe|\bsrc=|url\(|@import|https?:\/\//i);
    const doc = load(file);
    expect(doc.querySelectorAll(`[data-fixture-view="${file.replace('.html', '')}"]`)).toHaveLength(1);
  });
});

const EXPECTED: Record<string, { ref: RecordRef | null; root?: string; extraction?: Extraction }> = {
  'deal-dl.html': {
    ref: { objectType: 'deals', recordId: '48213' },
    root: 'main',
    extraction: {
      name: 'Nile Telecom – Solar Hybrid Sites', // no Name field: the first h1
      stage: 'Needs analysis',
      amount: { text: 'USD 1,250,000.00', value: 1_250_000, currency: 'USD' },
      closeDate: '2027-03-31',
      owner: 'Priya Raman',
      account: 'Nile Telecom',
      fields: [
        f('Stage', 'Needs analysis'),
        f('Amount', 'USD 1,250,000.00'),
        f('Expected close', '2027-03-31'),
        f('Probability', '20%'),
        f('Owner', 'Priya Raman'),
        f('Account', 'Nile Telecom'),
        f('Tags', 'Energy, Telecom towers'),
        f('Next step', 'Site survey of 12 tower sites'),
        f('Sites', '48 rural tower sites, Upper Egypt first'),
        f('Current power', 'Diesel generators, 60 kVA per site'),
        f('Decision criteria', 'Operating cost per site over 10 years'),
        f('Created by', 'Priya Raman'),
        f('Last modified', '20 Nov 2026'),
      ],
      contacts: [],
      missing: [],
    },
  },
  'deal-form.html': {
    ref: { objectType: 'opportunities', recordId: '7731' },
    root: 'main',
    extraction: {
      name: 'Aswan Water Board – Pumping Station Retrofit',
      stage: 'Value proposition',
      amount: { text: '€2,400,000.00', value: 2_400_000, currency: 'EUR' },
      closeDate: '2027-06-30',
      owner: 'Priya Raman',
      account: 'Aswan Water Board',
      fields: [
        f('Opportunity name', 'Aswan Water Board – Pumping Station Retrofit', 'name'),
        f('Customer', 'Aswan Water Board', 'account'),
        f('Stage', 'Value proposition', 'stage'),
        f('Amount', '€2,400,000.00', 'amount'),
        f('Close date', '2027-06-30', 'close_date'),
        f('Assigned to', 'Priya Raman', 'owner'),
        f('Probability (%)', '50', 'probability'),
        f('Lead source', 'Trade show', 'lead_source'),
        f('Next step', 'Joint feasibility study with the utility', 'next_step'),
        f('Description', 'Solar pumping retrofit for 6 pumping stations; co-financed by a development bank.', 'description'),
        f('Key account', 'true', 'key_account'),
        f('Private', 'false', 'private'),
      ],
      contacts: [],
      missing: [],
    },
  },
  'deal-table.html': {
    ref: { objectType: 'deal', recordId: 'DL10442' },
    root: 'div',
    extraction: {
      name: 'Blue Nile Farms – Irrigation Microgrid',
      stage: 'Negotiation/Review',
      amount: { text: 'USD 640,000.00', value: 640_000, currency: 'USD' },
      closeDate: 'Feb 28, 2027',
      owner: 'Priya Raman',
      account: 'Blue Nile Farms',
      fields: [
        f('Deal name', 'Blue Nile Farms – Irrigation Microgrid'),
        f('Company', 'Blue Nile Farms'),
        f('Stage', 'Negotiation/Review'),
        f('Deal value', 'USD 640,000.00'),
        f('Closing date', 'Feb 28, 2027'),
        f('Salesperson', 'Priya Raman'),
        f('Irrigated area (ha)', '1,800'),
        f('Region', 'East Africa'),
        f('Currency', 'USD'),
        f('Payment terms', '30% advance, 70% on acceptance'),
        f('Incoterms', 'DAP Khartoum'),
      ],
      contacts: [],
      missing: [],
    },
  },
  'espo-opportunity.html': {
    ref: { objectType: 'Opportunity', recordId: '5f1a2b3c4d5e6f708' },
    root: 'body',
    extraction: {
      name: 'Kassala Solar Pumping',
      stage: 'Proposal',
      amount: { text: '$48,000.00', value: 48_000, currency: 'USD', currencyAssumed: true }, // "$" names no one currency and the page has no currency field: USD, marked assumed
      closeDate: '05/31/2027',
      owner: 'Priya Raman',
      account: 'Kassala State Water Corp.',
      fields: [
        f('Name', 'Kassala Solar Pumping', 'name'),
        f('Account', 'Kassala State Water Corp.', 'account'),
        f('Stage', 'Proposal', 'stage'),
        f('Amount', '$48,000.00', 'amount'),
        f('Probability, %', '50', 'probability'),
        f('Close Date', '05/31/2027', 'closeDate'),
        f('Lead Source', 'Partner', 'leadSource'),
        f('Description', 'Solar-powered pumps for 14 irrigation wells; replaces diesel pump sets.', 'description'),
        f('Assigned User', 'Priya Raman', 'assignedUser'),
        f('Teams', 'Sales East Africa', 'teams'),
        f('Created', '05/02/2026 10:14 » Admin', 'complexCreated'),
      ],
      contacts: [],
      missing: [],
    },
  },
  'deal-zh.html': {
    ref: { objectType: 'opportunity', recordId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' },
    root: 'main',
    extraction: {
      name: '尼罗电信 – 太阳能混合基站',
      stage: '需求分析', // 销售阶段 ranks above 状态
      amount: { text: 'CNY 8,000,000.00', value: 8_000_000, currency: 'CNY' }, // 商机金额 above 预计收入
      closeDate: '2027年3月31日',
      owner: '王芳',
      account: '尼罗电信',
      fields: [
        f('销售阶段', '需求分析'),
        f('负责人', '王芳'),
        f('赢率', '20%'),
        f('商机名称', '尼罗电信 – 太阳能混合基站'),
        f('客户名称', '尼罗电信'),
        f('商机金额', 'CNY 8,000,000.00'),
        f('预计收入', 'CNY 1,600,000.00'),
        f('预计成交日期', '2027年3月31日'),
        f('状态', '进行中'),
        f('下一步', '安排 12 个基站的现场勘察'),
        f('所属行业', '电信'),
        f('所有人', '王芳'),
        f('竞争对手', '华为数字能源'),
      ],
      contacts: [],
      missing: [],
    },
  },
  'deals-list.html': { ref: null },
  'deal-messy.html': {
    ref: { objectType: 'deal', recordId: 'a1b2c3d4e5' },
    root: 'main',
    extraction: {
      name: 'Kampala Data Centre – UPS Upgrade',
      stage: 'Qualification', // the hidden tab's "Closed Lost" is not read
      amount: { text: 'UGX 1,480,000,000', value: 1_480_000_000, currency: 'UGX' },
      closeDate: '2027-08-31',
      owner: 'Priya Raman',
      account: 'Kampala Data Centre Ltd',
      fields: [
        f('Stage', 'Qualification'), // chip, sidebar and details: one field
        f('Owner', 'Priya Raman'),
        f('Sync status', 'Saved'),
        f('Account', 'Kampala Data Centre Ltd'), // empty in the loading sidebar, filled from the details
        f('Amount', 'UGX 1,480,000,000'),
        f('Close date', '2027-08-31'),
        f('Phone', '+256 414 000 111'),
        f('Notes <b>internal</b>', '<script>alert("x")</script> stays text'),
        f('Contact', 'Grace Nakato'),
        f('Phone', '+256 772 000 222'), // same label, another value: kept
        f('Discovery notes', expect.stringMatching(/^<svg onload=alert\(1\)> Customer site visit 14 Nov: .*…$/) as unknown as string, 'discovery_notes'),
      ],
      contacts: [],
      missing: [],
    },
  },
};

describe('reading each fixture', () => {
  it('has an expectation for every fixture', () => {
    expect(Object.keys(EXPECTED)).toEqual(FILES);
  });

  it.each(FILES)('%s', (file) => {
    const expected = EXPECTED[file]!;
    const doc = load(file);
    const { ref, root, extraction } = read(generic, file, doc);
    expect(ref).toEqual(expected.ref);
    if (!expected.ref) return;
    expect(root?.localName).toBe(expected.root);
    expect(root?.contains(doc.querySelector('[data-fixture-view]'))).toBe(true);
    expect(extraction).toStrictEqual(expected.extraction);
  });

  it('cuts the giant text area at MAX_TEXT, visibly', () => {
    const { extraction } = read(generic, 'deal-messy.html');
    const notes = extraction?.fields.find((x) => x.label === 'Discovery notes')?.value ?? '';
    expect(notes).toHaveLength(MAX_TEXT);
    expect(notes.endsWith('…')).toBe(true);
  });

  it.each(FILES.filter((file) => EXPECTED[file]?.ref))('%s goes through readPage as a valid snapshot', (file) => {
    const reading = readPage(generic, urlOf(file), load(file), 1_700_000_000_000);
    expect(reading.state.kind).toBe('record');
    if (reading.state.kind !== 'record') return;
    expect(reading.state.snapshot).toMatchObject({ crm: 'generic', adapter: 'generic', host: 'crm.example.com', ...EXPECTED[file]!.ref });
    expect(RecordSnapshotSchema.safeParse(reading.state.snapshot).success).toBe(true);
  });

  it('reports the list page as not a record page', () => {
    expect(readPage(generic, urlOf('deals-list.html'), load('deals-list.html'), 0).state).toEqual({
      kind: 'unrecognised',
      reason: 'not-a-record-page',
      adapter: 'generic',
    });
  });
});

// --- Record root, labels, pairs ------------------------------------------------------------

describe('findRecordRoot', () => {
  it('takes main, then role=main, then the body, skipping a hidden main', () => {
    let doc = loadHtml('<!doctype html><html><body><div role="main" id="r"></div><main id="m"></main></body></html>');
    expect(findGenericRecordRoot(doc)?.id).toBe('m');
    doc = loadHtml('<!doctype html><html><body><main hidden></main><div role="main" id="r"></div></body></html>');
    expect(findGenericRecordRoot(doc)?.id).toBe('r');
    doc = loadHtml('<!doctype html><html><body id="b"><main style="display:none"></main></body></html>');
    expect(findGenericRecordRoot(doc)?.id).toBe('b');
  });
});

describe('label inference', () => {
  const fieldsOf = (html: string) => {
    const doc = loadHtml(`<!doctype html><html><body><main>${html}</main></body></html>`);
    return inferFields(doc.querySelector('main')!);
  };

  it('names a control by aria-labelledby, then aria-label, then its label, then its title (accname order)', () => {
    expect(
      fieldsOf(`
        <span id="a">Stage</span><label for="x1">Phase</label><input id="x1" aria-labelledby="a" aria-label="Status" value="Won">
        <label for="x2">Phase</label><input id="x2" aria-label="Status" value="Lost">
        <label for="x3">Phase</label><input id="x3" title="Tooltip" value="Open">
        <input title="Region" value="EMEA">
        <input value="no label at all">`),
    ).toStrictEqual([f('Stage', 'Won'), f('Status', 'Lost'), f('Phase', 'Open'), f('Region', 'EMEA')]);
  });

  it('names an unlabelled control by the text just before it (Chromium InferLabelFromPrevious), never by a control', () => {
    expect(
      fieldsOf(`
        <p>Amount: <input value="EUR 5.00"></p>
        <div><span>Budget</span> <input value="9"></div>
        <div><input value="a"><input value="b"></div>
        <div><div><p>Long</p><p>block</p></div><input value="c"></div>`),
    ).toStrictEqual([f('Amount', 'EUR 5.00'), f('Budget', '9')]);
  });

  it('joins several aria-labelledby ids in order, and reads a hidden label (accname does)', () => {
    expect(
      fieldsOf(`<span id="l1" hidden>Expected</span><span id="l2">close</span><output aria-labelledby="l1 l2">2027-01-31</output>`),
    ).toStrictEqual([f('Expected close', '2027-01-31')]);
  });

  it('reads label[for] pointing at a non-control element and a label followed by its value', () => {
    expect(
      fieldsOf(`
        <label for="v1">Owner</label><span id="v1">Ana Lima</span>
        <div><label>Account</label><div><a href="/a/1">Acme</a></div></div>`),
    ).toStrictEqual([f('Owner', 'Ana Lima'), f('Account', 'Acme')]);
  });

  it('takes aria-label only on a value, not on containers, landmarks or widgets', () => {
    expect(
      fieldsOf(`
        <nav aria-label="Main"><a href="/">Home</a></nav>
        <section aria-label="Summary"><p>Text</p></section>
        <div aria-label="Card"><div>Stage</div><div>Won</div></div>
        <button aria-label="Close">x</button>
        <a href="/x" aria-label="Open Acme">Acme</a>
        <span aria-label="Owner">Ana Lima</span>`),
    ).toStrictEqual([f('Owner', 'Ana Lima')]);
  });

  it('reads th + td rows and td + td rows whose first cell ends with ":", not data rows', () => {
    expect(
      fieldsOf(`<table>
        <tr><th>Field</th><th>Value</th></tr>
        <tr><th>Stage</th><td>Won</td></tr>
        <tr><td>Owner：</td><td>王芳</td><td>Region:</td><td>APAC</td></tr>
        <tr><td>Widget</td><td>12</td></tr>
        <tr><td>Odd:</td><td>1</td><td>row</td></tr>
        <tr><th>Nested</th><td><table><tr><th>Inner</th><td>yes</td></tr></table></td></tr>
      </table>`),
    ).toStrictEqual([f('Stage', 'Won'), f('Owner', '王芳'), f('Region', 'APAC'), f('Inner', 'yes')]);
  });

  it('reads "Key: value" lines, but not times, URLs, prose or two keys on one line', () => {
    expect(
      fieldsOf(`
        <p>Owner: Ana Lima<br>负责人：王芳</p>
        <p>Meeting at 10:30 with the buyer</p>
        <p>See https://example.invalid/x for details</p>
        <p>We met the customer. Next: a site visit</p>
        <div><span>Stage: Won</span> <span>Phase: Closing</span></div>`),
    ).toStrictEqual([f('Owner', 'Ana Lima'), f('负责人', '王芳'), f('Stage', 'Won'), f('Phase', 'Closing')]);
  });

  it('skips pairs hidden by the hidden attribute, aria-hidden, inline style or the stylesheet', () => {
    expect(
      fieldsOf(`<style>.gone{display:none}</style>
        <dl hidden><dt>A</dt><dd>1</dd></dl>
        <dl aria-hidden="true"><dt>B</dt><dd>2</dd></dl>
        <dl style="display:none"><dt>C</dt><dd>3</dd></dl>
        <dl class="gone"><dt>D</dt><dd>4</dd></dl>
        <dl><dt>E</dt><dd style="visibility:hidden">5</dd></dl>
        <dl><dt class="gone">F</dt><dd>6</dd></dl>
        <dl><dt>G</dt><dd>7</dd></dl>`),
    ).toStrictEqual([f('G', '7')]);
  });

  it('reads open shadow roots', () => {
    const doc = loadHtml('<!doctype html><html><body><main><x-field></x-field></main></body></html>');
    const host = doc.querySelector('x-field')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const dl = doc.createElement('dl');
    for (const [tag, text] of [['dt', 'Stage'], ['dd', 'Won']] as const) dl.appendChild(doc.createElement(tag)).textContent = text;
    shadow.appendChild(dl);
    expect(inferFields(doc.querySelector('main')!)).toStrictEqual([f('Stage', 'Won')]);
  });

  it('skips a label longer than 200 characters (prose, not a label) and caps fields at MAX_FIELDS', () => {
    expect(fieldsOf(`<dl><dt>${'x'.repeat(201)}</dt><dd>1</dd></dl>`)).toStrictEqual([]);
    const many = Array.from({ length: MAX_FIELDS + 50 }, (_, i) => `<dt>Field ${i}</dt><dd>${i}</dd>`).join('');
    const fields = fieldsOf(`<dl>${many}</dl>`);
    expect(fields).toHaveLength(MAX_FIELDS);
    expect(fields[MAX_FIELDS - 1]).toEqual(f(`Field ${MAX_FIELDS - 1}`, String(MAX_FIELDS - 1)));
  });
});

describe('partForLabel', () => {
  it.each([
    ['Name', 'name'],
    ['Deal name', 'name'],
    ['Opportunity Name', 'name'],
    ['Subject', 'name'],
    ['商机名称', 'name'],
    ['主题', 'name'],
    ['Stage', 'stage'],
    ['Deal stage', 'stage'],
    ['Sales stage', 'stage'],
    ['Status:', 'stage'],
    ['Phase *', 'stage'],
    ['销售阶段', 'stage'],
    ['状态', 'stage'],
    ['Amount', 'amount'],
    ['Deal value', 'amount'],
    ['Opportunity amount', 'amount'],
    ['Expected revenue', 'amount'],
    ['商机金额', 'amount'],
    ['预计收入', 'amount'],
    ['Close date', 'closeDate'],
    ['Expected close', 'closeDate'],
    ['Closing Date', 'closeDate'],
    ['结束日期', 'closeDate'],
    ['预计成交日期', 'closeDate'],
    ['Owner', 'owner'],
    ['Deal owner', 'owner'],
    ['Assigned to', 'owner'],
    ['Salesperson', 'owner'],
    ['负责人', 'owner'],
    ['商机所有人', 'owner'],
    ['销售员', 'owner'],
    ['Account', 'account'],
    ['Account Name', 'account'],
    ['Company', 'account'],
    ['Organization', 'account'],
    ['Customer', 'account'],
    ['客户名称', 'account'],
    ['公司', 'account'],
    ['组织', 'account'],
  ])('%s -> %s', (label, part) => {
    expect(partForLabel(label)?.part).toBe(part);
  });

  it.each(['Payment status', 'Sync status', 'Job title', 'Company size', 'Contact name', 'Value proposition', 'Created date', 'Probability', '付款状态'])(
    '%s names no part',
    (label) => {
      expect(partForLabel(label)).toBeNull();
    },
  );

  it('prefers the better label: Amount over Expected revenue, Stage over Status, whatever the order', () => {
    const doc = loadHtml('<!doctype html><html><body><main><dl><dt>Status</dt><dd>Open</dd><dt>Expected revenue</dt><dd>EUR 10.00</dd><dt>Stage</dt><dd>Proposal</dd><dt>Amount</dt><dd>EUR 40.00</dd></dl></main></body></html>');
    const extraction = extractGenericRecord(doc.querySelector('main')!);
    expect(extraction.stage).toBe('Proposal');
    expect(extraction.amount).toEqual({ text: 'EUR 40.00', value: 40, currency: 'EUR' });
    expect(extraction.missing).toEqual(['name', 'closeDate', 'owner', 'account']);
  });

  it('takes the name from the first rendered h1 when no label names it, and reports what it cannot find', () => {
    const doc = loadHtml('<!doctype html><html><body><main><h1 hidden>Old</h1><h1>Acme – Renewal</h1><dl><dt>Stage</dt><dd></dd></dl></main></body></html>');
    expect(extractGenericRecord(doc.querySelector('main')!)).toStrictEqual({
      name: 'Acme – Renewal',
      fields: [f('Stage', '')],
      contacts: [],
      missing: ['stage', 'amount', 'closeDate', 'owner', 'account'],
    });
  });
});

// --- User-defined CRMs (the content-script side) ----------------------------------------------

describe('createCustomAdapter', () => {
  const definition: CustomCrmDefinition = {
    id: 'northwind',
    name: 'Northwind CRM',
    hostPattern: 'https://crm.example.com/*',
    selectors: { stage: '.props dd .pill', account: '.topbar .brand', owner: '#no-such-owner', contacts: '.activity li' },
    createdAt: 1_700_000_000_000,
  };

  it('is the generic reader with the user’s id, name and host, labelled best effort', () => {
    const adapter = createCustomAdapter(definition);
    expect(adapter).toMatchObject({ id: 'custom-northwind', label: 'Northwind CRM (best-effort reader)', matches: ['https://crm.example.com/*'] });
    expect(generic).toMatchObject({ id: 'generic', label: 'Best-effort reader' });
    expect(adapter.label).toMatch(/best-effort/);
  });

  it('reads a part from the user’s selector before inference, also outside the record root', () => {
    const adapter = createCustomAdapter(definition);
    const doc = load('deal-dl.html');
    doc.querySelector('.props dd .pill')!.textContent = 'Needs analysis (from selector)';
    const { extraction } = read(adapter, 'deal-dl.html', doc);
    expect(extraction?.stage).toBe('Needs analysis (from selector)');
    expect(extraction?.account).toBe('Northwind CRM'); // the top bar is outside <main>; the user said so
  });

  it('reports a part whose selector finds nothing as missing instead of guessing', () => {
    const { extraction } = read(createCustomAdapter(definition), 'deal-dl.html');
    expect(extraction?.owner).toBeUndefined();
    expect(extraction?.missing).toEqual(['owner']);
    expect(extraction?.fields.find((x) => x.label === 'Owner')?.value).toBe('Priya Raman'); // still a field
  });

  it('reads contacts from the contacts selector, each match one contact, and keeps them out of the fields', () => {
    const adapter = createCustomAdapter({ ...definition, selectors: { contacts: '.contact-card' } });
    const { extraction } = read(adapter, 'deal-messy.html');
    expect(extraction?.contacts).toStrictEqual([{ name: 'Grace Nakato' }]);
    expect(extraction?.fields.map((x) => x.label)).not.toContain('Contact');
    expect(extraction?.fields.filter((x) => x.label === 'Phone')).toHaveLength(1);
  });

  it('reads contact table rows by their column headers', () => {
    const adapter = createCustomAdapter({ ...definition, selectors: { contacts: 'table.contacts tbody tr' } });
    expect(read(adapter, 'deal-table.html').extraction?.contacts).toStrictEqual([
      { name: 'Sara Abdelrahman', role: 'Decision maker' },
      { name: 'Mohamed Taha', role: 'Business user' },
    ]);
  });

  it('reads the value of a form control a selector names', () => {
    const adapter = createCustomAdapter({ ...definition, selectors: { stage: '#opp-stage', amount: '[name=amount]' } });
    const { extraction } = read(adapter, 'deal-form.html');
    expect(extraction?.stage).toBe('Value proposition');
    expect(extraction?.amount).toEqual({ text: '€2,400,000.00', value: 2_400_000, currency: 'EUR' });
  });

  it('ignores invalid selectors and never throws on a garbage definition', () => {
    const adapter = createCustomAdapter({ ...definition, selectors: { stage: 'dd[', name: '' } });
    expect(read(adapter, 'deal-dl.html').extraction?.stage).toBe('Needs analysis');
    for (const garbage of [null, undefined, 42, 'x', [], { id: 'Bad Id!', hostPattern: '<all_urls>' }, { selectors: 'dd' }, { id: 'a'.repeat(40) }]) {
      const made = createCustomAdapter(garbage as unknown as CustomCrmDefinition);
      expect(made.matches).toEqual([]);
      expect(made.id).toBe('generic');
    }
    const noPattern = createCustomAdapter({ ...definition, hostPattern: 'http://crm.example.com/*' });
    expect(noPattern).toMatchObject({ id: 'custom-northwind', matches: [] });
  });


  it('tries selectors on an empty fragment, without eval', () => {
    expect(isValidSelector('.field[data-name="stage"] .value')).toBe(true);
    expect(isValidSelector('dd:nth-of-type(2)')).toBe(true);
    for (const bad of ['dd[', '', '   ', '}{', 'a'.repeat(501), 42, null]) expect(isValidSelector(bad)).toBe(false);
  });
});

// --- Hostile pages ----------------------------------------------------------------------------

describe('hostile content', () => {
  const ref = { objectType: 'deals', recordId: '48213' };

  it('returns markup as literal text, runs nothing and never changes the page', () => {
    const doc = load('deal-messy.html');
    const before = doc.documentElement.outerHTML;
    const adapter = createCustomAdapter({ id: 'x', name: 'X', hostPattern: 'https://crm.example.com/*', selectors: { name: 'h1', contacts: '.contact-card' }, createdAt: 0 });
    const extraction = adapter.extract(adapter.findRecordRoot(doc, ref)!, ref);
    expect(extraction.fields.find((x) => x.label.startsWith('Notes'))).toEqual(f('Notes <b>internal</b>', '<script>alert("x")</script> stays text'));
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
  });

  it('cuts giant values, labels and control values at MAX_TEXT', () => {
    const giant = 'A'.repeat(50_000);
    const doc = loadHtml(`<!doctype html><html><body><main><h1>${giant}</h1><dl><dt>Stage</dt><dd>${giant}</dd></dl><p>Owner: ${'B'.repeat(3_000)}</p><label for="t">Notes</label><textarea id="t"></textarea></main></body></html>`);
    (doc.getElementById('t') as HTMLTextAreaElement).value = 'C'.repeat(1_000_000);
    const extraction = extractGenericRecord(doc.querySelector('main')!);
    expect(extraction.name).toHaveLength(MAX_TEXT);
    expect(extraction.stage).toHaveLength(MAX_TEXT);
    expect(extraction.owner).toHaveLength(MAX_TEXT);
    expect(extraction.fields.find((x) => x.label === 'Notes')?.value).toHaveLength(MAX_TEXT);
  });

  it('reads a deep and wide page without failing', () => {
    // 1 000 levels: far deeper than any CRM page, and within what happy-dom can tear down
    // (its recursive clean-up overflows the stack near 3 000). Speed is measured by `npm run bench`.
    let html = '';
    for (let i = 0; i < 1_000; i += 1) html += '<div>';
    html += '<dl><dt>Deep</dt><dd>yes</dd></dl>';
    for (let i = 0; i < 1_000; i += 1) html += '</div>';
    const doc = loadHtml(`<!doctype html><html><body><main>${html}${'<span>x</span>'.repeat(60_000)}</main></body></html>`);
    const extraction = extractGenericRecord(doc.querySelector('main')!);
    expect(extraction.missing).toEqual(ALL_PARTS);
  });

  it('never throws, whatever it is given', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile');
        },
      },
    ) as unknown as Element;
    expect(generic.extract(throwing, ref)).toStrictEqual({ fields: [], contacts: [], missing: ALL_PARTS });
    expect(generic.findRecordRoot(throwing as unknown as Document, ref)).toBeNull();
    expect(generic.extract(document.createElement('div'), ref)).toStrictEqual({ fields: [], contacts: [], missing: ALL_PARTS });
    expect(inferFields(throwing)).toEqual([]);
    expect(generic.recognize(throwing as unknown as URL)).toBeNull();
    for (const href of ['https://crm.example.com/%E0%A4%A/1234567', 'https://crm.example.com/#%', 'https://crm.example.com/?id=%ZZ', 'https://crm.example.com/#/%E0%A4%A/77']) {
      expect(() => generic.recognize(new URL(href))).not.toThrow();
    }
    expect(() => createGenericAdapter(null as unknown as undefined)).not.toThrow();
    expect(createGenericAdapter({ id: 'NOT valid', label: '', matches: 'x' as unknown as string[] })).toMatchObject({ id: 'generic', label: 'Best-effort reader', matches: [] });
  });
});
