// Serves the examples with @web/dev-server (port 8080) and, when the collector is built, runs it on PGlite (port 8787).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serve } from './dev-server/serve.mjs';

const port = Number(process.env.PORT ?? 8080);
const collectorPort = Number(process.env.COLLECTOR_PORT ?? 8787);
const collectorEntry = new URL('../packages/collector/dist/server.js', import.meta.url).pathname;

let collector;
if (existsSync(collectorEntry)) {
  collector = spawn(process.execPath, [collectorEntry], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: String(collectorPort),
      DATA_DIR: process.env.DATA_DIR ?? '.data/collector',
      ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? `http://localhost:${port},http://127.0.0.1:${port}`,
      ADMIN_TOKEN: process.env.ADMIN_TOKEN ?? 'demo-admin-token-change-me',
    },
  });
  collector.on('exit', (code) => {
    if (code) console.error(`The collector stopped (exit code ${code}).`);
  });
}

await serve({ port, collector: collector ? `http://127.0.0.1:${collectorPort}/` : undefined });
console.log(`\nObservatoire demo: http://localhost:${port}/examples/`);
if (collector) console.log(`Collector (PGlite): http://localhost:${collectorPort}/openapi.json`);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { collector?.kill(signal); process.exit(0); });
