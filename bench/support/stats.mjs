// Summaries in the shape of bench/report.json results, for benchmarks written
// as plain Node scripts (the browser ones). Same rules as bench/measure.ts:
// nearest-rank percentiles, times rounded to the microsecond.
import { writeFileSync } from 'node:fs';

/** Nearest-rank percentile of unsorted values. */
export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * One result. `targetStat: 'p95'` marks a budget that the 95th percentile (not
 * the median) must meet; without it the median is compared with the target.
 */
export function summarize(id, unit, values, target = null, { targetStat, digits = 3 } = {}) {
  if (values.length === 0) throw new Error(`${id}: no measurements`);
  const result = { id, unit, median: round(percentile(values, 0.5), digits), p95: round(percentile(values, 0.95), digits), n: values.length, target };
  if (targetStat === 'p95') result.targetStat = 'p95';
  return result;
}

/** A single measured value (a size): median and p95 are the value itself. */
export function single(id, unit, value, target = null, digits = 2) {
  return { id, unit, median: round(value, digits), p95: round(value, digits), n: 1, target };
}

/** A single quality figure (a precision, a share) whose target is a floor: met at or above it. */
export function floor(id, unit, value, target, digits = 3) {
  return { ...single(id, unit, value, target, digits), atLeast: true };
}

/** Progress to stderr (stdout stays free), e.g. `log('nav', 'run 3/40: 182 ms')`. */
export function log(...parts) {
  console.error(parts.join(' '));
}

/** Hands results to scripts/bench.mjs (the file named by BENCH_OUTPUT), or prints them when run alone. */
export function writeResults(results) {
  const json = JSON.stringify(results, null, 2);
  if (process.env.BENCH_OUTPUT) writeFileSync(process.env.BENCH_OUTPUT, json);
  else console.log(json);
}

/**
 * Whether the run asked for result `id`: scripts/bench.mjs passes the id
 * prefixes it was given in BENCH_ONLY (none: everything). A prefix names an
 * id, one of its sub-results (`page.overhead.script`) or a group (`page`).
 */
export function wanted(id) {
  const prefixes = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
  return prefixes.length === 0 || prefixes.some((prefix) => id.startsWith(prefix) || prefix.startsWith(`${id}.`));
}
