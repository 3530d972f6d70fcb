/** The bootstrap admin secret in production (docs/collector.md, "Access"). */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { adminSecretProblem } from '../src/admin-secret.js';
import { REPO_ROOT } from './server-process.js';

const good = 'k3Jq9vXz2LwP0sRt7YbN4mHc8FgD1eUa5ViO6';

for (const [env, problem, reason] of [
  [{ NODE_ENV: 'production' }, /not set/, 'production without an admin secret'],
  [{ NODE_ENV: 'production', ADMIN_TOKEN: '' }, /not set/, 'production with an empty one'],
  [{ NODE_ENV: 'production', ADMIN_TOKEN: 'demo-admin-token-change-me' }, /26 characters long; production needs at least 32/, 'production with a short one'],
  [{ NODE_ENV: 'production', ADMIN_TOKEN: 'ab'.repeat(20) }, /too few characters/, 'production with a repeated one'],
  [{ NODE_ENV: 'production', ADMIN_TOKEN: good }, null, 'production with a random one of 37 characters'],
  [{}, null, 'development without one (the admin routes open only to API keys)'],
  [{ NODE_ENV: 'development', ADMIN_TOKEN: 'short' }, null, 'development with a short one'],
] as const) {
  test(`admin secret: ${reason}`, () => {
    const found = adminSecretProblem(env);
    if (problem === null) assert.equal(found, null);
    else assert.match(found ?? '', problem);
  });
}

test('the Node entry refuses to start in production with a short admin secret, saying why', async () => {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', fileURLToPath(new URL('../src/server.ts', import.meta.url))], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', ADMIN_TOKEN: 'change-me', PORT: '0', DATA_DIR: '/nonexistent/never-opened' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 1);
  assert.match(stderr, /not started: ADMIN_TOKEN is 9 characters long/);
});
