/**
 * The shape of the report as its readers see it (report-view.ts builds it): sections of headed paragraphs,
 * lists and tables, plain strings that each renderer escapes for its format.
 */
import type { ReportLang } from './labels.js';
import type { DomainResult } from './report-types.js';

/** A chart of a distribution, drawn by the renderers that draw (the table beside it has the same figures). */
export interface ReportChart {
  title: string;
  /** Every figure of the chart in one sentence, for people who cannot see it. */
  summary: string;
  bars: { label: string; share: number; low: number; high: number; text: string }[];
}

/** A table: a caption, column headings, and rows whose first cell names the row. */
export interface ReportTable {
  kind: 'table';
  /** Unique in the report: renderers may use it as an element id. */
  id: string;
  caption: string;
  head: string[];
  rows: string[][];
  chart?: ReportChart;
}

/** A paragraph; `warning` asks for attention, `skipped` says a figure is withheld, `source` cites where margins come from. */
export interface ReportParagraph {
  kind: 'paragraph';
  text: string;
  tone?: 'warning' | 'skipped' | 'source';
}

/** A list of short items; `skipped` when each says a figure is withheld (the domains not estimated). */
export interface ReportList {
  kind: 'list';
  items: string[];
  tone?: 'skipped';
}

/**
 * Figures that are there for whoever wants all of them, under a summary: the command prints them open,
 * `<obs-report>` folds them (a long page of tables is hard to read on a screen).
 */
export interface ReportDetails {
  kind: 'details';
  /** Unique in the report, like a table's. */
  id: string;
  summary: string;
  blocks: (ReportTable | ReportParagraph)[];
}

export type ReportBlock = ReportTable | ReportParagraph | ReportList | ReportDetails;

/** A headed part of the report; subsections sit one heading level below. */
export interface ReportSection {
  id: string;
  heading: string;
  blocks: ReportBlock[];
  subsections: ReportSection[];
}

/** The whole report, ready to render. */
export interface ReportView {
  lang: ReportLang;
  title: string;
  /** "Rapport produit le 2 décembre 2026.", when the report has a valid date. */
  generatedAt?: string;
  /** How to read the figures, before the first section. */
  intro: string[];
  sections: ReportSection[];
}

export interface ReportViewOptions {
  /**
   * The territory or organisation shown in detail: the report's `focus` when not given (the command), the
   * one picked in the selector in `<obs-report>`; `null` for none.
   */
  domain?: DomainResult | null;
}
