/**
 * What `<obs-survey>` needs only with a collector (docs/outbox.md): the outbox, the dialog that
 * offers to resume an unfinished session, the screen of a refused campaign, and the refusals. One separate file of the script-tag
 * bundle, fetched after the first screen, or before it when a session may be resumed (docs/loading.md).
 */
import './obs-resume-dialog.define.js';

export { linksOf, openRecordedSession, recordOpenedSession, recordRefusal } from '../outbox/recorder.js';
export { askResumeOrNew } from './resume-dialog.js';
export { campaignError, renderCampaignRefusal } from './campaign.js';
export { RefusalController } from './refusal.js';
