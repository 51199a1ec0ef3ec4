import type { Note } from '../domain/note';
import type { CompiledPlaybook, NoteTopic } from './compiled-playbook';
import { compareText } from './compare';
import { quoteAround } from './quote';

/** A note that mentions a topic, with the passage to show (and later accept as a value). */
export interface NoteMention {
  noteId: string;
  pageTitle: string;
  url: string;
  keyword: string;
  quote: string;
}

export interface TopicMentions {
  /** Newest notes first, at most `MAX_MENTIONS_PER_TOPIC`. */
  mentions: NoteMention[];
  /** All notes that mention the topic. */
  count: number;
}

/** Enough to make the point in the panel without listing hundreds of notes. */
export const MAX_MENTIONS_PER_TOPIC = 3;

/** Reads every note once and files it under each requirement and note rule it mentions. */
export function findNoteMentions(compiled: CompiledPlaybook, notes: readonly Note[]): Map<NoteTopic, TopicMentions> {
  const byTopic = new Map<NoteTopic, TopicMentions>();
  for (const note of newestFirst(notes)) {
    for (const [topic, hit] of compiled.noteMatcher.scan(note.text)) {
      let entry = byTopic.get(topic);
      if (entry === undefined) {
        entry = { mentions: [], count: 0 };
        byTopic.set(topic, entry);
      }
      entry.count++;
      if (entry.mentions.length < MAX_MENTIONS_PER_TOPIC) {
        entry.mentions.push({ noteId: note.id, pageTitle: note.pageTitle, url: note.url, keyword: hit.keyword, quote: quoteAround(note.text, hit) });
      }
    }
  }
  return byTopic;
}

function newestFirst(notes: readonly Note[]): Note[] {
  return [...notes].sort((a, b) => b.capturedAt - a.capturedAt || compareText(a.id, b.id));
}
