/**
 * The result per capacity of a definition that has capacities (a quick diagnostic; docs/content.md,
 * "Result per capacity"), in words for both readers: the participant reads, per capacity, what they
 * can do and what is to work on; the mediator reads the same with the count and the content's own words,
 * instead of a staircase level that means nothing for a single course. The levels are the core's
 * (`capacityResults`); plain template functions over the card's `t`.
 */
import { html, type TemplateResult } from 'lit';
import type { AnswerStatus, Lang, SessionState, SurveyDefinition } from '@observatoire/core';
import { capacityResults, type CapacityResult } from '@observatoire/core/analysis';
import type { MessageParams } from '@observatoire/core/i18n';
import type { ResultsCardMessageKey } from './messages.js';

type T = (key: ResultsCardMessageKey, params?: MessageParams) => string;

/**
 * The capacities' results from the session's recorded statuses (a challenge not played counts as not succeeded).
 *
 * @example
 * sessionCapacities(diagnosticRapide, state)[0].level; // 'mastered'
 */
export function sessionCapacities(definition: SurveyDefinition, state: SessionState): CapacityResult[] {
  const statuses: Record<string, AnswerStatus> = {};
  for (const course of state.courses) for (const result of course.results) statuses[result.challengeId] = result.status;
  return capacityResults(definition, statuses);
}

/** "Acquis" only when every challenge of the capacity was succeeded; otherwise "À travailler". */
const mastered = (result: CapacityResult) => result.level === 'mastered';

/** The participant's list: "Reconnaître les outils : vous savez faire." */
export function participantCapacities(results: readonly CapacityResult[], lang: Lang, t: T): TemplateResult {
  return html`<p>${t('capacitiesIntro')}</p>
    <ul class="courses" part="capacities">
      ${results.map((r) => html`<li>${t(mastered(r) ? 'capacityMastered' : 'capacityToWork', { capacity: r.title[lang] })}</li>`)}
    </ul>`;
}

/** The mediator's table: capacity, challenges succeeded, mastered or to work on, the content's words. */
export function mediatorCapacities(results: readonly CapacityResult[], lang: Lang, t: T): TemplateResult {
  return html`<table part="capacities-table">
    <caption>${t('capacitiesCaption')}</caption>
    <thead>
      <tr>
        <th scope="col">${t('colCapacity')}</th>
        <th scope="col">${t('colSucceeded')}</th>
        <th scope="col">${t('colOutcome')}</th>
        <th scope="col">${t('colWords')}</th>
      </tr>
    </thead>
    <tbody>
      ${results.map(
        (r) => html`<tr>
          <th scope="row">${r.title[lang]}</th>
          <td>${t('succeededCell', { n: r.ok, total: r.total })}</td>
          <td>${t(mastered(r) ? 'capacityMasteredCell' : 'capacityToWorkCell')}</td>
          <td>${r.words[lang]}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
