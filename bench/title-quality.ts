/**
 * How well job titles are read into decision-chain roles, measured on the
 * hand-labelled corpus bench/corpora/titles.json: micro precision and recall
 * over (title, role) pairs, for all titles and per language. Also measured on
 * the held-out set bench/corpora/titles-holdout.json, written before the last
 * change to the title reading and never used to choose a keyword or a rule:
 * the main corpus says what the keywords were fitted to, the held-out set how
 * they do on titles they were not. Shared by the unit test that holds the line
 * (lib/engines/title-corpus.test.ts) and the benchmark that records the
 * figures (bench/titles.bench.mjs).
 */
import { compilePlaybook } from '../lib/engines/compiled-playbook';
import { classifyStakeholders } from '../lib/engines/stakeholders';
import type { Playbook } from '../lib/playbook/schema';
import holdout from './corpora/titles-holdout.json';
import corpus from './corpora/titles.json';

export interface LabelledTitle {
  title: string;
  /** `zh-CN` for titles with Chinese characters, mixed ones included; `en` for the others. */
  lang: string;
  /** Decision-role ids of the default playbook, labelled by hand from the title's meaning. */
  roles: readonly string[];
}

export const TITLE_CORPUS: readonly LabelledTitle[] = corpus.titles;

/**
 * Titles kept out of tuning: a keyword or rule chosen because it fixes one of
 * these makes the set a second training set. Fix what the main corpus shows,
 * then measure here; to tune on these, move them into titles.json and write a
 * new held-out set first.
 */
export const TITLE_HOLDOUT: readonly LabelledTitle[] = holdout.titles;

export interface TitleQuality {
  titles: number;
  precision: number;
  recall: number;
}

export interface TitleMistake {
  title: string;
  expected: readonly string[];
  classified: readonly string[];
}

export interface TitleCorpusScore {
  overall: TitleQuality;
  byLanguage: ReadonlyMap<string, TitleQuality>;
  /** Titles whose classification differs from their label, for reading rather than counting. */
  mistakes: TitleMistake[];
}

interface Counts {
  titles: number;
  correct: number;
  classified: number;
  expected: number;
}

/** Classifies every title as a CRM contact without a contact role, and compares the roles with the labels. */
export function scoreTitleCorpus(playbook: Playbook, titles: readonly LabelledTitle[] = TITLE_CORPUS): TitleCorpusScore {
  const contacts = titles.map((entry, index) => ({ name: `title ${index}`, title: entry.title }));
  const people = classifyStakeholders(compilePlaybook(playbook), contacts, []);
  const overall = emptyCounts();
  const byLanguage = new Map<string, Counts>();
  const mistakes: TitleMistake[] = [];

  titles.forEach((entry, index) => {
    const classified = people[index]!.roles.map((role) => role.roleId);
    const correct = classified.filter((roleId) => entry.roles.includes(roleId)).length;
    let language = byLanguage.get(entry.lang);
    if (language === undefined) {
      language = emptyCounts();
      byLanguage.set(entry.lang, language);
    }
    for (const counts of [overall, language]) {
      counts.titles++;
      counts.correct += correct;
      counts.classified += classified.length;
      counts.expected += entry.roles.length;
    }
    if (correct !== classified.length || correct !== entry.roles.length) mistakes.push({ title: entry.title, expected: entry.roles, classified });
  });

  return {
    overall: quality(overall),
    byLanguage: new Map([...byLanguage].map(([lang, counts]) => [lang, quality(counts)])),
    mistakes,
  };
}

function emptyCounts(): Counts {
  return { titles: 0, correct: 0, classified: 0, expected: 0 };
}

/** Precision of no classification at all, or recall of no labels, is perfect: nothing was wrong or missed. */
function quality(counts: Counts): TitleQuality {
  return {
    titles: counts.titles,
    precision: counts.classified === 0 ? 1 : counts.correct / counts.classified,
    recall: counts.expected === 0 ? 1 : counts.correct / counts.expected,
  };
}
