// The middleware of the project's web server (koa, as @web/dev-server and @web/test-runner use
// it): written once, used by the demo server (scripts/start.mjs) and by the test runner
// (web-test-runner.config.mjs).
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * Pages under these paths are served with the strict policy integrators may use: the CSP page,
 * and the Vue and Angular hosts, which need nothing more (examples/angular/README.md).
 */
export const CSP_PATHS = ['/examples/csp/', '/examples/vue/', '/examples/angular/'];
export const STRICT_CSP = "default-src 'self'";

/** Adds `Content-Security-Policy: default-src 'self'` to everything under CSP_PATHS. */
export async function strictCsp(context, next) {
  await next();
  if (CSP_PATHS.some((path) => context.path.startsWith(path))) context.set('Content-Security-Policy', STRICT_CSP);
}

/**
 * The pinned build's scripts (`/dist/observatoire@<version>/*.js`) byte for byte, before any
 * transform of the test server: their `integrity` hashes are those of the built files.
 * @param {string} root The repository's folder.
 */
export function pinnedBuildAsBuilt(root) {
  return async function asBuilt(context, next) {
    if (!/^\/dist\/observatoire@[\w.+-]+\/[\w.-]+\.js$/.test(context.path)) return next();
    try {
      context.body = await readFile(new URL(`.${context.path}`, `file://${root.replace(/\/?$/, '/')}`));
      context.type = 'text/javascript; charset=utf-8';
    } catch {
      return next();
    }
  };
}

/** `/` leads to the examples' index. */
export async function examplesIndex(context, next) {
  if (context.path === '/') return context.redirect('/examples/');
  return next();
}

/** Hop-by-hop headers a proxy does not forward. */
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'origin', 'content-length']);

/**
 * Forwards `/collector/*` to a collector (same origin for the pages, so no CORS is needed).
 * @param {string} base Base URL of the collector, e.g. `http://127.0.0.1:8787/`.
 */
export function collectorProxy(base) {
  return async function proxy(context, next) {
    if (!context.path.startsWith('/collector/')) return next();
    const target = new URL(context.path.slice('/collector'.length) + context.search, base);
    const headers = new Headers();
    for (const [name, value] of Object.entries(context.request.headers))
      if (!HOP.has(name) && typeof value === 'string') headers.set(name, value);
    const method = context.method;
    try {
      const reply = await fetch(target, {
        method,
        headers,
        ...(method !== 'GET' && method !== 'HEAD' && { body: Readable.toWeb(context.req), duplex: 'half' }),
        redirect: 'manual',
      });
      context.status = reply.status;
      reply.headers.forEach((value, name) => {
        if (!HOP.has(name) && name !== 'content-encoding') context.set(name, value);
      });
      context.body = reply.body ? Readable.fromWeb(reply.body) : null;
    } catch {
      context.status = 502;
      context.type = 'text/plain; charset=utf-8';
      context.body = 'The collector is not reachable.';
    }
  };
}
