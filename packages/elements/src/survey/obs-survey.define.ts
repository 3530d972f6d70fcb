/** Defines `<obs-survey>` and the elements it nests (guarded: loading the bundle twice must not throw). */
import '../course-chainer/obs-course-chainer.define.js';
import '../outbox/obs-sync-status.define.js';
import '../questionnaire/obs-questionnaire.define.js';
import '../results-card/obs-results-card.define.js';
import './obs-resume-dialog.define.js';
import { define } from '../shared/define.js';
import { ObsSurvey } from './obs-survey.js';

define('obs-survey', ObsSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'obs-survey': ObsSurvey;
  }
}
