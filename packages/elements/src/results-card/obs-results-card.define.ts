/** Defines `<obs-results-card>` (guarded: loading the bundle twice must not throw). */
import { define } from '../shared/define.js';
import { ObsResultsCard } from './obs-results-card.js';

define('obs-results-card', ObsResultsCard);

declare global {
  interface HTMLElementTagNameMap {
    'obs-results-card': ObsResultsCard;
  }
}
