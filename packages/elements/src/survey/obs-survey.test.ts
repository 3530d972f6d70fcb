import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import type { SurveyDefinitionInput } from '@observatoire/core';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { surveyContext } from '../context.js';
import type { ErrorEventDetail, SurveyCompleteDetail } from '../events.js';
import '../course-chainer/obs-course-chainer.define.js';
import '../results-card/obs-results-card.define.js';
import './obs-survey.define.js';
import type { ObsSurvey, SurveySinkRecord } from './obs-survey.js';

const text = (fr: string, en = `${fr} (en)`) => ({ fr, en });

const definition: SurveyDefinitionInput = {
  schemaVersion: 1,
  provenance: { author: 'Observatoire', status: 'project' },
  id: 'essai',
  version: '1',
  title: text('Essai'),
  information: {
    title: text('Bienvenue', 'Welcome'),
    body: [text('Premier paragraphe.', 'First paragraph.'), text('Second paragraphe.', 'Second paragraph.')],
    consent: text("Je suis d'accord", 'I agree'),
  },
  questionnaire: {
    id: 'q',
    questions: [{ id: 'genre', kind: 'single', label: text('Vous êtes'), options: [{ code: 'feminin', label: text('Femme') }, { code: 'masculin', label: text('Homme') }] }],
  },
  challenges: [
    { id: 'a', type: 'QCU', instruction: text('Question A'), proposals: [text('Oui'), text('Non')], solution: 1 },
    { id: 'b', type: 'QCU', instruction: text('Question B'), proposals: [text('Oui'), text('Non')], solution: 2 },
  ],
  courses: [
    { id: 'un', title: text('Parcours un', 'Course one'), challenges: ['a'] },
    { id: 'deux', title: text('Parcours deux', 'Course two'), challenges: ['b'] },
  ],
};

/** Stands for a nested element: reads the context the way the real ones do. */
class ContextProbe extends LitElement {
  consumer = new ContextConsumer(this, { context: surveyContext, subscribe: true });
}
customElements.define('obs-test-probe', ContextProbe);

async function ready(el: ObsSurvey): Promise<void> {
  await el.updateComplete;
  // With `endpoint` the outbox and IndexedDB open first: slow on a busy machine (a wait, not a timing assertion).
  for (let i = 0; i < 500 && !el.session && !el.shadowRoot?.querySelector('[role="alert"]'); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  await el.updateComplete;
}

const shadow = (el: ObsSurvey) => el.shadowRoot!;
const button = (el: ObsSurvey, name: RegExp) =>
  [...shadow(el).querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as HTMLButtonElement;
/** Through the questionnaire and course one by the session, to the last challenge shown by the player. */
async function toLastChallenge(el: ObsSurvey): Promise<{ chainer: LitElement; player: LitElement }> {
  for (const action of [
    { type: 'start', consent: true },
    { type: 'answerQuestion', questionId: 'genre', value: 'masculin' },
    { type: 'review' },
    { type: 'validateQuestionnaire' },
    { type: 'continue' },
    { type: 'answerChallenge', challengeId: 'a', answer: '1' },
    { type: 'continue' },
  ] as const)
    el.session!.dispatch(action);
  await el.updateComplete;
  const chainer = shadow(el).querySelector<LitElement>('obs-course-chainer')!;
  await chainer.updateComplete;
  const player = chainer.shadowRoot!.querySelector<LitElement>('obs-challenge-player')!;
  await player.updateComplete;
  return { chainer, player };
}

const status = (el: ObsSurvey) => shadow(el).querySelector('[role="status"]')!.textContent!.trim();

describe('<obs-survey>', () => {
  it('every event of the session carries the external reference and the follow-up code; the mediator sees the code on the results card', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey .definition=${definition} external-ref="coop:beneficiaire/42" mediator></obs-survey>`);
    await ready(el);
    const details: { type: string; externalRef?: string; followUpCode?: string }[] = [];
    for (const type of ['obs-answer', 'obs-course-end', 'obs-survey-complete'] as const)
      el.addEventListener(type, (event) => details.push({ type, ...(event as CustomEvent<{ externalRef?: string; followUpCode?: string }>).detail }));
    const { player } = await toLastChallenge(el);
    [...player.shadowRoot!.querySelectorAll('label')].find((label) => label.textContent!.trim() === 'Oui')!.click();
    await player.updateComplete;
    [...player.shadowRoot!.querySelectorAll('button')].find((b) => /Je valide/.test(b.textContent ?? ''))!.click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    const code = details[0]?.followUpCode ?? '';
    expect(code).to.match(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(details.map((d) => [d.type, d.externalRef, d.followUpCode])).to.deep.equal([
      ['obs-answer', 'coop:beneficiaire/42', code],
      ['obs-course-end', 'coop:beneficiaire/42', code],
      ['obs-survey-complete', 'coop:beneficiaire/42', code],
    ]);
    await el.updateComplete;
    const card = shadow(el).querySelector<LitElement & { followUpCode?: string }>('obs-results-card')!;
    await card.updateComplete;
    expect(card.followUpCode).to.equal(code);
    expect(card.shadowRoot!.querySelector('[part="follow-up-code"]')!.textContent).to.equal(`Code de suivi\u00a0: ${code}`);
    expect(card.shadowRoot!.textContent + shadow(el).textContent).not.to.include('coop:beneficiaire');
    await expect(el).to.be.accessible();
  });

  it('shows the information screen from a definition object, in French by default', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey .definition=${definition}></obs-survey>`);
    await ready(el);
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Bienvenue');
    expect([...shadow(el).querySelectorAll('p')].map((p) => p.textContent)).to.include.members(['Premier paragraphe.', 'Second paragraphe.']);
    const checkbox = shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(checkbox.labels![0]!.textContent!.trim()).to.equal("Je suis d'accord");
    expect(button(el, /Commencer/)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says on the information screen what is kept, who keeps it, for what, how long and whom to ask to erase it (FR, EN); axe clean', async () => {
    const el = await fixture<ObsSurvey>(
      html`<obs-survey .definition=${definition} organisation-name="Médiathèque de Vitré" contact="accueil@mediatheque.example" retention-months="24"></obs-survey>`,
    );
    await ready(el);
    const section = () => shadow(el).querySelector('[part="your-data"]')!;
    const said = () => section().textContent!.replace(/[ \n\t]+/g, ' ').trim();
    expect(section().getAttribute('aria-labelledby')).to.equal(shadow(el).querySelector('#your-data-heading')!.id);
    expect(shadow(el).querySelector('#your-data-heading')!.textContent).to.equal('Vos données');
    for (const sentence of [
      'Nous gardons vos réponses, votre année de naissance, votre commune et votre genre.',
      'Dans une petite commune, cela peut suffire à vous reconnaître.',
      'Médiathèque de Vitré garde ces données.',
      'Elles servent à mieux aider les personnes sur le numérique.',
      'Elles sont effacées au bout de 24 mois.',
      'Pour les faire effacer plus tôt, écrivez à\u00a0: accueil@mediatheque.example.',
    ])
      expect(said()).to.contain(sentence);
    await expect(el).to.be.accessible();

    el.lang = 'en';
    await el.updateComplete;
    expect(shadow(el).querySelector('#your-data-heading')!.textContent).to.equal('Your data');
    for (const sentence of ['In a small town, this may be enough to recognise you.', 'Médiathèque de Vitré keeps this data.', 'It is deleted after 24 months.', 'To have it deleted sooner, write to: accueil@mediatheque.example.'])
      expect(said()).to.contain(sentence);

    // Without the attributes it names no one, and sends the person to the mediator.
    el.lang = 'fr';
    el.removeAttribute('organisation-name');
    el.removeAttribute('contact');
    el.removeAttribute('retention-months');
    await el.updateComplete;
    expect(said()).to.contain('Le lieu qui vous accueille garde ces données.');
    expect(said()).to.contain('Demandez à la personne qui vous accompagne combien de temps elles sont gardées.');
    expect(said()).to.contain('Pour les faire effacer plus tôt, demandez à la personne qui vous accompagne.');
  });

  it('refuses to start without consent, with a message tied to the checkbox', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey .definition=${definition}></obs-survey>`);
    await ready(el);
    button(el, /Commencer/).click();
    await el.updateComplete;
    const checkbox = shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(el.session!.state.phase).to.equal('information');
    expect(checkbox.getAttribute('aria-invalid')).to.equal('true');
    const message = shadow(el).getElementById(checkbox.getAttribute('aria-describedby')!)!;
    expect(message.textContent).to.contain('cochez la case');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shadow(el).activeElement).to.equal(checkbox);
    await expect(el).to.be.accessible();
  });

  it('starts with the keyboard once consent is given, moves focus and announces the new screen', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey .definition=${definition}></obs-survey>`);
    await ready(el);
    shadow(el).querySelector<HTMLInputElement>('input[type="checkbox"]')!.focus();
    await sendKeys({ press: ' ' }); // 'Space' is unknown to Firefox's WebDriver BiDi
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(button(el, /Commencer/));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.session!.state.phase).to.equal('questionnaire');
    expect(shadow(el).querySelector('obs-questionnaire')).to.exist;
    expect(status(el)).to.equal('Questionnaire');
  });

  it('shares the session, its state and the configuration with nested elements, updated after every action', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey mediator mode="learning" .definition=${definition}></obs-survey>`);
    await ready(el);
    const probe = document.createElement('obs-test-probe') as ContextProbe;
    el.append(probe);
    const first = probe.consumer.value!;
    expect(first.session).to.equal(el.session);
    expect(first.state.phase).to.equal('information');
    expect(first).to.include({ lang: 'fr', mediator: true, mode: 'learning' });
    expect(first.baseUrl).to.equal(document.baseURI);
    el.session!.dispatch({ type: 'start', consent: true });
    expect(probe.consumer.value!.state.phase).to.equal('questionnaire');
    el.lang = 'en';
    el.mediator = false;
    await el.updateComplete;
    expect(probe.consumer.value).to.include({ lang: 'en', mediator: false });
  });

  it('switches language at runtime', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey .definition=${definition}></obs-survey>`);
    await ready(el);
    el.lang = 'en';
    await el.updateComplete;
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Welcome');
    expect(button(el, /Start/)).to.exist;
    el.setAttribute('lang', 'fr');
    await el.updateComplete;
    expect(button(el, /Commencer/)).to.exist;
  });

  it('hands each new session event to the sink, with endpoint and organisation', async () => {
    const el = await fixture<ObsSurvey>(
      html`<obs-survey endpoint="https://collecte.example/api" organisation="F-123" .definition=${definition}></obs-survey>`,
    );
    await ready(el);
    const records: SurveySinkRecord[] = [];
    el.sink = { receive: (record) => records.push(record) };
    el.session!.dispatch({ type: 'start', consent: true });
    el.session!.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
    expect(records.map((r) => r.event.action.type)).to.deep.equal(['start', 'answerQuestion']);
    expect(records[1]).to.include({ endpoint: 'https://collecte.example/api', organisation: 'F-123' });
    expect(records[1]!.state.questionnaire.answers).to.deep.equal({ genre: 'feminin' });
  });

  it('walks the protocol: questionnaire, courses, then results and obs-survey-complete once', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey .definition=${definition}></obs-survey>`);
    await ready(el);
    const session = el.session!;
    const completions: SurveyCompleteDetail[] = [];
    el.addEventListener('obs-survey-complete', (event) => completions.push(event.detail));
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'masculin' });
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    await el.updateComplete;
    // The course chainer opens the challenges with its own introduction.
    expect(shadow(el).querySelector('obs-course-chainer')).to.exist;
    expect(status(el)).to.equal('Défis\u00a0: 2 parcours');
    session.dispatch({ type: 'continue' });
    await el.updateComplete;
    expect(session.state.phase).to.equal('course');
    expect(shadow(el).querySelector('obs-course-chainer')).to.exist;
    session.dispatch({ type: 'answerChallenge', challengeId: 'a', answer: '1' });
    expect(session.state.phase).to.equal('endOfCourse');
    session.dispatch({ type: 'continue' });
    session.dispatch({ type: 'skipChallenge', challengeId: 'b' });
    await el.updateComplete;
    expect(session.state.phase).to.equal('finished');
    expect(shadow(el).querySelector('obs-results-card')).to.exist;
    expect(status(el)).to.equal('Résultats');
    expect(completions).to.have.length(1);
    expect(completions[0]!.state.phase).to.equal('finished');
    expect(completions[0]!.snapshot.state.sessionId).to.equal(session.state.sessionId);
  });

  it("gives the structure's links to the results' referral sheet", async () => {
    const links = [{ title: 'Aidants Connect', url: 'https://aidantsconnect.beta.gouv.fr' }];
    const el = await fixture<ObsSurvey>(html`<obs-survey .definition=${definition} .referralLinks=${links}></obs-survey>`);
    await ready(el);
    const session = el.session!;
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'masculin' });
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    session.dispatch({ type: 'continue' });
    session.dispatch({ type: 'skipChallenge', challengeId: 'a' });
    session.dispatch({ type: 'quit' });
    await el.updateComplete;
    const card = shadow(el).querySelector('obs-results-card')!;
    await card.updateComplete;
    const sheet = card.shadowRoot!.querySelector('obs-referral-sheet')!;
    for (let i = 0; i < 300 && !sheet.shadowRoot?.querySelector('section[aria-labelledby="sheet-near"]'); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sheet.shadowRoot!.querySelector('section[aria-labelledby="sheet-near"] a')?.getAttribute('href')).to.equal('https://aidantsconnect.beta.gouv.fr/');
  });

  it('learning mode: a miss on the very last challenge shows its help, then "Voir mes résultats" opens the results', async () => {
    const withHelp: SurveyDefinitionInput = {
      ...definition,
      challenges: definition.challenges.map((c) => (c.id === 'b' ? { ...c, help: { hint: text('Lisez la question jusqu’au bout.') } } : c)),
    };
    const el = await fixture<ObsSurvey>(html`<obs-survey mode="learning" .definition=${withHelp}></obs-survey>`);
    await ready(el);
    const session = el.session!;
    const completions: SurveyCompleteDetail[] = [];
    el.addEventListener('obs-survey-complete', (event) => completions.push(event.detail));
    const { chainer, player } = await toLastChallenge(el);
    const inPlayer = (name: RegExp) => [...player.shadowRoot!.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''))!;
    [...player.shadowRoot!.querySelectorAll('label')].find((label) => label.textContent!.trim() === 'Oui')!.click();
    await player.updateComplete;
    const order: string[] = [];
    for (const type of ['obs-answer', 'obs-course-end', 'obs-survey-complete']) el.addEventListener(type, () => order.push(type));
    inPlayer(/Je valide/).click();
    await el.updateComplete;
    await chainer.updateComplete;
    await player.updateComplete;
    expect(session.state.phase).to.equal('finished');
    expect(completions, 'the session is complete').to.have.length(1);
    expect(order, 'obs-survey-complete is the last event of the session').to.deep.equal(['obs-answer', 'obs-course-end', 'obs-survey-complete']);
    // Booleans: a failing comparison of elements would print the whole DOM.
    expect(shadow(el).querySelector('obs-results-card') === null, 'no results before the help').to.equal(true);
    expect(shadow(el).querySelector('obs-course-chainer') === chainer, 'the chainer stays').to.equal(true);
    expect(player.shadowRoot!.textContent).to.contain('Pour réussir la prochaine fois');
    expect(player.shadowRoot!.textContent).to.contain('Lisez la question jusqu’au bout.');
    expect(status(el)).not.to.equal('Résultats');
    await expect(el).to.be.accessible();

    [...chainer.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Voir mes résultats')!.click();
    await chainer.updateComplete;
    await el.updateComplete;
    const card = shadow(el).querySelector<LitElement>('obs-results-card')!;
    expect(card).to.exist;
    expect(status(el)).to.equal('Résultats');
    await card.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(card.shadowRoot!.activeElement?.tagName, 'focus on the results heading').to.equal('H2');
    expect(completions).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('passes the theme on to the nested elements', async () => {
    const el = await fixture<ObsSurvey>(html`<obs-survey theme="dsfr" .definition=${definition}></obs-survey>`);
    await ready(el);
    el.session!.dispatch({ type: 'start', consent: true });
    await el.updateComplete;
    expect(shadow(el).querySelector('obs-questionnaire')!.getAttribute('theme')).to.equal('dsfr');
  });
});

describe('<obs-survey> with a definition it cannot use', () => {
  async function failing(definitionSource: unknown): Promise<{ el: ObsSurvey; detail: ErrorEventDetail }> {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('obs-survey') as ObsSurvey;
    const event = oneEvent(wrapper, 'obs-error');
    el.definition = definitionSource as ObsSurvey['definition'];
    wrapper.append(el);
    const { detail } = (await event) as CustomEvent<ErrorEventDetail>;
    await el.updateComplete;
    return { el, detail };
  }
  const items = (el: ObsSurvey) => [...shadow(el).querySelectorAll('li')].map((li) => li.textContent);

  it('a URL that answers 404: load_failed, shown in the element', async () => {
    const { el, detail } = await failing('/examples/fixtures/nowhere.json');
    expect(detail.code).to.equal('load_failed');
    expect(shadow(el).querySelector('h2')!.textContent).to.equal("Le questionnaire n'a pas pu être chargé");
    expect(items(el)[0]).to.contain('HTTP 404');
    expect(shadow(el).querySelector('[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('an unreachable server: load_failed', async () => {
    const { detail } = await failing('http://127.0.0.1:9/survey.json');
    expect(detail.code).to.equal('load_failed');
  });

  it('a file that is not JSON: invalid_content, with the reason', async () => {
    const { el, detail } = await failing('/packages/elements/src/survey/messages.ts');
    expect(detail.code).to.equal('invalid_content');
    expect(items(el)[0]).to.contain('not valid JSON');
  });

  it('an object that breaks the model: invalid_content, every issue listed with its path', async () => {
    const broken = { ...definition, courses: [{ id: 'un', title: text('Un'), challenges: ['inconnu'] }], information: { title: text('T') } };
    const { el, detail } = await failing(broken);
    expect(detail.code).to.equal('invalid_content');
    expect(detail.error.name).to.equal('ContentError');
    const lines = items(el);
    expect(lines.some((line) => line!.startsWith('information.body:'))).to.equal(true, lines.join('\n'));
    expect(lines.some((line) => line!.startsWith('information.consent:'))).to.equal(true, lines.join('\n'));
  });

  it('recovers when given a valid definition afterwards', async () => {
    const { el } = await failing({ nope: true });
    el.definition = definition;
    await ready(el);
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Bienvenue');
  });
});
