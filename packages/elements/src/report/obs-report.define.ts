/** Defines `<obs-report>` (guarded: loading the bundle twice must not throw). */
import { define } from '../shared/define.js';
import { ObsReport } from './obs-report.js';

define('obs-report', ObsReport);

declare global {
  interface HTMLElementTagNameMap {
    'obs-report': ObsReport;
  }
}
