/**
 * Ties a survey session to the outbox: after every action the session's snapshot is saved on
 * the device and the requests the action calls for are queued, in one IndexedDB transaction.
 * The survey never waits for this: the core runs locally, the collector checks again later.
 */
import { createSurveySession, ObservatoireError, ProtocolError, restoreSurveySession, type SessionEvent, type SessionOptions, type SessionState, type SurveyDefinition, type SurveySession } from '@observatoire/core';
import { newFollowUpCode, newToken, type Device, type PostRefusalBody } from '@observatoire/core/api';
import type { SessionLinks } from '../events.js';
import { emit } from '../events.js';
import { toLang } from '@observatoire/core/i18n';
import type { EarlyActions } from './early.js';
import { DEFAULT_DATABASE } from './idb.js';
import { Outbox } from './outbox.js';
import { collectorEndpoint, refusalRequest, requestsFor, type SessionTarget } from './requests.js';
import { findUnfinished, forgetSession, type SavedSession } from './saved-sessions.js';

const shared = new Map<string, Promise<Outbox>>();

/**
 * The page's outbox (one per database), opened on first use; it starts sending what an
 * earlier visit left on the device at once.
 *
 * @example
 * const outbox = await sharedOutbox();
 * outbox.subscribe((status) => console.log(status.state));
 */
export function sharedOutbox(database: string = DEFAULT_DATABASE): Promise<Outbox> {
  let opening = shared.get(database);
  if (!opening) {
    opening = Outbox.open({ database });
    // A failed opening may succeed later (e.g. a blocked upgrade): do not keep the failure.
    opening.catch(() => shared.delete(database));
    shared.set(database, opening);
  }
  return opening;
}

export interface RecordedSessionOptions {
  /** The collector's base URL, resolved against the page. */
  endpoint: string;
  /** Organisation code given by the host page. */
  organisation?: string;
  /** Campaign code given by the host page (`ABC-234`), sent with the session's creation. */
  campaign?: string;
  /** The host's reference for a new session (`external-ref`), sent with its creation; a resumed session keeps its own. */
  externalRef?: string;
  /** The follow-up code of a new session (typed by the mediator), else a new one is made; a resumed session keeps its own. */
  followUpCode?: string;
  /** The outbox to use; the page's shared one by default. */
  outbox?: Outbox;
  /** The session's clock (tests). */
  clock?: SessionOptions['clock'];
  /**
   * Asked when this device holds an unfinished session of the same survey for the same
   * collector: resume it, or start a new one. Without it, a new session starts. `outdated`: it was
   * saved by an earlier version and cannot be resumed (`snapshot_outdated`), only a new one can start.
   */
  chooseResume?: (saved: { savedAt: number; outdated?: true }) => Promise<ResumeChoice>;
}

/** `resume`: go on with the unfinished session; `new`: start for another person. */
export type ResumeChoice = 'resume' | 'new';

/**
 * A session whose every action is kept on the device and sent to the collector.
 * When this device holds an unfinished session of the same survey for the same collector,
 * `chooseResume` decides whether to resume it (the interruption is recorded) or to start for
 * another person (the unfinished one is no longer resumable; its data is still sent).
 * Refusals of the collector and storage failures are reported as `obs-error` on `host`.
 *
 * @example
 * const session = await openRecordedSession(surveyElement, definition, {
 *   endpoint: 'https://collecte.example.fr',
 *   chooseResume: async () => (confirm('Reprendre ?') ? 'resume' : 'new'),
 * });
 * session.dispatch({ type: 'start', consent: true });
 */
export async function openRecordedSession(
  host: HTMLElement,
  definition: SurveyDefinition,
  options: RecordedSessionOptions,
): Promise<SurveySession> {
  const clock = options.clock ? { clock: options.clock } : {};
  let outbox: Outbox;
  try {
    outbox = options.outbox ?? (await sharedOutbox());
  } catch (error) {
    // Without IndexedDB the survey still runs; the host keeps the data through the events.
    report(host, 'outbox_unavailable', `The answers cannot be kept on this device, so they will not be sent: ${(error as Error).message}`);
    return createSurveySession(definition, clock);
  }
  reportRefusals(host, outbox);
  const endpoint = collectorEndpoint(options.endpoint, document.baseURI);
  const saved = await findUnfinished(outbox.db, { surveyId: definition.id, contentVersion: definition.version, endpoint });
  if (saved) {
    let session: SurveySession | undefined;
    let failure: Error | undefined;
    try {
      session = restoreSurveySession(definition, saved.snapshot, clock);
    } catch (error) {
      failure = error as Error;
    }
    // Saved by an earlier version that cannot be brought to today's rules (docs/protocol.md): the
    // person is told and starts again; what it queued stays in the outbox and is sent.
    const outdated = failure instanceof ProtocolError && failure.code === 'snapshot_outdated';
    if (outdated) report(host, 'snapshot_outdated', failure!.message);
    const choice = options.chooseResume ? await options.chooseResume({ savedAt: saved.savedAt, ...(outdated && { outdated }) }) : 'new';
    if (choice === 'resume' && session) {
      record(host, session, outbox, saved);
      links.set(session, { ...(saved.externalRef && { externalRef: saved.externalRef }), ...(saved.followUpCode && { followUpCode: saved.followUpCode }) });
      session.dispatch({ type: 'resume' });
      return session;
    }
    if (choice === 'resume' && !outdated)
      report(host, 'resume_failed', `The unfinished session could not be restored, a new one starts: ${failure?.message}`);
    await forgetSession(outbox.db, saved.sessionId);
  }
  return startRecording(host, createSurveySession(definition, clock), outbox, endpoint, options);
}

/** Record a new session from its first action (or from `early`'s first kept change). */
function startRecording(host: HTMLElement, session: SurveySession, outbox: Outbox, endpoint: string, options: RecordedSessionOptions, early?: EarlyActions): SurveySession {
  const own: SessionLinks = { ...(options.externalRef && { externalRef: options.externalRef }), followUpCode: options.followUpCode ?? newFollowUpCode() };
  record(
    host,
    session,
    outbox,
    {
      endpoint,
      token: newToken(),
      device: deviceType(),
      ...(options.organisation && { organisation: options.organisation }),
      ...(options.campaign && { campaign: options.campaign }),
      ...own,
    },
    early,
  );
  links.set(session, own);
  return session;
}

/**
 * Record a new session opened before the outbox's code was in the page (no unfinished session
 * to offer: `mayResume` said so), with the actions `early` kept meanwhile, in order
 * (docs/loading.md, "The outbox after the first screen"). Without IndexedDB the session goes on
 * unrecorded and `outbox_unavailable` is reported, as with `openRecordedSession`.
 *
 * @example
 * const session = createSurveySession(definition);
 * const early = keepEarlyActions(session, () => void loadRecorder());
 * await (await loadRecorder()).recordOpenedSession(surveyElement, session, early, { endpoint, followUpCode });
 */
export async function recordOpenedSession(host: HTMLElement, session: SurveySession, early: EarlyActions, options: RecordedSessionOptions): Promise<void> {
  let outbox: Outbox;
  try {
    outbox = options.outbox ?? (await sharedOutbox());
  } catch (error) {
    early.stop();
    report(host, 'outbox_unavailable', `The answers cannot be kept on this device, so they will not be sent: ${(error as Error).message}`);
    return;
  }
  reportRefusals(host, outbox);
  startRecording(host, session, outbox, collectorEndpoint(options.endpoint, document.baseURI), options, early);
}

const links = new WeakMap<SurveySession, SessionLinks>();

/**
 * The external reference and the follow-up code a recorded session is sent with (a resumed session's
 * own, saved on the device); `undefined` for a session this module did not open.
 *
 * @example
 * const { followUpCode } = linksOf(session) ?? {};
 */
export function linksOf(session: SurveySession): SessionLinks | undefined {
  return links.get(session);
}

/**
 * Queue a refusal (a person offered the survey who did not take it) in the page's outbox: sent at once
 * when online, kept on the device and sent later otherwise (docs/collector.md, "Refusals").
 *
 * @example
 * await recordRefusal({ endpoint, surveyId, contentVersion, reason: 'no_time' });
 */
export async function recordRefusal(refusal: Omit<PostRefusalBody, 'refusalId' | 'at'> & { endpoint: string }, outbox?: Outbox): Promise<void> {
  const { endpoint, ...body } = refusal;
  const box = outbox ?? (await sharedOutbox());
  await box.enqueue([refusalRequest(collectorEndpoint(endpoint, document.baseURI), { ...body, refusalId: `r-${crypto.randomUUID()}`, at: Date.now() })]);
}

type Target = Omit<SessionTarget, 'lang'> & { lang?: SessionTarget['lang'] };

/** Queue each action's requests and save (or, once finished, forget) the snapshot. */
function record(host: HTMLElement, session: SurveySession, outbox: Outbox, fixed: Target | SavedSession, early?: EarlyActions): void {
  let previous = early?.initial ?? session.state;
  // The language is the one in use when the session starts on the collector.
  let lang = fixed.lang;
  const onChange = (state: SessionState, event: SessionEvent): void => {
    if (state.phase === 'information') {
      previous = state;
      return;
    }
    lang ??= toLang(host.lang);
    const target: SessionTarget = {
      endpoint: fixed.endpoint,
      token: fixed.token,
      lang,
      device: fixed.device,
      ...(fixed.organisation && { organisation: fixed.organisation }),
      ...(fixed.campaign && { campaign: fixed.campaign }),
      ...(fixed.externalRef && { externalRef: fixed.externalRef }),
      ...(fixed.followUpCode && { followUpCode: fixed.followUpCode }),
    };
    const requests = requestsFor(previous, state, event, target);
    previous = state;
    const sessionChange =
      state.phase === 'finished'
        ? { forget: state.sessionId }
        : {
            save: {
              sessionId: state.sessionId,
              surveyId: state.surveyId,
              contentVersion: state.contentVersion,
              ...target,
              snapshot: session.toJSON(),
              savedAt: Date.now(),
            } satisfies SavedSession,
          };
    outbox.enqueue(requests, sessionChange).catch((error: unknown) => {
      report(host, 'outbox_write_failed', `An answer could not be kept on this device: ${(error as Error).message}`);
    });
  };
  // The changes made before the recorder was in the page first, in order, then the next ones.
  early?.stop();
  for (const change of early?.changes ?? []) onChange(change.state, change.event);
  session.subscribe(onChange);
}

const watched = new WeakMap<Outbox, WeakSet<HTMLElement>>();

/** One `obs-error` on the host per refused request (the survey's and the adaptive test's recorders). */
export function reportRefusals(host: HTMLElement, outbox: Outbox): void {
  let hosts = watched.get(outbox);
  if (!hosts) watched.set(outbox, (hosts = new WeakSet()));
  if (hosts.has(host)) return;
  hosts.add(host);
  let last: unknown;
  outbox.subscribe((status) => {
    if (!status.error || status.error === last) return;
    last = status.error;
    report(host, 'outbox_rejected', status.error.message);
  });
}

function report(host: HTMLElement, code: string, message: string): void {
  emit(host, 'obs-error', { code, message, error: new ObservatoireError(code, message) });
}

/**
 * A coarse device type for the collector (no fingerprint: the pointer and the screen's size).
 *
 * @example
 * deviceType(); // 'tablet'
 */
export function deviceType(): Device {
  if (typeof matchMedia !== 'function' || typeof screen === 'undefined') return 'unknown';
  const touch = matchMedia('(pointer: coarse)').matches;
  if (!touch) return matchMedia('(pointer: fine)').matches ? 'desktop' : 'unknown';
  return Math.min(screen.width, screen.height) < 600 ? 'mobile' : 'tablet';
}
