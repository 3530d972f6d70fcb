/**
 * `observatoire calibrate --data export.csv [--format json|md] [--out file] [--min-answers 100]`:
 * estimates 2PL item parameters from the collector's export (one row per session, a `ch_<id>`
 * status column per challenge) and lists the items to review (docs/adaptive.md, "Calibration").
 */
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { ObservatoireError } from '@observatoire/core';
import { createCsvParser, toRows } from '@observatoire/core/analysis';
import { calibrateTwoPL, REVIEW_THRESHOLDS, responsesFromExportRows, type CalibrationResult, type ReviewReason } from '@observatoire/core/adaptive';

export const CALIBRATE_USAGE = `Usage: observatoire calibrate --data <export.csv|export.json> [--format json|md] [--out <file>] [--min-answers <n>]
Estimates 2PL item parameters (marginal maximum likelihood, EM) from the collector's export,
with fit indices and the items to review.`;

interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const REASONS: Readonly<Record<ReviewReason, string>> = {
  few_answers: 'few answers',
  low_discrimination: `a below ${REVIEW_THRESHOLDS.minDiscrimination}`,
  extreme_difficulty: `|b| above ${REVIEW_THRESHOLDS.maxAbsDifficulty}`,
  poor_fit: `RMSD above ${REVIEW_THRESHOLDS.maxRmsd}`,
  at_bound: 'estimate at a bound',
};

/**
 * Runs `observatoire calibrate`; resolves to the exit code (0 ok, 1 bad data or file, 2 bad usage).
 *
 * @example
 * process.exitCode = await runCalibrate(['calibrate', '--data', 'export.csv', '--out', 'parametres.json']);
 */
export async function runCalibrate(argv: readonly string[], { stdout, stderr }: Streams): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { data: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, 'min-answers': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    return usage(stderr, (e as Error).message);
  }
  if (values.help) {
    stdout.write(`${CALIBRATE_USAGE}\n`);
    return 0;
  }
  if (!values.data) return usage(stderr, '--data is required (the collector export, CSV or JSON)');
  const format = values.format ?? (values.out ? extname(values.out).slice(1) : 'md');
  if (format !== 'json' && format !== 'md') return usage(stderr, `--format must be json or md (got "${format}")`);
  const minAnswers = values['min-answers'] === undefined ? 100 : Number(values['min-answers']);
  if (!(Number.isInteger(minAnswers) && minAnswers >= 1)) return usage(stderr, `--min-answers must be a whole number ≥ 1 (got "${values['min-answers']}")`);
  try {
    const text = await readFile(values.data, 'utf8');
    const rows = extname(values.data).toLowerCase() === '.json' ? (JSON.parse(text) as Record<string, string>[]) : csvRows(text);
    const result = calibrateTwoPL(responsesFromExportRows(rows), { minAnswers });
    const output = format === 'json' ? `${JSON.stringify(toJson(result), null, 2)}\n` : toMarkdown(result);
    if (values.out) {
      await writeFile(values.out, output);
      stderr.write(`parameters written to ${values.out} (${result.items.length} items, ${result.persons} sessions)\n`);
    } else stdout.write(output);
    if (!result.converged) stderr.write(`warning: EM did not converge after ${result.iterations} cycles\n`);
    return 0;
  } catch (e) {
    if (e instanceof ObservatoireError || e instanceof SyntaxError) {
      stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      stderr.write(`error: cannot read ${values.data} (${code})\n`);
      return 1;
    }
    throw e;
  }
}

function usage(stderr: NodeJS.WritableStream, message: string): number {
  stderr.write(`error: ${message}\n${CALIBRATE_USAGE}\n`);
  return 2;
}

function csvRows(text: string): Record<string, string>[] {
  const parser = createCsvParser();
  return toRows([...parser.push(text), ...parser.end()]);
}

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

function toJson(result: CalibrationResult): unknown {
  return {
    method: '2PL, marginal maximum likelihood (Bock–Aitkin EM), N(0, 1) ability',
    persons: result.persons,
    iterations: result.iterations,
    converged: result.converged,
    logLikelihood: round(result.logLikelihood, 2),
    items: result.items.map((item) => ({
      id: item.id,
      parameters: { a: round(item.a), b: round(item.b) },
      source: 'calibrated',
      se: { a: round(item.seA), b: round(item.seB) },
      answers: item.answers,
      pCorrect: round(item.pCorrect),
      rmsd: round(item.rmsd),
      review: item.review,
    })),
  };
}

function toMarkdown(result: CalibrationResult): string {
  const lines = [
    '# Calibration (2PL, marginal maximum likelihood)',
    '',
    `${result.persons} sessions, ${result.items.length} items, ${result.iterations} EM cycles, ${result.converged ? 'converged' : '**not converged**'}.`,
    '',
    '| item | a (SE) | b (SE) | answers | % right | RMSD | to review |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...result.items.map(
      (item) =>
        `| ${item.id} | ${item.a.toFixed(2)} (${item.seA.toFixed(2)}) | ${item.b.toFixed(2)} (${item.seB.toFixed(2)}) | ${item.answers} | ${Math.round(item.pCorrect * 100)} | ${item.rmsd.toFixed(3)} | ${item.review.map((r) => REASONS[r]).join(', ')} |`,
    ),
    '',
    `Items to review: ${result.items.filter((item) => item.review.length > 0).length}.`,
    '',
  ];
  return lines.join('\n');
}
