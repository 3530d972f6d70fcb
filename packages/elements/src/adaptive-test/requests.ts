/**
 * What the collector must be told after each event of an adaptive test (docs/collector.md,
 * "Adaptive sessions"): a pure mapping from the core's adaptive session to the `/v1/adaptive-sessions`
 * routes, typed by the wire contract (types only: zod stays out of the bundle). Every request carries
 * an id derived from the core's event id, so a retry is stored once.
 */
import type { AdaptiveEvent, AdaptiveSnapshot, AdaptiveState } from '@observatoire/core/adaptive';
import type { CreateAdaptiveSessionBody, FinishAdaptiveBody, PostAdaptiveAnswerBody } from '@observatoire/core/api';
import type { OutboxRequest } from '../outbox/types.js';
import type { SessionTarget } from '../outbox/requests.js';

/**
 * The request that creates the session on the collector, with what it needs to re-run the test.
 *
 * @example
 * outbox.enqueue([adaptiveSessionRequest(session.toJSON(), target)]);
 */
export function adaptiveSessionRequest(snapshot: AdaptiveSnapshot, target: SessionTarget): OutboxRequest {
  const { state, seed } = snapshot;
  const base = target.endpoint.replace(/\/+$/, '');
  return {
    kind: 'session',
    endpoint: base,
    sessionId: state.sessionId,
    token: target.token,
    id: state.sessionId,
    method: 'POST',
    url: `${base}/v1/adaptive-sessions`,
    body: {
      sessionId: state.sessionId,
      token: target.token,
      bankId: state.bankId,
      bankVersion: state.bankVersion,
      seed,
      // The core's configuration is the wire's (a compile-time check in @observatoire/core/api).
      config: state.config as CreateAdaptiveSessionBody['config'],
      ...(target.organisation && { organisation: target.organisation }),
      device: target.device,
      lang: target.lang,
      startedAt: Math.round(state.startedAt),
    } satisfies CreateAdaptiveSessionBody,
  };
}

/**
 * The requests one event of the test calls for, in order: its answer, then the finish when the
 * stopping rule ended the test with it; or the finish of a mediator's stop.
 *
 * @example
 * session.subscribe((state, event) => outbox.enqueue(adaptiveRequestsFor(state, event, target)));
 */
export function adaptiveRequestsFor(state: AdaptiveState, event: AdaptiveEvent, target: SessionTarget): OutboxRequest[] {
  const endpoint = target.endpoint.replace(/\/+$/, '');
  const base = `${endpoint}/v1/adaptive-sessions/${encodeURIComponent(state.sessionId)}`;
  const common = { endpoint, sessionId: state.sessionId, token: target.token, method: 'POST' as const };
  const finish = (eventId: string, reason: FinishAdaptiveBody['reason'], actor: FinishAdaptiveBody['actor']): OutboxRequest => ({
    ...common,
    kind: 'event',
    id: eventId,
    url: `${base}/finish`,
    body: { eventId, reason, at: Math.round(event.at), actor } satisfies FinishAdaptiveBody,
  });
  const action = event.action;
  if (action.type === 'stop') return [finish(event.id, 'stopped', 'mediator')];
  const seq = state.responses.findIndex((response) => response.eventId === event.id) + 1;
  const response = state.responses[seq - 1];
  if (!response) return [];
  const requests: OutboxRequest[] = [
    {
      ...common,
      kind: 'answer',
      id: event.id,
      url: `${base}/answers`,
      body: {
        answerId: event.id,
        seq,
        itemId: response.itemId,
        answer: response.answer ?? null,
        ...(action.type === 'answerItem' && action.timedOut === true && { timedOut: true }),
        actor: 'participant',
        startedAt: Math.round(response.startedAt),
        answeredAt: Math.round(response.answeredAt),
        durationMs: Math.max(0, Math.round(response.answeredAt) - Math.round(response.startedAt)),
      } satisfies PostAdaptiveAnswerBody,
    },
  ];
  if (state.phase === 'finished') requests.push(finish(`${event.id}:finished`, 'completed', 'participant'));
  return requests;
}
