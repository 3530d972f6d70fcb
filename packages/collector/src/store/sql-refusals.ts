/** `RefusalStore` over SQL (PGlite and PostgreSQL alike), migration `006_session_links.sql`. */
import type { Row, SqlQueries } from './sql-client.js';
import { num, strOrNull } from './sql-rows.js';
import type { RefusalFilter, RefusalRecord, RefusalStore } from './refusal-types.js';

const COLUMNS = 'id, survey_id, content_version, organisation, campaign, reason, offered_at, received_at';

/**
 * @example
 * const refusals = new SqlRefusals(client);
 * await refusals.listRefusals({ campaign: 'KXR-482' });
 */
export class SqlRefusals implements RefusalStore {
  constructor(private readonly client: SqlQueries) {}

  async addRefusal(r: RefusalRecord): Promise<{ created: boolean; record: RefusalRecord }> {
    const inserted = await this.client.query(
      `INSERT INTO refusals (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING ${COLUMNS}`,
      [r.id, r.surveyId, r.contentVersion, r.organisation, r.campaign, r.reason, r.at, r.receivedAt],
    );
    if (inserted[0]) return { created: true, record: toRefusal(inserted[0]) };
    return { created: false, record: (await this.getRefusal(r.id))! };
  }

  async getRefusal(id: string): Promise<RefusalRecord | null> {
    const [row] = await this.client.query(`SELECT ${COLUMNS} FROM refusals WHERE id = $1`, [id]);
    return row ? toRefusal(row) : null;
  }

  async listRefusals(filter: RefusalFilter = {}): Promise<RefusalRecord[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => (params.push(value), `$${params.length}`);
    if (filter.organisation !== undefined) conditions.push(`organisation = ${param(filter.organisation)}`);
    if (filter.campaign !== undefined) conditions.push(`campaign = ${param(filter.campaign)}`);
    if (filter.campaignOrganisation !== undefined)
      conditions.push(`campaign IN (SELECT code FROM campaigns WHERE organisation = ${param(filter.campaignOrganisation)})`);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    return (await this.client.query(`SELECT ${COLUMNS} FROM refusals ${where} ORDER BY received_at, id`, params)).map(toRefusal);
  }
}

function toRefusal(row: Row): RefusalRecord {
  return {
    id: String(row['id']),
    surveyId: String(row['survey_id']),
    contentVersion: String(row['content_version']),
    organisation: strOrNull(row['organisation']),
    campaign: strOrNull(row['campaign']),
    reason: row['reason'] as RefusalRecord['reason'],
    at: num(row['offered_at']),
    receivedAt: num(row['received_at']),
  };
}
