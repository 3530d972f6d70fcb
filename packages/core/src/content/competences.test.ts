import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSurveyDefinition } from './parse.js';

const t = (fr: string) => ({ fr, en: `${fr} (en)` });
const qcu = (id: string, skill?: { area: string; competence?: string; level: number }) => ({
  id, type: 'QCU', instruction: t(`Question ${id}`), proposals: [t('Oui'), t('Non')], solution: 1, ...(skill ? { skill } : {}),
});
const named = (code: string) => ({ code, name: t(`Compétence ${code}`) });

function definition(edit: (d: Record<string, unknown>) => void = () => {}) {
  const d: Record<string, unknown> = {
    schemaVersion: 1, id: 'survey', version: '1', title: t('Enquête'), provenance: { author: 'Test', status: 'project' },
    information: { title: t('Info'), body: [t('Texte')], consent: t('OK') },
    challenges: [qcu('a', { area: '1', competence: '1.1', level: 1 }), qcu('b', { area: '5', level: 2 }), qcu('c')],
    courses: [{ id: 'c1', title: t('C'), challenges: ['a', 'b', 'c'] }],
    competences: [named('1.1'), named('5')],
  };
  edit(d);
  return parseSurveyDefinition(d);
}

describe('competences named in content (docs/content.md, "Skills")', () => {
  test('each skill tag’s competence, or its area when it has no competence, has a name in French and English', () => {
    assert.deepEqual(definition().competences?.map((c) => [c.code, c.name.fr]), [['1.1', 'Compétence 1.1'], ['5', 'Compétence 5']]);
  });
  test('a definition may name none (the card then falls back on the framework’s names)', () => {
    assert.equal(definition((d) => delete d.competences).competences, undefined);
  });
  const cases: [string, (d: Record<string, unknown>) => void, RegExp][] = [
    ['a competence without a name', (d) => (d.competences = [named('5')]), /challenges\[0\]\.skill\.competence: "1\.1" has no name in competences/],
    ['an area without a name (tag without competence)', (d) => (d.competences = [named('1.1')]), /challenges\[1\]\.skill\.area: "5" has no name in competences/],
    ['a code named twice', (d) => (d.competences = [named('1.1'), named('5'), named('1.1')]), /competences\[2\]\.code: duplicate competence code "1\.1"/],
    ['a name in French only', (d) => (d.competences = [named('5'), { code: '1.1', name: { fr: 'Chercher' } }]), /competences\[1\]\.name\.en/],
    ['an empty list', (d) => (d.competences = []), /competences/],
  ];
  for (const [name, edit, message] of cases) test(`refused: ${name}`, () => assert.throws(() => definition(edit), message));
});
