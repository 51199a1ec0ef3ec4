// Chromium's own trace (DevTools protocol Tracing domain) around a piece of a
// benchmark, and the main-thread time spent in the extension's content
// scripts according to it: top-level script events (evaluation of the script,
// compilation, calls into its functions: observers, timers, listeners) whose
// script URL is the extension's, layout and style work they force included.

const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', '__metadata'];

/** Runs `action` while the browser traces; returns the trace events. */
export async function traceDuring(cdp, action) {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] } });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  try {
    await action();
  } finally {
    await cdp.send('Tracing.end');
  }
  const { stream } = await complete;
  const chunks = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join(''));
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

const scriptUrl = (event) => event.args?.data?.url ?? event.args?.beginData?.url ?? event.args?.data?.scriptName ?? '';

/**
 * Wall and thread (CPU) milliseconds of the outermost complete events whose
 * script URL starts with `urlPrefix`, per thread, events nested in another
 * counted one left out.
 */
export function timeInScripts(events, urlPrefix) {
  const byThread = new Map();
  for (const event of events) {
    if (event.ph !== 'X' || !scriptUrl(event).startsWith(urlPrefix)) continue;
    const key = `${event.pid}:${event.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(event);
  }
  let wall = 0;
  let cpu = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let end = -Infinity;
    for (const event of list) {
      if (event.ts < end) continue; // inside one already counted
      end = event.ts + (event.dur ?? 0);
      wall += (event.dur ?? 0) / 1000;
      cpu += (event.tdur ?? event.dur ?? 0) / 1000;
    }
  }
  return { wall, cpu };
}
