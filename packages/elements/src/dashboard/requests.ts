/**
 * The dashboard's reads of the collector (docs/dashboard.md): each answer is checked with the core's
 * zod schemas of the `/v1` contract before anything is shown, and every failure is a typed
 * `DashboardError` with a stable code. The structure key goes in the `Authorization` header only.
 */
import { ObservatoireError } from '@observatoire/core';
import type { ObservatoireReport } from '@observatoire/core/analysis';
import { CampaignList, CampaignProgress, ParticipantResults, type Campaign } from '@observatoire/core/api';
import { checkReport } from '../report/check.js';

export type DashboardErrorCode = 'no_key' | 'key_refused' | 'key_revoked' | 'load_failed' | 'bad_response' | 'report_load_failed';

/**
 * The dashboard cannot read the collector: no key given (`no_key`), a key refused (`key_refused`,
 * 401/403) or revoked (`key_revoked`), a network or server failure (`load_failed`, with the HTTP
 * `status` when there was one), or an answer that does not follow the contract (`bad_response`); or
 * `<obs-report>`'s own file could not be fetched to show the report (`report_load_failed`).
 *
 * @example
 * dashboard.addEventListener('obs-error', (e) => { if (e.detail.code === 'key_revoked') askForANewKey(); });
 */
export class DashboardError extends ObservatoireError {
  declare readonly code: DashboardErrorCode;
  readonly status: number | undefined;
  constructor(code: DashboardErrorCode, message: string, status?: number) {
    super(code, message);
    this.status = status;
  }
}

/** An answer read, or `unchanged` when the collector said `304` to the `ETag` sent. */
export type Read<T> = { kind: 'read'; body: T; etag: string | null } | { kind: 'unchanged' };

/** Where and with which key the dashboard reads. */
export interface Reader {
  endpoint: string;
  apiKey: string | undefined;
  signal?: AbortSignal;
}

async function read<T>(reader: Reader, path: string, check: (json: unknown) => T, etag?: string): Promise<Read<T>> {
  if (!reader.apiKey) throw new DashboardError('no_key', 'No structure key: set the apiKey property.');
  const url = new URL(path.replace(/^\//, ''), new URL(reader.endpoint.replace(/\/?$/, '/'), document.baseURI));
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${reader.apiKey}`, ...(etag ? { 'If-None-Match': etag } : {}) },
      ...(reader.signal ? { signal: reader.signal } : {}),
    });
  } catch (error) {
    if (reader.signal?.aborted) throw error;
    throw new DashboardError('load_failed', `cannot reach ${url.origin}: ${(error as Error).message}`);
  }
  if (response.status === 304) return { kind: 'unchanged' };
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const code = (json as { error?: unknown } | undefined)?.error;
    if (code === 'key_revoked') throw new DashboardError('key_revoked', 'This key was revoked.', response.status);
    if (response.status === 401 || response.status === 403) throw new DashboardError('key_refused', `The collector refused the key (${response.status}).`, response.status);
    throw new DashboardError('load_failed', `${url.pathname} answered ${response.status}`, response.status);
  }
  return { kind: 'read', body: check(json), etag: response.headers.get('ETag') };
}

/** What the dashboard needs of a `@observatoire/core/api` schema. */
interface Schema<T> {
  safeParse(json: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } };
}

function schemaCheck<T>(schema: Schema<T>, what: string): (json: unknown) => T {
  return (json) => {
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new DashboardError('bad_response', `${what} does not follow the collector's contract: ${parsed.error.issues[0]?.path.map(String).join('.') ?? ''}`);
    return parsed.data;
  };
}

const campaignsCheck = schemaCheck(CampaignList, 'The list of campaigns');
const progressCheck = schemaCheck(CampaignProgress, 'A campaign’s progress');
const resultsCheck = schemaCheck(ParticipantResults, 'A participant’s results');

/**
 * The campaigns the key opens.
 *
 * @example
 * const campaigns = await readCampaigns({ endpoint: '/collector', apiKey });
 */
export async function readCampaigns(reader: Reader): Promise<Campaign[]> {
  const answer = await read(reader, '/v1/campaigns', campaignsCheck);
  return answer.kind === 'read' ? answer.body : [];
}

/**
 * One page of a campaign's progress (`after`: the `next` of the previous page); `unchanged` when the
 * `etag` given is still the page's.
 *
 * @example
 * const page = await readProgress(reader, 'KXR-482', { limit: 100 });
 */
export function readProgress(reader: Reader, code: string, options: { after?: string | null; limit?: number; etag?: string } = {}): Promise<Read<CampaignProgress>> {
  const query = new URLSearchParams({ limit: String(options.limit ?? 100), ...(options.after ? { after: options.after } : {}) });
  return read(reader, `/v1/campaigns/${encodeURIComponent(code)}/progress?${query}`, progressCheck, options.etag);
}

/**
 * One participant's results.
 *
 * @example
 * const results = await readResults(reader, sessionId);
 */
export async function readResults(reader: Reader, sessionId: string): Promise<ParticipantResults> {
  const answer = await read(reader, `/v1/sessions/${encodeURIComponent(sessionId)}`, resultsCheck);
  if (answer.kind !== 'read') throw new DashboardError('bad_response', 'The results answered 304 without being asked.');
  return answer.body;
}

/**
 * The structure's report (its organisation beside the national figures), or `null` when there is no
 * valid respondent yet (`409 no_valid_respondents`).
 *
 * @example
 * const report = await readReport(reader);
 */
export async function readReport(reader: Reader): Promise<ObservatoireReport | null> {
  try {
    const answer = await read(reader, '/v1/report', (json) => {
      try {
        return checkReport(json);
      } catch (error) {
        throw new DashboardError('bad_response', `The report is not readable: ${(error as Error).message}`);
      }
    });
    return answer.kind === 'read' ? answer.body : null;
  } catch (error) {
    if (error instanceof DashboardError && error.status === 409) return null;
    throw error;
  }
}
