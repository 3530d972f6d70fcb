/** In-memory `StructureStore` for `MemoryStore` (mock mode, unit tests); no Node imports. */
import type { ApiKeyRecord, AuditRecord, CampaignRecord, OrganisationRecord, StructureStore } from './types.js';

/**
 * @example
 * const structures = new MemoryStructures();
 * await structures.createOrganisation({ id: 'mediatheque-vitre', name: 'Médiathèque', siret: null, commune: '35360', createdAt: Date.now() });
 */
export class MemoryStructures implements StructureStore {
  private readonly organisations = new Map<string, OrganisationRecord>();
  /** By code, in creation order. */
  readonly campaigns = new Map<string, CampaignRecord>();
  private readonly keys = new Map<string, ApiKeyRecord>();
  private readonly audit: AuditRecord[] = [];

  async createOrganisation(record: OrganisationRecord): Promise<boolean> {
    if (this.organisations.has(record.id)) return false;
    this.organisations.set(record.id, { ...record });
    return true;
  }

  async getOrganisation(id: string): Promise<OrganisationRecord | null> {
    const found = this.organisations.get(id);
    return found ? { ...found } : null;
  }

  async listOrganisations(): Promise<OrganisationRecord[]> {
    return [...this.organisations.values()].map((o) => ({ ...o }));
  }

  async createCampaign(record: CampaignRecord): Promise<boolean> {
    if (this.campaigns.has(record.code)) return false;
    this.campaigns.set(record.code, { ...record });
    return true;
  }

  async getCampaign(code: string): Promise<CampaignRecord | null> {
    const found = this.campaigns.get(code);
    return found ? { ...found } : null;
  }

  async listCampaigns(organisation?: string): Promise<CampaignRecord[]> {
    return [...this.campaigns.values()].filter((c) => organisation === undefined || c.organisation === organisation).map((c) => ({ ...c }));
  }

  async createApiKey(record: ApiKeyRecord): Promise<void> {
    this.keys.set(record.id, { ...record });
  }

  async findApiKey(keyHash: string): Promise<ApiKeyRecord | null> {
    for (const key of this.keys.values()) if (key.keyHash === keyHash) return { ...key };
    return null;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return [...this.keys.values()].map((k) => ({ ...k }));
  }

  async revokeApiKey(id: string, at: number): Promise<boolean> {
    const key = this.keys.get(id);
    if (!key) return false;
    key.revokedAt ??= at;
    return true;
  }

  async addAudit(record: AuditRecord): Promise<void> {
    this.audit.push({ ...record, id: this.audit.length + 1 });
  }

  async listAudit(limit: number, beforeId?: number): Promise<AuditRecord[]> {
    const older = beforeId === undefined ? this.audit : this.audit.filter((e) => (e.id ?? 0) < beforeId);
    return older.slice(-limit).reverse().map((e) => ({ ...e }));
  }
}
