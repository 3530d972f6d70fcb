/** Defines `<obs-referral-sheet>` (guarded: loading the bundle twice must not throw). */
import { define } from '../shared/define.js';
import { ObsReferralSheet } from './obs-referral-sheet.js';

define('obs-referral-sheet', ObsReferralSheet);

declare global {
  interface HTMLElementTagNameMap {
    'obs-referral-sheet': ObsReferralSheet;
  }
}
