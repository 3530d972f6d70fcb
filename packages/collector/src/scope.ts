/**
 * What each key role may read (docs/collector.md, "Access"): an admin key everything; a
 * `structure` key the sessions of its organisation's campaigns; a `territory` key the sessions
 * whose commune lies in its department or region.
 */
import type { Principal } from './middleware/api-key/index.js';
import type { SessionFilter, Store } from './store/types.js';

/**
 * The export filter narrowed to the principal's sessions (a territory is checked on each row,
 * from the commune: see `ExportQuery.scope`).
 *
 * @example
 * scopedFilter({ actor: 'k1', role: 'structure', organisation: 'mediatheque-vitre', territory: null }, {});
 * // { campaignOrganisation: 'mediatheque-vitre' }
 */
export function scopedFilter(principal: Principal, filter: SessionFilter): SessionFilter {
  if (principal.role === 'structure') return { ...filter, campaignOrganisation: principal.organisation ?? '' };
  return filter;
}

/**
 * Whether the principal may read this session, given its export row (department and region
 * columns come from its commune).
 *
 * @example
 * if (!(await maySeeSession(principal, store, session.campaign, row))) return forbidden();
 */
export async function maySeeSession(principal: Principal, store: Store, campaign: string | null | undefined, row: Readonly<Record<string, string>>): Promise<boolean> {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'structure': {
      if (!campaign) return false;
      return (await store.structures.getCampaign(campaign))?.organisation === principal.organisation;
    }
    case 'territory':
      return principal.territory !== null && row[principal.territory.kind] === principal.territory.code;
  }
}
