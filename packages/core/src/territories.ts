/**
 * Where an INSEE commune code lies (docs/collector.md, "Access"): its department (the code's first
 * two characters, three overseas) and the region of that department (the 2016 regions, INSEE codes).
 * A `territory` key's scope over organisations, known only by their commune code. The table is
 * generated from the official data (scripts/department-regions.mjs).
 */
import { DEPARTMENTS_OF_REGION } from './department-regions.js';

const REGION_OF = new Map(Object.entries(DEPARTMENTS_OF_REGION).flatMap(([region, departments]) => departments.map((department) => [department, region] as const)));

/**
 * The department and region of an INSEE commune code; `undefined` for a code of no known department.
 *
 * @example
 * communePlace('35360'); // { department: '35', region: '53' }
 * communePlace('97411'); // { department: '974', region: '04' }
 */
export function communePlace(commune: string): { department: string; region: string } | undefined {
  const department = commune.startsWith('97') ? commune.slice(0, 3) : commune.slice(0, 2);
  const region = REGION_OF.get(department);
  return region ? { department, region } : undefined;
}

/**
 * Whether a commune lies in a department or region (`{ kind, code }` as `parseTerritory` reads `dep:35`).
 *
 * @example
 * communeInTerritory('35360', { kind: 'region', code: '53' }); // true
 */
export function communeInTerritory(commune: string, territory: { kind: string; code: string }): boolean {
  const place = communePlace(commune);
  if (!place) return false;
  if (territory.kind === 'department') return place.department === territory.code;
  if (territory.kind === 'region') return place.region === territory.code;
  return false;
}
