// Raking benchmark: 1,000,000 synthetic respondents, 4 margins, 25 categories.
// Run: npm run bench:analysis  (times survey::rake too when Rscript is installed; BENCH_SKIP_R=1 to skip it).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
// Internals of the raking (not public API): imported from the source, as the bench runs with tsx.
import { prepareRaking } from '../packages/core/src/analysis/margins.ts';
import { rakeProblem } from '../packages/core/src/analysis/rake.ts';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const TOLERANCE = 1e-9;

// Deterministic generator (mulberry32) so that every run rakes the same data.
let seed = 20250101;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function pick(categories, weights) {
  const u = random() * weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let k = 0; k < categories.length; k++) if (u < (acc += weights[k])) return categories[k];
  return categories[categories.length - 1];
}

const genre = ['feminin', 'masculin'];
const age = ['douze_dix_huit', 'dix_huit_vingt_quatre', 'vingt_cinq_trente_neuf', 'quarante_cinquante_neuf', 'soixante_soixante_neuf', 'soixante_dix_plus', 'moins_de_douze'];
const statut = ['en_emploi', 'sans_emploi', 'retraite', 'scolarise'];
const region = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93'];

// Correlated sample (status depends on age) so that raking needs several sweeps.
const rows = new Array(N);
for (let i = 0; i < N; i++) {
  const a = pick(age, [4, 6, 14, 20, 28, 26, 2]);
  const senior = a.startsWith('soixante');
  const young = a === 'douze_dix_huit' || a === 'moins_de_douze';
  rows[i] = {
    genre: pick(genre, [70, 30]),
    age_band: a,
    statut_social: young ? pick(statut, [1, 1, 0.01, 30]) : senior ? pick(statut, [5, 3, 90, 0.5]) : pick(statut, [50, 30, 3, 6]),
    region: pick(region, [18, 4, 4, 5, 9, 8, 5, 6, 9, 9, 12, 11]),
  };
}
const shares = (cats, w) => Object.fromEntries(cats.map((c, k) => [c, w[k] / w.reduce((x, y) => x + y, 0)]));
const targets = {
  genre: shares(genre, [62, 38]),
  age_band: shares(age, [3, 8, 20, 27, 22, 18, 2]),
  statut_social: shares(statut, [35, 20, 38, 7]),
  region: shares(region, [19, 4, 4, 5, 9, 8, 6, 5, 9, 9, 12, 10]),
};
const margins = Object.entries(targets).map(([variable, t]) => ({ type: 'categorical', variable, targets: t, source: 'synthetic' }));
const categoryCount = Object.values(targets).reduce((a, t) => a + Object.keys(t).length, 0);

// One warm-up run on a small slice so the timed run measures the compiled loop, as in a long-lived process.
rakeProblem(prepareRaking(rows.slice(0, 10_000), margins), { tolerance: TOLERANCE });

let t0 = performance.now();
const problem = prepareRaking(rows, margins);
const prepareMs = performance.now() - t0;
t0 = performance.now();
const result = rakeProblem(problem, { tolerance: TOLERANCE });
const rakeMs = performance.now() - t0;
console.log(`Node ${process.version}: ${N.toLocaleString('en')} respondents, ${margins.length} margins, ${categoryCount} categories, tolerance ${TOLERANCE}`);
console.log(`  prepareRaking (category indexes): ${prepareMs.toFixed(0)} ms`);
console.log(`  rakeProblem: ${rakeMs.toFixed(0)} ms, ${result.iterations} sweeps, converged ${result.converged}, max relative error ${result.maxRelativeError.toExponential(2)}`);
console.log(`  total: ${(prepareMs + rakeMs).toFixed(0)} ms`);

const rscript = process.env.BENCH_SKIP_R ? { status: 1, error: undefined } : spawnSync('Rscript', ['--version'], { stdio: 'ignore' });
if (rscript.error || rscript.status !== 0) {
  console.log(process.env.BENCH_SKIP_R ? 'BENCH_SKIP_R set: R comparison skipped.' : 'Rscript not found: R comparison skipped.');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'obs-bench-'));
  try {
    const csv = join(dir, 'data.csv');
    const lines = ['genre,age_band,statut_social,region'];
    for (const r of rows) lines.push(`${r.genre},${r.age_band},${r.statut_social},${r.region}`);
    writeFileSync(csv, lines.join('\n') + '\n');
    const pops = Object.entries(targets)
      .map(([v, t]) => `data.frame(${v} = c(${Object.keys(t).map((c) => `"${c}"`).join(',')}), Freq = c(${Object.values(t).map((s) => s * N).join(',')}))`)
      .join(',\n  ');
    const script = join(dir, 'bench.R');
    writeFileSync(
      script,
      `suppressMessages(library(survey))
d <- read.csv("${csv}", colClasses = "character")
d$one <- 1
des <- svydesign(ids = ~1, weights = ~one, data = d)
pops <- list(
  ${pops})
t <- system.time(r <- rake(des, list(~genre, ~age_band, ~statut_social, ~region), pops, control = list(maxit = 100, epsilon = ${TOLERANCE})))
w <- weights(r)
cat(t[["elapsed"]], "\\n")
cat(paste(format(w[1:5], digits = 17), collapse = " "), "\\n")
`,
    );
    console.log('Running survey::rake on the same data (control maxit = 100, epsilon = 1e-9)…');
    const out = execFileSync('Rscript', [script], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n');
    const rSeconds = Number(out[0]);
    const rFirst = out[1].trim().split(/\s+/).map(Number);
    const gap = Math.max(...rFirst.map((w, i) => Math.abs(w - result.weights[i])));
    console.log(`  survey::rake: ${(rSeconds * 1000).toFixed(0)} ms (elapsed), first 5 weights differ from ours by at most ${gap.toExponential(2)}`);
    console.log(`  ratio survey::rake / rakeProblem: ${((rSeconds * 1000) / rakeMs).toFixed(1)}x; / (prepareRaking + rakeProblem): ${((rSeconds * 1000) / (prepareMs + rakeMs)).toFixed(1)}x`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
