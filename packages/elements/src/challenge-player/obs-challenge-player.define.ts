/** Defines `<obs-challenge-player>` (guarded: loading the bundle twice must not throw). */
import { define } from '../shared/define.js';
import { ObsChallengePlayer } from './obs-challenge-player.js';

define('obs-challenge-player', ObsChallengePlayer);

declare global {
  interface HTMLElementTagNameMap {
    'obs-challenge-player': ObsChallengePlayer;
  }
}
