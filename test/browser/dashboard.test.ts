/**
 * `<obs-dashboard>` (docs/dashboard.md) against the collector's own routes: msw forwards `/collector` to
 * the collector app over an in-memory store, as in the other collector-backed browser tests. Participants'
 * devices are played through the same API (`POST /v1/sessions`, the questionnaire, answers); the mediator
 * drives the dashboard by keyboard.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMockHandlers } from '@observatoire/collector/mock';
import type { SurveyDefinition } from '@observatoire/core';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../../packages/elements/src/dashboard/index.js';
import type { ObsDashboard } from '../../packages/elements/src/dashboard/obs-dashboard.js';
import { observatoire2025, until } from '../../packages/elements/src/outbox/test-helpers.js';
import { collectorDriver, row, text } from './dashboard-helpers.js';
import { deepActive, tabTo } from './helpers.js';

const ENDPOINT = '/collector';
const ADMIN = 'observatoire-mock-admin';

let worker: SetupWorker;
let definition: SurveyDefinition;
let requests = 0;
let { call, structure, participant, courseOf, openDashboard } = {} as ReturnType<typeof collectorDriver>;

const buttonNamed = (root: ShadowRoot, name: RegExp) => [...root.querySelectorAll('button')].find((b) => name.test(text(b)))!;

before(async () => {
  definition = await observatoire2025();
  ({ call, structure, participant, courseOf, openDashboard } = collectorDriver(ENDPOINT, ADMIN, definition));
  worker = setupWorker(...createMockHandlers({ endpoint: ENDPOINT, definitions: [definition] }));
  worker.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.includes('/progress')) requests += 1;
  });
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
});

after(() => worker.stop());

describe('<obs-dashboard>', () => {

  it("a participant's session appears and progresses live, and the change is said politely", async () => {
    const { code, key } = await structure('live');
    const dashboard = await openDashboard(key);
    const root = dashboard.shadowRoot!;
    expect(text(root.querySelector('#participants-heading'))).to.equal(`Participants de la campagne ${code}`);
    expect(text(root)).to.include('Personne n’a encore commencé cette campagne.');
    const person = await participant(code);
    await until(() => row(dashboard, 'Participant 1') !== undefined, 'the new session is listed');
    expect(text(row(dashboard, 'Participant 1')!.children[2])).to.equal('Commencé');
    await until(() => text(root.querySelector('[role="status"]')).includes('Nouveau participant\u00a0: 1.'), 'the polite summary');
    await person.validate();
    await until(() => text(row(dashboard, 'Participant 1')!.children[2]) === 'Questionnaire validé', 'the questionnaire stage');
    for (const id of courseOf('manipulation')) await person.play(id, true);
    await until(() => text(row(dashboard, 'Participant 1')!.children[2]) === 'Parcours commencé', 'the course stage');
    const title = definition.courses[0]!.title.fr;
    expect(text(row(dashboard, 'Participant 1')!.children[3])).to.equal(`${title}\u00a0: terminé, 100\u00a0% de défis réussis`);
    expect(text(root.querySelector('[role="status"]'))).to.include('Parcours commencé\u00a0: 1 de plus.');
    const stages = [...root.querySelectorAll('.stages div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]);
    expect(stages).to.deep.equal([['Commencé', '1'], ['Questionnaire validé', '1'], ['Parcours commencé', '1'], ['Terminé', '0'], ['Arrêté en cours de route', '0']]);
    await expect(dashboard).to.be.accessible();
  });

  it('the group view groups by level and names the competences to work on in words', async () => {
    const { code, key } = await structure('groups');
    const [first, second, third] = [await participant(code), await participant(code), await participant(code)];
    for (const [person, year] of [[first, 1950], [second, 1960], [third, 1970]] as const) await person.validate(year);
    // Level 1: course 1 passed, course 2 not. Level 0: course 1 not passed (twice).
    for (const id of courseOf('manipulation')) await first.play(id, true);
    for (const id of courseOf('bases')) await first.play(id, false);
    for (const id of courseOf('manipulation')) await second.play(id, false);
    for (const [i, id] of courseOf('manipulation').entries()) await third.play(id, i === 0 ? null : false, i === 0 ? 'mediator' : 'participant');
    const dashboard = await openDashboard(key);
    const root = dashboard.shadowRoot!;
    await until(() => root.querySelectorAll('[part~="level-groups"] > li').length === 2, 'two level groups');
    const levels = [...root.querySelectorAll('[part~="level-groups"] > li')].map((li) => [text(li.querySelector('h5')), [...li.querySelectorAll('.members li')].map((m) => text(m))]);
    expect(levels).to.deep.equal([
      ['Niveau 0', ['Participant 2', 'Participant 3']],
      ['Niveau 1', ['Participant 1']],
    ]);
    const competences = [...root.querySelectorAll('[part~="competence-groups"] h5')].map((h) => text(h));
    expect(competences.length).to.be.greaterThan(0);
    for (const name of competences) expect(name, 'a competence in words, never a bare code').not.to.match(/^(compétence )?\d(\.\d+)?$/);
    // The mediator opens a participant's results by keyboard: who skipped what.
    const open = row(dashboard, 'Participant 3')!.querySelector('button')!;
    await tabTo(open, document);
    await sendKeys({ press: 'Enter' });
    await until(() => text(root.querySelector('[part~="results"]')).includes('Défi 1'), 'the results');
    const results = root.querySelector('[part~="results"]')!;
    expect(text(results.querySelector('h3'))).to.equal('Résultats de Participant 3');
    expect(deepActive()).to.equal(results.querySelector('h3'), 'the focus moves to the results');
    expect([...results.querySelectorAll('.challenges li')].map((li) => text(li))).to.deep.equal([
      'Défi 1\u00a0: passé par le médiateur',
      'Défi 2\u00a0: non réussi',
      'Défi 3\u00a0: non réussi',
    ]);
    expect(text(results)).to.include('Niveau atteint\u00a0: 0 sur 3');
    await expect(dashboard).to.be.accessible();
    buttonNamed(root, /^Fermer les résultats$/).click();
    await until(() => deepActive() === open, 'the focus goes back to the button');
  });

  it('the structure report appears only once the structure has 100 respondents', async function () {
    this.timeout(180_000);
    const { code, key } = await structure('hundred');
    // 99 respondents who validated the questionnaire and played course 1 (its report needs staircase levels).
    const respond = async (year: number) => {
      const person = await participant(code);
      await person.validate(year);
      for (const id of courseOf('manipulation')) await person.play(id, year % 2 === 0);
    };
    await Promise.all(Array.from({ length: 99 }, (_, i) => respond(1920 + i)));
    const dashboard = await openDashboard(key);
    const root = dashboard.shadowRoot!;
    await until(() => root.querySelector('.report-counts') !== null, `the report section (${text(root)})`, 15_000);
    expect(text(root.querySelector('.report-counts'))).to.equal('Votre structure compte 99 répondants valides. Son rapport s’affiche à partir de 100.');
    expect(root.querySelector('obs-report')).to.equal(null);
    expect(customElements.get('obs-report'), '<obs-report> is loaded only once a report is shown').to.equal(undefined);
    await respond(1919);
    const refresh = buttonNamed(root, /^Actualiser le rapport$/);
    await tabTo(refresh, document);
    await sendKeys({ press: 'Enter' });
    await until(() => root.querySelector('obs-report') !== null, `the report at 100 respondents (${text(root.querySelector('#report-heading')?.parentElement)})`);
    const report = root.querySelector('obs-report')!;
    await until(() => text(report.shadowRoot).includes('Structure hundred') || text(report.shadowRoot).includes('hundred'), 'the structure in the report');
    expect(root.querySelector('.report-counts')).to.equal(null);
    await expect(dashboard).to.be.accessible();
  });

  it('holds at 320 px and with text at 200 %, in English too', async () => {
    const { code, key } = await structure('narrow');
    const person = await participant(code);
    await person.validate();
    const dashboard = await openDashboard(key, { lang: 'en', width: 320 });
    dashboard.style.fontSize = '200%';
    const root = dashboard.shadowRoot!;
    await until(() => row(dashboard, 'Participant 1') !== undefined, 'the participant');
    expect(text(root.querySelector('h2'))).to.equal('Organisation follow-up');
    expect(text(row(dashboard, 'Participant 1')!.children[2])).to.equal('Questionnaire validated');
    for (const element of root.querySelectorAll<HTMLElement>('section, h2, h3, p, dl, .groups')) {
      if (element.closest('.table-wrap')) continue;
      expect(element.getBoundingClientRect().right, element.outerHTML.slice(0, 60)).to.be.at.most(dashboard.getBoundingClientRect().right + 1);
    }
    for (const button of root.querySelectorAll('button')) expect(button.getBoundingClientRect().height).to.be.at.least(44);
    expect(root.querySelectorAll('[style]').length, 'no style attribute: a strict CSP holds').to.equal(0);
    await expect(dashboard).to.be.accessible();
  });

  it('a revoked key and no key are explained, with a typed obs-error', async () => {
    const { key, keyId } = await structure('revoked');
    expect((await call('DELETE', `/v1/keys/${keyId}`)).status).to.equal(204);
    const errors: string[] = [];
    const dashboard = await fixture<ObsDashboard>(html`<obs-dashboard endpoint=${ENDPOINT} @obs-error=${(e: CustomEvent<{ code: string }>) => errors.push(e.detail.code)}></obs-dashboard>`);
    await until(() => dashboard.shadowRoot!.querySelector('[role="alert"]') !== null, 'no key explained');
    expect(text(dashboard.shadowRoot!.querySelector('[role="alert"]'))).to.include('Aucune clé\u00a0: donnez la clé de la structure (propriété apiKey).');
    dashboard.apiKey = key;
    await until(() => text(dashboard.shadowRoot!.querySelector('[role="alert"]')).includes('révoquée'), 'the revoked key explained');
    expect(errors).to.deep.equal(['no_key', 'key_revoked']);
    expect(dashboard.getAttribute('apikey')).to.equal(null);
    expect(dashboard.outerHTML).not.to.include(key);
    await expect(dashboard).to.be.accessible();
  });

  it('pauses while the page is hidden and starts again when it is shown', async () => {
    const { key } = await structure('hidden');
    const dashboard = await openDashboard(key);
    const live = () => text(dashboard.shadowRoot!.querySelector('.live'));
    await until(() => live().startsWith('Mise à jour automatique toutes les 2\u00a0s.'), 'live');
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await until(() => live().startsWith('Mise à jour automatique en pause.'), 'paused');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = requests;
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(requests, 'no read while hidden').to.equal(before);
    } finally {
      // The own property goes: the document's own visibility is read again.
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => live().startsWith('Mise à jour automatique toutes les 2\u00a0s.'), 'live again');
  });

  it('stops reading the collector once it leaves the page', async () => {
    const { key } = await structure('gone');
    const dashboard = await openDashboard(key);
    await until(() => requests > 0, 'a first read');
    dashboard.remove();
    // A read already sent when it left may still reach the collector.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = requests;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(requests).to.equal(before);
  });
});
