import type { Locale } from './locales';

/**
 * Every sentence the engines can produce, in every supported language.
 * `{name}` placeholders are filled from the explanation's params by `explain`.
 */
export const MESSAGES = {
  'stage.mapped': {
    en: 'CRM stage “{crmStage}” is the LTC stage {stage}.',
    'zh-CN': 'CRM 阶段“{crmStage}”对应 LTC 阶段：{stage}。',
  },
  'stage.unknown': {
    en: 'The playbook does not map the {crm} stage “{crmStage}”, so no stage-based rule is applied. Ask your admin to add it.',
    'zh-CN': '打法未映射 {crm} 阶段“{crmStage}”，因此不应用基于阶段的规则。请联系管理员补充。',
  },
  'stage.crmNotMapped': {
    en: 'The playbook has no stage names for {crm}, so the stage “{crmStage}” cannot be placed. Ask your admin to add them.',
    'zh-CN': '打法中没有 {crm} 的阶段名称，无法判断阶段“{crmStage}”。请联系管理员补充。',
  },
  'stage.missing': {
    en: 'The record shows no stage, so no stage-based rule is applied.',
    'zh-CN': '记录上没有阶段，因此不应用基于阶段的规则。',
  },

  'stage.derivedByRule': {
    en: 'CRM stage “{crmStage}”; the playbook moves the deal on to {stage}: {because} {evidence}',
    'zh-CN': 'CRM 阶段“{crmStage}”；打法将项目推进到“{stage}”：{because}{evidence}',
  },
  'stage.movedByTeam': {
    en: 'CRM stage “{crmStage}”; the team moved the deal on to {stage}.',
    'zh-CN': 'CRM 阶段“{crmStage}”；团队已将项目推进到“{stage}”。',
  },

  'requirement.requiredFromStage': {
    en: 'Required from the stage {stage} on.',
    'zh-CN': '从“{stage}”阶段起必填。',
  },
  'requirement.mentionedInNote': {
    en: 'The note “{pageTitle}” mentions “{keyword}”: {quote}',
    'zh-CN': '笔记“{pageTitle}”提到“{keyword}”：{quote}',
  },
  'decisionRole.requiredFromStage': {
    en: 'Must be covered from the stage {stage} on.',
    'zh-CN': '从“{stage}”阶段起必须覆盖。',
  },

  'condition.stageReached': {
    en: 'The deal has reached the stage {stage}.',
    'zh-CN': '项目已进入“{stage}”阶段。',
  },
  'condition.amountOver': {
    en: 'The amount {amount} {currency} is over {threshold} {currency}.',
    'zh-CN': '金额 {amount} {currency} 超过 {threshold} {currency}。',
  },
  'condition.amountOverAssumed': {
    en: 'The amount {amount} {currency} is over {threshold} {currency} (the page shows only “{amountText}”: taken as {currency}).',
    'zh-CN': '金额 {amount} {currency} 超过 {threshold} {currency}（页面只显示“{amountText}”，按 {currency} 计）。',
  },
  'condition.amountMissing': {
    en: 'The record shows no amount, so the amount threshold cannot be checked.',
    'zh-CN': '记录上没有金额，无法判断金额门槛。',
  },
  'condition.amountUnreadable': {
    en: 'The amount “{amountText}” could not be read, so the amount threshold cannot be checked.',
    'zh-CN': '无法识别金额“{amountText}”，无法判断金额门槛。',
  },
  'condition.amountWithoutCurrency': {
    en: 'The amount “{amountText}” has no currency, so it cannot be compared with the threshold.',
    'zh-CN': '金额“{amountText}”没有币种，无法与门槛比较。',
  },
  'condition.amountCurrencyNotComparable': {
    en: 'Cannot compare: the amount is in {currency} and the rule has thresholds only in {currencies}. Amounts are never converted by guess.',
    'zh-CN': '无法比较：金额币种为 {currency}，而规则只设了 {currencies} 的门槛。系统不会猜测汇率换算。',
  },
  'condition.assumedCurrencyNotComparable': {
    en: 'Cannot compare: the page shows only “{amountText}”, taken as {currency}, and the rule has thresholds only in {currencies}. Amounts are never converted by guess.',
    'zh-CN': '无法比较：页面只显示“{amountText}”，按 {currency} 计，而规则只设了 {currencies} 的门槛。系统不会猜测汇率换算。',
  },
  'condition.recordFieldAssumedCurrency': {
    en: 'The field “{field}” is “{value}”, taken as {currency}: the page shows no currency.',
    'zh-CN': '字段“{field}”的值为“{value}”，页面未显示币种，按 {currency} 计。',
  },
  'condition.recordField': {
    en: 'The field “{field}” is “{value}”.',
    'zh-CN': '字段“{field}”的值为“{value}”。',
  },
  'condition.requirementMentions': {
    en: '{requirement} mentions “{keyword}”: {quote}',
    'zh-CN': '“{requirement}”提到“{keyword}”：{quote}',
  },
  'condition.noteMentions': {
    en: 'The note “{pageTitle}” mentions “{keyword}”: {quote}',
    'zh-CN': '笔记“{pageTitle}”提到“{keyword}”：{quote}',
  },
  'condition.decisionRolePresent': {
    en: 'The customer’s {role} is on the record: {name}.',
    'zh-CN': '客户的{role}已在记录上：{name}。',
  },

  'condition.requirementMissing': {
    en: '{requirement} is still missing.',
    'zh-CN': '“{requirement}”仍然缺失。',
  },
  'condition.fieldUnreadable': {
    en: 'The field “{field}” shows “{value}”, which cannot be compared, so the rule is not applied.',
    'zh-CN': '字段“{field}”的值“{value}”无法比较，因此不应用该规则。',
  },
  'condition.not': { en: 'Not the case: {condition}', 'zh-CN': '不成立：{condition}' },
  'condition.all': { en: '{evidence}', 'zh-CN': '{evidence}' },

  'describe.stageReached': { en: 'the deal has reached {stage}.', 'zh-CN': '项目已进入“{stage}”阶段。' },
  'describe.amountOver': { en: 'the amount is over {thresholds}.', 'zh-CN': '金额超过 {thresholds}。' },
  'describe.recordField': { en: 'the field {fields} mentions {keywords}.', 'zh-CN': '字段 {fields} 提到 {keywords}。' },
  'describe.requirementMentions': { en: '{requirement} mentions {keywords}.', 'zh-CN': '“{requirement}”提到 {keywords}。' },
  'describe.noteMentions': { en: 'a note mentions {keywords}.', 'zh-CN': '有笔记提到 {keywords}。' },
  'describe.decisionRolePresent': { en: 'the customer’s {role} is on the record.', 'zh-CN': '客户的{role}已在记录上。' },
  'describe.fieldEquals': { en: 'the field {fields} is one of {values}.', 'zh-CN': '字段 {fields} 的值为 {values} 之一。' },
  'describe.fieldPresent': { en: 'the field {fields} has a value.', 'zh-CN': '字段 {fields} 有值。' },
  'describe.fieldGreaterThan': { en: 'the field {fields} is over {value}.', 'zh-CN': '字段 {fields} 大于 {value}。' },
  'describe.fieldLessThan': { en: 'the field {fields} is under {value}.', 'zh-CN': '字段 {fields} 小于 {value}。' },
  'describe.fieldDatePassed': { en: 'the date in the field {fields} has passed.', 'zh-CN': '字段 {fields} 中的日期已过。' },
  'describe.all': { en: 'all of: {conditions}', 'zh-CN': '同时满足：{conditions}' },
  'describe.any': { en: 'any of: {conditions}', 'zh-CN': '满足其一：{conditions}' },
  'describe.not': { en: 'not so: {condition}', 'zh-CN': '并非：{condition}' },

  'finding.getFact': { en: 'Get “{requirement}” from the customer.', 'zh-CN': '向客户获取“{requirement}”。' },
  'finding.factNeeded': { en: 'The back office needs this fact.', 'zh-CN': '后端需要这一信息。' },
  'finding.assignRole': { en: 'Assign a {role} to the deal.', 'zh-CN': '为项目指派{role}。' },
  'finding.findRole': {
    en: 'Find a {role}: nobody in the team directory can take it.',
    'zh-CN': '寻找{role}：团队名录中没有人能担任。',
  },
  'finding.people.no-owner': { en: '{count} people: nobody on our side owns them.', 'zh-CN': '{count} 人：我方无人负责。' },
  'finding.people.stance-unknown': { en: '{count} people: stance unknown.', 'zh-CN': '{count} 人：立场未知。' },
  'finding.people.stale-engagement': { en: '{count} people: no contact for too long.', 'zh-CN': '{count} 人：太久没有联系。' },

  'playbook.text': { en: '{text}', 'zh-CN': '{text}' },

  'stakeholder.roleFromCrm': {
    en: '{role}: CRM contact role “{crmRole}”.',
    'zh-CN': '{role}：CRM 联系人角色为“{crmRole}”。',
  },
  'stakeholder.roleFromTitle': {
    en: '{role}: the title contains “{keyword}”.',
    'zh-CN': '{role}：职位包含“{keyword}”。',
  },
  'stakeholder.proposedFor': {
    en: '{name} is a {stance} with {influence} influence: a likely {role}.',
    'zh-CN': '{name}是影响力{influence}的{stance}：可作为{role}。',
  },
  'stakeholder.roleSetManually': {
    en: 'Set by a team member.',
    'zh-CN': '由团队成员设定。',
  },

  'match.skill': { en: 'skill: {skills}', 'zh-CN': '技能：{skills}' },
  'match.industry': { en: 'industry: {terms}', 'zh-CN': '行业：{terms}' },
  'match.region': { en: 'region: {terms}', 'zh-CN': '区域：{terms}' },
  'match.language': { en: 'language: {terms}', 'zh-CN': '语言：{terms}' },
  'match.capacity': { en: '{free} of {capacity} slots free', 'zh-CN': '{capacity} 个名额中空闲 {free} 个' },
  'team.noCandidate': {
    en: 'Nobody in the team directory can take the role {role}.',
    'zh-CN': '团队名录中没有人能担任“{role}”。',
  },

  'gap.roleUncovered': {
    en: 'No customer contact covers the role {role}.',
    'zh-CN': '客户的“{role}”角色没有对应联系人。',
  },
  'action.findContact': {
    en: 'Find out who is the customer’s {role} (ask your coach) and add them as a contact.',
    'zh-CN': '弄清客户的“{role}”是谁（可以问教练），并添加为联系人。',
  },
  'chain.rolesNotRead': {
    en: 'Roles not read from the CRM page: its contacts are listed without roles, and no title tells one, so a customer role nobody here holds is to be checked on the page, not taken as uncovered.',
    'zh-CN': '未从 CRM 页面读取到角色：联系人列表没有角色，职位也看不出角色，因此这里无人担任的客户角色需要到页面上核实，不算作没有对应联系人。',
  },
  'gap.roleNotRead': {
    en: 'Not known whether a customer contact covers the role {role}: the CRM page’s contact roles were not read.',
    'zh-CN': '不清楚客户的“{role}”角色是否有对应联系人：未能读取 CRM 页面上的联系人角色。',
  },
  'action.checkRoleOnPage': {
    en: 'Check on the CRM page whether someone covers {role}; if so, add them here.',
    'zh-CN': '到 CRM 页面上核实是否有人担任“{role}”；如有，请在此添加。',
  },
  'gap.noOwner': {
    en: '{name} has no owner on our side.',
    'zh-CN': '{name} 在我方没有负责人。',
  },
  'action.assignOwner': {
    en: 'Name a team member who owns the relationship with {name}.',
    'zh-CN': '指定一名团队成员负责与 {name} 的关系。',
  },
  'gap.stanceUnknown': {
    en: 'We do not know where {name} stands.',
    'zh-CN': '不清楚 {name} 的立场。',
  },
  'action.learnStance': {
    en: 'Find out whether {name} supports us, is neutral, or opposes us.',
    'zh-CN': '弄清 {name} 是支持、中立还是反对我们。',
  },
  'gap.opponentWithoutPlan': {
    en: '{name} opposes us, has {influence} influence, and there is no plan for them.',
    'zh-CN': '{name} 反对我们，影响力{influence}，且没有应对计划。',
  },
  'action.planForOpponent': {
    en: 'Write a plan for {name}: what they worry about, and who can change their mind.',
    'zh-CN': '为 {name} 制定计划：他们担心什么，谁能改变他们的看法。',
  },
  'gap.staleEngagement': {
    en: 'No contact with {name} for {days} days (limit: {limit} days).',
    'zh-CN': '已有 {days} 天未与 {name} 接触（上限 {limit} 天）。',
  },
  'action.reengage': {
    en: 'Schedule a meeting or call with {name}.',
    'zh-CN': '安排与 {name} 会面或通话。',
  },
  'gap.singleThreaded': {
    en: 'Only {engaged} customer contacts are engaged; the playbook asks for at least {minimum}.',
    'zh-CN': '只与 {engaged} 位客户联系人保持接触，打法要求至少 {minimum} 位。',
  },
  'gap.onlyTopEngaged': {
    en: 'Only the top decision maker is engaged ({names}); any other link of the chain can still stop the deal.',
    'zh-CN': '只搞定了最高决策者（{names}），决策链上任何其他环节仍可能让项目失败。',
  },
  'action.engageRoles': {
    en: 'Engage the other links of the chain: {roles}.',
    'zh-CN': '打通决策链的其他环节：{roles}。',
  },
  'action.engageMorePeople': {
    en: 'Engage more people on the customer’s side.',
    'zh-CN': '与客户方更多的人建立联系。',
  },

  'playbookSource.invalidJson': {
    en: 'The {source} playbook is not valid JSON ({error}); using the {fallback} playbook.',
    'zh-CN': '{source}打法不是有效的 JSON（{error}），改用{fallback}打法。',
  },
  'playbookSource.invalidPlaybook': {
    en: 'The {source} playbook has {count} problems (first: {firstPath}: {firstMessage}); using the {fallback} playbook.',
    'zh-CN': '{source}打法有 {count} 处问题（第一处：{firstPath}：{firstMessage}），改用{fallback}打法。',
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** The sentence an `Explanation` names; the UI's own strings are keyed by `MessageKey` (lib/i18n, the _locales catalog). */
export type ExplanationKey = keyof typeof MESSAGES;
