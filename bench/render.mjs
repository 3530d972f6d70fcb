// npm run bench:render: time to the first screens and to the next question, <obs-survey> and
// <obs-questionnaire> against SurveyJS (survey-core + survey-js-ui, dev dependencies used here
// only) on the same 13 questions, in Debian's Chromium (docs/loading.md).
//
// One local server (gzip, no cache) serves a page per case; the cases are alternated, each run in
// a fresh browser context, at 1× CPU, 4× CPU and 4× CPU under simulated slow 4G. Each page
// clicks on by itself and reports its marks (ms since navigation start):
//   info  – <obs-survey>'s information screen drawn (for SurveyJS, its first render);
//   first – question 1 drawn ("Commencer" dispatched automatically for <obs-survey>);
//   next  – click on "Suivant" → the next question painted (two clicks per run; each answer is given
//           once the page is idle, as a person reads the question first).
//   floor – a page with no library drawing the same questions by hand: what any page takes here.
// Prints medians, p90 of `next`, bytes transferred and the ratios against SurveyJS.
// Options: RUNS=7 (per case and condition), CHROMIUM=/usr/bin/chromium, CASES=obs-survey,surveyjs
// (a subset of the cases), CONDITIONS=2 (a subset of the conditions, 1 to 3). Run `npm run build` first.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

const root = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.RUNS ?? 7);
if (!existsSync(join(root, 'dist/observatoire-main.js'))) throw new Error('bench:render: run `npm run build` first');

const definition = JSON.parse(readFileSync(join(root, 'dist/surveys/observatoire-2025.json'), 'utf8'));
const questions = definition.questionnaire.questions.slice(0, 13);

/** The same questions for SurveyJS: one per page, as <obs-questionnaire> shows them. */
const surveyJs = {
  locale: 'fr',
  questionsOnPageMode: 'questionPerPage',
  pageNextText: 'Suivant',
  elements: questions.map((q) => {
    const title = q.label.fr;
    const choices = (q.options ?? []).map((o) => ({ value: o.code, text: o.label.fr }));
    if (q.kind === 'single') return { type: 'radiogroup', name: q.id, title, choices, isRequired: true };
    if (q.kind === 'multiple') return { type: 'checkbox', name: q.id, title, choices, isRequired: true };
    if (q.kind === 'year') return { type: 'text', inputType: 'number', name: q.id, title, isRequired: true, min: 1900, max: 2026 };
    return { type: 'text', name: q.id, title, isRequired: true };
  }),
};

// Page-side helpers, in one file per case (no inline script).
const common = `
const t = () => performance.now();
const marks = {};
window.__benchMarks = marks;
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
// A person reads the question before answering it: each answer waits for the page to be idle (at most 2 s).
const idle = () => new Promise((r) => requestIdleCallback(() => r(), { timeout: 2000 }));
const until = async (probe) => { for (;;) { const v = probe(); if (v) return v; await new Promise((r) => setTimeout(r, 2)); } };
const done = () => { window.__bench = marks; };
// Click → next question painted, the same way for every case: the click is made at the start of
// a frame (in its requestAnimationFrame callback, where the browser handles input), and a task
// queued there runs once that frame is painted; if the new question is not in it yet (rendering
// deferred to a later task or frame), the following frames are waited for and counted.
const painted = (click, changed) => new Promise((resolve) => requestAnimationFrame(() => {
  const start = t();
  click();
  const check = () => setTimeout(() => (changed() ? resolve(t() - start) : requestAnimationFrame(check)), 0);
  check();
}));
`;
const obsNext = `
async function clickNext(q, first) {
  const root = q.shadowRoot;
  const before = root.querySelector('h2')?.textContent;
  const year = root.querySelector('input[inputmode="numeric"], input[type="number"], input[type="text"]');
  await idle();
  const radio = root.querySelector('input[type="radio"]');
  if (radio) radio.click(); else if (year) { year.value = '1980'; year.dispatchEvent(new Event('input', { bubbles: true, composed: true })); }
  await frame();
  (marks.next ??= []).push(await painted(() => root.querySelector('button[type="submit"]').click(), () => q.shadowRoot.querySelector('h2')?.textContent !== before));
}
async function questionnaireRun(q) {
  await until(() => q.shadowRoot?.querySelector('h2'));
  await frame();
  marks.first = t();
  await clickNext(q); await clickNext(q);
  done();
}`;
/**
 * The machine's floor: a page with no library that draws the same questions by hand (a heading and
 * the options as plain DOM) and swaps them on "Suivant". What it takes is what any page takes here
 * (navigation, a deferred script, style, layout and paint of a question), so it bounds every ratio.
 */
const floorScript = `${common}
const questions = ${JSON.stringify(questions.slice(0, 3).map((q) => ({ label: q.label.fr, options: (q.options ?? []).map((o) => o.label.fr) })))};
const form = document.createElement('form');
let shown = 0;
const draw = () => {
  const q = questions[shown];
  const fieldset = document.createElement('fieldset');
  const legend = fieldset.appendChild(document.createElement('legend'));
  const h2 = legend.appendChild(document.createElement('h2'));
  h2.tabIndex = -1;
  h2.textContent = q.label;
  for (const text of q.options.length ? q.options : ['']) {
    const label = fieldset.appendChild(document.createElement('label'));
    const input = label.appendChild(document.createElement('input'));
    input.type = q.options.length ? 'radio' : 'text';
    input.name = 'q' + shown;
    label.append(' ' + text);
  }
  const button = document.createElement('button');
  button.type = 'submit';
  button.textContent = 'Suivant';
  form.replaceChildren(fieldset, button);
};
form.addEventListener('submit', (event) => { event.preventDefault(); shown++; draw(); });
draw();
document.body.append(form);
(async () => {
  await frame();
  marks.info = marks.first = t();
  for (let i = 0; i < 2; i++) {
    await idle();
    const before = form.querySelector('h2').textContent;
    await frame();
    (marks.next ??= []).push(await painted(() => form.querySelector('button').click(), () => form.querySelector('h2').textContent !== before));
  }
  done();
})();`;

const pages = {
  'obs-survey': {
    body: `<obs-survey definition="/dist/surveys/observatoire-2025.json"></obs-survey>`,
    head: `<script src="/dist/observatoire.js" defer></script>`,
    script: `${common}${obsNext}
(async () => {
  const survey = await until(() => document.querySelector('obs-survey')?.shadowRoot?.querySelector('h2') && document.querySelector('obs-survey'));
  await frame();
  marks.info = t();
  survey.session.dispatch({ type: 'start', consent: true });
  await questionnaireRun(await until(() => survey.shadowRoot.querySelector('obs-questionnaire')));
})();`,
  },
  'obs-questionnaire': {
    body: `<obs-questionnaire></obs-questionnaire>`,
    head: `<script type="module" src="/bench/obs-questionnaire-entry.js"></script>`,
    script: `${common}${obsNext}
(async () => { await questionnaireRun(await until(() => document.querySelector('obs-questionnaire')?.shadowRoot && document.querySelector('obs-questionnaire'))); })();`,
  },
  surveyjs: {
    body: `<div id="survey"></div>`,
    head: `<link rel="stylesheet" href="/node_modules/survey-core/survey-core.min.css" /><script src="/node_modules/survey-core/survey.core.min.js" defer></script><script src="/node_modules/survey-js-ui/survey-js-ui.min.js" defer></script>`,
    script: `${common}
(async () => {
  const json = await (await fetch('/bench/surveyjs.json')).json();
  await until(() => window.SurveyUI && window.Survey);
  const model = new Survey.Model(json);
  SurveyUI.renderSurvey(model, document.getElementById('survey'));
  const el = document.getElementById('survey');
  await until(() => el.querySelector('.sd-question__title'));
  await frame();
  marks.info = marks.first = t();
  for (let i = 0; i < 2; i++) {
    await idle();
    const before = el.querySelector('.sd-question__title').textContent;
    const q = model.getAllQuestions()[i];
    model.setValue(q.name, q.getType() === 'radiogroup' ? q.choices[0].value : q.getType() === 'checkbox' ? [q.choices[0].value] : '1980');
    await frame();
    (marks.next ??= []).push(await painted(() => el.querySelector('.sd-navigation__next-btn, input[value="Suivant"]').click(), () => el.querySelector('.sd-question__title')?.textContent !== before));
  }
  done();
})();`,
  },
  floor: { body: '', head: '', script: floorScript },
};

const html = (name, { head, body }) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${name}</title>${head}<script src="/bench/${name}.js" defer></script></head><body>${body}</body></html>`;

/** <obs-questionnaire> with its data inline: the package's questionnaire bundled on the fly. */
const { build } = await import('esbuild');
const entry = await build({
  stdin: {
    contents: `import { createSurveySession } from '@observatoire/core';
import { ContextProvider } from '@lit/context';
import { surveyContext } from '${join(root, 'packages/elements/src/context.ts')}';
const definition = ${JSON.stringify(definition)};
const session = createSurveySession(definition);
session.dispatch({ type: 'start', consent: true });
const host = document.body;
const provider = new ContextProvider(host, { context: surveyContext, initialValue: { session, state: session.state, definition, lang: 'fr', mediator: false, mode: 'measurement', baseUrl: document.baseURI } });
session.subscribe((state) => provider.setValue({ ...provider.value, state }));
// The elements are defined once the provider listens, so <obs-questionnaire> finds it.
await import('@observatoire/elements');`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, format: 'esm', minify: true, write: false, conditions: ['source', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error',
});
const files = new Map([
  ['/bench/obs-questionnaire-entry.js', entry.outputFiles[0].text],
  ['/bench/surveyjs.json', JSON.stringify(surveyJs)],
  ...Object.entries(pages).flatMap(([name, page]) => [[`/bench/${name}.html`, html(name, page)], [`/bench/${name}.js`, page.script]]),
]);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let body = files.get(path);
  if (body === undefined) {
    const file = join(root, normalize(path));
    if (!file.startsWith(root) || !existsSync(file) || !extname(file)) return res.writeHead(404).end();
    body = readFileSync(file);
  }
  res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
  res.end(gzipSync(body));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
// Slow 4G as Lighthouse simulates it: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const conditions = [
  { name: '1× CPU', rate: 1 },
  { name: '4× CPU', rate: 4 },
  { name: '4× CPU + slow 4G', rate: 4, network: SLOW_4G },
];

async function measure(name, { rate, network }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  let bytes = 0;
  cdp.on('Network.loadingFinished', ({ encodedDataLength }) => (bytes += encodedDataLength));
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${origin}/bench/${name}.html`);
  try {
    await page.waitForFunction(() => window.__bench, { timeout: 60_000, polling: 50 });
  } catch (error) {
    const state = await page.evaluate(() => JSON.stringify({ marks: window.__benchMarks, html: document.body.innerHTML.slice(0, 200), shadow: document.querySelector('obs-questionnaire')?.shadowRoot?.innerHTML.slice(0, 300) }));
    errors.push(state);
    throw new Error(`bench:render: ${name} did not finish (${errors.join('; ') || error.message})`);
  }
  const marks = await page.evaluate(() => window.__bench);
  await context.close();
  return { ...marks, bytes };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const p90 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(s.length * 0.9) - 1)] : NaN; };
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '–');
const cases = process.env.CASES ? process.env.CASES.split(',') : Object.keys(pages);
const only = process.env.CONDITIONS ? conditions.filter((c) => process.env.CONDITIONS.split(',').includes(String(conditions.indexOf(c) + 1))) : conditions;

console.log(`bench:render: ${RUNS} runs per case and condition, cases alternated, Chromium ${(await browser.version()).replace(/^\D+/, '')}`);
for (const condition of only) {
  const results = Object.fromEntries(cases.map((c) => [c, []]));
  for (let run = 0; run < RUNS; run++) for (const c of cases) results[c].push(await measure(c, condition));
  const sjsFirst = median((results.surveyjs ?? []).map((r) => r.first));
  console.log(`\n${condition.name}`);
  console.log('case                 info      first     ×SurveyJS  next med  next p90  bytes (KB)');
  for (const c of cases) {
    const rs = results[c];
    const info = median(rs.map((r) => r.info).filter(Number.isFinite));
    const first = median(rs.map((r) => r.first));
    const next = rs.flatMap((r) => r.next ?? []);
    const ratio = c === 'surveyjs' ? '' : `1/${(sjsFirst / first).toFixed(1)}`;
    console.log(`${c.padEnd(20)} ${ms(info).padStart(8)} ${ms(first).padStart(9)} ${ratio.padStart(11)} ${ms(median(next)).padStart(9)} ${ms(p90(next)).padStart(9)} ${(median(rs.map((r) => r.bytes)) / 1024).toFixed(1).padStart(11)}`);
  }
  const info = median((results['obs-survey'] ?? []).map((r) => r.info));
  if (results.surveyjs && results['obs-survey']) console.log(`information screen: 1/${(sjsFirst / info).toFixed(1)} of SurveyJS's first render`);
  if (results.surveyjs && results.floor) console.log(`floor (no library, plain DOM): first render 1/${(sjsFirst / median(results.floor.map((r) => r.first))).toFixed(1)} of SurveyJS's, the best ratio any page reaches here`);
}
await browser.close();
server.close();
