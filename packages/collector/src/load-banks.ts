/** Adaptive item banks for the Node server: the content package's, plus JSON files a deployer lists. */
import { readdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError } from '@observatoire/core';
import { parseAdaptiveBank, type AdaptiveBank } from '@observatoire/core/adaptive';

/**
 * Every bank of `@observatoire/content/adaptive/` (when installed), then each JSON file of `paths`
 * (`ADAPTIVE_BANKS`). A broken file stops the server with the content error and its path.
 *
 * @example
 * const banks = await loadBanks(process.env.ADAPTIVE_BANKS?.split(',') ?? []);
 */
export async function loadBanks(paths: readonly string[]): Promise<AdaptiveBank[]> {
  const files = [...(await contentBankFiles()), ...paths.map((p) => p.trim()).filter(Boolean)];
  const byKey = new Map<string, AdaptiveBank>();
  for (const path of files) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new Error(`ADAPTIVE_BANKS: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    try {
      const bank = parseAdaptiveBank(JSON.parse(text));
      // A later file with the same id and version replaces the earlier bank.
      byKey.set(JSON.stringify([bank.id, bank.version]), bank);
    } catch (error) {
      if (error instanceof ContentError || error instanceof SyntaxError) throw new Error(`ADAPTIVE_BANKS: ${path} is not a valid adaptive bank:\n${error.message}`);
      throw error;
    }
  }
  return [...byKey.values()];
}

async function contentBankFiles(): Promise<string[]> {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.resolve('@observatoire/content/adaptive/bank-2026.json')));
  } catch {
    // An optional peer dependency, as for the survey definitions.
    return [];
  }
  const names = await readdir(dir).catch(() => []);
  return names.filter((name) => name.endsWith('.json')).sort().map((name) => `${dir}/${name}`);
}
