/** Checking that loaded data is an `ObservatoireReport` this element can read, before rendering it. */
import { ObservatoireError } from '@observatoire/core';
import { REPORT_VERSION, type ObservatoireReport } from '@observatoire/core/analysis';

export type ReportLoadErrorCode = 'load_failed' | 'not_json' | 'invalid_report' | 'unsupported_version';

/**
 * A report that cannot be shown: the fetch failed (`load_failed`, with the HTTP `status` when there
 * was one), the body is not JSON (`not_json`), not a report (`invalid_report`, `detail` says what is
 * missing) or of another format version (`unsupported_version`).
 *
 * @example
 * try { checkReport(data) } catch (e) { if (e instanceof ReportLoadError) console.error(e.code, e.message) }
 */
export class ReportLoadError extends ObservatoireError {
  declare readonly code: ReportLoadErrorCode;
  readonly status: number | undefined;
  readonly detail: string | undefined;
  constructor(code: ReportLoadErrorCode, message: string, options: { status?: number; detail?: string } = {}) {
    super(code, message);
    this.status = options.status;
    this.detail = options.detail;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function distributionOk(value: unknown): boolean {
  return isObject(value) && typeof value['n'] === 'number' && Array.isArray(value['categories']) && value['categories'].every((c) => isObject(c) && typeof c['category'] === 'string' && typeof c['proportion'] === 'number' && typeof c['low'] === 'number' && typeof c['high'] === 'number');
}

/**
 * A mean over nobody (a breakdown group with nobody levelled) has no value: JSON writes it `null`. It is
 * a legitimate figure, shown as a dash (docs/report-element.md), not a broken report.
 */
function meanOk(value: unknown): boolean {
  return isObject(value) && (typeof value['mean'] === 'number' || (value['mean'] === null && value['n'] === 0));
}

function indicatorsOk(value: unknown): boolean {
  return (
    isObject(value) &&
    ['distance', 'staircase', 'illectronisme', 'halo', 'profiles'].every((key) => distributionOk(value[key])) &&
    meanOk(value['meanStaircaseLevel']) &&
    Array.isArray(value['courses']) &&
    value['courses'].every((c) => isObject(c) && typeof c['course'] === 'number' && isObject(c['counts']) && isObject(c['passed']))
  );
}

/**
 * The data as a report, or a `ReportLoadError` saying what is wrong. Checks the format marker, the
 * version and the parts the element reads (not every number of the contract).
 *
 * @example
 * const report = checkReport(await (await fetch('report.json')).json());
 */
export function checkReport(data: unknown): ObservatoireReport {
  const fail = (detail: string): never => {
    throw new ReportLoadError('invalid_report', `not an Observatoire report: ${detail}`, { detail });
  };
  if (!isObject(data)) return fail('not an object');
  if (data['format'] !== 'observatoire-report') return fail('no "format": "observatoire-report"');
  if (data['version'] !== REPORT_VERSION) {
    throw new ReportLoadError('unsupported_version', `report version ${String(data['version'])}, this element reads version ${REPORT_VERSION}`, { detail: String(data['version']) });
  }
  const sessions = data['sessions'];
  if (!isObject(sessions) || !['total', 'analysed', 'testNotTaken', 'course1NotFinished', 'under15', 'filledByMediator', 'resumed'].every((key) => typeof sessions[key] === 'number') || !isObject(sessions['excluded']))
    fail('"sessions" is missing or incomplete');
  const weighting = data['weighting'];
  if (!isObject(weighting) || (weighting['method'] !== 'raking' && weighting['method'] !== 'none') || !Array.isArray(weighting['margins'])) fail('"weighting" is missing or incomplete');
  if (!indicatorsOk(data['national'])) fail('"national" is missing or incomplete');
  if (typeof data['minimumRespondents'] !== 'number') fail('"minimumRespondents" is missing');
  if (typeof data['minimumCellSize'] !== 'number') fail('"minimumCellSize" is missing');
  const progress = data['progress'];
  if (!isObject(progress) || typeof progress['target'] !== 'number' || !isObject(progress['window']) || !Array.isArray(progress['territories'])) fail('"progress" is missing or incomplete');
  const breakdownOk = (b: unknown) => isObject(b) && typeof b['variable'] === 'string' && Array.isArray(b['groups']) && b['groups'].every((g) => isObject(g) && typeof g['category'] === 'string' && indicatorsOk(g['indicators']));
  if (!Array.isArray(data['breakdowns']) || !data['breakdowns'].every(breakdownOk)) fail('"breakdowns" is missing or has a bad entry');
  if (!Array.isArray(data['items']) || !data['items'].every((it) => isObject(it) && typeof it['challengeId'] === 'string')) fail('"items" is missing or has a bad entry');
  const domainOk = (d: unknown) => isObject(d) && typeof d['kind'] === 'string' && typeof d['code'] === 'string' && typeof d['n'] === 'number' && (d['status'] === 'too_few_respondents' || (d['status'] === 'estimated' && indicatorsOk(d['indicators'])));
  if (!Array.isArray(data['domains']) || !data['domains'].every(domainOk)) fail('"domains" is missing or has a bad entry');
  const profileOk = (p: unknown) => isObject(p) && typeof p['profile'] === 'string' && typeof p['n'] === 'number' && (p['status'] === 'too_few_respondents' || (p['status'] === 'estimated' && indicatorsOk(p['indicators'])));
  if (!Array.isArray(data['profiles']) || !data['profiles'].every(profileOk)) fail('"profiles" is missing or has a bad entry');
  if (data['focus'] !== undefined && !domainOk(data['focus'])) fail('"focus" is not a domain');
  return data as unknown as ObservatoireReport;
}
