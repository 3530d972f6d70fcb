/**
 * How `<obs-survey>` gets its session once its links are checked (docs/loading.md, "The outbox
 * after the first screen"): the definition, and with a collector the small file that says whether
 * a session may be resumed and asks for the campaign's verdict, fetched together. When nothing may
 * be resumed, the new session is shown at once and the outbox's code takes it over after the first
 * screen; otherwise that code comes first and the resume dialog asks.
 */
import { createSurveySession, type Lang, type SurveyDefinition, type SurveySession } from '@observatoire/core';
import { newFollowUpCode } from '@observatoire/core/api';
import type { SessionLinks } from '../events.js';
import type { CampaignCheck, CampaignRefusal } from './campaign-check.js';
import { loadDefinition, type SurveyDefinitionSource } from './load.js';
import { afterPaint, whenIdle } from '../shared/after-paint.js';
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

/** The collector refused the campaign; the outbox's code, which explains it on screen, is in. */
export interface CampaignRefused {
  refusal: CampaignRefusal;
  recorder: Recorder;
}

export type Opened =
  | ({ kind: 'refused' } & CampaignRefused)
  | {
      kind: 'ready';
      /** The outbox's code: in already, or coming after the first screen (it then takes the session over). */
      recorder: Recorder | Promise<Recorder> | undefined;
      /** With a campaign: the collector's verdict, which "Commencer" waits for. */
      check: CampaignCheck | undefined;
      /** A refusal that comes after the first screen (it replaces it); rejects when the code that explains it cannot be fetched. */
      refused: Promise<CampaignRefused | undefined>;
      definition: SurveyDefinition;
      baseUrl: string;
      session: SurveySession;
      /** The session's own links: a resumed session keeps its saved ones; a new one gets a new follow-up code unless given. */
      links: SessionLinks;
      /** The resume dialog was shown: focus was in it, and must go to the screen that follows it. */
      asked: boolean;
    };

/** With a collector: one small file of the script-tag bundle (`observatoire-storage-*.js`, docs/loading.md). */
const loadChecks = () => Promise.all([import('../outbox/unfinished.js'), import('../outbox/early.js'), import('./campaign-check.js')]);

/** The refusal, once the code that explains it is in. */
const refusedWith = async (refusal: CampaignRefusal | undefined): Promise<CampaignRefused | undefined> => refusal && { refusal, recorder: await loadRecorder() };

/**
 * Throws what `loadDefinition` throws; `undefined` when a newer load started meanwhile.
 *
 * @example
 * const opened = await openSurvey({ host: this, source, endpoint, place, links, lang: () => 'fr', current: () => true });
 */
export async function openSurvey(request: OpenRequest): Promise<Opened | undefined> {
  const { host, endpoint, place, current } = request;
  const checks = endpoint ? loadChecks() : undefined;
  const checked = checks?.then(([, , { CampaignCheck }]) => place.campaign && new CampaignCheck(endpoint!, place.campaign));
  const [{ definition, baseUrl }, loaded, check] = await Promise.all([loadDefinition(request.source), checks, checked]);
  if (!current()) return undefined;
  // Later phases are fetched in idle time: the courses start without waiting (nor the network).
  whenIdle(() => void loadLaterPhases().catch(() => undefined));
  const links = { ...request.links, followUpCode: request.links.followUpCode ?? newFollowUpCode() };
  const refused = check ? check.verdict.then(refusedWith) : Promise.resolve(undefined);
  const ready = { kind: 'ready', check: check || undefined, refused, definition, baseUrl, links, asked: false } as const;
  if (!endpoint || !loaded) return { ...ready, recorder: undefined, session: createSurveySession(definition) };
  const [{ mayResume }, { recordWhenLoaded }] = loaded;
  const options = { endpoint, ...place, ...links };
  if (!(await mayResume(endpoint, definition))) {
    if (!current()) return undefined;
    if (check && check.refusal) return { kind: 'refused', refusal: check.refusal, recorder: await loadRecorder() };
    // Nothing to resume: the information screen is drawn now; the outbox's code is fetched once it
    // is painted and records the actions made meanwhile, in order. A refused campaign's session
    // is never recorded.
    const session = createSurveySession(definition);
    const painted = afterPaint();
    const recorder = recordWhenLoaded(session, () => painted.then(loadRecorder), async (recorded, early) => {
      if (check && (await check.verdict)) return early.stop();
      await recorded.recordOpenedSession(host, session, early, options);
    });
    return { ...ready, recorder, session };
  }
  // An unfinished session waits on this device: the outbox's code first, and the dialog asks
  // (resume it, or start for another person).
  const [recorded] = await Promise.all([loadRecorder(), check && check.verdict]);
  if (!current()) return undefined;
  if (check && check.refusal) return { kind: 'refused', refusal: check.refusal, recorder: recorded };
  let asked = false;
  const session = await recorded.openRecordedSession(host, definition, {
    ...options,
    chooseResume: (saved) => {
      asked = true;
      return recorded.askResumeOrNew(host, { lang: request.lang(), ...saved });
    },
  });
  return { ...ready, recorder: recorded, session, links: recorded.linksOf(session) ?? links, asked };
}
