// Writes the example report `examples/report/report.json` that the `<obs-report>` example page and
// tests render: a synthetic export (made-up respondents, fixed seed, nothing real) in four
// departments, one of them under 100 respondents, through the report command with the example margins.
//   node examples/report/make-fixture.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');

/** Small deterministic generator (mulberry32): the same file at every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(2025);
const pick = (pairs) => {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of pairs) if ((r -= w) < 0) return value;
  return pairs[pairs.length - 1][0];
};

// Commune (INSEE code), department, region, EPCI (SIREN); how many respondents; how at ease they tend to be.
const PLACES = [
  { commune: '35238', department: '35', region: '53', epci: '243500139', n: 420, ease: 0.55, org: 'rennes-cyber' },
  { commune: '29019', department: '29', region: '53', epci: '242900314', n: 260, ease: 0.45, org: 'brest-mediatheque' },
  { commune: '13055', department: '13', region: '93', epci: '200054807', n: 520, ease: 0.4, org: 'marseille-centre-social' },
  { commune: '23096', department: '23', region: '75', epci: '200034825', n: 64, ease: 0.3, org: 'gueret-france-services' },
];

const COLUMNS = ['session_id', 'organisation', 'test_run', 'left_mid_course', 'q_commune', 'q_genre', 'age_band', 'statut_social', 'q_situation', 'q_aisance', 'q_diplome', 'q_dernier_usage_internet', 'q_thematiques', 'department', 'region', 'epci', 'course1_status', 'course1_success_rate', 'course2_status', 'course2_success_rate', 'course3_status', 'course3_success_rate'];

const SITUATION_TO_STATUT = { en_emploi: 'en_emploi', demandeur_emploi: 'sans_emploi', retraite: 'retraite', etudes_formation: 'scolarise', au_foyer: 'sans_emploi', autre: 'non_communique' };

/** A course of `size` challenges: each success with probability `p`; the rate as the export writes it. */
function course(size, p) {
  let ok = 0;
  for (let i = 0; i < size; i++) if (rand() < p) ok++;
  return { status: 'ended', rate: String(Number((ok / size).toFixed(4))) };
}

const rows = [];
let id = 0;
for (const place of PLACES) {
  for (let i = 0; i < place.n; i++) {
    id++;
    const senior = rand() < 0.74;
    const age_band = senior ? pick([['soixante_soixante_neuf', 0.4], ['soixante_dix_plus', 0.6]]) : pick([['dix_huit_vingt_quatre', 0.15], ['vingt_cinq_trente_neuf', 0.35], ['quarante_cinquante_neuf', 0.5]]);
    const q_situation = senior ? pick([['retraite', 0.9], ['en_emploi', 0.06], ['autre', 0.04]]) : pick([['en_emploi', 0.45], ['demandeur_emploi', 0.2], ['au_foyer', 0.2], ['etudes_formation', 0.05], ['autre', 0.1]]);
    const ease = rand() * place.ease + (senior ? 0 : 0.3);
    const q_aisance = ease < 0.15 ? 'pas_du_tout' : ease < 0.45 ? 'un_peu' : ease < 0.65 ? 'assez' : 'tres';
    const nonUser = rand() < (senior ? 0.16 : 0.05);
    const skill = Math.min(0.95, 0.35 + ease);
    const c1 = course(3, skill + 0.15);
    const leftEarly = rand() < 0.03;
    const testRun = rand() < 0.01;
    const row = {
      session_id: `synthetique-${String(id).padStart(5, '0')}`,
      organisation: place.org,
      test_run: testRun ? '1' : '0',
      left_mid_course: leftEarly ? '1' : '0',
      q_commune: testRun ? 'TEST' : place.commune,
      q_genre: pick([['feminin', 0.7], ['masculin', 0.27], ['non_communique', 0.03]]),
      age_band,
      statut_social: SITUATION_TO_STATUT[q_situation],
      q_situation,
      q_aisance,
      q_diplome: pick([['aucun_diplome', 0.35], ['cap_bep', 0.3], ['baccalaureat', 0.2], ['superieur', 0.15]]),
      q_dernier_usage_internet: nonUser ? pick([['plus_de_3_mois', 0.5], ['jamais', 0.5]]) : 'moins_de_3_mois',
      q_thematiques: rand() < 0.5 ? 'aide_aux_demarches_administratives|email' : pick([['navigation_sur_internet', 1], ['prendre_en_main_du_materiel', 1], ['sante', 0.5]]),
      department: testRun ? '' : place.department,
      region: testRun ? '' : place.region,
      epci: testRun ? '' : place.epci,
      course1_status: leftEarly ? 'in_progress' : c1.status,
      course1_success_rate: leftEarly ? '' : c1.rate,
      course2_status: 'not_reached',
      course2_success_rate: '',
      course3_status: 'not_reached',
      course3_success_rate: '',
    };
    if (!leftEarly && Number(c1.rate) > 0.6) {
      const c2 = course(7, skill);
      Object.assign(row, { course2_status: c2.status, course2_success_rate: c2.rate });
      if (Number(c2.rate) > 0.6) {
        const c3 = course(5, skill - 0.1);
        Object.assign(row, { course3_status: c3.status, course3_success_rate: c3.rate });
      }
    }
    rows.push(row);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'obs-report-fixture-'));
try {
  const csv = join(dir, 'export.csv');
  writeFileSync(csv, [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => r[c]).join(','))].join('\r\n') + '\r\n');
  const out = join(dir, 'report.json');
  const cli = join(root, 'packages', 'report', 'bin', 'observatoire.js');
  const run = spawnSync(process.execPath, [cli, 'report', '--data', csv, '--margins', join(root, 'margins.example.json'), '--territory', 'dep:35', '--format', 'json', '--out', out], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`the report command failed (exit ${run.status})`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  // A fixed date keeps the committed file stable from run to run.
  report.generatedAt = '2025-06-01T09:00:00.000Z';
  writeFileSync(join(here, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`examples/report/report.json: ${report.sessions.total} sessions read, ${report.sessions.analysed} analysed, ${report.domains.length} domains`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
