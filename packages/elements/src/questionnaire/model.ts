/**
 * The one interface `<obs-questionnaire>` renders from and acts on, with its two sources:
 * the survey session (inside `<obs-survey>`) and a core session of the questionnaire alone
 * (element used alone). Both are the core's protocol, so the element has a single rendering path.
 */
import {
  createQuestionnaireSession,
  currentYearAt,
  type Questionnaire,
  type QuestionnaireAnswers,
  type SessionAction,
  type SurveySession,
} from '@observatoire/core';

export type QuestionnaireAction = Extract<
  SessionAction,
  { type: 'answerQuestion' | 'prefill' | 'setFilledByMediator' | 'review' | 'editAnswers' | 'validateQuestionnaire' }
>;

/** `answering` → `review` → `validated` (read-only). */
export type QuestionnaireStage = 'answering' | 'review' | 'validated';

export interface QuestionnaireModel {
  readonly questionnaire: Questionnaire;
  readonly answers: QuestionnaireAnswers;
  readonly filledByMediator: boolean;
  /** Questions whose answer the structure prefilled and nobody changed (to confirm on the review). */
  readonly prefilled: readonly string[];
  readonly testRun: boolean;
  readonly stage: QuestionnaireStage;
  /** The session is a paper form typed in by a mediator (docs/protocol.md, "Paper channel"). */
  readonly paper: boolean;
  /** The session's clock, milliseconds. */
  now(): number;
  /** Upper bound of year questions without `max`: the UTC year of the session's clock (`currentYearAt`). */
  readonly currentYear: number;
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
    get prefilled() {
      return session.state.questionnaire.prefilled ?? [];
    },
    get paper() {
      return session.state.channel === 'paper';
    },
    now: () => session.now(),
    get testRun() {
      return session.state.testRun;
    },
    get stage(): QuestionnaireStage {
      const { phase, questionnaire: q } = session.state;
      return q.locked ? 'validated' : phase === 'review' ? 'review' : 'answering';
    },
    get currentYear() {
      return currentYearAt(session.now());
    },
    dispatch(action) {
      session.dispatch(action);
    },
  };
}

/**
 * A questionnaire shown alone: a core session of one questionnaire (`createQuestionnaireSession`),
 * so the rules (a valid answer per question, required answers before review, only visible questions
 * kept, locked once validated) are exactly the survey's.
 *
 * @example
 * const model = new LocalQuestionnaire(questionnaire);
 * model.dispatch({ type: 'answerQuestion', questionId: 'naissance', value: 1956 });
 * model.dispatch({ type: 'review' }); // throws ProtocolError('questionnaire_incomplete') if a required answer is missing
 */
export class LocalQuestionnaire implements QuestionnaireModel {
  readonly #model: QuestionnaireModel;

  /**
   * @param answers Given answers, each checked as if typed (a bad one throws `ProtocolError`).
   * @param clock Milliseconds, like a session's `clock`: year questions without `max` accept up
   * to its UTC year, as the session does (`currentYearAt`).
   */
  constructor(
    readonly questionnaire: Questionnaire,
    answers: QuestionnaireAnswers = {},
    clock: () => number = Date.now,
  ) {
    const session = createQuestionnaireSession(questionnaire, { clock });
    this.#model = sessionModel(session, questionnaire);
    for (const [questionId, value] of Object.entries(answers)) session.dispatch({ type: 'answerQuestion', questionId, value });
  }

  get answers(): QuestionnaireAnswers {
    return this.#model.answers;
  }
  get filledByMediator(): boolean {
    return this.#model.filledByMediator;
  }
  get prefilled(): readonly string[] {
    return this.#model.prefilled;
  }
  get paper(): boolean {
    return false;
  }
  now(): number {
    return this.#model.now();
  }
  get testRun(): boolean {
    return this.#model.testRun;
  }
  get stage(): QuestionnaireStage {
    return this.#model.stage;
  }
  get currentYear(): number {
    return this.#model.currentYear;
  }

  dispatch(action: QuestionnaireAction): void {
    this.#model.dispatch(action);
  }
}
