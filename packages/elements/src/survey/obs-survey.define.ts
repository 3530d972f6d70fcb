/**
 * Defines `<obs-survey>` (guarded: loading the bundle twice must not throw) and starts fetching
 * `<obs-questionnaire>` at once, beside the information screen. The elements of the later phases
 * are defined by `loadLaterPhases()`, which `<obs-survey>` calls in idle time (docs/loading.md);
 * `@observatoire/elements` defines them all at once.
 */
import { define } from '../shared/define.js';
import { loadQuestionnaire } from './loading.js';
import { ObsSurvey } from './obs-survey.js';

define('obs-survey', ObsSurvey);
// A failure is tried again with the later phases (loadLaterPhases).
loadQuestionnaire().catch(() => undefined);

declare global {
  interface HTMLElementTagNameMap {
    'obs-survey': ObsSurvey;
  }
}
