import { expect, fixture, html } from '@open-wc/testing';
import type { ObservatoireReport } from '@observatoire/core/analysis';
import { renderHtml } from '../../../report/src/render-html.js';
import { HOSTILE, hostileReport } from '../../../report/src/fixtures/hostile-report.js';
import './index.js';
import type { ObsReport } from './obs-report.js';

// The command's HTML and <obs-report> render the same reportView (docs/report-element.md): the same
// headings, notes, lists, folded groups, tables and cells, in the same order, escaped.

const text = (node: Node): string => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What a reader gets, in order: `h1:` … `h3:` (levels from the page's title), `p:`, `li:`, `summary:`, `caption:`, `th:`, `td:`. */
type Outline = string[];

function commandOutline(page: string): Outline {
  const doc = new DOMParser().parseFromString(page, 'text/html');
  return [...doc.querySelectorAll('main :is(h1, h2, h3, p, li, summary, caption, th, td)')].map((e) => `${e.tagName.toLowerCase()}:${text(e)}`);
}

function elementOutline(el: ObsReport): Outline {
  const article = el.shadowRoot!.querySelector('article')!;
  const levels: Record<string, string> = { H2: 'h1', H3: 'h2', H4: 'h3' };
  return [...article.querySelectorAll('h2, h3, h4, p, li, button.disclosure, caption, th, td')]
    .filter((e) => !e.closest('figure, .field'))
    .map((e) => `${levels[e.tagName] ?? (e.tagName === 'BUTTON' ? 'summary' : e.tagName.toLowerCase())}:${text(e)}`);
}

/** The element with every folded group open, as a reader who opens them all. */
async function unfolded(report: ObservatoireReport, lang: string): Promise<ObsReport> {
  const el = await fixture<ObsReport>(html`<obs-report lang=${lang} .report=${report}></obs-report>`);
  await el.updateComplete;
  for (const button of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.disclosure')) button.click();
  await el.updateComplete;
  return el;
}

let example: ObservatoireReport;
const load = async (): Promise<ObservatoireReport> => structuredClone((example ??= (await (await fetch('/examples/report/report.json')).json()) as ObservatoireReport));

describe('<obs-report> shows what the command’s HTML shows', () => {
  for (const [name, make] of [
    ['the example report', load],
    ['a report with markup in its names, sources and codes', async () => hostileReport(await load())],
  ] as const)
    for (const lang of ['fr', 'en'] as const)
      it(`${name} (${lang}): same headings, notes, tables and cells, in the same order`, async () => {
        const report = await make();
        const el = await unfolded(report, lang);
        const expected = commandOutline(renderHtml(report, lang));
        expect(expected.filter((line) => line.startsWith('caption:')).length).to.be.greaterThan(40);
        expect(elementOutline(el)).to.deep.equal(expected);
      });

  it('shows hostile text as text: no element made from it, the text written out', async () => {
    const el = await unfolded(hostileReport(await load()), 'fr');
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('img, script, b').length).to.equal(0);
    expect([...root.querySelectorAll('svg')].every((svg) => svg.getAttribute('part') === 'chart')).to.equal(true);
    const all = text(root);
    for (const value of Object.values(HOSTILE)) expect(all).to.contain(value.replace(/\s+/g, ' '));
  });

  it('stays accessible with every folded group open', async function () {
    // axe over every table of the report (about 50, 2,000 nodes): slow on a busy machine, not racing anything.
    this.timeout(120_000);
    await expect(await unfolded(hostileReport(await load()), 'fr')).to.be.accessible();
  });
});
