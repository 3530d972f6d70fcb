/**
 * The mediator's list of challenges, course by course, for the courses actually started: each
 * challenge's outcome, and a skipped one as skipped and by whom (docs/player.md). Pure rows, then a
 * plain template function; the test time is the core's formula (`testTimeMs`).
 */
import { html, type TemplateResult } from 'lit';
import { COURSE_STATUS, testTimeMs, type Actor, type AnswerStatus, type Lang, type LocalizedText, type SessionState, type SurveyDefinition } from '@observatoire/core';
import type { MessageParams } from '@observatoire/core/i18n';
import type { ResultsCardMessageKey } from './messages.js';

export type ChallengeOutcome = 'ok' | 'ko' | 'timedout' | 'skippedByParticipant' | 'skippedByMediator' | 'notShown';

export interface ChallengeRow {
  courseTitle: LocalizedText;
  /** 1-based position in its course. */
  position: number;
  challengeId: string;
  outcome: ChallengeOutcome;
}

/**
 * One row per challenge of every course the person started, in play order.
 *
 * @example
 * challengeRows(definition, state)[0]; // { courseTitle: {…}, position: 1, challengeId: 'cliquer-bouton', outcome: 'ok' }
 */
export function challengeRows(definition: SurveyDefinition, state: SessionState): ChallengeRow[] {
  return definition.courses.flatMap((course) => {
    const progress = state.courses.find((p) => p.courseId === course.id);
    if (!progress || progress.status === COURSE_STATUS.notReached) return [];
    return course.challenges.map((challengeId, index) => {
      const result = progress.results.find((r) => r.challengeId === challengeId);
      return { courseTitle: course.title, position: index + 1, challengeId, outcome: result ? outcomeOf(result.status, result.actor, result.skippedRemaining === true) : 'notShown' };
    });
  });
}

function outcomeOf(status: AnswerStatus, actor: Actor, skippedRemaining: boolean): ChallengeOutcome {
  if (status !== 'aband') return status;
  return actor === 'mediator' || skippedRemaining ? 'skippedByMediator' : 'skippedByParticipant';
}

/**
 * Minutes spent on the challenges (rounded, at least 1 once one was played).
 *
 * @example
 * testMinutes(state); // 12
 */
export function testMinutes(state: SessionState): number {
  const ms = testTimeMs(state.courses.flatMap((course) => course.results.map((result) => result.durationMs)));
  return ms === 0 ? 0 : Math.max(1, Math.round(ms / 60_000));
}

const OUTCOME_KEYS: Record<ChallengeOutcome, ResultsCardMessageKey> = {
  ok: 'outcomeOk',
  ko: 'outcomeKo',
  timedout: 'outcomeTimedOut',
  skippedByParticipant: 'outcomeSkippedParticipant',
  skippedByMediator: 'outcomeSkippedMediator',
  notShown: 'outcomeNotShown',
};

/** The table of challenge outcomes and the test time, for the mediator's section. */
export function challengesTemplate(definition: SurveyDefinition, state: SessionState, lang: Lang, t: (key: ResultsCardMessageKey, params?: MessageParams) => string): TemplateResult {
  const rows = challengeRows(definition, state);
  return html`<p class="test-time">${t('testTime', { minutes: testMinutes(state) })}</p>
    <table part="challenges">
      <caption>${t('challengesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('colCourse')}</th>
          <th scope="col">${t('colChallenge')}</th>
          <th scope="col">${t('colOutcome')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <td>${row.courseTitle[lang]}</td>
            <th scope="row">${t('challengeName', { n: row.position })}</th>
            <td>${t(OUTCOME_KEYS[row.outcome])}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
}
