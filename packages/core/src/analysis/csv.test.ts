import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createCsvParser, parseCsv, toRows } from './csv.js';
import { CsvError } from './errors.js';

describe('CSV (RFC 4180) as written by the collector', () => {
  const cases: [string, string, string[][]][] = [
    ['plain LF', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['no final line break', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['empty cells', 'a,b,c\r\n,,\r\n', [['a', 'b', 'c'], ['', '', '']]],
    ['quoted comma and doubled quote', 'a\r\n"x, ""y"""\r\n', [['a'], ['x, "y"']]],
    ['line break inside quotes', 'a,b\r\n"l1\r\nl2",z\r\n', [['a', 'b'], ['l1\r\nl2', 'z']]],
    ['byte order mark', '\ufeffa,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['formula guard removed', "a,b,c\n'=SUM(A1),'-3,'+x\n", [['a', 'b', 'c'], ['=SUM(A1)', '-3', '+x']]],
    ['guard on @ and in quotes', 'a,b\n\'@x,"\'=1,2"\n', [['a', 'b'], ['@x', '=1,2']]],
    ['an apostrophe not before a formula character is kept', "a\n'abc\n", [['a'], ["'abc"]]],
    ['blank lines are skipped', 'a\n\n1\n', [['a'], ['1']]],
    ['multi-answer cell', 'q\nemail|sante\n', [['q'], ['email|sante']]],
  ];
  for (const [name, text, expected] of cases) test(name, () => assert.deepEqual(parseCsv(text), expected));

  test('chunks split anywhere give the same records', () => {
    const text = 'a,b\r\n"x, ""y""\r\nz",\'=1\r\n3,4';
    const expected = parseCsv(text);
    for (let cut = 0; cut <= text.length; cut++) {
      const p = createCsvParser();
      assert.deepEqual([...p.push(text.slice(0, cut)), ...p.push(text.slice(cut)), ...p.end()], expected, `cut at ${cut}`);
    }
  });

  test('an unclosed quote is an error with its line', () => {
    assert.throws(() => parseCsv('a\n"abc\n'), (e: unknown) => e instanceof CsvError && e.line === 3 && /not closed/.test(e.message));
  });

  test('text after a closing quote is an error', () => {
    assert.throws(() => parseCsv('a\n"x"y\n'), (e: unknown) => e instanceof CsvError && e.line === 2);
  });

  test('rows become objects keyed by the header; a short row is an error', () => {
    assert.deepEqual(toRows(parseCsv('a,b\n1,2\n')), [{ a: '1', b: '2' }]);
    assert.throws(() => toRows(parseCsv('a,b\n1\n')), (e: unknown) => e instanceof CsvError && e.line === 2);
    assert.throws(() => toRows(parseCsv('a,a\n1,2\n')), CsvError);
  });
});
