/**
 * What `<obs-survey>` needs only with a collector (docs/outbox.md): the outbox, the dialog
 * that offers to resume an unfinished session, and the check of a campaign code. One separate file of the script-tag bundle,
 * fetched together with the definition (docs/loading.md).
 */
import './obs-resume-dialog.define.js';

export { openRecordedSession } from '../outbox/recorder.js';
export { askResumeOrNew } from './resume-dialog.js';
export { campaignError, refusedCampaign, renderCampaignRefusal } from './campaign.js';
