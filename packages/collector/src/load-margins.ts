/**
 * `MARGINS_FILE` for `GET /v1/report`: the same margins file as `npx observatoire report --margins`
 * (JSON or CSV, each figure with its source), read with `@observatoire/report`'s reader, and the
 * official territory names. Node only; `@observatoire/report` (an optional peer dependency) is loaded
 * only when a file is given, so a collector without the report package still starts (and serves
 * unweighted reports).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Margin } from '@observatoire/core/analysis';

/**
 * Reads the margins file; throws an error naming the file and what to fix.
 *
 * @example
 * const { margins, names } = await loadMargins('margins.json');
 */
export async function loadMargins(path: string): Promise<{ margins: Margin[]; names: Record<string, string> }> {
  let report: typeof import('@observatoire/report');
  try {
    report = await import('@observatoire/report');
  } catch {
    throw new Error(`MARGINS_FILE is set but @observatoire/report (the margins file reader) is not installed: npm install @observatoire/report`);
  }
  const text = await readFile(path, 'utf8');
  try {
    return { margins: report.parseMarginsFile(text, extname(path).toLowerCase() === '.csv' ? 'csv' : 'json'), names: report.territoryNames() };
  } catch (error) {
    throw new Error(`MARGINS_FILE ${path}: ${(error as Error).message}`);
  }
}
