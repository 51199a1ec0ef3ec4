import { describe, expect, it } from 'vitest';
import { NOTE_CORPUS, NOTE_HOLDOUT, scoreNoteCorpus, type LabelledNote, type NoteQuality } from '@/bench/note-quality';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';

/**
 * Floors a little under what the default playbook reaches (see `npm run bench`,
 * notes.*), so that a change which loses facts, proposes noise or cuts the
 * key figure out of values fails here. The targets themselves (precision ≥
 * 0.9, recall ≥ 0.8, key kept ≥ 0.95) are the benchmark's. Reached on the main
 * corpus (275 notes): en 0.910 / 0.905, zh 0.906 / 0.890 (precision / recall),
 * key kept 0.965. On the held-out notes, never used to choose a phrase: en
 * 0.667 / 0.692, zh 0.692 / 0.783 — the vocabulary is fitted more than it
 * generalises, which is what the held-out floor is there to show as it improves.
 */
const FLOORS = {
  main: { precision: 0.88, recall: 0.86, keyKept: 0.94 },
  holdout: { precision: 0.62, recall: 0.65, keyKept: 0.8 },
};

const requirementIds = new Set(DEFAULT_PLAYBOOK.requirements.map((requirement) => requirement.id));
const figures = (quality: NoteQuality) =>
  `precision ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)}, key kept ${quality.keyKept.toFixed(3)}`;

function expectWellFormed(notes: readonly LabelledNote[]) {
  expect(new Set(notes.map((note) => note.id)).size).toBe(notes.length);
  expect(notes.flatMap((note) => note.facts.map((fact) => fact.fact)).filter((id) => !requirementIds.has(id))).toEqual([]);
  // A key is the note's own words: a value can only keep what the note says.
  expect(notes.flatMap((note) => note.facts.filter((fact) => !note.text.includes(fact.key)).map((fact) => `${note.id}: ${fact.key}`))).toEqual([]);
}

describe.each([
  { name: 'the labelled corpus (test/corpus/notes.*.jsonl)', notes: NOTE_CORPUS, floor: FLOORS.main, perLanguage: 60 },
  { name: 'the held-out notes (test/corpus/notes-holdout.*.jsonl)', notes: NOTE_HOLDOUT, floor: FLOORS.holdout, perLanguage: 20 },
])('notes of $name on the default playbook', ({ notes, floor, perLanguage }) => {
  const score = scoreNoteCorpus(DEFAULT_PLAYBOOK, notes);

  it('holds enough notes in both languages, some off-topic, labelled with the playbook’s facts and the notes’ own words', () => {
    for (const lang of ['en', 'zh']) expect(notes.filter((note) => note.lang === lang).length).toBeGreaterThanOrEqual(perLanguage);
    expect(notes.filter((note) => note.facts.length === 0).length / notes.length).toBeGreaterThanOrEqual(0.08);
    expectWellFormed(notes);
  });

  it.each(['en', 'zh'])('proposes the facts of the %s notes above the floors', (lang) => {
    const quality = score.byLanguage.get(lang)!;
    console.info(`${lang}: ${figures(quality)}; ${score.mistakes.length} notes not as labelled`);
    expect(quality.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(quality.recall).toBeGreaterThanOrEqual(floor.recall);
  });

  it('keeps the key figure or phrase in the values it proposes', () => {
    expect(score.overall.keyKept).toBeGreaterThanOrEqual(floor.keyKept);
  });
});

describe('the held-out notes', () => {
  it('share no note with the corpus the vocabulary was fitted to', () => {
    const main = new Set(NOTE_CORPUS.map((note) => note.text));
    expect(NOTE_HOLDOUT.filter((note) => main.has(note.text))).toEqual([]);
  });
});
