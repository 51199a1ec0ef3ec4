// The pages the browser benchmarks load, under real CRM host names over HTTPS:
// the heavy Salesforce page (bench/support/heavy-page.mjs) at its own record
// URL on acme.lightning.force.com, and every CRM fixture of the e2e fixture
// server (test/e2e/support/crm-server.mjs), to which all other requests are
// passed on unchanged. Chromium reaches it through --host-resolver-rules.
import { request } from 'node:https';
import { createServer } from 'node:https';
import { makeCertificate } from '../../test/e2e/support/certificate.mjs';
import { fixtureIndexes, PLAIN_HOST, SALESFORCE_HOST, startCrmServer } from '../../test/e2e/support/crm-server.mjs';
import { HEAVY_PATH, heavySalesforcePage } from './heavy-page.mjs';

export { SALESFORCE_HOST };

export async function startBenchServer() {
  const crm = await startCrmServer();
  const heavy = heavySalesforcePage();
  const hosts = new Set([SALESFORCE_HOST, PLAIN_HOST]);
  for (const index of fixtureIndexes()) for (const fixture of index.fixtures) hosts.add(fixture.host ?? index.host);
  const { key, cert } = makeCertificate([...hosts]);

  const server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    if (host === SALESFORCE_HOST && req.url === HEAVY_PATH) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(heavy);
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port: crm.httpsPort, servername: host, path: req.url, method: req.method, headers: req.headers, rejectUnauthorized: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => res.writeHead(502).end(String(error)));
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    httpsPort: server.address().port,
    url: (host, path) => `https://${host}${path}`,
    heavyUrl: `https://${SALESFORCE_HOST}${HEAVY_PATH}`,
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await crm.close();
    },
  };
}
