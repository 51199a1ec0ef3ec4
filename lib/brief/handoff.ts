import { t } from '@/lib/i18n';
import { asks } from './asks';
import { capturedNeeds } from './captured';
import { briefContext, NONE, type BriefContext, type BriefInput } from './context';
import { MARKDOWN, PLAIN, type BriefFormat } from './format';
import { notesAppendix } from './notes-appendix';
import { decisionChain } from './stakeholder-table';

// The record's requirement brief for the solution and delivery people who
// were not in the room: what was heard, in full, with its source and whether
// the customer confirmed it; what we still have to get, who gets it and by
// when; who is who at the customer; who is on our team; and every note as
// written. Pure: the same input gives the same text.

export type { BriefInput } from './context';
export { markdownText } from './format';

function factsLine(context: BriefContext): string {
  const { record } = context.input;
  const value = (text: string | undefined) => context.format.text(text?.trim() || NONE);
  return t('briefFacts', value(record.stage), value(record.amount?.text), value(record.closeDate), value(record.account), value(record.owner));
}

/** The team roles the deal needs or has, who holds each, and why the playbook asks for it. */
function team(context: BriefContext): string[] {
  const { format } = context;
  return context.input.analysis.team.roles.map((role) => {
    const names = role.assigned.map((member) => format.text(member.name ?? member.personId));
    const because = [...new Set(role.triggers.map((trigger) => context.say(trigger.because)))];
    const held = t('briefLabelValue', format.strong(context.label.teamRole(role.roleId)), names.length > 0 ? context.list(names) : NONE);
    return `- ${held}${because.length > 0 ? t('briefParenthetical', context.details(because)) : ''}`;
  });
}

function brief(input: BriefInput, format: BriefFormat): string {
  const context = briefContext(input, format);
  const section = (heading: string, lines: readonly string[]) => ['', format.heading(2, heading), ...(lines.length > 0 ? lines : [t('briefNone')])];
  return [
    format.heading(1, t('briefTitle', format.text(input.record.name ?? input.record.recordId))),
    '',
    factsLine(context),
    ...section(t('briefNeeds'), capturedNeeds(context)),
    ...section(t('briefAsks'), asks(context)),
    ...section(t('briefChain'), decisionChain(context)),
    ...section(t('briefTeam'), team(context)),
    ...section(t('briefNotes'), notesAppendix(context)),
    '',
    t('briefGenerated', context.day(input.now.getTime())),
    '',
  ].join('\n');
}

/** The brief as Markdown, for a wiki, a ticket or a chat: page data escaped, so it stays text. */
export function handoffMarkdown(input: BriefInput): string {
  return brief(input, MARKDOWN);
}

/** The brief as plain e-mail text, values verbatim; its first line is the subject. */
export function handoffEmail(input: BriefInput): string {
  return brief(input, PLAIN);
}
