/**
 * The three engines together on a large record and on one a tenth its size:
 * the first must stay within budget, the pair shows that cost grows linearly.
 * Writes its results for scripts/bench.mjs (see bench/README.md).
 */
import { analyzeDeal } from '../lib/engines/analyze';
import { FULL_SIZE, largeDeal, scaledSize, type DealSize } from './fixtures/large-deal';
import { measure, type BenchResult } from './measure';
import { writeResults } from './protocol';

const OPTIONS = { warmup: 30, runs: 200 };
const TARGET_MS = 5;
/** A panel opened on the record shows its analysis without a noticeable wait (see `panel.coldOpen`). */
const COLD_TARGET_MS = 250;

function benchmark(id: string, size: DealSize, target: number): BenchResult {
  const input = largeDeal(size);
  console.error(`${id}: ${size.stakeholders} stakeholders, ${size.requirements} requirement fields, ${size.people} people, ${size.notes} notes`);
  // Same playbook and directory objects on every run, as in the panel: their compiled forms are cached.
  return measure(id, target, () => analyzeDeal(input), OPTIONS);
}

/**
 * The first analysis of the record in a panel: nothing read yet. Each run gets its own copy of
 * the playbook (made before the timing), so its compiled form and what the notes say are
 * worked out afresh.
 */
function coldBenchmark(id: string, size: DealSize, target: number): BenchResult {
  const input = largeDeal(size);
  const warmup = 3;
  const runs = 30;
  const playbooks = Array.from({ length: warmup + runs }, () => structuredClone(input.playbook));
  let next = 0;
  return measure(id, target, () => analyzeDeal({ ...input, playbook: playbooks[next++]! }), { warmup, runs });
}

writeResults([
  benchmark('engines.total', FULL_SIZE, TARGET_MS),
  benchmark('engines.total.tenth', scaledSize(0.1), TARGET_MS / 10),
  coldBenchmark('engines.total.cold', FULL_SIZE, COLD_TARGET_MS),
]);
