/**
 * Whole surveys on the example pages, as people do them: keyboard only; pointer with a
 * mediator who skips and leaves; and under a strict Content-Security-Policy.
 */
import { expect } from '@open-wc/testing';
import type { SurveyCompleteDetail } from '../../packages/elements/src/events.js';
import { completeSurvey } from './drive.js';
import { deepActive, deepAll, keyboard, openExample, pointer, settle, type ExamplePage } from './helpers.js';

let page: ExamplePage | undefined;
afterEach(() => {
  page?.frame.remove();
  page = undefined;
});

function completion(target: EventTarget): { detail?: SurveyCompleteDetail; count: number } {
  const seen: { detail?: SurveyCompleteDetail; count: number } = { count: 0 };
  target.addEventListener('obs-survey-complete', (event) => {
    seen.count += 1;
    seen.detail = (event as CustomEvent<SurveyCompleteDetail>).detail;
  });
  return seen;
}

describe('A whole survey on examples/script-tag', function () {
  this.timeout(240_000);

  it('is completed with the keyboard only: consent, questionnaire, review, validation, three courses, results', async () => {
    page = await openExample('/examples/script-tag/');
    const { survey, doc } = page;
    const done = completion(doc);
    const focusedHeadings: string[] = [];
    page.frame.focus();
    await completeSurvey(survey, {
      actor: keyboard(document),
      usesKeyboard: true,
      doc: document,
      postalCode: '35000',
      endOfCourse: () => 'continue',
      onPhase: async () => {
        await settle(survey);
        const active = deepActive(document);
        if (active && /^H[1-3]$/.test(active.tagName)) focusedHeadings.push(active.textContent!.trim());
      },
    });
    await settle(survey);
    const state = survey.session!.state;
    expect(state.endReason).to.equal('completed');
    expect(state.questionnaire.locked).to.equal(true);
    expect(state.testRun).to.equal(false);
    const commune = state.questionnaire.answers['commune'] as { code?: string; department?: string };
    expect(commune.department).to.equal('35');
    expect(state.courses.map((course) => course.status)).to.deep.equal(['ended', 'ended', 'ended']);
    expect(state.courses.map((course) => course.results.length)).to.deep.equal([3, 7, 5]);
    // The three manipulation tasks (click, type, drag and drop) were done with the keyboard alone.
    expect(state.courses[0]!.results.map((result) => result.status)).to.deep.equal(['ok', 'ok', 'ok']);
    expect(state.events.every((event) => event.actor === 'participant')).to.equal(true);
    expect(done.count).to.equal(1);
    expect(done.detail!.snapshot.state.sessionId).to.equal(state.sessionId);
    expect(survey.shadowRoot!.querySelector('obs-results-card')).to.exist;
    // Focus followed the screens: each new screen's heading received it.
    expect(focusedHeadings.length).to.be.greaterThan(2, focusedHeadings.join(' | '));
    expect(doc.getElementById('outcome')!.textContent).to.contain('Enquête terminée');
  });

  it('is run by pointer in mediator mode: skip the remaining challenges, then leave at the end-of-course page', async () => {
    page = await openExample('/examples/script-tag/');
    const { survey, doc } = page;
    const done = completion(doc);
    doc.querySelector<HTMLInputElement>('#mediator')!.click();
    await settle(survey);
    expect(survey.mediator).to.equal(true);
    await completeSurvey(survey, {
      actor: pointer,
      usesKeyboard: false,
      doc,
      postalCode: 'TEST',
      endOfCourse: () => 'quit',
      skipRemaining: { course: 0, after: 1 },
    });
    const state = survey.session!.state;
    expect(state.testRun).to.equal(true);
    expect(state.endReason).to.equal('quit');
    expect(state.courses[0]!.skippedRemaining).to.equal(true);
    expect(state.courses[0]!.results.slice(1).every((result) => result.status === 'aband' && result.skippedRemaining)).to.equal(true);
    expect(state.courses.slice(1).map((course) => course.status)).to.deep.equal(['not_reached', 'not_reached']);
    expect(state.events.some((event) => event.action.type === 'skipRemaining' && event.actor === 'mediator')).to.equal(true);
    expect(done.count).to.equal(1);
    expect(survey.shadowRoot!.querySelector('obs-results-card')).to.exist;
  });
});

describe('Under Content-Security-Policy: default-src \'self\' (examples/csp)', function () {
  this.timeout(240_000);

  it('is served with the policy and runs the full survey with no violation', async () => {
    const response = await fetch('/examples/csp/');
    expect(response.headers.get('content-security-policy')).to.equal("default-src 'self'");
    page = await openExample('/examples/csp/');
    const { survey, win } = page;
    await completeSurvey(survey, {
      actor: pointer,
      usesKeyboard: false,
      doc: page.doc,
      postalCode: '35000',
      endOfCourse: () => 'continue',
    });
    expect(survey.session!.state.endReason).to.equal('completed');
    const violations = (win as unknown as { observatoireCspViolations: { directive: string; blocked: string }[] }).observatoireCspViolations;
    expect(violations, 'the page records violations').to.be.an('array');
    expect(violations.map((v) => `${v.directive} ${v.blocked}`)).to.deep.equal([]);
    expect(deepAll(survey.shadowRoot!, '[style]')).to.deep.equal([]);
  });
});
