/**
 * The mediator's section of the results card (docs/player.md, "<obs-results-card>"): per started course
 * its success, whether it is passed and the advice the end-of-course page gave (the core's
 * `courseRecommendations`); each challenge's outcome and the test time; the staircase level; and what to
 * work on next, its skills named in words. Plain template functions over the card's `t`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { COURSE_STATUS, type Lang, type Recommendation, type SessionState, type Skill, type SurveyDefinition } from '@observatoire/core';
import { courseRecommendations } from '@observatoire/core/analysis';
import type { MessageParams } from '@observatoire/core/i18n';
import type { CapacityResult } from '@observatoire/core/analysis';
import { challengesTemplate } from './challenges.js';
import { mediatorCapacities } from './capacities.js';
import type { ResultsCardMessageKey } from './messages.js';
import { skillName } from '../shared/skill-name.js';
import { courseSummaries, levelReached, nextStep } from '../shared/course-summary.js';

/** What the section needs from the card: its language, its texts and its number format. */
export interface MediatorView {
  lang: Lang;
  /** The session's follow-up code (docs/follow-up.md), shown for the referral sheet. */
  followUpCode?: string | undefined;
  t: (key: ResultsCardMessageKey, params?: MessageParams) => string;
  percent: (rate: number) => string;
  /** A definition with capacities: the result per capacity replaces the staircase level and next course. */
  capacities?: readonly CapacityResult[] | undefined;
}

/** The advice of one end of course in words: "Continuer", or "S’arrêter" and why. */
function adviceText(definition: SurveyDefinition, recommendation: Recommendation | undefined, view: MediatorView): string {
  if (!recommendation) return '–';
  if (recommendation.continue) return view.t('adviceContinue');
  const reasons = recommendation.reasons.map((reason) =>
    reason === 'success_rate_too_low'
      ? view.t('adviceReasonRate', { percent: view.percent(definition.chaining.successThreshold) })
      : view.t('adviceReasonTime', { minutes: Math.round(definition.chaining.testTimeBudgetSeconds / 60) }),
  );
  return view.t('adviceStop', { reasons: reasons.join(', ') });
}

function skillText(definition: SurveyDefinition, skill: Skill, view: MediatorView): string {
  const name = skillName(definition, skill);
  if (name) return view.t('skill', { name: name[view.lang], level: skill.level });
  return view.t('skillUnnamed', { code: skill.competence ?? skill.area, level: skill.level });
}

/** The mediator's section. */
export function mediatorTemplate(definition: SurveyDefinition, state: SessionState, view: MediatorView): TemplateResult {
  const { lang, t } = view;
  const started = courseSummaries(definition, state).filter((s) => s.status !== COURSE_STATUS.notReached);
  const advice = new Map(courseRecommendations(definition, state).map((r) => [r.courseId, r]));
  return html`<section class="mediator" part="mediator" aria-labelledby="mediator-heading">
    <h3 id="mediator-heading">${t('mediatorTitle')}</h3>
    ${view.followUpCode
      ? html`<p part="follow-up-code" class="level">${t('followUpCode', { code: view.followUpCode })}</p>
          <p class="hint">${t('followUpExplain')}</p>`
      : nothing}
    <table part="courses-table">
      <caption>${t('tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('colCourse')}</th>
          <th scope="col">${t('colSuccess')}</th>
          <th scope="col">${t('colPassed')}</th>
          <th scope="col">${t('colAdvice')}</th>
        </tr>
      </thead>
      <tbody>
        ${started.map((s) => {
          const ended = s.status === COURSE_STATUS.ended;
          return html`<tr>
            <th scope="row">${s.title[lang]}</th>
            <td>${ended ? t('successCell', { n: s.succeeded, total: s.total, percent: view.percent(s.rate) }) : t('notEnded')}</td>
            <td>${ended ? t(s.passed ? 'yes' : 'notYet') : '–'}</td>
            <td>${adviceText(definition, advice.get(s.courseId), view)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${challengesTemplate(definition, state, lang, t)}
    ${view.capacities ? mediatorCapacities(view.capacities, lang, t) : staircaseTemplate(definition, state, view)}
  </section>`;
}

/** The staircase level reached and the next course to work on, with its skills in words. */
function staircaseTemplate(definition: SurveyDefinition, state: SessionState, view: MediatorView): TemplateResult {
  const { lang, t } = view;
  const step = nextStep(definition, state);
  return html`<p class="level">${t('level', { level: levelReached(definition, state), max: Math.min(3, definition.courses.length) })}</p>
    <p class="hint">${t('levelExplain')}</p>
    <h4>${t('nextTitle')}</h4>
    ${step
      ? html`<p>${t('nextCourse', { course: step.title[lang] })}</p>
          ${step.skills.length > 0
            ? html`<p>${t('nextSkills')}</p>
                <ul part="skills">
                  ${step.skills.map((skill) => html`<li>${skillText(definition, skill, view)}</li>`)}
                </ul>`
            : nothing}`
      : html`<p>${t('allPassed')}</p>`}`;
}
