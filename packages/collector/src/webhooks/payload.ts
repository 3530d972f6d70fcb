/**
 * The body of a webhook event (docs/webhooks.md, "Payload"): the session's ids, the integrator's
 * external reference and the results summary, read by the same functions as the results route and
 * the export (`sessionOutcome`, the core's `staircaseLevel`). Never the questionnaire's answers nor
 * anything the participant typed.
 */
import type { SurveyDefinition } from '@observatoire/core';
import { staircaseLevel } from '@observatoire/core/analysis';
import type { WebhookEventType, WebhookPayload } from '@observatoire/core/api';
import { sessionOutcome } from '../export/progress.js';
import type { SessionData } from '../store/types.js';
import type { WebhookEvent } from '../store/webhook-types.js';

/**
 * The event to queue with a state change, from the session as it is once the change is made.
 *
 * @example
 * const event = webhookEvent('session.completed', definition, data, Date.now());
 * await store.addEvent(record, MAX_EVENTS_PER_SESSION, event);
 */
export function webhookEvent(type: WebhookEventType, definition: SurveyDefinition, data: SessionData, at: number): WebhookEvent {
  const outcome = sessionOutcome(definition, data);
  const { session } = data;
  const payload: WebhookPayload = {
    type,
    timestamp: new Date(at).toISOString(),
    data: {
      sessionId: session.id,
      surveyId: session.surveyId,
      contentVersion: session.contentVersion,
      campaign: session.campaign ?? null,
      organisation: session.organisation,
      externalRef: session.externalRef ?? null,
      endReason: outcome.endReason,
      testTimeMs: outcome.testTimeMs,
      staircaseLevel: staircaseLevel(outcome.courses) ?? null,
      courses: outcome.courses.map(({ courseId, status, successRate }) => ({ courseId, status, successRate })),
    },
  };
  return { type, body: JSON.stringify(payload), at };
}
