/**
 * What an answer may carry: only what is scored (docs/checking.md, "Only what is scored leaves the
 * device"). An interactive challenge scores the keys of its `solution`; whatever else a widget
 * reports (a name typed in a simulated form, a field the task does not ask for) is dropped by the
 * session before the answer is recorded, and refused by the collector.
 */
import type { Challenge } from '../content/types.js';
import type { ChallengeAnswer } from './types.js';
import { carriesMode, MODE_KEY } from '../widget.js';

/**
 * The fields of an answer that are kept: the solution's keys for an interactive challenge (and
 * `mode`, how the task was done, when its widget reports it: recorded, never scored; docs/checking.md),
 * the input keys for a QROCM; `undefined` when the answer is one text (QCU, QCM, QROC).
 *
 * @example
 * scoredFields(formChallenge); // ['naissance']
 */
export function scoredFields(challenge: Challenge): readonly string[] | undefined {
  switch (challenge.type) {
    case 'interactive':
      return carriesMode(challenge) ? [...Object.keys(challenge.solution), MODE_KEY] : Object.keys(challenge.solution);
    case 'QROCM-ind':
    case 'QROCM-dep':
      return challenge.inputs.map((input) => input.key);
    default:
      return undefined;
  }
}

/**
 * The fields of `answer` the challenge does not score, in the answer's order (empty when none).
 *
 * @example
 * unscoredFields(formChallenge, { nom: 'Dupont', naissance: '05/03/1958' }); // ['nom']
 */
export function unscoredFields(challenge: Challenge, answer: unknown): string[] {
  const scored = scoredFields(challenge);
  if (!scored || typeof answer !== 'object' || answer === null || Array.isArray(answer)) return [];
  return Object.keys(answer).filter((key) => !scored.includes(key));
}

/**
 * The answer with only its scored fields (the same answer when there is nothing to drop).
 *
 * @example
 * scoredAnswer(formChallenge, { nom: 'Dupont', naissance: '05/03/1958' }); // { naissance: '05/03/1958' }
 */
export function scoredAnswer(challenge: Challenge, answer: ChallengeAnswer): ChallengeAnswer {
  const extra = unscoredFields(challenge, answer);
  if (extra.length === 0 || typeof answer === 'string') return answer;
  return Object.fromEntries(Object.entries(answer).filter(([key]) => !extra.includes(key)));
}

/**
 * What the session records of an answer to `challengeId`: an interactive challenge's answer with only
 * its scored fields. Other answers are kept as given: a QROCM answer with an unknown input is refused
 * by `evaluateAnswer`, and an unknown challenge by the protocol.
 *
 * @example
 * onlyScored(definition.challenges, 'formulaire-date', { nom: 'Dupont', naissance: '05/03/1958' }); // { naissance: '05/03/1958' }
 */
export function onlyScored(challenges: readonly Challenge[], challengeId: string, answer: ChallengeAnswer): ChallengeAnswer {
  const challenge = challenges.find((c) => c.id === challengeId);
  return challenge?.type === 'interactive' ? scoredAnswer(challenge, answer) : answer;
}
