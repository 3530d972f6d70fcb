import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ObservatoireReport } from '@observatoire/core/analysis';
import type { ErrorEventDetail } from '../events.js';
import './index.js';
import type { ObsReport } from './obs-report.js';
import { withGroupNobodyLevelled } from '../../../core/src/analysis/fixtures/nobody-levelled.js';

const FIXTURE = '/examples/report/report.json';
let fixtureReport: ObservatoireReport;

async function loadFixture(): Promise<ObservatoireReport> {
  fixtureReport ??= (await (await fetch(FIXTURE)).json()) as ObservatoireReport;
  return structuredClone(fixtureReport);
}

const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim();

/** Waits until the element shows a report or an error. */
async function settled(el: ObsReport): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await el.updateComplete;
    const root = el.shadowRoot!;
    if (root.querySelector('article, [part="error"]')) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the report never rendered');
}

async function fromSrc(src: string, lang = 'fr'): Promise<ObsReport> {
  const el = await fixture<ObsReport>(html`<obs-report lang=${lang} src=${src}></obs-report>`);
  await settled(el);
  return el;
}

async function fromReport(report: unknown, lang = 'fr'): Promise<ObsReport> {
  const el = await fixture<ObsReport>(html`<obs-report lang=${lang} .report=${report as ObservatoireReport}></obs-report>`);
  await settled(el);
  return el;
}

function buttonNamed(root: ParentNode, name: string): HTMLButtonElement[] {
  return [...root.querySelectorAll('button')].filter((b) => text(b) === name);
}

function liveText(el: ObsReport): string {
  return text(el.shadowRoot!.querySelector('[aria-live="polite"]'));
}

/** Each chart, its table (found through the button's aria-controls), the figures drawn and the figures written. */
function chartsAndTables(el: ObsReport) {
  const root = el.shadowRoot!;
  return [...root.querySelectorAll('svg[role="img"]')].map((svg) => {
    const figure = svg.closest('figure')!;
    const button = figure.nextElementSibling!.querySelector('button')!;
    const panel = root.getElementById(button.getAttribute('aria-controls')!)!;
    const table = panel.querySelector('table')!;
    const drawn = [...svg.querySelectorAll('text.value')].map(text);
    const labels = [...svg.querySelectorAll('text.label')].map(text);
    const written = [...table.querySelectorAll('tbody tr')].map((tr) => text(tr.querySelector('td')));
    const rowLabels = [...table.querySelectorAll('tbody th')].map(text);
    const names = svg.getAttribute('aria-labelledby')!.split(' ').map((id) => text(root.getElementById(id)));
    return { svg, button, panel, table, drawn, labels, written, rowLabels, names };
  });
}

describe('<obs-report>', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('loads the command’s JSON from src and shows national, territory and profile charts, each with its table and the same figures', async () => {
    const el = await fromSrc(FIXTURE);
    const root = el.shadowRoot!;
    const report = await loadFixture();
    expect(text(root.querySelector('h2'))).to.equal('Rapport de l’Observatoire');
    expect(liveText(el)).to.equal('Rapport chargé.');
    await expect(el).to.be.accessible();

    const charts = chartsAndTables(el);
    // National, the focus territory (dep:35) and the three profiles with 100 respondents or more.
    expect(charts.length).to.equal(5);
    for (const c of charts) {
      expect(c.names[0]).to.match(/^Distance au numérique – /);
      expect(c.names[1]).to.contain(c.drawn[0]!);
      expect(c.button.getAttribute('aria-expanded')).to.equal('false');
      expect(c.panel.hidden).to.equal(true);
      expect(c.table.querySelector('caption')).to.exist;
      expect(c.written).to.deep.equal(c.drawn);
      expect(c.rowLabels).to.deep.equal(c.labels);
    }
    // The figures are the report's: 13,3 % of non-users nationally, with its interval and effective size.
    const nonUser = report.national.distance.categories[0]!;
    const percent = (x: number) => new Intl.NumberFormat('fr-FR', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
    expect(charts[0]!.drawn[0]).to.equal(percent(nonUser.proportion));
    const national = charts[0]!.table;
    expect(text(national.querySelector('tbody tr td:nth-of-type(2)'))).to.equal(`${percent(nonUser.low)} à ${percent(nonUser.high)}`);
    expect(text(national.querySelector('caption'))).to.contain(`taille effective ${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(report.national.distance.nEffective)}`);
    // Bars: widths are SVG attributes, never style.
    expect(root.querySelector('[style]')).to.equal(null);
    expect(Number(charts[0]!.svg.querySelector('rect.bar')!.getAttribute('width'))).to.be.greaterThan(0);

    // Sessions and weighting.
    expect(text(root.querySelector('section[aria-labelledby="sessions-heading"]'))).to.contain('Sessions de test');
    const weighting = text(root.querySelector('section[aria-labelledby="weighting-heading"]'));
    expect(weighting).to.contain('calage sur marges');
    expect(weighting).to.contain(report.weighting.margins[0]!.source);
  });

  it('shows a table by keyboard (Voir le tableau) and stays accessible', async () => {
    const el = await fromSrc(FIXTURE);
    const root = el.shadowRoot!;
    const button = buttonNamed(root, 'Voir le tableau')[0]!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const [first] = chartsAndTables(el);
    expect(first!.button.getAttribute('aria-expanded')).to.equal('true');
    expect(text(first!.button)).to.equal('Masquer le tableau');
    expect(first!.panel.hidden).to.equal(false);
    expect(first!.table.getBoundingClientRect().height).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(first!.panel.hidden).to.equal(true);
  });

  it('shows a breakdown group with nobody levelled, a dash for its shares of nobody, without an error', async () => {
    const errors: string[] = [];
    const listener = (e: Event) => errors.push((e as CustomEvent<ErrorEventDetail>).detail.code);
    document.addEventListener('obs-error', listener);
    try {
      // As the collector's JSON writes it: the mean of nobody is null.
      const report = JSON.parse(JSON.stringify(withGroupNobodyLevelled(await loadFixture()))) as ObservatoireReport;
      const el = await fromReport(report);
      const root = el.shadowRoot!;
      expect(root.querySelector('[part="error"]')).to.equal(null);
      const id = `breakdown-${report.breakdowns[0]!.variable}-all-panel`;
      const open = [...root.querySelectorAll('button')].find((b) => b.getAttribute('aria-controls') === id)!;
      open.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const cells = [...root.getElementById(id)!.querySelectorAll('tbody tr:first-child > *')].map((cell) => text(cell));
      expect(cells[1]).to.equal(String(report.breakdowns[0]!.groups[0]!.n));
      expect(cells.slice(4)).to.deep.equal(Array.from({ length: report.national.courses.length + 2 }, () => '–'));
      expect(errors).to.deep.equal([]);
      await expect(el).to.be.accessible();
    } finally {
      document.removeEventListener('obs-error', listener);
    }
  });

  it('switches the territory with the keyboard; a domain under 100 respondents is not estimated and shows its count', async () => {
    const el = await fromSrc(FIXTURE);
    const root = el.shadowRoot!;
    const select = root.querySelector('select')!;
    const label = root.querySelector(`label[for="${select.id}"]`);
    expect(text(label)).to.equal('Territoire ou structure affiché');
    expect(select.value).to.equal('department:35');
    const territory = () => root.querySelector('section[aria-labelledby="territory-heading"]')!;
    expect(text(territory().querySelector('h4'))).to.equal('Département 35 – Ille-et-Vilaine');

    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(select.value).to.equal('region:53');
    expect(text(territory().querySelector('h4'))).to.equal('Région 53 – Bretagne');
    expect(liveText(el)).to.equal('Affiché : Région 53 – Bretagne.');
    expect(territory().querySelector('svg[role="img"]')).to.exist;
    await expect(el).to.be.accessible();

    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp']) await sendKeys({ press: key });
    await el.updateComplete;
    expect(select.value).to.equal('department:23');
    expect(territory().querySelector('svg')).to.equal(null);
    const skipped = text(territory().querySelector('.skipped'));
    expect(skipped).to.equal('Département 23 – Creuse : non estimé (moins de 100 répondants) ; 64 répondants valides.');
    expect(skipped).not.to.match(/%/);
    await expect(el).to.be.accessible();

    // Every domain under the minimum is listed with its count, never with a figure.
    const list = [...territory().querySelectorAll('.skipped-list li')].map(text);
    expect(list).to.include('EPCI 200034825 – CA du Grand Guéret : non estimé (moins de 100 répondants) ; 64 répondants valides.');
    expect(list.every((item) => !item.includes('%'))).to.equal(true);
  });

  it('lists a profile under 100 respondents as not estimated, with its count', async () => {
    const el = await fromSrc(FIXTURE);
    const profiles = el.shadowRoot!.querySelector('section[aria-labelledby="profiles-heading"]')!;
    const items = [...profiles.querySelectorAll('.skipped')].map(text);
    expect(items).to.include('Parcours d’insertion : non estimé (moins de 100 répondants) ; 95 répondants valides.');
    expect(items).to.include('Non classé : non estimé (moins de 100 répondants) ; 0 répondants valides.');
  });

  it('speaks English with lang="en" and switches at runtime', async () => {
    const el = await fromSrc(FIXTURE, 'en');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h2'))).to.equal('Observatoire report');
    expect(buttonNamed(root, 'Show the table').length).to.equal(5);
    expect(text(root.querySelector('svg text.label'))).to.equal('Non-user (no use for 3 months or more)');
    el.lang = 'fr';
    await el.updateComplete;
    expect(text(root.querySelector('h2'))).to.equal('Rapport de l’Observatoire');
  });

  it('holds at 320 px: nothing but the scrolling tables is wider than the screen, targets are at least 44 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fromSrc(FIXTURE);
    const root = el.shadowRoot!;
    for (const b of buttonNamed(root, 'Voir le tableau')) b.click();
    await el.updateComplete;
    const wide = [...root.querySelectorAll('*')].filter((e) => !e.closest('.table-wrap') && e.getClientRects().length > 0 && e.getBoundingClientRect().right > 321);
    expect(wide.map((e) => e.tagName)).to.deep.equal([]);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const regions = [...root.querySelectorAll('.table-wrap')];
    for (const r of regions) {
      expect(r.getAttribute('role')).to.equal('region');
      expect(r.getAttribute('tabindex')).to.equal('0');
      expect(text(root.getElementById(r.getAttribute('aria-labelledby')!))).not.to.equal('');
    }
    const small = [...root.querySelectorAll('button, select')].filter((e) => e.getClientRects().length > 0).filter((e) => e.getBoundingClientRect().height < 44 || e.getBoundingClientRect().width < 44);
    expect(small.map((e) => text(e))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('sends the admin token with the src request (collector /v1/report)', async () => {
    const report = await loadFixture();
    const original = window.fetch;
    let auth: string | null = null;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      auth = new Headers(init?.headers).get('Authorization');
      expect(String(input)).to.equal('https://collector.test/v1/report?territory=dep:35');
      return new Response(JSON.stringify(report), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    try {
      const el = document.createElement('obs-report');
      el.token = 'admin-secret';
      el.src = 'https://collector.test/v1/report?territory=dep:35';
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      container.append(el);
      await settled(el);
      expect(auth).to.equal('Bearer admin-secret');
      expect(el.getAttribute('token')).to.equal(null);
      expect(el.shadowRoot!.querySelector('article')).to.exist;
    } finally {
      window.fetch = original;
    }
  });

  it('says so when the figures are unweighted, and flags margins the report calls example margins', async () => {
    const unweighted = await loadFixture();
    unweighted.weighting = { ...unweighted.weighting, method: 'none', margins: [] };
    let el = await fromReport(unweighted);
    expect(text(el.shadowRoot!.querySelector('.warning'))).to.equal('Chiffres non redressés : chaque répondant compte autant (aucune marge fournie).');

    const example = await loadFixture();
    example.weighting.margins[0]!.source = `Exemple : ${example.weighting.margins[0]!.source}`;
    el = await fromReport(example);
    expect([...el.shadowRoot!.querySelectorAll('.warning')].map(text)).to.include('Marges d’exemple, pas des marges officielles : ces chiffres montrent le fonctionnement, ils ne décrivent pas la population.');

    // The example report is made with margins.example.json, whose sources say they are an example.
    el = await fromReport(await loadFixture());
    expect([...el.shadowRoot!.querySelectorAll('.warning')].map(text)).to.include('Marges d’exemple, pas des marges officielles : ces chiffres montrent le fonctionnement, ils ne décrivent pas la population.');

    const official = await loadFixture();
    for (const margin of official.weighting.margins) margin.source = margin.source.replace(/^EXEMPLE[^:]*: /, '');
    el = await fromReport(official);
    expect(el.shadowRoot!.querySelector('.warning')).to.equal(null);
  });

  describe('bad input: a clear message in the element and obs-error', () => {
    const cases: { name: string; make: () => Promise<ObsReport>; code: string; message: RegExp }[] = [
      {
        name: 'a fetch that fails (404)',
        make: () => fixture<ObsReport>(html`<obs-report src="/examples/report/missing.json"></obs-report>`),
        code: 'load_failed',
        message: /Le serveur a répondu « 404 »/,
      },
      { name: 'a file that is not JSON', make: () => fixture<ObsReport>(html`<obs-report src="/README.md"></obs-report>`), code: 'not_json', message: /n’est pas du JSON/ },
      {
        name: 'JSON that is not a report',
        make: () => fixture<ObsReport>(html`<obs-report src="/package.json"></obs-report>`),
        code: 'invalid_report',
        message: /ne sont pas un rapport de l’Observatoire/,
      },
      {
        name: 'a report of another version',
        make: async () => fixture<ObsReport>(html`<obs-report .report=${{ ...(await loadFixture()), version: 2 } as unknown as ObservatoireReport}></obs-report>`),
        code: 'unsupported_version',
        message: /format 2, cet élément lit le format 1/,
      },
      {
        name: 'a report with a broken part',
        make: async () => fixture<ObsReport>(html`<obs-report .report=${{ ...(await loadFixture()), national: {} } as unknown as ObservatoireReport}></obs-report>`),
        code: 'invalid_report',
        message: /"national"/,
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const errors: ErrorEventDetail[] = [];
        const listener = (e: Event) => errors.push((e as CustomEvent<ErrorEventDetail>).detail);
        document.addEventListener('obs-error', listener);
        try {
          const el = await c.make();
          await settled(el);
          const box = el.shadowRoot!.querySelector('[part="error"]')!;
          expect(box.getAttribute('role')).to.equal('alert');
          expect(text(box)).to.match(/^Le rapport ne peut pas être affiché\./);
          expect(text(box)).to.match(c.message);
          expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
          expect(errors.map((e) => e.code)).to.deep.equal([c.code]);
          expect(errors[0]!.error.name).to.equal('ReportLoadError');
          await expect(el).to.be.accessible();
        } finally {
          document.removeEventListener('obs-error', listener);
        }
      });
    }

    it('an access refused by the collector names the admin token', async () => {
      const original = window.fetch;
      window.fetch = async () => new Response('{"error":"missing_token"}', { status: 401 });
      const errors: string[] = [];
      const listener = (e: Event) => errors.push((e as CustomEvent<ErrorEventDetail>).detail.code);
      document.addEventListener('obs-error', listener);
      try {
        const el = await fixture<ObsReport>(html`<obs-report src="https://collector.test/v1/report"></obs-report>`);
        await settled(el);
        expect(errors).to.deep.equal(['load_failed']);
        expect(text(el.shadowRoot!.querySelector('[part="error"]'))).to.contain('jeton d’administration');
      } finally {
        window.fetch = original;
        document.removeEventListener('obs-error', listener);
      }
    });
  });
});
