/**
 * Every example page renders the survey and lets a person start it; the bundle and the
 * elements hold up against bad definitions, axe in each phase, 320 px and 200 % text.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ErrorEventDetail } from '../../packages/elements/src/events.js';
import type { ObsSurvey } from '../../packages/elements/src/survey/obs-survey.js';
import { button, deepAll, fields, openExample, settle, waitFor, type ExamplePage } from './helpers.js';

let page: ExamplePage | undefined;
afterEach(() => {
  page?.frame.remove();
  page = undefined;
});

function forgetDeviceSessions(): Promise<unknown> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('observatoire');
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
}

async function startSurvey(survey: ObsSurvey): Promise<void> {
  const root = survey.shadowRoot!;
  fields(root, 'checkbox')[0]!.click();
  button(root, /^Commencer$/)!.click();
  await settle(survey);
}

describe('Example pages', function () {
  this.timeout(60_000);

  it('the index links every example, with plain names', async () => {
    const html = await (await fetch('/examples/')).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.documentElement.lang).to.equal('fr');
    const links = [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['script-tag/', 'esm/', 'react/', 'vue/', 'angular/', 'coop-like/', 'collector/', 'mock/', 'report/', 'dashboard/', 'campaign/', 'paper/', 'csp/', '../dist/reference/']);
    for (const href of links) expect((await fetch(`/examples/${href}`)).status, href!).to.equal(200);
  });

  it('the paper example links the printable questionnaires, generated from the content, and opens the data entry', async () => {
    const doc = new DOMParser().parseFromString(await (await fetch('/examples/paper/')).text(), 'text/html');
    const forms = [...doc.querySelectorAll<HTMLAnchorElement>('main a[href*="dist/paper/"]')].map((a) => new URL(a.getAttribute('href')!, new URL('/examples/paper/', location.href)).pathname);
    expect(forms).to.deep.equal(['/dist/paper/observatoire-2025.fr.html', '/dist/paper/observatoire-2025.en.html']);
    for (const form of forms) {
      const text = await (await fetch(form)).text();
      expect(text, form).to.contain('[annee_naissance]').and.to.contain('@page { size: A4;');
    }
    expect(doc.querySelector('obs-survey')!.getAttribute('channel')).to.equal('paper');
  });

  it('no example page nor reference page carries an inline script, style or event handler (CSP-clean)', async () => {
    for (const path of ['', 'script-tag/', 'esm/', 'react/', 'vue/', 'angular/', 'coop-like/', 'collector/', 'mock/', 'report/', 'dashboard/', 'campaign/', 'paper/', 'csp/', '../dist/reference/', '../dist/reference/obs-survey.html']) {
      const doc = new DOMParser().parseFromString(await (await fetch(`/examples/${path}`)).text(), 'text/html');
      expect([...doc.querySelectorAll('script:not([src])')], path).to.have.length(0);
      expect([...doc.querySelectorAll('style, [style]')], path).to.have.length(0);
      const handlers = [...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')));
      expect(handlers, path).to.have.length(0);
    }
  });

  for (const [path, title] of [
    ['/examples/script-tag/', 'Intégration par balise script'],
    ['/examples/esm/', 'Intégration par module JavaScript'],
    ['/examples/react/', 'Intégration dans React 19'],
    ['/examples/vue/', 'Intégration dans Vue 3'],
    ['/examples/angular/', 'Intégration dans Angular'],
    ['/examples/coop-like/', 'Évaluer les compétences numériques'],
    ['/examples/collector/', 'Avec le collecteur'],
    ['/examples/mock/', 'Mode démonstration, sans serveur'],
    ['/examples/csp/', 'Sous une politique de sécurité stricte'],
  ] as const) {
    it(`${path} renders the survey and starts it`, async () => {
      // Pages with an endpoint keep unfinished sessions on the device: start each one afresh.
      await forgetDeviceSessions();
      page = await openExample(path);
      const { doc, survey } = page;
      expect(doc.querySelector('h1')!.textContent).to.equal(title);
      const heading = survey.shadowRoot!.querySelector('h2')!;
      expect(heading.textContent).to.contain('Bienvenue');
      await startSurvey(survey);
      expect(survey.session!.state.phase).to.equal('questionnaire');
      const questionnaire = survey.shadowRoot!.querySelector('obs-questionnaire')!;
      expect(deepAll(questionnaire.shadowRoot!, 'h2')[0]!.textContent).to.contain('En quelle année');
    });
  }

  it('the host controls switch language and mediator mode at runtime (script-tag)', async () => {
    page = await openExample('/examples/script-tag/');
    const { doc, survey } = page;
    const lang = doc.querySelector<HTMLSelectElement>('#lang')!;
    lang.value = 'en';
    lang.dispatchEvent(new Event('change'));
    await settle(survey);
    expect(survey.getAttribute('lang')).to.equal('en');
    expect(button(survey.shadowRoot!, /^Start$/)).to.exist;
    expect(survey.shadowRoot!.querySelector('h2')!.textContent).to.equal('Welcome to the digital skills survey');
  });

  // Each framework host binds the elements through properties and events: the host's checkbox
  // sets `mediator`, and the outcome it renders comes from `obs-survey-complete`.
  // Vue's render functions and Angular compiled ahead of time need no 'unsafe-eval': their pages
  // are served with the strict policy.
  for (const [name, path, organisation, policy] of [
    ['React 19', '/examples/react/', 'exemple-react', null],
    ['Vue 3', '/examples/vue/', 'exemple-vue', "default-src 'self'"],
    ['Angular', '/examples/angular/', 'exemple-angular', "default-src 'self'"],
  ] as const) {
    it(`${name} passes properties, runs a full survey and hears obs-survey-complete`, async () => {
      expect((await fetch(path)).headers.get('Content-Security-Policy')).to.equal(policy);
      page = await openExample(path);
      const { doc, survey } = page;
      expect(survey.organisation).to.equal(organisation);
      expect(survey.mediator).to.equal(false);
      doc.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      await waitFor(() => survey.mediator, `${name} to set mediator`);
      const session = survey.session!;
      // Leave at the first end-of-course page: the host shows the outcome from the event.
      session.dispatch({ type: 'start', consent: true });
      const definition = session.definition;
      for (const question of definition.questionnaire!.questions) {
        const value =
          question.kind === 'year' ? 1950 : question.kind === 'commune' ? { test: true as const, name: 'TEST' } : question.kind === 'multiple' ? [question.options[0]!.code] : question.kind === 'single' ? question.options[0]!.code : 'x';
        if (!question.visibleWhen) session.dispatch({ type: 'answerQuestion', questionId: question.id, value });
      }
      session.dispatch({ type: 'review' });
      session.dispatch({ type: 'validateQuestionnaire' });
      session.dispatch({ type: 'continue' });
      session.dispatch({ type: 'skipRemaining' });
      session.dispatch({ type: 'quit' });
      const outcome = await waitFor(() => doc.querySelector('.outcome')!.textContent, `the outcome rendered by ${name}`);
      expect(outcome).to.contain('Enquête terminée');
      expect(outcome).to.contain(session.state.sessionId);
    });
  }

  it('coop-like opts in to the DSFR theme and takes the page’s DSFR colours', async () => {
    page = await openExample('/examples/coop-like/');
    const { survey, win } = page;
    expect(survey.getAttribute('theme')).to.equal('dsfr');
    const start = button(survey.shadowRoot!, /^Commencer$/)!;
    expect(win.getComputedStyle(start).backgroundColor).to.equal('rgb(0, 0, 145)');
    await startSurvey(survey);
    const questionnaire = survey.shadowRoot!.querySelector('obs-questionnaire')!;
    expect(questionnaire.getAttribute('theme')).to.equal('dsfr');
  });
});

describe('The elements reference (dist/reference/)', function () {
  this.timeout(60_000);
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  for (const path of ['/dist/reference/', '/dist/reference/obs-survey.html']) {
    it(`${path} names its tables' columns and rows, and passes axe`, async () => {
      frame = document.createElement('iframe');
      frame.title = 'Référence';
      frame.width = '1000';
      frame.height = '800';
      const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
      frame.src = path;
      document.body.append(frame);
      await loaded;
      const win = frame.contentWindow as Window & typeof globalThis;
      const doc = win.document;
      expect(doc.documentElement.lang).to.equal('fr');
      expect(doc.querySelector('h1')!.textContent).to.match(/Référence des éléments|<obs-survey>/);
      for (const table of doc.querySelectorAll('table')) {
        expect(table.querySelectorAll('thead th[scope="col"]').length, 'column headers').to.be.greaterThan(1);
        expect(table.querySelectorAll('tbody th[scope="row"]').length, 'row headers').to.equal(table.querySelectorAll('tbody tr').length);
      }
      const axe = await loadAxe(win);
      const results = await axe.run(doc.documentElement, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      expect(results.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
    });
  }
});

describe('The script-tag bundle with a bad definition', () => {
  before(async () => {
    if (customElements.get('obs-survey')) return;
    const script = document.createElement('script');
    script.src = '/dist/observatoire.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    document.head.append(script);
    await loaded;
  });

  async function failing(definition: string): Promise<{ survey: ObsSurvey; detail: ErrorEventDetail }> {
    const survey = document.createElement('obs-survey') as ObsSurvey;
    const error = new Promise<ErrorEventDetail>((resolve) => survey.addEventListener('obs-error', (e) => resolve(e.detail), { once: true }));
    survey.setAttribute('definition', definition);
    document.body.append(survey);
    const detail = await error;
    await survey.updateComplete;
    return { survey, detail };
  }

  it('a missing file: the mediator sees the error in the element, obs-error says load_failed', async () => {
    const { survey, detail } = await failing('/test/browser/fixtures/absent.json');
    expect(detail.code).to.equal('load_failed');
    expect(survey.shadowRoot!.querySelector('[role="alert"] h2')!.textContent).to.equal("Le questionnaire n'a pas pu être chargé");
    await expect(survey).to.be.accessible();
    survey.remove();
  });

  it('a definition that breaks the model: every issue listed with its path, obs-error says invalid_content', async () => {
    const { survey, detail } = await failing('/test/browser/fixtures/invalid-survey.json');
    expect(detail.code).to.equal('invalid_content');
    const issues = [...survey.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);
    expect(issues).to.deep.equal(['information.consent: is required (object)', 'challenges[0].solution: proposal indexes start at 1']);
    survey.remove();
  });

  it('a course naming an unknown challenge: invalid_content with the path of the reference', async () => {
    const { survey, detail } = await failing('/test/browser/fixtures/unknown-challenge.json');
    expect(detail.code).to.equal('invalid_content');
    expect([...survey.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
      'courses[0].challenges[2]: unknown challenge id "absent"',
    ]);
    survey.remove();
  });
});

describe('<obs-survey> with the real content: axe in each phase, 320 px, 200 % text', function () {
  this.timeout(120_000);

  it('holds in every phase', async () => {
    await setViewport({ width: 320, height: 640 });
    page = await openExample('/examples/script-tag/', { width: 320, height: 640 });
    const { survey, doc, win } = page;
    doc.documentElement.classList.add('zoom-200');
    // 200 % text: the root font size doubles (the elements size everything in rem/em).
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync('html.zoom-200 { font-size: 200%; }');
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    const axe = await loadAxe(win);
    const session = survey.session!;
    const checks: string[] = [];
    const check = async (label: string) => {
      await settle(survey);
      const results = await axe.run(survey, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      expect(results.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
      const wide = [...doc.querySelectorAll('*'), ...deepAll(survey.shadowRoot!, '*')]
        .filter((el) => el.getBoundingClientRect().right > doc.documentElement.clientWidth + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
      expect(doc.documentElement.scrollWidth, `${label}: no horizontal scroll at 320 px and 200 % (${wide.join(', ')})`).to.be.at.most(doc.documentElement.clientWidth);
      for (const target of deepAll<HTMLElement>(survey.shadowRoot!, 'button, input[type="checkbox"], input[type="radio"]')) {
        const box = (target.closest('label') ?? target).getBoundingClientRect();
        if (box.width === 0) continue;
        expect(Math.min(box.width, box.height), `${label}: target "${target.textContent?.trim()}" at least 44 px`).to.be.at.least(44);
      }
      checks.push(label);
    };
    await check('information');
    session.dispatch({ type: 'start', consent: true });
    await check('questionnaire');
    for (const question of session.definition.questionnaire!.questions) {
      if (question.visibleWhen) continue;
      const value =
        question.kind === 'year' ? 1950 : question.kind === 'commune' ? { test: true as const, name: 'TEST' } : question.kind === 'multiple' ? [question.options[0]!.code] : question.kind === 'single' ? question.options[0]!.code : 'x';
      session.dispatch({ type: 'answerQuestion', questionId: question.id, value });
    }
    session.dispatch({ type: 'review' });
    await check('review');
    session.dispatch({ type: 'validateQuestionnaire' });
    await check('validated');
    session.dispatch({ type: 'continue' });
    await check('course');
    session.dispatch({ type: 'skipRemaining' });
    await check('endOfCourse');
    session.dispatch({ type: 'quit' });
    await check('results');
    expect(checks).to.have.length(7);
    await setViewport({ width: 1000, height: 800 });
  });
});

interface AxeLike {
  run(context: Element, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
}

/** axe-core inside the example's window (it checks the document it runs in). */
async function loadAxe(win: Window): Promise<AxeLike> {
  const script = win.document.createElement('script');
  script.src = '/node_modules/axe-core/axe.min.js';
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
  win.document.head.append(script);
  await loaded;
  return (win as unknown as { axe: AxeLike }).axe;
}
