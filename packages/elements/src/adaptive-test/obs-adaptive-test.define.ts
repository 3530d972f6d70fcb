/** Defines `<obs-adaptive-test>` (guarded: loading the bundle twice must not throw). */
import { define } from '../shared/define.js';
import { ObsAdaptiveTest } from './obs-adaptive-test.js';

define('obs-adaptive-test', ObsAdaptiveTest);

declare global {
  interface HTMLElementTagNameMap {
    'obs-adaptive-test': ObsAdaptiveTest;
  }
}
