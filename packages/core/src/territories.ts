/**
 * Where an INSEE commune code lies (docs/collector.md, "Access"): its department (the code's first
 * two characters, three overseas) and the region of that department (the 2016 regions, INSEE codes).
 * A `territory` key's scope over organisations, known only by their commune code.
 */

/** Departments of each region, by the region's INSEE code. */
const REGIONS: Readonly<Record<string, readonly string[]>> = {
  '01': ['971'],
  '02': ['972'],
  '03': ['973'],
  '04': ['974'],
  '06': ['976'],
  '11': ['75', '77', '78', '91', '92', '93', '94', '95'],
  '24': ['18', '28', '36', '37', '41', '45'],
  '27': ['21', '25', '39', '58', '70', '71', '89', '90'],
  '28': ['14', '27', '50', '61', '76'],
  '32': ['02', '59', '60', '62', '80'],
  '44': ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'],
  '52': ['44', '49', '53', '72', '85'],
  '53': ['22', '29', '35', '56'],
  '75': ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87'],
  '76': ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'],
  '84': ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
  '93': ['04', '05', '06', '13', '83', '84'],
  '94': ['2A', '2B'],
};

const REGION_OF = new Map(Object.entries(REGIONS).flatMap(([region, departments]) => departments.map((department) => [department, region] as const)));

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
