/**
 * "Commencer" (or "Saisir les réponses" for a paper form) in `<obs-survey>`: the session's `start`,
 * then the structure's prefilled answers (docs/questionnaire.md, "Prefill"). A refused action is
 * reported as an `obs-error`, never thrown into the page.
 */
import { ObservatoireError, ProtocolError, type SurveySession } from '@observatoire/core';
import { emit } from '../events.js';
import { applyPrefill } from '../questionnaire/prefill.js';

export interface StartOptions {
  /** A paper form's date as the mediator typed it, `YYYY-MM-DD` (`undefined`: online). */
  paperDate?: string | undefined;
  prefill?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Start `session`; `false` when a paper form's date was refused (the caller shows it on the field).
 *
 * @example
 * if (!startSession(this, session, { paperDate: '2025-11-20', prefill })) showDateError();
 */
export function startSession(host: HTMLElement, session: SurveySession, options: StartOptions): boolean {
  const { paperDate, prefill } = options;
  try {
    if (paperDate === undefined) session.dispatch({ type: 'start', consent: true });
    else session.dispatch({ type: 'start', consent: true, channel: 'paper', paperDate, actor: 'mediator' });
  } catch (error) {
    if (paperDate !== undefined && error instanceof ProtocolError && (error.code === 'invalid_paper_date' || error.code === 'invalid_action')) return false;
    reportFailure(host, error);
    return true;
  }
  const questionnaire = session.definition.questionnaire;
  if (questionnaire && session.state.phase === 'questionnaire') {
    const target = {
      questionnaire,
      get answers() {
        return session.state.questionnaire.answers;
      },
      now: () => session.now(),
      dispatch: (action: Parameters<SurveySession['dispatch']>[0]) => dispatchOrReport(host, () => session.dispatch(action)),
    };
    applyPrefill(host, target, prefill);
  }
  return true;
}

/**
 * Run an action of `<obs-survey>` itself; a refused one becomes an `obs-error` on `host`.
 *
 * @example
 * dispatchOrReport(this, () => session.dispatch({ type: 'quit' }));
 */
export function dispatchOrReport(host: HTMLElement, act: () => void): void {
  try {
    act();
  } catch (error) {
    reportFailure(host, error);
  }
}

function reportFailure(host: HTMLElement, error: unknown): void {
  const failure = error instanceof ObservatoireError ? error : new ObservatoireError('unexpected', String(error));
  emit(host, 'obs-error', { code: failure.code, message: failure.message, error: failure });
}
