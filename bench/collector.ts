/**
 * `npm run bench:collector`: answers per second and latency of POST /v1/sessions/:id/answers on
 * loopback, against the Node server on PGlite, then on PostgreSQL (scripts/ensure-postgres.sh).
 * Not part of `npm test`. BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ALL_CHALLENGES, definition, questionnaireAnswers, rightAnswer } from '../packages/collector/test/fixture.js';
import { secret } from '../packages/collector/test/helpers.js';
import { REPO_ROOT, startServer } from '../packages/collector/test/server-process.js';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 50);

interface Figures {
  backend: string;
  answersPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function prepare(url: string, count: number): Promise<{ sessionId: string; token: string }[]> {
  const sessions: { sessionId: string; token: string }[] = [];
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

async function bench(backend: string, env: Record<string, string>, sessionCount: number): Promise<Figures> {
  const server = await startServer({ ...env, RATE_LIMIT_BURST: '1000000', RATE_LIMIT_PER_SECOND: '1000000' });
  try {
    const sessions = await prepare(server.url, sessionCount);
    let n = 0;
    const result = await autocannon({
      url: server.url,
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
            return {
              ...request,
              path: `/v1/sessions/${session.sessionId}/answers`,
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
              body: JSON.stringify({ answerId: `${session.sessionId}-${challengeId}`, challengeId, answer: rightAnswer(challengeId), actor: 'participant', startedAt: Date.now(), answeredAt: Date.now() + 1000, durationMs: 1000 }),
            };
          },
        },
      ],
    });
    const wrapped = n > sessions.length * ALL_CHALLENGES.length;
    if (wrapped) console.warn(`  (${backend}: the run outlasted the ${sessions.length} prepared sessions; later requests were retries)`);
    return {
      backend,
      answersPerSecond: Math.round(result['2xx'] / (result.duration)),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

const dir = await mkdtemp(join(tmpdir(), 'obs-collector-bench-'));
const definitionFile = join(dir, 'fixture.json');
await writeFile(definitionFile, JSON.stringify(definition));
const figures: Figures[] = [];
try {
  console.log(`Collector bench: ${connections} connections, ${seconds} s per backend, POST /v1/sessions/:id/answers on loopback`);
  figures.push(await bench('PGlite', { DATA_DIR: join(dir, 'pglite'), SURVEY_DEFINITIONS: definitionFile }, 600));
  const databaseUrl = execFileSync('bash', ['scripts/ensure-postgres.sh'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  figures.push(await bench('PostgreSQL', { DATABASE_URL: databaseUrl, SURVEY_DEFINITIONS: definitionFile }, 1500));
} finally {
  await rm(dir, { recursive: true, force: true });
}
const targets: Record<string, number> = { PGlite: 300, PostgreSQL: 1000 };
console.log('\nbackend     answers/s   p50 ms   p99 ms   errors   target');
for (const f of figures) {
  const target = f.backend === 'PostgreSQL' ? `>= ${targets[f.backend]}/s, p99 < 100 ms` : `>= ${targets[f.backend]}/s`;
  console.log(`${f.backend.padEnd(11)} ${String(f.answersPerSecond).padStart(9)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.errors).padStart(8)}   ${target}`);
}
