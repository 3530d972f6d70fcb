// Serves the examples with @web/dev-server (port 8080) and, when the collector is built, runs it on PGlite (port 8787).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { demoAdminToken, demoStructure } from './demo-keys.mjs';
import { serve } from './dev-server/serve.mjs';

const port = Number(process.env.PORT ?? 8080);
const collectorPort = Number(process.env.COLLECTOR_PORT ?? 8787);
const collectorEntry = new URL('../packages/collector/dist/server.js', import.meta.url).pathname;

// Never a fixed default: a secret made for this run unless ADMIN_TOKEN is given.
const adminToken = process.env.ADMIN_TOKEN || demoAdminToken();
let collector;
if (existsSync(collectorEntry)) {
  collector = spawn(process.execPath, [collectorEntry], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: String(collectorPort),
      DATA_DIR: process.env.DATA_DIR ?? '.data/collector',
      ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? `http://localhost:${port},http://127.0.0.1:${port}`,
      ADMIN_TOKEN: adminToken,
    },
  });
  collector.on('exit', (code) => {
    if (code) console.error(`The collector stopped (exit code ${code}).`);
  });
}

await serve({ port, collector: collector ? `http://127.0.0.1:${collectorPort}/` : undefined });
console.log(`\nObservatoire demo: http://localhost:${port}/examples/`);
console.log(`Elements reference: http://localhost:${port}/dist/reference/`);
if (collector) {
  console.log(`Collector (PGlite): http://localhost:${collectorPort}/openapi.json`);
  console.log(`Admin secret of this run (ADMIN_TOKEN): ${adminToken}`);
  const survey = JSON.parse(readFileSync(new URL('../packages/content/surveys/observatoire-2025.json', import.meta.url), 'utf8'));
  demoStructure(`http://127.0.0.1:${collectorPort}/`, adminToken, { surveyId: survey.id, contentVersion: survey.version }).then(
    ({ campaign, structureKey }) => {
      console.log(`Demo structure "demo": campaign ${campaign} (<obs-survey campaign="${campaign}">)`);
      console.log(`Structure key of "demo" (shown once): ${structureKey}`);
      console.log(`Dashboard of "demo" (paste the structure key): http://localhost:${port}/examples/dashboard/`);
      console.log(`Survey in the campaign: http://localhost:${port}/examples/campaign/?code=${campaign}`);
    },
    (error) => console.error(`The demo structure could not be made: ${error.message}`),
  );
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { collector?.kill(signal); process.exit(0); });
