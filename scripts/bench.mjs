#!/usr/bin/env node
// Runs the benchmarks in bench/ and merges their results into bench/report.json,
// then writes docs/benchmarks.md from the report.
// Each benchmark is a command that writes a JSON array of results
// ({ id, unit, median, p95, n, target, targetStat? }) to the file named by BENCH_OUTPUT.
// Benchmarks that load the extension get a build made once at the start and
// copied aside (BENCH_EXTENSION_DIR), so a build started meanwhile by someone
// else in this working tree cannot change the extension under test: the
// production build (`npx wxt build`) for what ships as is (the sizes), the e2e
// build (`npx wxt build --mode e2e`: the same code plus the test hooks the
// benchmarks drive it with, `globalThis.ironTriangle` and
// `sidepanel.html?tabId=N`, issue 17) for the rest.
// Usage: npm run bench [-- <id prefix>...]. A benchmark that writes several
// ids is told the prefixes asked for (BENCH_ONLY, comma-separated) and may
// skip the parts nobody asked for: `npm run bench -- page.overhead` does not
// measure observer.burst.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchmarksDoc, targetMet } from '../bench/docs.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = join(ROOT, 'bench', 'report.json');
const DOC = join(ROOT, 'docs', 'benchmarks.md');
/** `build` of a benchmark: the WXT mode it needs and where that build lands. */
const BUILDS = {
  production: { args: ['wxt', 'build'], dir: join(ROOT, '.output', 'chrome-mv3') },
  e2e: { args: ['wxt', 'build', '--mode', 'e2e'], dir: join(ROOT, '.output', 'chrome-mv3-e2e') },
};

/**
 * Add a benchmark here: a name, the ids (or id prefixes) of the results it
 * writes, the command that runs it, and the build it loads, if any: 'e2e' when it
 * drives the extension through the test hooks, 'production' when it measures what ships.
 */
const BENCHMARKS = [
  { name: 'engines', ids: ['engines'], command: ['npx', 'tsx', 'bench/engines.bench.ts'] },
  { name: 'titles', ids: ['titles.quality'], command: ['npx', 'tsx', 'bench/titles.bench.mjs'] },
  { name: 'notes', ids: ['notes'], command: ['npx', 'tsx', 'bench/notes.bench.mjs'] },
  { name: 'deals', ids: ['analysis'], command: ['npx', 'tsx', 'bench/deals.bench.mjs'] },
  { name: 'sync', ids: ['sync'], command: ['npx', 'tsx', 'bench/sync.bench.mjs'] },
  { name: 'sizes', ids: ['content.size.gz', 'panel.size.gz'], command: ['node', 'bench/sizes.bench.mjs'], build: 'production' },
  { name: 'extract', ids: ['extract.salesforce.500fields'], command: ['node', 'bench/extract.bench.mjs'] },
  { name: 'panel', ids: ['panel.coldOpen', 'panel.analysis', 'nav.to.panel', 'panel.update'], command: ['node', 'bench/panel.bench.mjs'], build: 'e2e' },
  { name: 'notes-list', ids: ['panel.notes5000'], command: ['node', 'bench/notes-list.bench.mjs'], build: 'e2e' },
  { name: 'page', ids: ['page.overhead', 'page.firstRead', 'observer.burst'], command: ['node', 'bench/page.bench.mjs'], build: 'e2e' },
  { name: 'store', ids: ['store', 'baseline.capture'], command: ['node', 'bench/store.bench.mjs'], build: 'e2e' },
  { name: 'desk', ids: ['desk'], command: ['node', 'bench/desk.bench.mjs'], build: 'e2e' },
  // Builds the extension it measures (bench/support/baseline-extension.mjs): the stack without our code.
  { name: 'baseline', ids: ['baseline.page', 'baseline.react'], command: ['node', 'bench/baseline.bench.mjs'] },
];

const prefixes = process.argv.slice(2);
// A prefix selects the benchmarks with an id it starts (`page`), or with the id of a group it falls in
// (`store.import` is one of `store`'s results).
const selected = BENCHMARKS.filter(
  (benchmark) => prefixes.length === 0 || prefixes.some((prefix) => benchmark.ids.some((id) => id.startsWith(prefix) || prefix.startsWith(`${id}.`))),
);
if (selected.length === 0) {
  console.error(`No benchmark matches ${prefixes.join(', ')}. Known: ${BENCHMARKS.flatMap((benchmark) => benchmark.ids).join(', ')}`);
  process.exit(2);
}

const machine = describeMachine();
const extensionDirs = Object.fromEntries([...new Set(selected.map((benchmark) => benchmark.build).filter(Boolean))].map((mode) => [mode, buildExtension(mode)]));
const fresh = [];
const failed = [];
try {
  for (const benchmark of selected) {
    const results = run(benchmark);
    if (results) fresh.push(...results);
    else failed.push(benchmark.name);
  }
} finally {
  for (const dir of Object.values(extensionDirs)) rmSync(dir, { recursive: true, force: true });
}

const report = { generatedAt: new Date().toISOString(), results: merge(previousResults(), fresh) };
writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(DOC, benchmarksDoc(report, { machine, ran: fresh.map((result) => result.id) }));
printTable(fresh);
console.log(`\nWrote ${REPORT} and ${DOC}`);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')} (their earlier results, if any, are kept).`);
  process.exit(1);
}

/** `npx wxt build` in that mode, then a private copy of the output, checked to be complete. */
function buildExtension(mode) {
  const { args, dir } = BUILDS[mode];
  for (let attempt = 1; attempt <= 3; attempt++) {
    console.error(`> npx ${args.join(' ')}`);
    const child = spawnSync('npx', args, { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
    if (child.status !== 0) {
      console.error(`The ${mode} build failed (exit code ${child.status ?? child.signal}).`);
      process.exit(1);
    }
    const copy = mkdtempSync(join(tmpdir(), `iron-triangle-bench-${mode}-build-`));
    try {
      cpSync(dir, copy, { recursive: true });
      const missing = missingFiles(copy);
      if (missing.length === 0) return copy;
      console.error(`The build output changed while it was copied (missing ${missing.join(', ')}); building again.`);
    } catch (error) {
      console.error(`Could not copy the build output (${error.message}); building again.`);
    }
    rmSync(copy, { recursive: true, force: true });
  }
  console.error(`Could not get a complete copy of the ${mode} build.`);
  process.exit(1);
}

/** Files the manifest and the panel page refer to that the copy lacks. */
function missingFiles(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const files = [manifest.background?.service_worker, manifest.side_panel?.default_path, ...(manifest.content_scripts ?? []).flatMap((script) => script.js ?? [])].filter(Boolean);
  const panel = manifest.side_panel?.default_path;
  if (panel && existsSync(join(dir, panel))) {
    const html = readFileSync(join(dir, panel), 'utf8');
    for (const [, file] of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) files.push(file);
  }
  return files.filter((file) => !existsSync(join(dir, file)));
}

function run({ name, command, build }) {
  const output = join(ROOT, 'bench', `${name}.tmp.json`);
  rmSync(output, { force: true });
  console.error(`> ${command.join(' ')}`);
  const [program, ...args] = command;
  const env = { ...process.env, BENCH_OUTPUT: output, BENCH_ONLY: prefixes.join(','), ...(build ? { BENCH_EXTENSION_DIR: extensionDirs[build] } : {}) };
  const child = spawnSync(program, args, { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr], env });
  if (child.status !== 0 || !existsSync(output)) {
    console.error(`Benchmark ${name} failed (exit code ${child.status ?? child.signal}).`);
    rmSync(output, { force: true });
    return null;
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
    (result.target === null || typeof result.target === 'number') &&
    (result.targetStat === undefined || result.targetStat === 'p95');
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

/** Where the numbers were taken: they mean little without it on a shared machine. */
function describeMachine() {
  const quiet = (file, args) => {
    try {
      return execFileSync(file, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  };
  const dirty = quiet('git', ['status', '--porcelain', '--untracked-files=no']) !== '';
  return {
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: quiet(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version']).split('\n').at(-1),
    commit: `${quiet('git', ['rev-parse', '--short', 'HEAD'])}${dirty ? ' (working tree with uncommitted changes)' : ''}`,
    load: loadavg().map((value) => value.toFixed(2)).join(' / '),
  };
}

function printTable(results) {
  const rows = results.map((result) => [
    result.id,
    result.unit,
    String(result.median),
    String(result.p95),
    String(result.n),
    result.target === null ? '-' : `${result.targetStat === 'p95' ? 'p95 ' : ''}${result.target}`,
    result.target === null ? '' : targetMet(result) ? 'ok' : 'OVER TARGET',
  ]);
  const header = ['id', 'unit', 'median', 'p95', 'n', 'target', 'status'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column >= 2 && column <= 5 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  console.log(`\n${line(header)}\n${line(widths.map((width) => '-'.repeat(width)))}`);
  for (const row of rows) console.log(line(row));
}
