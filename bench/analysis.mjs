// Analysis benchmark (docs/analysis.md, "Performance"). Run: npm run bench:analysis
// 1. Raking: 1,000,000 synthetic respondents (deterministic) on 4 margins (25 categories) and on 8 margins
//    (133 categories): our times (read the CSV into columns, prepare, cells, rake) and peak memory, each in a
//    process of its own; then, when Rscript is installed, R `survey` 4.x on the same data, timed in the same
//    run: the same algorithm (survey::rake on the distinct cells weighted by their counts) and R's usual path
//    (survey::rake over every row).
// 2. The whole report command on a 1,000,000-row synthetic export with all breakdowns: time and peak memory.
// BENCH_SKIP_R=1 skips R; BENCH_N sets the number of rows; BENCH_ONLY=rake or report runs one part.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchReport } from './report-bench.mjs';
import { createRandom, pick } from './synthetic.mjs';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const TOLERANCE = 1e-9;
const here = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'obs-bench-'));

const genre = ['feminin', 'masculin'];
const age = ['douze_dix_huit', 'dix_huit_vingt_quatre', 'vingt_cinq_trente_neuf', 'quarante_cinquante_neuf', 'soixante_soixante_neuf', 'soixante_dix_plus', 'moins_de_douze'];
const statut = ['en_emploi', 'sans_emploi', 'retraite', 'scolarise'];
const region = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93'];
const diploma = ['aucun_diplome', 'bepc_cap_bep', 'baccalaureat', 'enseignement_superieur', 'ne_sait_pas'];
const device = ['mobile', 'tablet', 'desktop'];
const ease = ['pas_du_tout', 'un_peu', 'assez', 'tres'];
const department = Array.from({ length: 96 }, (_, k) => `d${String(k + 1).padStart(2, '0')}`);

const shares = (cats, w) => Object.fromEntries(cats.map((c, k) => [c, w[k] / w.reduce((x, y) => x + y, 0)]));
const departmentWeights = department.map((_, k) => 1 + ((k * 37) % 11));
const TARGETS = {
  genre: shares(genre, [62, 38]),
  age_band: shares(age, [3, 8, 20, 27, 22, 18, 2]),
  statut_social: shares(statut, [35, 20, 38, 7]),
  region: shares(region, [19, 4, 4, 5, 9, 8, 6, 5, 9, 9, 12, 10]),
  q_diplome: shares(diploma, [20, 30, 25, 20, 5]),
  device: shares(device, [50, 15, 35]),
  q_aisance: shares(ease, [25, 35, 25, 15]),
  department: shares(department, departmentWeights.map((w, k) => w + (k % 3))),
};

/** Writes the raking data (the 8 margin columns, correlated so that raking needs many sweeps) as CSV. */
function writeRakingData(path) {
  const random = createRandom(20250101);
  const lines = [Object.keys(TARGETS).join(',')];
  for (let i = 0; i < N; i++) {
    const a = pick(random, age, [4, 6, 14, 20, 28, 26, 2]);
    const senior = a.startsWith('soixante');
    const young = a === 'douze_dix_huit' || a === 'moins_de_douze';
    const d = pick(random, diploma, senior ? [40, 30, 15, 10, 5] : [15, 30, 30, 22, 3]);
    lines.push([
      pick(random, genre, [70, 30]),
      a,
      young ? pick(random, statut, [1, 1, 0.01, 30]) : senior ? pick(random, statut, [5, 3, 90, 0.5]) : pick(random, statut, [50, 30, 3, 6]),
      pick(random, region, [18, 4, 4, 5, 9, 8, 5, 6, 9, 9, 12, 11]),
      d,
      pick(random, device, senior ? [40, 30, 30] : [65, 10, 25]),
      pick(random, ease, senior ? [40, 35, 18, 7] : [15, 30, 35, 20]),
      pick(random, department, departmentWeights),
    ].join(','));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

function marginsOf(count) {
  return Object.entries(TARGETS)
    .slice(0, count)
    .map(([variable, targets]) => ({ type: 'categorical', variable, targets, source: 'synthetic' }));
}

const hasR = !process.env.BENCH_SKIP_R && (() => {
  const r = spawnSync('Rscript', ['--version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
})();

/**
 * R on the same data: survey::rake on the cells (weights = respondent counts) and on every row. survey::rake's own
 * stopping rule compares successive cross tables (an epsilon below 1 is multiplied by the total weight), not the
 * margins with their targets, so R is run for exactly our number of sweeps (epsilon = 0, maxit = our sweeps) and
 * its achieved max relative error on the margins is printed: both stop on our criterion.
 */
function runR(dataPath, cellsPath, margins, sweeps) {
  const variables = margins.map((m) => m.variable);
  const pops = (total) =>
    margins
      .map((m) => `data.frame(${m.variable} = c(${Object.keys(m.targets).map((c) => `"${c}"`).join(',')}), Freq = c(${Object.values(m.targets).map((s) => s * total).join(',')}))`)
      .join(',\n  ');
  const script = join(dir, 'bench.R');
  writeFileSync(
    script,
    `suppressMessages(library(survey))
formulas <- list(${variables.map((v) => `~${v}`).join(', ')})
worst <- function(des, pops) max(sapply(seq_along(formulas), function(j) {
  t <- svytable(formulas[[j]], des); p <- pops[[j]]
  max(abs(as.numeric(t[as.character(p[[1]])]) - p$Freq) / p$Freq)
}))
cells <- read.csv("${cellsPath}", colClasses = c(rep("character", ${variables.length}), "numeric"))
n <- sum(cells$count)
pops <- list(
  ${pops(N)})
dc <- svydesign(ids = ~1, weights = ~count, data = cells)
tc <- system.time(rc <- suppressWarnings(rake(dc, formulas, pops, control = list(maxit = ${sweeps}, epsilon = 0))))
cat(tc[["elapsed"]], worst(rc, pops), "\\n")
rows <- read.csv("${dataPath}", colClasses = "character")
rows$one <- 1
dr <- svydesign(ids = ~1, weights = ~one, data = rows)
tr <- system.time(rr <- suppressWarnings(rake(dr, formulas, pops, control = list(maxit = ${sweeps}, epsilon = 0))))
cat(tr[["elapsed"]], worst(rr, pops), "\\n")
cat(paste(format(weights(rr)[1:5], digits = 17), collapse = " "), "\\n")
`,
  );
  const out = execFileSync('Rscript', [script], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n');
  const [cellsS, cellsErr] = out[0].trim().split(/\s+/).map(Number);
  const [rowsS, rowsErr] = out[1].trim().split(/\s+/).map(Number);
  return { cellsMs: cellsS * 1000, cellsErr, rowsMs: rowsS * 1000, rowsErr, first: out[2].trim().split(/\s+/).map(Number) };
}

function benchRaking() {
  const dataPath = join(dir, 'raking.csv');
  writeRakingData(dataPath);
  for (const count of [4, 8]) {
    const margins = marginsOf(count);
    const categories = margins.reduce((a, m) => a + Object.keys(m.targets).length, 0);
    const marginsPath = join(dir, `margins-${count}.json`);
    const cellsPath = join(dir, `cells-${count}.csv`);
    writeFileSync(marginsPath, JSON.stringify(margins));
    const out = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', join(here, 'rake-child.mjs'), dataPath, marginsPath, cellsPath, String(TOLERANCE)], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop());
    const step = (s) => `${s.ms.toFixed(0)} ms (CPU ${s.cpuMs.toFixed(0)} ms)`;
    console.log(`\nRaking, Node ${process.version}: ${r.n.toLocaleString('en')} rows, ${count} margins, ${categories} categories, ${r.cellCount.toLocaleString('en')} distinct cells, tolerance ${TOLERANCE}`);
    console.log(`  read the CSV into columns (streamed): ${step(r.read)}`);
    console.log(`  prepareRaking (category codes):     ${step(r.prepare)}`);
    console.log(`  cellsOf (distinct combinations):    ${step(r.cells)}`);
    console.log(`  rakeCells:                          ${step(r.rake)}, ${r.iterations} sweeps, converged ${r.converged}, max relative error ${r.maxRelativeError.toExponential(2)}`);
    const raked = { ms: r.prepare.ms + r.cells.ms + r.rake.ms, cpuMs: r.prepare.cpuMs + r.cells.cpuMs + r.rake.cpuMs };
    console.log(`  raked (prepare + cells + rake):     ${step(raked)}; peak memory of the process (max RSS, read included): ${r.maxRssMb.toFixed(0)} MB`);
    if (!hasR) continue;
    console.log(`  R survey::rake, run for our ${r.iterations} sweeps (epsilon = 0, maxit = ${r.iterations}); times are R's elapsed time of rake() alone:`);
    const R = runR(dataPath, cellsPath, margins, r.iterations);
    const ours = r.cells.ms + r.rake.ms;
    const gap = Math.max(...R.first.map((w, i) => Math.abs(w - r.firstWeights[i])));
    console.log(`    same algorithm (the ${r.cellCount.toLocaleString('en')} cells weighted by their counts): ${R.cellsMs.toFixed(0)} ms, max relative error ${R.cellsErr.toExponential(2)}`);
    console.log(`      ratio R cells / ours (cells + rake): ${(R.cellsMs / ours).toFixed(1)}x`);
    console.log(`    R's usual path (every row, character columns): ${R.rowsMs.toFixed(0)} ms, max relative error ${R.rowsErr.toExponential(2)}; first 5 weights differ from ours by at most ${gap.toExponential(2)}`);
    console.log(`      ratio R every row / ours (prepare + cells + rake): ${(R.rowsMs / raked.ms).toFixed(1)}x (not like for like: R passes over every row)`);
  }
  if (!hasR) console.log(process.env.BENCH_SKIP_R ? '\nBENCH_SKIP_R set: R comparison skipped.' : '\nRscript not found: R comparison skipped.');
}

try {
  if (process.env.BENCH_ONLY !== 'report') benchRaking();
  if (process.env.BENCH_ONLY !== 'rake') await benchReport(dir, N);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
