import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAdaptiveBank } from './bank.js';
import { competenceProfile, levelCut, levelOf, uncertainty, UNCERTAINTY_WORDS, type UncertaintyCode } from './profile.js';

describe('levels and pix (docs/adaptive.md, "Profile")', () => {
  const cases: { theta: number; open: number; level: number; pix: number; pixToNext: number | null; why: string }[] = [
    { theta: -3, open: 4, level: 0, pix: 0, pixToNext: 8, why: 'far below level 1: no pix, never negative' },
    { theta: -1.5, open: 4, level: 1, pix: 8, pixToNext: 8, why: 'exactly at the cut of level 1' },
    { theta: 0.2, open: 4, level: 2, pix: 21, pixToNext: 3, why: 'inside level 2, 3 pix from level 3' },
    { theta: 1.49, open: 4, level: 3, pix: 31, pixToNext: 1, why: 'just below level 4' },
    { theta: 3.2, open: 4, level: 4, pix: 32, pixToNext: null, why: 'capped by the highest open level' },
    { theta: 9, open: 8, level: 8, pix: 64, pixToNext: null, why: '64 pix at most per competence' },
    { theta: 1, open: 0, level: 0, pix: 0, pixToNext: null, why: 'a competence the bank does not open' },
  ];
  for (const c of cases)
    test(`θ ${c.theta}, open to level ${c.open}: level ${c.level}, ${c.pix} pix (${c.why})`, () => {
      const found = levelOf(c.theta, c.open);
      assert.equal(found.level, c.level);
      assert.equal(found.pix, c.pix);
      assert.equal(found.pixToNextLevel, c.pixToNext);
    });

  test('level cuts are one logit apart, level 1 at −1.5', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8].map(levelCut), [-1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
  });

  test('the margin to the next level is given in θ too', () => {
    assert.ok(Math.abs((levelOf(0.2, 4).thetaToNextLevel as number) - 0.3) < 1e-12);
  });
});

describe('uncertainty in words', () => {
  const cases: { se: number; answered: number; code: UncertaintyCode }[] = [
    { se: 0.3, answered: 8, code: 'precise' },
    { se: 0.5, answered: 4, code: 'fair' },
    { se: 0.8, answered: 2, code: 'rough' },
    { se: 1.1, answered: 1, code: 'very-rough' },
    { se: 0.2, answered: 0, code: 'not-measured' },
  ];
  for (const c of cases) test(`SE ${c.se} after ${c.answered} answers: ${c.code}`, () => assert.equal(uncertainty(c.se, c.answered), c.code));

  test('every code has French and English words', () => {
    for (const words of Object.values(UNCERTAINTY_WORDS)) assert.ok(words.fr.length > 0 && words.en.length > 0);
  });
});

describe('competence profile', () => {
  const items = [];
  for (const competence of ['1.1', '4.1']) for (let level = 1; level <= 4; level++) for (const k of [0, 1])
    items.push({
      challenge: {
        id: `c${competence.replace('.', '-')}-${level}-${k}`,
        type: 'QCU',
        skill: { area: competence[0], competence, level },
        instruction: { fr: 'Choisissez.', en: 'Choose.' },
        proposals: [
          { fr: 'Oui', en: 'Yes' },
          { fr: 'Non', en: 'No' },
        ],
        solution: 1,
      },
      parameters: { a: 1.5, b: level - 3 },
      source: 'experts',
    });
  const bank = parseAdaptiveBank({ schemaVersion: 1, id: 'p', version: '1', title: { fr: 'P', en: 'P' }, provenance: { author: 'Observatoire', status: 'project', parameters: 'experts', description: { fr: 'Experts', en: 'Experts' } }, items });
  const answersFor = (competence: string, correct: boolean) =>
    bank.items.filter((i) => i.challenge.skill?.competence === competence).map((i) => ({ itemId: i.challenge.id, correct }));

  const profile = competenceProfile(bank, [...answersFor('1.1', true), ...answersFor('4.1', false)]);
  const of = (code: string) => profile.competences.find((c) => c.code === code)!;

  test('lists the 5 areas and the 16 competences, 1024 pix in all', () => {
    assert.equal(profile.areas.length, 5);
    assert.equal(profile.competences.length, 16);
    assert.equal(profile.maxPix, 1024);
    assert.equal(profile.totalPix, profile.competences.reduce((s, c) => s + c.pix, 0));
  });

  test('a competence answered right places above one answered wrong', () => {
    assert.ok(of('1.1').level > of('4.1').level);
    assert.equal(of('1.1').answered, 8);
  });

  test('a competence with no item in the bank is said not to be measured by the test', () => {
    assert.equal(of('3.4').uncertainty, 'not-in-bank');
    assert.equal(of('3.4').pix, 0);
  });

  test('no answer at all: the prior, and every measured competence "not measured"', () => {
    const empty = competenceProfile(bank, []);
    assert.equal(empty.overall.uncertainty, 'not-measured');
    assert.equal(empty.competences.find((c) => c.code === '1.1')!.uncertainty, 'not-measured');
  });
});
