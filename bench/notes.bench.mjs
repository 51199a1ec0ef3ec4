// notes.*: how well notes become requirement facts (bench/note-quality.ts) on
// the hand-labelled corpus test/corpus/notes.{en,zh}.jsonl — precision and
// recall over (note, fact) pairs per language, and the share of correct
// values that keep their key figure or phrase — and, as `notes.holdout.*`,
// the same on the held-out notes kept out of tuning. Quality targets are
// floors (precision ≥ 0.9, recall ≥ 0.8, key kept ≥ 0.95, on the main corpus);
// lib/notes/note-corpus.test.ts holds lower floors so a regression fails CI.
// notes.propose: the time to propose facts for a 2 000-character note, the
// panel's code path (lib/notes/propose.ts), warm.
// Run with tsx (scripts/bench.mjs does), which loads the TypeScript code.
import { DEFAULT_PLAYBOOK } from '../lib/playbook/default-playbook';
import { proposeFacts } from '../lib/notes/propose';
import { CORPUS_CAPTURED_AT, NOTE_CORPUS, NOTE_HOLDOUT, scoreNoteCorpus } from './note-quality';
import { floor, log, summarize, wanted, writeResults } from './support/stats.mjs';

const results = [];
const LANGUAGES = ['en', 'zh'];

if (wanted('notes.precision') || wanted('notes.recall') || wanted('notes.keyKept') || wanted('notes.holdout')) {
  const main = scoreNoteCorpus(DEFAULT_PLAYBOOK, NOTE_CORPUS);
  const holdout = scoreNoteCorpus(DEFAULT_PLAYBOOK, NOTE_HOLDOUT);
  for (const lang of LANGUAGES) {
    const quality = main.byLanguage.get(lang);
    results.push(floor(`notes.precision.${lang}`, 'ratio', quality.precision, 0.9));
    results.push(floor(`notes.recall.${lang}`, 'ratio', quality.recall, 0.8));
  }
  results.push(floor('notes.keyKept', 'ratio', main.overall.keyKept, 0.95));
  for (const lang of LANGUAGES) {
    const quality = holdout.byLanguage.get(lang);
    results.push(floor(`notes.holdout.precision.${lang}`, 'ratio', quality.precision, null));
    results.push(floor(`notes.holdout.recall.${lang}`, 'ratio', quality.recall, null));
  }
  results.push(floor('notes.holdout.keyKept', 'ratio', holdout.overall.keyKept, null));
  for (const mistake of main.mistakes) {
    log(`  ${mistake.id}: missed [${mistake.missed.join(', ')}], extra [${mistake.extra.join(', ')}]${mistake.keyLost.map((lost) => `, ${lost.fact} lost "${lost.key}"`).join('')}`);
  }
}

if (wanted('notes.propose')) {
  // A long note as reps paste them: labelled notes of both languages one after the other, cut at 2 000 characters.
  const text = NOTE_CORPUS.map((note) => note.text).join('\n').slice(0, 2000);
  const note = { text, capturedAt: CORPUS_CAPTURED_AT };
  for (let warm = 0; warm < 50; warm++) proposeFacts(DEFAULT_PLAYBOOK, note);
  const times = [];
  for (let run = 0; run < 200; run++) {
    const start = performance.now();
    proposeFacts(DEFAULT_PLAYBOOK, note);
    times.push(performance.now() - start);
  }
  results.push(summarize('notes.propose', 'ms', times, 5));
}

writeResults(results);
