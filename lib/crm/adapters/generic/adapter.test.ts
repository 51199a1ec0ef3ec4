// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Extraction, RecordRef } from '@/lib/crm/adapter';
import { MAX_TEXT } from '@/lib/crm/limits';
import { readPage } from '@/lib/crm/read-page';
import { RecordSnapshotSchema } from '@/lib/crm/snapshot';
import { createGenericAdapter } from './adapter';
import { inferFields } from './infer-fields';
import { ALL_PARTS, FILES, f, load, manifest, read, readHtml, urlOf } from './testing';

const generic = createGenericAdapter({ matches: ['https://crm.example.com/*'] });

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

describe('hostile content', () => {
  const ref = { objectType: 'deals', recordId: '48213' };

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
