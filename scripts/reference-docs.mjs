// The reference pages of the elements (docs/elements.md, "Reference pages"), drawn from the custom
// elements manifest (packages/elements/custom-elements.json) and the declarations of the events'
// `detail` types. Pure: scripts/build-steps/95-reference.mjs reads the files and writes the pages.
// Every text from the manifest is escaped: JSDoc may hold `<obs-x>` or quotes.

/**
 * Text made safe inside HTML elements and quoted attributes.
 * @example escapeHtml('<obs-survey lang="fr">') // '&lt;obs-survey lang=&quot;fr&quot;&gt;'
 * @param {unknown} text
 */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A JSDoc text: escaped, with its `code` spans kept as code. */
function prose(text) {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/**
 * The custom elements of a manifest, with the path of their module.
 * @param {{ modules: { path: string, declarations?: object[] }[] }} manifest
 */
export function elementsOf(manifest) {
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, modulePath: module.path })))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/**
 * The name of an event's `detail` type (`CustomEvent<SurveyCompleteDetail>` → `SurveyCompleteDetail`), or undefined.
 * @example detailTypeOf({ name: 'obs-error', type: { text: 'CustomEvent<ErrorEventDetail>' } }) // 'ErrorEventDetail'
 */
export function detailTypeOf(event) {
  return /^CustomEvent<\s*([A-Za-z_$][\w$]*)\s*>$/.exec(event.type?.text ?? '')?.[1];
}

/** The page of an element: `obs-survey` → `obs-survey.html`. */
export const pageOf = (element) => `${element.tagName}.html`;

/** A public instance field: not private, protected, static, nor lit's internals. */
const isPublicField = (member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('_') && !member.name.startsWith('#');

const code = (text) => (text ? `<code>${escapeHtml(text)}</code>` : '');

function table(headings, rows) {
  const head = headings.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A section: the table, or a sentence saying there is nothing of the kind. */
function section(id, heading, rows, headings, none) {
  return `<section aria-labelledby="${id}">\n<h2 id="${id}">${heading}</h2>\n${rows.length ? table(headings, rows) : `<p>${none}</p>`}\n</section>`;
}

function page(title, body) {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escapeHtml(title)} – Référence des éléments Observatoire</title>
<link rel="stylesheet" href="reference.css" />
</head>
<body>
<main class="page">
${body}
</main>
</body>
</html>
`;
}

/**
 * The page of one element.
 * @param {ReturnType<typeof elementsOf>[number]} element
 * @param {Map<string, string>} types Declarations of the `detail` types, by name (TypeScript source).
 * @example renderElementPage(elementsOf(manifest)[0], new Map([['ErrorEventDetail', 'export interface ErrorEventDetail { … }']]))
 */
export function renderElementPage(element, types) {
  const attributes = (element.attributes ?? []).map((a) => [code(a.name), code(a.type?.text), code(a.default), prose(a.description), code(a.fieldName)]);
  const properties = (element.members ?? []).filter(isPublicField).map((m) => [
    code(m.name),
    code(m.type?.text),
    code(m.default),
    prose(m.description) + (m.readonly ? ' <em>(lecture seule, read-only)</em>' : ''),
    code(m.attribute),
  ]);
  const events = element.events ?? [];
  const eventRows = events.map((e) => {
    const detail = detailTypeOf(e);
    return [code(e.name), detail ? `<a href="#detail-${escapeHtml(detail)}">${code(detail)}</a>` : '', prose(e.description)];
  });
  const details = [...new Set(events.map(detailTypeOf).filter(Boolean))].map(
    (name) => `<h3 id="detail-${escapeHtml(name)}">${code(name)}</h3>\n<pre><code>${escapeHtml(types.get(name) ?? `${name} (declaration not found)`)}</code></pre>`,
  );
  const slots = (element.slots ?? []).map((s) => [s.name ? code(s.name) : '<em>(par défaut, default)</em>', prose(s.description)]);
  const parts = (element.cssParts ?? []).map((p) => [code(`::part(${p.name})`), prose(p.description)]);
  const cssProperties = (element.cssProperties ?? []).map((p) => [code(p.name), code(p.syntax), code(p.default), prose(p.description)]);
  const tag = `<${element.tagName}>`;
  return page(
    tag,
    `<p><a href="./">Tous les éléments (all elements)</a> · <a href="../../examples/">Exemples (examples)</a></p>
<h1>${code(tag)}</h1>
<p>${prose(element.description ?? element.summary)}</p>
<p>Classe (class) ${code(element.name)}, module ${code(`@observatoire/elements/${element.modulePath}`)}.</p>
${section('attributes', 'Attributs (attributes)', attributes, ['Nom (name)', 'Type', 'Défaut (default)', 'Description', 'Propriété (property)'], 'Aucun attribut (no attributes).')}
${section('properties', 'Propriétés (properties)', properties, ['Nom (name)', 'Type', 'Défaut (default)', 'Description', 'Attribut (attribute)'], 'Aucune propriété publique (no public properties).')}
${section('events', 'Événements (events)', eventRows, ['Nom (name)', 'Type de <code>detail</code>', 'Description'], 'Aucun événement (no events).')}
${details.length ? `<section aria-labelledby="details">\n<h2 id="details">Types des <code>detail</code> (detail types)</h2>\n${details.join('\n')}\n</section>` : ''}
${section('slots', 'Emplacements (slots)', slots, ['Nom (name)', 'Description'], 'Aucun emplacement : l’élément dessine tout son contenu (no slots).')}
${section('parts', 'Parties stylables (CSS parts)', parts, ['Sélecteur (selector)', 'Description'], 'Aucune partie (no parts).')}
${section('css-properties', 'Propriétés CSS personnalisées (CSS custom properties)', cssProperties, ['Nom (name)', 'Syntaxe (syntax)', 'Défaut (default)', 'Description'], 'Aucune propriété CSS (no CSS custom properties).')}`,
  );
}

/**
 * The index of the reference: one line per element, linking its page.
 * @param {ReturnType<typeof elementsOf>} elements
 * @example renderIndex(elementsOf(manifest))
 */
export function renderIndex(elements) {
  const firstSentence = (text) => /^[^]*?[.!?](?=\s|$)/.exec((text ?? '').replace(/\s+/g, ' ').trim())?.[0] ?? text ?? '';
  const rows = elements.map((e) => [
    `<a href="${escapeHtml(pageOf(e))}">${code(`<${e.tagName}>`)}</a>`,
    prose(firstSentence(e.description ?? e.summary)),
    String((e.attributes ?? []).length),
    String((e.events ?? []).length),
    String((e.cssParts ?? []).length),
  ]);
  return page(
    'Index',
    `<p><a href="../../examples/">Exemples d’intégration (examples)</a></p>
<h1>Référence des éléments (elements reference)</h1>
<p>Chaque page est tirée de <code>custom-elements.json</code> à la construction : attributs, propriétés, événements et type de leur <code>detail</code>, emplacements, parties et propriétés CSS. Les descriptions sont en anglais.</p>
${table(['Élément (element)', 'Rôle (what it is)', 'Attributs', 'Événements', 'Parties'], rows)}`,
  );
}

export const STYLESHEET = `/* The reference pages' look. A file, not inline styles: the pages work under default-src 'self'. */
:root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; line-height: 1.5; color: #1f2328; background: #fff; }
body { margin: 0; }
.page { max-width: 64rem; margin: 0 auto; padding: 1rem; }
a { color: #1f4b99; }
a:focus-visible { outline: 3px solid #0a59d1; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #8a9099; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f5f6f7; }
pre { background: #f5f6f7; border: 1px solid #8a9099; padding: 0.75rem; overflow-x: auto; }
code { font-size: 0.95em; }
`;
