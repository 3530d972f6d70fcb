/** The weights of the kept respondents: raking on the margins, or equal weights without margins (docs/analysis.md). */
import { kish } from './estimates.js';
import { cellsOf } from './cells.js';
import { calibrationDesign, type CalibrationDesign } from './linearisation.js';
import { prepareRaking, type Margin } from './margins.js';
import { rakeCells, type RakeOptions } from './rake.js';
import type { ExportTable } from './table.js';
import type { WeightingSummary } from './report-types.js';

/**
 * Weights the kept respondents on the margins (every weight 1 without margins), with the summary the report shows and
 * the margins' design for the linearised variance. Throws `WeightingError` on bad margins.
 *
 * @example
 * const { weights, weighting } = weightRespondents(kept, margins, { cap: 5 });
 */
export function weightRespondents(kept: ExportTable, margins: readonly Margin[], options: RakeOptions): { weights: Float64Array; weighting: WeightingSummary; design: CalibrationDesign | undefined } {
  let weights: Float64Array;
  let weighting: WeightingSummary;
  let design: CalibrationDesign | undefined;
  if (margins.length === 0) {
    weights = new Float64Array(kept.length).fill(1);
    weighting = { method: 'none', iterations: 0, converged: true, maxRelativeError: 0, margins: [], minWeight: 1, maxWeight: 1, nEffective: kept.length, designEffect: 1 };
  } else {
    const problem = prepareRaking(kept, margins);
    const cells = cellsOf(problem);
    const r = rakeCells(problem, cells, options);
    // Capped weights still meet the margins, so the projection holds (as R's calibrate with bounds).
    design = calibrationDesign(problem, cells);
    weights = r.weights;
    const k = kish(weights);
    weighting = {
      method: 'raking',
      iterations: r.iterations,
      converged: r.converged,
      maxRelativeError: r.maxRelativeError,
      margins: r.margins.map((m) => {
        const input = margins.find((x) => x.variable === m.variable);
        const collapse = input?.type === 'categorical' ? Object.entries(input.collapse ?? {}) : [];
        return {
          variable: m.name,
          type: m.type,
          source: m.source,
          categories: m.categories.map((c) => {
            const merged = collapse.filter(([, to]) => to === c.category).map(([from]) => from);
            return merged.length > 0 ? { ...c, merged } : c;
          }),
        };
      }),
      minWeight: weights.reduce((a, b) => Math.min(a, b), Infinity),
      maxWeight: weights.reduce((a, b) => Math.max(a, b), -Infinity),
      nEffective: k.nEffective,
      designEffect: k.designEffect,
    };
    if (options.cap !== undefined) weighting.cap = options.cap;
  }
  return { weights, weighting, design };
}
