import type { Note } from '../domain/note';
import { proposeFacts } from '../notes/propose';
import { statementAt } from '../notes/statements';
import type { Figure } from '../notes/types';
import type { CompiledPlaybook, NoteTopic } from './compiled-playbook';
import { compareText } from './compare';

/** A note that states a topic, with the statement to show (and, for a requirement, to accept as its value). */
export interface NoteMention {
  noteId: string;
  pageTitle: string;
  url: string;
  keyword: string;
  /** The note's own words that state the topic: whole statements, verbatim. */
  quote: string;
  /** What accepting the mention stores as the value (the statements, blanks collapsed). */
  value: string;
  /** Figures the value states. */
  figures: Figure[];
}

export interface TopicMentions {
  /** Newest notes first, at most `MAX_MENTIONS_PER_TOPIC`. */
  mentions: NoteMention[];
  /** All notes that mention the topic. */
  count: number;
}

/** Enough to make the point in the panel without listing hundreds of notes. */
export const MAX_MENTIONS_PER_TOPIC = 3;

/** A (note, requirement) proposal someone rejected: it is not proposed again and makes nothing required. */
export interface RejectedProposal {
  noteId: string;
  fieldId: string;
}

/**
 * Reads every note once and files it under each requirement it states (the
 * proposals of lib/notes, less the rejected ones) and each note rule it mentions.
 */
export function findNoteMentions(
  compiled: CompiledPlaybook,
  notes: readonly Note[],
  rejected: readonly RejectedProposal[] = [],
): Map<NoteTopic, TopicMentions> {
  const byTopic = new Map<NoteTopic, TopicMentions>();
  const file = (topic: NoteTopic, mention: NoteMention) => {
    let entry = byTopic.get(topic);
    if (entry === undefined) {
      entry = { mentions: [], count: 0 };
      byTopic.set(topic, entry);
    }
    entry.count++;
    if (entry.mentions.length < MAX_MENTIONS_PER_TOPIC) entry.mentions.push(mention);
  };
  const rejectedKeys = new Set(rejected.map((decision) => proposalKey(decision.noteId, decision.fieldId)));
  for (const note of newestFirst(notes)) {
    const origin = { noteId: note.id, pageTitle: note.pageTitle, url: note.url };
    for (const proposal of proposeFacts(compiled.playbook, note)) {
      const requirement = compiled.requirementsById.get(proposal.requirementId);
      if (requirement === undefined || rejectedKeys.has(proposalKey(note.id, proposal.requirementId))) continue;
      file(requirement, { ...origin, keyword: proposal.keyword, quote: proposal.quote, value: proposal.value, figures: proposal.figures });
    }
    for (const [topic, hit] of compiled.noteMatcher.scan(note.text)) {
      const quote = statementAt(note.text, hit.start);
      file(topic, { ...origin, keyword: hit.keyword, quote, value: quote, figures: [] });
    }
  }
  return byTopic;
}

function proposalKey(noteId: string, fieldId: string): string {
  return `${noteId}\u0000${fieldId}`;
}

function newestFirst(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => b.capturedAt - a.capturedAt || compareText(a.id, b.id));
}
