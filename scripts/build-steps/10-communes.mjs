// The commune list used by <obs-questionnaire>'s commune question, cut into small shards so the
// element downloads only what a postal code needs, never the whole list (nor in the main bundle).
//
// Writes dist/communes/<first 2 digits of the postal code>.json for every prefix 00-99 (an empty
// object when no commune has such a code, so a missing file always means a loading problem):
//   { "35000": [["Rennes", "35238", "35", "53", "243500139"], …], … }
//   row = [name, INSEE code, department, region, SIREN of the EPCI (absent when none)]
// and dist/communes/index.json (source, counts, shards), from @etalab/decoupage-administratif.
// From the same data, core's department → region table (scripts/department-regions.mjs), written
// again only when the data changed.
//
// Kept: `commune-actuelle` with a postal code and a 2-digit region code. Left out: the overseas
// collectivities (Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin, Wallis-et-Futuna,
// Polynesia, New Caledonia…): their region code is not a region, which `CommuneAnswer` requires.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { departmentRegionsModule, MODULE_PATH, readDepartments } from '../department-regions.mjs';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(join(root, 'package.json'));
const packageDir = dirname(require.resolve('@etalab/decoupage-administratif/package.json'));
const read = (name) => JSON.parse(readFileSync(join(packageDir, 'data', name), 'utf8'));
const { version } = read('../package.json');

const epciOf = new Map();
for (const epci of read('epci.json')) for (const member of epci.membres ?? []) epciOf.set(member.code, epci.code);

/** postal code → rows */
const byPostalCode = new Map();
let communes = 0;
let leftOut = 0;
for (const commune of read('communes.json')) {
  if (commune.type !== 'commune-actuelle') continue;
  if (!commune.codesPostaux?.length || !/^\d{2}$/.test(commune.region ?? '')) {
    leftOut++;
    continue;
  }
  communes++;
  const row = [commune.nom, commune.code, commune.departement, commune.region];
  const epci = epciOf.get(commune.code);
  if (epci) row.push(epci);
  for (const postalCode of commune.codesPostaux) {
    if (!byPostalCode.has(postalCode)) byPostalCode.set(postalCode, []);
    byPostalCode.get(postalCode).push(row);
  }
}

const collator = new Intl.Collator('fr');
const shards = Array.from({ length: 100 }, () => ({}));
for (const postalCode of [...byPostalCode.keys()].sort()) {
  const rows = byPostalCode.get(postalCode).sort((a, b) => collator.compare(a[0], b[0]));
  shards[Number(postalCode.slice(0, 2))][postalCode] = rows;
}

const out = join(root, 'dist', 'communes');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const counts = {};
shards.forEach((shard, i) => {
  const prefix = String(i).padStart(2, '0');
  writeFileSync(join(out, `${prefix}.json`), JSON.stringify(shard));
  const size = Object.keys(shard).length;
  if (size) counts[prefix] = size;
});
writeFileSync(
  join(out, 'index.json'),
  JSON.stringify({
    source: `@etalab/decoupage-administratif@${version}`,
    row: ['name', 'code', 'department', 'region', 'epci'],
    communes,
    postalCodes: byPostalCode.size,
    /** prefix → number of postal codes in that shard (prefixes without any are empty shards). */
    shards: counts,
  }),
);
console.log(`  ${communes} communes, ${byPostalCode.size} postal codes → dist/communes/ (100 shards; ${leftOut} left out)`);

const regions = departmentRegionsModule(readDepartments());
if (readFileSync(MODULE_PATH, 'utf8') !== regions) {
  writeFileSync(MODULE_PATH, regions);
  console.log(`  the department → region table changed: ${MODULE_PATH.slice(root.length)} written again (commit it)`);
}
