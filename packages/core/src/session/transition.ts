/**
 * The survey protocol (docs/protocol.md) as a pure transition function: a state and an action in,
 * a new state out, or a `ProtocolError`. No clock, no randomness source, no I/O: the time and
 * the seed come in through the context, so the same inputs always give the same state and a
 * session can be replayed from its event log.
 *
 * This file holds the dispatch and the questionnaire's actions; the protocol table and the
 * actions' shapes are in `protocol.ts`, the courses and their challenges in `course.ts`, the
 * time limits in `time-limit.ts`.
 */
import { evaluateAnswer } from '../checking/evaluate.js';
import { onlyScored } from '../checking/scored.js';
import type { Questionnaire, SurveyDefinition } from '../content/types.js';
import { ProtocolError } from '../errors.js';
import { checkQuestionnaire, currentYearAt, validateQuestionAnswer } from '../questionnaire/logic.js';
import { isTestRun } from '../questionnaire/test-run.js';
import { keptPrefilled, mergePrefill, prefilledAfterAnswer } from '../questionnaire/prefill.js';
import type { QuestionAnswer, QuestionnaireAnswers } from '../questionnaire/types.js';
import { paperDateProblem } from './channel.js';
import { COURSE_STATUS } from '../outcome.js';
import { closeChallenges, closedChallenge, courseDefinition, currentChallenge, startCourse } from './course.js';
import { allowedActions, normalizeAction, QUESTIONNAIRE_EDITS, targets } from './protocol.js';
import { sessionIdFromSeed } from './random.js';
import { changedTimeLimit, isTimedOut } from './time-limit.js';
import type { SessionAction, SessionEvent, SessionState, TransitionContext } from './types.js';

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
 *   `unknown_question`, `invalid_question_answer`, `questionnaire_incomplete`, `not_current_challenge`,
 *   `invalid_paper_date`.
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
    case 'start': {
      // `normalizeAction` refused a start without consent.
      if (action.channel !== 'paper')
        return definition.questionnaire ? { ...state, phase: 'questionnaire' } : startCourse(definition, state, 0, context);
      if (!definition.questionnaire) throw new ProtocolError('invalid_action', '"start" refused: a paper form needs a survey with a questionnaire');
      const problem = paperDateProblem(action.paperDate, context.now);
      if (problem) throw new ProtocolError('invalid_paper_date', `"start" refused: paperDate ${problem}`);
      return { ...state, phase: 'questionnaire', channel: 'paper', paperDate: action.paperDate! };
    }
    case 'answerQuestion':
      return answerQuestion(questionnaireOf(definition), state, action.questionId, action.value, context);
    case 'prefill':
      return prefill(questionnaireOf(definition), state, action.answers, context);
    case 'setFilledByMediator':
      return { ...state, questionnaire: { ...state.questionnaire, filledByMediator: action.value } };
    case 'review':
      return { ...withVisibleAnswers(questionnaireOf(definition), state, context), phase: 'review' };
    case 'editAnswers':
      return { ...state, phase: 'questionnaire' };
    case 'validateQuestionnaire': {
      const visible = withVisibleAnswers(questionnaireOf(definition), state, context);
      const questionnaire = { ...visible.questionnaire, locked: true, validatedAt: context.now };
      // A paper form has no course: its session ends with it (docs/protocol.md, "Paper channel").
      if (state.channel === 'paper') return { ...visible, phase: 'finished', endReason: 'completed', questionnaire };
      return { ...visible, phase: 'validated', questionnaire };
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
    case 'startTimeLimit':
    case 'extendTime':
    case 'removeTimeLimit': {
      return { ...state, current: changedTimeLimit(currentChallenge(state, action.challengeId), action.type, context.now) };
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
  const prefilled = state.questionnaire.prefilled;
  return {
    ...state,
    questionnaire: {
      ...state.questionnaire,
      answers,
      ...(prefilled && { prefilled: prefilledAfterAnswer(prefilled, state.questionnaire.answers, questionId, value) }),
    },
    testRun: isTestRun(questionnaire, answers),
  };
}

/** Known answers given by the structure (`mergePrefill`); refused whole when one is not valid. */
function prefill(questionnaire: Questionnaire, state: SessionState, given: QuestionnaireAnswers, context: TransitionContext): SessionState {
  const { answers, prefilled, issues } = mergePrefill(questionnaire, state.questionnaire.answers, given, context.now, state.questionnaire.prefilled);
  const issue = issues[0];
  if (issue)
    throw new ProtocolError(issue.code === 'unknown_question' ? 'unknown_question' : 'invalid_question_answer', `prefill: ${issue.message}`, issues.map((i) => i.questionId));
  return { ...state, questionnaire: { ...state.questionnaire, answers, prefilled }, testRun: isTestRun(questionnaire, answers) };
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
  const prefilled = state.questionnaire.prefilled;
  return {
    ...state,
    questionnaire: { ...state.questionnaire, answers, ...(prefilled && { prefilled: keptPrefilled(prefilled, answers) }) },
    testRun: isTestRun(questionnaire, answers),
  };
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
