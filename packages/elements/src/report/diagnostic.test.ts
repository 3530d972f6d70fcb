import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { parseSurveyDefinition } from '@observatoire/core';
import { buildReport, type ObservatoireReport } from '@observatoire/core/analysis';
import './index.js';
import type { ObsReport } from './obs-report.js';

const t = (fr: string, en: string) => ({ fr, en });
const qcu = (id: string, capacity: string, fr: string, en: string) => ({ id, type: 'QCU', instruction: t(fr, en), proposals: [t('Oui', 'Yes'), t('Non', 'No')], solution: 1, capacity });
const capacity = (id: string, fr: string, en: string) => ({ id, title: t(fr, en), results: { mastered: t('acquis', 'done'), partly: t('en partie', 'partly'), notYet: t('pas encore', 'not yet') } });

/** A quick diagnostic: two capacities, one course. */
const definition = parseSurveyDefinition({
  schemaVersion: 1, id: 'diagnostic-test', version: '1', title: t('Diagnostic', 'Diagnostic'), provenance: { author: 'Test', status: 'project' },
  information: { title: t('Info', 'Info'), body: [t('Texte', 'Text')], consent: t('OK', 'OK') },
  challenges: [
    qcu('d1', 'identifier', 'Quel est cet appareil\u00a0?', 'What is this device?'),
    qcu('d2', 'identifier', 'Où est le navigateur\u00a0?', 'Where is the browser?'),
    qcu('d3', 'manipuler', 'Appuyez sur Imprimer.', 'Press Print.'),
    qcu('d4', 'manipuler', 'Écrivez le nom de votre ville.', 'Type your town.'),
  ],
  courses: [{ id: 'diagnostic', title: t('Diagnostic rapide', 'Quick diagnostic'), challenges: ['d1', 'd2', 'd3', 'd4'] }],
  capacities: [capacity('identifier', 'Reconnaître les outils', 'Recognising the tools'), capacity('manipuler', 'Manipuler l’appareil', 'Handling the device')],
});

/** 40 diagnostic sessions, the report built in the page by the core, as the collector and the command build it. */
function diagnosticReport(): ObservatoireReport {
  const rows = Array.from({ length: 40 }, (_, i) => ({
    session_id: `d${i}`, survey_id: 'diagnostic-test', content_version: '1', test_run: '0', organisation: 'ORG1', started_at: '2026-10-12T09:00:00.000Z',
    course1_id: 'diagnostic', course1_status: 'ended', course1_success_rate: '',
    ch_d1: 'ok', ch_d2: i % 2 ? 'ok' : 'ko', ch_d3: i % 4 ? 'ok' : 'aband', ch_d4: i % 3 ? 'ok' : 'ko',
  }));
  return buildReport(rows, [], { definitions: [definition], generatedAt: '2026-10-20T09:00:00.000Z' });
}

const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/[ \t\r\n\u00a0\u202f]+/g, ' ').trim();

async function shown(lang: string): Promise<ObsReport> {
  const el = await fixture<ObsReport>(html`<obs-report lang=${lang} .report=${diagnosticReport()}></obs-report>`);
  for (let i = 0; i < 200 && !el.shadowRoot!.querySelector('article'); i++) await new Promise((r) => setTimeout(r, 20));
  return el;
}

describe('<obs-report> for a quick diagnostic (docs/analysis.md, "The quick diagnostic")', () => {
  it('shows each capacity in words with its shares and n, no staircase, and stays accessible', async () => {
    const el = await shown('fr');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h2'))).to.equal('Rapport du diagnostic rapide');
    const headings = [...root.querySelectorAll('h3')].map(text);
    expect(headings).to.include('Par capacité');
    expect(headings.join(' ')).not.to.match(/Niveau|Par profil|Avancement/);
    const table = root.querySelector('section[aria-labelledby="capacities-heading"] table')!;
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal(['Capacité', 'Répondants', 'Maîtrisée', 'En partie', 'Pas encore']);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map(text));
    expect(rows.map((r) => r[0])).to.deep.equal(['Reconnaître les outils', 'Manipuler l’appareil']);
    expect(rows[0]![1]).to.equal('40');
    // Identify: d1 always right, d2 one time in two: half mastered.
    expect(rows[0]![2]).to.match(/^50,0 % \(/);
    await expect(el).to.be.accessible();
  });

  it('opens the challenges by keyboard: each named by its instruction, never by its id', async () => {
    const el = await shown('fr');
    const root = el.shadowRoot!;
    const button = [...root.querySelectorAll('button')].find((b) => text(b) === 'Réussite, difficulté et discrimination de chaque défi')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const panel = root.getElementById(button.getAttribute('aria-controls')!)!;
    const names = [...panel.querySelectorAll('tbody th')].map(text);
    expect(names).to.deep.equal(['Quel est cet appareil ?', 'Où est le navigateur ?', 'Appuyez sur Imprimer.', 'Écrivez le nom de votre ville.']);
    expect(text(root)).not.to.match(/\bd[1-4]\b|identifier|manipuler|notYet/);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await shown('en');
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h2'))).to.equal('Quick diagnostic report');
    const table = root.querySelector('section[aria-labelledby="capacities-heading"] table')!;
    expect([...table.querySelectorAll('tbody th')].map(text)).to.deep.equal(['Recognising the tools', 'Handling the device']);
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal(['Capacity', 'Respondents', 'Mastered', 'Partly', 'Not yet']);
  });
});
