/**
 * Defines `<obs-survey>` and the elements of its first screens (guarded: loading the bundle
 * twice must not throw). The elements of the later phases are defined by `loadLaterPhases()`,
 * which `<obs-survey>` calls in idle time (docs/loading.md); `@observatoire/elements` defines
 * them all at once.
 */
import '../questionnaire/obs-questionnaire.define.js';
import { define } from '../shared/define.js';
import { ObsSurvey } from './obs-survey.js';

define('obs-survey', ObsSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'obs-survey': ObsSurvey;
  }
}
