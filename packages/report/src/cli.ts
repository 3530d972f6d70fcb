/**
 * `observatoire report --data export.csv --margins margins.json [--territory dep:35] [--format html|json|md|csv] [--out file]`
 */
import { createReadStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ObservatoireError } from '@observatoire/core';
import { buildReport, createCsvTableReader, parseTerritory, ReportError, rowsOfTable, tableFromRows, type CsvTableOptions, type ExportTable, type Margin, type ReportLang, type SurveySelection } from '@observatoire/core/analysis';
import { communeSizes, territoryNames } from './geography.js';
import { reportDefinitions } from './definitions.js';
import { parseMarginsFile } from './margins-file.js';
import { runAdmin } from './admin-cli.js';
import { runCalibrate } from './calibrate.js';
import { renderCsvTables, renderHtml, renderMarkdown } from './render.js';

const USAGE = `Usage: observatoire report --data <export.csv|export.json> --margins <margins.json|margins.csv>
         [--territory dep:35|region:53|epci:<SIREN>|org:<code>] [--format html|json|md|csv] [--out <file>]
         [--lang fr|en] [--cap <multiple of the mean weight>] [--no-weighting] [--interval linearised|wilson]
         [--survey <survey_id>[@<from version>[..<to version>]]] [--mix-surveys] [--duplicate-window <hours>]
         [--only-mediator-filled | --no-mediator-filled] [--only-resumed | --no-resumed]
         [--window <from>..<to> (ISO dates; default October to December)]
         [--refusals <refusals.csv|refusals.json> (the collector's refusals export)]
         [--definition <survey.json> (a survey definition besides the content package's; repeatable)]
Reads the collector's export, weights it on the margins, writes the report (stdout without --out;
with --format csv, --out is a folder that gets one CSV file per table). The export's survey picks
the report: a quick diagnostic (a definition with capacities) gets its own.`;

/** Files at least this big get a progress bar on stderr. */
export const PROGRESS_THRESHOLD_BYTES = 1 << 20;

class UsageError extends Error {}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.floor((done / total) * 100)} % (${(done / 1e6).toFixed(1)} / ${(total / 1e6).toFixed(1)} MB)`;
}

/**
 * Export columns the report never reads, left out when the export is read (docs/analysis.md, "Performance"):
 * `session_id` has one value per row, the costliest column to encode; the others are not used by any figure.
 */
export const UNREAD_COLUMNS: readonly string[] = ['session_id', 'campaign', 'lang', 'left_mid_course', 'interruptions', 'test_time_seconds', 'postal_code'];

/** Export columns read as instants, not text (docs/analysis.md, "Start times"): nearly each value differs. */
export const INSTANT_COLUMNS: readonly string[] = ['started_at'];

/**
 * Reads the export CSV streamed, straight into columns (no object per row), drawing a progress bar on stderr for
 * large files.
 */
async function readCsvTableFile(path: string, stderr: NodeJS.WritableStream & { isTTY?: boolean }, options: CsvTableOptions = {}): Promise<ExportTable> {
  const size = statSync(path).size;
  const showProgress = size >= PROGRESS_THRESHOLD_BYTES;
  const reader = createCsvTableReader(options);
  let done = 0;
  let lastStep = -1;
  // The file's bytes as they come, in chunks of 1 MB (the reader decodes only the values it has not seen; a chunk is
  // memory outside the JavaScript heap, so its size costs no garbage collection).
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    done += buf.length;
    reader.push(buf);
    if (showProgress) {
      const step = Math.floor((done / size) * 20);
      if (stderr.isTTY) stderr.write(`\r${progressBar(done, size)}`);
      else if (step !== lastStep) stderr.write(`${progressBar(done, size)}\n`);
      lastStep = step;
    }
  }
  const table = reader.end();
  if (showProgress && stderr.isTTY) stderr.write('\n');
  return table;
}

async function readJsonRows(path: string): Promise<Record<string, string>[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new ReportError('missing_column', `${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(data) || data.some((r) => typeof r !== 'object' || r === null || Object.values(r as object).some((v) => typeof v !== 'string'))) {
    throw new ReportError('missing_column', `${path}: expected the JSON export, an array of objects whose values are strings`);
  }
  return data as Record<string, string>[];
}

interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * Runs the command; resolves to the exit code (0 ok, 1 bad input or file, 2 bad usage).
 *
 * @example
 * process.exitCode = await main(['report', '--data', 'export.csv', '--margins', 'margins.json', '--out', 'rapport.html']);
 */
export async function main(argv: readonly string[], streams: Streams = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const { stdout, stderr } = streams;
  // `observatoire calibrate`: the adaptive bank's calibration, in its own module.
  if (argv[0] === 'calibrate') return runCalibrate(argv, streams);
  // `observatoire admin`: organisations, campaigns and keys of a collector, through its API.
  if (argv[0] === 'admin') return runAdmin(argv, streams);
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        allowPositionals: true,
        options: {
          data: { type: 'string' },
          margins: { type: 'string' },
          territory: { type: 'string' },
          format: { type: 'string' },
          out: { type: 'string' },
          lang: { type: 'string' },
          cap: { type: 'string' },
          'no-weighting': { type: 'boolean' },
          survey: { type: 'string' },
          interval: { type: 'string' },
          window: { type: 'string' },
          'mix-surveys': { type: 'boolean' },
          'duplicate-window': { type: 'string' },
          'only-mediator-filled': { type: 'boolean' },
          'no-mediator-filled': { type: 'boolean' },
          'only-resumed': { type: 'boolean' },
          'no-resumed': { type: 'boolean' },
          refusals: { type: 'string' },
          definition: { type: 'string', multiple: true },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals[0] !== 'report' || positionals.length > 1) throw new UsageError(`unknown command "${positionals.join(' ')}"; the command is "report" (or "calibrate", "admin")`);
    if (!values.data) throw new UsageError('--data is required (the collector export, CSV or JSON)');
    if (!values.margins && !values['no-weighting']) throw new UsageError('--margins is required (or --no-weighting to report unweighted figures)');
    const format = values.format ?? (values.out ? extname(values.out).slice(1) : 'md');
    if (format !== 'html' && format !== 'json' && format !== 'md' && format !== 'csv') throw new UsageError(`--format must be html, json, md or csv (got "${format}")`);
    const lang = (values.lang ?? 'fr') as ReportLang;
    if (lang !== 'fr' && lang !== 'en') throw new UsageError(`--lang must be fr or en (got "${String(values.lang)}")`);
    const cap = values.cap === undefined ? undefined : Number(values.cap);
    if (cap !== undefined && !(cap > 1)) throw new UsageError(`--cap must be a number above 1 (got "${values.cap}")`);
    const territory = values.territory === undefined ? undefined : parseTerritory(values.territory);
    const survey = values.survey === undefined ? undefined : parseSurvey(values.survey);
    const interval = values.interval ?? 'linearised';
    if (interval !== 'linearised' && interval !== 'wilson') throw new UsageError(`--interval must be linearised or wilson (got "${interval}")`);
    const window = values['duplicate-window'] === undefined ? undefined : Number(values['duplicate-window']);
    if (window !== undefined && !(window >= 0)) throw new UsageError(`--duplicate-window must be a number of hours, 0 or more (got "${values['duplicate-window']}")`);
    const windowMatch = values.window === undefined ? undefined : /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(values.window);
    if (values.window !== undefined && !windowMatch) throw new UsageError(`--window must be <from>..<to> in ISO dates, e.g. 2026-10-01..2026-12-31 (got "${values.window}")`);
    const filter: { filledByMediator?: boolean; resumed?: boolean } = {};
    if (values['only-mediator-filled'] && values['no-mediator-filled']) throw new UsageError('--only-mediator-filled and --no-mediator-filled cannot be given together');
    if (values['only-resumed'] && values['no-resumed']) throw new UsageError('--only-resumed and --no-resumed cannot be given together');
    if (values['only-mediator-filled'] || values['no-mediator-filled']) filter.filledByMediator = values['only-mediator-filled'] === true;
    if (values['only-resumed'] || values['no-resumed']) filter.resumed = values['only-resumed'] === true;

    let margins: Margin[] = [];
    if (values.margins && !values['no-weighting']) {
      const text = await readFile(values.margins, 'utf8');
      margins = parseMarginsFile(text, extname(values.margins).toLowerCase() === '.csv' ? 'csv' : 'json');
    }
    const table = extname(values.data).toLowerCase() === '.json' ? tableFromRows(await readJsonRows(values.data)) : await readCsvTableFile(values.data, stderr, { skip: UNREAD_COLUMNS, instants: INSTANT_COLUMNS });
    const refusals = values.refusals === undefined ? undefined : await readRefusals(values.refusals, stderr);
    const definitions = await reportDefinitions(values.definition ?? []);
    const report = buildReport(table, margins, {
      definitions,
      ...(refusals ? { refusals } : {}),
      ...(territory ? { territory } : {}),
      ...(cap !== undefined ? { cap } : {}),
      ...(survey ? { survey } : {}),
      ...(windowMatch ? { collectionWindow: { from: windowMatch[1] as string, to: windowMatch[2] as string } } : {}),
      interval: interval === 'wilson' ? 'wilson_effective_n' : 'linearised',
      ...(values['mix-surveys'] ? { mixSurveys: true } : {}),
      ...(window !== undefined ? { duplicateWindowHours: window } : {}),
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
      generatedAt: new Date().toISOString(),
      names: territoryNames(),
      communeSizes: communeSizes(),
    });
    if (!report.weighting.converged) stderr.write(`warning: weighting did not converge after ${report.weighting.iterations} sweeps (max relative error ${report.weighting.maxRelativeError.toExponential(2)})\n`);
    if (format === 'csv') {
      const tables = renderCsvTables(report, lang);
      if (values.out) {
        // A folder of CSV files, one per table.
        mkdirSync(values.out, { recursive: true });
        for (const t of tables) writeFileSync(join(values.out, t.name), t.csv);
        stderr.write(`${tables.length} CSV tables written to ${values.out} (${report.sessions.analysed} sessions analysed)\n`);
      } else stdout.write(tables.map((t) => t.csv).join('\r\n'));
      return 0;
    }
    const output = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'html' ? renderHtml(report, lang) : renderMarkdown(report, lang);
    if (values.out) {
      writeFileSync(values.out, output);
      stderr.write(`report written to ${values.out} (${report.sessions.analysed} sessions analysed)\n`);
    } else stdout.write(output);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      stderr.write(`error: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ObservatoireError) {
      stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      stderr.write(`error: cannot read ${(e as NodeJS.ErrnoException).path ?? 'file'} (${code})\n`);
      return 1;
    }
    throw e;
  }
}

/** The refusals export (docs/export-format.md, "Refusals"), CSV or JSON; a file without `reason` is refused. */
async function readRefusals(path: string, stderr: Streams['stderr']): Promise<Record<string, string>[]> {
  if (extname(path).toLowerCase() === '.json') {
    const rows = await readJsonRows(path);
    if (rows.length > 0 && !('reason' in rows[0]!)) throw missingReason(path);
    return rows;
  }
  const table = await readCsvTableFile(path, stderr);
  if (table.length > 0 && !table.columns.has('reason')) throw missingReason(path);
  return rowsOfTable(table);
}

function missingReason(path: string): ReportError {
  return new ReportError('missing_column', `${path} has no "reason" column; give the collector's refusals export (GET /v1/export/refusals)`);
}

/**
 * Reads `--survey`: `observatoire-2025`, `observatoire-2025@2025.1` (one version) or `observatoire-2025@2025.1..2025.3`.
 *
 * @example
 * parseSurvey('observatoire-2025@2025.1..2025.3'); // { surveyId: 'observatoire-2025', fromVersion: '2025.1', toVersion: '2025.3' }
 */
export function parseSurvey(spec: string): SurveySelection {
  const match = /^([A-Za-z0-9_-]+)(?:@([^.\s][^\s]*?)(?:\.\.([^\s]+))?)?$/.exec(spec.trim());
  if (!match) throw new UsageError(`--survey "${spec}" is not understood; write <survey_id>, <survey_id>@<version> or <survey_id>@<from>..<to>`);
  const [, surveyId, from, to] = match;
  if (from === undefined) return { surveyId: surveyId as string };
  return { surveyId: surveyId as string, fromVersion: from, toVersion: to ?? from };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
