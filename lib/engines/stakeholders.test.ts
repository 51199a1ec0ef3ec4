import { describe, expect, it } from 'vitest';
import type { RecordContact } from '@/lib/crm/snapshot';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import type { Playbook } from '@/lib/playbook/schema';
import { compilePlaybook } from './compiled-playbook';
import { explain } from '@/lib/domain/explain';
import { classifyStakeholders } from './stakeholders';

function classify(contact: Omit<RecordContact, 'name'>, playbook: Playbook = DEFAULT_PLAYBOOK) {
  const [person] = classifyStakeholders(compilePlaybook(playbook), [{ name: 'Contact', ...contact }], []);
  return person!.roles;
}

const rolesOf = (contact: Omit<RecordContact, 'name'>, playbook?: Playbook) => classify(contact, playbook).map((role) => role.roleId);

describe('classifyStakeholders on the default playbook', () => {
  it.each<[title: string | undefined, crmRole: string | undefined, roles: string[]]>([
    // Someone who works for the post holder is not the post holder.
    ['总经理助理', undefined, []],
    ['董事长秘书', undefined, []],
    ['Assistant to the CEO', undefined, []],
    ['Executive Assistant to the Managing Director', undefined, []],
    ['CEO 助理', undefined, []],
    // Each post of a title counts on its own.
    ['总经理 / 董事长', undefined, ['decision-maker']],
    ['党委书记 董事长', undefined, ['decision-maker']],
    ['副总经理（分管采购）', undefined, ['decision-maker', 'procurement']],
    ['总经理助理兼采购部经理', undefined, ['procurement']],
    ['Assistant Manager, Procurement', undefined, ['procurement']],
    // A title keyword that spells out an exclusion word is a post of its own.
    ['Permanent Secretary, Ministry of Energy', undefined, ['decision-maker']],
    ['Assistant Secretary General', undefined, []],
    // An exclusion word removes the roles of the post holder worked for, not every role of the post.
    ['Assistant Procurement Manager', undefined, ['procurement']],
    ['助理工程师', undefined, ['technical-evaluator']],
    ['Assistant General Manager', undefined, []],
    ['Executive Assistant to the Chief Procurement Officer', undefined, []],
    ['Office of the CFO', undefined, []],
    ['财务总监秘书', undefined, []],
    ["CFO's Assistant", undefined, []],
    ['IT Intern', undefined, []],
    ['Tender Committee Secretary', undefined, ['procurement']],
    ['Secretary of the Tender Committee', undefined, ['procurement']],
    ['招标委员会秘书', undefined, ['procurement']],
    // "&" and "and" between words join posts; the object of "Assistant to …" goes across them.
    ['CFO & Company Secretary', undefined, ['finance']],
    ['Chief Accountant and Head of Procurement', undefined, ['procurement', 'finance']],
    ['O&M Manager', undefined, ['end-user']],
    ['Assistant to the CEO and Chairman', undefined, []],
    ['Secretary to the President & CEO', undefined, []],
    // A Chinese department before a rank: the department's post, not the head of the customer.
    ['网络部总经理', undefined, ['end-user']],
    ['采购中心副总经理', undefined, ['procurement']],
    ['网络部常务副总经理', undefined, ['end-user']],
    ['人力资源部总经理', undefined, []],
    ['分公司总经理', undefined, ['decision-maker']],
    ['事业部总经理', undefined, ['decision-maker']],
    // A job noun that ends the post gives way to the function named before it.
    ['Field Maintenance Engineer', undefined, ['end-user']],
    ['Supplier Quality Engineer', undefined, ['quality-inspection']],
    ['IQC工程师', undefined, ['quality-inspection']],
    ['法律顾问', undefined, ['legal']],
    ['Senior Network Engineer', undefined, ['technical-evaluator']],
    ['IT运维主管', undefined, ['technical-evaluator', 'end-user']],
    ['VP Procurement', undefined, ['decision-maker', 'procurement']],
    // Titles.
    ['Product Owner', undefined, []],
    ['物资部主任', undefined, ['procurement']],
    ['Head of Supply Chain', undefined, ['procurement']],
    ['Technical Buyer', undefined, ['procurement']],
    ['Director General', undefined, ['decision-maker']],
    ['党委书记', undefined, ['decision-maker']],
    ['总工', undefined, ['technical-evaluator']],
    ['总工程师', undefined, ['technical-evaluator']],
    ['规划部主任', undefined, ['technical-evaluator']],
    ['品质部经理', undefined, ['quality-inspection']],
    ['QA Manager', undefined, ['quality-inspection']],
    ['CFO', undefined, ['finance']],
    ['财务总监', undefined, ['finance']],
    ['运维部经理', undefined, ['end-user']],
    // The CRM's contact role first; the title only when the CRM role means no role.
    ['CEO', 'Technical Buyer', ['technical-evaluator']],
    ['CEO', 'Other', ['decision-maker']],
    ['总经理', '其他', ['decision-maker']],
    ['CEO', 'Champion of the month', ['decision-maker']],
    [undefined, '决策者', ['decision-maker']],
    [undefined, 'Decision Maker, Evaluator', ['decision-maker', 'technical-evaluator']],
    [undefined, '经济决策者；业务用户', ['decision-maker', 'end-user']],
    [undefined, 'Purchasing', ['procurement']],
    [undefined, 'Developer/Evaluator', ['technical-evaluator']],
    [undefined, 'Other', []],
  ])('title %j, CRM role %j: %j', (title, role, roles) => {
    expect(rolesOf({ title, role })).toEqual(roles);
  });

  // HubSpot's default buying roles (contact property "Buying role") and Dynamics 365's out-of-box connection
  // roles of the Stakeholder category, with Chinese labels. A CRM role that means a decision-chain role
  // decides; Blocker is a stance, and Stakeholder / Other say nothing, so the title decides for them.
  it.each<[crm: string, crmRole: string, roles: string[]]>([
    ['hubspot', 'Decision Maker', ['decision-maker']],
    ['hubspot', 'Budget Holder', ['decision-maker']],
    ['hubspot', '预算负责人', ['decision-maker']],
    ['hubspot', 'Executive Sponsor', ['decision-maker']],
    ['hubspot', 'Champion', ['champion']],
    ['hubspot', '拥护者', ['champion']],
    ['hubspot', 'Influencer', ['influencer']],
    ['hubspot', 'End User', ['end-user']],
    ['hubspot', '最终用户', ['end-user']],
    ['hubspot', 'Legal & Compliance', ['legal']],
    ['hubspot', 'Legal and compliance', ['legal']],
    ['hubspot', '法律与合规', ['legal']],
    ['dynamics', 'Decision Maker', ['decision-maker']],
    ['dynamics', 'Economic Buyer', ['decision-maker']],
    ['dynamics', '经济买家', ['decision-maker']],
    ['dynamics', 'Technical Buyer', ['technical-evaluator']],
    ['dynamics', '技术买家', ['technical-evaluator']],
    ['dynamics', 'Influencer', ['influencer']],
    ['dynamics', 'Champion', ['champion']],
    ['dynamics', '支持者', ['champion']],
    ['dynamics', 'End User', ['end-user']],
  ])('%s contact role %j: %j, whatever the title', (_crm, role, roles) => {
    expect(rolesOf({ role })).toEqual(roles);
    // The CRM role wins over a title that means another role.
    expect(rolesOf({ role, title: 'Procurement Manager' })).toEqual(roles);
  });

  it.each(['Blocker', 'Other', 'Stakeholder', '利益相关者'])('leaves the CRM role %j to the title', (role) => {
    expect(rolesOf({ role })).toEqual([]);
    expect(rolesOf({ role, title: 'CFO' })).toEqual(['finance']);
  });

  it('says where each role comes from: the CRM contact role, or the title keyword', () => {
    const [fromCrm] = classify({ title: 'CEO', role: ' Technical Buyer ' });
    expect(fromCrm!.because).toEqual({
      key: 'stakeholder.roleFromCrm',
      params: { crmRole: 'Technical Buyer', role: { en: 'Technical evaluator', 'zh-CN': '技术评估者' } },
    });
    const [fromTitle] = classify({ title: '总经理助理 / 质检主管', role: 'Other' });
    expect(explain(fromTitle!.because, 'zh-CN')).toBe('质量检验（IQC）：职位包含“质检”。');
  });

  it("takes the exclusion words from the playbook's titleExclusions", () => {
    const withoutExclusions: Playbook = { ...DEFAULT_PLAYBOOK, titleExclusions: { en: [], 'zh-CN': [] } };
    expect(rolesOf({ title: '总经理助理' }, withoutExclusions)).toEqual(['decision-maker']);
    expect(rolesOf({ title: 'Assistant to the CEO' }, withoutExclusions)).toEqual(['decision-maker']);
    const withIntern: Playbook = { ...DEFAULT_PLAYBOOK, titleExclusions: { en: ['trainee'], 'zh-CN': [] } };
    expect(rolesOf({ title: 'Network Planning Trainee' }, withIntern)).toEqual([]);
    expect(rolesOf({ title: 'Network Planning Trainee' })).toEqual(['technical-evaluator']);
  });
});

describe('classifyStakeholders: one person, whatever key the team stored them under', () => {
  const compiled = compilePlaybook(DEFAULT_PLAYBOOK);
  const stored = (id: string, name: string, roles: string[] = []) => ({ id, name, roles, stance: 'supporter' as const, influence: 'high' as const, source: 'crm' as const });

  it('merges a contact the page lists without e-mail with the one stored person of that name keyed by e-mail', () => {
    const people = classifyStakeholders(compiled, [{ name: 'Karim  Saleh', title: 'CTO' }], [stored('crm:email:karim@sudatel.sd', 'Karim Saleh', ['procurement'])]);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ id: 'crm:name:karim saleh', stance: 'supporter', influence: 'high' });
    expect(people[0]!.roles.map((role) => role.roleId)).toEqual(['procurement']);
  });

  it('keeps them apart when the page shows an e-mail, or when two stored people share the name', () => {
    expect(classifyStakeholders(compiled, [{ name: 'Karim Saleh', email: 'k.saleh@other.sd' }], [stored('crm:email:karim@sudatel.sd', 'Karim Saleh')])).toHaveLength(2);
    const twins = [stored('crm:email:a@x.sd', 'Li Wei'), stored('crm:email:b@x.sd', 'Li Wei')];
    expect(classifyStakeholders(compiled, [{ name: 'Li Wei' }], twins)).toHaveLength(3);
  });

  it('keeps whom a person reports to, also when that person is shown under the page’s key', () => {
    const karim = stored('crm:email:karim@sudatel.sd', 'Karim Saleh');
    const huda = { ...stored('manual:1', 'Huda Ali'), source: 'manual' as const, reportsTo: karim.id };
    const people = classifyStakeholders(compiled, [{ name: 'Karim Saleh' }], [karim, huda]);
    expect(people.map((person) => [person.name, person.reportsTo])).toEqual([
      ['Karim Saleh', undefined],
      ['Huda Ali', 'crm:name:karim saleh'],
    ]);
  });
});
