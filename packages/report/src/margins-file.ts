/**
 * Margins files (JSON or CSV): shares, percentages or counts per category, each with its source.
 *
 * JSON: `{ "margins": [ { "variable", "type": "categorical" | "themes", "unit": "share" | "percent" | "count",
 * "total"?, "source", "targets": { code: number | { "value": number, "source": string } }, "collapse"? } ] }`.
 * CSV: columns `variable,type,category,value,unit,source` (+ optional `collapse_into`, `total`), one row per category.
 * Counts of a categorical margin are divided by their sum; counts of themes by `total` (respondents).
 */
import { parseCsv, ReportError, toRows, type Margin } from '@observatoire/core/analysis';

export type MarginUnit = 'share' | 'percent' | 'count';

interface RawTarget {
  value: number;
  source?: string;
}

interface RawMargin {
  variable: string;
  type: 'categorical' | 'themes';
  unit: MarginUnit;
  total?: number;
  source?: string;
  targets: Record<string, RawTarget>;
  collapse?: Record<string, string>;
}

function fail(message: string): never {
  throw new ReportError('invalid_margins_file', message);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function toMargin(raw: RawMargin, where: string): Margin {
  const entries = Object.entries(raw.targets);
  if (entries.length === 0) fail(`${where}: no category`);
  const sources = new Set<string>();
  if (raw.source) sources.add(raw.source);
  for (const [category, t] of entries) {
    if (typeof t.value !== 'number' || !Number.isFinite(t.value)) fail(`${where}.targets.${category}: the value must be a number`);
    if (t.source) sources.add(t.source);
    else if (!raw.source) fail(`${where}.targets.${category}: no source; give "source" for the margin or for each category`);
  }
  let divisor: number;
  if (raw.unit === 'share') divisor = 1;
  else if (raw.unit === 'percent') divisor = 100;
  else if (raw.type === 'categorical') divisor = entries.reduce((a, [, t]) => a + t.value, 0);
  else if (typeof raw.total === 'number' && raw.total > 0) divisor = raw.total;
  else fail(`${where}: counts of themes need "total", the number of respondents they were counted on`);
  const targets = Object.fromEntries(entries.map(([c, t]) => [c, t.value / divisor]));
  const source = [...sources].join(' ; ');
  if (raw.type === 'themes') return { type: 'themes', variable: raw.variable, targets, source };
  return { type: 'categorical', variable: raw.variable, targets, source, ...(raw.collapse ? { collapse: raw.collapse } : {}) };
}

function readJson(text: string): RawMargin[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail(`not valid JSON: ${(e as Error).message}`);
  }
  const list = isRecord(data) ? data.margins : undefined;
  if (!Array.isArray(list)) fail('expected an object with a "margins" array');
  return list.map((m: unknown, i): RawMargin => {
    const where = `margins[${i}]`;
    if (!isRecord(m)) fail(`${where}: expected an object`);
    const { variable, type, unit = 'share', total, source, targets, collapse } = m;
    if (typeof variable !== 'string' || variable === '') fail(`${where}.variable: expected the export column, e.g. "age_band"`);
    if (type !== 'categorical' && type !== 'themes') fail(`${where}.type: expected "categorical" or "themes"`);
    if (unit !== 'share' && unit !== 'percent' && unit !== 'count') fail(`${where}.unit: expected "share", "percent" or "count"`);
    if (source !== undefined && typeof source !== 'string') fail(`${where}.source: expected text`);
    if (!isRecord(targets)) fail(`${where}.targets: expected an object category → value`);
    if (collapse !== undefined && (!isRecord(collapse) || Object.values(collapse).some((v) => typeof v !== 'string'))) fail(`${where}.collapse: expected an object category → category`);
    const parsed: Record<string, RawTarget> = {};
    for (const [c, t] of Object.entries(targets)) {
      if (typeof t === 'number') parsed[c] = { value: t };
      else if (isRecord(t) && typeof t.value === 'number' && (t.source === undefined || typeof t.source === 'string')) parsed[c] = { value: t.value, ...(t.source ? { source: t.source } : {}) };
      else fail(`${where}.targets.${c}: expected a number or { "value": number, "source": "…" }`);
    }
    return {
      variable,
      type,
      unit,
      ...(typeof total === 'number' ? { total } : {}),
      ...(typeof source === 'string' ? { source } : {}),
      targets: parsed,
      ...(collapse ? { collapse: collapse as Record<string, string> } : {}),
    };
  });
}

function readCsv(text: string): RawMargin[] {
  const rows = toRows(parseCsv(text));
  const byVariable = new Map<string, RawMargin>();
  rows.forEach((row, i) => {
    const where = `line ${i + 2}`;
    for (const column of ['variable', 'type', 'category', 'value', 'unit', 'source']) if (row[column] === undefined) fail(`missing column "${column}" (expected variable,type,category,value,unit,source)`);
    const { variable = '', type, category = '', value = '', unit, source = '', collapse_into: into = '', total = '' } = row;
    if (type !== 'categorical' && type !== 'themes') fail(`${where}: type must be "categorical" or "themes"`);
    if (unit !== 'share' && unit !== 'percent' && unit !== 'count') fail(`${where}: unit must be "share", "percent" or "count"`);
    let m = byVariable.get(variable);
    if (!m) byVariable.set(variable, (m = { variable, type, unit, targets: {} }));
    if (m.type !== type || m.unit !== unit) fail(`${where}: ${variable} mixes types or units`);
    if (total !== '') m.total = Number(total);
    if (into !== '') (m.collapse ??= {})[category] = into;
    if (value === '') return;
    if (!/^-?\d+(\.\d+)?$/.test(value)) fail(`${where}: value "${value}" is not a number (use a dot for decimals)`);
    m.targets[category] = { value: Number(value), ...(source ? { source } : {}) };
  });
  return [...byVariable.values()];
}

/**
 * Reads a margins file's text into weighting margins. Throws `ReportError` `invalid_margins_file`
 * saying what to fix.
 *
 * @example
 * parseMarginsFile('{"margins":[{"variable":"q_genre","type":"categorical","unit":"percent","source":"Enquête 2023","targets":{"feminin":72,"masculin":28}}]}', 'json');
 */
export function parseMarginsFile(text: string, format: 'json' | 'csv'): Margin[] {
  const raw = format === 'json' ? readJson(text) : readCsv(text);
  if (raw.length === 0) fail('no margin in the file');
  const margins = raw.map((m, i) => toMargin(m, format === 'json' ? `margins[${i}]` : m.variable));
  // A file marked `"example": true` must never pass for official margins: every report that uses
  // it says so wherever a source is shown.
  return isExample(text, format) ? margins.map((m) => ({ ...m, source: `${EXAMPLE_PREFIX}${m.source}` })) : margins;
}

/** Put before the source of every margin of a file marked `"example": true`. */
export const EXAMPLE_PREFIX = 'EXEMPLE, marges non officielles (example, not official margins) : ';

function isExample(text: string, format: 'json' | 'csv'): boolean {
  if (format !== 'json') return false;
  const data: unknown = JSON.parse(text);
  return isRecord(data) && data.example === true;
}
