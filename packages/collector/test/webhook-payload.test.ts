/** The webhook payload (docs/webhooks.md, "Payload"): ids, the external reference when the session has one, the summary. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WebhookPayload } from '@observatoire/core/api';
import type { SessionData } from '../src/store/types.js';
import { webhookEvent } from '../src/webhooks/payload.js';
import { definition, questionnaireAnswers } from './fixture.js';

const AT = Date.UTC(2026, 11, 2, 10);

function data(externalRef?: string | null): SessionData {
  return {
    session: {
      id: 's-1', tokenHash: 'x', surveyId: 'fixture', contentVersion: '1.0.0', organisation: 'org', campaign: 'KXR-482',
      ...(externalRef === undefined ? {} : { externalRef }),
      device: 'tablet', lang: 'fr', startedAt: AT, receivedAt: AT, endedAt: AT, endReason: 'quit',
    },
    questionnaire: { sessionId: 's-1', answers: { ...questionnaireAnswers, remarque: 'Jeanne Martin' }, filledByMediator: false, validatedAt: AT, receivedAt: AT },
    answers: [],
    events: [],
  };
}

for (const [externalRef, expected, reason] of [
  ['beneficiaire-4821', 'beneficiaire-4821', 'a session with an external reference carries it'],
  [null, null, 'a session whose reference is null carries null'],
  [undefined, null, 'a session stored without the field carries null'],
] as const) {
  test(`webhook payload: ${reason}`, () => {
    const event = webhookEvent('session.left', definition, data(externalRef), AT);
    const payload = WebhookPayload.parse(JSON.parse(event.body));
    assert.equal(payload.data.externalRef, expected);
    assert.deepEqual([event.type, event.at, payload.type, payload.timestamp], ['session.left', AT, 'session.left', '2026-12-02T10:00:00.000Z']);
    assert.deepEqual([payload.data.endReason, payload.data.staircaseLevel, payload.data.courses.map((c) => c.status)], ['quit', null, ['not_reached', 'not_reached', 'not_reached']]);
    assert.ok(!event.body.includes('Jeanne') && !event.body.includes('feminin'), 'no questionnaire answer');
  });
}
