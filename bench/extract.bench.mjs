// extract.salesforce.500fields: the Salesforce adapter's findRecordRoot +
// extract, as the content script calls them, on a Lightning record page with
// 500 detail fields (bench/support/heavy-page.mjs), in real Chromium. The
// adapter (lib/crm/adapters/salesforce.ts) is bundled with esbuild and added
// to the page; no extension is loaded, so nothing else reads the page.
import { bundleForPage } from './support/bundle.mjs';
import { launch } from './support/browser.mjs';
import { HEAVY_FIELDS, HEAVY_NAME } from './support/heavy-page.mjs';
import { startBenchServer } from './support/server.mjs';
import { log, summarize, writeResults } from './support/stats.mjs';

const WARMUP = 30;
const RUNS = 200;
const TARGET_MS = 5;

const code = await bundleForPage('lib/crm/adapters/salesforce.ts', '__benchSalesforce');
const server = await startBenchServer();
const browser = await launch(server, { extension: false });
try {
  const page = await browser.context.newPage();
  await page.goto(server.heavyUrl);
  await page.addScriptTag({ content: code });
  const { times, fields, name, missing } = await page.evaluate(
    ({ warmup, runs }) => {
      const adapter = globalThis.__benchSalesforce.salesforceAdapter;
      const read = () => {
        const ref = adapter.recognize(new URL(location.href));
        const root = ref && adapter.findRecordRoot(document, ref);
        return root ? adapter.extract(root, ref) : null;
      };
      for (let i = 0; i < warmup; i++) read();
      const times = [];
      let last = null;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        last = read();
        times.push(performance.now() - start);
      }
      return { times, fields: last?.fields.length ?? 0, name: last?.name ?? null, missing: last?.missing ?? null };
    },
    { warmup: WARMUP, runs: RUNS },
  );
  log('extract.salesforce.500fields:', `${fields} fields read, name "${name}", missing [${missing}]`);
  if (name !== HEAVY_NAME || fields < HEAVY_FIELDS) throw new Error(`the adapter did not read the heavy page (name ${name}, ${fields} fields)`);
  writeResults([summarize('extract.salesforce.500fields', 'ms', times, TARGET_MS)]);
} finally {
  await browser.close();
  await server.close();
}

