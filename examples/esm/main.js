// The survey from the npm packages. Importing them defines the elements and the widgets.
import '@observatoire/elements';
import '@observatoire/content/widgets';

const survey = document.createElement('obs-survey');
survey.definition = new URL('../../packages/content/surveys/observatoire-2025.json', document.baseURI).href;
survey.organisation = 'exemple-esm';
document.getElementById('survey').append(survey);

const mediator = document.getElementById('mediator');
const lang = document.getElementById('lang');
const outcome = document.getElementById('outcome');
mediator.addEventListener('change', () => {
  survey.mediator = mediator.checked;
});
lang.addEventListener('change', () => {
  survey.lang = lang.value;
  document.documentElement.lang = lang.value;
});
survey.addEventListener('obs-survey-complete', (event) => {
  const { state } = event.detail;
  outcome.textContent = `${lang.value === 'en' ? 'Survey finished' : 'Enquête terminée'} (${state.sessionId}).`;
});
