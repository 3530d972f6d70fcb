/** Defines `<obs-sync-status>` (guarded: loading the bundle twice must not throw). */
import { define } from '../shared/define.js';
import { ObsSyncStatus } from './obs-sync-status.js';

define('obs-sync-status', ObsSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'obs-sync-status': ObsSyncStatus;
  }
}
