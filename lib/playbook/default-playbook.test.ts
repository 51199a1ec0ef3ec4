import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/domain/locales';
import { DEFAULT_PLAYBOOK } from './default-playbook';
import defaultPlaybookJson from './default-playbook.json';
import { parsePlaybook } from './parse';

/** The stage each CRM's default pipeline stage belongs to in LTC terms. */
const CRM_DEFAULT_STAGES: [crm: string, name: string, ltcStage: string][] = [
  ['salesforce', 'Prospecting', 'lead'],
  ['salesforce', 'Qualification', 'qualification'],
  ['salesforce', 'Needs Analysis', 'solution'],
  ['salesforce', 'Value Proposition', 'solution'],
  ['salesforce', 'Id. Decision Makers', 'solution'],
  ['salesforce', 'Perception Analysis', 'solution'],
  ['salesforce', 'Proposal/Price Quote', 'bid'],
  ['salesforce', 'Negotiation/Review', 'bid'],
  ['salesforce', 'Closed Won', 'contract'],
  ['salesforce', 'Closed Lost', 'lost'],
  ['salesforce', '勘察', 'lead'],
  ['salesforce', '潜在客户发掘', 'lead'],
  ['salesforce', '资格审查', 'qualification'],
  ['salesforce', '需求分析', 'solution'],
  ['salesforce', '价值主张', 'solution'],
  ['salesforce', '确定决策者', 'solution'],
  ['salesforce', '认知分析', 'solution'],
  ['salesforce', '感知分析', 'solution'],
  ['salesforce', '建议/报价', 'bid'],
  ['salesforce', '提议/报价', 'bid'],
  ['salesforce', '谈判/审查', 'bid'],
  ['salesforce', '结束并赢得', 'contract'],
  ['salesforce', '结束并丢单', 'lost'],
  ['dynamics', 'Qualify', 'qualification'],
  ['dynamics', 'Develop', 'solution'],
  ['dynamics', 'Propose', 'bid'],
  ['dynamics', 'Close', 'bid'],
  ['dynamics', '鉴定', 'qualification'],
  ['dynamics', '开发', 'solution'],
  ['dynamics', '建议', 'bid'],
  ['dynamics', '关闭', 'bid'],
  ['hubspot', 'Appointment scheduled', 'qualification'],
  ['hubspot', 'Qualified to buy', 'qualification'],
  ['hubspot', 'Presentation scheduled', 'solution'],
  ['hubspot', '已安排演示', 'solution'],
  ['hubspot', 'Decision maker bought-in', 'bid'],
  ['hubspot', 'Contract sent', 'bid'],
  ['hubspot', 'Closed won', 'contract'],
  ['hubspot', 'Closed lost', 'lost'],
  ['pipedrive', 'Qualified', 'qualification'],
  ['pipedrive', 'Contact Made', 'qualification'],
  ['pipedrive', 'Demo Scheduled', 'solution'],
  ['pipedrive', 'Proposal Made', 'bid'],
  ['pipedrive', 'Negotiations Started', 'bid'],
  ['zoho', 'Qualification', 'qualification'],
  ['zoho', 'Needs Analysis', 'solution'],
  ['zoho', 'Value Proposition', 'solution'],
  ['zoho', 'Identify Decision Makers', 'solution'],
  ['zoho', 'Proposal/Price Quote', 'bid'],
  ['zoho', 'Negotiation/Review', 'bid'],
  ['zoho', 'Closed Won', 'contract'],
  ['zoho', 'Closed Lost', 'lost'],
  ['zoho', 'Closed-Lost to Competition', 'lost'],
  ['odoo', 'New', 'lead'],
  ['odoo', 'Qualified', 'qualification'],
  ['odoo', 'Proposition', 'bid'],
  ['odoo', 'Won', 'contract'],
];

const SALESFORCE_CONTACT_ROLES = [
  'Business User',
  'Decision Maker',
  'Economic Buyer',
  'Economic Decision Maker',
  'Evaluator',
  'Executive Sponsor',
  'Influencer',
  'Technical Buyer',
  '业务用户',
  '决策者',
  '经济购买者',
  '经济决策者',
  '评估者',
  '执行发起人',
  '影响者',
  '技术购买者',
];
/** "Other" says the CRM knows no role: the title decides, so it maps to none. */
const SALESFORCE_NO_ROLE = ['Other', '其他'];

/** HubSpot's default buying roles (contact property "Buying role"); Blocker is a stance and Other says nothing. */
const HUBSPOT_BUYING_ROLES = ['Decision Maker', 'Budget Holder', 'Champion', 'Influencer', 'End User', 'Legal & Compliance', 'Executive Sponsor'];
const HUBSPOT_NO_ROLE = ['Blocker', 'Other'];
/** Dynamics 365's out-of-box connection roles of the Stakeholder category; "Stakeholder" itself is the default and says nothing. */
const DYNAMICS_CONNECTION_ROLES = ['Champion', 'Decision Maker', 'End User', 'Economic Buyer', 'Influencer', 'Technical Buyer', '决策者', '技术买家'];
const DYNAMICS_NO_ROLE = ['Stakeholder'];

/** The requirement template of the domain brief. */
const DOMAIN_REQUIREMENTS = [
  'business-pain',
  'current-solution',
  'decision-criteria',
  'budget',
  'decision-timeline',
  'technical-requirements',
  'site-power',
  'operating-cost',
  'acceptance-quality',
  'delivery-constraints',
  'commercial-terms',
  'competitors',
  'legal-compliance',
];
/** After signature (LTC delivery and cash): PAC/FAC, payment milestones, service hand-over. */
const AFTER_SIGNATURE_REQUIREMENTS = ['payment-milestones', 'acceptance-certificates', 'service-handover'];

const N_ANGLE_ROLES = ['quality-engineer', 'finance', 'collection', 'legal', 'service', 'supply-chain', 'executive-sponsor', 'power-specialist'];

describe('default playbook', () => {
  it('is a valid playbook as stored in the JSON file, and ships as exactly what validating it gives', async () => {
    const parsed = parsePlaybook(defaultPlaybookJson);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    // What ships is this file, not validated again at run time (default-playbook.ts); `vitest -u` writes it anew.
    await expect(`${JSON.stringify(parsed.value, null, 2)}\n`).toMatchFileSnapshot('./default-playbook.validated.json');
    expect(DEFAULT_PLAYBOOK).toStrictEqual(parsed.value);
  });

  it('orders the LTC stages from lead to cash, with lost outside the pipeline', () => {
    expect(DEFAULT_PLAYBOOK.stages.map((stage) => `${stage.id}:${stage.kind}`)).toEqual([
      'lead:pipeline',
      'qualification:pipeline',
      'solution:pipeline',
      'bid:pipeline',
      'contract:pipeline',
      'delivery:pipeline',
      'cash:pipeline',
      'lost:lost',
    ]);
  });

  it.each(CRM_DEFAULT_STAGES)('maps the %s stage "%s" to %s', (crm, name, ltcStage) => {
    const owners = DEFAULT_PLAYBOOK.stages.filter((stage) => Object.values(stage.crmNames[crm] ?? {}).flat().includes(name));
    expect(owners.map((stage) => stage.id)).toEqual([ltcStage]);
  });

  it('holds the requirement template of the domain brief, each field in both languages with keywords in both', () => {
    expect(DEFAULT_PLAYBOOK.requirements.map((requirement) => requirement.id)).toEqual([...DOMAIN_REQUIREMENTS, ...AFTER_SIGNATURE_REQUIREMENTS]);
    for (const requirement of DEFAULT_PLAYBOOK.requirements) {
      for (const locale of LOCALES) {
        expect(requirement.keywords[locale].length, `${requirement.id} ${locale} keywords`).toBeGreaterThan(0);
      }
    }
  });

  it('has the iron triangle and the N-angle roles, each brought in by at least one rule', () => {
    const roleIds = DEFAULT_PLAYBOOK.teamRoles.map((role) => role.id);
    expect(roleIds).toEqual(['ar', 'sr', 'fr', ...N_ANGLE_ROLES]);
    const ruled = new Set(DEFAULT_PLAYBOOK.roleRules.map((rule) => rule.role));
    expect(roleIds.filter((role) => !ruled.has(role))).toEqual([]);
  });

  it('uses every kind of rule', () => {
    const kinds = new Set(DEFAULT_PLAYBOOK.roleRules.map((rule) => rule.when.kind));
    expect([...kinds].sort()).toEqual(['all', 'amount-over', 'decision-role-present', 'note-mentions', 'record-field', 'requirement-mentions', 'stage-reached']);
  });

  it("maps Salesforce's standard contact roles, in English and Chinese, to decision-chain roles, and leaves \"Other\" to the title", () => {
    const mapped = new Set(DEFAULT_PLAYBOOK.decisionRoles.flatMap((role) => role.crmContactRoles));
    expect(SALESFORCE_CONTACT_ROLES.filter((role) => !mapped.has(role))).toEqual([]);
    expect(SALESFORCE_NO_ROLE.filter((role) => mapped.has(role))).toEqual([]);
  });

  it("maps HubSpot's buying roles and Dynamics 365's stakeholder connection roles, and leaves Blocker, Other and Stakeholder to the title", () => {
    const mapped = new Set(DEFAULT_PLAYBOOK.decisionRoles.flatMap((role) => role.crmContactRoles));
    expect([...HUBSPOT_BUYING_ROLES, ...DYNAMICS_CONNECTION_ROLES].filter((role) => !mapped.has(role))).toEqual([]);
    expect([...HUBSPOT_NO_ROLE, ...DYNAMICS_NO_ROLE].filter((role) => mapped.has(role))).toEqual([]);
  });

  it('maps every CRM\'s closed-won stage, in English and Chinese where the CRM has it, to the contract stage, and lets only the team or a rule go further', () => {
    const contract = DEFAULT_PLAYBOOK.stages.find((stage) => stage.id === 'contract')!;
    for (const crm of ['salesforce', 'dynamics', 'hubspot', 'pipedrive', 'zoho', 'odoo']) {
      expect(contract.crmNames[crm]?.en?.length, crm).toBeGreaterThan(0);
      expect(contract.crmNames[crm]?.['zh-CN']?.length, crm).toBeGreaterThan(0);
    }
    for (const id of ['delivery', 'cash']) expect(DEFAULT_PLAYBOOK.stages.find((stage) => stage.id === id)!.crmNames).toEqual({});
    expect(DEFAULT_PLAYBOOK.stageRules.map((rule) => rule.stage)).toEqual(['delivery', 'cash']);
  });

  it('counts no CRM Description or Close Date as a captured fact; dedicated fields do', () => {
    const mappings = DEFAULT_PLAYBOOK.requirements.flatMap((requirement) => requirement.crmFields.map((mapping) => [requirement.id, mapping.field, mapping.satisfies] as const));
    expect(mappings.filter(([, , satisfies]) => !satisfies).map(([id, field]) => `${id}:${field}`)).toEqual([
      'business-pain:Description',
      'business-pain:描述',
      'decision-timeline:CloseDate',
      'decision-timeline:Close Date',
      'decision-timeline:结束日期',
    ]);
  });

  it('stops asking for what only matters before the decision: competitors, criteria and timeline after the bid; pain, budget and the incumbent after the contract', () => {
    const until = Object.fromEntries(DEFAULT_PLAYBOOK.requirements.filter((requirement) => requirement.requiredUntil).map((requirement) => [requirement.id, requirement.requiredUntil]));
    expect(until).toEqual({
      'business-pain': 'contract',
      'current-solution': 'contract',
      'decision-criteria': 'bid',
      budget: 'contract',
      'decision-timeline': 'bid',
      competitors: 'bid',
    });
    const roles = Object.fromEntries(DEFAULT_PLAYBOOK.decisionRoles.filter((role) => role.requiredUntil).map((role) => [role.id, role.requiredUntil]));
    expect(roles).toMatchObject({ 'decision-maker': 'contract', procurement: 'contract', 'quality-inspection': 'delivery', champion: 'contract' });
  });

  it("gives the customer's quality inspection and our quality engineer the same inspection keywords (issue 12)", () => {
    const quality = DEFAULT_PLAYBOOK.decisionRoles.find((role) => role.id === 'quality-inspection')!;
    const engineerRules = DEFAULT_PLAYBOOK.roleRules.filter((rule) => rule.role === 'quality-engineer');
    const lists = [
      ...quality.requiredWhen.map((reason) => ['quality-inspection', reason.when] as const),
      ...engineerRules.map((rule) => [rule.id, rule.when] as const),
    ].flatMap(([owner, when]) => ('keywords' in when && (when.kind === 'note-mentions' || when.kind === 'requirement-mentions') ? [[owner, when.kind, when.keywords] as const] : []));
    // Both sides hear of inspection from a note and from the acceptance terms.
    expect(lists.map(([owner, kind]) => `${owner}:${kind}`).sort()).toEqual([
      'quality-inspection:note-mentions',
      'quality-inspection:requirement-mentions',
      'quality-on-acceptance-terms:requirement-mentions',
      'quality-on-inspection-note:note-mentions',
    ]);
    const [first] = lists;
    for (const [owner, kind, keywords] of lists) expect(keywords, `${owner} ${kind}`).toEqual(first![2]);
    // The words issue 12 names, in both languages.
    expect(first![2].en).toEqual(expect.arrayContaining(['IQC', 'incoming inspection', 'AQL', 'QA', 'sampling', 'rejected']));
    expect(first![2]['zh-CN']).toEqual(expect.arrayContaining(['来料检验', '品质部', '品管', '质检', '抽检', '退货']));
  });

  it('declares amount thresholds in USD, EUR and CNY', () => {
    for (const rule of DEFAULT_PLAYBOOK.roleRules) {
      if (rule.when.kind === 'amount-over') expect(Object.keys(rule.when.thresholds).sort()).toEqual(['CNY', 'EUR', 'USD']);
    }
  });
});
