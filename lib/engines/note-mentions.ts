import type { Note } from '@/lib/domain/note';
import { fnv1a } from '@/lib/text/hash';
import { proposeFacts } from '@/lib/notes/propose';
import { statementAt } from '@/lib/notes/statements';
import type { Figure } from '@/lib/notes/types';
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
  // Most topics are stated by many notes: only the few shown are built as mentions, the rest counted.
  const file = (topic: NoteTopic, note: Note, mention: NoteReading[number]['mention']) => {
    let entry = byTopic.get(topic);
    if (entry === undefined) {
      entry = { mentions: [], count: 0 };
      byTopic.set(topic, entry);
    }
    entry.count++;
    if (entry.mentions.length < MAX_MENTIONS_PER_TOPIC) {
      const { keyword, quote, value, figures } = mention;
      entry.mentions.push({ noteId: note.id, pageTitle: note.pageTitle, url: note.url, keyword, quote, value, figures });
    }
  };
  const rejectedKeys = new Set(rejected.map((decision) => proposalKey(decision.noteId, decision.fieldId)));
  for (const note of newestFirst(notes)) {
    for (const { topic, fieldId, mention } of readNote(compiled, note)) {
      if (fieldId !== undefined && rejectedKeys.has(proposalKey(note.id, fieldId))) continue;
      file(topic, note, mention);
    }
  }
  return byTopic;
}

/** What one note says, before it is filed: the topics it states, each with the words that state it. */
type NoteReading = readonly { topic: NoteTopic; fieldId?: string; mention: Omit<NoteMention, 'noteId' | 'pageTitle' | 'url'> }[];

/**
 * What each note says, per compiled playbook and note version (`versionKey`). The panel analyses again on
 * every change while the notes mostly stay the same, and reading a note (statements, evidence,
 * figures) is the engines' largest cost. Keyed like the compiled playbook itself (a new playbook
 * starts afresh); bounded, so a session that walks thousands of records does not keep them all.
 */
const readingsByPlaybook = new WeakMap<CompiledPlaybook, Map<string, NoteReading>>();
const MAX_CACHED_NOTES = 5_000;

function readNote(compiled: CompiledPlaybook, note: Note): NoteReading {
  let byNote = readingsByPlaybook.get(compiled);
  if (byNote === undefined) {
    byNote = new Map();
    readingsByPlaybook.set(compiled, byNote);
  }
  const key = versionKey(note);
  let reading = byNote.get(key);
  if (reading === undefined) {
    const found: NoteReading[number][] = [];
    for (const proposal of proposeFacts(compiled.playbook, note)) {
      const requirement = compiled.requirementsById.get(proposal.requirementId);
      if (requirement === undefined) continue;
      found.push({ topic: requirement, fieldId: proposal.requirementId, mention: { keyword: proposal.keyword, quote: proposal.quote, value: proposal.value, figures: proposal.figures } });
    }
    for (const [topic, hit] of compiled.noteMatcher.scan(note.text)) {
      const quote = statementAt(note.text, hit.start);
      found.push({ topic, mention: { keyword: hit.keyword, quote, value: quote, figures: [] } });
    }
    if (byNote.size >= MAX_CACHED_NOTES) byNote.clear();
    reading = found;
    byNote.set(key, reading);
  }
  return reading;
}

/**
 * A note's version, without keeping a copy of its words: id, capture time (relative dates in a
 * note are read against it), length and an FNV-1a hash of the text. Two versions of one note
 * that collide on all four are not a case worth a copy of every note in memory.
 */
function versionKey(note: Note): string {
  return `${note.id}\u0000${note.capturedAt}\u0000${note.text.length}\u0000${fnv1a(note.text)}`;
}

function proposalKey(noteId: string, fieldId: string): string {
  return `${noteId}\u0000${fieldId}`;
}

function newestFirst(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => b.capturedAt - a.capturedAt || compareText(a.id, b.id));
}
