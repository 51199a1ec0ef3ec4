// Serves the CRM fixtures under their real host names over HTTPS. Browsers
// reach it through Chromium's --host-resolver-rules, or Firefox's proxy
// settings pointed at the CONNECT tunnel below, so the extension's shipped
// match patterns decide where its content scripts run.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer } from 'node:http';
import { connect } from 'node:net';
import { makeCertificate } from './certificate.mjs';

const root = new URL('../../../', import.meta.url);
const FIXTURES = new URL('lib/crm/adapters/fixtures/', root);
const PAGES = new URL('test/e2e/pages/', root);

export const SALESFORCE_HOST = 'acme.lightning.force.com';
/** A page on no CRM: captures from here go to the inbox; no content script runs. */
export const PLAIN_HOST = 'mail.example.com';

/** Where a fixture is served: host + path + query (the fragment never reaches a server). */
const routeKey = (host, pathAndQuery) => `${host}${pathAndQuery.split('#')[0]}`;

/** Every adapter's fixture index: `{ crm, host, fixtures: [{ file, path, host? }] }`. */
export function fixtureIndexes() {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ crm: entry.name, ...JSON.parse(readFileSync(new URL(`${entry.name}/fixtures.json`, FIXTURES), 'utf8')) }));
}

function fixtureRoutes() {
  const routes = new Map();
  const hosts = new Set();
  for (const index of fixtureIndexes()) {
    for (const fixture of index.fixtures) {
      const host = fixture.host ?? index.host;
      hosts.add(host);
      routes.set(routeKey(host, fixture.path), new URL(`${index.crm}/${fixture.file}`, FIXTURES));
    }
  }
  return { routes, hosts };
}

const NAVIGATION_TAG = '<script src="/__fixture/navigation.js"></script>';

export async function startCrmServer() {
  const { routes, hosts } = fixtureRoutes();
  const { key, cert } = makeCertificate([...hosts, PLAIN_HOST]);

  const server = createHttpsServer({ key, cert }, async (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      if (url.pathname === '/__fixture/navigation.js') {
        return send(200, 'text/javascript', await readFile(new URL('fixture-navigation.js', PAGES)));
      }
      if (url.hostname === PLAIN_HOST) return send(200, 'text/html; charset=utf-8', await readFile(new URL('plain-page.html', PAGES)));
      const file = routes.get(routeKey(url.hostname, url.pathname + url.search));
      if (file) {
        const html = await readFile(file, 'utf8');
        // Imitates the CRM's in-app navigation between fixture records.
        return send(200, 'text/html; charset=utf-8', html.replace('</body>', `${NAVIGATION_TAG}</body>`));
      }
      // A CRM answers other paths with its app shell; a page that is no record stands in for it.
      if (hosts.has(url.hostname)) return send(200, 'text/html; charset=utf-8', await readFile(new URL('crm-home.html', PAGES)));
      send(404, 'text/plain', 'unknown host');
    } catch (error) {
      send(500, 'text/plain', String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const httpsPort = server.address().port;

  // Firefox has no host-resolver rules: it is pointed at this HTTP proxy, which
  // tunnels every CONNECT to the fixture server whatever host was asked for —
  // except hosts a test sent elsewhere with `tunnel` (the Salesforce stand-in).
  const tunnels = new Map();
  // A tunnel's sockets leave the HTTP server's books once CONNECT is answered, so `closeAllConnections`
  // does not reach them, yet `close` waits for them: one left open by a browser that was killed held a
  // whole Firefox run (test/e2e/firefox/salesforce.test.mjs, 2026-12-07). They are kept here and destroyed.
  const tunnelSockets = new Set();
  const track = (socket) => {
    tunnelSockets.add(socket);
    socket.on('close', () => tunnelSockets.delete(socket));
  };
  const proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client, head) => {
    const host = new URL(`https://${req.url}`).hostname;
    const upstream = connect(tunnels.get(host) ?? httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(client);
    track(upstream);
    // One end gone, the other goes too: no half-open tunnel outlives its browser.
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));

  return {
    httpsPort,
    proxyPort: proxy.address().port,
    /** Sends the proxy's tunnels to `host` to a local `port` instead of the fixture server. */
    tunnel(host, port) {
      tunnels.set(host, port);
    },
    url: (host, path) => `https://${host}${path}`,
    async close() {
      for (const socket of tunnelSockets) socket.destroy();
      proxy.closeAllConnections?.();
      server.closeAllConnections?.();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => server.close(r))]);
    },
  };
}
