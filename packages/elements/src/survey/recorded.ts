/**
 * What `<obs-survey>` needs only with a collector (docs/outbox.md): the outbox, the dialog that
 * offers to resume an unfinished session, the check of a campaign code, and the refusals. One
 * separate file of the script-tag bundle, fetched together with the definition (docs/loading.md).
 */
import './obs-resume-dialog.define.js';

export { linksOf, openRecordedSession, recordOpenedSession, recordRefusal } from '../outbox/recorder.js';
export { askResumeOrNew } from './resume-dialog.js';
export { campaignError, refusedCampaign, renderCampaignRefusal } from './campaign.js';
export { RefusalController } from './refusal.js';
