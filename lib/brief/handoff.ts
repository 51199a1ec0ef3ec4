import type { RecordSnapshot } from '../crm/snapshot';
import type { LocalizedText } from '../domain/locale';
import type { DealAnalysis } from '../engines/analyze';
import { explain } from '../engines/explain';
import type { CapturedValue } from '../engines/requirement-trail';
import { getLocale, t } from '../i18n';
import type { Playbook } from '../playbook/schema';

// The record's requirement brief for the solution and delivery people who
// were not in the room: what was heard, with its source; what is still open;
// who is who at the customer; who is on our team. Pure: the same input gives
// the same text.

export interface BriefInput {
  record: RecordSnapshot;
  analysis: DealAnalysis;
  playbook: Playbook;
  /** When the brief is made, as shown at its end. */
  now: Date;
}

/**
 * Page data goes into Markdown as text: characters that would make links,
 * images, HTML or formatting out of a CRM value are escaped.
 */
export function markdownText(value: string): string {
  return value.replace(/[\\`*_{}[\]()<>#+!|~-]/g, (character) => `\\${character}`).replace(/\s+/g, ' ').trim();
}

function sections(input: BriefInput) {
  const { record, analysis, playbook } = input;
  // In the user's language, like every other text of the extension.
  const locale = getLocale();
  const text = (value: LocalizedText) => value[locale];
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
  const requirements = byId(playbook.requirements);
  const teamRoles = byId(playbook.teamRoles);
  const decisionRoles = byId(playbook.decisionRoles);
  const roleName = (id: string) => (teamRoles.get(id) ? text(teamRoles.get(id)!.label) : id);
  const source = (value: CapturedValue) => {
    switch (value.source.kind) {
      case 'crm-field':
        return t('sourceCrmField', value.source.fieldLabel);
      case 'note':
        return t('briefNoteSource', value.source.quote, value.source.url);
      case 'manual':
        return t('sourceManual');
    }
  };

  const captured = analysis.requirements.fields.flatMap((field) => {
    const value = field.trail[0];
    if (!value) return [];
    const label = requirements.get(field.requirementId);
    const confirmed = value.confirmedByCustomer ? `; ${t('briefConfirmed')}` : '';
    return [{ label: label ? text(label.label) : field.requirementId, value: value.value, source: `${source(value)}${confirmed}` }];
  });
  const open = analysis.requirements.fields
    .filter((field) => field.status === 'missing')
    .map((field) => {
      const requirement = requirements.get(field.requirementId);
      return {
        label: requirement ? text(requirement.label) : field.requirementId,
        help: requirement ? text(requirement.help) : '',
        neededBy: field.neededBy.map(roleName).join(', '),
      };
    });
  const people = new Map(analysis.decisionChain.stakeholders.map((person) => [person.id, person.name]));
  const chain = analysis.decisionChain.roles
    .filter((role) => role.required || role.stakeholderIds.length > 0)
    .map((role) => ({
      role: decisionRoles.get(role.roleId) ? text(decisionRoles.get(role.roleId)!.label) : role.roleId,
      people: role.stakeholderIds.map((id) => people.get(id) ?? id),
    }));
  const gaps = analysis.decisionChain.gaps.map((gap) => ({ severity: gap.severity, what: explain(gap.explanation, locale), next: explain(gap.nextAction, locale) }));
  const team = analysis.team.roles.map((role) => ({
    role: roleName(role.roleId),
    assigned: role.assigned.map((member) => member.name ?? member.personId),
    because: role.triggers.map((trigger) => explain(trigger.because, locale)),
  }));
  const facts = t(
    'briefFacts',
    record.stage ?? '—',
    record.amount?.text ?? '—',
    record.closeDate ?? '—',
    record.account ?? '—',
    record.owner ?? '—',
  );
  return { title: t('briefTitle', record.name ?? record.recordId), facts, captured, open, chain, gaps, team };
}

const SEVERITY: Record<string, 'severityHigh' | 'severityMedium' | 'severityLow' | 'severityCheck'> = {
  high: 'severityHigh',
  medium: 'severityMedium',
  low: 'severityLow',
  check: 'severityCheck',
};

/** The brief as Markdown, for a wiki, a ticket or a chat. */
export function handoffMarkdown(input: BriefInput): string {
  const s = sections(input);
  const m = markdownText;
  const list = (items: string[]) => (items.length > 0 ? items.join('\n') : t('briefNone'));
  return [
    `# ${m(s.title)}`,
    '',
    m(s.facts),
    '',
    `## ${t('briefNeeds')}`,
    list(s.captured.map((item) => `- **${m(item.label)}**: ${m(item.value)} _(${m(item.source)})_`)),
    '',
    `## ${t('briefOpen')}`,
    list(s.open.map((item) => `- **${m(item.label)}**: ${m(item.help)} _(${m(t('neededBy', item.neededBy))})_`)),
    '',
    `## ${t('briefChain')}`,
    list(s.chain.map((item) => `- ${m(item.people.length > 0 ? t('roleCoveredBy', item.role, item.people.join(', ')) : t('roleUncovered', item.role))}`)),
    '',
    list(s.gaps.map((gap) => `- **${t(SEVERITY[gap.severity] ?? 'severityLow')}**: ${m(gap.what)} ${m(t('nextActionLabel', gap.next))}`)),
    '',
    `## ${t('briefTeam')}`,
    list(
      s.team.map(
        (item) =>
          `- **${m(item.role)}**: ${item.assigned.length > 0 ? m(item.assigned.join(', ')) : '—'}${item.because.length > 0 ? ` _(${m(item.because.join('; '))})_` : ''}`,
      ),
    ),
    '',
    `_${m(t('briefGenerated', input.now.toISOString().slice(0, 10)))}_`,
    '',
  ].join('\n');
}

/** The brief as plain e-mail text (subject line first), for people who read mail, not Markdown. */
export function handoffEmail(input: BriefInput): string {
  const s = sections(input);
  const list = (items: string[]) => (items.length > 0 ? items.join('\n') : t('briefNone'));
  return [
    t('briefEmailSubject', s.title),
    '',
    s.facts,
    '',
    `${t('briefNeeds')}:`,
    list(s.captured.map((item) => `- ${item.label}: ${item.value} (${item.source})`)),
    '',
    `${t('briefOpen')}:`,
    list(s.open.map((item) => `- ${item.label}: ${item.help} (${t('neededBy', item.neededBy)})`)),
    '',
    `${t('briefChain')}:`,
    list(s.chain.map((item) => `- ${item.people.length > 0 ? t('roleCoveredBy', item.role, item.people.join(', ')) : t('roleUncovered', item.role)}`)),
    list(s.gaps.map((gap) => `- [${t(SEVERITY[gap.severity] ?? 'severityLow')}] ${gap.what} ${t('nextActionLabel', gap.next)}`)),
    '',
    `${t('briefTeam')}:`,
    list(s.team.map((item) => `- ${item.role}: ${item.assigned.length > 0 ? item.assigned.join(', ') : '—'}`)),
    '',
    t('briefGenerated', input.now.toISOString().slice(0, 10)),
    '',
  ].join('\n');
}
