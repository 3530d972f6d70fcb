/** Defines `<obs-questionnaire>` (guarded: loading the bundle twice must not throw). */
import { define } from '../shared/define.js';
import { ObsQuestionnaire } from './obs-questionnaire.js';

define('obs-questionnaire', ObsQuestionnaire);

declare global {
  interface HTMLElementTagNameMap {
    'obs-questionnaire': ObsQuestionnaire;
  }
}
