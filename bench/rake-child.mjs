// One raking run of `npm run bench:analysis`, in a process of its own so that its peak memory is its own:
// reads the CSV file streamed into columns, prepares the margins, builds the cells and rakes.
// Prints one JSON line; writes the cells (categories and respondent count) for R beside the data.
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
// Internals of the raking (not public API): imported from the source, as the bench runs with tsx.
import { readCsvTable } from '../packages/core/src/analysis/csv-table.ts';
import { prepareRaking } from '../packages/core/src/analysis/margins.ts';
import { cellsOf } from '../packages/core/src/analysis/cells.ts';
import { rakeCells } from '../packages/core/src/analysis/rake.ts';

const [csvPath, marginsPath, cellsPath, tolerance] = process.argv.slice(2);
const margins = JSON.parse(readFileSync(marginsPath, 'utf8'));


/** Wall and CPU time of one step (the machine may be shared: CPU time says what the step itself cost). */
function timed(step) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = step();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const readCpu0 = process.cpuUsage();
let t0 = performance.now();
// The file's bytes as they come, as the report command reads them.
const table = await readCsvTable(createReadStream(csvPath, { highWaterMark: 1 << 20 }));
const read = { ms: performance.now() - t0, cpuMs: ((c) => (c.user + c.system) / 1000)(process.cpuUsage(readCpu0)) };
const prepare = timed(() => prepareRaking(table, margins));
const problem = prepare.value;
const cellsStep = timed(() => cellsOf(problem));
const cells = cellsStep.value;
const rake = timed(() => rakeCells(problem, cells, { tolerance: Number(tolerance) }));
const result = rake.value;
const maxRssMb = process.resourceUsage().maxRSS / 1024;

// The cells for R: one line per cell, its category on each margin and its respondent count.
const lines = [[...problem.margins.map((m) => m.variable), 'count'].join(',')];
const M = problem.margins.length;
for (let c = 0; c < cells.size; c++) lines.push([...problem.margins.map((m, j) => m.categories[cells.categories[j][c] - cells.offsets[j]]), cells.count[c]].join(','));
writeFileSync(cellsPath, lines.join('\n') + '\n');

console.log(JSON.stringify({
  n: table.length,
  cellCount: cells.size,
  read: { ms: read.ms, cpuMs: read.cpuMs },
  prepare: { ms: prepare.ms, cpuMs: prepare.cpuMs },
  cells: { ms: cellsStep.ms, cpuMs: cellsStep.cpuMs },
  rake: { ms: rake.ms, cpuMs: rake.cpuMs },
  iterations: result.iterations,
  converged: result.converged,
  maxRelativeError: result.maxRelativeError,
  maxRssMb,
  firstWeights: Array.from(result.weights.subarray(0, 5)),
}));
