/**
 * `StructureStore` over SQL (PGlite and PostgreSQL alike): organisations, campaigns, API keys and
 * the audit log (migration `005_organisations.sql`).
 */
import type { Row, SqlQueries } from './sql-client.js';
import type { ApiKeyRecord, AuditRecord, CampaignRecord, OrganisationRecord, StructureStore } from './types.js';

const ORGANISATION_COLUMNS = 'id, name, siret, commune, created_at';
const CAMPAIGN_COLUMNS = 'code, organisation, survey_id, content_version, opens_at, closes_at, target, label, created_at';
const KEY_COLUMNS = 'id, key_hash, role, organisation, territory, label, created_at, revoked_at';

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const strOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * @example
 * const structures = new SqlStructures(client);
 * await structures.listCampaigns('mediatheque-vitre');
 */
export class SqlStructures implements StructureStore {
  constructor(private readonly client: SqlQueries) {}

  async createOrganisation(r: OrganisationRecord): Promise<boolean> {
    const rows = await this.client.query(
      `INSERT INTO organisations (${ORGANISATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [r.id, r.name, r.siret, r.commune, r.createdAt],
    );
    return rows.length === 1;
  }

  async getOrganisation(id: string): Promise<OrganisationRecord | null> {
    const [row] = await this.client.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisations WHERE id = $1`, [id]);
    return row ? toOrganisation(row) : null;
  }

  async listOrganisations(): Promise<OrganisationRecord[]> {
    return (await this.client.query(`SELECT ${ORGANISATION_COLUMNS} FROM organisations ORDER BY created_at, id`)).map(toOrganisation);
  }

  async createCampaign(r: CampaignRecord): Promise<boolean> {
    const rows = await this.client.query(
      `INSERT INTO campaigns (${CAMPAIGN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [r.code, r.organisation, r.surveyId, r.contentVersion, r.opensAt, r.closesAt, r.target, r.label, r.createdAt],
    );
    return rows.length === 1;
  }

  async getCampaign(code: string): Promise<CampaignRecord | null> {
    const [row] = await this.client.query(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE code = $1`, [code]);
    return row ? toCampaign(row) : null;
  }

  async listCampaigns(organisation?: string): Promise<CampaignRecord[]> {
    const rows =
      organisation === undefined
        ? await this.client.query(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns ORDER BY created_at, code`)
        : await this.client.query(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE organisation = $1 ORDER BY created_at, code`, [organisation]);
    return rows.map(toCampaign);
  }

  async createApiKey(r: ApiKeyRecord): Promise<void> {
    await this.client.query(`INSERT INTO api_keys (${KEY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      r.id, r.keyHash, r.role, r.organisation, r.territory, r.label, r.createdAt, r.revokedAt,
    ]);
  }

  async findApiKey(keyHash: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.client.query(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE key_hash = $1`, [keyHash]);
    return row ? toKey(row) : null;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return (await this.client.query(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY created_at, id`)).map(toKey);
  }

  async revokeApiKey(id: string, at: number): Promise<boolean> {
    const rows = await this.client.query('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2::bigint) WHERE id = $1 RETURNING id', [id, at]);
    return rows.length === 1;
  }

  async addAudit(r: AuditRecord): Promise<void> {
    await this.client.query('INSERT INTO audit_log (at, actor, action, target, row_count) VALUES ($1, $2, $3, $4, $5)', [r.at, r.actor, r.action, r.target, r.rows]);
  }

  async listAudit(limit: number, beforeId?: number): Promise<AuditRecord[]> {
    const rows = await this.client.query(
      `SELECT id, at, actor, action, target, row_count FROM audit_log ${beforeId === undefined ? '' : 'WHERE id < $2::bigint'} ORDER BY id DESC LIMIT $1::int`,
      beforeId === undefined ? [limit] : [limit, beforeId],
    );
    return rows.map((row) => ({
      id: num(row['id']),
      at: num(row['at']),
      actor: String(row['actor']),
      action: String(row['action']),
      target: strOrNull(row['target']),
      rows: numOrNull(row['row_count']),
    }));
  }
}

function toOrganisation(row: Row): OrganisationRecord {
  return { id: String(row['id']), name: String(row['name']), siret: strOrNull(row['siret']), commune: String(row['commune']), createdAt: num(row['created_at']) };
}

function toCampaign(row: Row): CampaignRecord {
  return {
    code: String(row['code']),
    organisation: String(row['organisation']),
    surveyId: String(row['survey_id']),
    contentVersion: String(row['content_version']),
    opensAt: num(row['opens_at']),
    closesAt: numOrNull(row['closes_at']),
    target: numOrNull(row['target']),
    label: strOrNull(row['label']),
    createdAt: num(row['created_at']),
  };
}

function toKey(row: Row): ApiKeyRecord {
  return {
    id: String(row['id']),
    keyHash: String(row['key_hash']),
    role: row['role'] as ApiKeyRecord['role'],
    organisation: strOrNull(row['organisation']),
    territory: strOrNull(row['territory']),
    label: String(row['label']),
    createdAt: num(row['created_at']),
    revokedAt: numOrNull(row['revoked_at']),
  };
}
