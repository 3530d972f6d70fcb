// The elements' reference pages (scripts/reference-docs.mjs): escaping, the detail types, and,
// after the build (scripts/test.sh runs the Node tests after it), one page per element of the
// manifest where every event names its detail type and shows its declaration.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { detailTypeOf, elementsOf, escapeHtml, pageOf, renderElementPage, renderIndex } from './reference-docs.mjs';

const root = new URL('..', import.meta.url).pathname;

describe('escapeHtml', () => {
  const cases = [
    ['a tag name', '<obs-survey>', '&lt;obs-survey&gt;'],
    ['quotes in an attribute value', `"a" 'b'`, '&quot;a&quot; &#39;b&#39;'],
    ['an ampersand first', '&lt;', '&amp;lt;'],
    ['nothing to escape', 'Vos données', 'Vos données'],
    ['no value', undefined, ''],
  ];
  for (const [name, text, expected] of cases) test(name, () => assert.equal(escapeHtml(text), expected));
});

describe('detailTypeOf', () => {
  const cases = [
    ['a typed event', 'CustomEvent<SurveyCompleteDetail>', 'SurveyCompleteDetail'],
    ['an event without its detail type', 'CustomEvent', undefined],
    ['no type at all', undefined, undefined],
    ['an inline type is not a declared one', 'CustomEvent<{ a: string }>', undefined],
  ];
  for (const [name, text, expected] of cases) test(name, () => assert.equal(detailTypeOf({ name: 'obs-x', type: text && { text } }), expected));
});

test('a hostile manifest is escaped on the page and in the index', () => {
  const manifest = {
    modules: [
      {
        path: 'dist/x/obs-x.js',
        declarations: [
          {
            kind: 'class',
            name: 'ObsX',
            tagName: 'obs-x',
            customElement: true,
            description: 'Shows <script>alert(1)</script> and `<b>`.',
            attributes: [{ name: 'a"b', type: { text: 'string' }, description: '<img src=x onerror=alert(1)>' }],
            events: [{ name: 'obs-x-done', type: { text: 'CustomEvent<XDetail>' }, description: 'Done.' }],
            cssParts: [{ name: 'box', description: 'The <box>.' }],
          },
        ],
      },
    ],
  };
  const [element] = elementsOf(manifest);
  const html = renderElementPage(element, new Map([['XDetail', 'interface XDetail { html: "<p>" }']])) + renderIndex([element]);
  assert.doesNotMatch(html, /<script>|<img|<b>|<box>|"<p>"/);
  assert.match(html, /<code>&lt;b&gt;<\/code>/);
  assert.match(html, /interface XDetail \{ html: &quot;&lt;p&gt;&quot; \}/);
});

describe('the built reference (dist/reference/)', () => {
  const manifestPath = join(root, 'packages/elements/custom-elements.json');
  const out = join(root, 'dist/reference');
  const built = existsSync(manifestPath) && existsSync(join(out, 'index.html'));

  test('was built (node scripts/build.mjs)', () => assert.ok(built, 'packages/elements/custom-elements.json or dist/reference/ is missing: run node scripts/build.mjs'));
  if (!built) return;
  const elements = elementsOf(JSON.parse(readFileSync(manifestPath, 'utf8')));
  const index = readFileSync(join(out, 'index.html'), 'utf8');

  test('the manifest has the survey elements', () => {
    for (const tag of ['obs-survey', 'obs-questionnaire', 'obs-challenge-player', 'obs-course-chainer', 'obs-results-card'])
      assert.ok(elements.some((e) => e.tagName === tag), `${tag} is missing from the manifest`);
  });

  for (const element of elements) {
    test(`<${element.tagName}> has its page, linked from the index, every event with its detail type`, () => {
      assert.ok(existsSync(join(out, pageOf(element))), `dist/reference/${pageOf(element)} is missing`);
      assert.ok(index.includes(`href="${pageOf(element)}"`), `the index does not link ${pageOf(element)}`);
      const page = readFileSync(join(out, pageOf(element)), 'utf8');
      for (const event of element.events ?? []) {
        const detail = detailTypeOf(event);
        assert.ok(detail, `<${element.tagName}> ${event.name}: no detail type in the manifest (@fires {CustomEvent<Detail>} ${event.name})`);
        assert.match(page, new RegExp(`<h3 id="detail-${detail}">[^]*?<pre><code>(export )?(interface|type) ${detail}\\b`), `${event.name}: the declaration of ${detail} is not shown`);
      }
      for (const part of element.cssParts ?? []) assert.ok(page.includes(`::part(${escapeHtml(part.name)})`), `part ${part.name} is not listed`);
    });
  }
});
