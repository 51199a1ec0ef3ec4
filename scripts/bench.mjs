#!/usr/bin/env node
// Runs the benchmarks in bench/ and merges their results into bench/report.json.
// Each benchmark is a command that writes a JSON array of results
// ({ id, unit, median, p95, n, target }) to the file named by BENCH_OUTPUT.
// Usage: npm run bench [-- <id prefix>...]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = join(ROOT, 'bench', 'report.json');

/** Add a benchmark here: an id (prefix of the result ids it writes) and the command that runs it. */
const BENCHMARKS = [{ id: 'engines', command: ['npx', 'tsx', 'bench/engines.bench.ts'] }];

const prefixes = process.argv.slice(2);
const selected = BENCHMARKS.filter((benchmark) => prefixes.length === 0 || prefixes.some((prefix) => benchmark.id.startsWith(prefix)));
if (selected.length === 0) {
  console.error(`No benchmark matches ${prefixes.join(', ')}. Known: ${BENCHMARKS.map((benchmark) => benchmark.id).join(', ')}`);
  process.exit(2);
}

const fresh = selected.flatMap(run);
const report = { generatedAt: new Date().toISOString(), results: merge(previousResults(), fresh) };
writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
printTable(fresh);
console.log(`\nWrote ${REPORT}`);

function run({ id, command }) {
  const output = join(ROOT, 'bench', `${id}.tmp.json`);
  rmSync(output, { force: true });
  console.error(`> ${command.join(' ')}`);
  const [program, ...args] = command;
  const child = spawnSync(program, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BENCH_OUTPUT: output } });
  if (child.status !== 0 || !existsSync(output)) {
    console.error(`Benchmark ${id} failed (exit code ${child.status ?? child.signal}).`);
    process.exit(1);
  }
  const results = JSON.parse(readFileSync(output, 'utf8'));
  rmSync(output);
  return results.map(checked);
}

function checked(result) {
  const valid =
    typeof result.id === 'string' &&
    typeof result.unit === 'string' &&
    ['median', 'p95', 'n'].every((key) => typeof result[key] === 'number') &&
    (result.target === null || typeof result.target === 'number');
  if (!valid) throw new Error(`Malformed benchmark result: ${JSON.stringify(result)}`);
  return result;
}

/** Results already in the report, written by earlier runs or by benchmarks run separately. */
function previousResults() {
  if (!existsSync(REPORT)) return [];
  try {
    const { results } = JSON.parse(readFileSync(REPORT, 'utf8'));
    return Array.isArray(results) ? results : [];
  } catch {
    console.error(`Ignoring unreadable ${REPORT}.`);
    return [];
  }
}

/** Earlier results keep their place; a result with the same id is replaced, new ids are appended. */
function merge(previous, fresh) {
  const byId = new Map(fresh.map((result) => [result.id, result]));
  const kept = previous.map((result) => byId.get(result.id) ?? result);
  const keptIds = new Set(kept.map((result) => result.id));
  return [...kept, ...fresh.filter((result) => !keptIds.has(result.id))];
}

function printTable(results) {
  const rows = results.map((result) => [
    result.id,
    result.unit,
    String(result.median),
    String(result.p95),
    String(result.n),
    result.target === null ? '-' : String(result.target),
    result.target === null ? '' : result.median <= result.target ? 'ok' : 'OVER TARGET',
  ]);
  const header = ['id', 'unit', 'median', 'p95', 'n', 'target', 'status'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column >= 2 && column <= 5 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  console.log(`\n${line(header)}\n${line(widths.map((width) => '-'.repeat(width)))}`);
  for (const row of rows) console.log(line(row));
}
