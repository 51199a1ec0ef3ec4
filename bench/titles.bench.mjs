// titles.quality: how well the default playbook reads job titles into
// decision-chain roles, on the hand-labelled corpus bench/corpora/titles.json
// (bench/title-quality.ts): micro precision and recall over (title, role)
// pairs, for all titles and per language. titles.quality.holdout: the same on
// bench/corpora/titles-holdout.json, titles kept out of tuning, which tells
// how the keywords and rules do on titles they were not fitted to. A quality
// figure, not a timing: median and p95 are the figure itself. No target here,
// since the report's targets are upper bounds; lib/engines/title-corpus.test.ts
// holds the floors.
// Run with tsx (scripts/bench.mjs does), which loads the TypeScript engine.
import { DEFAULT_PLAYBOOK } from '../lib/playbook/default-playbook';
import { log, single, writeResults } from './support/stats.mjs';
import { scoreTitleCorpus, TITLE_CORPUS, TITLE_HOLDOUT } from './title-quality';

const corpora = [
  { prefix: 'titles.quality', titles: TITLE_CORPUS },
  { prefix: 'titles.quality.holdout', titles: TITLE_HOLDOUT },
];
const results = [];
for (const { prefix, titles } of corpora) {
  const score = scoreTitleCorpus(DEFAULT_PLAYBOOK, titles);
  const groups = [{ suffix: '', quality: score.overall }, ...[...score.byLanguage].map(([lang, quality]) => ({ suffix: `.${lang}`, quality }))];
  for (const { suffix, quality } of groups) {
    log(`${prefix}${suffix}: ${quality.titles} titles`);
    results.push(single(`${prefix}.precision${suffix}`, 'ratio', quality.precision, null, 3));
    results.push(single(`${prefix}.recall${suffix}`, 'ratio', quality.recall, null, 3));
  }
  for (const mistake of score.mistakes) log(`  ${mistake.title}: labelled [${mistake.expected.join(', ')}], classified [${mistake.classified.join(', ')}]`);
}
writeResults(results);
