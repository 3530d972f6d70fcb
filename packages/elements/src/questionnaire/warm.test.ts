import { expect } from '@open-wc/testing';
import { translate } from '@observatoire/core/i18n';
import { questionnaire } from './fixtures/questionnaire.js';
import { messages, type MessageKey } from './messages.js';
import { LocalQuestionnaire } from './model.js';
import { warmTemplates } from './warm.js';

// The templates of the later screens are prepared in idle time (docs/loading.md): drawing them
// off screen must change nothing the person has given, and show nothing.
describe('warmTemplates', () => {
  it('draws every kind of question and the review off screen, without touching the answers or the page', () => {
    const model = new LocalQuestionnaire(questionnaire);
    model.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
    const before = { answers: structuredClone(model.answers), stage: model.stage, html: document.body.innerHTML };
    const drawn: string[] = [];
    const t = (key: MessageKey) => (drawn.push(key), translate(messages, 'fr', key));
    warmTemplates(model, { lang: 'fr', t, mediator: true });
    expect(model.answers).to.deep.equal(before.answers);
    expect(model.stage).to.equal(before.stage);
    expect(document.body.innerHTML).to.equal(before.html);
    // The commune question's postal code and the review's title were drawn: every kind went through.
    expect(drawn).to.include.members(['postalCode', 'reviewTitle']);
  });
});
