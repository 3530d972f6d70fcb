// Opens the survey in the campaign named by `?code=` (the code printed by `npm start`): the attribute is
// set before the element enters the page, so the campaign is checked before the person starts.
const code = new URLSearchParams(location.search).get('code') ?? '';
const survey = document.createElement('obs-survey');
survey.setAttribute('definition', '../../packages/content/surveys/observatoire-2025.json');
survey.setAttribute('endpoint', '/collector');
survey.setAttribute('mediator', '');
if (/^[A-Za-z0-9]{3}-[A-Za-z0-9]{3}$/.test(code)) survey.setAttribute('campaign', code);
document.getElementById('survey')?.append(survey);
