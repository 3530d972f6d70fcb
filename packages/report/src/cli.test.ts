import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { buildReport, createCsvTableReader, parseCsv, parseCsvTable, toRows, type ObservatoireReport } from '@observatoire/core/analysis';
import { INSTANT_COLUMNS, main, PROGRESS_THRESHOLD_BYTES, UNREAD_COLUMNS } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'obs-report-'));
const marginsExample = new URL('../../../margins.example.json', import.meta.url).pathname;

const COLUMNS = ['session_id', 'organisation', 'test_run', 'left_mid_course', 'q_commune', 'q_genre', 'age_band', 'statut_social', 'q_situation', 'q_aisance', 'q_diplome', 'q_dernier_usage_internet', 'q_thematiques', 'department', 'region', 'epci', 'course1_status', 'course1_success_rate', 'course2_status', 'course2_success_rate', 'course3_status', 'course3_success_rate', 'note'];

function exportCsv(count: number, extra: (i: number) => Partial<Record<string, string>> = () => ({})): string {
  const lines = [COLUMNS.join(',')];
  for (let i = 0; i < count; i++) {
    const senior = i % 4 !== 0;
    const retired = senior && i % 7 !== 0;
    const row: Record<string, string> = {
      session_id: `s${i}`,
      organisation: i % 2 ? 'ORG1' : '',
      test_run: '0',
      left_mid_course: '0',
      q_commune: '35238',
      q_genre: i % 3 === 0 ? 'masculin' : 'feminin',
      age_band: senior ? 'soixante_dix_plus' : 'vingt_cinq_trente_neuf',
      statut_social: retired ? 'retraite' : i % 8 === 0 ? 'sans_emploi' : 'en_emploi',
      q_situation: retired ? 'retraite' : i % 8 === 0 ? 'demandeur_emploi' : 'en_emploi',
      q_aisance: i % 2 ? 'un_peu' : 'pas_du_tout',
      q_diplome: 'baccalaureat',
      q_dernier_usage_internet: i % 10 === 0 ? 'jamais' : 'moins_de_3_mois',
      q_thematiques: i % 5 < 3 ? 'aide_aux_demarches_administratives|email' : 'navigation_sur_internet',
      department: '35',
      region: '53',
      epci: '243500139',
      course1_status: 'ended',
      course1_success_rate: i % 3 ? '1' : '0.3333',
      course2_status: 'ended',
      course2_success_rate: i % 6 === 1 ? '0.8571' : '0.4286',
      course3_status: 'not_reached',
      course3_success_rate: '',
      note: i === 1 ? '\'=HYPERLINK("x"), <script>alert(1)</script>' : '',
      ...extra(i),
    };
    lines.push(COLUMNS.map((c) => (/[",\r\n]/.test(row[c] ?? '') ? `"${(row[c] ?? '').replace(/"/g, '""')}"` : (row[c] ?? ''))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function sink(): { stream: Writable & { isTTY?: boolean }; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _enc, cb) { chunks.push(String(chunk)); cb(); } });
  return { stream, text: () => chunks.join('') };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, { stdout: out.stream, stderr: err.stream });
  return { code, out: out.text(), err: err.text() };
}

const data = join(dir, 'export.csv');
writeFileSync(data, exportCsv(240, (i) => (i < 3 ? { test_run: '1' } : i < 5 ? { course1_status: 'in_progress', course1_success_rate: '' } : {})));

describe('observatoire report', () => {
  test('JSON report from the export and the example margins, focused on a department', async () => {
    const out = join(dir, 'r.json');
    const r = await run(['report', '--data', data, '--margins', marginsExample, '--territory', 'dep:35', '--out', out]);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(readFileSync(out, 'utf8')) as ObservatoireReport;
    assert.deepEqual(report.sessions.excluded, { other_survey: 0, test_run: 3, out_of_scope: 0, probable_duplicate: 0, filtered_out: 0 });
    assert.equal(report.sessions.total, 240);
    assert.equal(report.sessions.analysed, 237);
    assert.equal(report.sessions.course1NotFinished, 2);
    assert.equal(report.weighting.converged, true);
    assert.equal(report.focus?.status, 'estimated');
    assert.equal(report.focus?.name, 'Ille-et-Vilaine');
    assert.match(report.weighting.margins[0]!.source, /72 %/);
    // Example margins never pass for official ones: every source says so.
    for (const margin of report.weighting.margins) assert.match(margin.source, /^EXEMPLE, marges non officielles/);
  });

  test('--refusals: people offered the survey counted by reason in the sample description', async () => {
    const refusals = join(dir, 'refus.csv');
    writeFileSync(refusals, 'refusal_id,survey_id,content_version,organisation,campaign,reason,offered_on\r\nr1,,,ORG1,,no_time,2025-10-14\r\nr2,,,,,reading,2025-10-15\r\n');
    const r = await run(['report', '--data', data, '--no-weighting', '--refusals', refusals, '--format', 'md']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Personnes à qui l’enquête a été proposée \| 239/);
    assert.match(r.out, /dont pas le temps \| 1/);
  });

  test('HTML report: self-contained, escaped, tables with captions', async () => {
    const r = await run(['report', '--data', data, '--margins', marginsExample, '--format', 'html', '--territory', 'org:ORG1']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^<!doctype html>\n<html lang="fr">/);
    assert.doesNotMatch(r.out, /<script|<link|src=/);
    const tables = r.out.match(/<table>/g)!.length;
    assert.equal(r.out.match(/<table>\n<caption>/g)!.length, tables);
    assert.match(r.out, /Structure ORG1/);
  });

  for (const lang of ['fr', 'en'])
    test(`HTML report (${lang}): labels everywhere, no raw code`, async () => {
      const r = await run(['report', '--data', data, '--margins', marginsExample, '--format', 'html', '--lang', lang, '--territory', 'dep:35']);
      assert.equal(r.code, 0, r.err);
      // Text outside tags and attributes: what a reader sees.
      const text = r.out.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
      assert.doesNotMatch(text, /\b[a-z0-9]+_[a-z0-9_]+\b/, 'a snake_case code is shown');
      assert.doesNotMatch(text, /\bq_/, 'a question column is shown');
      assert.doesNotMatch(text, /\(missing\)/);
      assert.match(text, lang === 'fr' ? /60 ans et plus/ : /60 and over/);
      assert.match(text, lang === 'fr' ? /Selon le profil des répondants/ : /By who the respondents are/);
    });

  test('CSV: a folder with one file per table, labels not codes', async () => {
    const out = join(dir, 'csv');
    const r = await run(['report', '--data', data, '--margins', marginsExample, '--format', 'csv', '--out', out]);
    assert.equal(r.code, 0, r.err);
    const files = readdirSync(out);
    assert.ok(files.length > 10);
    const ages = readFileSync(join(out, files.find((f) => f.includes('tranche-d-age') && f.includes('redressement'))!), 'utf8');
    assert.match(ages, /60 ans et plus/);
    assert.doesNotMatch(ages, /soixante_dix_plus/);
  });

  test('Markdown in English on stdout', async () => {
    const r = await run(['report', '--data', data, '--margins', marginsExample, '--lang', 'en']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# Observatoire report/);
    assert.match(r.out, /\| Level 0: course 1 \(handling\) not passed \|/);
  });

  describe('a quick diagnostic export gets the diagnostic’s report (docs/analysis.md, "The quick diagnostic")', () => {
    const ids = ['diag-appareil', 'diag-navigateur', 'diag-adresse-mail', 'diag-document', 'diag-appuyer-imprimer', 'diag-ecrire-ville', 'diag-ranger-facture', 'diag-formulaire-inscription', 'diag-page-telephone', 'diag-mail-ordonnance'];
    const head = ['session_id', 'survey_id', 'content_version', 'organisation', 'test_run', 'started_at', 'course1_id', 'course1_status', 'course1_success_rate', ...ids.map((id) => `ch_${id}`)];
    const lines = [head.join(',')];
    for (let i = 0; i < 60; i++) {
      const statuses = ids.map((_, k) => ((i + k) % 3 === 0 ? 'ko' : 'ok'));
      lines.push(['d' + i, 'diagnostic-rapide', '2026.1', 'ORG1', '0', '2026-10-12T09:00:00.000Z', 'diagnostic', 'ended', '', ...statuses].join(','));
    }
    const diagnosticData = join(dir, 'diagnostic.csv');
    writeFileSync(diagnosticData, lines.join('\n') + '\n');

    test('JSON: the capacities, chosen from the export’s survey', async () => {
      const r = await run(['report', '--data', diagnosticData, '--no-weighting', '--format', 'json']);
      assert.equal(r.code, 0, r.err);
      const report = JSON.parse(r.out) as ObservatoireReport;
      assert.deepEqual(report.diagnostic?.capacities.map((c) => [c.capacity, c.n]), [['identifier', 60], ['manipuler', 60], ['service_en_ligne', 60]]);
    });
    for (const lang of ['fr', 'en'])
      test(`HTML (${lang}): capacities in words, no raw code, no staircase`, async () => {
        const r = await run(['report', '--data', diagnosticData, '--no-weighting', '--format', 'html', '--lang', lang]);
        assert.equal(r.code, 0, r.err);
        const text = r.out.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
        assert.match(text, lang === 'fr' ? /Reconnaître les outils/ : /Recognising the tools/);
        assert.match(text, lang === 'fr' ? /Maîtrisée/ : /Mastered/);
        assert.doesNotMatch(text, /\b[a-z0-9]+_[a-z0-9_]+\b/, 'a snake_case code is shown');
        assert.doesNotMatch(text, /diag-|notYet|service_en_ligne/);
        assert.doesNotMatch(text, lang === 'fr' ? /Niveau 0/ : /Level 0/);
      });
    test('Markdown and CSV show the same capacities, in words', async () => {
      const md = await run(['report', '--data', diagnosticData, '--no-weighting', '--format', 'md', '--lang', 'en']);
      assert.equal(md.code, 0, md.err);
      assert.match(md.out, /^# Quick diagnostic report/);
      assert.match(md.out, /\| Using an online service \| 60 \|/);
      const out = join(dir, 'diagnostic-csv');
      const csv = await run(['report', '--data', diagnosticData, '--no-weighting', '--format', 'csv', '--out', out]);
      assert.equal(csv.code, 0, csv.err);
      const capacities = readdirSync(out).find((f) => f.includes('capacite'));
      assert.ok(capacities, readdirSync(out).join(' '));
      assert.match(readFileSync(join(out, capacities), 'utf8'), /Manipuler l’appareil/);
    });
    test('--definition: a survey definition that is not valid is refused, naming the file', async () => {
      const bad = join(dir, 'bad-definition.json');
      writeFileSync(bad, JSON.stringify({ schemaVersion: 1, id: 'x' }));
      const r = await run(['report', '--data', diagnosticData, '--no-weighting', '--definition', bad]);
      assert.equal(r.code, 1);
      assert.match(r.err, /--definition .*bad-definition\.json is not a valid survey definition/);
    });
  });

  test('a margins CSV with counts works like shares', async () => {
    const csv = join(dir, 'margins.csv');
    writeFileSync(csv, 'variable,type,category,value,unit,source\r\nq_genre,categorical,feminin,720,count,Exemple\r\nq_genre,categorical,masculin,280,count,Exemple\r\n');
    const r = await run(['report', '--data', data, '--margins', csv, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as ObservatoireReport;
    assert.deepEqual(report.weighting.margins[0]!.categories.map((c) => c.target), [0.72, 0.28]);
  });

  test('a large file gets a progress bar on stderr', async () => {
    const big = join(dir, 'big.csv');
    let text = exportCsv(6000);
    assert.ok(Buffer.byteLength(text) >= PROGRESS_THRESHOLD_BYTES);
    writeFileSync(big, text);
    text = '';
    const r = await run(['report', '--data', big, '--no-weighting', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /\[#+ *\] 100 %/);
  });
});

test('the columns left out when the export is read (UNREAD_COLUMNS) and the start times read as instants change nothing in the report', () => {
  const starts = ['2026-10-05T09:00:00.000Z', '2026-11-02T10:00:00+01:00', '', '2026-12-31T23:30:00+01:00', 'hier', '2026-09-30T23:59:59.999Z', '2026-01-01T00:00:00.000Z'];
  const rows = toRows(parseCsv(exportCsv(400))).map((row, i) => ({
    ...row,
    // Every 50 rows, one person twice within a few hours, the first session abandoned: a probable duplicate.
    ...(i % 50 < 2 ? { organisation: 'ORG1', q_genre: 'feminin' } : {}),
    q_annee_naissance: String(1940 + (i % 50 === 1 ? i - 1 : i) % 80),
    end_reason: i % 50 === 0 ? 'in_progress' : 'completed',
    started_at: i % 50 === 1 ? '2026-10-05T11:00:00.000Z' : (starts[i % starts.length] as string),
    campaign: `c${i % 3}`,
    lang: i % 2 ? 'fr' : 'en',
    left_mid_course: String(i % 2),
    interruptions: String(i % 4),
    test_time_seconds: String(300 + i),
    postal_code: '35000',
  }));
  const names = Object.keys(rows[0] as object);
  const text = [names, ...rows.map((row) => names.map((name) => (row as Record<string, string>)[name] ?? ''))].map((cells) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
  const reader = createCsvTableReader({ skip: UNREAD_COLUMNS, instants: INSTANT_COLUMNS });
  reader.push(text);
  const read = reader.end();
  assert.equal(read.columns.has('session_id'), false);
  assert.ok(read.instants?.has('started_at'));
  const report = buildReport(read, [], { generatedAt: 'now' });
  assert.ok(report.sessions.excluded.probable_duplicate > 0, 'the duplicate rule reads the start times');
  assert.ok(report.progress.outsideWindow > 0 && report.progress.inWindow > 0, 'the collection window reads them too');
  assert.deepEqual(report, buildReport(parseCsvTable(text), [], { generatedAt: 'now' }));
  assert.deepEqual(report, buildReport(rows, [], { generatedAt: 'now' }));
});

describe('observatoire report: bad input gives a clear message and a non-zero exit', () => {
  const badMargins = join(dir, 'bad-margins.json');
  writeFileSync(badMargins, JSON.stringify({ margins: [{ variable: 'q_genre', type: 'categorical', source: 'x', targets: { feminin: 0.7, masculin: 0.7 } }] }));
  const emptyCategory = join(dir, 'empty-category.json');
  writeFileSync(emptyCategory, JSON.stringify({ margins: [{ variable: 'q_genre', type: 'categorical', source: 'x', targets: { feminin: 0.7, masculin: 0.2, non_communique: 0.1 } }] }));
  const noSource = join(dir, 'no-source.json');
  writeFileSync(noSource, JSON.stringify({ margins: [{ variable: 'q_genre', type: 'categorical', targets: { feminin: 0.72, masculin: 0.28 } }] }));
  const notJson = join(dir, 'not.json');
  writeFileSync(notJson, '{ margins: ');
  const badCsv = join(dir, 'bad.csv');
  writeFileSync(badCsv, 'a,b\n"x\n');
  const latin1Csv = join(dir, 'latin1.csv');
  writeFileSync(latin1Csv, Buffer.from('course1_status,q_commune\nended,Saint-\xc9tienne\n', 'latin1'));

  const cases: [string, string[], number, RegExp][] = [
    ['no command', ['--data', data], 2, /the command is "report"/],
    ['no --data', ['report', '--margins', marginsExample], 2, /--data is required/],
    ['no --margins', ['report', '--data', data], 2, /--margins is required/],
    ['unknown option', ['report', '--data', data, '--margins', marginsExample, '--colour'], 2, /Unknown option/],
    ['bad format', ['report', '--data', data, '--margins', marginsExample, '--format', 'pdf'], 2, /--format must be html, json, md or csv/],
    ['bad territory', ['report', '--data', data, '--margins', marginsExample, '--territory', 'commune:35238'], 1, /territory "commune:35238" is not understood/],
    ['missing data file', ['report', '--data', join(dir, 'nope.csv'), '--margins', marginsExample], 1, /cannot read .*nope\.csv \(ENOENT\)/],
    ['missing margins file', ['report', '--data', data, '--margins', join(dir, 'nope.json')], 1, /cannot read .*nope\.json/],
    ['margins not valid JSON', ['report', '--data', data, '--margins', notJson], 1, /not valid JSON/],
    ['margins not summing to 1', ['report', '--data', data, '--margins', badMargins], 1, /sum to 1\.4, not 1/],
    ['a margin category nobody is in', ['report', '--data', data, '--margins', emptyCategory], 1, /no respondent in category "non_communique"/],
    ['a margin without source', ['report', '--data', data, '--margins', noSource], 1, /no source/],
    ['broken CSV', ['report', '--data', badCsv, '--margins', marginsExample], 1, /line 3: a quoted cell is not closed/],
    ['a CSV file that is not UTF-8', ['report', '--data', latin1Csv, '--margins', marginsExample], 1, /line 2: the text is not valid UTF-8/],
    ['refusals without a reason column', ['report', '--data', data, '--no-weighting', '--refusals', data], 1, /has no "reason" column/],
    ['bad cap', ['report', '--data', data, '--margins', marginsExample, '--cap', '0.5'], 2, /--cap must be a number above 1/],
  ];
  for (const [name, args, code, message] of cases)
    test(name, async () => {
      const r = await run(args);
      assert.equal(r.code, code);
      assert.match(r.err, message);
      assert.equal(r.out, '');
    });
});
