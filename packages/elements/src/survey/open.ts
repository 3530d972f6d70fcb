/**
 * How `<obs-survey>` gets its session once its links are checked: the definition, and with a
 * collector the outbox's code and the campaign's check fetched together (docs/loading.md); then a
 * recorded session (resumed or new, the dialog asks) or a plain one.
 */
import { createSurveySession, type Lang, type SurveyDefinition, type SurveySession } from '@observatoire/core';
import { newFollowUpCode } from '@observatoire/core/api';
import type { SessionLinks } from '../events.js';
import type { CampaignRefusal } from './campaign.js';
import { loadDefinition, type SurveyDefinitionSource } from './load.js';
import { whenIdle } from '../shared/after-paint.js';
import { loadLaterPhases, loadRecorder, type Recorder } from './loading.js';

export interface OpenRequest {
  host: HTMLElement;
  source: SurveyDefinitionSource;
  endpoint: string | undefined;
  /** Organisation and campaign given by the host page. */
  place: { organisation?: string; campaign?: string };
  /** Checked by `checkLinks`. */
  links: SessionLinks;
  lang: () => Lang;
  /** False once a newer load started: nothing more is opened (no dialog for a stale load). */
  current: () => boolean;
}

export type Opened =
  | { kind: 'refused'; recorder: Recorder; refusal: CampaignRefusal }
  | {
      kind: 'ready';
      recorder: Recorder | undefined;
      definition: SurveyDefinition;
      baseUrl: string;
      session: SurveySession;
      /** The session's own links: a resumed session keeps its saved ones; a new one gets a new follow-up code unless given. */
      links: SessionLinks;
      /** The resume dialog was shown: focus was in it, and must go to the screen that follows it. */
      asked: boolean;
    };

/**
 * Throws what `loadDefinition` throws; `undefined` when a newer load started meanwhile.
 *
 * @example
 * const opened = await openSurvey({ host: this, source, endpoint, place, links, lang: () => 'fr', current: () => true });
 */
export async function openSurvey(request: OpenRequest): Promise<Opened | undefined> {
  const { host, endpoint, place, links } = request;
  const recorder = endpoint ? loadRecorder() : undefined;
  const campaign = recorder && place.campaign ? recorder.then((r) => r.refusedCampaign(endpoint!, place.campaign!)) : undefined;
  const [{ definition, baseUrl }, recorded, refused] = await Promise.all([loadDefinition(request.source), recorder, campaign]);
  if (!request.current()) return undefined;
  if (refused) return { kind: 'refused', recorder: recorded!, refusal: refused };
  // Later phases are fetched in idle time: the courses start without waiting (nor the network).
  whenIdle(() => void loadLaterPhases().catch(() => undefined));
  let asked = false;
  // With a collector, every action is kept on the device and sent (outbox), and an unfinished
  // session of this device may be resumed (the dialog asks first).
  const session =
    endpoint && recorded
      ? await recorded.openRecordedSession(host, definition, {
          endpoint,
          ...place,
          ...links,
          chooseResume: (saved) => {
            asked = true;
            return recorded.askResumeOrNew(host, { lang: request.lang(), ...saved });
          },
        })
      : createSurveySession(definition);
  const own = recorded?.linksOf(session) ?? { ...links, followUpCode: links.followUpCode ?? newFollowUpCode() };
  return { kind: 'ready', recorder: recorded, definition, baseUrl, session, links: own, asked };
}
