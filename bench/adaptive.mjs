// Adaptive test benchmark: the time of one cycle (EAP update + choice of the next item) on a
// 3,000-item 2PL bank, for @observatoire/core/adaptive and, in the same run, for jsCAT
// (@bdelab/jscat) on the same bank, with the same algorithm and stopping rule:
// EAP with an N(0, 1) prior on the grid of 81 points of [−4, 4] (jsCAT's fixed 0.1 step),
// pure maximum Fisher information (no randomesque, no content balancing), 20 items per test.
// Run: npm run bench:adaptive  (BENCH_PEOPLE=… to change the number of simulated people).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { addAnswer, itemPool, nextStep, posteriorEstimate, quadratureGrid, selectNextItem } from '@observatoire/core/adaptive';

const ITEMS = 3000;
const LENGTH = 20;
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200);
const JSCAT_PEOPLE = Math.max(5, Math.round(PEOPLE / 20));

// Deterministic generator (mulberry32): every run uses the same bank and the same people.
let seed = 20260101;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const uint32 = () => Math.floor(random() * 4294967296);

const bank = Array.from({ length: ITEMS }, (_, i) => ({ id: `i${i}`, a: 0.6 + 1.6 * random(), b: -3 + 6 * random() }));
const people = Array.from({ length: PEOPLE }, () => normal());
const answerOf = (item, theta) => (random() < 1 / (1 + Math.exp(item.a * (item.b - theta))) ? 1 : 0);

const pool = itemPool(bank.map((item) => ({ id: item.id, parameters: { a: item.a, b: item.b }, area: '1' })));
const GRID = { points: 81, min: -4, max: 4 };
const grid = quadratureGrid(GRID);

/** Mean µs per cycle of `cycle(state)` over `count` people × LENGTH items, after a warm-up (the JIT's tiers). */
function time(count, start, cycle, warmUp = 50) {
  for (let warm = 0; warm < warmUp; warm++) {
    const state = start(people[warm]);
    for (let k = 0; k < LENGTH; k++) cycle(state);
  }
  let total = 0;
  let cycles = 0;
  for (let p = 0; p < count; p++) {
    const state = start(people[p]);
    const t0 = performance.now();
    for (let k = 0; k < LENGTH; k++) cycle(state);
    total += performance.now() - t0;
    cycles += LENGTH;
  }
  return (total * 1000) / cycles;
}

// 1. The session's path: nextStep recomputes EAP from every answer so far, then picks the next item.
const config = { grid: GRID, randomesque: 1, stopping: { maxItems: LENGTH + 1 } };
const sessionPath = time(
  PEOPLE,
  (theta) => {
    const first = nextStep(pool, [], config, uint32).next;
    return { theta, responses: [], next: first };
  },
  (s) => {
    s.responses.push({ index: s.next, correct: answerOf(bank[s.next], s.theta) === 1 });
    s.next = nextStep(pool, s.responses, config, uint32).next;
  },
);

// 2. The incremental path: add the new answer to the running log posterior, then pick.
const incremental = time(
  PEOPLE,
  (theta) => ({ theta, logPosterior: Float64Array.from(grid.logWeights), asked: [], next: selectNextItem(pool, 0, [], uint32, { randomesque: 1 }) }),
  (s) => {
    const item = bank[s.next];
    addAnswer(grid, s.logPosterior, item.a, item.b, 0, answerOf(item, s.theta) === 1);
    s.asked.push(s.next);
    s.next = selectNextItem(pool, posteriorEstimate(grid, s.logPosterior).theta, s.asked, uint32, { randomesque: 1 });
  },
);

console.log(`Adaptive cycle (EAP update + next item), ${ITEMS}-item 2PL bank, ${LENGTH} items per test`);
console.log(`  @observatoire/core/adaptive, nextStep (session path):  ${sessionPath.toFixed(1)} µs per cycle (${PEOPLE} people)`);
console.log(`  @observatoire/core/adaptive, incremental EAP:          ${incremental.toFixed(1)} µs per cycle (${PEOPLE} people)`);

let jscat;
try {
  jscat = createRequire(import.meta.url)('@bdelab/jscat');
} catch {
  console.log('  jsCAT: @bdelab/jscat is not installed, skipped');
}
if (jscat) {
  const stimuli = bank.map((item) => ({ id: item.id, a: item.a, b: item.b, c: 0, d: 1 }));
  const jscatTime = time(
    JSCAT_PEOPLE,
    (theta) => {
      const cat = new jscat.Cat({ method: 'EAP', itemSelect: 'MFI', minTheta: -4, maxTheta: 4, priorDist: 'norm', priorPar: [0, 1] });
      const { nextStimulus, remainingStimuli } = cat.findNextItem(stimuli);
      return { theta, cat, next: nextStimulus, remaining: remainingStimuli };
    },
    (s) => {
      s.cat.updateAbilityEstimate(s.next, answerOf(s.next, s.theta));
      const { nextStimulus, remainingStimuli } = s.cat.findNextItem(s.remaining);
      s.next = nextStimulus;
      s.remaining = remainingStimuli;
    },
    2,
  );
  console.log(`  jsCAT ${createRequire(import.meta.url)('@bdelab/jscat/package.json').version}, updateAbilityEstimate + findNextItem: ${jscatTime.toFixed(1)} µs per cycle (${JSCAT_PEOPLE} people)`);
  console.log(`  ratio jsCAT / nextStep: ${(jscatTime / sessionPath).toFixed(0)}×; jsCAT / incremental: ${(jscatTime / incremental).toFixed(0)}×`);
}
const verdict = (us) => (us <= 100 ? 'met' : 'NOT met');
console.log(`  target ≤ 100 µs per cycle: incremental ${verdict(incremental)}, nextStep ${verdict(sessionPath)} (figures depend on the machine's load)`);
