/** The format-neutral shape of the rendered report (sections of paragraphs and tables) and the texts bound to a language. */
import type { ReportLang } from '@observatoire/core/analysis';
import { fmt, reportText, type RenderMessageKey } from './render-messages.js';

export interface Table {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface Section {
  heading: string;
  paragraphs: string[];
  tables: Table[];
}

/** The texts of `lang` as one function: `t('course', { n: 2 })`. */
export type Texts = (key: RenderMessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** `reportText` bound to `lang`. */
export const textsFor =
  (lang: ReportLang): Texts =>
  (key, params) =>
    reportText(lang, key, params);

/** The sample sizes line under a table: respondents, effective size, design effect. */
export const neffText = (t: Texts, n: number, neff: number, deff: number): string => t('neff', { n, neff: fmt(neff, 1), deff: fmt(deff, 2) });
