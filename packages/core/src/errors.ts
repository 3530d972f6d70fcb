/**
 * Every error the core throws is an `ObservatoireError` with a stable `code`,
 * so callers can branch on it without parsing messages.
 */
export class ObservatoireError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One problem found in a piece of content, with the path where it was found. */
export interface ContentIssue {
  /** Dotted path with indexes, e.g. `courses[1].challenges[3]`. Empty for the root. */
  path: string;
  message: string;
}

/**
 * Content (a survey definition or a challenge) that does not follow the model.
 * The message lists every issue as `path: message`, one per line.
 *
 * @example
 * try { parseSurveyDefinition(json) } catch (e) {
 *   if (e instanceof ContentError) console.error(e.issues[0].path, e.issues[0].message);
 * }
 */
export class ContentError extends ObservatoireError {
  readonly issues: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[]) {
    super('invalid_content', issues.map(formatIssue).join('\n'));
    this.issues = issues;
  }
}

/** An answer whose shape does not fit the challenge type (not a wrong answer: a wrong *kind* of answer). */
export class AnswerShapeError extends ObservatoireError {
  readonly challengeId: string;
  constructor(challengeId: string, message: string) {
    super('answer_shape', `${challengeId}: ${message}`);
    this.challengeId = challengeId;
  }
}

export function formatIssue(issue: ContentIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** `['courses', 1, 'challenges', 3]` → `courses[1].challenges[3]` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/**
 * An action the survey protocol does not allow now: out of order, on a finished
 * session, a change to a validated (locked) questionnaire, an unknown id…
 *
 * @example
 * try { session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' }) }
 * catch (e) { if (e instanceof ProtocolError && e.code === 'questionnaire_locked') … }
 */
export class ProtocolError extends ObservatoireError {
  declare readonly code: ProtocolErrorCode;
  /** Ids the error is about (e.g. the unanswered required questions). */
  readonly ids: readonly string[];
  constructor(code: ProtocolErrorCode, message: string, ids: readonly string[] = []) {
    super(code, message);
    this.ids = ids;
  }
}

export type ProtocolErrorCode =
  | 'wrong_phase'
  | 'session_finished'
  | 'questionnaire_locked'
  | 'questionnaire_incomplete'
  | 'unknown_question'
  | 'invalid_question_answer'
  | 'not_current_challenge'
  /** A paper form's `start` whose `paperDate` is not a date, or not a possible one (`paperDateProblem`). */
  | 'invalid_paper_date'
  /** `start` without the participant's consent (`consent: true`). */
  | 'consent_required'
  /** `extendTime`, `removeTimeLimit` or an answer claiming `timedOut` on a challenge without a running time limit. */
  | 'no_time_limit'
  | 'restore_mismatch'
  /** `restore` was given something that is not a session snapshot (or a damaged one). */
  | 'invalid_snapshot'
  /** `restore` was given a snapshot of an earlier version that cannot be brought to the current rules: start a new session. */
  | 'snapshot_outdated'
  /** `dispatch` was given something that is not a session action (unknown type, bad field). */
  | 'invalid_action';
