/** One benchmark result, as stored in bench/report.json. */
export interface BenchResult {
  id: string;
  unit: 'ms';
  median: number;
  p95: number;
  n: number;
  /** The budget: the median must stay below it. Null for results that only inform. */
  target: number | null;
}

export interface MeasureOptions {
  warmup: number;
  runs: number;
}

/** Times `run` after warm-up runs (so the JIT has settled) and summarises the wall-clock times. */
export function measure(id: string, target: number | null, run: () => unknown, options: MeasureOptions): BenchResult {
  for (let index = 0; index < options.warmup; index++) run();
  const times: number[] = [];
  for (let index = 0; index < options.runs; index++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { id, unit: 'ms', median: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)), n: times.length, target };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
