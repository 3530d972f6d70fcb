/**
 * The event `<obs-adaptive-test>` sends when the test is over: the competence profile and the
 * session's snapshot (to store it, or send it to a collector).
 *
 * @example
 * test.addEventListener('obs-adaptive-finished', (event) => save(event.detail.snapshot));
 */
import type { AdaptiveSnapshot, CompetenceProfile } from '@observatoire/core/adaptive';

export interface AdaptiveFinishedDetail {
  profile: CompetenceProfile;
  snapshot: AdaptiveSnapshot;
}

export const ADAPTIVE_FINISHED_EVENT = 'obs-adaptive-finished';

declare global {
  interface HTMLElementEventMap {
    'obs-adaptive-finished': CustomEvent<AdaptiveFinishedDetail>;
  }
}
