// Watches every context of the extension for the whole life of a test browser:
// network requests that leave the extension (anything but its own files) and
// Content Security Policy violations. The extension promises both are zero
// (no data leaves the device; no eval, no remote code), so closing the
// browser fails when either happened; see launchWithExtension.

/** Addresses an extension context may load without anything leaving the device. */
const LOCAL = /^(chrome-extension|data|blob):/;
const CSP_MESSAGE = /Content Security Policy|Refused to (evaluate|execute|load|connect|frame)|unsafe-eval/i;

/**
 * `findings.allowedHosts`: hosts the extension may reach right now. Empty unless a test
 * connected a CRM account (the Salesforce stand-in's org), and emptied again when it
 * disconnects: "only the connected org's hosts, only while connected".
 */
export function watchExtensionSilence(context, extensionId, cdp) {
  const origin = `chrome-extension://${extensionId}/`;
  const findings = { requests: [], cspViolations: [] };
  // Not a finding: kept out of what tests compare.
  Object.defineProperty(findings, 'allowedHosts', { value: new Set(), enumerable: false });
  const allowed = (url) => {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' && findings.allowedHosts.has(parsed.host);
    } catch {
      return false;
    }
  };
  const fromExtension = (url) => typeof url === 'string' && url.startsWith(origin);

  // Pages, frames (the launcher and docked panel inside CRM pages) and the
  // service worker (Playwright reports its requests with the experimental
  // flag launchWithExtension sets).
  context.on('request', (request) => {
    let initiator;
    try {
      initiator = request.serviceWorker()?.url() ?? request.frame().url();
    } catch {
      initiator = undefined; // a request of a worker without a frame: not an extension page
    }
    if (fromExtension(initiator) && !LOCAL.test(request.url()) && !allowed(request.url())) findings.requests.push(`${initiator} -> ${request.url()}`);
  });

  const watchPage = (page) =>
    page.on('console', (message) => {
      const frameUrl = message.location()?.url ?? '';
      const inExtension = fromExtension(page.url()) || fromExtension(frameUrl);
      if (inExtension && CSP_MESSAGE.test(message.text())) findings.cspViolations.push(`${frameUrl || page.url()}: ${message.text()}`);
    });
  context.pages().forEach(watchPage);
  context.on('page', watchPage);

  // The service worker's console, over raw CDP: Playwright's worker handle has none.
  // Each time the worker (re)starts it is a new target; attach to every one.
  const attached = new Set();
  const attach = async (targetInfo) => {
    if (targetInfo.type !== 'service_worker' || !fromExtension(targetInfo.url) || attached.has(targetInfo.targetId)) return;
    attached.add(targetInfo.targetId);
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: false });
      for (const [id, method] of [[1, 'Runtime.enable'], [2, 'Log.enable']]) {
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      }
    } catch {
      // the worker stopped before we attached: its successor is attached when it starts
    }
  };
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message);
    const texts =
      message.method === 'Log.entryAdded'
        ? [message.params.entry.text]
        : message.method === 'Runtime.consoleAPICalled'
          ? message.params.args.map((arg) => String(arg.value ?? arg.description ?? ''))
          : message.method === 'Runtime.exceptionThrown'
            ? [message.params.exceptionDetails.exception?.description ?? message.params.exceptionDetails.text]
            : [];
    for (const text of texts) if (CSP_MESSAGE.test(text)) findings.cspViolations.push(`service worker: ${text}`);
  });
  cdp.on('Target.targetCreated', (event) => void attach(event.targetInfo));
  cdp.on('Target.targetInfoChanged', (event) => void attach(event.targetInfo));
  const ready = cdp
    .send('Target.setDiscoverTargets', { discover: true })
    .then(() => cdp.send('Target.getTargets'))
    .then(({ targetInfos }) => Promise.all(targetInfos.map(attach)));

  return { findings, ready };
}

/** Throws with every finding; call before closing the browser. */
export function assertSilent(findings) {
  const problems = [
    ...findings.requests.map((request) => `network request from the extension: ${request}`),
    ...findings.cspViolations.map((violation) => `CSP violation: ${violation}`),
  ];
  if (problems.length > 0) throw new Error(`the extension broke its promises:\n${problems.join('\n')}`);
}
