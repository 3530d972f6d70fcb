/**
 * Cells: the distinct combinations of categories on the raking margins (docs/analysis.md, "Performance").
 * Respondents of one cell always get the same weight and the same row of the margins' model matrix, so the
 * raking loop and the calibration design work on cells with their respondent counts, in typed arrays only.
 *
 * The margins are also split in two blocks (the first half, the rest): a cell is a pair (block-A cell,
 * block-B cell). Raking from weights 1 multiplies each weight by one factor per margin, so a weight is a
 * block-A factor × a block-B factor, and a margin of block A only needs, per block-A cell, the sum of the
 * block-B factors of its respondents (one pass over the cells per block and sweep, see `rake-blocks.ts`).
 */
import type { RakingProblem } from './margins.js';
import { rowView, type ExportColumn, type ExportTable, type Row } from './table.js';

export type CategoryCodes = Uint8Array | Uint16Array | Int32Array;

/** One block of margins: its distinct combinations and each one's category on each of its margins. */
export interface CellBlock {
  /** First margin of the block; it holds margins `first` … `first + categories.length − 1`. */
  first: number;
  /** Number of distinct combinations of the block's margins. */
  size: number;
  /** Per margin of the block, each combination's category numbered across all margins (see `Cells.offsets`). */
  categories: CategoryCodes[];
}

/** The cell layout of a raking problem, built once. */
export interface Cells {
  /** Number of cells. */
  size: number;
  /** Respondents per cell. */
  count: Float64Array;
  /**
   * Per margin j, each cell's category numbered across all margins (`offsets[j]` + its index within margin j),
   * so that one totals array serves every margin; one byte per cell up to 256 categories in all.
   */
  categories: CategoryCodes[];
  /** First global category of each margin, and the total number of categories last. */
  offsets: Int32Array;
  /** Cell of each respondent. */
  cellOf: Int32Array;
  /** The two blocks of margins, and each cell's combination in each. */
  blocks: { a: CellBlock; b: CellBlock; cellA: Int32Array; cellB: Int32Array };
}

function codeArray(length: number, categories: number): CategoryCodes {
  if (categories <= 256) return new Uint8Array(length);
  if (categories <= 65_536) return new Uint16Array(length);
  return new Int32Array(length);
}

/** Direct lookup tables up to this many slots, an open-addressing hash table beyond. */
const TABLE_LIMIT = 1 << 22;

/** A column of small codes below `size`. */
export interface CodeColumn {
  codes: ArrayLike<number>;
  size: number;
}

/**
 * Gives each respondent a dense id of its combination of `columns`, column after column: the id after column j
 * is the dense index of the pair (id after column j − 1, code in column j). Ids are numbered in order of first
 * appearance, so sums over cells are always taken in the same order. Each step is one pass over the
 * respondents with a lookup in a typed table (direct, or hashed when the pairs are too many): no Map, no string.
 *
 * @example
 * combinationsOf(3, [{ codes: [0, 1, 0], size: 2 }, { codes: [2, 2, 2], size: 3 }]); // { cellOf: [0, 1, 0], size: 2 }
 */
export function combinationsOf(n: number, columns: readonly CodeColumn[]): { cellOf: Int32Array; size: number } {
  // Two arrays of ids, written in turn (the ids after column j are read while those after column j + 1 are
  // written), and one lookup table, grown when needed: no new memory per column.
  let cellOf = new Int32Array(n);
  let spare = columns.length > 1 ? new Int32Array(n) : undefined;
  let lookup = new Int32Array(0);
  let distinct = n > 0 ? 1 : 0;
  for (const { codes, size } of columns) {
    const next = spare ?? new Int32Array(n);
    const pairs = distinct * size;
    let found = 0;
    if (pairs <= TABLE_LIMIT) {
      if (lookup.length < pairs) lookup = new Int32Array(Math.max(pairs, 2 * lookup.length));
      const table = lookup;
      table.fill(-1, 0, pairs);
      for (let i = 0; i < n; i++) {
        const key = (cellOf[i] as number) * size + (codes[i] as number);
        let c = table[key] as number;
        if (c < 0) table[key] = c = found++;
        next[i] = c;
      }
    } else {
      // Open addressing, linear probing; keys are below n × size, exact in a double.
      let capacity = 1;
      while (capacity < 2 * Math.min(pairs, n)) capacity <<= 1;
      const mask = capacity - 1;
      const keys = new Float64Array(capacity).fill(-1);
      const values = new Int32Array(capacity);
      for (let i = 0; i < n; i++) {
        const key = (cellOf[i] as number) * size + (codes[i] as number);
        let slot = Math.imul((key % 4294967296) | 0, 0x9e3779b1) & mask;
        for (;;) {
          const k = keys[slot] as number;
          if (k === key) {
            next[i] = values[slot] as number;
            break;
          }
          if (k === -1) {
            keys[slot] = key;
            values[slot] = found;
            next[i] = found++;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
    }
    spare = cellOf;
    cellOf = next;
    distinct = found;
  }
  return { cellOf, size: distinct };
}

/** The first respondent of each combination (every respondent of a combination has its categories). */
function firstOf(cellOf: Int32Array, size: number): Int32Array {
  const first = new Int32Array(size).fill(-1);
  for (let i = 0; i < cellOf.length; i++) if ((first[cellOf[i] as number] as number) < 0) first[cellOf[i] as number] = i;
  return first;
}

/** Each combination's global category on margin `j` (`offset` + the code of its first respondent). */
function categoriesOf(codes: ArrayLike<number>, offset: number, first: Int32Array, totalCategories: number): CategoryCodes {
  const out = codeArray(first.length, totalCategories);
  for (let x = 0; x < first.length; x++) out[x] = offset + (codes[first[x] as number] as number);
  return out;
}

/**
 * The cells of a raking problem, numbered in order of first appearance, with their counts, their categories
 * per margin and the two blocks of margins.
 *
 * @example
 * const cells = cellsOf(prepareRaking(rows, margins));
 * cells.size; // distinct combinations
 */
export function cellsOf(problem: RakingProblem): Cells {
  const { n, margins } = problem;
  const M = margins.length;
  const offsets = new Int32Array(M + 1);
  margins.forEach((m, j) => (offsets[j + 1] = (offsets[j] as number) + m.categories.length));
  const totalCategories = offsets[M] as number;
  const split = Math.ceil(M / 2);
  const block = (first: number, end: number): CellBlock & { cellOf: Int32Array } => {
    const inBlock = margins.slice(first, end);
    const { cellOf, size } = combinationsOf(n, inBlock.map((m) => ({ codes: m.codes, size: m.categories.length })));
    const firsts = firstOf(cellOf, size);
    const categories = inBlock.map((m, k) => categoriesOf(m.codes, offsets[first + k] as number, firsts, totalCategories));
    return { first, size, categories, cellOf };
  };
  const a = block(0, split);
  const b = block(split, M);
  // A cell is a pair of block combinations; numbered in order of first appearance, as the full combination.
  const full = combinationsOf(n, [
    { codes: a.cellOf, size: a.size },
    { codes: b.cellOf, size: b.size },
  ]);
  const size = full.size;
  const count = new Float64Array(size);
  const cellA = new Int32Array(size);
  const cellB = new Int32Array(size);
  for (let i = 0; i < n; i++) {
    const c = full.cellOf[i] as number;
    count[c] = (count[c] as number) + 1;
    cellA[c] = a.cellOf[i] as number;
    cellB[c] = b.cellOf[i] as number;
  }
  const categories = margins.map((_, j) => {
    const [of, cell] = j < split ? [a.categories[j] as CategoryCodes, cellA] : [b.categories[j - split] as CategoryCodes, cellB];
    const out = codeArray(size, totalCategories);
    for (let c = 0; c < size; c++) out[c] = of[cell[c] as number] as number;
    return out;
  });
  return {
    size,
    count,
    categories,
    offsets,
    cellOf: full.cellOf,
    blocks: { a: { first: 0, size: a.size, categories: a.categories }, b: { first: split, size: b.size, categories: b.categories }, cellA, cellB },
  };
}

/**
 * A rule written on rows, evaluated once per distinct combination of the columns it reads (docs/analysis.md,
 * "Performance"): `results[of[i]]` is its value for respondent i. The rule sees a row holding only `names` (any
 * other column reads as missing), so a rule that reads more than it declares gives visibly wrong results, never
 * results right by chance. A column missing from the table reads as missing too.
 *
 * @example
 * const { of, results } = perCombination(table, ['course1_status', 'course1_success_rate'], (row) => courseFromRow(row, 1));
 */
export function perCombination<T>(table: ExportTable, names: readonly string[], rule: (row: Row) => T): { of: Int32Array; results: T[] } {
  const n = table.length;
  const columns = new Map<string, ExportColumn>();
  for (const name of names) {
    const column = table.columns.get(name);
    if (column) columns.set(name, column);
  }
  const { cellOf, size } = combinationsOf(n, [...columns.values()].map((c) => ({ codes: c.codes, size: c.dictionary.length })));
  const view = rowView({ length: n, columns });
  return { of: cellOf, results: Array.from(firstOf(cellOf, size), (i) => rule(view.at(i))) };
}
