/**
 * The survey protocol's table and the actions it knows (docs/protocol.md, "Phases and actions"):
 * which actions each phase accepts, and the check that makes an action's shape safe to apply and
 * to keep in the event log.
 */
import type { ChallengeAnswer } from '../checking/types.js';
import { ProtocolError } from '../errors.js';
import type { QuestionAnswer, QuestionnaireAnswers } from '../questionnaire/types.js';
import { CHANNELS, type Channel } from './channel.js';
import type { Actor, Phase, SessionAction, SessionActionType } from './types.js';

/**
 * The protocol as a machine (docs/protocol.md, "Phases and actions"): for each phase, the actions it
 * accepts and the phases each one can lead to. `transition` refuses any other action and checks
 * that the phase it reaches is one the table names.
 */
export const PROTOCOL = {
  information: { start: ['questionnaire', 'course'], resume: ['information'] },
  questionnaire: { answerQuestion: ['questionnaire'], prefill: ['questionnaire'], setFilledByMediator: ['questionnaire'], review: ['review'], resume: ['questionnaire'] },
  // A paper session ends with its questionnaire: it has no course (docs/protocol.md, "Paper channel").
  review: { editAnswers: ['questionnaire'], validateQuestionnaire: ['validated', 'finished'], resume: ['review'] },
  validated: { continue: ['course'], resume: ['validated'] },
  course: {
    answerChallenge: ['course', 'endOfCourse', 'finished'],
    skipChallenge: ['course', 'endOfCourse', 'finished'],
    skipRemaining: ['endOfCourse', 'finished'],
    startTimeLimit: ['course'],
    extendTime: ['course'],
    removeTimeLimit: ['course'],
    resume: ['course'],
  },
  endOfCourse: { continue: ['course'], quit: ['finished'], resume: ['endOfCourse'] },
  finished: {},
} as const satisfies Readonly<Record<Phase, Partial<Record<SessionActionType, readonly Phase[]>>>>;

/** Which phases an action can lead to from a phase; undefined when the phase does not accept it. */
export function targets(phase: Phase, type: SessionActionType): readonly Phase[] | undefined {
  return (PROTOCOL[phase] as Partial<Record<SessionActionType, readonly Phase[]>>)[type];
}

const ACTION_TYPES: readonly SessionActionType[] = [
  'start',
  'answerQuestion',
  'prefill',
  'setFilledByMediator',
  'review',
  'editAnswers',
  'validateQuestionnaire',
  'answerChallenge',
  'skipChallenge',
  'skipRemaining',
  'startTimeLimit',
  'extendTime',
  'removeTimeLimit',
  'continue',
  'quit',
  'resume',
];

/** Once the questionnaire is validated these are refused with `questionnaire_locked`, whatever the phase. */
export const QUESTIONNAIRE_EDITS: readonly SessionActionType[] = ['answerQuestion', 'prefill', 'setFilledByMediator', 'editAnswers'];

/**
 * The actions the protocol accepts in a phase (for enabling buttons; `dispatch` enforces it anyway).
 *
 * @example
 * allowedActions('endOfCourse'); // ['continue', 'quit', 'resume']
 */
export function allowedActions(phase: Phase): readonly SessionActionType[] {
  return Object.keys(PROTOCOL[phase]) as SessionActionType[];
}

/**
 * Check an action's shape and return a copy holding only its known fields (the actor goes to
 * the event), so the log never keeps a caller's object that could change later.
 *
 * @example
 * normalizeAction({ type: 'skipRemaining' }); // { action: { type: 'skipRemaining' }, actor: 'mediator' }
 * @throws {ProtocolError} `invalid_action`.
 */
export function normalizeAction(action: unknown): { action: SessionAction; actor: Actor } {
  if (typeof action !== 'object' || action === null || Array.isArray(action))
    throw invalidAction('an action must be an object with a "type"');
  const raw = action as Record<string, unknown>;
  const type = raw['type'];
  if (typeof type !== 'string' || !ACTION_TYPES.includes(type as SessionActionType))
    throw invalidAction(`unknown action type ${JSON.stringify(type)} (expected one of ${ACTION_TYPES.join(', ')})`);
  const actorField = raw['actor'];
  if (actorField !== undefined && actorField !== 'participant' && actorField !== 'mediator')
    throw invalidAction(`${type}: actor must be "participant" or "mediator"`);
  const actor: Actor = actorField ?? (type === 'skipRemaining' || type === 'prefill' ? 'mediator' : 'participant');
  switch (type as SessionActionType) {
    case 'start': {
      if (raw['consent'] !== undefined && typeof raw['consent'] !== 'boolean') throw invalidAction(`${type}: consent must be true or false`);
      if (raw['consent'] !== true)
        throw new ProtocolError('consent_required', '"start" refused: the participant has not given consent (send { type: "start", consent: true })');
      const channel = raw['channel'];
      if (channel !== undefined && !CHANNELS.includes(channel as Channel))
        throw invalidAction(`${type}: channel must be one of ${CHANNELS.join(', ')}`);
      const paperDate = raw['paperDate'];
      if ((channel === 'paper') !== (paperDate !== undefined)) throw invalidAction(`${type}: paperDate goes with channel "paper", and only with it`);
      if (channel !== 'paper') return { action: { type: 'start', consent: true }, actor };
      return { action: { type: 'start', consent: true, channel: 'paper', paperDate: expectString(raw, type, 'paperDate') }, actor };
    }
    case 'startTimeLimit':
    case 'extendTime':
    case 'removeTimeLimit':
      return { action: { type, challengeId: expectString(raw, type, 'challengeId') } as SessionAction, actor };
    case 'answerQuestion': {
      const questionId = expectString(raw, type, 'questionId');
      if (!('value' in raw) || raw['value'] === undefined) throw invalidAction(`${type}: value is required (null clears the answer)`);
      return { action: { type: 'answerQuestion', questionId, value: copyJson(raw['value']) as QuestionAnswer | null }, actor };
    }
    case 'prefill': {
      const answers = raw['answers'];
      if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
        throw invalidAction(`${type}: answers must be an object of answers by question id`);
      return { action: { type: 'prefill', answers: copyJson(answers) as QuestionnaireAnswers }, actor };
    }
    case 'setFilledByMediator': {
      if (typeof raw['value'] !== 'boolean') throw invalidAction(`${type}: value must be true or false`);
      return { action: { type: 'setFilledByMediator', value: raw['value'] }, actor };
    }
    case 'answerChallenge': {
      const challengeId = expectString(raw, type, 'challengeId');
      const answer = raw['answer'];
      if (answer === undefined || answer === null) throw invalidAction(`${type}: answer is required (use skipChallenge to skip)`);
      const timedOut = raw['timedOut'];
      if (timedOut !== undefined && typeof timedOut !== 'boolean') throw invalidAction(`${type}: timedOut must be true or false`);
      return {
        action: { type: 'answerChallenge', challengeId, answer: copyJson(answer) as ChallengeAnswer, ...(timedOut !== undefined && { timedOut }) },
        actor,
      };
    }
    case 'skipChallenge':
      return { action: { type: 'skipChallenge', challengeId: expectString(raw, type, 'challengeId') }, actor };
    default:
      return { action: { type } as SessionAction, actor };
  }
}

function expectString(raw: Record<string, unknown>, type: string, field: string): string {
  const value = raw[field];
  if (typeof value !== 'string') throw invalidAction(`${type}: ${field} must be a string`);
  return value;
}

function invalidAction(message: string): ProtocolError {
  return new ProtocolError('invalid_action', message);
}

/**
 * A copy of plain data (strings, numbers, booleans, arrays, plain objects); anything else
 * (functions, class instances) is kept by reference and left for the validators to refuse.
 */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype)
    // Keys set to undefined are dropped, as JSON would drop them: the state must survive a JSON round trip.
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, copyJson(item)]));
  return value;
}
