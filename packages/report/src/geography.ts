/**
 * Commune (INSEE code) → department, region and EPCI, from the official `@etalab/decoupage-administratif`
 * data. Node only: the data files weigh several MB, so they are read once, on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface Territories {
  /** INSEE code of the commune as given. */
  commune: string;
  communeName: string;
  department: string;
  departmentName: string;
  region: string;
  regionName: string;
  /** SIREN of the EPCI (métropoles included; Paris, Lyon, Marseille arrondissements map to their commune's EPCI). */
  epci?: string;
  epciName?: string;
  /** `CC`, `CA`, `CU`, `METRO` (métropole) or `MET69` (Métropole de Lyon). */
  epciType?: string;
  postalCodes: string[];
}

interface CommuneRecord {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  chefLieu?: string;
  commune?: string;
  codesPostaux?: string[];
}
interface EpciRecord {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}

interface Lookup {
  communes: Map<string, CommuneRecord>;
  epciOf: Map<string, EpciRecord>;
  departments: Map<string, string>;
  regions: Map<string, string>;
}

let lookup: Lookup | undefined;

function load<T>(file: string): T {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8')) as T;
}

function getLookup(): Lookup {
  if (lookup) return lookup;
  const communes = new Map<string, CommuneRecord>();
  // A code can be both a current commune and a delegated one: the current commune wins.
  for (const c of load<CommuneRecord[]>('communes.json')) {
    const existing = communes.get(c.code);
    if (!existing || (existing.type !== 'commune-actuelle' && c.type === 'commune-actuelle')) communes.set(c.code, c);
  }
  const epciOf = new Map<string, EpciRecord>();
  for (const e of load<EpciRecord[]>('epci.json')) for (const m of e.membres) epciOf.set(m.code, e);
  const departments = new Map(load<{ code: string; nom: string }[]>('departements.json').map((d) => [d.code, d.nom]));
  const regions = new Map(load<{ code: string; nom: string }[]>('regions.json').map((r) => [r.code, r.nom]));
  lookup = { communes, epciOf, departments, regions };
  return lookup;
}

/**
 * The territories of a commune, or undefined for an unknown code (or `TEST`).
 *
 * @example
 * territoriesOf('35238'); // { department: '35', region: '53', epci: '243500139', epciType: 'METRO', … } (Rennes)
 */
export function territoriesOf(communeCode: string): Territories | undefined {
  const { communes, epciOf, departments, regions } = getLookup();
  const c = communes.get(communeCode.trim());
  if (!c || !c.departement || !c.region) return undefined;
  // Municipal arrondissements belong to their commune's EPCI; delegated and associated communes to their chef-lieu's.
  const parent = c.type === 'arrondissement-municipal' ? c.commune : c.type === 'commune-actuelle' ? c.code : c.chefLieu;
  const epci = epciOf.get(parent ?? c.code);
  const postalCodes = c.codesPostaux ?? communes.get(parent ?? '')?.codesPostaux ?? [];
  return {
    commune: c.code,
    communeName: c.nom,
    department: c.departement,
    departmentName: departments.get(c.departement) ?? c.departement,
    region: c.region,
    regionName: regions.get(c.region) ?? c.region,
    ...(epci ? { epci: epci.code, epciName: epci.nom, epciType: epci.type } : {}),
    postalCodes,
  };
}

/**
 * Names of departments, regions and EPCIs by `kind:code`, as `buildReport`'s `names` option wants them.
 *
 * @example
 * territoryNames()['department:35']; // 'Ille-et-Vilaine'
 */
export function territoryNames(): Record<string, string> {
  const { epciOf, departments, regions } = getLookup();
  const names: Record<string, string> = {};
  for (const [code, name] of departments) names[`department:${code}`] = name;
  for (const [code, name] of regions) names[`region:${code}`] = name;
  for (const e of epciOf.values()) names[`epci:${e.code}`] = e.nom;
  return names;
}

/** Population bands of the commune (INSEE's 2,000-inhabitant threshold of urban units, then usual size classes). */
export const COMMUNE_SIZE_BANDS = ['moins_de_2000', 'de_2000_a_9999', 'de_10000_a_49999', 'de_50000_a_199999', '200000_et_plus'] as const;

export type CommuneSizeBand = (typeof COMMUNE_SIZE_BANDS)[number];

function sizeBand(population: number): CommuneSizeBand {
  if (population < 2000) return 'moins_de_2000';
  if (population < 10_000) return 'de_2000_a_9999';
  if (population < 50_000) return 'de_10000_a_49999';
  if (population < 200_000) return 'de_50000_a_199999';
  return '200000_et_plus';
}

/**
 * The population band of every commune by INSEE code, as `buildReport`'s `communeSizes` option wants it (municipal
 * arrondissements and delegated communes take their commune's band). Populations from `@etalab/decoupage-administratif`.
 *
 * @example
 * communeSizes()['35238']; // '200000_et_plus' (Rennes)
 */
export function communeSizes(): Record<string, CommuneSizeBand> {
  const { communes } = getLookup();
  const population = (c: CommuneRecord | undefined): number | undefined => (c as (CommuneRecord & { population?: number }) | undefined)?.population;
  const sizes: Record<string, CommuneSizeBand> = {};
  for (const c of communes.values()) {
    const parent = c.type === 'arrondissement-municipal' ? c.commune : c.type === 'commune-actuelle' ? c.code : c.chefLieu;
    const p = population(communes.get(parent ?? c.code)) ?? population(c);
    if (p !== undefined) sizes[c.code] = sizeBand(p);
  }
  return sizes;
}
