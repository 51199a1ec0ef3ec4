import { describe, expect, it } from 'vitest';
import type { RecordContact } from '@/lib/crm/snapshot';
import { stakeholderIdForContact } from '@/lib/domain/stakeholder';
import type { PlaybookInput } from '@/lib/playbook/schema';
import { buildPlaybook } from '@/lib/playbook/testing/minimal-playbook';
import { createDealContext } from './context';
import { evaluateDecisionChain, type DecisionChainReport, type GapKind } from './decision-chain';
import { explain } from '@/lib/domain/explain';
import { DAY, NOW, dealInput, note, person, record, stakeholder } from './testing/fixtures';

const text = (en: string, zh = `${en}（中文）`) => ({ en, 'zh-CN': zh });

/** Decision maker (top, from open), evaluator (from bid), quality (when IQC is mentioned or the deal is large). */
const playbook = buildPlaybook((input: PlaybookInput) => {
  input.decisionRoles[0]!.crmContactRoles = ['Decision Maker', 'Economic Buyer', '决策者'];
  input.decisionRoles.push(
    {
      id: 'evaluator',
      label: text('Technical evaluator', '技术评估者'),
      requiredFrom: 'bid',
      crmContactRoles: ['Evaluator', 'Technical Buyer', '评估者'],
      titleKeywords: { en: ['engineer', 'CTO'], 'zh-CN': ['技术'] },
    },
    {
      id: 'quality',
      label: text('Quality inspection', '质量检验'),
      requiredWhen: [
        { when: { kind: 'note-mentions', keywords: { en: ['IQC'] } }, because: text('They inspect incoming goods.') },
        { when: { kind: 'amount-over', thresholds: { USD: 1_000_000 } }, because: text('Large deals are inspected.') },
      ],
      titleKeywords: { en: ['quality', 'QA'], 'zh-CN': ['质检'] },
    },
  );
});

function chain(overrides: Parameters<typeof dealInput>[0] = {}, contacts: RecordContact[] = [], stage = 'Prospecting') {
  return evaluateDecisionChain(createDealContext(dealInput({ playbook, record: record({ stage, contacts }), ...overrides })));
}

const gapKinds = (report: ReturnType<typeof chain>): GapKind[] => report.gaps.map((gap) => gap.kind);
const rolesOf = (report: ReturnType<typeof chain>, name: string) =>
  report.stakeholders.find((person) => person.name === name)?.roles.map((role) => role.roleId);

/** A supporter we own and met yesterday: no person-level gaps. */
const settled = { stance: 'supporter', influence: 'medium', ourOwner: 'p1', lastEngagedAt: NOW - DAY } as const;

describe('evaluateDecisionChain: who is who', () => {
  it('classifies CRM contacts by contact role, in English or Chinese, several roles in one cell, and by title', () => {
    const report = chain({}, [
      { name: 'Ahmed', role: 'Economic Buyer' },
      { name: 'Wang', role: '决策者；评估者' },
      { name: 'Li', title: '质检主管' },
      { name: 'Omar', title: 'Senior Network Engineer', role: 'Other' },
    ]);
    expect(rolesOf(report, 'Ahmed')).toEqual(['decision-maker']);
    expect(rolesOf(report, 'Wang')).toEqual(['decision-maker', 'evaluator']);
    expect(rolesOf(report, 'Li')).toEqual(['quality']);
    expect(rolesOf(report, 'Omar')).toEqual(['evaluator']);
    const li = report.stakeholders.find((person) => person.name === 'Li')!;
    expect(explain(li.roles[0]!.because, 'zh-CN')).toBe('质量检验：职位包含“质检”。');
  });

  it('merges what the team stored about a CRM contact, and lets a person-set role win over the CRM', () => {
    const contact = { name: 'Ahmed Musa', title: 'CEO', email: 'ahmed@sudatel.sd' };
    const stored = stakeholder(stakeholderIdForContact(contact), 'old name', {
      source: 'crm',
      roles: ['evaluator', 'retired-role'],
      stance: 'opponent',
      influence: 'high',
      plan: 'Reference visit',
    });
    const [ahmed] = chain({ facts: { stakeholders: [stored] } }, [contact]).stakeholders;
    expect(ahmed).toMatchObject({ name: 'Ahmed Musa', title: 'CEO', stance: 'opponent', influence: 'high', plan: 'Reference visit', source: 'crm' });
    expect(ahmed!.roles).toEqual([{ roleId: 'evaluator', because: { key: 'stakeholder.roleSetManually', params: {} } }]);
  });

  it('classifies by CRM role and title again when every role a person set is gone from the playbook', () => {
    const contact = { name: 'Ahmed', role: 'Decision Maker' };
    const stored = stakeholder(stakeholderIdForContact(contact), 'Ahmed', { source: 'crm', roles: ['retired-role'] });
    expect(rolesOf(chain({ facts: { stakeholders: [stored] } }, [contact]), 'Ahmed')).toEqual(['decision-maker']);
  });

  it('adds manual stakeholders after the CRM contacts', () => {
    const report = chain({ facts: { stakeholders: [stakeholder('m1', 'Fatima', { title: 'QA lead' })] } }, [{ name: 'Ahmed' }]);
    expect(report.stakeholders.map((person) => [person.name, person.source])).toEqual([
      ['Ahmed', 'crm'],
      ['Fatima', 'manual'],
    ]);
  });
});

describe('evaluateDecisionChain: gaps', () => {
  it('role uncovered: a required role without contact, with why it is required', () => {
    const report = chain({ facts: { notes: [note('n1', 'Their IQC rejected a competitor last year')] } });
    const quality = report.roles.find((role) => role.roleId === 'quality')!;
    expect(quality.required).toBe(true);
    expect(quality.reasons.map((reason) => explain(reason.because, 'en'))).toEqual(['They inspect incoming goods.']);
    const gap = report.gaps.find((candidate) => candidate.roleId === 'quality')!;
    // Called for now by a note, with the default weight: due, so medium.
    expect(gap).toMatchObject({ kind: 'role-uncovered', severity: 'medium', urgency: { timing: 'due', weight: 'normal' } });
    expect(explain(gap.explanation, 'en')).toBe('No customer contact covers the role Quality inspection.');
    expect(explain(gap.nextAction, 'zh-CN')).toBe('弄清客户的“质量检验”是谁（可以问教练），并添加为联系人。');
  });

  it('escalates an uncovered role once its stage has passed, and weighs a critical role high as soon as it is due', () => {
    const gapOf = (report: ReturnType<typeof chain>, roleId: string) => report.gaps.find((gap) => gap.roleId === roleId)?.urgency;
    const atBid = chain({}, [], 'Proposal/Price Quote');
    expect(gapOf(atBid, 'evaluator')).toMatchObject({ severity: 'medium', timing: 'due' });
    expect(gapOf(atBid, 'decision-maker')).toMatchObject({ severity: 'high', timing: 'overdue', stagesOverdue: 1 });
    expect(gapOf(chain({}, [], 'Prospecting'), 'decision-maker')).toMatchObject({ severity: 'medium', timing: 'due' });
    const critical = buildPlaybook((input: PlaybookInput) => {
      input.decisionRoles[0]!.weight = 'critical';
    });
    const report = evaluateDecisionChain(createDealContext(dealInput({ playbook: critical, record: record({ stage: 'Prospecting' }) })));
    expect(gapOf(report, 'decision-maker')).toMatchObject({ severity: 'high', timing: 'due', weight: 'critical' });
  });

  it('requires a role from its stage only where its condition holds (goods, not services)', () => {
    const gated = buildPlaybook((input: PlaybookInput) => {
      input.decisionRoles.push({
        id: 'quality',
        label: text('Quality inspection', '质量检验'),
        requiredFrom: 'bid',
        appliesWhen: { kind: 'not', condition: { kind: 'field', fields: ['Type'], op: 'equals', values: ['Services'] } },
        titleKeywords: { en: ['quality'] },
      });
    });
    const required = (fields: { label: string; value: string }[]) =>
      evaluateDecisionChain(createDealContext(dealInput({ playbook: gated, record: record({ stage: 'Proposal/Price Quote', fields }) }))).roles.find(
        (role) => role.roleId === 'quality',
      )!;
    expect(required([{ label: 'Type', value: 'New Customer' }]).required).toBe(true);
    expect(explain(required([]).reasons[0]!.evidence!, 'en')).toBe('Not the case: the field Type is one of Services.');
    expect(required([{ label: 'Type', value: 'services' }]).required).toBe(false);
  });

  it('proposes a highly influential supporter as coach, as a suggestion to accept', () => {
    const coached = buildPlaybook((input: PlaybookInput) => {
      input.decisionRoles.push({
        id: 'coach',
        label: text('Coach', '教练'),
        proposeFor: { stances: ['supporter'], influences: ['high'] },
        titleKeywords: {},
      });
    });
    const report = evaluateDecisionChain(
      createDealContext(
        dealInput({
          playbook: coached,
          record: record({ stage: 'Prospecting', contacts: [{ name: 'Amira', title: 'Engineer' }, { name: 'Omar', title: 'Engineer' }] }),
          facts: {
            stakeholders: [
              stakeholder('crm:name:amira', 'Amira', { source: 'crm', stance: 'supporter', influence: 'high' }),
              stakeholder('crm:name:omar', 'Omar', { source: 'crm', stance: 'supporter', influence: 'low' }),
            ],
          },
        }),
      ),
    );
    expect(report.proposals.map((proposal) => [proposal.stakeholderId, proposal.roleId])).toEqual([['crm:name:amira', 'coach']]);
    expect(explain(report.proposals[0]!.because, 'en')).toBe('Amira is a supporter with high influence: a likely Coach.');
  });

  it('requires roles from their stage on', () => {
    const required = (stage: string) => chain({}, [], stage).roles.filter((role) => role.required).map((role) => role.roleId);
    expect(required('Prospecting')).toEqual(['decision-maker']);
    expect(required('Proposal/Price Quote')).toEqual(['decision-maker', 'evaluator']);
  });

  it('reports a requiring condition it cannot evaluate', () => {
    const report = evaluateDecisionChain(
      createDealContext(dealInput({ playbook, record: record({ stage: 'Prospecting', amount: { text: '€2m', value: 2e6, currency: 'EUR' } }) })),
    );
    expect(report.undetermined.map((entry) => [entry.roleIds, entry.evidence.key])).toEqual([[['quality'], 'condition.amountCurrencyNotComparable']]);
  });

  it('says once why several conditions cannot be evaluated when they fail for the same reason', () => {
    const twice = buildPlaybook((input: PlaybookInput) => {
      const large = { kind: 'amount-over', thresholds: { USD: 1_000_000 } } as const;
      input.decisionRoles.push(
        {
          id: 'quality',
          label: text('Quality'),
          requiredFrom: 'open',
          appliesWhen: large,
          requiredWhen: [{ when: large, because: text('Large deals are inspected.') }],
          titleKeywords: { en: ['quality'] },
        },
        { id: 'legal', label: text('Legal'), requiredWhen: [{ when: large, because: text('Large deals go through legal.') }], titleKeywords: { en: ['legal'] } },
      );
    });
    const amount = { text: '2,350,000.00', value: 2_350_000 };
    const report = evaluateDecisionChain(createDealContext(dealInput({ playbook: twice, record: record({ stage: 'Prospecting', amount }) })));
    expect(report.undetermined.map((entry) => [entry.roleIds, explain(entry.evidence, 'en')])).toEqual([
      [['quality', 'legal'], 'The amount “2,350,000.00” has no currency, so it cannot be compared with the threshold.'],
    ]);
  });

  it('no owner, stance unknown: per person, heavier for highly influential people', () => {
    const report = chain({
      facts: {
        stakeholders: [
          stakeholder('a', 'Ahmed', { ...settled, ourOwner: undefined, stance: 'unknown', influence: 'high' }),
          stakeholder('b', 'Bashir', { ...settled, ourOwner: undefined, stance: 'unknown', influence: 'low' }),
        ],
      },
    });
    const gapsOf = (id: string) => report.gaps.filter((gap) => gap.stakeholderId === id).map((gap) => `${gap.kind}:${gap.severity}`);
    expect(gapsOf('a')).toEqual(['no-owner:high', 'stance-unknown:medium']);
    expect(gapsOf('b')).toEqual(['no-owner:medium', 'stance-unknown:low']);
    expect(explain(report.gaps.find((gap) => gap.stakeholderId === 'b')!.explanation, 'en')).toBe('Bashir has no owner on our side.');
  });

  it('opponent without plan: only for an opponent whose influence is not low', () => {
    const opponents = ['high', 'medium', 'unknown', 'low'].map((influence, index) =>
      stakeholder(`o${index}`, `Opponent ${influence}`, { ...settled, stance: 'opponent', influence: influence as 'high' }),
    );
    const withPlan = stakeholder('planned', 'Planned', { ...settled, stance: 'opponent', influence: 'high', plan: 'Win him with the reference site' });
    const report = chain({ facts: { stakeholders: [...opponents, withPlan] } });
    const flagged = report.gaps.filter((gap) => gap.kind === 'opponent-without-plan');
    expect(flagged.map((gap) => gap.stakeholderId)).toEqual(['o0', 'o1', 'o2']);
    expect(explain(flagged[0]!.explanation, 'zh-CN')).toBe('Opponent high 反对我们，影响力高，且没有应对计划。');
  });

  it('stale engagement: after the playbook’s number of days', () => {
    const report = chain({
      facts: {
        stakeholders: [
          stakeholder('fresh', 'Fresh', { ...settled, lastEngagedAt: NOW - 30 * DAY }),
          stakeholder('stale', 'Stale', { ...settled, lastEngagedAt: NOW - 45 * DAY }),
        ],
      },
    });
    const stale = report.gaps.filter((gap) => gap.kind === 'stale-engagement');
    expect(stale.map((gap) => gap.stakeholderId)).toEqual(['stale']);
    expect(explain(stale[0]!.explanation, 'en')).toBe('No contact with Stale for 45 days (limit: 30 days).');
    expect(report.engagedStakeholderIds).toEqual(['fresh']);
  });

  it('single-threaded: fewer engaged contacts than the playbook asks for', () => {
    const report = chain({
      facts: { stakeholders: [stakeholder('e', 'Eng', { ...settled, roles: ['evaluator'] }), stakeholder('x', 'Away', { ...settled, roles: ['decision-maker'], lastEngagedAt: undefined })] },
    });
    const gap = report.gaps.find((candidate) => candidate.kind === 'single-threaded')!;
    expect(gap.severity).toBe('medium');
    expect(explain(gap.explanation, 'en')).toBe('Only 1 customer contacts are engaged; the playbook asks for at least 2.');
    expect(explain(gap.nextAction, 'en')).toBe('Engage the other links of the chain: Decision maker.');
    const nobody = chain({ facts: { stakeholders: [] } }).gaps.find((candidate) => candidate.kind === 'single-threaded');
    expect(nobody?.severity).toBe('high');
  });

  it('only the top decision maker engaged: reported instead of single-threaded, naming the other links', () => {
    const report = chain(
      { facts: { stakeholders: [stakeholder('gm', 'Mr. Gao', { ...settled, roles: ['decision-maker'] })] } },
      [],
      'Proposal/Price Quote',
    );
    expect(gapKinds(report)).toContain('only-top-engaged');
    expect(gapKinds(report)).not.toContain('single-threaded');
    const gap = report.gaps.find((candidate) => candidate.kind === 'only-top-engaged')!;
    expect(explain(gap.explanation, 'en')).toBe(
      'Only the top decision maker is engaged (Mr. Gao); any other link of the chain can still stop the deal.',
    );
    expect(explain(gap.nextAction, 'zh-CN')).toBe('打通决策链的其他环节：技术评估者。');
  });

  it('puts the most severe gaps first', () => {
    const report = chain({ facts: { stakeholders: [stakeholder('a', 'A', { influence: 'low' })] } }, [], 'Proposal/Price Quote');
    const order = { high: 0, medium: 1, low: 2, check: 3 };
    const severities = report.gaps.map((gap) => order[gap.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    expect(new Set(report.gaps.map((gap) => gap.severity))).toEqual(new Set(['high', 'medium', 'low']));
  });
});

describe('evaluateDecisionChain: contact roles the page did not give', () => {
  // At the bid stage the decision maker is overdue (high) and the evaluator due (medium), when nobody covers them.
  const atBid = (contacts: RecordContact[], unread: ('title' | 'role')[] | undefined, stakeholders: ReturnType<typeof stakeholder>[] = []) =>
    evaluateDecisionChain(
      createDealContext(
        dealInput({
          playbook,
          record: record({ stage: 'Proposal/Price Quote', contacts, ...(unread && { unreadContactDetails: unread }) }),
          facts: { stakeholders },
        }),
      ),
    );
  const roleGaps = (report: DecisionChainReport) =>
    report.gaps.filter((gap) => gap.kind === 'role-uncovered').map((gap) => `${gap.roleId}:${gap.severity}:${gap.urgency.timing}`);
  const namesOnly = [{ name: 'Ahmed Musa' }, { name: 'Omar Ali' }];

  it('lowers the gaps of roles nobody is known to hold to "check" when the page lists names without roles or titles, and says why', () => {
    const report = atBid(namesOnly, ['title', 'role']);
    expect(roleGaps(report)).toEqual(['decision-maker:check:overdue', 'evaluator:check:due']);
    expect(explain(report.rolesNotRead!, 'en')).toMatch(/^Roles not read from the CRM page: /);
    expect(explain(report.rolesNotRead!, 'zh-CN')).toMatch(/^未从 CRM 页面读取到角色：/);
    const evaluator = report.gaps.find((gap) => gap.roleId === 'evaluator')!;
    expect(explain(evaluator.nextAction, 'en')).toBe('Check on the CRM page whether someone covers Technical evaluator; if so, add them here.');
    expect(explain(evaluator.nextAction, 'zh-CN')).toBe('到 CRM 页面上核实是否有人担任“技术评估者”；如有，请在此添加。');
    expect(explain(evaluator.explanation, 'en')).toBe(
      'Not known whether a customer contact covers the role Technical evaluator: the CRM page’s contact roles were not read.',
    );
    // The same page read in full reports them as uncovered.
    const read = atBid(namesOnly, undefined);
    expect(roleGaps(read)).toEqual(['decision-maker:high:overdue', 'evaluator:medium:due']);
    expect(read.rolesNotRead).toBeNull();
  });

  it('lowers them too when titles were read but none of them names a role', () => {
    const report = atBid([{ name: 'Ahmed Musa', title: 'Head of Sales' }, { name: 'Omar Ali', title: 'Account manager' }], ['role']);
    expect(roleGaps(report)).toEqual(['decision-maker:check:overdue', 'evaluator:check:due']);
    expect(report.rolesNotRead).not.toBeNull();
  });

  it('reads the list as it reads any CRM without contact roles once a title places someone: an uncovered role stays a gap', () => {
    // An engineer and a sales head: the titles show no decision maker, as a CRM without contact roles would.
    const report = atBid([{ name: 'Fatima', title: 'Head of Sales' }, { name: 'Omar Ali', title: 'Network Engineer' }], ['role']);
    expect(roleGaps(report)).toEqual(['decision-maker:high:overdue']);
    expect(report.rolesNotRead).toBeNull();
  });

  it('counts what the team recorded as usual: their people cover roles, and a title they typed places a page contact', () => {
    const recorded = stakeholder('m1', 'Sara', { roles: ['evaluator'] });
    const report = atBid(namesOnly, ['title', 'role'], [recorded]);
    expect(roleGaps(report)).toEqual(['decision-maker:check:overdue']);
    expect(report.roles.find((role) => role.roleId === 'evaluator')?.stakeholderIds).toEqual(['m1']);

    const typedTitle = stakeholder(stakeholderIdForContact(namesOnly[0]!), 'Ahmed Musa', { source: 'crm', title: 'CEO' });
    const placed = atBid(namesOnly, ['title', 'role'], [typedTitle]);
    expect(roleGaps(placed)).toEqual(['evaluator:medium:due']);
    expect(placed.rolesNotRead).toBeNull();
  });

  it('leaves gaps alone when only titles are unread: the page’s contact roles were read', () => {
    const report = atBid([{ name: 'Ahmed Musa', role: 'Influencer' }], ['title']);
    expect(roleGaps(report)).toEqual(['decision-maker:high:overdue', 'evaluator:medium:due']);
    expect(report.rolesNotRead).toBeNull();
  });

  it('ranks a check after every other gap', () => {
    const report = atBid(namesOnly, ['title', 'role'], [stakeholder('m1', 'Sara', { stance: 'unknown', influence: 'low', ourOwner: 'p1', lastEngagedAt: NOW - DAY })]);
    const severities = report.gaps.map((gap) => gap.severity);
    expect(severities.slice(-2)).toEqual(['check', 'check']);
    expect(severities.slice(0, -2)).not.toContain('check');
  });
});

describe('evaluateDecisionChain: coverage grid', () => {
  it('lays customer roles against our team members, with unowned contacts apart', () => {
    const report = chain({
      directory: [person('p1', 'Sara'), person('p2', 'Bo')],
      facts: {
        assignments: [{ roleId: 'ar', personId: 'p2' }],
        stakeholders: [
          stakeholder('gm', 'GM', { roles: ['decision-maker'], ourOwner: 'p1' }),
          stakeholder('cto', 'CTO', { roles: ['evaluator', 'decision-maker'], ourOwner: 'p2' }),
          stakeholder('qa', 'QA', { roles: ['quality'] }),
          stakeholder('ex', 'Ex-colleague owned', { roles: ['quality'], ourOwner: 'left' }),
        ],
      },
    });
    expect(report.coverage.members).toEqual([
      { personId: 'p2', name: 'Bo' },
      { personId: 'p1', name: 'Sara' },
      { personId: 'left', name: null },
    ]);
    expect(report.coverage.rows).toEqual([
      { roleId: 'decision-maker', cells: [['cto'], ['gm'], []], unowned: [] },
      { roleId: 'evaluator', cells: [['cto'], [], []], unowned: [] },
      { roleId: 'quality', cells: [[], [], ['ex']], unowned: ['qa'] },
    ]);
  });
});
