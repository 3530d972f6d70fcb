/** In-memory `RefusalStore` for `MemoryStore` (mock mode, unit tests); no Node imports. */
import { compareKeys } from './filter.js';
import type { RefusalFilter, RefusalRecord, RefusalStore } from './refusal-types.js';

/**
 * @example
 * const refusals = new MemoryRefusals((campaign) => campaigns.get(campaign)?.organisation);
 */
export class MemoryRefusals implements RefusalStore {
  private readonly byId = new Map<string, RefusalRecord>();

  /** `organisationOf` gives a campaign's organisation (for `campaignOrganisation`). */
  constructor(private readonly organisationOf: (campaign: string) => string | undefined) {}

  async addRefusal(record: RefusalRecord): Promise<{ created: boolean; record: RefusalRecord }> {
    const existing = this.byId.get(record.id);
    if (existing) return { created: false, record: { ...existing } };
    this.byId.set(record.id, { ...record });
    return { created: true, record: { ...record } };
  }

  async getRefusal(id: string): Promise<RefusalRecord | null> {
    const found = this.byId.get(id);
    return found ? { ...found } : null;
  }

  async listRefusals(filter: RefusalFilter = {}): Promise<RefusalRecord[]> {
    return [...this.byId.values()]
      .filter((r) => filter.organisation === undefined || r.organisation === filter.organisation)
      .filter((r) => filter.campaign === undefined || r.campaign === filter.campaign)
      .filter((r) => filter.campaignOrganisation === undefined || (r.campaign !== null && this.organisationOf(r.campaign) === filter.campaignOrganisation))
      .sort((a, b) => compareKeys(a, b))
      .map((r) => ({ ...r }));
  }
}
