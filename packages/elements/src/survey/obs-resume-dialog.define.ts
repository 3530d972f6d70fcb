/** Defines `<obs-resume-dialog>` (guarded: loading the bundle twice must not throw). */
import { define } from '../shared/define.js';
import { ObsResumeDialog } from './resume-dialog.js';

define('obs-resume-dialog', ObsResumeDialog);

declare global {
  interface HTMLElementTagNameMap {
    'obs-resume-dialog': ObsResumeDialog;
  }
}
