// A small static server for the examples and the bundles (no dependency).
// Pages under /examples/csp/ are served with `Content-Security-Policy: default-src 'self'`.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as forward } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.PORT ?? 8080);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * @param {{ csp?: (path: string) => boolean, collector?: string }} options `collector`: base URL of a
 *   collector to reach under `/collector/` (same origin for the pages, so no CORS is needed).
 */
export function createStaticServer({ csp = (path) => path.startsWith('/examples/csp/'), collector } = {}) {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (collector && url.pathname.startsWith('/collector/')) {
      const target = new URL(url.pathname.slice('/collector'.length) + url.search, collector);
      const headers = { ...request.headers, host: target.host };
      delete headers.origin;
      const upstream = forward(target, { method: request.method, headers }, (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      });
      upstream.on('error', () => {
        if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('The collector is not reachable.');
      });
      request.pipe(upstream);
      return;
    }
    let path = decodeURIComponent(url.pathname);
    if (path === '/') {
      response.writeHead(302, { location: '/examples/' }).end();
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || file.split(sep).includes('.git')) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    let target = file;
    if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
    if (!existsSync(target)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const headers = { 'content-type': types[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (csp(path)) headers['content-security-policy'] = "default-src 'self'";
    response.writeHead(200, headers);
    createReadStream(target).pipe(response);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  createStaticServer().listen(port, () => console.log(`Examples: http://localhost:${port}/examples/`));
}
