// titles.quality: how well the default playbook reads job titles into
// decision-chain roles, on the hand-labelled corpus bench/corpora/titles.json
// (bench/title-quality.ts): micro precision and recall over (title, role)
// pairs, for all titles and per language. A quality figure, not a timing:
// median and p95 are the figure itself. No target here, since the report's
// targets are upper bounds; lib/engines/title-corpus.test.ts holds the floor.
// Run with tsx (scripts/bench.mjs does), which loads the TypeScript engine.
import { DEFAULT_PLAYBOOK } from '../lib/playbook/default-playbook';
import { log, single, writeResults } from './support/stats.mjs';
import { scoreTitleCorpus } from './title-quality';

const score = scoreTitleCorpus(DEFAULT_PLAYBOOK);
const groups = [{ suffix: '', quality: score.overall }, ...[...score.byLanguage].map(([lang, quality]) => ({ suffix: `.${lang}`, quality }))];
const results = [];
for (const { suffix, quality } of groups) {
  log(`titles.quality${suffix}: ${quality.titles} titles`);
  results.push(single(`titles.quality.precision${suffix}`, 'ratio', quality.precision, null, 3));
  results.push(single(`titles.quality.recall${suffix}`, 'ratio', quality.recall, null, 3));
}
for (const mistake of score.mistakes) log(`  ${mistake.title}: labelled [${mistake.expected.join(', ')}], classified [${mistake.classified.join(', ')}]`);
writeResults(results);
