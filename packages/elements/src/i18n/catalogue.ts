/**
 * Message catalogues. Each element keeps its own `messages.ts` beside it, French first;
 * the `Catalogue` type makes the English catalogue list exactly the same keys.
 *
 * @example
 * const messages = { fr: { progress: 'Question {n} sur {total}' }, en: { progress: 'Question {n} of {total}' } } satisfies Catalogue<'progress'>;
 * translate(messages, 'fr', 'progress', { n: 3, total: 13 }); // 'Question 3 sur 13'
 */
import type { Lang } from '@observatoire/core';

export type Catalogue<K extends string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>;

export type MessageParams = Readonly<Record<string, string | number>>;

export function translate<K extends string>(catalogue: Catalogue<K>, lang: Lang, key: K, params?: MessageParams): string {
  const text = catalogue[lang][key] ?? catalogue.fr[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? formatParam(params[name]!, lang) : match));
}

function formatParam(value: string | number, lang: Lang): string {
  return typeof value === 'number' ? new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(value) : value;
}

/** The language to use: `fr` unless `en` is asked for (`en`, `en-GB`…). French is the default. */
export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
