// analysis.*: whether the panel says what is true and ranks what matters
// first, on the hand-labelled corpus of realistic deals bench/corpora/deals.json
// (bench/deal-quality.ts), for all deals and per language:
// analysis.nextActions.hit, the share of the labelled must-see items found
// among the (at most three) next actions; analysis.falseCaptured, labelled
// not-captured facts shown as captured or confirmed; analysis.missedCaptured,
// labelled captured facts not shown as such; analysis.high.overCeiling, deals
// whose high count exceeds their labelled ceiling. Quality figures, not
// timings: median and p95 are the figure itself. The hit rate has no target,
// since the report's targets are upper bounds (lib/engines/deal-corpus.test.ts
// holds its floor); the counts have the upper bound 0.
// Run with tsx (scripts/bench.mjs does), which loads the TypeScript engine.
import { DEFAULT_PLAYBOOK } from '../lib/playbook/default-playbook';
import { log, single, writeResults } from './support/stats.mjs';
import { scoreDealCorpus } from './deal-quality';

const score = scoreDealCorpus(DEFAULT_PLAYBOOK);
const groups = [{ suffix: '', quality: score.overall }, ...[...score.byLanguage].map(([lang, quality]) => ({ suffix: `.${lang}`, quality }))];
const results = [];
for (const { suffix, quality } of groups) {
  log(`analysis${suffix}: ${quality.deals} deals, ${quality.mustSee} must-see items`);
  results.push(single(`analysis.nextActions.hit${suffix}`, 'ratio', quality.hitRate, null, 3));
  results.push(single(`analysis.falseCaptured${suffix}`, 'facts', quality.falseCaptured, 0, 0));
  results.push(single(`analysis.missedCaptured${suffix}`, 'facts', quality.missedCaptured, 0, 0));
  results.push(single(`analysis.high.overCeiling${suffix}`, 'deals', quality.overCeiling, 0, 0));
}
for (const deal of score.deals) {
  if (deal.missedMustSee.length > 0) log(`  ${deal.id}: must see [${deal.missedMustSee.join(', ')}], next [${deal.next.join(', ')}]`);
  for (const fact of deal.falseCaptured) log(`  ${deal.id}: ${fact.requirementId} labelled not captured, shown ${fact.status}`);
  for (const fact of deal.missedCaptured) log(`  ${deal.id}: ${fact.requirementId} labelled captured, shown ${fact.status}`);
  if (deal.overCeiling) log(`  ${deal.id}: ${deal.high} high findings, at most ${deal.labels.highAtMost} labelled`);
}
writeResults(results);
