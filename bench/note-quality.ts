/**
 * How well notes become requirement facts, measured on the hand-labelled
 * corpus test/corpus/notes.{en,zh}.jsonl: precision and recall over (note,
 * fact) pairs per language, and the share of correctly proposed values that
 * keep their key (the figure or phrase the value must contain to be useful).
 * Also measured on test/corpus/notes-holdout.*.jsonl, notes written the same
 * way but never used to choose a phrase: the main corpus says what the
 * vocabulary was fitted to, the held-out set how it does on notes it was not.
 * Shared by the unit test that holds the line (lib/notes/note-corpus.test.ts),
 * the benchmark (bench/notes.bench.mjs) and the playbook CLI.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { proposeFacts, type Proposal } from '../lib/notes/propose';
import type { Playbook } from '../lib/playbook/schema';

export interface LabelledNote {
  id: string;
  /** `en` or `zh`. */
  lang: string;
  text: string;
  /** Every fact the note states (requirement ids of the default playbook), with a verbatim text its value must contain. */
  facts: { fact: string; key: string }[];
}

const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'corpus');

export function readCorpus(file: string): LabelledNote[] {
  return readFileSync(join(CORPUS_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledNote);
}

export const NOTE_CORPUS: readonly LabelledNote[] = [...readCorpus('notes.en.jsonl'), ...readCorpus('notes.zh.jsonl')];
/** Never used to choose a phrase: to tune on these, move them into the main corpus and write a new held-out set first. */
export const NOTE_HOLDOUT: readonly LabelledNote[] = [...readCorpus('notes-holdout.en.jsonl'), ...readCorpus('notes-holdout.zh.jsonl')];

/** When every labelled note is taken to have been captured: relative dates in the notes read against it. */
export const CORPUS_CAPTURED_AT = Date.parse('2026-11-02T09:00:00Z');

export interface NoteQuality {
  notes: number;
  precision: number;
  recall: number;
  /** Of the (note, fact) pairs proposed and labelled, the share whose value contains the label's key. */
  keyKept: number;
}

export interface NoteMistake {
  id: string;
  text: string;
  /** Labelled and not proposed. */
  missed: string[];
  /** Proposed and not labelled. */
  extra: string[];
  /** Proposed and labelled, but the value lost the key. */
  keyLost: { fact: string; key: string; value: string }[];
}

export interface NoteCorpusScore {
  byLanguage: ReadonlyMap<string, NoteQuality>;
  overall: NoteQuality;
  mistakes: NoteMistake[];
}

interface Counts {
  notes: number;
  correct: number;
  proposed: number;
  expected: number;
  kept: number;
}

/** Proposes facts for every note exactly as the panel does, and compares them with the labels. */
export function scoreNoteCorpus(playbook: Playbook, notes: readonly LabelledNote[] = NOTE_CORPUS): NoteCorpusScore {
  const overall = emptyCounts();
  const byLanguage = new Map<string, Counts>();
  const mistakes: NoteMistake[] = [];
  for (const note of notes) {
    const proposals = new Map<string, Proposal>(proposeFacts(playbook, { text: note.text, capturedAt: CORPUS_CAPTURED_AT }).map((proposal) => [proposal.requirementId, proposal]));
    const labelled = new Map(note.facts.map((fact) => [fact.fact, fact.key]));
    const correct = [...proposals.keys()].filter((id) => labelled.has(id));
    const keyLost = correct.flatMap((id) => (proposals.get(id)!.value.includes(labelled.get(id)!) ? [] : [{ fact: id, key: labelled.get(id)!, value: proposals.get(id)!.value }]));
    let language = byLanguage.get(note.lang);
    if (language === undefined) {
      language = emptyCounts();
      byLanguage.set(note.lang, language);
    }
    for (const counts of [overall, language]) {
      counts.notes++;
      counts.correct += correct.length;
      counts.proposed += proposals.size;
      counts.expected += labelled.size;
      counts.kept += correct.length - keyLost.length;
    }
    const missed = [...labelled.keys()].filter((id) => !proposals.has(id));
    const extra = [...proposals.keys()].filter((id) => !labelled.has(id));
    if (missed.length + extra.length + keyLost.length > 0) mistakes.push({ id: note.id, text: note.text, missed, extra, keyLost });
  }
  return { overall: quality(overall), byLanguage: new Map([...byLanguage].map(([lang, counts]) => [lang, quality(counts)])), mistakes };
}

function emptyCounts(): Counts {
  return { notes: 0, correct: 0, proposed: 0, expected: 0, kept: 0 };
}

/** Precision of no proposal at all, recall of no label, or keys of no correct proposal are perfect: nothing was wrong or missed. */
function quality(counts: Counts): NoteQuality {
  return {
    notes: counts.notes,
    precision: counts.proposed === 0 ? 1 : counts.correct / counts.proposed,
    recall: counts.expected === 0 ? 1 : counts.correct / counts.expected,
    keyKept: counts.correct === 0 ? 1 : counts.kept / counts.correct,
  };
}
