// The rules of scripts/lint-words.mjs (docs/glossary.md), one case per rule, then the shipped texts themselves.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { frenchTexts, problemsOf, sentencesOf, wordsOf } from './lint-words.mjs';

const NBSP = '\u00a0';
const rules = (text, participant = true) => problemsOf(text, { participant }).map((problem) => problem.rule);

describe('problemsOf: the glossary rules, on one French text', () => {
  const cases = [
    ['plain words pass', 'Appuyez sur le bouton.', true, []],
    ['« épreuve » contradicts « ce n’est pas un examen »', 'Épreuve 2 sur 7', true, ['rejected-word']],
    ['a plural of a rejected word', 'Les exercices vont commencer.', true, ['rejected-word']],
    ['« série » but not « sérieux »', 'Cet article est sérieux.', true, []],
    ['« série » itself', 'Fin de la série.', true, ['rejected-word']],
    ['« animatrice »', 'Demandez à l’animatrice.', true, ['rejected-word']],
    ['a "(s)" plural', `3 commune(s) trouvée(s).`, true, ['plural-s']],
    ['a plain space before a colon', 'Temps : 3 min', true, ['nbsp']],
    ['a plain space before a question mark', 'Vous êtes prêt ?', true, ['nbsp']],
    ['a plain space inside guillemets', `Appuyez sur « Je passe${NBSP}».`, true, ['nbsp']],
    ['non-breaking spaces everywhere', `Appuyez sur «${NBSP}Je passe${NBSP}»${NBSP}: c’est tout${NBSP}!`, true, []],
    ['a colon in an address needs no space', 'Allez sur https://www.service-public.fr/ et cherchez.', false, []],
    ['a sentence of 16 words on a participant screen', 'Un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize.', true, ['long-sentence']],
    ['the same sentence for the mediator', 'Un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize.', false, []],
    ['long words read badly', 'Veuillez procéder à la régularisation administrative de votre dossier.', true, ['readability']],
    ['the mediator’s texts are not scored', 'Veuillez procéder à la régularisation administrative de votre dossier.', false, []],
    ['a short label is not scored', 'Régularisation administrative', true, []],
    ['placeholders read as one short word', 'Vous avez réussi {n} défis sur {total}.', true, []],
  ];
  for (const [name, text, participant, expected] of cases) test(name, () => assert.deepEqual(rules(text, participant), expected));
});

describe('sentences and words', () => {
  test('a colon and a semicolon end a sentence, as . ! ? and … do', () =>
    assert.deepEqual(sentencesOf(`Prenez votre temps${NBSP}: il n’y a pas de limite. Voilà${NBSP}!`).map((s) => s.trim()), ['Prenez votre temps', 'il n’y a pas de limite', 'Voilà']));
  test('an apostrophe and a hyphen stay inside a word', () => assert.deepEqual(wordsOf('Êtes-vous à l’aise ?'), ['Êtes-vous', 'à', 'l’aise']));
});

test('every French text of the elements, the widgets and the content follows the glossary (npm run lint:words)', async () => {
  const texts = await frenchTexts();
  assert.ok(texts.length > 400, `only ${texts.length} texts found: the catalogues or the content moved`);
  const problems = texts.flatMap(({ where, text, participant }) => problemsOf(text, { participant }).map((problem) => `${where}: ${problem.rule}: ${problem.message}`));
  assert.deepEqual(problems, []);
});
