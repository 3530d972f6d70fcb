/**
 * The survey definitions the report command knows, so that it picks the report a survey needs (the quick
 * diagnostic's capacities, docs/analysis.md "The quick diagnostic"): the content package's (when installed) and
 * the files given with `--definition`.
 */
import { readFile } from 'node:fs/promises';
import { ContentError, parseSurveyDefinition, type SurveyDefinition } from '@observatoire/core';
import { ReportError } from '@observatoire/core/analysis';

/** An optional peer: read through a specifier the compiler does not follow, so the command builds without it. */
const CONTENT_PACKAGE: string = '@observatoire/content';

/**
 * The content package's definitions (none when it is not installed), then each file of `paths`, parsed by the core
 * (a broken file is a `ReportError` `invalid_option` naming the file and each path of the content error).
 *
 * @example
 * const definitions = await reportDefinitions(['mon-diagnostic.json']);
 */
export async function reportDefinitions(paths: readonly string[] = []): Promise<SurveyDefinition[]> {
  const found: SurveyDefinition[] = [];
  try {
    const module = (await import(CONTENT_PACKAGE)) as { surveyDefinitions?: readonly SurveyDefinition[] };
    found.push(...(module.surveyDefinitions ?? []));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
  for (const path of paths) {
    try {
      found.push(parseSurveyDefinition(await readFile(path, 'utf8')));
    } catch (error) {
      if (error instanceof ContentError) throw new ReportError('invalid_option', `--definition ${path} is not a valid survey definition:\n${error.message}`);
      throw error;
    }
  }
  return found;
}
