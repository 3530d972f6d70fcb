// Host-page controls of the script-tag examples (a separate file: no inline script under CSP).
// The mediator toggle and the language switch set <obs-survey>'s attributes at runtime;
// the end of the survey is reported in the page.
const survey = document.querySelector('obs-survey');
const mediator = document.getElementById('mediator');
const lang = document.getElementById('lang');
const outcome = document.getElementById('outcome');

mediator?.addEventListener('change', () => survey.toggleAttribute('mediator', mediator.checked));
lang?.addEventListener('change', () => {
  survey.setAttribute('lang', lang.value);
  document.documentElement.lang = lang.value;
});
survey.addEventListener('obs-survey-complete', (event) => {
  const { state } = event.detail;
  const done = state.courses.filter((course) => course.status === 'ended').length;
  outcome.textContent =
    lang?.value === 'en'
      ? `Survey finished: ${done} course(s) completed. Session ${state.sessionId}.`
      : `Enquête terminée : ${done} parcours terminé(s). Session ${state.sessionId}.`;
});
survey.addEventListener('obs-error', (event) => console.warn('obs-error', event.detail.code, event.detail.message));
