// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Extraction, RecordRef } from '@/lib/crm/adapter';
import { deepQueryAll, deepScope, type DeepScope } from '@/lib/crm/dom';
import {
  caseSafeSuffix,
  classicRecordId,
  normaliseSalesforceId,
  recognizeSalesforceUrl,
  salesforceAdapter,
} from './salesforce';
import { salesforceSelectors } from './salesforce.selectors';
import { describeAdapterContract, slotReads, writeText, type FixtureExpectation } from './testing/contract';
import { fixturesOf } from './testing/fixtures';

// --- Fixtures ------------------------------------------------------------------------

const fixtures = fixturesOf('salesforce');
const { urlOf, load, loadHtml } = fixtures;

function read(file: string, doc = load(file)): { ref: RecordRef | null; root: Element | null; extraction: Extraction | null } {
  const ref = salesforceAdapter.recognize(urlOf(file));
  const root = ref ? salesforceAdapter.findRecordRoot(doc, ref) : null;
  return { ref, root, extraction: ref && root ? salesforceAdapter.extract(root, ref) : null };
}

const f = (label: string, value: string, apiName?: string) => (apiName ? { label, value, apiName } : { label, value });

// --- Record ids and URLs -----------------------------------------------------------------

describe('Salesforce ids', () => {
  // Published 15 -> 18 character pairs (Salesforce's CASESAFEID algorithm).
  it.each([
    ['a0RE000000IJmcN', 'a0RE000000IJmcNMAT'],
    ['001M000000qfPyS', '001M000000qfPySIAU'],
    ['a01M00000062mPg', 'a01M00000062mPgIAI'],
    ['a0D30000001n7Pi', 'a0D30000001n7PiEAI'],
    ['aaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaAAA'],
    ['AbCdEfGhIjKlMnO', 'AbCdEfGhIjKlMnOVKV'],
    ['aBcDEfgHIJKLMNO', 'aBcDEfgHIJKLMNO025'],
    ['0065g00000AbCdE', '0065g00000AbCdEAAV'],
  ])('%s -> %s', (id15, id18) => {
    expect(caseSafeSuffix(id15)).toBe(id18.slice(15));
    expect(normaliseSalesforceId(id15)).toBe(id18);
    expect(normaliseSalesforceId(id18)).toBe(id18);
  });

  it('restores the case of an 18-character id from its suffix', () => {
    expect(normaliseSalesforceId('0065G00000ABCDEAAV')).toBe('0065g00000AbCdEAAV');
    expect(normaliseSalesforceId('0065g00000abcdeaav')).toBe('0065g00000AbCdEAAV');
  });

  it.each([
    ['too short', '0065g00000AbCd'],
    ['16 characters', '0065g00000AbCdEA'],
    ['17 characters', '0065g00000AbCdEAA'],
    ['19 characters', '0065g00000AbCdEAAVX'],
    ['not alphanumeric', '0065g00000AbC-E'],
    ['suffix outside A-Z0-5', '0065g00000AbCdEAA9'],
    ['suffix marks a digit uppercase', '0065g00000AbCdEBAV'],
    ['empty', ''],
  ])('rejects %s', (_, id) => {
    expect(normaliseSalesforceId(id)).toBeNull();
  });
});

describe('recognize', () => {
  const at = (href: string) => recognizeSalesforceUrl(new URL(href));
  const base = 'https://acme.lightning.force.com';

  it('reads Opportunity record pages with 18- and 15-character ids as one record', () => {
    const ref = { objectType: 'Opportunity', recordId: '0065g00000AbCdEAAV' };
    expect(at(`${base}/lightning/r/Opportunity/0065g00000AbCdEAAV/view`)).toEqual(ref);
    expect(at(`${base}/lightning/r/Opportunity/0065g00000AbCdE/view`)).toEqual(ref);
    expect(at(`${base}/lightning/r/Opportunity/0065g00000AbCdE/view/`)).toEqual(ref);
    expect(at(`${base}/lightning/r/Opportunity/0065g00000AbCdEAAV/view?0.source=alohaHeader#x`)).toEqual(ref);
    expect(at(`https://acme.my.salesforce.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view`)).toEqual(ref);
    expect(at(`${base}/lightning/r/opportunity/0065g00000AbCdEAAV/view`)).toEqual(ref);
  });

  it('takes the object from the key prefix when the URL has none', () => {
    expect(at(`${base}/lightning/r/0065g00000AbCdEAAV/view`)).toEqual({ objectType: 'Opportunity', recordId: '0065g00000AbCdEAAV' });
    expect(at(`${base}/lightning/r/0015g00000NiLeTAAV/view`)).toEqual({ objectType: 'Account', recordId: '0015g00000NiLeTAAV' });
    expect(at(`${base}/lightning/r/a0RE000000IJmcN/view`)).toBeNull(); // custom object: prefix unknown
  });

  it('reads the older one.app hash URL', () => {
    expect(at(`${base}/one/one.app#/sObject/0065g00000AbCdE/view`)).toEqual({ objectType: 'Opportunity', recordId: '0065g00000AbCdEAAV' });
    expect(at(`${base}/one/one.app#/sObject/a0RE000000IJmcN/view`)).toBeNull();
  });

  it('recognises other objects so the caller can report them as unsupported', () => {
    const account = at(`${base}/lightning/r/Account/0015g00000NiLeTAAV/view`);
    expect(account).toEqual({ objectType: 'Account', recordId: '0015g00000NiLeTAAV' });
    expect(salesforceAdapter.objectTypes).not.toContain(account?.objectType);
    expect(at(`${base}/lightning/r/Project__c/a0RE000000IJmcN/view`)).toEqual({ objectType: 'Project__c', recordId: 'a0RE000000IJmcNMAT' });
  });

  it.each([
    ['wrong key prefix for the object', '/lightning/r/Opportunity/0015g00000NiLeTAAV/view'],
    ['Account id under Opportunity (15)', '/lightning/r/Opportunity/0015g00000NiLeT/view'],
    ['malformed id', '/lightning/r/Opportunity/0065g00000AbCd/view'],
    ['bad checksum', '/lightning/r/Opportunity/0065g00000AbCdEAA9/view'],
    ['id with punctuation', '/lightning/r/Opportunity/0065g00000AbC-EAAV/view'],
    ['edit URL', '/lightning/r/Opportunity/0065g00000AbCdEAAV/edit'],
    ['clone URL', '/lightning/r/Opportunity/0065g00000AbCdEAAV/clone'],
    ['related list page', '/lightning/r/Opportunity/0065g00000AbCdEAAV/related/OpportunityContactRoles/view'],
    ['list view', '/lightning/o/Opportunity/list?filterName=Recent'],
    ['object home', '/lightning/o/Opportunity/home'],
    ['new record', '/lightning/o/Opportunity/new'],
    ['app home', '/lightning/page/home'],
    ['setup', '/lightning/setup/SetupOneHome/home'],
    ['no view segment', '/lightning/r/Opportunity/0065g00000AbCdEAAV'],
    ['extra segment', '/lightning/r/x/Opportunity/0065g00000AbCdEAAV/view'],
    ['Classic record', '/0065g00000AbCdE'],
  ])('returns null for %s', (_, path) => {
    expect(at(`${base}${path}`)).toBeNull();
  });

  it('does not read Classic URLs, but tells a Classic record id apart', () => {
    const classic = new URL('https://na1.salesforce.com/0065g00000AbCdE');
    expect(recognizeSalesforceUrl(classic)).toBeNull();
    expect(classicRecordId(classic)).toBe('0065g00000AbCdEAAV');
    expect(classicRecordId(new URL('https://na1.salesforce.com/home/home.jsp'))).toBeNull();
    expect(classicRecordId(new URL('https://na1.salesforce.com/a0RE000000IJmcN'))).toBeNull();
  });
});

// --- The fixtures ----------------------------------------------------------------------

const NILE: Extraction = {
  name: 'Nile Telecom – Solar Hybrid Sites',
  stage: 'Needs Analysis',
  amount: { text: 'USD 1,250,000.00', value: 1_250_000, currency: 'USD' },
  closeDate: '3/31/2027',
  owner: 'Priya Raman',
  account: 'Nile Telecom',
  fields: [
    f('Opportunity Owner', 'Priya Raman', 'OwnerId'),
    f('Amount', 'USD 1,250,000.00', 'Amount'),
    f('Private', 'false', 'IsPrivate'),
    f('Expected Revenue', 'USD 250,000.00', 'ExpectedRevenue'),
    f('Opportunity Name', 'Nile Telecom – Solar Hybrid Sites', 'Name'),
    f('Close Date', '3/31/2027', 'CloseDate'),
    f('Account Name', 'Nile Telecom', 'AccountId'),
    f('Next Step', 'Site survey of 12 tower sites with Nile Telecom engineering', 'NextStep'),
    f('Type', 'New Customer', 'Type'),
    f('Stage', 'Needs Analysis', 'StageName'),
    f('Lead Source', 'Partner Referral', 'LeadSource'),
    f('Probability (%)', '20%', 'Probability'),
    f('Primary Campaign Source', '', 'CampaignId'),
    f('Forecast Category', 'Pipeline', 'ForecastCategoryName'),
    f('Main Competitor(s)', 'Huawei Digital Power', 'MainCompetitors__c'),
    f('Current Generator(s)', 'Diesel, 60 kVA per site', 'CurrentGenerators__c'),
    f('Delivery/Installation Status', 'Yet to begin', 'DeliveryInstallationStatus__c'),
    f('Order Number', '', 'OrderNumber__c'),
    f(
      'Description',
      'Replace diesel-only power at 48 rural tower sites with solar-diesel hybrid systems. Phase 1 covers 12 sites in the Upper Egypt cluster.',
      'Description',
    ),
    f('Created By', 'Priya Raman, 10/2/2026, 9:14 AM', 'CreatedById'),
    f('Last Modified By', 'Priya Raman, 11/20/2026, 4:32 PM', 'LastModifiedById'),
  ],
  contacts: [
    { name: 'Omar Hassan', title: 'Chief Executive Officer', role: 'Decision Maker', email: 'omar.hassan@niletelecom.example' },
    { name: 'Layla Farouk', title: 'Head of Network Engineering', role: 'Technical Buyer', email: 'layla.farouk@niletelecom.example' },
    { name: 'Daniel Okello', title: 'Procurement Manager', role: 'Evaluator' },
  ],
  missing: [],
};

const EXPECTED: Record<string, FixtureExpectation> = {
  'opportunity-en.html': { ref: { objectType: 'Opportunity', recordId: '0065g00000AbCdEAAV' }, extraction: NILE },
  'opportunity-second-en.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000XyZ12AAF' },
    extraction: {
      name: 'Cairo Metro Authority – Station Backup Power',
      stage: 'Proposal/Price Quote',
      amount: { text: 'USD 480,000.00', value: 480_000, currency: 'USD' },
      closeDate: '1/15/2027',
      owner: 'Priya Raman',
      account: 'Cairo Metro Authority',
      fields: [
        f('Opportunity Owner', 'Priya Raman', 'OwnerId'),
        f('Amount', 'USD 480,000.00', 'Amount'),
        f('Private', 'false', 'IsPrivate'),
        f('Expected Revenue', 'USD 360,000.00', 'ExpectedRevenue'),
        f('Opportunity Name', 'Cairo Metro Authority – Station Backup Power', 'Name'),
        f('Close Date', '1/15/2027', 'CloseDate'),
        f('Account Name', 'Cairo Metro Authority', 'AccountId'),
        f('Next Step', 'Send revised quote after the technical workshop', 'NextStep'),
        f('Type', 'Existing Customer - Upgrade', 'Type'),
        f('Stage', 'Proposal/Price Quote', 'StageName'),
        f('Lead Source', 'Web', 'LeadSource'),
        f('Probability (%)', '75%', 'Probability'),
        f('Primary Campaign Source', '', 'CampaignId'),
        f('Forecast Category', 'Pipeline', 'ForecastCategoryName'),
        f('Description', 'Battery and inverter backup for 9 metro stations on Line 3, replacing diesel standby units.', 'Description'),
        f('Created By', 'Priya Raman, 10/2/2026, 9:14 AM', 'CreatedById'),
        f('Last Modified By', 'Priya Raman, 11/20/2026, 4:32 PM', 'LastModifiedById'),
      ],
      contacts: [
        { name: 'Nadia Mostafa', title: 'Director of Operations', role: 'Economic Buyer' },
        { name: 'Karim Saleh', title: 'Electrical Engineering Lead', role: 'Technical Buyer' },
      ],
      missing: [],
      // The contact list shows no e-mail column: e-mails are unread, not absent.
      unreadContactDetails: ['email'],
    },
  },
  'opportunity-cached-view.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000CaChEAAV' },
    extraction: {
      name: 'Aswan Water Board – Pumping Station Retrofit',
      stage: 'Value Proposition',
      amount: { text: 'EUR 2,400,000.00', value: 2_400_000, currency: 'EUR' },
      closeDate: '6/30/2027',
      owner: 'Priya Raman',
      account: 'Aswan Water Board',
      fields: [
        f('Opportunity Owner', 'Priya Raman', 'OwnerId'),
        f('Amount', 'EUR 2,400,000.00', 'Amount'),
        f('Private', 'false', 'IsPrivate'),
        f('Expected Revenue', 'EUR 1,200,000.00', 'ExpectedRevenue'),
        f('Opportunity Name', 'Aswan Water Board – Pumping Station Retrofit', 'Name'),
        f('Close Date', '6/30/2027', 'CloseDate'),
        f('Account Name', 'Aswan Water Board', 'AccountId'),
        f('Next Step', 'Joint feasibility study with the utility', 'NextStep'),
        f('Type', 'New Customer', 'Type'),
        f('Stage', 'Value Proposition', 'StageName'),
        f('Lead Source', 'Trade Show', 'LeadSource'),
        f('Probability (%)', '50%', 'Probability'),
        f('Primary Campaign Source', '', 'CampaignId'),
        f('Forecast Category', 'Pipeline', 'ForecastCategoryName'),
        f('Description', 'Solar pumping retrofit for 6 pumping stations; co-financed by a development bank.', 'Description'),
        f('Created By', 'Priya Raman, 10/2/2026, 9:14 AM', 'CreatedById'),
        f('Last Modified By', 'Priya Raman, 11/20/2026, 4:32 PM', 'LastModifiedById'),
      ],
      contacts: [
        { name: 'Hoda Badr', title: 'Chief Engineer', role: 'Technical Buyer' },
        { name: 'Youssef Nour', title: 'Finance Director', role: 'Economic Decision Maker' },
      ],
      missing: [],
      // The contact list shows no e-mail column: e-mails are unread, not absent.
      unreadContactDetails: ['email'],
    },
  },
  'opportunity-zh.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000QrStUAAV' },
    extraction: {
      name: '尼罗电信 – 太阳能混合基站',
      stage: '需求分析',
      amount: { text: 'CNY 8,000,000.00', value: 8_000_000, currency: 'CNY' },
      closeDate: '2027/3/31',
      owner: '王芳',
      account: '尼罗电信',
      fields: [
        f('业务机会所有人', '王芳'),
        f('金额', 'CNY 8,000,000.00'),
        f('私有', 'false'),
        f('预期收入', 'CNY 1,600,000.00'),
        f('业务机会名称', '尼罗电信 – 太阳能混合基站'),
        f('结束日期', '2027/3/31'),
        f('客户名称', '尼罗电信'),
        f('下一步', '安排 12 个基站的现场勘察'),
        f('类型', '新客户'),
        f('阶段', '需求分析'),
        f('潜在客户来源', '合作伙伴推荐'),
        f('可能性 (%)', '20%'),
        f('描述', '用太阳能-柴油混合系统替换 48 个农村基站的纯柴油供电；第一期覆盖 12 个基站。'),
      ],
      contacts: [
        { name: '李明', title: '首席执行官', role: '决策者' },
        { name: '张伟', title: '网络工程总监', role: '技术购买者', email: 'zhang.wei@niletelecom.example' },
      ],
      missing: [],
    },
  },
  'opportunity-native-shadow.html': { ref: { objectType: 'Opportunity', recordId: '0065g00000ShAdWAAV' }, extraction: NILE },
  'opportunity-missing-fields.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000HalfLAAR' },
    extraction: {
      name: 'Kampala Data Centre – UPS Upgrade',
      closeDate: '8/31/2027',
      owner: 'Priya Raman',
      account: 'Kampala Data Centre Ltd',
      fields: [
        f('Opportunity Owner', 'Priya Raman'),
        f('Amount', ''),
        f('Opportunity Name', 'Kampala Data Centre – UPS Upgrade'),
        f('Close Date', '8/31/2027'),
        f('Account Name', 'Kampala Data Centre Ltd'),
      ],
      contacts: [],
      missing: ['stage', 'amount'],
    },
  },
  // Recognised as an Account, which the adapter does not read: the caller reports "unsupported-object".
  'account-en.html': { ref: { objectType: 'Account', recordId: '0015g00000NiLeTAAV' }, extraction: null },
  'console-two-records.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000Tab02AAB' },
    extraction: {
      name: 'Blue Nile Farms – Irrigation Microgrid',
      stage: 'Negotiation/Review',
      amount: { text: 'USD 640,000.00', value: 640_000, currency: 'USD' },
      closeDate: '2/28/2027',
      owner: 'Priya Raman',
      account: 'Blue Nile Farms',
      fields: [
        f('Opportunity Owner', 'Priya Raman', 'OwnerId'),
        f('Amount', 'USD 640,000.00', 'Amount'),
        f('Opportunity Name', 'Blue Nile Farms – Irrigation Microgrid', 'Name'),
        f('Close Date', '2/28/2027', 'CloseDate'),
        f('Account Name', 'Blue Nile Farms', 'AccountId'),
        f('Stage', 'Negotiation/Review', 'StageName'),
        f('Irrigated Area (ha)', '1,800', 'IrrigatedArea__c'),
        f('Probability (%)', '90%', 'Probability'),
      ],
      contacts: [
        { name: 'Sara Abdelrahman', title: 'Farm Operations Director', role: 'Decision Maker', email: 'sara@bluenilefarms.example' },
        { name: 'Mohamed Taha', title: 'Agronomist', role: 'Business User' },
      ],
      missing: [],
    },
  },
  // The essay's two stories (test/e2e/chromium/essay-stories.test.mjs): the need only in the Description,
  // and a won deal whose Path is all complete with the decision maker and the CTO as the only contacts.
  'opportunity-sudan.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000SuDaNAAV' },
    extraction: {
      name: 'Sudan Mobile – Rural GSM Expansion',
      stage: 'Value Proposition',
      amount: { text: 'USD 8,000,000.00', value: 8_000_000, currency: 'USD' },
      closeDate: '9/30/2027',
      owner: 'Priya Raman',
      account: 'Sudan Mobile Telecom',
      fields: [
        f('Opportunity Owner', 'Priya Raman', 'OwnerId'),
        f('Amount', 'USD 8,000,000.00', 'Amount'),
        f('Private', 'false', 'IsPrivate'),
        f('Expected Revenue', 'USD 4,000,000.00', 'ExpectedRevenue'),
        f('Opportunity Name', 'Sudan Mobile – Rural GSM Expansion', 'Name'),
        f('Close Date', '9/30/2027', 'CloseDate'),
        f('Account Name', 'Sudan Mobile Telecom', 'AccountId'),
        f('Next Step', 'Present the rollout plan to the CTO', 'NextStep'),
        f('Type', 'New Customer', 'Type'),
        f('Stage', 'Value Proposition', 'StageName'),
        f('Lead Source', 'Existing Customer', 'LeadSource'),
        f('Probability (%)', '50%', 'Probability'),
        f('Primary Campaign Source', '', 'CampaignId'),
        f('Forecast Category', 'Pipeline', 'ForecastCategoryName'),
        f('Description', 'Build 450 base stations in Darfur and Kordofan.', 'Description'),
        f('Created By', 'Priya Raman, 9/14/2026, 10:02 AM', 'CreatedById'),
        f('Last Modified By', 'Priya Raman, 11/24/2026, 3:47 PM', 'LastModifiedById'),
      ],
      contacts: [
        { name: 'Tarig Elamin', title: 'Chief Technology Officer', role: 'Technical Buyer', email: 'tarig.elamin@sudanmobile.example' },
        { name: 'Amna Osman', title: 'Head of Network Operations', role: 'Business User' },
      ],
      missing: [],
    },
  },
  'opportunity-iqc.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000IqCqCAAV' },
    extraction: {
      name: 'Hengda – Compressor Supply 2027',
      stage: 'Closed Won',
      amount: { text: 'CNY 12,000,000.00', value: 12_000_000, currency: 'CNY' },
      closeDate: '11/13/2026',
      owner: 'Chen Jie',
      account: 'Hengda Home Appliances',
      fields: [
        f('Opportunity Owner', 'Chen Jie', 'OwnerId'),
        f('Amount', 'CNY 12,000,000.00', 'Amount'),
        f('Private', 'false', 'IsPrivate'),
        f('Expected Revenue', 'CNY 12,000,000.00', 'ExpectedRevenue'),
        f('Opportunity Name', 'Hengda – Compressor Supply 2027', 'Name'),
        f('Close Date', '11/13/2026', 'CloseDate'),
        f('Account Name', 'Hengda Home Appliances', 'AccountId'),
        f('Next Step', 'First shipment to the Foshan plant', 'NextStep'),
        f('Type', 'New Customer', 'Type'),
        f('Stage', 'Closed Won', 'StageName'),
        f('Lead Source', 'Trade Show', 'LeadSource'),
        f('Probability (%)', '100%', 'Probability'),
        f('Primary Campaign Source', '', 'CampaignId'),
        f('Forecast Category', 'Closed', 'ForecastCategoryName'),
        f('Description', 'Rotary compressors for the 2027 air-conditioner lines.', 'Description'),
        f('Created By', 'Chen Jie, 3/9/2026, 11:20 AM', 'CreatedById'),
        f('Last Modified By', 'Chen Jie, 11/13/2026, 5:08 PM', 'LastModifiedById'),
      ],
      contacts: [
        { name: '王建国', title: '总经理 / CEO', role: 'Decision Maker' },
        { name: '李明', title: 'CTO', role: 'Technical Buyer' },
      ],
      missing: [],
      // The contact list shows no e-mail column: e-mails are unread, not absent.
      unreadContactDetails: ['email'],
    },
  },
  // Contact Roles in an Aura grid whose cells carry no data-label: read by the column headers' titles.
  'opportunity-aura-grid.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000AuRaGAAV' },
    extraction: {
      name: 'Alexandria Port – Shore Power',
      stage: 'Id. Decision Makers',
      amount: { text: 'USD 2,750,000.00', value: 2_750_000, currency: 'USD' },
      closeDate: '5/31/2027',
      owner: 'Priya Raman',
      account: 'Alexandria Port Authority',
      fields: [
        f('Opportunity Owner', 'Priya Raman', 'OwnerId'),
        f('Amount', 'USD 2,750,000.00', 'Amount'),
        f('Opportunity Name', 'Alexandria Port – Shore Power', 'Name'),
        f('Close Date', '5/31/2027', 'CloseDate'),
        f('Account Name', 'Alexandria Port Authority', 'AccountId'),
        f('Stage', 'Id. Decision Makers', 'StageName'),
        f('Probability (%)', '60%', 'Probability'),
        f('Next Step', 'Board presentation of the shore-power tender', 'NextStep'),
      ],
      contacts: [
        { name: 'Mona Adel', title: 'Chief Executive Officer', role: 'Decision Maker', email: 'mona.adel@alexport.example' },
        { name: 'Tamer Fawzy', title: 'Chief Engineer', role: 'Technical Buyer' },
        { name: 'Rania Sami', title: 'Procurement Lead', role: 'Evaluator', email: 'rania.sami@alexport.example' },
      ],
      missing: [],
    },
  },
  // Older Aura highlights (force-highlights2), Details tab not rendered; a bare "$" is USD, marked as assumed.
  'opportunity-aura-highlights.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000HiLtSAAV' },
    extraction: {
      name: 'Luxor Hotels – Rooftop Solar',
      stage: 'Perception Analysis',
      amount: { text: '$1,200,000.00', value: 1_200_000, currency: 'USD', currencyAssumed: true },
      closeDate: '4/30/2027',
      owner: 'Priya Raman',
      account: 'Luxor Hotels Group',
      fields: [
        f('Account Name', 'Luxor Hotels Group'),
        f('Close Date', '4/30/2027'),
        f('Amount', '$1,200,000.00'),
        f('Opportunity Owner', 'Priya Raman'),
      ],
      contacts: [
        { name: 'Yasmin Nabil', title: 'Group Chief Financial Officer', role: 'Economic Buyer' },
        { name: 'Ahmed Kamal', title: 'Facilities Director', role: 'Decision Maker', email: 'ahmed.kamal@luxorhotels.example' },
      ],
      missing: [],
    },
  },
  // Dynamic Forms fields only; Contact Roles in a lightning-datatable without data-label (headers' aria-label).
  'opportunity-dynamic-forms.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000DyNfMAAV' },
    extraction: {
      name: 'Tanta Textiles – Factory Microgrid',
      stage: 'Qualification',
      amount: { text: 'EGP 18,500,000.00', value: 18_500_000, currency: 'EGP' },
      closeDate: '10/15/2027',
      owner: 'Priya Raman',
      account: 'Tanta Textiles Co.',
      fields: [
        f('Opportunity Owner', 'Priya Raman', 'OwnerId'),
        f('Opportunity Name', 'Tanta Textiles – Factory Microgrid', 'Name'),
        f('Account Name', 'Tanta Textiles Co.', 'AccountId'),
        f('Close Date', '10/15/2027', 'CloseDate'),
        f('Stage', 'Qualification', 'StageName'),
        f('Amount', 'EGP 18,500,000.00', 'Amount'),
        f('Probability (%)', '10%', 'Probability'),
        f('Grid Connection (kVA)', '4,000', 'GridConnectionKva__c'),
      ],
      contacts: [
        { name: 'Hany Mahmoud', title: 'Plant Manager', role: 'Decision Maker', email: 'hany.mahmoud@tantatextiles.example' },
        { name: 'Salma Ibrahim', title: 'Energy Engineer', role: 'Influencer' },
      ],
      missing: [],
    },
  },
  // The stage only in a Path whose current step is marked on its link.
  'opportunity-path-link.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000PaThLAAV' },
    extraction: {
      name: 'Aswan Cement – Waste Heat Recovery',
      stage: 'Value Proposition',
      amount: { text: 'USD 5,400,000.00', value: 5_400_000, currency: 'USD' },
      closeDate: '12/31/2027',
      owner: 'Priya Raman',
      account: 'Aswan Cement Company',
      fields: [
        f('Account Name', 'Aswan Cement Company'),
        f('Close Date', '12/31/2027'),
        f('Amount', 'USD 5,400,000.00'),
        f('Opportunity Owner', 'Priya Raman'),
      ],
      contacts: [
        { name: 'Khaled Said', title: 'Managing Director', role: 'Decision Maker' },
        { name: 'Nour Hassan', title: 'Process Engineer', role: 'Technical Buyer', email: 'nour.hassan@aswancement.example' },
      ],
      missing: [],
    },
  },
  // Console with full-width views: the subtab in view, not the hidden subtab or the background tab's active view.
  'console-maximized.html': {
    ref: { objectType: 'Opportunity', recordId: '0065g00000MaXvWAAV' },
    extraction: {
      name: 'Sinai Resorts – Solar Desalination',
      stage: 'Negotiation/Review',
      amount: { text: 'USD 3,300,000.00', value: 3_300_000, currency: 'USD' },
      closeDate: '6/30/2027',
      owner: 'Priya Raman',
      account: 'Sinai Resorts Company',
      fields: [
        f('Opportunity Owner', 'Priya Raman', 'OwnerId'),
        f('Amount', 'USD 3,300,000.00', 'Amount'),
        f('Opportunity Name', 'Sinai Resorts – Solar Desalination', 'Name'),
        f('Close Date', '6/30/2027', 'CloseDate'),
        f('Account Name', 'Sinai Resorts Company', 'AccountId'),
        f('Stage', 'Negotiation/Review', 'StageName'),
      ],
      contacts: [
        { name: 'Laila Hamdy', title: 'Chief Executive Officer', role: 'Decision Maker', email: 'laila.hamdy@sinairesorts.example' },
        { name: 'Omar Farouk', title: 'Water Systems Engineer', role: 'Technical Buyer' },
      ],
      missing: [],
    },
  },
};

describe('findRecordRoot', () => {
  const NILE_REF = { objectType: 'Opportunity', recordId: '0065g00000AbCdEAAV' };
  const ASWAN_REF = { objectType: 'Opportunity', recordId: '0065g00000CaChEAAV' };

  it('skips the cached, hidden view of the previous record', () => {
    const doc = load('opportunity-cached-view.html');
    const previous = doc.querySelector('[data-fixture-view="opportunity-cached-view:previous"]');
    expect(previous?.querySelector('one-record-home-flexipage2')).not.toBeNull();
    // The URL now names the new record; the old record is hidden, so it is not in view at all.
    expect(salesforceAdapter.findRecordRoot(doc, NILE_REF)).toBeNull();
    expect(salesforceAdapter.findRecordRoot(doc, ASWAN_REF)?.closest('[data-fixture-view]')?.getAttribute('data-fixture-view')).toBe(
      'opportunity-cached-view',
    );
  });

  it('needs both signals: an inactive view is skipped even when displayed, a hidden one even when active', () => {
    const doc = load('opportunity-cached-view.html');
    const previous = doc.querySelector<HTMLElement>('[data-fixture-view="opportunity-cached-view:previous"]')!;
    const current = doc.querySelector<HTMLElement>('[data-fixture-view="opportunity-cached-view"]')!;
    previous.removeAttribute('style'); // displayed, but no .active / windowViewMode-normal
    expect(salesforceAdapter.findRecordRoot(doc, NILE_REF)).toBeNull();
    previous.className = 'windowViewMode-normal oneContent active lafPageHost';
    previous.style.display = 'none'; // active classes, but not displayed
    expect(salesforceAdapter.findRecordRoot(doc, NILE_REF)).toBeNull();
    current.className = 'windowViewMode-normal oneContent lafPageHost'; // Lightning deactivates the new view...
    previous.removeAttribute('style'); // ...and shows the old one again (back navigation)
    expect(salesforceAdapter.findRecordRoot(doc, NILE_REF)?.closest('[data-fixture-view]')).toBe(previous);
  });

  it('does not read the old view as the new record while the new one has not rendered', () => {
    // Right after in-app navigation the URL names the next record but the page still shows this one.
    const doc = load('opportunity-en.html');
    expect(salesforceAdapter.findRecordRoot(doc, { objectType: 'Opportunity', recordId: '0065g00000XyZ12AAF' })).toBeNull();
    expect(salesforceAdapter.findRecordRoot(doc, NILE_REF)).not.toBeNull();
  });

  it('reads a view moved in from another page (the e2e in-app navigation)', () => {
    const doc = load('opportunity-en.html');
    const second = load('opportunity-second-en.html');
    const incoming = second.querySelector('[data-fixture-view]')!;
    const stage = doc.querySelector('.oneCenterStage')!;
    stage.querySelector('.oneContent.active')!.classList.remove('active');
    stage.appendChild(doc.importNode(incoming, true));
    const ref = salesforceAdapter.recognize(urlOf('opportunity-second-en.html'))!;
    const root = salesforceAdapter.findRecordRoot(doc, ref);
    expect(root?.closest('[data-fixture-view]')?.getAttribute('data-fixture-view')).toBe('opportunity-second-en');
    expect(salesforceAdapter.extract(root!, ref)).toStrictEqual(EXPECTED['opportunity-second-en.html']?.extraction);
    expect(salesforceAdapter.findRecordRoot(doc, NILE_REF)).toBeNull();
  });

  it('reads the active console tab, not the one behind it', () => {
    const doc = load('console-two-records.html');
    const background = { objectType: 'Opportunity', recordId: '0065g00000Tab01AAB' };
    expect(salesforceAdapter.findRecordRoot(doc, background)).toBeNull();
    expect(doc.querySelectorAll('.windowViewMode-normal.oneContent.active')).toHaveLength(2); // one per workspace
  });

  it('reads the full-width view in front in a console, not a hidden subtab or another tab\'s own active view', () => {
    const doc = load('console-maximized.html');
    const viewOf = (recordId: string) =>
      salesforceAdapter.findRecordRoot(doc, { objectType: 'Opportunity', recordId })?.closest('[data-fixture-view]')?.getAttribute('data-fixture-view');
    expect(viewOf('0065g00000MaXvWAAV')).toBe('console-maximized');
    expect(viewOf('0065g00000MaXbGAAV')).toBeUndefined(); // the other subtab: its view has no .active
    expect(viewOf('0065g00000MaXpTAAV')).toBeUndefined(); // the background tab: its view is .active but hidden with the tab
    // The user selects the other subtab: Lightning moves .active to its view.
    doc.querySelector('[data-fixture-view="console-maximized"]')!.classList.remove('active');
    doc.querySelector('[data-fixture-view="console-maximized:hidden-subtab"]')!.classList.add('active');
    expect(viewOf('0065g00000MaXbGAAV')).toBe('console-maximized:hidden-subtab');
    expect(viewOf('0065g00000MaXvWAAV')).toBeUndefined();
  });

  it('accepts a record home that does not name its record (no related lists)', () => {
    const doc = load('opportunity-missing-fields.html');
    const ref = salesforceAdapter.recognize(urlOf('opportunity-missing-fields.html'))!;
    expect(salesforceAdapter.findRecordRoot(doc, ref)).not.toBeNull();
  });

  it('returns null while no record view is in the page', () => {
    const doc = loadHtml('<!doctype html><html><body><div class="oneCenterStage"><div class="windowViewMode-normal oneContent active">Loading…</div></div></body></html>');
    expect(salesforceAdapter.findRecordRoot(doc, NILE_REF)).toBeNull();
  });
});

describe('extract: parts and fallbacks', () => {
  const ref = { objectType: 'Opportunity', recordId: '0065g00000AbCdEAAV' };
  const rootOf = (doc: Document) => salesforceAdapter.findRecordRoot(doc, ref)!;

  it('takes the stage from the Path, and from the Stage field when there is no Path', () => {
    const doc = load('opportunity-en.html');
    const path = doc.querySelector('li.runtime_sales_pathassistantPathAssistantTab.slds-is-current')!;
    path.querySelector('.slds-path__title')!.textContent = 'Needs Analysis (Path)';
    expect(salesforceAdapter.extract(rootOf(doc), ref).stage).toBe('Needs Analysis (Path)');
    doc.querySelector('.runtime_sales_pathassistantPathAssistant')!.remove();
    expect(salesforceAdapter.extract(rootOf(doc), ref).stage).toBe('Needs Analysis');
  });

  it('prefers the current stage over the step the user clicked', () => {
    const doc = load('opportunity-en.html');
    const steps = doc.querySelectorAll('li.runtime_sales_pathassistantPathAssistantTab');
    steps[2]!.classList.remove('slds-is-active');
    steps[5]!.classList.add('slds-is-active'); // user looks at "Perception Analysis" guidance
    expect(salesforceAdapter.extract(rootOf(doc), ref).stage).toBe('Needs Analysis');
  });

  it('finds parts by API name before the label, in any language', () => {
    const doc = load('opportunity-en.html');
    const stageItem = doc.querySelector('records-record-layout-item[field-label="Stage"]')!;
    stageItem.setAttribute('field-label', 'Phase');
    stageItem.querySelector('.test-id__field-label')!.textContent = 'Phase';
    doc.querySelector('.runtime_sales_pathassistantPathAssistant')!.remove();
    expect(salesforceAdapter.extract(rootOf(doc), ref).stage).toBe('Needs Analysis');
  });

  it('falls back to the highlights panel when the Details tab has not rendered', () => {
    const doc = load('opportunity-en.html');
    doc.querySelector('records-lwc-detail-panel')!.remove();
    const extraction = salesforceAdapter.extract(rootOf(doc), ref);
    expect(extraction).toMatchObject({
      name: 'Nile Telecom – Solar Hybrid Sites',
      stage: 'Needs Analysis',
      amount: { text: 'USD 1,250,000.00', value: 1_250_000, currency: 'USD' },
      closeDate: '3/31/2027',
      owner: 'Priya Raman',
      account: 'Nile Telecom',
      missing: [],
    });
    expect(extraction.fields).toStrictEqual([
      f('Account Name', 'Nile Telecom'),
      f('Close Date', '3/31/2027'),
      f('Amount', 'USD 1,250,000.00'),
      f('Opportunity Owner', 'Priya Raman'),
    ]);
  });

  it('reads contacts by column header when the cells carry no data-label', () => {
    const file = 'console-two-records.html';
    const withLabels = read(file).extraction!.contacts;
    const doc = load(file);
    for (const cell of Array.from(doc.querySelectorAll('tbody [data-label]'))) cell.removeAttribute('data-label');
    expect(read(file, doc).extraction).toMatchObject({ contacts: withLabels });
    expect(read(file, doc).extraction?.unreadContactDetails).toBeUndefined();
  });

  it.each([
    ['opportunity-aura-grid.html', 'th[scope="col"][title]'],
    ['opportunity-dynamic-forms.html', 'th[scope="col"][aria-label]'],
  ])('%s: the contacts table names its columns only in header cells (%s)', (file, header) => {
    const doc = load(file);
    expect(doc.querySelectorAll('tbody [data-label]')).toHaveLength(0);
    expect(doc.querySelectorAll(`thead ${header}`).length).toBeGreaterThanOrEqual(4);
    const contacts = read(file, doc).extraction?.contacts ?? [];
    expect(contacts.some((contact) => contact.role === 'Decision Maker')).toBe(true);
    expect(contacts.every((contact) => contact.title && contact.role)).toBe(true);
  });

  it('reads the older Aura highlights panel when the Details tab has not rendered', () => {
    const doc = load('opportunity-aura-highlights.html');
    expect(doc.querySelector('records-highlights2, records-highlights-details-item, records-record-layout-item')).toBeNull();
    expect(read('opportunity-aura-highlights.html', doc).extraction).toMatchObject({
      amount: { value: 1_200_000, currency: 'USD', currencyAssumed: true },
      closeDate: '4/30/2027',
      owner: 'Priya Raman',
      account: 'Luxor Hotels Group',
      missing: [],
    });
  });

  it('reads Dynamic Forms fields, which sit in no record layout section', () => {
    const doc = load('opportunity-dynamic-forms.html');
    expect(doc.querySelector('records-record-layout-section, records-record-layout-item, records-lwc-detail-panel')).toBeNull();
    const { fields } = read('opportunity-dynamic-forms.html', doc).extraction!;
    expect(fields).toHaveLength(doc.querySelectorAll('flexipage-field').length);
    expect(fields.every((field) => field.apiName)).toBe(true);
  });

  it('takes the stage from a Path step marked only on its link', () => {
    const doc = load('opportunity-path-link.html');
    expect(doc.querySelector('.slds-path__item.slds-is-current, .slds-path__item.slds-is-active')).toBeNull();
    expect(read('opportunity-path-link.html', doc).extraction?.stage).toBe('Value Proposition');
    doc.querySelector('.slds-path__link[aria-selected="true"]')!.setAttribute('aria-selected', 'false');
    expect(read('opportunity-path-link.html', doc).extraction?.missing).toEqual(['stage']); // the Details tab (with Stage) has not rendered
  });

  it('leaves out fields of another object shown on the page', () => {
    const doc = load('opportunity-en.html');
    const item = doc.querySelector('records-record-layout-item[field-label="Type"] [data-target-selection-name]')!;
    item.setAttribute('data-target-selection-name', 'sfdc:RecordField.Account.Type');
    const labels = salesforceAdapter.extract(rootOf(doc), ref).fields.map((x) => x.label);
    expect(labels).not.toContain('Type');
    expect(labels).toHaveLength(NILE.fields.length - 1);
  });

  it('reports every part missing on an empty record home', () => {
    const doc = loadHtml('<!doctype html><html><body><one-record-home-flexipage2></one-record-home-flexipage2></body></html>');
    const home = doc.querySelector('one-record-home-flexipage2') as Element;
    expect(salesforceAdapter.extract(home, ref)).toStrictEqual({
      fields: [],
      contacts: [],
      missing: ['name', 'stage', 'amount', 'closeDate', 'owner', 'account'],
    });
  });
});

// --- Selector variants: expected matches per fixture (Refined GitHub style) ---------------

// Counted over the whole document, through open shadow roots, hidden views included.
// Columns follow fixtures.json:
//   en, second-en, cached-view, zh, native-shadow, missing-fields, account-en, console-two-records, sudan, iqc,
//   aura-grid, aura-highlights, dynamic-forms, path-link, console-maximized
const SELECTOR_COUNTS: Record<string, number[]> = {
  'activeView.0': [1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0], // .windowViewMode-normal.oneContent.active (one per console workspace)
  'activeView.1': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2], // .windowViewMode-maximized.active: the background tab's own view (hidden with its tab) and the subtab in view
  'consoleWorkspace.0': [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1],
  'consoleWorkspace.1': [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1],
  'consoleWorkspace.2': [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1],
  'recordHome.0': [1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 3],
  'recordHome.1': [1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 3],
  'recordHome.2': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // older record home (no fixture yet)
  'highlightsPrimaryField.0': [1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 0, 1, 1, 3], // none under force-highlights2
  'highlightsPrimaryField.1': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0], // older Aura highlights
  'highlightsPrimaryField.2': [1, 1, 2, 1, 0, 1, 1, 2, 1, 1, 1, 1, 1, 1, 3], // native shadow: the title is in records-highlights2's shadow root
  'highlightsItem.0': [4, 4, 8, 4, 4, 0, 4, 8, 4, 4, 4, 0, 4, 4, 12],
  'highlightsItem.1': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0], // older Aura highlights items carry no detail-block class
  'highlightsItem.2': [4, 4, 8, 4, 4, 0, 4, 8, 4, 4, 4, 0, 4, 4, 12],
  'highlightsItemLabel.0': [4, 4, 8, 4, 4, 0, 4, 8, 4, 4, 4, 4, 4, 4, 12],
  'highlightsItemValue.0': [4, 4, 8, 4, 4, 0, 4, 8, 4, 4, 4, 4, 4, 4, 12],
  'layoutItem.0': [21, 17, 38, 13, 21, 0, 10, 17, 17, 17, 8, 0, 0, 0, 18], // none on the Dynamic Forms page
  'layoutItem.1': [0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 8, 0, 0], // counted by tag name: happy-dom cannot parse "_" in a type selector
  'layoutItem.2': [0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 8, 0, 0],
  'layoutItem.3': [0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'fieldTarget.0': [21, 17, 38, 0, 21, 0, 10, 25, 17, 17, 8, 0, 8, 0, 18], // none in the Chinese fixture: found by label there
  'fieldLabel.0': [21, 17, 38, 13, 21, 5, 10, 25, 17, 17, 8, 0, 8, 0, 18],
  'fieldLabel.1': [21, 17, 38, 13, 21, 5, 10, 25, 17, 17, 8, 0, 8, 0, 18],
  'fieldValue.0': [21, 17, 38, 13, 21, 0, 10, 17, 17, 17, 8, 0, 0, 0, 18],
  'fieldValue.1': [21, 17, 38, 13, 21, 5, 10, 25, 17, 17, 8, 0, 8, 0, 18],
  'fieldValue.2': [21, 17, 38, 13, 21, 5, 10, 25, 17, 17, 8, 0, 8, 0, 18],
  'fieldCheckbox.0': [1, 1, 2, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0],
  'ownerLookup.0': [2, 2, 4, 2, 2, 1, 2, 4, 2, 2, 2, 1, 2, 1, 6],
  'pathCurrentStep.0': [1, 1, 2, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0, 3],
  'pathCurrentStep.1': [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0],
  'pathCurrentStep.2': [1, 1, 2, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0, 3],
  'pathCurrentStep.3': [1, 1, 2, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 1, 3], // every marked step's link; alone only in the link-marked Path
  'pathStepTitle.0': [9, 9, 18, 9, 9, 0, 0, 18, 9, 9, 9, 9, 9, 9, 27],
  'pathStepTitle.1': [9, 9, 18, 9, 9, 0, 0, 18, 9, 9, 9, 9, 9, 0, 27],
  'relatedList.0': [3, 3, 6, 2, 3, 0, 2, 2, 3, 3, 0, 1, 1, 1, 3],
  'relatedList.1': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0], // older Aura related list (the grid without data-label)
  'relatedListTitle.0': [6, 6, 12, 4, 6, 0, 4, 4, 6, 6, 2, 2, 2, 2, 6], // title and count spans
  'relatedListTitle.1': [6, 6, 12, 4, 6, 0, 4, 4, 6, 6, 2, 2, 2, 2, 6],
  'relatedListLink.0': [4, 4, 8, 3, 4, 0, 4, 4, 4, 4, 2, 2, 2, 2, 6],
  'relatedTile.0': [3, 2, 5, 2, 3, 0, 4, 1, 2, 2, 0, 2, 0, 2, 4],
  'relatedTile.1': [3, 2, 5, 2, 3, 0, 4, 1, 2, 2, 0, 2, 0, 2, 4],
  'relatedTileName.0': [3, 2, 5, 2, 3, 0, 4, 1, 2, 2, 0, 2, 0, 2, 4],
  'relatedTileName.1': [3, 2, 5, 2, 3, 0, 4, 1, 2, 2, 0, 2, 0, 2, 4],
  'relatedTileLabel.0': [8, 4, 12, 5, 8, 0, 11, 2, 5, 4, 0, 5, 0, 5, 9],
  'relatedTileLabel.1': [8, 4, 12, 5, 8, 0, 11, 2, 5, 4, 0, 5, 0, 5, 9],
  'relatedTileValue.0': [8, 4, 12, 5, 8, 0, 11, 2, 5, 4, 0, 5, 0, 5, 9],
  'relatedTileValue.1': [8, 4, 12, 5, 8, 0, 11, 2, 5, 4, 0, 5, 0, 5, 9],
  'relatedRow.0': [0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 3, 0, 2, 0, 0], // the console's datatable, the Aura grid, the Dynamic Forms page's datatable
};

// --- The contract every adapter keeps (testing/contract.ts) --------------------------------

/** Matches of `selector` in `scope`; a bare type selector with "_" is counted by tag name (happy-dom rejects it). */
function countMatches(scope: DeepScope, selector: string): number {
  if (/^[a-z][a-z0-9_-]*$/.test(selector) && selector.includes('_')) {
    return scope.roots.reduce((n, root) => n + Array.from(root.querySelectorAll('*')).filter((e) => e.localName === selector).length, 0);
  }
  return deepQueryAll(scope, selector).length;
}

/** The layout item of the Opportunity field `apiName`. */
const fieldItem = (apiName: string) => `[data-target-selection-name="sfdc:RecordField.Opportunity.${apiName}"]`;

describeAdapterContract({
  crm: 'salesforce',
  adapter: salesforceAdapter,
  fixtures,
  expectedFiles: [
    'opportunity-en.html',
    'opportunity-second-en.html',
    'opportunity-cached-view.html',
    'opportunity-zh.html',
    'opportunity-native-shadow.html',
    'opportunity-missing-fields.html',
    'account-en.html',
    'console-two-records.html',
    'opportunity-sudan.html',
    'opportunity-iqc.html',
    'opportunity-aura-grid.html',
    'opportunity-aura-highlights.html',
    'opportunity-dynamic-forms.html',
    'opportunity-path-link.html',
    'console-maximized.html',
  ],
  host: 'acme.lightning.force.com',
  pathPattern: /^\/lightning\/r\/(Opportunity|Account)\/[A-Za-z0-9]{18}\/view$/,
  referencePattern: /<!--[\s\S]*UTAM[\s\S]*Lightning Design System[\s\S]*-->/,
  // Cached views and console tabs keep other records' views in the page.
  singleView: false,
  expectations: EXPECTED,
  // The record home inside the fixture's own visible view.
  rootMatches: 'one-record-home-flexipage2',
  hostile: {
    file: 'opportunity-en.html',
    ref: { objectType: 'Opportunity', recordId: '0065g00000AbCdEAAV' },
    slots: [
      { name: 'highlights title', write: writeText('records-highlights2 [slot="primaryField"]'), read: slotReads.name },
      { name: 'Next Step', write: writeText(`${fieldItem('NextStep')} lightning-formatted-text`), read: slotReads.field('NextStep') },
      { name: 'Description', write: writeText(`${fieldItem('Description')} lightning-formatted-rich-text`), read: slotReads.field('Description') },
      {
        name: 'amount',
        write: writeText(`${fieldItem('Amount')} lightning-formatted-text`),
        read: slotReads.amount,
        longText: `USD ${'9'.repeat(50_000)}`,
      },
    ],
    contacts: {
      grow(doc, count) {
        const list = doc.querySelector('lst-customized-template-list > div')!;
        const tile = list.querySelector('lst-template-list-item-factory')!;
        for (let i = 0; i < count; i += 1) list.appendChild(tile.cloneNode(true));
      },
    },
    fields: {
      grow(doc, count) {
        const item = doc.querySelector(fieldItem('NextStep'))!.closest('records-record-layout-item')!;
        for (let i = 0; i < count; i += 1) {
          const copy = item.cloneNode(true) as Element;
          copy.setAttribute('field-label', `Custom ${i}`);
          copy.querySelector(fieldItem('NextStep'))!.setAttribute('data-target-selection-name', `sfdc:RecordField.Opportunity.Custom${i}__c`);
          copy.querySelector('.test-id__field-label')!.textContent = `Custom ${i}`;
          item.parentElement!.appendChild(copy);
        }
      },
    },
  },
  selectors: salesforceSelectors,
  selectorCounts: SELECTOR_COUNTS,
  matchCounter: (doc) => {
    const scope = deepScope(doc);
    return (selector) => countMatches(scope, selector);
  },
});
