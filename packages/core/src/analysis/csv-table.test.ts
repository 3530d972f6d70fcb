import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCsv, toRows } from './csv.js';
import { createCsvTableReader, parseCsvTable, readCsvTable, type CsvTableOptions } from './csv-table.js';
import { CsvError } from './errors.js';
import { parseInstant } from './instants.js';
import { rowsOfTable, tableFromRows, type ExportTable } from './table.js';

function readInTwo(text: string, cut: number, options: CsvTableOptions = {}): ExportTable {
  const reader = createCsvTableReader(options);
  reader.push(text.slice(0, cut));
  reader.push(text.slice(cut));
  return reader.end();
}

describe('the columnar reader reads what the record reader reads', () => {
  // [why, CSV text, expected rows]
  const cases: [string, string, Record<string, string>[]][] = [
    ['plain LF', 'a,b\n1,2\n', [{ a: '1', b: '2' }]],
    ['CRLF', 'a,b\r\n1,2\r\n', [{ a: '1', b: '2' }]],
    ['a lone CR ends a line too', 'a,b\r1,2\r', [{ a: '1', b: '2' }]],
    ['no final line break', 'a,b\r\n1,2', [{ a: '1', b: '2' }]],
    ['empty cells are the empty value', 'a,b,c\r\n,,\r\n,x,\r\n', [{ a: '', b: '', c: '' }, { a: '', b: 'x', c: '' }]],
    ['quoted comma and doubled quote', 'a\r\n"x, ""y"""\r\n', [{ a: 'x, "y"' }]],
    ['line break inside quotes', 'a,b\r\n"l1\r\nl2",z\r\n', [{ a: 'l1\r\nl2', b: 'z' }]],
    ['an empty quoted cell', 'a,b\n"",1\n', [{ a: '', b: '1' }]],
    ['byte order mark', '\ufeffa,b\n1,2\n', [{ a: '1', b: '2' }]],
    ['formula guard removed', "a,b,c\n'=SUM(A1),'-3,'+x\n", [{ a: '=SUM(A1)', b: '-3', c: '+x' }]],
    ['guard on @ and in quotes', 'a,b\n\'@x,"\'=1,2"\n', [{ a: '@x', b: '=1,2' }]],
    ['an apostrophe not before a formula character is kept', "a\n'abc\n", [{ a: "'abc" }]],
    ['blank lines are skipped', 'a\n\n1\r\n\r\n2\n', [{ a: '1' }, { a: '2' }]],
    ['multi-answer cell', 'q\nemail|sante\n', [{ q: 'email|sante' }]],
    ['an unknown code is kept as it is written (the rules read it as missing)', 'course1_status\nended\nfinished?\n', [{ course1_status: 'ended' }, { course1_status: 'finished?' }]],
    ['header only', 'a,b\r\n', []],
    ['nothing', '', []],
  ];
  for (const [why, text, expected] of cases) {
    test(why, () => {
      assert.deepEqual(rowsOfTable(parseCsvTable(text)), expected);
      assert.deepEqual(rowsOfTable(parseCsvTable(text)), toRows(parseCsv(text)), 'same as parseCsv + toRows');
    });
    test(`${why}: chunks split anywhere give the same table`, () => {
      for (let cut = 0; cut <= text.length; cut++) {
        assert.deepEqual(rowsOfTable(readInTwo(text, cut)), expected, `cut at ${cut}`);
        // Any column read as instants gives back its text as written (none of these is a date-time).
        assert.deepEqual(rowsOfTable(readInTwo(text, cut, { instants: ['a'] })), expected, `cut at ${cut}, "a" read as instants`);
      }
      for (let size = 1; size <= 5; size++) {
        const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, k) => text.slice(k * size, (k + 1) * size));
        assert.deepEqual(rowsOfTable(parseCsvTable(chunks)), expected, `chunks of ${size}`);
      }
    });
  }

  test('categorical columns are dictionary-encoded: one code per row, each value once', () => {
    const table = parseCsvTable('g,n\nfeminin,1\nmasculin,2\nfeminin,3\n');
    const g = table.columns.get('g');
    assert.deepEqual(g?.dictionary, ['feminin', 'masculin']);
    assert.ok(g?.codes instanceof Uint8Array);
    assert.deepEqual([...(g?.codes ?? [])], [0, 1, 0]);
  });

  test('codes widen to 16 then 32 bits as the dictionary grows', () => {
    const lines = ['id'];
    for (let i = 0; i < 70_000; i++) lines.push(`s${i}`);
    const id = parseCsvTable(lines.join('\n')).columns.get('id');
    assert.ok(id?.codes instanceof Uint32Array);
    assert.equal(id?.dictionary[id.codes[69_999] as number], 's69999');
    const small = parseCsvTable(lines.slice(0, 1001).join('\n')).columns.get('id');
    assert.ok(small?.codes instanceof Uint16Array);
  });

  test('an async iterable of chunks (a decoded file stream)', async () => {
    async function* chunks(): AsyncGenerator<string> {
      yield 'a,b\r';
      yield '\n1,"x';
      yield '"",y"\r\n';
    }
    assert.deepEqual(rowsOfTable(await readCsvTable(chunks())), [{ a: '1', b: 'x",y' }]);
  });

  test('a skipped column is left out of the table, its cells still read as CSV', () => {
    const read = (text: string): ExportTable => {
      const reader = createCsvTableReader({ skip: ['id'] });
      reader.push(text);
      return reader.end();
    };
    assert.deepEqual(rowsOfTable(read('id,a\ns1,x\n"s,2",y\n')), [{ a: 'x' }, { a: 'y' }]);
    assert.throws(() => read('id,a\ns"1,x\n'), (e: unknown) => e instanceof CsvError && /quote inside an unquoted cell/.test(e.message));
    assert.throws(() => read('id,a\ns1\n'), (e: unknown) => e instanceof CsvError && /has 1 cells/.test(e.message));
  });

  test('a column read as instants: numbers, and the text as written given back exactly', () => {
    const values = ['2026-10-12T09:00:00.000Z', '', '2026-10-12T11:00:00+02:00', '2026-10-12', 'hier', '2026-02-30T09:00:00.000Z', '0999-01-01T00:00:00.000Z'];
    const text = `id,started_at\r\n${values.map((v, k) => `s${k},${k === 4 ? '"hier"' : v}`).join('\r\n')}\r\n`;
    const expected = values.map((v, k) => ({ id: `s${k}`, started_at: v }));
    for (let cut = 0; cut <= text.length; cut++) {
      const table = readInTwo(text, cut, { instants: ['started_at'] });
      assert.equal(table.columns.has('started_at'), false, 'kept apart from the text columns');
      assert.deepEqual(rowsOfTable(table), expected, `cut at ${cut}`);
      const times = table.instants?.get('started_at')?.times;
      assert.deepEqual([...(times ?? [])], values.map(parseInstant), `cut at ${cut}`);
      // Only the values not written as the export writes them are kept as text.
      assert.deepEqual(table.instants?.get('started_at')?.written.dictionary, ['', '2026-10-12T11:00:00+02:00', '2026-10-12', 'hier', '2026-02-30T09:00:00.000Z']);
    }
  });

  test('UTF-8 bytes cut anywhere (inside a character too), or text cut inside a surrogate pair, give the same table', () => {
    const text = '\ufeffq_commune,nom\r\nSaint-Étienne,"Léa, ""😀"""\r\n€,Françoise\r\n';
    const expected = [{ q_commune: 'Saint-Étienne', nom: 'Léa, "😀"' }, { q_commune: '€', nom: 'Françoise' }];
    const bytes = new TextEncoder().encode(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      assert.deepEqual(rowsOfTable(parseCsvTable([bytes.subarray(0, cut), bytes.subarray(cut)])), expected, `bytes cut at ${cut}`);
      assert.deepEqual(rowsOfTable(parseCsvTable([Buffer.from(bytes.subarray(0, cut)), Buffer.from(bytes.subarray(cut))])), expected, `Node Buffers cut at ${cut}`);
    }
    assert.deepEqual(rowsOfTable(parseCsvTable([...bytes].map((b) => Uint8Array.of(b)))), expected, 'one byte at a time (the byte order mark too)');
    for (let cut = 0; cut <= text.length; cut++) assert.deepEqual(rowsOfTable(parseCsvTable([text.slice(0, cut), text.slice(cut)])), expected, `text cut at ${cut}`);
  });

  test('bytes that are not UTF-8 give a CsvError with their line, wherever they are and however they are cut', () => {
    const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
    // [why, bytes, line]
    const cases: [string, Uint8Array, number][] = [
      ['a Latin-1 é in a cell', latin1('a,b\n1,2\nL\xe9a,3\n'), 3],
      ['in a quoted cell', latin1('a,b\n"L\xe9a",3\n'), 2],
      ['in the header', latin1('a,\xe9\n1,2\n'), 1],
      ['in a guarded cell', latin1("a\n'=\xe9\n"), 2],
      ['a sequence cut by the end of the file', Uint8Array.of(0x61, 0x0a, 0xc3), 2],
    ];
    for (const [why, bytes, line] of cases) {
      for (let cut = 0; cut <= bytes.length; cut++) {
        assert.throws(
          () => parseCsvTable([bytes.subarray(0, cut), bytes.subarray(cut)]),
          (e: unknown) => e instanceof CsvError && e.line === line && /not valid UTF-8/.test(e.message),
          `${why}, cut at ${cut}`,
        );
      }
    }
    // A value already seen is found from its bytes, not decoded again.
    assert.deepEqual(rowsOfTable(parseCsvTable(new TextEncoder().encode('a\nLéa\nLéa\n'))), [{ a: 'Léa' }, { a: 'Léa' }]);
  });

  test('rows already in memory give the same table', () => {
    const rows = [{ a: '1', b: 'x' }, { a: '2' }];
    assert.deepEqual(rowsOfTable(tableFromRows(rows)), [{ a: '1', b: 'x' }, { a: '2', b: '' }]);
  });
});

describe('malformed CSV gives the same typed error as the record reader', () => {
  // [why, CSV text, line of the error, message pattern]
  const cases: [string, string, number, RegExp][] = [
    ['an unclosed quote, with its line', 'a\n"abc\n', 3, /not closed/],
    ['text after a closing quote', 'a\n"x"y\n', 2, /after a closing quote/],
    ['a quote inside an unquoted cell', 'a\nx"y\n', 2, /quote inside an unquoted cell/],
    ['a short record', 'a,b\n1\n', 2, /has 1 cells, the header has 2/],
    ['a long record, after a quoted line break', 'a,b\n"1\n2",3\n4,5,6\n', 3, /record 3 has 3 cells/],
    ['a column twice in the header', 'a,a\n1,2\n', 1, /appears twice/],
  ];
  for (const [why, text, line, pattern] of cases) {
    test(why, () => {
      const check = (e: unknown): boolean => e instanceof CsvError && e.line === line && pattern.test(e.message);
      assert.throws(() => parseCsvTable(text), check);
      assert.throws(() => toRows(parseCsv(text)), check, 'the record reader says the same');
      for (let cut = 0; cut <= text.length; cut++) assert.throws(() => readInTwo(text, cut), check, `cut at ${cut}`);
    });
  }
});
