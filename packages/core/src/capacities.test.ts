import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { capacityResults, type CapacityLevel } from './capacities.js';
import { parseSurveyDefinition } from './content/parse.js';
import type { AnswerStatus } from './checking/types.js';

const t = (fr: string) => ({ fr, en: `${fr} (en)` });
const qcu = (id: string, capacity?: string) => ({
  id, type: 'QCU', instruction: t(`Question ${id}`), proposals: [t('Oui'), t('Non')], solution: 1, ...(capacity ? { capacity } : {}),
});
const capacity = (id: string) => ({ id, title: t(id), results: { mastered: t(`${id} acquis`), partly: t(`${id} en partie`), notYet: t(`${id} pas encore`) } });

function definition(edit: (d: Record<string, unknown>) => void = () => {}) {
  const d: Record<string, unknown> = {
    schemaVersion: 1, id: 'diag', version: '1', title: t('Diag'), provenance: { author: 'Test', status: 'project' },
    information: { title: t('Info'), body: [t('Texte')], consent: t('OK') },
    challenges: [qcu('a1', 'a'), qcu('a2', 'a'), qcu('a3', 'a'), qcu('a4', 'a'), qcu('b1', 'b')],
    courses: [{ id: 'c', title: t('C'), challenges: ['a1', 'a2', 'a3', 'a4', 'b1'] }],
    capacities: [capacity('a'), capacity('b')],
  };
  edit(d);
  return parseSurveyDefinition(d);
}

describe('capacityResults: mastered when every challenge is ok, partly from half, not yet below', () => {
  const cases: [string, Record<string, AnswerStatus>, CapacityLevel][] = [
    ['4 of 4', { a1: 'ok', a2: 'ok', a3: 'ok', a4: 'ok' }, 'mastered'],
    ['3 of 4', { a1: 'ok', a2: 'ok', a3: 'ok', a4: 'ko' }, 'partly'],
    ['2 of 4 (half)', { a1: 'ok', a2: 'ok', a3: 'aband', a4: 'timedout' }, 'partly'],
    ['1 of 4', { a1: 'ok' }, 'notYet'],
    ['none played', {}, 'notYet'],
  ];
  for (const [name, statuses, level] of cases)
    test(`${name} → ${level}, with the content's words`, () => {
      const [a] = capacityResults(definition(), statuses);
      assert.equal(a?.level, level);
      assert.deepEqual(a?.words, definition().capacities?.[0]?.results[level]);
    });
  test('each capacity counts only its own challenges', () => {
    assert.deepEqual(capacityResults(definition(), { b1: 'ok' }).map((r) => [r.id, r.ok, r.total, r.level]), [['a', 0, 4, 'notYet'], ['b', 1, 1, 'mastered']]);
  });
  test('a definition without capacities gives no result', () => {
    assert.deepEqual(capacityResults(definition((d) => { delete d.capacities; d.challenges = [qcu('a1')]; d.courses = [{ id: 'c', title: t('C'), challenges: ['a1'] }]; }), {}), []);
  });
});

describe('capacities in content: checked as cross-references', () => {
  const cases: [string, (d: Record<string, unknown>) => void, RegExp][] = [
    ['a challenge naming an unknown capacity', (d) => ((d.challenges as unknown[])[4] = qcu('b1', 'z')), /challenges\[4\]\.capacity: unknown capacity "z"/],
    ['a challenge without capacity when the definition has some', (d) => ((d.challenges as unknown[])[4] = qcu('b1')), /challenges\[4\]\.capacity: is required/],
    ['a capacity no challenge counts for', (d) => (d.capacities = [capacity('a'), capacity('b'), capacity('c')]), /capacities\[2\]: no challenge counts for capacity "c"/],
    ['a duplicate capacity id', (d) => (d.capacities = [capacity('a'), capacity('b'), capacity('a')]), /capacities\[2\]\.id: duplicate capacity id "a"/],
  ];
  for (const [name, edit, message] of cases) test(name, () => assert.throws(() => definition(edit), message));
});
