/** Defines `<obs-dashboard>` (guarded: loading the bundle twice must not throw). */
import { define } from '../shared/define.js';
import { ObsDashboard } from './obs-dashboard.js';

define('obs-dashboard', ObsDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'obs-dashboard': ObsDashboard;
  }
}
