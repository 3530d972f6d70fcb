/** The collector checks a validated questionnaire with the core's rule, as the session does (docs/questionnaire.md, "Validation"). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSurveyDefinition, type SurveyDefinitionInput } from '@observatoire/core';
import { createApp } from '../src/app.js';
import { MemoryStore } from '../src/store/memory.js';
import { definition, questionnaireAnswers } from './fixture.js';
import { client } from './helpers.js';

/** The fixture survey with a question shown only to people in employment. */
const conditional = parseSurveyDefinition({
  ...(definition as SurveyDefinitionInput),
  id: 'conditional',
  questionnaire: {
    id: 'profil',
    questions: [
      ...definition.questionnaire!.questions,
      { id: 'secteur', kind: 'single', label: { fr: 'Secteur', en: 'Sector' }, required: true, visibleWhen: { question: 'situation', anyOf: ['en_emploi'] }, options: [
        { code: 'public', label: { fr: 'Public', en: 'Public' } },
        { code: 'prive', label: { fr: 'Privé', en: 'Private' } },
      ] },
    ],
  },
});

async function putQuestionnaire(answers: Record<string, unknown>) {
  const store = new MemoryStore();
  const clock = { t: Date.UTC(2025, 4, 12) };
  const api = client(createApp({ store, definitions: [conditional], now: () => clock.t }));
  const created = await api.call('POST', '/v1/sessions', { surveyId: 'conditional', contentVersion: conditional.version, device: 'mobile', lang: 'fr' });
  const { sessionId, token } = created.body as { sessionId: string; token: string };
  const reply = await api.call('PUT', `/v1/sessions/${sessionId}/questionnaire`, { answers, filledByMediator: false, validatedAt: clock.t }, token);
  return { reply, stored: (await store.getSessionData(sessionId))?.questionnaire?.answers };
}

describe('PUT questionnaire: hidden answers are dropped, as the session drops them', () => {
  const cases: [string, Record<string, unknown>, number, string[] | null][] = [
    ['an answer to a hidden question is dropped, the rest stored', { ...questionnaireAnswers, secteur: 'public' }, 201, Object.keys(questionnaireAnswers)],
    ['a visible conditional answer is kept', { ...questionnaireAnswers, situation: 'en_emploi', secteur: 'prive' }, 201, [...Object.keys(questionnaireAnswers), 'secteur']],
    ['a visible required conditional question without an answer is refused', { ...questionnaireAnswers, situation: 'en_emploi' }, 400, null],
    ['a wrong answer to a hidden question is still refused', { ...questionnaireAnswers, secteur: 'ailleurs' }, 400, null],
  ];
  for (const [name, answers, status, kept] of cases)
    test(name, async () => {
      const { reply, stored } = await putQuestionnaire(answers);
      assert.equal(reply.status, status, JSON.stringify(reply.body));
      if (kept) assert.deepEqual(Object.keys(stored ?? {}).sort(), [...kept].sort());
      else assert.equal(stored, undefined);
    });
});
