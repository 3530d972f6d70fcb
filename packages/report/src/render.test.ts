import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { reportMessages, type ObservatoireReport } from '@observatoire/core/analysis';
import { HOSTILE, hostileReport } from './fixtures/hostile-report.js';
import { escapeHtml, renderCsvTables, renderHtml, renderMarkdown } from './render.js';

const example = JSON.parse(readFileSync(new URL('../../../examples/report/report.json', import.meta.url), 'utf8')) as ObservatoireReport;
const hostile = hostileReport(example);

describe('the command’s renderings: one description, one catalogue, every text escaped', () => {
  for (const lang of ['fr', 'en'] as const) {
    test(`HTML (${lang}): hostile names, sources, codes and ids are text, never markup`, () => {
      const page = renderHtml(hostile, lang);
      assert.doesNotMatch(page, /<img|<script|<svg|<b>|<\/table><script/);
      for (const value of Object.values(HOSTILE)) assert.ok(page.includes(escapeHtml(value)), `${value} is written escaped`);
    });

    test(`Markdown and CSV (${lang}) take their texts from the report catalogue`, () => {
      const texts = reportMessages[lang];
      const md = renderMarkdown(example, lang);
      assert.ok(md.startsWith(`# ${texts.title}\n`));
      for (const heading of [texts.sessionsTitle, texts.weightingTitle, texts.nationalTitle, texts.breakdownsTitle, texts.territoryTitle, texts.profilesTitle]) assert.ok(md.includes(`\n## ${heading}\n`), heading);
      const captions = renderCsvTables(example, lang).map((t) => t.caption);
      assert.ok(captions.includes(texts.sessionsCaption));
      assert.ok(captions.includes(texts.domainsCaption));
    });
  }

  test('Markdown: a hostile cell cannot break its table', () => {
    const row = renderMarkdown({ ...hostile, items: [{ ...hostile.items[0]!, challengeId: 'a | b' }] }, 'fr')
      .split('\n')
      .find((line) => line.startsWith('| a'))!;
    assert.ok(row.startsWith('| a \\| b |'));
  });

  test('CSV: a cell that could start a formula is quoted and defused', () => {
    const items = renderCsvTables(hostile, 'fr').find((t) => t.caption === reportMessages.fr.itemsCaption)!;
    assert.ok(items.csv.includes(`"'=HYPERLINK(""http://x"") <b>défi</b>"`));
  });
});
