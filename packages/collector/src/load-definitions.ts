/** Survey definitions for the Node server: the content package's, plus JSON files a deployer lists. */
import { readFile } from 'node:fs/promises';
import { ContentError, parseSurveyDefinition, type SurveyDefinition } from '@observatoire/core';

/**
 * Every definition exported by `@observatoire/content` (when installed), then each JSON file of
 * `paths`. A broken file stops the server with the content error and its path: a collector that
 * cannot check answers must not start.
 *
 * @example
 * const definitions = await loadDefinitions(process.env.SURVEY_DEFINITIONS?.split(',') ?? []);
 */
export async function loadDefinitions(paths: readonly string[], options: { content?: boolean } = {}): Promise<SurveyDefinition[]> {
  const found: SurveyDefinition[] = options.content === false ? [] : await contentDefinitions();
  for (const path of paths.map((p) => p.trim()).filter(Boolean)) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new Error(`SURVEY_DEFINITIONS: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    try {
      found.push(parseSurveyDefinition(text));
    } catch (error) {
      if (error instanceof ContentError) throw new Error(`SURVEY_DEFINITIONS: ${path} is not a valid survey definition:\n${error.message}`);
      throw error;
    }
  }
  // A later file with the same id and version replaces the earlier definition.
  const byKey = new Map(found.map((definition) => [`${definition.id}\u0000${definition.version}`, definition]));
  return [...byKey.values()];
}

async function contentDefinitions(): Promise<SurveyDefinition[]> {
  // An optional peer dependency: deployers may run the collector with their own definitions only.
  try {
    return [...((await import('@observatoire/content')).surveyDefinitions ?? [])];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return [];
    throw error;
  }
}
