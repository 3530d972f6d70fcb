/**
 * Driving `<obs-dashboard>` tests against a collector (docs/dashboard.md, "Tests"): the admin's API calls,
 * a structure with its campaign and key, and participants' devices played through the API.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { SurveyDefinition } from '@observatoire/core';
import '../../packages/elements/src/dashboard/index.js';
import type { ObsDashboard } from '../../packages/elements/src/dashboard/obs-dashboard.js';
import { rightAnswer, until } from '../../packages/elements/src/outbox/test-helpers.js';

const DEFINITION_URL = '/packages/content/surveys/observatoire-2025.json';
const DAY = 86_400_000;
const vitre = { postalCode: '35500', code: '35360', name: 'Vitré', department: '35', region: '53' };

/**
 * @example
 * const { structure, participant, openDashboard } = collectorDriver('/collector', 'observatoire-mock-admin', definition);
 */
export function collectorDriver(ENDPOINT: string, ADMIN: string, definition: SurveyDefinition) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON
  type Reply = { status: number; body: any };

  async function call(method: string, path: string, body?: unknown, token = ADMIN): Promise<Reply> {
    const response = await fetch(`${ENDPOINT}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  /** An organisation, its open campaign and its structure key. */
  async function structure(id: string): Promise<{ code: string; key: string; keyId: string }> {
    expect((await call('POST', '/v1/organisations', { id, name: `Structure ${id}`, commune: '35360' })).status).to.equal(201);
    const campaign = await call('POST', '/v1/campaigns', { organisation: id, surveyId: definition.id, contentVersion: definition.version, opensAt: Date.now() - DAY, target: 20, label: 'Ateliers' });
    expect(campaign.status).to.equal(201);
    const key = await call('POST', '/v1/keys', { role: 'structure', organisation: id, label: 'accueil' });
    return { code: campaign.body.code, key: key.body.key, keyId: key.body.id };
  }

  /** A questionnaire a participant validates (first options; another year of birth each, so no two look alike). */
  function questionnaire(year: number): Record<string, unknown> {
    const answers: Record<string, unknown> = {};
    for (const question of definition.questionnaire!.questions) {
      if (question.id === 'thematiques_demarches') continue;
      answers[question.id] =
        question.kind === 'year' ? year : question.kind === 'commune' ? vitre : question.kind === 'multiple' ? [question.options[0]!.code] : question.kind === 'single' ? question.options[0]!.code : 'texte';
    }
    return answers;
  }

  /** A participant's device: its session in a campaign, then what it sends. */
  async function participant(code: string) {
    const sessionId = `s-${crypto.randomUUID()}`;
    const token = `${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, '');
    const created = await call('POST', '/v1/sessions', { surveyId: definition.id, contentVersion: definition.version, device: 'tablet', lang: 'fr', sessionId, token, campaign: code, startedAt: Date.now() });
    expect(created.status).to.equal(201);
    const at = Date.now();
    return {
      sessionId,
      validate: async (year = 1960) => expect((await call('PUT', `/v1/sessions/${sessionId}/questionnaire`, { answers: questionnaire(year), filledByMediator: false, validatedAt: at }, token)).status).to.equal(201),
      /** `true`: right; `false`: wrong; `null`: skipped by `actor`. */
      play: async (challengeId: string, right: boolean | null, actor: 'participant' | 'mediator' = 'participant') => {
        const challenge = definition.challenges.find((c) => c.id === challengeId)!;
        const answer = right === null ? null : right ? rightAnswer(challenge) : wrongAnswer(challenge);
        const reply = await call('POST', `/v1/sessions/${sessionId}/answers`, { answerId: crypto.randomUUID(), challengeId, answer, actor, startedAt: Date.now() - 30_000, answeredAt: Date.now(), durationMs: 30_000 }, token);
        expect(reply.status, JSON.stringify(reply.body)).to.equal(201);
      },
    };
  }

  /** A wrong answer of the right shape. */
  function wrongAnswer(challenge: SurveyDefinition['challenges'][number]): ReturnType<typeof rightAnswer> {
    if (challenge.type === 'QCU') return String((challenge.solution % challenge.proposals.length) + 1);
    const right = rightAnswer(challenge);
    return typeof right === 'string' ? 'zzzz' : Object.fromEntries(Object.keys(right).map((key) => [key, 'zzzz']));
  }

  const courseOf = (id: string) => definition.courses.find((c) => c.id === id)!.challenges;

  async function openDashboard(key: string, { lang = 'fr', width = 900 } = {}): Promise<ObsDashboard> {
    const element = await fixture<ObsDashboard>(
      html`<obs-dashboard endpoint=${ENDPOINT} definition=${DEFINITION_URL} lang=${lang} interval="2" style=${`display:block;width:${width}px`} .apiKey=${key}></obs-dashboard>`,
    );
    await until(() => element.shadowRoot!.querySelector('#participants-heading') !== null, 'the dashboard follows a campaign');
    return element;
  }

  return { call, structure, participant, courseOf, openDashboard };
}

// Spaces and line breaks collapsed; non-breaking spaces kept (French typography is checked).
export const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
export const row = (dashboard: ObsDashboard, name: string) =>
  [...dashboard.shadowRoot!.querySelectorAll('[part~="participants"] tbody tr')].find((tr) => text(tr.querySelector('th')).startsWith(name));
