// The examples and the bundles served by @web/dev-server with the project's middleware.
// Standalone: `node scripts/dev-server/serve.mjs` (no collector); `npm start` adds one.
import { startDevServer } from '@web/dev-server';
import { collectorProxy, examplesIndex, strictCsp } from './middleware.mjs';

const root = new URL('../..', import.meta.url).pathname;

/**
 * Starts the server on `port`; `collector`: base URL of a collector reachable under `/collector/`.
 * @param {{ port?: number, collector?: string }} options
 */
export function serve({ port = Number(process.env.PORT ?? 8080), collector } = {}) {
  return startDevServer({
    config: {
      rootDir: root,
      port,
      // Files as they are: the examples load built bundles, and the CSP page allows no inline script.
      nodeResolve: false,
      injectWebSocket: false,
      watch: false,
      middleware: [examplesIndex, strictCsp, ...(collector ? [collectorProxy(collector)] : [])],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve();
  console.log(`Examples: http://localhost:${server.config.port}/examples/`);
}
