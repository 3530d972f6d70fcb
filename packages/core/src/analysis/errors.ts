import { ObservatoireError } from '../errors.js';

export type WeightingErrorCode =
  | 'empty_category'
  | 'unknown_category'
  | 'margins_not_normalised'
  | 'invalid_margin'
  | 'no_respondents';

/**
 * Weighting cannot be done as asked: a margin category nobody is in, a value no margin knows,
 * shares that do not sum to 1… `variable` and `category` name the culprit.
 *
 * @example
 * try { rake(rows, margins) } catch (e) {
 *   if (e instanceof WeightingError && e.code === 'empty_category') console.error(e.variable, e.category);
 * }
 */
export class WeightingError extends ObservatoireError {
  declare readonly code: WeightingErrorCode;
  readonly variable: string | undefined;
  readonly category: string | undefined;
  constructor(code: WeightingErrorCode, message: string, variable?: string, category?: string) {
    super(code, message);
    this.variable = variable;
    this.category = category;
  }
}

/**
 * Text that is not valid CSV (RFC 4180): an unclosed quote, a row with a different number of cells.
 *
 * @example
 * try { parseCsv(text) } catch (e) { if (e instanceof CsvError) console.error(`line ${e.line}: ${e.message}`) }
 */
export class CsvError extends ObservatoireError {
  declare readonly code: 'invalid_csv';
  /** 1-based line where the problem was found. */
  readonly line: number;
  constructor(line: number, message: string) {
    super('invalid_csv', `line ${line}: ${message}`);
    this.line = line;
  }
}

export type ReportErrorCode = 'invalid_option' | 'missing_column' | 'invalid_margins_file' | 'no_valid_respondents' | 'mixed_surveys';

/**
 * Input to the report that cannot be used: a bad `--territory`, a missing export column, a margins file
 * that does not follow the format.
 *
 * @example
 * try { parseTerritory('dep:') } catch (e) { if (e instanceof ReportError) console.error(e.message) }
 */
export class ReportError extends ObservatoireError {
  declare readonly code: ReportErrorCode;
  constructor(code: ReportErrorCode, message: string) {
    super(code, message);
  }
}
