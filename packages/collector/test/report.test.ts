/** `GET /v1/report`: the analysis report over the export, behind the admin token. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REPORT_VERSION, type Margin, type ObservatoireReport } from '@observatoire/core/analysis';
import { createApp } from '../src/app.js';
import { MemoryStore } from '../src/store/memory.js';
import { COURSES, definition, questionnaireAnswers, rennes } from './fixture.js';
import { ADMIN, client } from './helpers.js';

const brest = { postalCode: '29200', code: '29019', name: 'Brest', department: '29', region: '53', epci: '242900314' };

interface Seed {
  commune: typeof rennes | { postalCode: string; code: string; name: string; department: string; region: string; test: true };
  genre: 'feminin' | 'masculin';
  /** Right answers in course 1 (of 3); course 2 and 3 are not reached. */
  right: number;
}

let next = 0;
async function seed(store: MemoryStore, { commune, genre, right }: Seed): Promise<void> {
  const id = `s${++next}`;
  const t = 1_700_000_000_000 + next * 1000;
  await store.createSession({ id, tokenHash: 'x'.repeat(64), surveyId: 'fixture', contentVersion: '1.0.0', organisation: null, device: 'tablet', lang: 'fr', startedAt: t, receivedAt: t, endedAt: null, endReason: null });
  await store.putQuestionnaire({ sessionId: id, answers: { ...questionnaireAnswers, genre, commune }, filledByMediator: false, validatedAt: t, receivedAt: t });
  for (const [i, challengeId] of COURSES.manipulation.entries()) {
    await store.addAnswer({
      sessionId: id, answerId: `${id}-${challengeId}`, challengeId, answer: '2', timedOut: false, status: i < right ? 'ok' : 'ko', details: {},
      actor: 'participant', startedAt: t, answeredAt: t + 1000, durationMs: 1000, skippedRemaining: false, receivedAt: t,
    });
  }
}

/** 100 sessions in Ille-et-Vilaine (60 women), 5 in Finistère, 1 test run. */
async function populated(): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (let i = 0; i < 100; i++) await seed(store, { commune: rennes, genre: i < 60 ? 'feminin' : 'masculin', right: i % 4 });
  for (let i = 0; i < 5; i++) await seed(store, { commune: brest, genre: 'feminin', right: 3 });
  await seed(store, { commune: { ...rennes, name: 'TEST', test: true }, genre: 'feminin', right: 3 });
  return store;
}

const genreMargin: Margin = { type: 'categorical', variable: 'q_genre', targets: { feminin: 0.5, masculin: 0.5 }, source: 'Test margins' };

describe('GET /v1/report', async () => {
  const store = await populated();
  const api = client(createApp({ store, definitions: [definition], adminToken: ADMIN, rateLimit: false, now: () => Date.UTC(2025, 5, 1) }));

  test('needs the admin token: 401 without, 403 with a wrong one, 403 when the collector has none', async () => {
    assert.equal((await api.call('GET', '/v1/report')).status, 401);
    const wrong = await api.call('GET', '/v1/report', undefined, 'not-the-admin-token');
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.error, 'forbidden');
    const closed = client(createApp({ store, definitions: [definition], rateLimit: false }));
    const reply = await closed.call('GET', '/v1/report', undefined, ADMIN);
    assert.equal(reply.status, 403);
    assert.equal(reply.body.error, 'admin_disabled');
  });

  test('without margins: an unweighted report that says so, test runs excluded, every domain listed', async () => {
    const reply = await api.call('GET', '/v1/report', undefined, ADMIN);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    const report = reply.body as ObservatoireReport;
    assert.equal(report.format, 'observatoire-report');
    assert.equal(report.version, REPORT_VERSION);
    assert.equal(report.generatedAt, '2025-06-01T00:00:00.000Z');
    assert.equal(report.weighting.method, 'none');
    assert.deepEqual(report.sessions.excluded, { other_survey: 0, test_run: 1, out_of_scope: 0, probable_duplicate: 0, filtered_out: 0 });
    assert.deepEqual([report.sessions.total, report.sessions.analysed], [106, 105]);
    assert.equal(report.focus, undefined);
    const dep35 = report.domains.find((d) => d.kind === 'department' && d.code === '35');
    const dep29 = report.domains.find((d) => d.kind === 'department' && d.code === '29');
    assert.equal(dep35?.status, 'estimated');
    assert.equal(dep35?.n, 100);
    assert.deepEqual(dep29, { kind: 'department', code: '29', n: 5, status: 'too_few_respondents', minimum: 100 });
    // From 100, the people offered the survey in the domain (no refusal recorded: the 100 who took part).
    assert.deepEqual([dep35?.status === 'estimated' && dep35.offered?.offered], [100]);
    // Course 1 passed (> 60 %) only with 2 or 3 right answers out of 3.
    const level0 = report.national.staircase.categories.find((c) => c.category === '0');
    assert.equal(level0?.count, 50);
  });

  test('territory: the focus is the asked domain, estimated from 100 respondents, or says why not', async () => {
    const dep = (await api.call('GET', '/v1/report?territory=dep:35', undefined, ADMIN)).body as ObservatoireReport;
    assert.equal(dep.focus?.status, 'estimated');
    assert.equal(dep.focus?.code, '35');
    const small = (await api.call('GET', '/v1/report?territory=dep:29', undefined, ADMIN)).body as ObservatoireReport;
    assert.deepEqual(small.focus, { kind: 'department', code: '29', n: 5, status: 'too_few_respondents', minimum: 100 });
    const region = (await api.call('GET', `/v1/report?territory=${encodeURIComponent('epci:243500139')}`, undefined, ADMIN)).body as ObservatoireReport;
    assert.equal(region.focus?.kind, 'epci');
    assert.equal(region.focus?.n, 100);
  });

  test('one survey per report: sessions of another survey make a 409 mixed_surveys until ?survey= names one', async () => {
    const mixed = await populated();
    const t = 1_700_000_000_000;
    await mixed.createSession({ id: 'other-1', tokenHash: 'x'.repeat(64), surveyId: 'other-survey', contentVersion: '1.0.0', organisation: null, device: 'tablet', lang: 'fr', startedAt: t, receivedAt: t, endedAt: null, endReason: null });
    await mixed.putQuestionnaire({ sessionId: 'other-1', answers: { ...questionnaireAnswers, genre: 'feminin', commune: rennes }, filledByMediator: false, validatedAt: t, receivedAt: t });
    const twoSurveys = client(createApp({ store: mixed, definitions: [definition], adminToken: ADMIN, rateLimit: false, now: () => Date.UTC(2025, 5, 1) }));
    const refused = await twoSurveys.call('GET', '/v1/report', undefined, ADMIN);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error, 'mixed_surveys');
    assert.match(refused.body.message, /\?survey=/);
    const named = await twoSurveys.call('GET', '/v1/report?survey=fixture', undefined, ADMIN);
    assert.equal(named.status, 200);
    const bad = await twoSurveys.call('GET', '/v1/report?survey=%20drop%20table', undefined, ADMIN);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.issues[0].path, 'survey');
  });

  test('a bad territory is a 400 naming the parameter and the accepted forms', async () => {
    for (const bad of ['35', 'dep:', 'canton:12', 'dep:35 extra']) {
      const reply = await api.call('GET', `/v1/report?territory=${encodeURIComponent(bad)}`, undefined, ADMIN);
      assert.equal(reply.status, 400, bad);
      assert.equal(reply.body.error, 'invalid_request');
      assert.equal(reply.body.issues[0].path, 'territory');
      assert.match(reply.body.message, /dep:<code>, region:<code>, epci:<SIREN> or org:<code>/);
    }
  });

  test('with margins: raked, the margins and their sources in the report, names from the options', async () => {
    const weighted = client(createApp({ store, definitions: [definition], adminToken: ADMIN, rateLimit: false, margins: [genreMargin], territoryNames: { 'department:35': 'Ille-et-Vilaine' } }));
    const report = (await weighted.call('GET', '/v1/report?territory=dep:35', undefined, ADMIN)).body as ObservatoireReport;
    assert.equal(report.weighting.method, 'raking');
    assert.equal(report.weighting.converged, true);
    assert.equal(report.weighting.margins[0]?.source, 'Test margins');
    const women = report.weighting.margins[0]?.categories.find((c) => c.category === 'feminin');
    assert.ok(Math.abs((women?.achieved ?? 0) - 0.5) < 1e-9);
    assert.ok(report.weighting.designEffect > 1);
    assert.equal(report.focus?.name, 'Ille-et-Vilaine');
  });

  test('margins that do not fit the data: 409 weighting_failed naming the problem', async () => {
    const empty: Margin = { type: 'categorical', variable: 'q_genre', targets: { feminin: 0.4, masculin: 0.4, non_communique: 0.2 }, source: 'Test' };
    const reply = await client(createApp({ store, definitions: [definition], adminToken: ADMIN, rateLimit: false, margins: [empty] })).call('GET', '/v1/report', undefined, ADMIN);
    assert.equal(reply.status, 409);
    assert.equal(reply.body.error, 'weighting_failed');
    assert.match(reply.body.message, /empty_category/);
    assert.match(reply.body.message, /non_communique/);
  });

  test('no session to analyse: 409 no_valid_respondents', async () => {
    const reply = await client(createApp({ store: new MemoryStore(), definitions: [definition], adminToken: ADMIN, rateLimit: false })).call('GET', '/v1/report', undefined, ADMIN);
    assert.equal(reply.status, 409);
    assert.equal(reply.body.error, 'no_valid_respondents');
  });
});

describe('MARGINS_FILE', () => {
  test('the CLI margins file is read with its sources, and territory names come with it', async () => {
    const { loadMargins } = await import('../src/load-margins.js');
    const { margins, names } = await loadMargins(new URL('../../../margins.example.json', import.meta.url).pathname);
    assert.ok(margins.some((m) => m.variable === 'q_genre' && m.source.length > 0));
    assert.equal(names['department:35'], 'Ille-et-Vilaine');
  });

  test('a bad margins file is an error naming the file', async () => {
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(await mkdtemp(join(tmpdir(), 'obs-margins-')), 'margins.json');
    await writeFile(path, '{"margins": []}');
    const { loadMargins } = await import('../src/load-margins.js');
    await assert.rejects(loadMargins(path), (error: Error) => error.message.startsWith(`MARGINS_FILE ${path}:`));
  });
});

describe('GET /v1/report for the quick diagnostic', () => {
  test('the survey’s definition picks the report: per capacity, the shares of people at each level', async () => {
    const { diagnosticRapide } = await import('@observatoire/content');
    const store = new MemoryStore();
    const ids = diagnosticRapide.courses[0]!.challenges;
    for (let s = 0; s < 4; s++) {
      const id = `diag-${s}`;
      const t = 1_700_000_000_000 + s * 1000;
      await store.createSession({ id, tokenHash: 'x'.repeat(64), surveyId: diagnosticRapide.id, contentVersion: diagnosticRapide.version, organisation: null, device: 'tablet', lang: 'fr', startedAt: t, receivedAt: t, endedAt: null, endReason: null });
      for (const [i, challengeId] of ids.entries()) {
        await store.addAnswer({
          sessionId: id, answerId: `${id}-${challengeId}`, challengeId, answer: null, timedOut: false, status: s % 2 === 0 || i % 2 === 0 ? 'ok' : 'ko', details: {},
          actor: 'participant', startedAt: t, answeredAt: t + 1000, durationMs: 1000, skippedRemaining: false, receivedAt: t,
        });
      }
    }
    const api = client(createApp({ store, definitions: [diagnosticRapide], adminToken: ADMIN, rateLimit: false, now: () => Date.UTC(2026, 10, 1) }));
    const reply = await api.call('GET', '/v1/report', undefined, ADMIN);
    assert.equal(reply.status, 200, reply.text);
    const report = reply.body as ObservatoireReport;
    const capacities = report.diagnostic?.capacities ?? [];
    assert.deepEqual(capacities.map((c) => c.capacity), (diagnosticRapide.capacities ?? []).map((c) => c.id));
    for (const c of capacities) {
      assert.equal(c.n, 4);
      // Two sessions succeed everything; the two others miss one challenge in two: never all of a capacity.
      assert.equal(c.levels.find((l) => l.category === 'mastered')?.count, 2);
    }
  });
});
