import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSurveyDefinition } from '../content/parse.js';
import type { SurveyDefinition } from '../content/types.js';
import { ReportError } from './errors.js';
import { buildReport } from './report.js';
import { reportView } from './report-view.js';
import type { ReportTable } from './report-view-types.js';

const t = (fr: string, en = `${fr} (en)`) => ({ fr, en });
const qcu = (id: string, capacity: string) => ({ id, type: 'QCU', instruction: t(`Consigne ${id}`, `Instruction ${id}`), proposals: [t('Oui'), t('Non')], solution: 1, capacity });
const capacity = (id: string, fr: string, en: string) => ({ id, title: t(fr, en), results: { mastered: t('acquis'), partly: t('en partie'), notYet: t('pas encore') } });

/** Capacity `identifier`: a1 … a4; capacity `manipuler`: b1, b2; one course. */
const diagnostic: SurveyDefinition = parseSurveyDefinition({
  schemaVersion: 1, id: 'diag', version: '1', title: t('Diagnostic'), provenance: { author: 'Test', status: 'project' },
  information: { title: t('Info'), body: [t('Texte')], consent: t('OK') },
  challenges: [qcu('a1', 'identifier'), qcu('a2', 'identifier'), qcu('a3', 'identifier'), qcu('a4', 'identifier'), qcu('b1', 'manipuler'), qcu('b2', 'manipuler')],
  courses: [{ id: 'diagnostic', title: t('Diagnostic'), challenges: ['a1', 'a2', 'a3', 'a4', 'b1', 'b2'] }],
  capacities: [capacity('identifier', 'Reconnaître les outils', 'Recognising the tools'), capacity('manipuler', 'Manipuler l’appareil', 'Handling the device')],
});

/** One diagnostic session: `a` and `b` are the statuses of a1 … a4 and b1, b2 ('' = not played). */
function row(i: number, status: string, a: string[], b: string[]): Record<string, string> {
  const ch = (ids: string[], values: string[]) => Object.fromEntries(ids.map((id, k) => [`ch_${id}`, values[k] ?? '']));
  return {
    session_id: `d${i}`, survey_id: 'diag', content_version: '1', test_run: '0', organisation: '', started_at: '2026-10-12T09:00:00.000Z',
    course1_id: 'diagnostic', course1_status: status, course1_success_rate: '',
    ...ch(['a1', 'a2', 'a3', 'a4'], a), ...ch(['b1', 'b2'], b),
  };
}
const ok4 = ['ok', 'ok', 'ok', 'ok'];
const half = ['ok', 'ok', 'ko', 'aband'];
const one = ['ok', 'ko', 'ko', 'ko'];

describe('the quick diagnostic’s report (docs/analysis.md, "The quick diagnostic")', () => {
  const rows = [
    row(1, 'ended', ok4, ['ok', 'ok']),
    row(2, 'ended', half, ['ok', 'ko']),
    row(3, 'ended', one, ['ko', 'ko']),
    row(4, 'ended', ok4, ['ok', 'ok']),
    // The mediator skipped the remaining challenges: unplayed ones count as not succeeded.
    row(5, 'skipped_remaining', ['ok', 'ok', '', ''], ['', '']),
    // Left mid-way, and not reached: counted nowhere, never as "not yet".
    row(6, 'in_progress', ['ko', '', '', ''], ['', '']),
    row(7, 'not_reached', [], []),
  ];
  const report = buildReport(rows, [], { definitions: [diagnostic] });
  const byId = Object.fromEntries(report.diagnostic!.capacities.map((c) => [c.capacity, c]));
  const shares = (id: string) => byId[id]!.levels.map((l) => [l.category, l.count]);

  const cases: [string, string, number, [string, number][]][] = [
    ['identify: 2 mastered, 2 partly (half, or the 2 of 4 left by the skip), 1 not yet', 'identifier', 5, [['mastered', 2], ['partly', 2], ['notYet', 1]]],
    ['handle: 2 mastered, 1 partly, 2 not yet (the skip left both unplayed)', 'manipuler', 5, [['mastered', 2], ['partly', 1], ['notYet', 2]]],
  ];
  for (const [name, id, n, expected] of cases)
    test(name, () => {
      assert.equal(byId[id]!.n, n);
      assert.deepEqual(shares(id), expected);
    });

  test('each share has its 95 % interval around it', () => {
    for (const l of byId['identifier']!.levels) assert.ok(l.low <= l.proportion && l.proportion <= l.high, JSON.stringify(l));
    assert.equal(byId['identifier']!.levels[0]!.proportion, 2 / 5);
  });

  test('chosen from the export’s survey: an Observatoire survey gets no diagnostic part', () => {
    const other = rows.map((r) => ({ ...r, survey_id: 'observatoire-2025' }));
    assert.equal(buildReport(other, [], { definitions: [diagnostic] }).diagnostic, undefined);
    assert.equal(buildReport(rows, []).diagnostic, undefined, 'without the definitions: no capacities known');
  });

  test('any survey whose definition is known names its challenges in words; without it, by id', () => {
    const survey = { ...diagnostic, id: 'observatoire-2025', capacities: [] };
    const other = rows.map((r) => ({ ...r, survey_id: 'observatoire-2025' }));
    const itemNames = (definitions: SurveyDefinition[]) =>
      reportView(buildReport(other, [], { definitions }), 'en').sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'details' ? b.blocks : [b]))).find((b): b is ReportTable => b.kind === 'table' && b.id === 'items')!.rows.map((r) => r[0]);
    assert.deepEqual(itemNames([survey]).slice(0, 2), ['Instruction a1', 'Instruction a2']);
    assert.deepEqual(itemNames([]).slice(0, 2), ['a1', 'a2']);
  });

  test('an export mixing the diagnostic and another survey is refused, as for every report', () =>
    assert.throws(
      () => buildReport([...rows, { ...rows[0]!, session_id: 'o1', survey_id: 'observatoire-2025' }], [], { definitions: [diagnostic] }),
      (e: unknown) => e instanceof ReportError && e.code === 'mixed_surveys',
    ));

  const tables = (lang: 'fr' | 'en') => reportView(report, lang).sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'details' ? b.blocks : [b]))).filter((b): b is ReportTable => b.kind === 'table');
  test('its own sections: who is counted, weighting, capacities, challenges; no staircase', () => {
    const view = reportView(report, 'fr');
    assert.equal(view.title, 'Rapport du diagnostic rapide');
    assert.deepEqual(view.sections.map((s) => s.id), ['sessions', 'weighting', 'capacities', 'items']);
  });

  const labelCases: [string, 'fr' | 'en', string[], string[], string][] = [
    ['in French', 'fr', ['Reconnaître les outils', 'Manipuler l’appareil'], ['Capacité', 'Répondants', 'Maîtrisée', 'En partie', 'Pas encore'], 'Consigne a1'],
    ['in English', 'en', ['Recognising the tools', 'Handling the device'], ['Capacity', 'Respondents', 'Mastered', 'Partly', 'Not yet'], 'Instruction a1'],
  ];
  for (const [name, lang, titles, head, firstChallenge] of labelCases)
    test(`labels, never codes, ${name}`, () => {
      const capacities = tables(lang).find((t) => t.id === 'capacities')!;
      assert.deepEqual(capacities.rows.map((r) => r[0]), titles);
      assert.deepEqual(capacities.head, head);
      assert.equal(tables(lang).find((t) => t.id === 'items')!.rows[0]![0], firstChallenge);
      const text = JSON.stringify(reportView(report, lang));
      for (const code of ['identifier', 'manipuler', 'notYet', 'ch_', '"a1"']) assert.ok(!text.includes(code), `${code} shown`);
    });
});
