/**
 * The one interface `<obs-questionnaire>` renders from and acts on, with its two sources:
 * the survey session (inside `<obs-survey>`) and a small local controller (element used alone).
 * Both apply the same core rules, so the element has a single rendering path.
 */
import {
  ProtocolError,
  currentYearAt,
  isTestRun,
  missingRequired,
  validateQuestionAnswer,
  visibleQuestions,
  type Questionnaire,
  type QuestionnaireAnswers,
  type SessionAction,
  type SurveySession,
} from '@observatoire/core';

export type QuestionnaireAction = Extract<
  SessionAction,
  { type: 'answerQuestion' | 'setFilledByMediator' | 'review' | 'editAnswers' | 'validateQuestionnaire' }
>;

/** `answering` → `review` → `validated` (read-only). */
export type QuestionnaireStage = 'answering' | 'review' | 'validated';

export interface QuestionnaireModel {
  readonly questionnaire: Questionnaire;
  readonly answers: QuestionnaireAnswers;
  readonly filledByMediator: boolean;
  readonly testRun: boolean;
  readonly stage: QuestionnaireStage;
  /** Apply an action. Throws `ProtocolError` when the rules refuse it (nothing changes then). */
  dispatch(action: QuestionnaireAction): void;
}

/**
 * The questionnaire part of a survey session. Reads the session's current state on every access,
 * so it never holds a copy.
 *
 * @example
 * const model = sessionModel(session, session.definition.questionnaire!);
 * model.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
 */
export function sessionModel(session: SurveySession, questionnaire: Questionnaire): QuestionnaireModel {
  return {
    questionnaire,
    get answers() {
      return session.state.questionnaire.answers;
    },
    get filledByMediator() {
      return session.state.questionnaire.filledByMediator;
    },
    get testRun() {
      return session.state.testRun;
    },
    get stage(): QuestionnaireStage {
      const { phase, questionnaire: q } = session.state;
      return q.locked ? 'validated' : phase === 'review' ? 'review' : 'answering';
    },
    dispatch(action) {
      session.dispatch(action);
    },
  };
}

/**
 * The answers of a questionnaire shown alone, with the session's questionnaire rules: a valid
 * answer per question, required answers before review, only visible questions kept, locked once
 * validated.
 *
 * @example
 * const model = new LocalQuestionnaire(questionnaire);
 * model.dispatch({ type: 'answerQuestion', questionId: 'naissance', value: 1956 });
 * model.dispatch({ type: 'review' }); // throws ProtocolError('questionnaire_incomplete') if a required answer is missing
 */
export class LocalQuestionnaire implements QuestionnaireModel {
  answers: QuestionnaireAnswers;
  filledByMediator = false;
  stage: QuestionnaireStage = 'answering';

  /**
   * @param clock Milliseconds, like a session's `clock`: year questions without `max` accept up
   * to its UTC year, as the session does (`currentYearAt`).
   */
  constructor(
    readonly questionnaire: Questionnaire,
    answers: QuestionnaireAnswers = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.answers = answers;
  }

  get testRun(): boolean {
    return isTestRun(this.questionnaire, this.answers);
  }

  dispatch(action: QuestionnaireAction): void {
    if (this.stage === 'validated') throw new ProtocolError('questionnaire_locked', `"${action.type}" refused: the questionnaire is validated`);
    const allowed = this.stage === 'review' ? ['editAnswers', 'validateQuestionnaire'] : ['answerQuestion', 'setFilledByMediator', 'review'];
    if (!allowed.includes(action.type)) throw new ProtocolError('wrong_phase', `"${action.type}" is not allowed during ${this.stage}`);
    switch (action.type) {
      case 'answerQuestion': {
        const { questionId: id, value } = action;
        const question = this.questionnaire.questions.find((q) => q.id === id);
        if (!question) throw new ProtocolError('unknown_question', `no question "${id}"`, [id]);
        const answers = { ...this.answers };
        if (value === null) delete answers[id];
        else {
          const issue = validateQuestionAnswer(question, value, { currentYear: currentYearAt(this.clock()) });
          if (issue) throw new ProtocolError('invalid_question_answer', `${id}: ${issue.message}`, [id]);
          answers[id] = value;
        }
        this.answers = answers;
        return;
      }
      case 'setFilledByMediator':
        this.filledByMediator = action.value;
        return;
      case 'editAnswers':
        this.stage = 'answering';
        return;
      default:
        this.answers = this.visibleAnswers();
        this.stage = action.type === 'review' ? 'review' : 'validated';
    }
  }

  /** The answers of the visible questions; throws when a required one is missing. */
  private visibleAnswers(): QuestionnaireAnswers {
    const visible = new Set(visibleQuestions(this.questionnaire, this.answers).map((q) => q.id));
    const answers = Object.fromEntries(Object.entries(this.answers).filter(([id]) => visible.has(id)));
    const missing = missingRequired(this.questionnaire, answers);
    if (missing.length) throw new ProtocolError('questionnaire_incomplete', `required questions without an answer: ${missing.join(', ')}`, missing);
    return answers;
  }
}
