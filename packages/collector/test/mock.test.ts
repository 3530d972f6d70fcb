/** The msw handlers forward to the same app over memory (run in Node with msw/node for now). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setupServer } from 'msw/node';
import { createMockHandlers } from '../src/mock.js';
import { COURSES, definition, questionnaireAnswers, rightAnswer } from './fixture.js';
import { secret, uid } from './helpers.js';

describe('mock mode', () => {
  const endpoint = 'https://collector.example/api';
  const server = setupServer(...createMockHandlers({ endpoint, definitions: [definition], adminToken: 'mock-admin-token' }));
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const response = await fetch(`${endpoint}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, text, body: text.startsWith('[') || text.startsWith('{') ? JSON.parse(text) : undefined };
  };

  test('a whole session goes through the same API and ends in the export', async () => {
    const sessionId = uid('s');
    const token = secret();
    const created = await call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId, token });
    assert.equal(created.status, 201);
    assert.equal((await call('PUT', `/v1/sessions/${sessionId}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: true, validatedAt: Date.now() }, token)).status, 201);
    for (const id of COURSES.manipulation) {
      const reply = await call('POST', `/v1/sessions/${sessionId}/answers`, { answerId: `${sessionId}-${id}`, challengeId: id, answer: rightAnswer(id), actor: 'participant', startedAt: Date.now(), answeredAt: Date.now() + 1000, durationMs: 1000 }, token);
      assert.equal(reply.status, 201);
      assert.equal(reply.body.status, 'ok');
    }
    assert.equal((await call('POST', `/v1/sessions/${sessionId}/events`, { eventId: `${sessionId}-quit`, type: 'quit', courseId: 'manipulation', at: Date.now(), actor: 'participant' }, token)).status, 201);
    const rows = await call('GET', '/v1/export?format=json', undefined, 'mock-admin-token');
    assert.equal(rows.status, 200);
    const row = rows.body.find((r: Record<string, string>) => r['session_id'] === sessionId);
    assert.equal(row.filled_by_mediator, '1');
    assert.equal(row.course1_success_rate, '1');
    assert.equal(row.end_reason, 'quit');
  });

  test('errors are the real API errors', async () => {
    const reply = await call('POST', '/v1/sessions', { surveyId: 'fixture' });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error, 'invalid_request');
    assert.equal((await call('GET', '/openapi.json')).body.openapi, '3.1.0');
  });
});
