/**
 * The one i18n mechanism of Observatoire: message catalogues, French first, used by the
 * elements, the widgets and the report's labels. Each part keeps its own catalogue beside its
 * code; the `Catalogue` type makes the English catalogue list exactly the same keys.
 *
 * @example
 * const messages = { fr: { progress: 'Question {n} sur {total}' }, en: { progress: 'Question {n} of {total}' } } satisfies Catalogue<'progress'>;
 * translate(messages, 'fr', 'progress', { n: 3, total: 13 }); // 'Question 3 sur 13'
 */
import type { Lang } from './content/types.js';

export type Catalogue<K extends string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>;

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The text of `key` in `lang` (French when missing), with `{name}` placeholders filled in;
 * numbers are formatted for the language.
 *
 * @example
 * translate({ fr: { n: '{n} séances' }, en: { n: '{n} sessions' } }, 'fr', 'n', { n: 1200 }); // '1 200 séances'
 */
export function translate<K extends string>(catalogue: Catalogue<K>, lang: Lang, key: K, params?: MessageParams): string {
  const text = catalogue[lang][key] ?? catalogue.fr[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? formatParam(params[name]!, lang) : match));
}

/** One number formatter per language, made when first needed. */
const formatters = new Map<Lang, Intl.NumberFormat>();

function formatParam(value: string | number, lang: Lang): string {
  if (typeof value !== 'number') return value;
  // Whole numbers from -999 to 999 read the same in both languages: written without Intl, whose
  // first formatter loads the locale's data, a few hundred milliseconds on a slow tablet before
  // "Question 1 sur 13" can show (docs/loading.md, "Where the time went").
  if (Number.isInteger(value) && Math.abs(value) < 1000 && !Object.is(value, -0)) return String(value);
  let format = formatters.get(lang);
  if (!format) formatters.set(lang, (format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB')));
  return format.format(value);
}

/**
 * The language to use: `fr` unless `en` is asked for (`en`, `en-GB`…). French is the default.
 *
 * @example
 * toLang('en-GB'); // 'en'
 * toLang(null); // 'fr'
 */
export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
