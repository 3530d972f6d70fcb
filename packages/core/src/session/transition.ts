/**
 * The survey protocol (docs/protocol.md) as a pure transition function: a state and an action in,
 * a new state out, or a `ProtocolError`. No clock, no randomness source, no I/O: the time and
 * the seed come in through the context, so the same inputs always give the same state and a
 * session can be replayed from its event log.
 */
import { evaluateAnswer } from '../checking/evaluate.js';
import { onlyScored } from '../checking/scored.js';
import type { ChallengeAnswer } from '../checking/types.js';
import type { Course, Questionnaire, SurveyDefinition } from '../content/types.js';
import { ProtocolError } from '../errors.js';
import { checkQuestionnaire, currentYearAt, validateQuestionAnswer } from '../questionnaire/logic.js';
import { isTestRun } from '../questionnaire/test-run.js';
import type { QuestionAnswer } from '../questionnaire/types.js';
import { recommendationReasons, testTimeMs } from '../chaining.js';
import { COURSE_STATUS } from '../outcome.js';
import { successRate } from '../scoring.js';
import { seededRandom, sessionIdFromSeed, shuffled } from './random.js';
import type {
  Actor,
  ChallengeResult,
  CourseProgress,
  CurrentChallenge,
  Phase,
  Recommendation,
  SessionAction,
  SessionActionType,
  SessionEvent,
  SessionState,
} from './types.js';

/** What a transition needs from outside: the time of the action and the session's seed. */
export interface TransitionContext {
  /** Milliseconds, from the session's clock. */
  now: number;
  seed: string;
}

/**
 * The protocol as a machine (docs/protocol.md, "Phases and actions"): for each phase, the actions it
 * accepts and the phases each one can lead to. `transition` refuses any other action and checks
 * that the phase it reaches is one the table names.
 */
export const PROTOCOL = {
  information: { start: ['questionnaire', 'course'], resume: ['information'] },
  questionnaire: { answerQuestion: ['questionnaire'], setFilledByMediator: ['questionnaire'], review: ['review'], resume: ['questionnaire'] },
  review: { editAnswers: ['questionnaire'], validateQuestionnaire: ['validated'], resume: ['review'] },
  validated: { continue: ['course'], resume: ['validated'] },
  course: {
    answerChallenge: ['course', 'endOfCourse', 'finished'],
    skipChallenge: ['course', 'endOfCourse', 'finished'],
    skipRemaining: ['endOfCourse', 'finished'],
    extendTime: ['course'],
    removeTimeLimit: ['course'],
    resume: ['course'],
  },
  endOfCourse: { continue: ['course'], quit: ['finished'], resume: ['endOfCourse'] },
  finished: {},
} as const satisfies Readonly<Record<Phase, Partial<Record<SessionActionType, readonly Phase[]>>>>;

/** Which phases an action can lead to from a phase; undefined when the phase does not accept it. */
function targets(phase: Phase, type: SessionActionType): readonly Phase[] | undefined {
  return (PROTOCOL[phase] as Partial<Record<SessionActionType, readonly Phase[]>>)[type];
}

const ACTION_TYPES: readonly SessionActionType[] = [
  'start',
  'answerQuestion',
  'setFilledByMediator',
  'review',
  'editAnswers',
  'validateQuestionnaire',
  'answerChallenge',
  'skipChallenge',
  'skipRemaining',
  'extendTime',
  'removeTimeLimit',
  'continue',
  'quit',
  'resume',
];

/** Once the questionnaire is validated these are refused with `questionnaire_locked`, whatever the phase. */
const QUESTIONNAIRE_EDITS: readonly SessionActionType[] = ['answerQuestion', 'setFilledByMediator', 'editAnswers'];

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
 * The state of a new session, in phase `information`.
 *
 * @example
 * const state = initialSessionState(definition, { seed: 'abc', now: Date.now() });
 */
export function initialSessionState(definition: SurveyDefinition, context: TransitionContext): SessionState {
  return deepFreeze({
    sessionId: sessionIdFromSeed(context.seed),
    surveyId: definition.id,
    contentVersion: definition.version,
    phase: 'information',
    startedAt: context.now,
    questionnaire: { answers: {}, filledByMediator: false, locked: false },
    testRun: false,
    courses: definition.courses.map((course) => ({ courseId: course.id, status: COURSE_STATUS.notReached, results: [], skippedRemaining: false })),
    courseIndex: -1,
    interruptions: 0,
    events: [],
  });
}

/**
 * Apply one action. Returns a new, frozen state with the action appended to `events`; the
 * given state is never modified. A refused action throws and changes nothing.
 *
 * Answers to questions hidden by a later change are kept while the questionnaire is being
 * filled (so switching an answer back does not lose them), and dropped at `review` (and
 * `validateQuestionnaire`): the validated questionnaire only holds visible questions.
 *
 * @example
 * let state = initialSessionState(definition, { seed: 'abc', now: 0 });
 * state = transition(definition, state, { type: 'start', consent: true }, { seed: 'abc', now: 1000 });
 * state.phase; // 'questionnaire'
 * @throws {ProtocolError} `invalid_action`, `session_finished`, `questionnaire_locked`, `wrong_phase`,
 *   `unknown_question`, `invalid_question_answer`, `questionnaire_incomplete`, `not_current_challenge`.
 * @throws {AnswerShapeError} when a challenge answer is not of the kind its type takes.
 */
export function transition(definition: SurveyDefinition, state: SessionState, action: SessionAction, context: TransitionContext): SessionState {
  const { action: given, actor } = normalizeAction(action);
  // An answer keeps only its scored fields before it enters the event log (docs/checking.md).
  const normalized = given.type === 'answerChallenge' ? { ...given, answer: onlyScored(definition.challenges, given.challengeId, given.answer) } : given;
  const type = normalized.type;
  if (state.phase === 'finished')
    throw new ProtocolError('session_finished', `"${type}" refused: the session is finished (${state.endReason ?? 'completed'})`);
  if (state.questionnaire.locked && QUESTIONNAIRE_EDITS.includes(type))
    throw new ProtocolError('questionnaire_locked', `"${type}" refused: the questionnaire is validated and can no longer be changed`);
  const allowed = targets(state.phase, type);
  if (!allowed)
    throw new ProtocolError('wrong_phase', `"${type}" is not allowed in phase "${state.phase}" (allowed: ${allowedActions(state.phase).join(', ')})`);
  const seq = state.events.length + 1;
  const event: SessionEvent = { id: `${state.sessionId}-${seq}`, seq, at: context.now, actor, action: normalized };
  const next = apply(definition, state, normalized, event, context);
  if (!allowed.includes(next.phase)) throw new Error(`"${type}" led from "${state.phase}" to "${next.phase}", which the protocol table does not name`);
  return deepFreeze({ ...next, events: [...state.events, event] });
}

/** The transition proper, once the action is known to be allowed in this phase. */
function apply(definition: SurveyDefinition, state: SessionState, action: SessionAction, event: SessionEvent, context: TransitionContext): SessionState {
  switch (action.type) {
    case 'start':
      // `normalizeAction` refused a start without consent.
      return definition.questionnaire ? { ...state, phase: 'questionnaire' } : startCourse(definition, state, 0, context);
    case 'answerQuestion':
      return answerQuestion(questionnaireOf(definition), state, action.questionId, action.value, context);
    case 'setFilledByMediator':
      return { ...state, questionnaire: { ...state.questionnaire, filledByMediator: action.value } };
    case 'review':
      return { ...withVisibleAnswers(questionnaireOf(definition), state, context), phase: 'review' };
    case 'editAnswers':
      return { ...state, phase: 'questionnaire' };
    case 'validateQuestionnaire': {
      const visible = withVisibleAnswers(questionnaireOf(definition), state, context);
      return { ...visible, phase: 'validated', questionnaire: { ...visible.questionnaire, locked: true, validatedAt: context.now } };
    }
    case 'continue':
      if (definition.courses.length === 0)
        throw new ProtocolError('wrong_phase', '"continue" refused: no course follows this questionnaire (a questionnaire alone ends at "validated")');
      return startCourse(definition, state, state.phase === 'validated' ? 0 : state.courseIndex + 1, context);
    case 'answerChallenge': {
      const current = currentChallenge(state, action.challengeId);
      const challenge = definition.challenges.find((c) => c.id === current.challengeId);
      if (!challenge) throw new Error(`challenge "${current.challengeId}" is not in the definition`);
      const timedOut = isTimedOut(current, action.timedOut === true, context.now);
      const verdict = evaluateAnswer(challenge, action.answer, { timedOut });
      const result = closedChallenge(current, event, context, {
        status: verdict.status,
        answer: action.answer,
        details: verdict.details,
        ...(timedOut && { timedOut: true as const }),
      });
      return closeChallenges(definition, state, [result], false, context);
    }
    case 'skipChallenge': {
      const current = currentChallenge(state, action.challengeId);
      return closeChallenges(definition, state, [closedChallenge(current, event, context, { status: 'aband', details: {} })], false, context);
    }
    case 'skipRemaining': {
      const current = currentChallenge(state, undefined);
      const course = courseDefinition(definition, state.courseIndex);
      const results = course.challenges.slice(current.index).map((challengeId, offset) => {
        const shown = offset === 0 ? current : { challengeId, index: current.index + offset, startedAt: context.now };
        return closedChallenge(shown, event, context, { status: 'aband', details: {}, skippedRemaining: true });
      });
      return closeChallenges(definition, state, results, true, context);
    }
    case 'extendTime':
    case 'removeTimeLimit': {
      const current = currentChallenge(state, action.challengeId);
      const limit = runningLimit(current, action.type);
      return { ...state, current: { ...current, timeLimitMs: action.type === 'extendTime' ? limit * 2 : null } };
    }
    case 'quit':
      return { ...state, phase: 'finished', endReason: 'quit' };
    case 'resume':
      return { ...state, interruptions: state.interruptions + 1 };
  }
}

function questionnaireOf(definition: SurveyDefinition): Questionnaire {
  // The phases that reach here only exist when the definition has a questionnaire.
  if (!definition.questionnaire) throw new Error('the definition has no questionnaire');
  return definition.questionnaire;
}

function answerQuestion(questionnaire: Questionnaire, state: SessionState, questionId: string, value: QuestionAnswer | null, context: TransitionContext): SessionState {
  const question = questionnaire.questions.find((q) => q.id === questionId);
  if (!question) throw new ProtocolError('unknown_question', `no question "${questionId}" in questionnaire "${questionnaire.id}"`, [questionId]);
  let answers: Record<string, QuestionAnswer>;
  if (value === null) {
    answers = { ...state.questionnaire.answers };
    delete answers[questionId];
  } else {
    const issue = validateQuestionAnswer(question, value, { currentYear: currentYearAt(context.now) });
    if (issue) throw new ProtocolError('invalid_question_answer', `${questionId}: ${issue.message}`, [questionId]);
    answers = { ...state.questionnaire.answers, [questionId]: value };
  }
  return { ...state, questionnaire: { ...state.questionnaire, answers }, testRun: isTestRun(questionnaire, answers) };
}

/** Drop the answers of hidden questions; refuse when a visible required question has no answer (`checkQuestionnaire`). */
function withVisibleAnswers(questionnaire: Questionnaire, state: SessionState, context: TransitionContext): SessionState {
  const { answers, issues } = checkQuestionnaire(questionnaire, state.questionnaire.answers, context.now);
  // Each answer was checked when given, so a wrong one is rare here (a clock stepping back a year).
  const wrong = issues.find((issue) => issue.code !== 'required');
  if (wrong) throw new ProtocolError('invalid_question_answer', `${wrong.questionId}: ${wrong.message}`, [wrong.questionId]);
  const missing = issues.map((issue) => issue.questionId);
  if (missing.length > 0)
    throw new ProtocolError('questionnaire_incomplete', `required question${missing.length > 1 ? 's' : ''} without an answer: ${missing.join(', ')}`, missing);
  return { ...state, questionnaire: { ...state.questionnaire, answers }, testRun: isTestRun(questionnaire, answers) };
}

function courseDefinition(definition: SurveyDefinition, index: number): Course {
  const course = definition.courses[index];
  if (!course) throw new Error(`no course at index ${index}`);
  return course;
}

function startCourse(definition: SurveyDefinition, state: SessionState, index: number, context: TransitionContext): SessionState {
  const course = courseDefinition(definition, index);
  return {
    ...state,
    phase: 'course',
    courseIndex: index,
    courses: updateCourse(state.courses, index, (progress) => ({ ...progress, status: COURSE_STATUS.inProgress, startedAt: context.now })),
    current: challengeAt(definition, course, 0, context),
  };
}

/** The challenge at `index` of a course, shown now; QCU/QCM with `shuffle` get their seeded order. */
function challengeAt(definition: SurveyDefinition, course: Course, index: number, context: TransitionContext): CurrentChallenge {
  const challengeId = course.challenges[index] as string;
  const challenge = definition.challenges.find((c) => c.id === challengeId);
  const current: CurrentChallenge = { challengeId, index, startedAt: context.now, ...(challenge?.timer && { timeLimitMs: challenge.timer * 1000 }) };
  if ((challenge?.type === 'QCU' || challenge?.type === 'QCM') && challenge.shuffle) {
    const indexes = challenge.proposals.map((_, i) => i + 1);
    return { ...current, proposalOrder: shuffled(indexes, seededRandom(`${context.seed}/${challengeId}`)) };
  }
  return current;
}

/** The current challenge, checking that the action names it (when it names one). */
function currentChallenge(state: SessionState, challengeId: string | undefined): CurrentChallenge {
  const current = state.current;
  if (!current) throw new Error('phase "course" without a current challenge');
  if (challengeId !== undefined && challengeId !== current.challengeId)
    throw new ProtocolError('not_current_challenge', `"${challengeId}" is not the current challenge ("${current.challengeId}")`, [challengeId]);
  return current;
}

function closedChallenge(
  shown: CurrentChallenge,
  event: SessionEvent,
  context: TransitionContext,
  outcome: Pick<ChallengeResult, 'status' | 'details'> & { answer?: ChallengeAnswer; skippedRemaining?: true; timedOut?: true },
): ChallengeResult {
  return {
    challengeId: shown.challengeId,
    status: outcome.status,
    ...(outcome.answer !== undefined && { answer: outcome.answer }),
    details: outcome.details.keys ? { keys: { ...outcome.details.keys } } : {},
    startedAt: shown.startedAt,
    answeredAt: context.now,
    // A device clock can step back (time sync); a duration is never negative.
    durationMs: Math.max(0, context.now - shown.startedAt),
    actor: event.actor,
    eventId: event.id,
    ...(outcome.skippedRemaining && { skippedRemaining: true }),
    ...(outcome.timedOut && { timedOut: true }),
  };
}

/** The time limit of the current challenge, refusing an action about it when there is none running. */
function runningLimit(current: CurrentChallenge, type: string): number {
  const limit = current.timeLimitMs;
  if (typeof limit !== 'number')
    throw new ProtocolError(
      'no_time_limit',
      `"${type}" refused: challenge "${current.challengeId}" has ${limit === null ? 'had its time limit removed' : 'no time limit'}`,
      [current.challengeId],
    );
  return limit;
}

/**
 * Whether an answer comes after the time limit (docs/protocol.md, "Time limits"): the limit runs from
 * when the challenge was shown. The sender's `timedOut: true` is only accepted when a limit is running;
 * the session's clock decides.
 */
function isTimedOut(current: CurrentChallenge, claimed: boolean, now: number): boolean {
  if (claimed) runningLimit(current, 'answerChallenge with timedOut');
  const limit = current.timeLimitMs;
  return typeof limit === 'number' && now - current.startedAt >= limit;
}

/** Record results in the current course, then show the next challenge or end the course. */
function closeChallenges(
  definition: SurveyDefinition,
  state: SessionState,
  results: readonly ChallengeResult[],
  skippedRemaining: boolean,
  context: TransitionContext,
): SessionState {
  const index = state.courseIndex;
  const course = courseDefinition(definition, index);
  const { current: _closed, ...rest } = state;
  const next = (state.current?.index ?? 0) + results.length;
  if (next < course.challenges.length) {
    return {
      ...rest,
      courses: updateCourse(state.courses, index, (progress) => ({ ...progress, results: [...progress.results, ...results] })),
      current: challengeAt(definition, course, next, context),
    };
  }
  const last = index === definition.courses.length - 1;
  return {
    ...rest,
    phase: last ? 'finished' : 'endOfCourse',
    ...(last && { endReason: 'completed' as const }),
    courses: updateCourse(state.courses, index, (progress) => ({
      ...progress,
      status: COURSE_STATUS.ended,
      endedAt: context.now,
      results: [...progress.results, ...results],
      skippedRemaining,
    })),
  };
}

function updateCourse(courses: readonly CourseProgress[], index: number, update: (progress: CourseProgress) => CourseProgress): CourseProgress[] {
  return courses.map((progress, i) => (i === index ? update(progress) : progress));
}

/**
 * Test time so far (docs/protocol.md, "Chaining"): the challenges' durations, plus the running
 * challenge up to `now`. The questionnaire and the end-of-course pages do not count.
 *
 * @example
 * elapsedTestTimeMs(state, Date.now()); // 312000
 */
export function elapsedTestTimeMs(state: SessionState, now: number): number {
  const durations = state.courses.flatMap((course) => course.results.map((result) => result.durationMs));
  if (state.current) durations.push(now - state.current.startedAt);
  return testTimeMs(durations);
}

/**
 * The end-of-course advice (docs/protocol.md, "Chaining"): go on only when the course's success
 * rate is strictly above `chaining.successThreshold` and the test time strictly below
 * `chaining.testTimeBudgetSeconds`. Given in phase `endOfCourse`, and in `finished` after the
 * last course was completed (`isLastCourse: true`); `null` otherwise.
 *
 * @example
 * courseRecommendation(definition, state, Date.now());
 * // { courseId: 'manipulation', successRate: 2 / 3, testTimeMs: 95000, continue: true, reasons: [], isLastCourse: false }
 */
export function courseRecommendation(definition: SurveyDefinition, state: SessionState, now: number): Recommendation | null {
  const ended = state.phase === 'endOfCourse' || (state.phase === 'finished' && state.endReason === 'completed');
  const progress = state.courses[state.courseIndex];
  if (!ended || !progress) return null;
  const rate = successRate(progress.results);
  const elapsed = elapsedTestTimeMs(state, now);
  const reasons = recommendationReasons(definition.chaining, rate, elapsed);
  return {
    courseId: progress.courseId,
    successRate: rate,
    testTimeMs: elapsed,
    continue: reasons.length === 0,
    reasons,
    isLastCourse: state.courseIndex === definition.courses.length - 1,
  };
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
  const actor: Actor = actorField ?? (type === 'skipRemaining' ? 'mediator' : 'participant');
  switch (type as SessionActionType) {
    case 'start': {
      if (raw['consent'] !== undefined && typeof raw['consent'] !== 'boolean') throw invalidAction(`${type}: consent must be true or false`);
      if (raw['consent'] !== true)
        throw new ProtocolError('consent_required', '"start" refused: the participant has not given consent (send { type: "start", consent: true })');
      return { action: { type: 'start', consent: true }, actor };
    }
    case 'extendTime':
    case 'removeTimeLimit':
      return { action: { type, challengeId: expectString(raw, type, 'challengeId') } as SessionAction, actor };
    case 'answerQuestion': {
      const questionId = expectString(raw, type, 'questionId');
      if (!('value' in raw) || raw['value'] === undefined) throw invalidAction(`${type}: value is required (null clears the answer)`);
      return { action: { type: 'answerQuestion', questionId, value: copyJson(raw['value']) as QuestionAnswer | null }, actor };
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

/**
 * Freeze a state and the new objects inside it; parts shared with the previous state are frozen already.
 *
 * @example
 * const state = deepFreeze({ ...previous, phase: 'review' });
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
