/** One `describe` per rule of docs/checking.md, each a table of cases. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChallenge } from '../content/parse.js';
import type { Challenge, ChallengeInput } from '../content/types.js';
import { AnswerShapeError } from '../errors.js';
import type { AnswerStatus, ChallengeAnswer } from './types.js';
import { evaluateAnswer } from './evaluate.js';

const text = (fr: string) => ({ fr, en: fr });
const input = (key: string, extra: object = {}) => ({ key, label: text(key), ...extra });
const proposals = (n: number) => Array.from({ length: n }, (_, i) => text(`Proposition ${i + 1}`));

/** Content as authors write it, the instruction aside. */
type Fixture = ChallengeInput extends infer T ? (T extends unknown ? Omit<T, 'instruction'> : never) : never;
type Extra = Pick<ChallengeInput, 'format' | 'tolerances'>;

function challenge(json: Fixture): Challenge {
  return parseChallenge({ instruction: text('Consigne'), ...json });
}

function qroc(solution: string[], extra: Extra & { input?: object } = {}): Challenge {
  const { input: inputExtra, ...rest } = extra;
  return challenge({ id: 'qroc', type: 'QROC', inputs: [input('r', inputExtra)], solution, ...rest });
}

const OFF = { t1: false, t2: false, t3: false };

interface TextCase {
  answer: string;
  accepted: string[];
  expected: AnswerStatus;
  tolerances?: Partial<Record<'t1' | 't2' | 't3', boolean>>;
  why: string;
}

function runTextCases(cases: readonly TextCase[]) {
  for (const c of cases) {
    it(`${JSON.stringify(c.answer)} vs ${JSON.stringify(c.accepted)}${c.tolerances ? ` ${JSON.stringify(c.tolerances)}` : ''} → ${c.expected} (${c.why})`, () => {
      const extra = c.tolerances ? { tolerances: c.tolerances } : {};
      assert.equal(evaluateAnswer(qroc(c.accepted, extra), c.answer).status, c.expected);
    });
  }
}

describe('before anything: Unicode NFC', () => {
  runTextCases([
    { answer: 'e\u0301te\u0301', accepted: ['été'], expected: 'ok', tolerances: OFF, why: 'decomposed answer, composed value' },
    { answer: 'été', accepted: ['e\u0301te\u0301'], expected: 'ok', tolerances: OFF, why: 'composed answer, decomposed value' },
    { answer: 'Cre\u0301teil', accepted: ['Créteil'], expected: 'ok', tolerances: { t1: false, t3: false }, why: 'NFC before T2, so the é is dropped on both sides alike' },
    { answer: 'ete', accepted: ['été'], expected: 'ko', tolerances: OFF, why: 'NFC does not remove accents' },
  ]);
});

describe('before anything: non-breaking spaces become spaces', () => {
  runTextCases([
    { answer: '10\u00A0€', accepted: ['10 €'], expected: 'ok', tolerances: OFF, why: 'U+00A0' },
    { answer: 'Quoi\u202F?', accepted: ['Quoi ?'], expected: 'ok', tolerances: OFF, why: 'U+202F, French typography' },
    { answer: 'mot\u00A0\u00A0de passe', accepted: ['mot de passe'], expected: 'ok', tolerances: { t1: false, t3: false }, why: 'then T2 collapses them like spaces' },
    { answer: '10\u2009€', accepted: ['10 €'], expected: 'ko', tolerances: OFF, why: 'other spaces are not pre-treated' },
  ]);
});

describe('T1: trim, lower case, no accents, no white space', () => {
  const t1Only = { t2: false, t3: false };
  runTextCases([
    { answer: 'PARIS', accepted: ['paris'], expected: 'ok', tolerances: t1Only, why: 'case' },
    { answer: 'paris', accepted: ['Paris'], expected: 'ok', tolerances: t1Only, why: 'case of the accepted value' },
    { answer: '  Paris \t', accepted: ['Paris'], expected: 'ok', tolerances: t1Only, why: 'trim' },
    { answer: 'Évry', accepted: ['evry'], expected: 'ok', tolerances: t1Only, why: 'accent on a capital' },
    { answer: 'ecole', accepted: ['École'], expected: 'ok', tolerances: t1Only, why: 'accent on the accepted value' },
    { answer: 'Noël à Nîmes', accepted: ['noelanimes'], expected: 'ok', tolerances: t1Only, why: 'diaeresis, grave, circumflex, inner spaces' },
    { answer: 'New  York', accepted: ['newyork'], expected: 'ok', tolerances: t1Only, why: 'inner white space removed' },
    { answer: 'mot de\npasse', accepted: ['mot de passe'], expected: 'ok', tolerances: t1Only, why: 'any white space, on both sides' },
    { answer: 'New-York', accepted: ['newyork'], expected: 'ko', tolerances: t1Only, why: 'punctuation is T2, not T1' },
  ]);
});

describe('T2: only a-z A-Z 0-9 and space, runs of spaces collapsed', () => {
  runTextCases([
    { answer: "l'ordinateur", accepted: ['lordinateur'], expected: 'ok', tolerances: { t3: false }, why: 'apostrophe' },
    { answer: 'www.service-public.fr', accepted: ['wwwservicepublicfr'], expected: 'ok', tolerances: { t3: false }, why: 'dots and dashes' },
    { answer: "C'est-à-dire !", accepted: ['cest a dire'], expected: 'ok', tolerances: { t3: false }, why: 'with T1: accents removed before T2' },
    { answer: '« Envoyer »', accepted: ['envoyer'], expected: 'ok', tolerances: { t3: false }, why: 'French quotes' },
    { answer: 'mot  de   passe', accepted: ['mot de passe'], expected: 'ok', tolerances: { t1: false, t3: false }, why: 'collapse when T1 is off' },
    { answer: 'mot - de passe', accepted: ['mot de passe'], expected: 'ok', tolerances: { t1: false, t3: false }, why: 'removal leaves a run of spaces, collapsed' },
    { answer: 'Paris !', accepted: ['Paris'], expected: 'ko', tolerances: { t1: false, t3: false }, why: 'without T1 nothing trims the space left by "!"' },
    { answer: '1/2', accepted: ['12'], expected: 'ok', tolerances: { t3: false }, why: 'digits kept, slash removed' },
  ]);
});

describe('T3: at most one edit per four characters of the treated answer', () => {
  runTextCases([
    { answer: 'abce', accepted: ['abcd'], expected: 'ok', why: '1 / 4 = 0.25, the edge, accepted' },
    { answer: 'abd', accepted: ['abc'], expected: 'ko', why: '1 / 3 > 0.25' },
    { answer: 'ordinatxxr', accepted: ['ordinateur'], expected: 'ok', why: '2 / 10' },
    { answer: 'orxinatxxr', accepted: ['ordinateur'], expected: 'ko', why: '3 / 10' },
    { answer: 'abcdefxx', accepted: ['abcdefgh'], expected: 'ok', why: '2 / 8 = 0.25, the edge, accepted' },
    { answer: 'abcdexx', accepted: ['abcdefg'], expected: 'ko', why: '2 / 7 just above' },
    { answer: 'abcdefx', accepted: ['abcdefgh'], expected: 'ko', why: '2 / 7 just above; 2 / 8 had the value been the denominator' },
    { answer: 'abcd', accepted: ['abcde'], expected: 'ok', why: 'shorter answer: 1 / 4 (answer length)' },
    { answer: 'abc', accepted: ['abcd'], expected: 'ko', why: '1 / 3: the denominator is the answer, not the value (1 / 4)' },
    { answer: 'abcde', accepted: ['abcd'], expected: 'ok', why: 'longer answer: 1 / 5' },
    { answer: 'a b c', accepted: ['abd'], expected: 'ko', why: 'treated answer "abc" is 3 long: 1 / 3, not 1 / 5' },
    { answer: 'A-B-C-E', accepted: ['abcd'], expected: 'ok', why: 'treated answer "abce": 1 / 4' },
    { answer: 'xyz', accepted: ['lyon', 'xyw'], expected: 'ko', why: 'min over values 1 / 3' },
    { answer: 'lyonx', accepted: ['marseille', 'lyon'], expected: 'ok', why: 'min over values 1 / 5' },
  ]);
});

describe('empty answers', () => {
  runTextCases([
    { answer: '', accepted: ['paris'], expected: 'ko', why: 'empty vs text' },
    { answer: '', accepted: [''], expected: 'ok', why: 'empty vs empty' },
    { answer: '   ', accepted: ['a'], expected: 'ko', why: 'blank, T3 cannot divide by 0' },
    { answer: '?!', accepted: ['a'], expected: 'ko', why: 'empty once treated' },
    { answer: '?!', accepted: ['…'], expected: 'ok', why: 'both empty once treated' },
    { answer: 'a', accepted: [''], expected: 'ko', why: 'text vs empty: 1 / 1' },
    { answer: 'abcd', accepted: ['', 'abcx'], expected: 'ok', why: 'an empty value does not hide the others' },
  ]);
});

describe('each tolerance can be turned off on its own', () => {
  runTextCases([
    { answer: 'PARIS', accepted: ['paris'], expected: 'ok', why: 'T1 on (default)' },
    { answer: 'PARIS', accepted: ['paris'], expected: 'ko', tolerances: { t1: false }, why: 'T1 off: case matters' },
    { answer: 'Évry', accepted: ['Evry'], expected: 'ko', tolerances: { t1: false }, why: 'T1 off: "É" dropped by T2, "vry" vs "Evry"' },
    { answer: 'A.B.', accepted: ['ab'], expected: 'ok', why: 'T2 on (default)' },
    { answer: 'A.B.', accepted: ['ab'], expected: 'ko', tolerances: { t2: false }, why: 'T2 off: "a.b." is 2 edits from "ab"' },
    { answer: 'ordinateru', accepted: ['ordinateur'], expected: 'ok', why: 'T3 on (default)' },
    { answer: 'ordinateru', accepted: ['ordinateur'], expected: 'ko', tolerances: { t3: false }, why: 'T3 off: exact after T1 and T2' },
    { answer: 'Ordinateur', accepted: ['ordinateur'], expected: 'ok', tolerances: { t1: false }, why: 'T1 off, T3 still forgives one capital in 10' },
  ]);
});

describe('QROC: format nombre compares numbers', () => {
  const cases: { answer: string; accepted: string[]; expected: AnswerStatus; why: string; on?: 'input' }[] = [
    { answer: '7', accepted: ['7'], expected: 'ok', why: 'same text' },
    { answer: '7,0', accepted: ['7'], expected: 'ok', why: 'decimal comma' },
    { answer: '7.00', accepted: ['7'], expected: 'ok', why: 'decimal point' },
    { answer: ' 7 ', accepted: ['7'], expected: 'ok', why: 'spaces around' },
    { answer: '+7', accepted: ['7'], expected: 'ok', why: 'explicit plus sign' },
    { answer: '7', accepted: ['7,00'], expected: 'ok', why: 'the accepted value is read as a number too' },
    { answer: '-3,5', accepted: ['-3.5'], expected: 'ok', why: 'negative, comma vs point' },
    { answer: '\u22123,50', accepted: ['-3,5'], expected: 'ok', why: 'minus sign U+2212' },
    { answer: '3,5', accepted: ['-3,5'], expected: 'ko', why: 'sign matters' },
    { answer: '1\u202F000', accepted: ['1000'], expected: 'ok', why: 'thousands separator' },
    { answer: '10 00', accepted: ['1000'], expected: 'ko', why: 'not groups of three' },
    { answer: '7a', accepted: ['7'], expected: 'ko', why: 'not a number' },
    { answer: '1234a', accepted: ['1234'], expected: 'ko', why: 'not a number, even though T3 would forgive it as text' },
    { answer: 'sept', accepted: ['7'], expected: 'ko', why: 'words are not numbers' },
    { answer: '', accepted: ['7'], expected: 'ko', why: 'empty' },
    { answer: '7,', accepted: ['7'], expected: 'ko', why: 'dangling separator' },
    { answer: '1e1', accepted: ['10'], expected: 'ko', why: 'no exponent notation' },
    { answer: '71', accepted: ['7'], expected: 'ko', why: 'another number' },
    { answer: 'Sept', accepted: ['7', 'sept'], expected: 'ok', why: 'a non-numeric accepted value stays a text' },
    { answer: '7,0', accepted: ['7'], expected: 'ok', on: 'input', why: "the input's own format" },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.answer)} vs ${JSON.stringify(c.accepted)} → ${c.expected} (${c.why})`, () => {
      const q = c.on === 'input' ? qroc(c.accepted, { input: { format: 'nombre' } }) : qroc(c.accepted, { format: 'nombre' });
      assert.equal(evaluateAnswer(q, c.answer).status, c.expected);
    });
  }
  it('without format nombre, "7,0" is a text: T2 makes it "70", 1 / 2 from "7" → ko', () => {
    assert.equal(evaluateAnswer(qroc(['7']), '7,0').status, 'ko');
  });
  it('an input format overrides the challenge format', () => {
    assert.equal(evaluateAnswer(qroc(['7'], { format: 'nombre', input: { format: 'mots' } }), '7,0').status, 'ko');
  });
});

describe('QROC: a select input is compared exactly, without tolerance', () => {
  const select = qroc(['oui'], {
    input: { kind: 'select', options: [{ value: 'oui', label: text('Oui') }, { value: 'non', label: text('Non') }] },
  });
  const cases: [string, AnswerStatus][] = [['oui', 'ok'], ['Oui', 'ko'], [' oui', 'ko'], ['ou', 'ko'], ['non', 'ko']];
  for (const [answer, expected] of cases)
    it(`${JSON.stringify(answer)} → ${expected}`, () => assert.equal(evaluateAnswer(select, answer).status, expected));
});

describe('QCU: exact index', () => {
  const qcu = challenge({ id: 'qcu', type: 'QCU', proposals: proposals(3), solution: 2 });
  const cases: [string, AnswerStatus][] = [
    ['2', 'ok'], [' 2 ', 'ok'], ['1', 'ko'], ['3', 'ko'], ['4', 'ko'], ['', 'ko'], ['2,3', 'ko'], ['deux', 'ko'], ['2.5', 'ko'],
  ];
  for (const [answer, expected] of cases)
    it(`${JSON.stringify(answer)} → ${expected}`, () => assert.equal(evaluateAnswer(qcu, answer).status, expected));
});

describe('QCM: same set of indexes, no partial credit', () => {
  const qcm = challenge({ id: 'qcm', type: 'QCM', proposals: proposals(4), solution: [1, 3] });
  const cases: [string, AnswerStatus, string][] = [
    ['1,3', 'ok', 'exact'],
    ['3,1', 'ok', 'order free'],
    [' 1 , 3 ', 'ok', 'spaces'],
    ['1', 'ko', 'missing one (the two-boxes rule is the player UI’s)'],
    ['1,3,4', 'ko', 'extra one'],
    ['1,2', 'ko', 'one right, one wrong'],
    ['2,4', 'ko', 'all wrong'],
    ['', 'ko', 'nothing ticked'],
    ['1,,3', 'ko', 'empty item'],
    ['1;3', 'ko', 'wrong separator'],
  ];
  for (const [answer, expected, why] of cases)
    it(`${JSON.stringify(answer)} → ${expected} (${why})`, () => assert.equal(evaluateAnswer(qcm, answer).status, expected));
});

describe('QROCM-ind: each key against its own values, verdict per key', () => {
  const qrocmInd = challenge({
    id: 'qrocm-ind',
    type: 'QROCM-ind',
    inputs: [input('prenom'), input('ville'), input('age', { format: 'nombre' })],
    solution: { prenom: ['Marie'], ville: ['Lyon', 'Lugdunum'], age: ['72'] },
  });
  const cases: [Record<string, string>, AnswerStatus, Record<string, 'ok' | 'ko'>][] = [
    [{ prenom: 'marie', ville: 'LYON', age: '72' }, 'ok', { prenom: 'ok', ville: 'ok', age: 'ok' }],
    [{ prenom: 'Marie', ville: 'lugdunum', age: '72,0' }, 'ok', { prenom: 'ok', ville: 'ok', age: 'ok' }],
    [{ prenom: 'Marie', ville: 'Paris', age: '72' }, 'ko', { prenom: 'ok', ville: 'ko', age: 'ok' }],
    [{ prenom: 'Lyon', ville: 'Marie', age: '72' }, 'ko', { prenom: 'ko', ville: 'ko', age: 'ok' }],
    [{ prenom: '', ville: '', age: '' }, 'ko', { prenom: 'ko', ville: 'ko', age: 'ko' }],
    [{ prenom: 'Marie', ville: 'Lyon', age: '72 ans' }, 'ko', { prenom: 'ok', ville: 'ok', age: 'ko' }],
  ];
  for (const [answer, status, keys] of cases)
    it(`${JSON.stringify(answer)} → ${status}`, () => assert.deepEqual(evaluateAnswer(qrocmInd, answer), { status, details: { keys } }));
});

describe('QROCM-dep: in input order, each answer takes an unused group; all must match', () => {
  const qrocmDep = challenge({
    id: 'qrocm-dep',
    type: 'QROCM-dep',
    inputs: [input('a'), input('b')],
    solution: [['Paris', 'Lutèce'], ['Lyon'], ['Marseille']],
  });
  const cases: [Record<string, string>, AnswerStatus, Record<string, 'ok' | 'ko'>, string][] = [
    [{ a: 'Paris', b: 'Lyon' }, 'ok', { a: 'ok', b: 'ok' }, 'in the order of the groups'],
    [{ a: 'lyon', b: 'paris' }, 'ok', { a: 'ok', b: 'ok' }, 'in any order'],
    [{ a: 'Marseille', b: 'Paris' }, 'ok', { a: 'ok', b: 'ok' }, 'any groups'],
    [{ a: 'Paris', b: 'Paris' }, 'ko', { a: 'ok', b: 'ko' }, 'a group reused: the second use fails'],
    [{ a: 'Paris', b: 'Lutece' }, 'ko', { a: 'ok', b: 'ko' }, 'two values of the same group'],
    [{ a: 'Nice', b: 'Paris' }, 'ko', { a: 'ko', b: 'ok' }, 'a wrong answer does not use a group'],
    [{ a: 'Pariss', b: 'LYONN' }, 'ok', { a: 'ok', b: 'ok' }, 'tolerances apply per answer'],
    [{ a: 'Pariss', b: 'Lyo' }, 'ko', { a: 'ok', b: 'ko' }, 'T3 on "lyo": 1 / 3'],
  ];
  for (const [answer, status, keys, why] of cases)
    it(`${JSON.stringify(answer)} → ${status} (${why})`, () => assert.deepEqual(evaluateAnswer(qrocmDep, answer), { status, details: { keys } }));
});

describe('interactive: what the widget reports, checked like a QROCM-ind on the solution keys', () => {
  const interactive = challenge({
    id: 'clic',
    type: 'interactive',
    widget: { name: 'obs-widget-click' },
    solution: { clicked: ['envoyer'], attachment: ['facture.pdf'] },
  });
  const cases: [Record<string, string>, AnswerStatus, Record<string, 'ok' | 'ko'>, string][] = [
    [{ clicked: 'envoyer', attachment: 'facture.pdf' }, 'ok', { clicked: 'ok', attachment: 'ok' }, 'right'],
    [{ clicked: 'Envoyer', attachment: 'Facture.PDF', scroll: '300' }, 'ok', { clicked: 'ok', attachment: 'ok' }, 'tolerances, extra keys ignored'],
    [{ clicked: 'annuler', attachment: 'facture.pdf' }, 'ko', { clicked: 'ko', attachment: 'ok' }, 'wrong button'],
    [{ clicked: 'envoyer' }, 'ko', { clicked: 'ok', attachment: 'ko' }, 'a key not reported: not done'],
    [{}, 'ko', { clicked: 'ko', attachment: 'ko' }, 'nothing reported'],
  ];
  for (const [answer, status, keys, why] of cases)
    it(`${JSON.stringify(answer)} → ${status} (${why})`, () => assert.deepEqual(evaluateAnswer(interactive, answer), { status, details: { keys } }));
});

describe('interactive: how the task was done (mode) is recorded, never scored', () => {
  const drag = challenge({ id: 'glisser', type: 'interactive', widget: { name: 'obs-w-drag' }, solution: { folder: ['animaux'] } });
  const cases: [Record<string, string>, AnswerStatus, string][] = [
    [{ folder: 'animaux', mode: 'drag' }, 'ok', 'dragged to the right folder'],
    [{ folder: 'animaux', mode: 'keyboard' }, 'ok', 'the keyboard alternative to the right folder'],
    [{ folder: 'animaux', mode: 'tap' }, 'ok', 'two taps to the right folder'],
    [{ folder: 'animaux' }, 'ok', 'no mode: an answer sent before widgets reported it'],
    [{ folder: 'famille', mode: 'drag' }, 'ko', 'dragged to the wrong folder'],
    [{ mode: 'drag' }, 'ko', 'a mode without a folder'],
  ];
  for (const [answer, status, why] of cases)
    it(`${JSON.stringify(answer)} → ${status} (${why})`, () => assert.deepEqual(evaluateAnswer(drag, answer), { status, details: { keys: { folder: status === 'ok' ? 'ok' : 'ko' } } }));
});

const every: Challenge[] = [
  challenge({ id: 'qcu', type: 'QCU', proposals: proposals(2), solution: 1 }),
  challenge({ id: 'qcm', type: 'QCM', proposals: proposals(3), solution: [1, 2] }),
  qroc(['x']),
  challenge({ id: 'ind', type: 'QROCM-ind', inputs: [input('a'), input('b')], solution: { a: ['x'], b: ['y'] } }),
  challenge({ id: 'dep', type: 'QROCM-dep', inputs: [input('a'), input('b')], solution: [['x'], ['y']] }),
  challenge({ id: 'int', type: 'interactive', widget: { name: 'obs-widget-click' }, solution: { k: ['x'] } }),
];

describe('aband: a skip (null) is not checked', () => {
  for (const c of every) {
    it(`${c.type}: null → aband`, () => assert.deepEqual(evaluateAnswer(c, null), { status: 'aband', details: {} }));
    it(`${c.type}: null after the time ran out → still aband`, () =>
      assert.deepEqual(evaluateAnswer(c, null, { timedOut: true }), { status: 'aband', details: {} }));
  }
});

describe('timedout: a right answer after the time ran out; a wrong one stays ko', () => {
  const right: [Challenge, ChallengeAnswer, ChallengeAnswer][] = [
    [every[0] as Challenge, '1', '2'],
    [every[1] as Challenge, '2,1', '1'],
    [every[2] as Challenge, 'X', 'y'],
    [every[3] as Challenge, { a: 'x', b: 'y' }, { a: 'x', b: 'x' }],
    [every[4] as Challenge, { a: 'y', b: 'x' }, { a: 'x', b: 'x' }],
    [every[5] as Challenge, { k: 'x' }, { k: 'z' }],
  ];
  for (const [c, good, bad] of right) {
    it(`${c.type}: right → timedout`, () => assert.equal(evaluateAnswer(c, good, { timedOut: true }).status, 'timedout'));
    it(`${c.type}: wrong → ko`, () => assert.equal(evaluateAnswer(c, bad, { timedOut: true }).status, 'ko'));
    it(`${c.type}: right in time → ok`, () => assert.equal(evaluateAnswer(c, good, { timedOut: false }).status, 'ok'));
  }
  it('per-key verdicts are kept', () =>
    assert.deepEqual(evaluateAnswer(every[3] as Challenge, { a: 'x', b: 'y' }, { timedOut: true }), {
      status: 'timedout',
      details: { keys: { a: 'ok', b: 'ok' } },
    }));
});

describe('AnswerShapeError: the wrong kind of answer for the type', () => {
  const [qcu, qcm, qrocC, ind, dep, int] = every as [Challenge, Challenge, Challenge, Challenge, Challenge, Challenge];
  const cases: [string, Challenge, unknown, RegExp][] = [
    ['an object for a QCU', qcu, { r: '1' }, /^qcu: a QCU answer must be the index of the chosen proposal, as text \(e\.g\. "2"\), not an object$/],
    ['a number for a QCU', qcu, 1, /^qcu: .*not a number$/],
    ['an object for a QCM', qcm, { r: '1,2' }, /^qcm: a QCM answer must be the indexes of the ticked proposals, comma-separated .*not an object$/],
    ['an array for a QCM', qcm, ['1', '2'], /^qcm: .*not an array$/],
    ['an object for a QROC', qrocC, { r: 'x' }, /^qroc: a QROC answer must be the text typed in its input, not an object$/],
    ['undefined for a QROC', qrocC, undefined, /^qroc: .*not undefined$/],
    ['a string for a QROCM-ind', ind, 'x', /^ind: a QROCM-ind answer must be an object with the text typed in each input \("a", "b"\), not a string$/],
    ['an array for a QROCM-ind', ind, ['x', 'y'], /^ind: .*not an array$/],
    ['a missing key for a QROCM-ind', ind, { a: 'x' }, /^ind: missing answer for input "b" \(expected "a", "b"; an empty input is ""\)$/],
    ['an unknown key for a QROCM-ind', ind, { a: 'x', b: 'y', c: 'z' }, /^ind: unknown input "c" \(expected "a", "b"\)$/],
    ['a non-string value for a QROCM-ind', ind, { a: 'x', b: 2 }, /^ind: the answer for "b" must be a text, not a number$/],
    ['a string for a QROCM-dep', dep, 'x,y', /^dep: a QROCM-dep answer must be an object .*not a string$/],
    ['a missing key for a QROCM-dep', dep, { b: 'y' }, /^dep: missing answer for input "a"/],
    ['an unknown key for a QROCM-dep', dep, { a: 'x', b: 'y', z: 'x' }, /^dep: unknown input "z"/],
    ['a non-string value for a QROCM-dep', dep, { a: null, b: 'y' }, /^dep: the answer for "a" must be a text, not an object$/],
    ['a string for an interactive', int, 'x', /^int: a interactive answer must be what the widget reports, as an object of texts by key, not a string$/],
    ['a non-string value for an interactive', int, { k: true }, /^int: the answer for "k" must be a text, not a boolean$/],
    ['a mode that is not one of the modes', int, { k: 'x', mode: 'click' }, /^int: the answer's "mode" must be one of "drag", "keyboard", "tap", not "click"$/],
    ['an empty mode', int, { k: 'x', mode: '' }, /^int: the answer's "mode" must be one of .*, not ""$/],
    ['a mode in capitals', int, { k: 'x', mode: 'DRAG' }, /^int: the answer's "mode" must be one of .*, not "DRAG"$/],
    ['a mode that is not a text', int, { k: 'x', mode: 1 }, /^int: the answer for "mode" must be a text, not a number$/],
  ];
  for (const [name, c, answer, message] of cases) {
    it(name, () => {
      assert.throws(
        () => evaluateAnswer(c, answer as ChallengeAnswer),
        (error: unknown) => {
          assert.ok(error instanceof AnswerShapeError);
          assert.equal(error.code, 'answer_shape');
          assert.equal(error.challengeId, c.id);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});
