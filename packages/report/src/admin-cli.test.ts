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

  test('adds a webhook for a campaign, lists it and its deliveries, replays one, disables it; the audit log shows it all', async () => {
    const org = await run(['org', 'create', '--name', 'Tiers-lieu de Redon', '--commune', '35236', '--json']);
    const orgId = JSON.parse(org.stdout).id as string;
    const made = JSON.parse((await run(['campaign', 'create', '--org', orgId, '--survey', observatoire2025.id, '--version', observatoire2025.version, '--json'])).stdout);
    const added = await run(['webhooks', 'add', '--url', 'https://coop.example.fr/hooks', '--campaign', made.code, '--events', 'session.completed, session.left', '--label', 'Coop']);
    assert.equal(added.code, 0, added.stderr);
    const [line, secret] = added.stdout.trim().split('\n');
    const id = /^webhook (wh_\w+) created; its secret is shown this once/.exec(line!)![1]!;
    assert.match(secret!, /^whsec_/);
    assert.match((await run(['webhooks', 'list'])).stdout, new RegExp(`^${id}\\t${orgId}\\t${made.code}\\thttps://coop.example.fr/hooks\\tsession.completed,session.left\\tactive\\tCoop$`, 'm'));
    // A session of the campaign ending: one delivery queued, as the session routes do.
    const session = { id: 's-cli', tokenHash: 'x', surveyId: observatoire2025.id, contentVersion: observatoire2025.version, organisation: orgId, campaign: made.code, device: 'tablet', lang: 'fr', startedAt: 1, receivedAt: 1, endedAt: null, endReason: null } as const;
    await store.createSession(session);
    await store.addEvent({ sessionId: 's-cli', eventId: 'e1', type: 'finished', courseId: null, at: 2, actor: 'participant', detail: null, receivedAt: 2 }, undefined, { type: 'session.completed', body: '{}', at: 2 });
    const deliveries = await run(['webhooks', 'deliveries', id]);
    const [deliveryId, type, sessionId, status] = deliveries.stdout.trim().split('\t');
    assert.deepEqual([type, sessionId, status], ['session.completed', 's-cli', 'pending']);
    assert.equal((await run(['webhooks', 'replay', deliveryId!])).stdout, '1 delivery queued again, with the same webhook-id\n');
    assert.equal((await run(['webhooks', 'replay', '--webhook', id, '--since', '2025-10-01'])).stdout, '0 deliveries queued again, with the same webhook-id\n');
    assert.equal((await run(['webhooks', 'disable', id])).code, 0);
    assert.match((await run(['webhooks', 'list'])).stdout, new RegExp(`^${id}\\t.*\\tdisabled `, 'm'));
    // Its pending delivery is cancelled, and listed so.
    assert.equal((await run(['webhooks', 'deliveries', id])).stdout.trim().split('\t')[3], 'cancelled');
    const refused = await run(['webhooks', 'replay', deliveryId!]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /answered 409 webhook_disabled/);
    const audit = (await run(['audit'])).stdout;
    for (const action of ['webhook_create', 'webhook_replay', 'webhook_disable']) assert.match(audit, new RegExp(`\\tadmin-token\\t${action}\\t`));
    const unknown = await run(['webhooks', 'replay', 'msg_unknown']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /answered 404 not_found/);
  });

  for (const [args, message, reason] of [
    [['webhooks', 'add', '--org', 'x'], /--url is required/, 'a webhook without a URL'],
    [['webhooks', 'add', '--url', 'https://a.example', '--org', 'x', '--campaign', 'ABC-234'], /either --org <id> or --campaign <code>/, 'a webhook for an organisation and a campaign at once'],
    [['webhooks', 'replay'], /--webhook <id> --since <date>/, 'a replay of nothing'],
    [['webhooks', 'replay', '--webhook', 'wh_1', '--since', 'yesterday'], /--since must be an ISO date/, 'a replay since a date that is not ISO'],
    [['webhooks', 'disable'], /needs the webhook id/, 'disabling without the id'],
  ] as const) {
    test(`bad usage: ${reason} exits 2 with the reason`, async () => {
      const result = await run([...args]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, message);
    });
  }
});
