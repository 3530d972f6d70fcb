/** `observatoire admin`, driven against the collector's app in this process (no network). */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { createApp, MemoryStore } from '@observatoire/collector';
import { observatoire2025 } from '@observatoire/content';
import { runAdmin } from './admin-cli.js';

const ADMIN = 'admin-secret-for-the-cli-tests-0123456789';

function sink(): Writable & { text: string } {
  const out = new Writable({
    write(chunk, _encoding, done) {
      out.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  out.text = '';
  return out;
}

describe('observatoire admin', () => {
  const store = new MemoryStore();
  const app = createApp({ store, definitions: [observatoire2025], adminToken: ADMIN, rateLimit: false });
  const requests: { url: string; authorization: string | null }[] = [];
  const appFetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({ url: request.url, authorization: request.headers.get('authorization') });
    return app.fetch(request);
  }) as typeof fetch;

  async function run(args: string[], env: Record<string, string | undefined> = { OBSERVATOIRE_KEY: ADMIN }) {
    const stdout = sink();
    const stderr = sink();
    const code = await runAdmin(['admin', ...args], { stdout, stderr }, { fetch: appFetch, env });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  test('creates an organisation, a campaign and a structure key, lists them, revokes the key; the audit log shows it all', async () => {
    const org = await run(['org', 'create', '--name', 'Médiathèque de Vitré', '--commune', '35360', '--siret', '73282932000074']);
    assert.equal(org.code, 0, org.stderr);
    assert.equal(org.stdout, 'organisation mediatheque-de-vitre created\n');
    const campaign = await run(['campaign', 'create', '--org', 'mediatheque-de-vitre', '--survey', observatoire2025.id, '--version', observatoire2025.version, '--opens', '2025-10-01', '--closes', '2025-12-31', '--target', '100', '--json']);
    assert.equal(campaign.code, 0, campaign.stderr);
    const made = JSON.parse(campaign.stdout);
    assert.match(made.code, /^[A-Z]{3}-\d{3}$/);
    assert.equal(made.opensAt, Date.UTC(2025, 9, 1));
    const listed = await run(['campaign', 'list']);
    assert.match(listed.stdout, new RegExp(`^${made.code}\\tmediatheque-de-vitre\\t${observatoire2025.id}@${observatoire2025.version}\\t2025-10-01T00:00:00.000Z\\t2025-12-31T00:00:00.000Z\\t100\\t$`, 'm'));
    const key = await run(['key', 'create', '--role', 'structure', '--org', 'mediatheque-de-vitre', '--label', 'Accueil']);
    assert.equal(key.code, 0, key.stderr);
    const [line, secret] = key.stdout.trim().split('\n');
    assert.match(line!, /^key (key_\w+) created; it is shown this once/);
    assert.match(secret!, /^obs_[\w-]{43}$/);
    const id = /^key (key_\w+)/.exec(line!)![1]!;
    assert.match((await run(['key', 'list'])).stdout, new RegExp(`^${id}\\tstructure\\tmediatheque-de-vitre\\tAccueil\\tactive$`, 'm'));
    assert.equal((await run(['key', 'revoke', id])).code, 0);
    assert.match((await run(['key', 'list'])).stdout, new RegExp(`^${id}\\t.*\\trevoked `, 'm'));
    const audit = (await run(['audit'])).stdout;
    for (const action of ['organisation_create', 'campaign_create', 'key_create', 'key_revoke']) assert.match(audit, new RegExp(`\\tadmin-token\\t${action}\\t`));
    assert.ok(requests.every((r) => r.authorization === `Bearer ${ADMIN}` && r.url.startsWith('http://localhost:8787/v1/')));
  });

  for (const [args, message, reason] of [
    [['org', 'create', '--commune', '35360'], /--name is required/, 'an organisation without a name'],
    [['campaign', 'create', '--org', 'x', '--survey', 's', '--version', '1', '--opens', 'tomorrow'], /--opens must be an ISO date/, 'a date that is not ISO'],
    [['campaign', 'create', '--org', 'x', '--survey', 's', '--version', '1', '--target', '0'], /--target must be a whole number/, 'a target of 0'],
    [['key', 'create', '--label', 'x'], /--role is required/, 'a key without a role'],
    [['key', 'revoke'], /needs the key id/, 'a revocation without the id'],
    [['campaign', 'delete'], /unknown admin command "campaign delete"/, 'an unknown command'],
  ] as const) {
    test(`bad usage: ${reason} exits 2 with the reason and the usage`, async () => {
      const result = await run([...args]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /Usage: observatoire admin/);
    });
  }

  test('without a key in the environment it stops before calling the collector', async () => {
    const before = requests.length;
    const result = await run(['org', 'list'], {});
    assert.equal(result.code, 2);
    assert.match(result.stderr, /set OBSERVATOIRE_KEY/);
    assert.equal(requests.length, before);
  });

  test("the collector's refusals exit 1 with its status, code and message", async () => {
    const wrong = await run(['org', 'list'], { OBSERVATOIRE_KEY: 'not-a-key' });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /answered 403 forbidden/);
    const siret = await run(['org', 'create', '--name', 'X', '--commune', '35360', '--siret', '73282932000075']);
    assert.equal(siret.code, 1);
    assert.match(siret.stderr, /answered 400 invalid_request: siret: is not a valid SIRET/);
    const unreachable = await runAdmin(['admin', 'org', 'list'], { stdout: sink(), stderr: sink() }, {
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
      env: { OBSERVATOIRE_KEY: ADMIN, OBSERVATOIRE_COLLECTOR: 'http://127.0.0.1:9' },
    });
    assert.equal(unreachable, 1);
  });
});
