/**
 * Labels people read for the report's codes (`variable:code`), in French (default) and English: one
 * `Catalogue` (label-catalogue.ts), read through `translate` like every other text (docs/analysis.md, "Labels and texts").
 */
import type { Lang } from '../content/types.js';
import { translate } from '../i18n.js';
import { analysisLabels, isLabelKey } from './label-catalogue.js';

/** The report's languages: the project's own. */
export type ReportLang = Lang;

/** The label of `key` in `lang`, or `fallback` when the catalogue has none. */
function labelOr(key: string, fallback: string, lang: ReportLang): string {
  return isLabelKey(key) ? translate(analysisLabels, lang, key) : fallback;
}

/**
 * The label of `variable:code`, or the code itself when none is known.
 *
 * @example
 * analysisLabel('profile', 'beginner_seniors'); // 'Séniors débutants'
 */
export function analysisLabel(variable: string, code: string, lang: ReportLang = 'fr'): string {
  return labelOr(`${variable}:${code}`, code, lang);
}

/**
 * The name of a territory or organisation: its kind, its code and its name when known.
 *
 * @example
 * domainLabel({ kind: 'department', code: '35', name: 'Ille-et-Vilaine' }); // 'Département 35 – Ille-et-Vilaine'
 */
export function domainLabel(domain: { kind: string; code: string; name?: string | undefined }, lang: ReportLang = 'fr'): string {
  return `${analysisLabel('domain', domain.kind, lang)} ${domain.code}${domain.name ? ` – ${domain.name}` : ''}`;
}

/** Export column of a margin → the variable whose category labels it uses. */
const MARGIN_VARIABLES: Readonly<Record<string, string>> = {
  age_band: 'age_band',
  q_genre: 'gender',
  q_diplome: 'diploma',
  q_situation: 'activity',
  q_aisance: 'ease',
  q_connexion_domicile: 'home_connection',
  statut_social: 'statut_social',
};

/** Lower and upper (excluded) bounds of the age bands (docs/questionnaire.md, "Derived categories"). */
const AGE_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  moins_de_douze: [0, 12],
  douze_dix_huit: [12, 18],
  dix_huit_vingt_quatre: [18, 25],
  vingt_cinq_trente_neuf: [25, 40],
  quarante_cinquante_neuf: [40, 60],
  soixante_soixante_neuf: [60, 70],
  soixante_dix_plus: [70, Infinity],
};

/** The label of age bands merged together: "60 ans et plus", "moins de 60 ans", "25 à 59 ans". */
function ageRangeLabel(bands: readonly string[], lang: ReportLang): string | undefined {
  const bounds = bands.map((b) => AGE_BOUNDS[b]);
  if (bounds.some((x) => x === undefined)) return undefined;
  const low = Math.min(...bounds.map((b) => b![0]));
  const high = Math.max(...bounds.map((b) => b![1]));
  // Ages are written as they are (no digit grouping).
  if (high === Infinity) return translate(analysisLabels, lang, 'age_range:and_over', { low: String(low) });
  if (low === 0) return translate(analysisLabels, lang, 'age_range:under', { high: String(high) });
  return translate(analysisLabels, lang, 'age_range:between', { low: String(low), last: String(high - 1) });
}

/**
 * The label of a weighting margin's category: the category's own label, the age range of merged age bands
 * ("60 ans et plus" for 70+ with 60-69 collapsed into it), a theme's covered / not covered, or "not answered".
 *
 * @example
 * marginCategoryLabel('age_band', 'soixante_dix_plus', ['soixante_soixante_neuf']); // '60 ans et plus'
 */
export function marginCategoryLabel(variable: string, category: string, merged: readonly string[] = [], lang: ReportLang = 'fr'): string {
  const own = labelOr(`margin_category:${category}`, '', lang);
  if (own !== '') return own;
  if (variable === 'age_band') {
    const range = ageRangeLabel([category, ...merged], lang);
    if (range !== undefined) return range;
  }
  const target = MARGIN_VARIABLES[variable];
  const label = (code: string): string => (target === undefined ? code : analysisLabel(target, code, lang));
  return [category, ...merged].map(label).join(' + ');
}

/**
 * The label of a weighting margin (`q_genre`, or `q_thematiques:email` for one theme).
 *
 * @example
 * marginLabel('q_thematiques:email', 'en'); // 'Themes: Use e-mail'
 */
export function marginLabel(name: string, lang: ReportLang = 'fr'): string {
  const [variable, theme] = name.split(':') as [string, string | undefined];
  const margin = analysisLabel('margin', variable, lang);
  return theme === undefined ? margin : translate(analysisLabels, lang, 'margin_theme', { margin, theme: analysisLabel('theme', theme, lang) });
}
