/**
 * What `<obs-survey>` needs only with a collector (docs/outbox.md): the outbox and the dialog
 * that offers to resume an unfinished session. One separate file of the script-tag bundle,
 * fetched together with the definition (docs/loading.md).
 */
import './obs-resume-dialog.define.js';

export { openRecordedSession } from '../outbox/recorder.js';
export { askResumeOrNew } from './resume-dialog.js';
