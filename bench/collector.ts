/**
 * `npm run bench:collector`: answers per second and latency of POST /v1/sessions/:id/answers on
 * loopback, against the Node server on PGlite, then on PostgreSQL (DATABASE_URL, or
 * scripts/ensure-postgres.sh), each followed in the same run by a bare one-INSERT baseline
 * (bench/baseline-server.ts) whose ratio says how close the collector gets to the database's own speed.
 * Not part of `npm test`. BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune it.
 *
 * Only new answers count: answers/s is the number of `201` replies (a row stored now) per second, for
 * the collector and the baseline alike. Each run prepares enough sessions for BENCH_MAX_RATE answers
 * per second (default 4,000); a run that still outlasts them is flagged, and its retries (`200`) are
 * not counted. BENCH_CPU_PROF=<folder> writes a V8 CPU profile of each collector process there
 * (`node --cpu-prof`). The load average is printed with the figures: other work on the machine moves them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ALL_CHALLENGES, definition, questionnaireAnswers, rightAnswer } from '../packages/collector/test/fixture.js';
import { secret } from '../packages/collector/test/helpers.js';
import { REPO_ROOT, startServer } from '../packages/collector/test/server-process.js';

const BASELINE = fileURLToPath(new URL('./baseline-server.ts', import.meta.url));

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
/** Sessions to prepare: enough for this many answers per second during the whole run. */
const maxRate = Number(process.env['BENCH_MAX_RATE'] ?? 4000);
const sessionCount = Math.ceil((maxRate * seconds) / ALL_CHALLENGES.length);
const cpuProfileDir = process.env['BENCH_CPU_PROF'];

interface Figures {
  backend: string;
  server: 'collector' | 'baseline';
  answersPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Resident memory of the server process at the end of the run, MB. */
  rssMb: number;
  /** The run outlasted the prepared sessions (its later requests were retries, not counted). */
  wrapped: boolean;
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
  const profile = server === 'collector' && cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const process_ = await startServer(
    { ...env, RATE_LIMIT_BURST: '1000000', RATE_LIMIT_PER_SECOND: '1000000', LOG_REQUESTS: '0' },
    120_000,
    server === 'baseline' ? BASELINE : undefined,
    profile,
  );
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
            // only if the run outlasts the prepared sessions: those retries answer 200 and are not counted).
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
    if (wrapped) console.warn(`  (${backend} ${server}: the run outlasted the ${sessions.length} prepared sessions; raise BENCH_MAX_RATE)`);
    // A 201 is a row stored by this request; a 200 (a retry) stored nothing and is not counted.
    const stored = result.statusCodeStats['201']?.count ?? 0;
    const retries = result.statusCodeStats['200']?.count ?? 0;
    return {
      backend,
      server,
      answersPerSecond: Math.round(stored / result.duration),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.non2xx + result.errors + result.timeouts + (wrapped ? 0 : retries),
      rssMb: rssOf(process_.child.pid),
      wrapped,
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
  console.log(`${sessionCount} sessions prepared per run (room for ${maxRate} new answers/s); load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const backends = (process.env['BENCH_BACKENDS'] ?? 'pglite,postgres').split(',');
  if (backends.includes('pglite')) {
    figures.push(await bench('PGlite', 'collector', { DATA_DIR: join(dir, 'pglite'), SURVEY_DEFINITIONS: definitionFile }, sessionCount));
    figures.push(await bench('PGlite', 'baseline', { DATA_DIR: join(dir, 'pglite-baseline') }, sessionCount));
  }
  if (backends.includes('postgres')) {
    const databaseUrl = process.env['DATABASE_URL'] || execFileSync('bash', ['scripts/ensure-postgres.sh'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    figures.push(await bench('PostgreSQL', 'collector', { DATABASE_URL: databaseUrl, SURVEY_DEFINITIONS: definitionFile }, sessionCount));
    figures.push(await bench('PostgreSQL', 'baseline', { DATABASE_URL: databaseUrl }, sessionCount));
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
const targets: Record<string, string> = { PGlite: 'ratio >= 0.7', PostgreSQL: 'ratio >= 0.9, p99 < 100 ms' };
console.log(`\nload average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}; answers/s counts new answers (201) only`);
console.log('backend     server     answers/s   p50 ms   p99 ms   errors   RSS MB   ratio   target');
for (const f of figures) {
  const base = figures.find((g) => g.backend === f.backend && g.server === 'baseline');
  const ratio = f.server === 'collector' && base && base.answersPerSecond > 0 ? (f.answersPerSecond / base.answersPerSecond).toFixed(2) : '';
  console.log(
    `${f.backend.padEnd(11)} ${f.server.padEnd(9)} ${String(f.answersPerSecond).padStart(10)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.errors).padStart(8)} ${String(f.rssMb).padStart(8)} ${ratio.padStart(7)}   ${f.server === 'collector' ? targets[f.backend] : ''}${f.wrapped ? '   (ran out of sessions)' : ''}`,
  );
}
