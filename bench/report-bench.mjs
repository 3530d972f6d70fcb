// The report command on a synthetic export (part 2 of `npm run bench:analysis`): 1,000,000 rows (BENCH_N) shaped like
// the collector's export (docs/export-format.md): 50 organisations, real commune codes (so every breakdown,
// commune size included, has groups), 3 courses, 10 challenge columns, a few test runs, out-of-scope sessions and
// duplicates. The command runs in a process of its own under /usr/bin/time -v (wall time and max RSS).
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ageBand, statutSocial } from '../packages/core/src/mappings.ts';
import { communeSizes, territoriesOf } from '../packages/report/src/geography.ts';
import { createRandom, pick } from './synthetic.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHALLENGES = Array.from({ length: 10 }, (_, k) => `defi-${k + 1}`);
const COLUMNS = [
  'session_id', 'survey_id', 'content_version', 'organisation', 'campaign', 'device', 'lang', 'started_at', 'test_run', 'filled_by_mediator',
  'left_mid_course', 'resumed', 'interruptions', 'end_reason', 'test_time_seconds', 'channel', 'q_commune', 'q_annee_naissance', 'q_genre',
  'q_situation', 'q_diplome', 'q_aisance', 'q_dernier_usage_internet', 'q_appareils', 'q_connexion_domicile', 'q_connu_par', 'q_accompagnement',
  'q_thematiques', 'age_band', 'statut_social', 'postal_code', 'department', 'region', 'epci',
  'course1_id', 'course1_status', 'course1_success_rate', 'course2_id', 'course2_status', 'course2_success_rate', 'course3_id', 'course3_status', 'course3_success_rate',
  ...CHALLENGES.map((id) => `ch_${id}`),
];

/** Writes the synthetic export, streamed; returns its size in bytes. */
export async function writeExport(path, n) {
  const random = createRandom(20261202);
  // 2,000 real communes of every size band, with their territories.
  const sizes = communeSizes();
  const communes = Object.keys(sizes)
    .filter((code, k) => k % 17 === 0)
    .slice(0, 2000)
    .map((code) => ({ code, t: territoriesOf(code) }))
    .filter((c) => c.t !== undefined);
  const organisations = Array.from({ length: 50 }, (_, k) => `ORG${String(k + 1).padStart(2, '0')}`);
  const out = createWriteStream(path);
  let lines = [COLUMNS.join(',')];
  const flush = async () => {
    if (!out.write(lines.join('\n') + '\n')) await once(out, 'drain');
    lines = [];
  };
  for (let i = 0; i < n; i++) {
    const born = 1930 + Math.floor(random() * 80);
    const senior = born < 1966;
    const situation = senior ? pick(random, ['retraite', 'au_foyer', 'en_emploi'], [85, 10, 5]) : pick(random, ['en_emploi', 'demandeur_emploi', 'etudes_formation', 'au_foyer', 'autre'], [40, 30, 10, 10, 10]);
    const commune = communes[Math.floor(random() * communes.length)];
    const ease = pick(random, ['pas_du_tout', 'un_peu', 'assez', 'tres'], senior ? [35, 35, 20, 10] : [15, 30, 35, 20]);
    const skill = (ease === 'pas_du_tout' ? 0.3 : ease === 'un_peu' ? 0.5 : 0.7) + random() * 0.3;
    const courses = [];
    let reached = true;
    for (let c = 0; c < 3; c++) {
      if (!reached) {
        courses.push(`parcours-${c + 1}`, 'not_reached', '');
        continue;
      }
      const status = pick(random, ['ended', 'skipped_remaining', 'in_progress'], [90, 6, 4]);
      const rate = status === 'in_progress' ? '' : (Math.round(Math.min(1, skill * (1 - c * 0.15) + random() * 0.2) * 7) / 7).toFixed(4);
      courses.push(`parcours-${c + 1}`, status, rate);
      reached = status !== 'in_progress' && Number(rate) > 0.6;
    }
    const day = 1 + Math.floor(random() * 90);
    const started = new Date(Date.UTC(2026, 9, 1) + day * 86_400_000 + Math.floor(random() * 36_000_000)).toISOString();
    const row = [
      `s${i}`, 'observatoire-2026', '2026.1', pick(random, organisations, organisations.map((_, k) => 1 + (k % 7))), '', pick(random, ['mobile', 'tablet', 'desktop'], [30, 15, 55]), 'fr',
      started, random() < 0.002 ? '1' : '0', random() < 0.2 ? '1' : '0', courses[1] === 'in_progress' ? '1' : '0', random() < 0.05 ? '1' : '0', '0',
      pick(random, ['completed', 'quit', 'in_progress'], [80, 15, 5]), String(Math.floor(300 + random() * 1500)), random() < 0.03 ? 'paper' : 'online',
      commune.code, String(born), pick(random, ['feminin', 'masculin', 'non_communique'], [70, 28, 2]), situation,
      pick(random, ['aucun_diplome', 'bepc_cap_bep', 'baccalaureat', 'enseignement_superieur', 'ne_sait_pas'], senior ? [35, 35, 15, 10, 5] : [15, 30, 30, 22, 3]),
      ease, pick(random, ['moins_de_3_mois', 'plus_de_3_mois', 'jamais'], senior ? [70, 15, 15] : [90, 5, 5]),
      pick(random, ['ordinateur|telephone', 'telephone', 'tablette', 'aucun', 'telephone|tablette'], [40, 35, 5, 10, 10]), pick(random, ['oui', 'non', 'ne_sait_pas'], [85, 12, 3]),
      pick(random, ['caf', 'france_travail', 'autre_organisme', 'bouche_a_oreille', 'mairie'], [10, 10, 10, 40, 30]), pick(random, ['premier', 'second', 'plusieurs'], [70, 25, 5]),
      pick(random, ['aide_aux_demarches_administratives', 'email', 'aide_aux_demarches_administratives|email', 'navigation_sur_internet'], [35, 20, 20, 25]),
      ageBand(born, 2026), statutSocial(situation), commune.t.postalCodes[0] ?? '', commune.t.department, commune.t.region, commune.t.epci ?? '',
      ...courses,
      ...CHALLENGES.map((_, k) => (k < 4 || courses[4] !== 'not_reached' ? pick(random, ['ok', 'ko', 'aband', 'timedout'], [skill * 100, (1 - skill) * 80, 10, 5]) : '')),
    ];
    lines.push(row.join(','));
    if (lines.length >= 10_000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

/** Runs `observatoire report` on the synthetic export with all breakdowns; prints time and peak memory. */
export async function benchReport(dir, n) {
  const data = join(dir, 'export.csv');
  const bytes = await writeExport(data, n);
  const out = join(dir, 'rapport.html');
  console.log(`\nReport command: ${n.toLocaleString('en')}-row synthetic export (${(bytes / 1e6).toFixed(0)} MB, ${COLUMNS.length} columns), margins.example.json, all breakdowns, HTML`);
  // The command as users run it (`observatoire report`): the package's bin, which runs the built CLI
  // (`npm run build`), or the sources through tsx before a build (about 1 s more to start).
  const built = existsSync(join(root, 'packages/report/dist/cli.js'));
  console.log(`  ${built ? 'built command (packages/report/dist/cli.js)' : 'sources through tsx (run `npm run build` to time the built command)'}`);
  const args = [join(root, 'packages/report/bin/observatoire.js'), 'report', '--data', data, '--margins', join(root, 'margins.example.json'), '--out', out];
  const timeV = spawnSync('/usr/bin/time', ['-v', 'true'], { stdio: 'ignore' });
  if (timeV.error || timeV.status !== 0) {
    const t0 = Date.now();
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`  wall time ${((Date.now() - t0) / 1000).toFixed(1)} s (no /usr/bin/time: peak memory not measured)`);
    return;
  }
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`the report command failed:\n${r.stderr}`);
  const field = (name) => new RegExp(`${name}: (.+)`).exec(r.stderr)?.[1]?.trim() ?? '?';
  const [m, s] = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').slice(-2).map(Number);
  const wall = m * 60 + s;
  const cpu = Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'));
  console.log(`  ${/report written to .*/.exec(r.stderr)?.[0] ?? 'report written'}`);
  console.log(`  wall time ${wall.toFixed(1)} s (CPU ${cpu.toFixed(1)} s, the process's start and module loading included); peak memory (max RSS) ${(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024).toFixed(0)} MB`);
}
