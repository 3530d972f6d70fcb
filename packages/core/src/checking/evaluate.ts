/**
 * Answer checking (docs/checking.md): one pure function from a challenge and what the person
 * answered to a status. It runs in the browser and again in the collector, so it must stay
 * small and deterministic.
 */
import type { Challenge, Format, Input, Tolerances } from '../content/types.js';
import { AnswerShapeError } from '../errors.js';
import type { AnswerResult, AnswerStatus, ChallengeAnswer, EvaluateOptions } from './types.js';
import { codePointLength, levenshtein } from './levenshtein.js';
import { normalizeAnswer } from './normalize.js';
import { parseTypedNumber } from './number.js';
import { ANSWER_MODES, isAnswerMode, MODE_KEY } from '../widget.js';

export { normalizeAnswer } from './normalize.js';

/** How one answer is compared: the input's kind and format, and the challenge's tolerances. */
interface Matcher {
  kind: Input['kind'];
  format: Format | undefined;
  tolerances: Partial<Tolerances>;
}

/**
 * Check an answer. `null` means the person skipped the challenge (`aband`, nothing checked).
 * A right answer given after the time ran out (`options.timedOut`) is `timedout`; a wrong one stays `ko`.
 * QROCM and interactive results list each key's verdict in `details.keys`.
 *
 * @example
 * const challenge = parseChallenge({ id: 'capitale', type: 'QROC', instruction: { fr: 'Capitale ?', en: 'Capital?' },
 *   inputs: [{ key: 'ville', label: { fr: 'Ville', en: 'City' } }], solution: ['Paris'] });
 * evaluateAnswer(challenge, ' pariss '); // { status: 'ok', details: {} } (T1 and T3)
 * evaluateAnswer(challenge, null); // { status: 'aband', details: {} }
 * @throws {AnswerShapeError} when the answer is not of the kind the challenge type takes
 *   (e.g. an object for a QCU, a missing input key for a QROCM).
 */
export function evaluateAnswer(challenge: Challenge, answer: ChallengeAnswer | null, options: EvaluateOptions = {}): AnswerResult {
  if (answer === null) return { status: 'aband', details: {} };
  const tolerances = challenge.tolerances ?? {};
  let right: boolean;
  let keys: Record<string, 'ok' | 'ko'> | undefined;
  switch (challenge.type) {
    case 'QCU': {
      const text = expectText(challenge, answer, 'the index of the chosen proposal, as text (e.g. "2")');
      right = parseIndex(text) === challenge.solution;
      break;
    }
    case 'QCM': {
      const text = expectText(challenge, answer, 'the indexes of the ticked proposals, comma-separated (e.g. "1,3")');
      right = sameSet(parseIndexes(text), challenge.solution);
      break;
    }
    case 'QROC': {
      const text = expectText(challenge, answer, 'the text typed in its input');
      const input = challenge.inputs[0] as Input;
      right = matches(text, challenge.solution, matcherFor(input, challenge.format, tolerances));
      break;
    }
    case 'QROCM-ind': {
      const texts = expectInputs(challenge, answer, challenge.inputs);
      keys = {};
      for (const input of challenge.inputs)
        keys[input.key] = verdict(matches(texts[input.key] as string, challenge.solution[input.key] ?? [], matcherFor(input, challenge.format, tolerances)));
      right = allOk(keys);
      break;
    }
    case 'QROCM-dep': {
      const texts = expectInputs(challenge, answer, challenge.inputs);
      const used = new Set<number>();
      keys = {};
      // In input order, each answer takes the first group not used yet that accepts it (greedy, so
      // content should not have a value accepted by two groups: docs/checking.md, "What each type takes").
      for (const input of challenge.inputs) {
        const matcher = matcherFor(input, challenge.format, tolerances);
        const group = challenge.solution.findIndex((accepted, g) => !used.has(g) && matches(texts[input.key] as string, accepted, matcher));
        if (group >= 0) used.add(group);
        keys[input.key] = verdict(group >= 0);
      }
      right = allOk(keys);
      break;
    }
    case 'interactive': {
      const reported = expectRecord(challenge, answer, 'what the widget reports, as an object of texts by key');
      expectMode(challenge, reported);
      const matcher: Matcher = { kind: 'text', format: challenge.format, tolerances };
      keys = {};
      // Only the solution's keys matter: widgets may report more than what is checked.
      for (const [key, accepted] of Object.entries(challenge.solution)) {
        const value = Object.hasOwn(reported, key) ? reported[key] : undefined;
        keys[key] = verdict(value !== undefined && matches(value, accepted, matcher));
      }
      right = allOk(keys);
      break;
    }
  }
  const status: AnswerStatus = right ? (options.timedOut ? 'timedout' : 'ok') : 'ko';
  return { status, details: keys ? { keys } : {} };
}

function matcherFor(input: Input, format: Format | undefined, tolerances: Partial<Tolerances>): Matcher {
  return { kind: input.kind, format: input.format ?? format, tolerances };
}

function verdict(right: boolean): 'ok' | 'ko' {
  return right ? 'ok' : 'ko';
}

function allOk(keys: Record<string, 'ok' | 'ko'>): boolean {
  return Object.values(keys).every((v) => v === 'ok');
}

/** Does the answer match one of the accepted values? */
function matches(answer: string, accepted: readonly string[], matcher: Matcher): boolean {
  // A select list offers exactly the accepted values: any difference is another choice.
  if (matcher.kind === 'select') return accepted.includes(answer);
  let texts = accepted;
  if (matcher.format === 'nombre') {
    // Numeric accepted values compare as numbers only; others (e.g. "sept") stay texts.
    const number = parseTypedNumber(answer);
    if (number !== undefined && accepted.some((value) => parseTypedNumber(value) === number)) return true;
    texts = accepted.filter((value) => parseTypedNumber(value) === undefined);
  }
  return matchesText(answer, texts, matcher.tolerances);
}

/** T1 and T2 on both sides, then equality, or T3: at most one typo per four characters of the treated answer. */
function matchesText(answer: string, accepted: readonly string[], tolerances: Partial<Tolerances>): boolean {
  const treated = normalizeAnswer(answer, tolerances);
  const values = accepted.map((value) => normalizeAnswer(value, tolerances));
  if (values.includes(treated)) return true;
  if (tolerances.t3 === false) return false;
  const length = codePointLength(treated);
  // An empty answer only matches an empty value, which the equality above already found.
  if (length === 0) return false;
  return values.some((value) => {
    // The distance is at least the difference in length: skip values that cannot be close enough.
    // This also bounds the work by the accepted values' length, however long the answer is.
    if (Math.abs(codePointLength(value) - length) * 4 > length) return false;
    return levenshtein(treated, value) * 4 <= length;
  });
}

/** `"2"` → 2; anything that is not a whole number → NaN, which equals no index. */
function parseIndex(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function parseIndexes(text: string): number[] {
  return text.trim() === '' ? [] : text.split(',').map(parseIndex);
}

function sameSet(chosen: readonly number[], solution: readonly number[]): boolean {
  const set = new Set(chosen);
  return set.size === new Set(solution).size && solution.every((index) => set.has(index));
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function expectText(challenge: Challenge, answer: unknown, expected: string): string {
  if (typeof answer === 'string') return answer;
  throw new AnswerShapeError(challenge.id, `a ${challenge.type} answer must be ${expected}, not ${describeValue(answer)}`);
}

function expectRecord(challenge: Challenge, answer: unknown, expected: string): Readonly<Record<string, string>> {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer))
    throw new AnswerShapeError(challenge.id, `a ${challenge.type} answer must be ${expected}, not ${describeValue(answer)}`);
  for (const [key, value] of Object.entries(answer))
    if (typeof value !== 'string')
      throw new AnswerShapeError(challenge.id, `the answer for "${key}" must be a text, not ${describeValue(value)}`);
  return answer as Readonly<Record<string, string>>;
}

/**
 * `mode` is how the task was done, never what was done: when a widget reports it, it is one of the
 * modes (docs/content.md, "How the task was done"). It may be missing: answers sent before widgets
 * reported it stay valid, and success never depends on it.
 */
function expectMode(challenge: Challenge, reported: Readonly<Record<string, string>>): void {
  if (!Object.hasOwn(reported, MODE_KEY)) return;
  const mode = reported[MODE_KEY];
  if (!isAnswerMode(mode))
    throw new AnswerShapeError(challenge.id, `the answer's "${MODE_KEY}" must be one of ${ANSWER_MODES.map((m) => `"${m}"`).join(', ')}, not "${String(mode)}"`);
}

/** A QROCM answer has exactly one text per input key. */
function expectInputs(challenge: Challenge, answer: unknown, inputs: readonly Input[]): Readonly<Record<string, string>> {
  const expectedKeys = inputs.map((input) => `"${input.key}"`).join(', ');
  const texts = expectRecord(challenge, answer, `an object with the text typed in each input (${expectedKeys})`);
  const known = new Set(inputs.map((input) => input.key));
  for (const key of Object.keys(texts))
    if (!known.has(key)) throw new AnswerShapeError(challenge.id, `unknown input "${key}" (expected ${expectedKeys})`);
  for (const input of inputs)
    if (!Object.hasOwn(texts, input.key))
      throw new AnswerShapeError(challenge.id, `missing answer for input "${input.key}" (expected ${expectedKeys}; an empty input is "")`);
  return texts;
}
