/**
 * Raking without a weight cap on the two blocks of margins of `cells.ts` (docs/analysis.md, "Performance").
 * From weights 1, every adjustment multiplies a weight by a factor of the respondent's category, so a cell's
 * weight is α(its block-A combination) × β(its block-B combination). A margin of block A then needs only, per
 * block-A combination x, α(x) × S_A(x) with S_A(x) = Σ over its cells of respondents × β: S_A changes only
 * when β does. One sweep is therefore one pass over the cells per block, plus passes over the block
 * combinations (a few hundred or thousand), instead of one pass over the cells per margin. The adjustments
 * are the same, margin after margin in the given order, with the same stopping rule; sums are grouped
 * differently, so weights agree with a per-cell loop to rounding.
 */
import type { CategoryCodes, CellBlock, Cells } from './cells.js';

/** What a raking loop gives back: per-cell weights and the margins' totals at those weights. */
export interface CellRaking {
  w: Float64Array;
  totals: Float64Array;
  iterations: number;
  converged: boolean;
  error: number;
}

/** The stopping rule and the targets, shared with the per-cell loop of `rake.ts`. */
export interface RakingLoop {
  targets: Float64Array;
  tolerance: number;
  maxIterations: number;
  /** Max relative error of the totals against the targets. */
  error: (totals: Float64Array) => number;
}

/** Per combination of one block, the sum over its cells of respondents × the other block's factor. */
function crossSums(s: Float64Array, own: Int32Array, other: Int32Array, otherFactor: Float64Array, count: Float64Array): void {
  s.fill(0);
  for (let c = 0; c < count.length; c++) {
    const x = own[c] as number;
    s[x] = (s[x] as number) + (count[c] as number) * (otherFactor[other[c] as number] as number);
  }
}

/** The totals of the block's margin k (its categories cleared first). */
function marginTotals(codes: CategoryCodes, factor: Float64Array, s: Float64Array, totals: Float64Array, from: number, to: number): void {
  totals.fill(0, from, to);
  for (let x = 0; x < codes.length; x++) {
    const g = codes[x] as number;
    totals[g] = (totals[g] as number) + (factor[x] as number) * (s[x] as number);
  }
}

/** Adjusts each margin of the block in turn: its totals, then every combination's factor × target / total. */
function adjustBlock(block: CellBlock, factor: Float64Array, s: Float64Array, offsets: Int32Array, loop: RakingLoop, totals: Float64Array, ratio: Float64Array): void {
  block.categories.forEach((codes, k) => {
    const j = block.first + k;
    const from = offsets[j] as number;
    const to = offsets[j + 1] as number;
    marginTotals(codes, factor, s, totals, from, to);
    for (let g = from; g < to; g++) ratio[g] = (loop.targets[g] as number) / (totals[g] as number);
    for (let x = 0; x < codes.length; x++) factor[x] = (factor[x] as number) * (ratio[codes[x] as number] as number);
  });
}

function blockTotals(block: CellBlock, factor: Float64Array, s: Float64Array, offsets: Int32Array, totals: Float64Array): void {
  block.categories.forEach((codes, k) => marginTotals(codes, factor, s, totals, offsets[block.first + k] as number, offsets[block.first + k + 1] as number));
}

/**
 * Rakes on the two blocks (no cap). Returns the per-cell weights.
 *
 * @example
 * const { w, iterations } = rakeBlocks(cells, { targets, tolerance: 1e-9, maxIterations: 1000, error });
 */
export function rakeBlocks(cells: Cells, loop: RakingLoop): CellRaking {
  const { a, b, cellA, cellB } = cells.blocks;
  const { count, offsets } = cells;
  const alpha = new Float64Array(a.size).fill(1);
  const beta = new Float64Array(b.size).fill(1);
  const sA = new Float64Array(a.size);
  const sB = new Float64Array(b.size);
  const totals = new Float64Array(loop.targets.length);
  const ratio = new Float64Array(loop.targets.length);
  crossSums(sA, cellA, cellB, beta, count);
  crossSums(sB, cellB, cellA, alpha, count);
  blockTotals(a, alpha, sA, offsets, totals);
  blockTotals(b, beta, sB, offsets, totals);
  let error = loop.error(totals);
  let iterations = 0;
  let converged = error <= loop.tolerance;
  while (!converged && iterations < loop.maxIterations) {
    iterations++;
    adjustBlock(a, alpha, sA, offsets, loop, totals, ratio);
    crossSums(sB, cellB, cellA, alpha, count);
    adjustBlock(b, beta, sB, offsets, loop, totals, ratio);
    // S_A at the new β serves the check and the next sweep; S_B is still at the current α.
    crossSums(sA, cellA, cellB, beta, count);
    blockTotals(a, alpha, sA, offsets, totals);
    blockTotals(b, beta, sB, offsets, totals);
    error = loop.error(totals);
    converged = error <= loop.tolerance;
  }
  const w = new Float64Array(cells.size);
  for (let c = 0; c < w.length; c++) w[c] = (alpha[cellA[c] as number] as number) * (beta[cellB[c] as number] as number);
  return { w, totals, iterations, converged, error };
}
