/**
 * What the collector must be told after each session event: a pure mapping from the core's
 * event log to the collector's API (docs/outbox.md). Every request carries an id derived from
 * the event's id, so sending it twice (a retry, two tabs) stores it once. The bodies are typed by
 * the wire contract (`@observatoire/core/api`, types only: its schemas stay out of the bundle).
 */
import type { ChallengeResult, Lang, SessionEvent, SessionState } from '@observatoire/core';
import type { CreateSessionBody, Device, EventType, PostAnswerBody, PostEventBody, PostRefusalBody, PutQuestionnaireBody } from '@observatoire/core/api';
import type { OutboxRequest } from './types.js';

/** What every request of one session needs besides the event. */
export interface SessionTarget {
  /** The collector's base URL, e.g. `https://collecte.example.fr` (the `/v1/…` paths are added). */
  endpoint: string;
  token: string;
  lang: Lang;
  device: Device;
  /** Organisation code given by the host page. */
  organisation?: string;
  /** Campaign code given by the host page (`ABC-234`). */
  campaign?: string;
  /** The host's reference for the session (`external-ref`). */
  externalRef?: string;
  /** The session's follow-up code (docs/follow-up.md). */
  followUpCode?: string;
}

export { collectorEndpoint } from './endpoint.js';

/**
 * The requests one session event calls for, in the order they must be sent.
 * `previous` is the state before the event, `state` the state after it.
 *
 * @example
 * session.subscribe((state, event) => {
 *   outbox.enqueue(requestsFor(previous, state, event, target));
 *   previous = state;
 * });
 */
export function requestsFor(previous: SessionState, state: SessionState, event: SessionEvent, target: SessionTarget): OutboxRequest[] {
  const sessionId = state.sessionId;
  const base = target.endpoint.replace(/\/+$/, '');
  const sessionUrl = `${base}/v1/sessions/${encodeURIComponent(sessionId)}`;
  const common = { endpoint: base, sessionId, token: target.token };
  const protocolEvent = (id: string, type: EventType, at: number, courseId?: string): OutboxRequest => ({
    ...common,
    kind: 'event',
    id,
    method: 'POST',
    url: `${sessionUrl}/events`,
    body: { eventId: id, type, ...(courseId !== undefined && { courseId }), at: Math.round(at), actor: event.actor } satisfies PostEventBody,
  });
  const action = event.action;
  switch (action.type) {
    case 'start':
      return [
        {
          ...common,
          kind: 'session',
          id: sessionId,
          method: 'POST',
          url: `${base}/v1/sessions`,
          body: {
            surveyId: state.surveyId,
            contentVersion: state.contentVersion,
            ...(target.organisation && { organisation: target.organisation }),
            ...(target.campaign && { campaign: target.campaign }),
            ...(target.externalRef && { externalRef: target.externalRef }),
            ...(target.followUpCode && { followUpCode: target.followUpCode }),
            device: target.device,
            lang: target.lang,
            sessionId,
            token: target.token,
            startedAt: Math.round(state.startedAt),
            ...(state.channel === 'paper' && { channel: 'paper', paperDate: state.paperDate }),
          } satisfies CreateSessionBody,
        },
      ];
    case 'validateQuestionnaire': {
      const requests: OutboxRequest[] = [
        {
          ...common,
          kind: 'questionnaire',
          id: `${sessionId}:questionnaire`,
          method: 'PUT',
          url: `${sessionUrl}/questionnaire`,
          body: {
            // The core's answers are read-only and may leave an optional commune field out; the wire's
            // record is the same data (the collector checks each answer in detail with the core).
            answers: state.questionnaire.answers as PutQuestionnaireBody['answers'],
            filledByMediator: state.questionnaire.filledByMediator,
            validatedAt: Math.round(state.questionnaire.validatedAt ?? event.at),
            ...(state.questionnaire.prefilled && { prefilled: [...state.questionnaire.prefilled] }),
          } satisfies PutQuestionnaireBody,
        },
      ];
      // A paper form has no course: its session ends with the questionnaire (docs/protocol.md, "Paper channel").
      if (state.phase === 'finished') requests.push(protocolEvent(`${event.id}:finished`, 'finished', event.at));
      return requests;
    }
    case 'answerChallenge':
    case 'skipChallenge':
    case 'skipRemaining': {
      const course = state.courses[previous.courseIndex];
      const results = (course?.results ?? []).filter((result) => result.eventId === event.id);
      const several = action.type === 'skipRemaining';
      const requests = results.map((result): OutboxRequest => {
        const answerId = several ? `${event.id}:${result.challengeId}` : event.id;
        return { ...common, kind: 'answer', id: answerId, method: 'POST', url: `${sessionUrl}/answers`, body: answerBody(answerId, result) };
      });
      const courseId = course?.courseId;
      if (several) requests.push(protocolEvent(`${event.id}:skip_remaining`, 'skip_remaining', event.at, courseId));
      if (state.phase !== 'course') requests.push(protocolEvent(`${event.id}:course_end`, 'course_end', event.at, courseId));
      if (state.phase === 'finished') requests.push(protocolEvent(`${event.id}:finished`, 'finished', event.at));
      return requests;
    }
    case 'continue':
      // From `validated`, "continue" only opens the first course: it is no end-of-course decision.
      return previous.phase === 'endOfCourse' ? [protocolEvent(event.id, 'continue', event.at, previous.courses[previous.courseIndex]?.courseId)] : [];
    case 'quit':
      return [protocolEvent(event.id, 'quit', event.at, previous.courses[previous.courseIndex]?.courseId)];
    case 'resume': {
      // Before `start` the collector knows nothing of the session: there is nothing to tell it.
      if (previous.phase === 'information') return [];
      const last = previous.events[previous.events.length - 1];
      const courseId = previous.phase === 'course' ? previous.courses[previous.courseIndex]?.courseId : undefined;
      return [
        protocolEvent(`${event.id}:interruption`, 'interruption', last?.at ?? event.at, courseId),
        protocolEvent(event.id, 'resume', event.at, courseId),
      ];
    }
    default:
      // Questionnaire edits stay on the device until the questionnaire is validated.
      return [];
  }
}

/**
 * The request recording a person offered the survey who did not take it (docs/collector.md,
 * "Refusals"): its own queue (by its id), no token, sent again safely.
 *
 * @example
 * outbox.enqueue([refusalRequest('https://collecte.example.fr', { refusalId, surveyId, contentVersion, reason: 'no_time', at: Date.now() })]);
 */
export function refusalRequest(endpoint: string, body: PostRefusalBody): OutboxRequest {
  const base = endpoint.replace(/\/+$/, '');
  return { kind: 'refusal', endpoint: base, sessionId: body.refusalId, id: body.refusalId, method: 'POST', url: `${base}/v1/refusals`, token: '', body };
}

function answerBody(answerId: string, result: ChallengeResult): PostAnswerBody {
  return {
    answerId,
    challengeId: result.challengeId,
    answer: result.answer ?? null,
    ...(result.timedOut === true && { timedOut: true }),
    actor: result.actor,
    startedAt: Math.round(result.startedAt),
    answeredAt: Math.round(result.answeredAt),
    durationMs: Math.round(result.durationMs),
    ...(result.skippedRemaining && { skippedRemaining: true }),
  };
}
