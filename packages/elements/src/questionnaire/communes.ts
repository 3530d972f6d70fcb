/**
 * The official commune list, fetched lazily by postal-code prefix from the shards written by
 * `scripts/build-steps/10-communes.mjs` (`<base>/35.json` holds every postal code 35xxx).
 * Only the shard a typed postal code needs is downloaded, once per page.
 */
import type { CommuneAnswer } from '@observatoire/core';

/** `[name, INSEE code, department, region, EPCI SIREN?]`, as in the shards. */
export type CommuneRow = readonly [string, string, string, string, string?];
type Shard = Readonly<Record<string, readonly CommuneRow[]>>;

/**
 * Where this module was loaded from: the script-tag bundle (`dist/observatoire.js`) finds the
 * shards beside it in `dist/communes/`. Read at load time: `currentScript` is only set then.
 */
const scriptUrl = (typeof document !== 'undefined' && (document.currentScript as HTMLScriptElement | null)?.src) || import.meta.url;

/** Default base URL of the shards: `communes/` next to the defining script. */
export const defaultCommunesUrl = new URL('communes/', scriptUrl).href;

const shards = new Map<string, Promise<Shard>>();

/**
 * The communes of a 5-digit postal code (empty when none). Rejects when the shard cannot be
 * loaded; a later call tries again.
 *
 * @example
 * await communesOf('35000', 'https://example.org/observatoire/communes/'); // [['Rennes', '35238', '35', '53', '243500139']]
 */
export async function communesOf(postalCode: string, baseUrl: string): Promise<readonly CommuneRow[]> {
  const url = new URL(`${postalCode.slice(0, 2)}.json`, new URL(baseUrl, document.baseURI)).href;
  let shard = shards.get(url);
  if (!shard) {
    shard = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json() as Promise<Shard>;
    });
    shards.set(url, shard);
    shard.catch(() => shards.delete(url));
  }
  return (await shard)[postalCode] ?? [];
}

/**
 * The answer recorded for a commune chosen under a postal code.
 *
 * @example
 * communeAnswer('35000', ['Rennes', '35238', '35', '53', '243500139']).code; // '35238'
 */
export function communeAnswer(postalCode: string, [name, code, department, region, epci]: CommuneRow): CommuneAnswer {
  return epci ? { postalCode, code, name, department, region, epci } : { postalCode, code, name, department, region };
}
