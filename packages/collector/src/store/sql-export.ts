/**
 * Sessions read back from SQL with their questionnaire, answers and events: one by id, or all
 * of them page by page for the export (docs/collector.md, "Export"), so memory stays constant
 * whatever the number of sessions.
 */
import type { SqlClient } from './sql-client.js';
import { ANSWER_COLUMNS, EVENT_COLUMNS, QUESTIONNAIRE_COLUMNS, SESSION_COLUMNS, toAnswer, toEvent, toQuestionnaire, toSession } from './sql-rows.js';
import type { SessionData, SessionFilter, SessionKey } from './types.js';

/**
 * The sessions matching `filter`, ordered by `receivedAt` then id, `pageSize` at a time (keyset
 * pagination: each page starts after the last session of the previous one).
 *
 * @example
 * for await (const data of streamSessionData(client, { organisation: 'org-1' }, 500)) write(data);
 */
export function streamSessionData(client: SqlClient, filter: SessionFilter, pageSize: number): AsyncIterable<SessionData> {
  return keysetPages(filter, pageSize, (sessionSql, params) => loadSessionData(client, sessionSql, params));
}

/**
 * Keyset pagination over a table of sessions (`received_at`, `id`, `organisation`, `started_at`):
 * `load` gets the `WHERE … ORDER BY … LIMIT` of each page and its parameters. Shared by the
 * survey's sessions and the adaptive tests' (`sql-adaptive.ts`). A table without a `campaign`
 * column (`campaigns: false`, the adaptive tests') has no row for a campaign filter.
 *
 * @example
 * yield* keysetPages(filter, 500, (sql, params) => loadAdaptive(`SELECT … FROM adaptive_sessions ${sql}`, params), { campaigns: false });
 */
export async function* keysetPages<T extends { session: SessionKey }>(
  filter: SessionFilter,
  pageSize: number,
  load: (sessionSql: string, params: unknown[]) => Promise<T[]>,
  options: { campaigns?: boolean } = {},
): AsyncIterable<T> {
  if (options.campaigns === false && (filter.campaign !== undefined || filter.campaignOrganisation !== undefined)) return;
  let after = filter.after;
  for (;;) {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => (params.push(value), `$${params.length}`);
    if (after) conditions.push(`(received_at, id) > (${param(after.receivedAt)}::bigint, ${param(after.id)}::text)`);
    if (filter.organisation !== undefined) conditions.push(`organisation = ${param(filter.organisation)}`);
    if (filter.campaign !== undefined) conditions.push(`campaign = ${param(filter.campaign)}`);
    if (filter.campaignOrganisation !== undefined)
      conditions.push(`campaign IN (SELECT code FROM campaigns WHERE organisation = ${param(filter.campaignOrganisation)})`);
    if (filter.startedFrom !== undefined) conditions.push(`started_at >= ${param(filter.startedFrom)}::bigint`);
    if (filter.startedBefore !== undefined) conditions.push(`started_at < ${param(filter.startedBefore)}::bigint`);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const page = await load(`${where} ORDER BY received_at, id LIMIT ${param(pageSize)}::int`, params);
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = { receivedAt: last.session.receivedAt, id: last.session.id };
  }
}

/**
 * One consistent snapshot (a transaction) of the sessions `sessionSql` selects, with their children.
 *
 * @example
 * const [data] = await loadSessionData(client, 'WHERE id = $1', [id]);
 */
export function loadSessionData(client: SqlClient, sessionSql: string, params: unknown[]): Promise<SessionData[]> {
  return client.transaction(async (tx) => {
    const sessions = await tx.query(`SELECT ${SESSION_COLUMNS} FROM sessions ${sessionSql}`, params);
    if (sessions.length === 0) return [];
    const byId = new Map<string, SessionData>();
    for (const row of sessions) {
      const session = toSession(row);
      byId.set(session.id, { session, questionnaire: null, answers: [], events: [] });
    }
    const ids = [[...byId.keys()]];
    const children = 'WHERE session_id = ANY($1::text[])';
    const questionnaires = await tx.query(`SELECT ${QUESTIONNAIRE_COLUMNS} FROM questionnaires ${children}`, ids);
    const answers = await tx.query(`SELECT ${ANSWER_COLUMNS} FROM answers ${children} ORDER BY received_at, answer_id`, ids);
    const events = await tx.query(`SELECT ${EVENT_COLUMNS} FROM events ${children} ORDER BY received_at, event_id`, ids);
    for (const row of questionnaires) {
      const data = byId.get(String(row['session_id']));
      if (data) data.questionnaire = toQuestionnaire(row);
    }
    for (const row of answers) byId.get(String(row['session_id']))?.answers.push(toAnswer(row));
    for (const row of events) byId.get(String(row['session_id']))?.events.push(toEvent(row));
    return [...byId.values()];
  });
}
