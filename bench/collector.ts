/**
 * `npm run bench:collector`: answers per second and latency of POST /v1/sessions/:id/answers on
 * loopback, against the Node server on PGlite, then on PostgreSQL (DATABASE_URL, or
 * scripts/ensure-postgres.sh), each followed in the same run by a bare one-INSERT baseline
 * (bench/baseline-server.ts) whose ratio says how close the collector gets to the database's own speed.
 * Not part of `npm test`. BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ALL_CHALLENGES, definition, questionnaireAnswers, rightAnswer } from '../packages/collector/test/fixture.js';
import { secret } from '../packages/collector/test/helpers.js';
import { REPO_ROOT, startServer } from '../packages/collector/test/server-process.js';

const BASELINE = fileURLToPath(new URL('./baseline-server.ts', import.meta.url));

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 50);

interface Figures {
  backend: string;
  server: 'collector' | 'baseline';
  answersPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Resident memory of the server process at the end of the run, MB. */
  rssMb: number;
}

type Session = { sessionId: string; token: string };

/** Sessions through the collector's API, each with its questionnaire. */
async function prepare(url: string, count: number): Promise<Session[]> {
  const sessions: Session[] = [];
  const run = Date.now().toString(36);
  let next = 0;
  async function worker() {
    while (next < count) {
      const sessionId = `bench-${run}-${next++}`;
      const token = secret();
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      const created = await fetch(`${url}/v1/sessions`, { method: 'POST', headers, body: JSON.stringify({ surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId, token }) });
      if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
      const put = await fetch(`${url}/v1/sessions/${sessionId}/questionnaire`, { method: 'PUT', headers, body: JSON.stringify({ answers: questionnaireAnswers, filledByMediator: false, validatedAt: Date.now() }) });
      if (put.status !== 201) throw new Error(`questionnaire: ${put.status} ${await put.text()}`);
      sessions.push({ sessionId, token });
    }
  }
  await Promise.all(Array.from({ length: 20 }, worker));
  return sessions;
}

/** The same number of session rows, straight in SQL, for the baseline. */
async function prepareBaseline(url: string, count: number): Promise<Session[]> {
  const prefix = `base-${Date.now().toString(36)}`;
  const reply = await fetch(`${url}/bench/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prefix, count }) });
  if (reply.status !== 201) throw new Error(`baseline sessions: ${reply.status} ${await reply.text()}`);
  return Array.from({ length: count }, (_, i) => ({ sessionId: `${prefix}-${i}`, token: secret() }));
}

function rssOf(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

async function bench(backend: string, server: Figures['server'], env: Record<string, string>, sessionCount: number): Promise<Figures> {
  const process_ = await startServer({ ...env, RATE_LIMIT_BURST: '1000000', RATE_LIMIT_PER_SECOND: '1000000', LOG_REQUESTS: '0' }, 120_000, server === 'baseline' ? BASELINE : undefined);
  try {
    const sessions = server === 'baseline' ? await prepareBaseline(process_.url, sessionCount) : await prepare(process_.url, sessionCount);
    let n = 0;
    const result = await autocannon({
      url: process_.url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            // Each request is a new answer: the next challenge of the next session (wrapping round
            // only if the run outlasts the prepared sessions, then it measures idempotent retries).
            const i = n++;
            const session = sessions[Math.floor(i / ALL_CHALLENGES.length) % sessions.length]!;
            const challengeId = ALL_CHALLENGES[i % ALL_CHALLENGES.length]!;
            const now = Date.now();
            return {
              ...request,
              path: `/v1/sessions/${session.sessionId}/answers`,
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
              body: JSON.stringify({ answerId: `${session.sessionId}-${challengeId}`, challengeId, answer: rightAnswer(challengeId), actor: 'participant', startedAt: now - 1000, answeredAt: now, durationMs: 1000 }),
            };
          },
        },
      ],
    });
    const wrapped = n > sessions.length * ALL_CHALLENGES.length;
    if (wrapped) console.warn(`  (${backend} ${server}: the run outlasted the ${sessions.length} prepared sessions; later requests were retries)`);
    return {
      backend,
      server,
      answersPerSecond: Math.round(result['2xx'] / result.duration),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.non2xx + result.errors + result.timeouts,
      rssMb: rssOf(process_.child.pid),
    };
  } finally {
    process_.child.kill('SIGTERM');
    await process_.exited;
  }
}

const dir = await mkdtemp(join(tmpdir(), 'obs-collector-bench-'));
const definitionFile = join(dir, 'fixture.json');
await writeFile(definitionFile, JSON.stringify(definition));
const figures: Figures[] = [];
try {
  console.log(`Collector bench: ${connections} connections, ${seconds} s per run, POST /v1/sessions/:id/answers on loopback`);
  console.log('Each backend: the collector, then a bare one-INSERT baseline on the same schema, in the same run.');
  const pgliteSessions = Number(process.env['BENCH_PGLITE_SESSIONS'] ?? 600);
  figures.push(await bench('PGlite', 'collector', { DATA_DIR: join(dir, 'pglite'), SURVEY_DEFINITIONS: definitionFile }, pgliteSessions));
  figures.push(await bench('PGlite', 'baseline', { DATA_DIR: join(dir, 'pglite-baseline') }, pgliteSessions));
  const databaseUrl = process.env['DATABASE_URL'] || execFileSync('bash', ['scripts/ensure-postgres.sh'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const pgSessions = Number(process.env['BENCH_PG_SESSIONS'] ?? 1500);
  figures.push(await bench('PostgreSQL', 'collector', { DATABASE_URL: databaseUrl, SURVEY_DEFINITIONS: definitionFile }, pgSessions));
  figures.push(await bench('PostgreSQL', 'baseline', { DATABASE_URL: databaseUrl }, pgSessions));
} finally {
  await rm(dir, { recursive: true, force: true });
}
const targets: Record<string, string> = { PGlite: 'ratio >= 0.7', PostgreSQL: 'ratio >= 0.9, p99 < 100 ms' };
console.log('\nbackend     server     answers/s   p50 ms   p99 ms   errors   RSS MB   ratio   target');
for (const f of figures) {
  const base = figures.find((g) => g.backend === f.backend && g.server === 'baseline');
  const ratio = f.server === 'collector' && base && base.answersPerSecond > 0 ? (f.answersPerSecond / base.answersPerSecond).toFixed(2) : '';
  console.log(
    `${f.backend.padEnd(11)} ${f.server.padEnd(9)} ${String(f.answersPerSecond).padStart(10)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.errors).padStart(8)} ${String(f.rssMb).padStart(8)} ${ratio.padStart(7)}   ${f.server === 'collector' ? targets[f.backend] : ''}`,
  );
}
