import { writeFileSync } from 'node:fs';
import type { BenchResult } from './measure';

/**
 * How a benchmark hands its results to scripts/bench.mjs: as JSON in the file
 * named by BENCH_OUTPUT (stdout stays free for progress messages). Run on its
 * own, a benchmark prints them instead.
 */
export function writeResults(results: BenchResult[]): void {
  const json = JSON.stringify(results, null, 2);
  const output = process.env.BENCH_OUTPUT;
  if (output) writeFileSync(output, json);
  else console.log(json);
}
