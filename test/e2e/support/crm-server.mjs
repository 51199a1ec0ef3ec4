// Serves the CRM fixtures under their real host names over HTTPS. Browsers
// reach it through Chromium's --host-resolver-rules, or Firefox's proxy
// settings pointed at the CONNECT tunnel below, so the extension's shipped
// match patterns decide where its content script runs.
import { readFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { makeCertificate } from './certificate.mjs';

const root = new URL('../../../', import.meta.url);
const SALESFORCE_FIXTURES = new URL('lib/crm/adapters/fixtures/salesforce/', root);
const PAGES = new URL('test/e2e/pages/', root);

export const SALESFORCE_HOST = 'acme.lightning.force.com';
/** A page on no CRM: captures from here go to the inbox; the content script must not run. */
export const PLAIN_HOST = 'mail.example.com';

async function salesforceRoutes() {
  const index = JSON.parse(await readFile(new URL('fixtures.json', SALESFORCE_FIXTURES), 'utf8'));
  const entries = Array.isArray(index) ? index : index.fixtures;
  return new Map(entries.map((entry) => [entry.path, new URL(entry.file, SALESFORCE_FIXTURES)]));
}

const SIMULATOR_TAG = '<script src="/__fixture/lightning-navigation.js"></script>';

export async function startCrmServer() {
  const routes = await salesforceRoutes();
  const { key, cert } = makeCertificate([SALESFORCE_HOST, PLAIN_HOST, '*.lightning.force.com']);

  const server = createHttpsServer({ key, cert }, async (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      if (url.hostname === SALESFORCE_HOST) {
        if (url.pathname === '/__fixture/lightning-navigation.js') {
          return send(200, 'text/javascript', await readFile(new URL('lightning-navigation.js', PAGES)));
        }
        const file = routes.get(url.pathname);
        if (file) {
          const html = await readFile(file, 'utf8');
          // Simulates Lightning's in-app navigation between fixture records.
          return send(200, 'text/html; charset=utf-8', html.replace('</body>', `${SIMULATOR_TAG}</body>`));
        }
        // Lightning answers every unknown path with its app shell; a list view stands in for it.
        return send(200, 'text/html; charset=utf-8', await readFile(new URL('lightning-home.html', PAGES)));
      }
      if (url.hostname === PLAIN_HOST) {
        return send(200, 'text/html; charset=utf-8', await readFile(new URL('plain-page.html', PAGES)));
      }
      send(404, 'text/plain', 'unknown host');
    } catch (error) {
      send(500, 'text/plain', String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const httpsPort = server.address().port;

  // Firefox has no host-resolver rules: it is pointed at this HTTP proxy, which
  // tunnels every CONNECT to the fixture server whatever host was asked for.
  const proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (_req, client, head) => {
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));

  return {
    httpsPort,
    proxyPort: proxy.address().port,
    routes,
    url: (host, path) => `https://${host}${path}`,
    async close() {
      proxy.closeAllConnections?.();
      server.closeAllConnections?.();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => server.close(r))]);
    },
  };
}

export const fixturePath = (url) => fileURLToPath(url);
