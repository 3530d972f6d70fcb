/** What a person can answer, per challenge type (docs/checking.md, "What each type takes"). */

/**
 * - `QCU`: the 1-based index of the chosen proposal, as text (`"2"`).
 * - `QCM`: the chosen indexes, comma-separated, any order (`"1,3"`).
 * - `QROC`: the text typed.
 * - `QROCM-ind`, `QROCM-dep`: the text typed in each input, by input key.
 * - `interactive`: what the widget reports, by key (e.g. `{ clicked: "envoyer" }`).
 */
export type ChallengeAnswer = string | Readonly<Record<string, string>>;

/** `ok` is the only success. `aband`: skipped. `timedout`: right, but after the time ran out. */
export type AnswerStatus = 'ok' | 'ko' | 'aband' | 'timedout';

export interface AnswerResult {
  status: AnswerStatus;
  details: AnswerDetails;
}

export interface AnswerDetails {
  /** Per-key verdicts, for QROCM-ind, QROCM-dep and interactive challenges. */
  keys?: Record<string, 'ok' | 'ko'>;
}

export interface EvaluateOptions {
  /** The answer was given after the challenge's time ran out: a right answer becomes `timedout`. */
  timedOut?: boolean;
}
