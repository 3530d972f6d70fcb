// The printable questionnaire (docs/questionnaire.md, "Paper form"): generated from the content, every
// question and option code on it, large type and A4 print styles, and a few pages once printed to PDF
// in Chromium (Debian's /usr/bin/chromium, as the browser tests use).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseSurveyDefinition } from '@observatoire/core';
import puppeteer from 'puppeteer-core';
import { paperFormHtml, PRINT_CSS } from './paper-form.mjs';

const surveys = new URL('../packages/content/surveys/', import.meta.url);
const definitions = readdirSync(surveys)
  .filter((name) => name.endsWith('.json'))
  .map((name) => parseSurveyDefinition(JSON.parse(readFileSync(new URL(name, surveys), 'utf8'))))
  .filter((definition) => definition.questionnaire);

test('the shipped surveys with a questionnaire are printed', () => assert.ok(definitions.some((d) => d.id === 'observatoire-2025')));

for (const definition of definitions)
  for (const lang of ['fr', 'en'])
    test(`${definition.id} (${lang}): every question, with its id, label and every option code, in content order`, () => {
      const html = paperFormHtml(definition, lang);
      const printed = [...html.matchAll(/data-question="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(printed, definition.questionnaire.questions.map((q) => q.id));
      for (const question of definition.questionnaire.questions) {
        const section = html.slice(html.indexOf(`data-question="${question.id}"`)).split('</section>')[0];
        assert.ok(section.includes(`[${question.id}]`), `${question.id}: its id`);
        for (const option of question.options ?? []) assert.ok(section.includes(`<span class="code">${option.code}</span>`), `${question.id}: option ${option.code}`);
      }
      assert.match(html, new RegExp(`<html lang="${lang}">`));
    });

test('the print styles: A4 pages, 14 pt text and more, no question cut across two pages', () => {
  assert.match(PRINT_CSS, /@page \{ size: A4;/);
  assert.match(PRINT_CSS, /body \{[^}]*font-size: 14pt;/);
  const sizes = [...PRINT_CSS.matchAll(/(?<![-\w])font-size: (\d+)pt/g)].map((m) => Number(m[1]));
  assert.ok(sizes.filter((size) => size < 14).every((size) => size >= 11), 'only the grey codes are smaller, and still legible');
  assert.match(PRINT_CSS, /\.question \{[^}]*break-inside: avoid;/);
});

test('content text is escaped, never read as markup', () => {
  const definition = structuredClone(definitions[0]);
  definition.questionnaire.questions[0].label.fr = '<script>alert(1)</script> & co';
  const html = paperFormHtml(definition, 'fr');
  assert.ok(!html.includes('<script>alert(1)</script>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'));
});

test('printed to PDF in Chromium, the observatoire-2025 form holds on 4 A4 pages at most', async () => {
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(paperFormHtml(definitions.find((d) => d.id === 'observatoire-2025'), 'fr'));
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 4, `${pages} pages`);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    assert.ok(box, 'a page size');
    // A4 is 595 × 842 points.
    assert.deepEqual([Math.round(Number(box[1])), Math.round(Number(box[2]))], [595, 842]);
  } finally {
    await browser.close();
  }
});
