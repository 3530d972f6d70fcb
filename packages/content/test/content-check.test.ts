/** `npm run content:check` passes on the shipped content, and each of its rules fails on a broken copy. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readingScore } from '@observatoire/core/validate';
import { checkContent, MIN_READING_SCORE } from '../check/check.js';
import { contentDir } from '../check/rules.js';

/** A copy of the content folder, `edit` applied to one of its JSON files, then checked. */
function checkBroken(file: string, edit: (d: any) => void): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'content-check-'));
  try {
    for (const folder of ['surveys', 'pictures', 'adaptive']) cpSync(join(contentDir, folder), join(dir, folder), { recursive: true });
    const path = join(dir, file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    edit(json);
    writeFileSync(path, JSON.stringify(json));
    return checkContent(dir).problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const survey = 'surveys/observatoire-2025.json';
const diagnostic = 'surveys/diagnostic-rapide.json';
const find = (d: any, id: string) => d.challenges.find((c: any) => c.id === id);

test('the shipped content passes, with a summary per instrument', () => {
  const { problems, summaries } = checkContent(contentDir);
  assert.deepEqual(problems, []);
  assert.equal(summaries.length, 3);
  assert.match(summaries.join('\n'), /observatoire-2025 .*project by Observatoire/);
  assert.match(summaries.join('\n'), /positionnement-2026 .*version 2026\.1, project by Observatoire, parameters experts/);
  assert.match(summaries.join('\n'), /culture: 5 items, levels 2 3 3 3 3/);
});

describe('each rule fails on a broken copy, naming the file and the path', () => {
  const cases: [string, string, (d: any) => void, RegExp][] = [
    ['the schema: a definition without provenance', survey, (d) => delete d.provenance, /observatoire-2025\.json: provenance: is required/],
    ['a cross-reference: a course naming an unknown challenge', survey, (d) => (d.courses[0].challenges[0] = 'absent'), /courses\[0\]\.challenges\[0\]: unknown challenge id "absent"/],
    ['the adaptive bank\'s own schema', 'adaptive/bank-2026.json', (d) => delete d.items[0].parameters, /bank-2026\.json: items\[0\]\.parameters/],
    ['a bank without its provenance\'s author and status', 'adaptive/bank-2026.json', (d) => (d.provenance = d.provenance.description), /bank-2026\.json: provenance\.author/],
    ['a bank claiming calibrated parameters set by experts', 'adaptive/bank-2026.json', (d) => (d.provenance.parameters = 'calibrated'), /bank-2026\.json: provenance\.parameters: "calibrated", but items\[0\] has parameters set by experts/],
    ['a code that is not in the official list', survey, (d) => (d.questionnaire.questions[1].options[0].code = 'femme'), /questions\[1\]\.options\[0\]\.code: unknown option code "femme"/],
    ['a level that breaks the staircase', survey, (d) => (find(d, 'reponse-ia').skill.level = 1) && d.challenges.filter((c: any) => d.courses[2].challenges.includes(c.id)).forEach((c: any) => (c.skill.level = 1)), /courses\[2\]: mean level 1\.00 is not above/],
    ['an item shared between two instruments (same id)', diagnostic, (d) => (d.challenges[0].id = 'code-sms') && (d.courses[0].challenges[0] = 'code-sms'), /challenge "code-sms" is also an item of (observatoire-2025|diagnostic-rapide)/],
    ['an item shared between two instruments (same instruction)', diagnostic, (d) => (d.challenges[0].instruction = find(JSON.parse(readFileSync(join(contentDir, survey), 'utf8')), 'reponse-ia').instruction), /has the same instruction as an item of (observatoire-2025|diagnostic-rapide)/],
    ['an alternative text that does not describe the picture', survey, (d) => (find(d, 'code-sms').illustration.alt.fr = 'sms-code.svg'), /illustration\.alt\.fr: "sms-code\.svg" does not describe the picture/],
    ['a hard-to-read instruction', survey, (d) => (find(d, 'reponse-ia').instruction.fr = 'Veuillez procéder à la régularisation administrative de votre dossier auprès des organismes compétents.'), /instruction\.fr: reading score \d+, under 50/],
    ['a missing picture', survey, (d) => (find(d, 'code-sms').illustration.src = '../pictures/absente.svg'), /no file \.\.\/pictures\/absente\.svg/],
    ['a capacity no challenge counts for', diagnostic, (d) => d.capacities.push({ ...d.capacities[0], id: 'creer' }), /capacities\[3\]: no challenge counts for capacity "creer"/],
  ];
  for (const [name, file, edit, expected] of cases)
    test(name, () => {
      const problems = checkBroken(file, edit);
      assert.ok(problems.some((p) => expected.test(p)), problems.join('\n') || '(no problem)');
    });
});

describe('readingScore (Kandel–Moles, French)', () => {
  const cases: [string, string, (score: number) => boolean][] = [
    ['a short spoken-style instruction reads easily', 'Appuyez sur le bouton.', (s) => s > 80],
    ['dense administrative French reads hard', 'Veuillez procéder à la régularisation administrative de votre dossier.', (s) => s < 30],
    ['one long sentence reads harder than short ones', 'Ouvrez le message. Puis lisez-le.', (s) => s > readingScore('Ouvrez le message que vous avez reçu ce matin de la part de votre caisse de retraite, puis lisez-le en entier avant de répondre.').score],
    ['an empty text has nothing to read', '', (s) => s === 100],
  ];
  for (const [name, text, ok] of cases) test(name, () => assert.ok(ok(readingScore(text).score), String(readingScore(text).score)));
  test(`the threshold (${MIN_READING_SCORE}) sits between ordinary prose and dense French`, () => assert.ok(MIN_READING_SCORE >= 40 && MIN_READING_SCORE <= 60));
});
