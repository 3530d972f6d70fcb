/**
 * Content rules that the schemas cannot state (translations, option codes, widget
 * configurations, pictures), as a function returning every problem, so each rule can be
 * shown to fail on a broken copy. `npm run content:check` and the content tests both use them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ContentError, type SurveyDefinition } from '@observatoire/core';
import { MODE_KEY } from '@observatoire/core/widget';
import { parseWidgetConfig, widgetSpecs } from '../src/widgets/specs.js';

export const contentDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** The Coop codes (docs/questionnaire.md, "Coop codes"; export-format.md refers to them without listing them). */
export const COOP_THEMATIQUES = [
  'diagnostic_numerique', 'prendre_en_main_du_materiel', 'maintenance_de_materiel', 'gere_ses_contenus_numeriques',
  'navigation_sur_internet', 'email', 'bureautique', 'reseaux_sociaux', 'sante', 'banque_et_achats_en_ligne',
  'entrepreneuriat', 'insertion_professionnelle', 'securite_numerique', 'parentalite', 'scolarite_et_numerique',
  'creer_avec_le_numerique', 'culture_numerique', 'intelligence_artificielle', 'aide_aux_demarches_administratives',
];
export const COOP_GENRE = ['masculin', 'feminin', 'non_communique'];
export const COOP_DEMARCHES = [
  'papiers_elections_citoyennete', 'famille_scolarite', 'social_sante', 'travail_formation', 'logement',
  'transports_mobilite', 'argent_impots', 'justice', 'etrangers_europe', 'loisirs_sports_culture', 'associations',
];

/**
 * Question ids and their option codes as docs/export-format.md lists them (`null`: no options),
 * in the order the document gives them.
 */
export function exportFormatQuestions(): Map<string, string[] | null> {
  const doc = readFileSync(`${repoRoot}docs/export-format.md`, 'utf8');
  const start = doc.indexOf('Question ids used by the Observatoire questionnaire');
  const section = doc.slice(start, doc.indexOf('Mapping `situation`', start));
  const questions = new Map<string, string[] | null>();
  for (const match of section.matchAll(/`([a-z_]+)`\s*\(([^)]*)\)/g)) {
    const codes = [...(match[2] ?? '').matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1] ?? '');
    questions.set(match[1] ?? '', codes.length > 0 ? codes : null);
  }
  // `commune (…)` is written without parentheses in the document.
  if (!questions.has('commune')) {
    const ids = [...questions.keys()];
    ids.splice(ids.indexOf('genre') + 1, 0, 'commune');
    return new Map(ids.map((id) => [id, questions.get(id) ?? null]));
  }
  return questions;
}

/** A text may read the same in both languages only when it is an address, an e-mail or a number. */
function sameInBothLanguagesIsFine(text: string): boolean {
  return /^[\w.-]+(@[\w.-]+)?\.[a-z]{2,}$/.test(text) || /^[\d\s+]+$/.test(text);
}

function walkTexts(value: unknown, path: string, visit: (text: { fr: string; en: string }, path: string) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => walkTexts(v, `${path}[${i}]`, visit));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 2 && typeof record.fr === 'string' && typeof record.en === 'string') visit(record as { fr: string; en: string }, path);
    else for (const key of keys) walkTexts(record[key], path ? `${path}.${key}` : key, visit);
  }
}

/** Every problem of a parsed definition, as `path: message`; pictures are looked up in `dir`'s `pictures/`. */
export function contentProblems(definition: SurveyDefinition, dir: string = contentDir): string[] {
  const problems: string[] = [];
  const add = (path: string, message: string) => problems.push(`${path}: ${message}`);

  walkTexts(definition, '', (text, path) => {
    if (text.fr.trim() === '' || text.en.trim() === '') add(path, 'missing translation');
    else if (text.fr.trim() === text.en.trim() && !sameInBothLanguagesIsFine(text.fr.trim()))
      add(path, `not translated ("${text.fr}" in both languages)`);
  });

  const expected = exportFormatQuestions();
  for (const [q, question] of (definition.questionnaire?.questions ?? []).entries()) {
    const path = `questionnaire.questions[${q}]`;
    if (!expected.has(question.id)) {
      add(`${path}.id`, `unknown question id "${question.id}" (not in docs/export-format.md)`);
      continue;
    }
    if (!('options' in question)) continue;
    const official: Record<string, string[]> = { genre: COOP_GENRE, thematiques: COOP_THEMATIQUES, thematiques_demarches: COOP_DEMARCHES };
    const known = official[question.id] ?? expected.get(question.id);
    question.options.forEach((option, i) => {
      if (!known?.includes(option.code)) add(`${path}.options[${i}].code`, `unknown option code "${option.code}"`);
    });
  }

  definition.challenges.forEach((challenge, c) => {
    const path = `challenges[${c}]`;
    if (!challenge.skill) add(`${path}.skill`, 'missing skill');
    if (!challenge.help?.hint) add(`${path}.help.hint`, 'missing hint');
    const links = challenge.help?.learnMore ?? [];
    if (links.length < 1 || links.length > 2) add(`${path}.help.learnMore`, `needs 1 or 2 links, has ${links.length}`);
    links.forEach((link, i) => {
      if (!link.url.startsWith('https://')) add(`${path}.help.learnMore[${i}].url`, 'must be an https link');
    });
    if (challenge.timer !== undefined && definition.id === 'diagnostic-rapide') add(`${path}.timer`, 'the quick diagnostic is untimed');
    if (challenge.illustration) {
      const src = challenge.illustration.src;
      const file = new URL(src, `file://${dir}surveys/`);
      if (!/^\.\.\/pictures\/[\w-]+\.svg$/.test(src)) add(`${path}.illustration.src`, 'must be "../pictures/<name>.svg"');
      else if (!existsSync(file)) add(`${path}.illustration.src`, `no file ${src}`);
      else if (/\sstyle\s*=/.test(readFileSync(file, 'utf8'))) add(`${path}.illustration.src`, `${src} has a style attribute`);
      for (const lang of ['fr', 'en'] as const) {
        const alt = challenge.illustration.alt[lang].trim();
        if (alt.length < 10 || /\.(svg|png|jpe?g)$/i.test(alt)) add(`${path}.illustration.alt.${lang}`, `"${alt}" does not describe the picture`);
      }
    }
    if (challenge.type === 'interactive') {
      const spec = widgetSpecs[challenge.widget.name];
      if (!spec) {
        add(`${path}.widget.name`, `unknown widget "${challenge.widget.name}"`);
        return;
      }
      let reported;
      try {
        reported = spec.reported(parseWidgetConfig(spec, challenge.widget.config));
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        for (const issue of error.issues) add(`${path}.${issue.path}`, issue.message);
        return;
      }
      for (const [key, accepted] of Object.entries(challenge.solution)) {
        // How the task was done is recorded apart, never scored (docs/content.md, "How the task was done").
        if (key === MODE_KEY) add(`${path}.solution.${key}`, 'success never depends on how the task was done');
        else if (!(key in reported)) add(`${path}.solution.${key}`, `${challenge.widget.name} never reports "${key}"`);
        const values = reported[key];
        if (values) for (const value of accepted) if (!values.includes(value)) add(`${path}.solution.${key}`, `"${value}" can never be reported`);
      }
    }
  });
  return problems;
}
