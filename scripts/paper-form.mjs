// The printable questionnaire (docs/questionnaire.md, "Paper form"): one A4 HTML page per survey and
// language, generated from the survey definition, never copied by hand. Each question shows its number
// (the core's `questionNumbers`, so paper and screen agree), its id and its options' codes beside boxes
// to tick, so a mediator types the form in with `<obs-survey channel="paper">` without guessing.
// Large type (14 pt and more), print styles (A4, a question never cut across two pages).
import { questionNumbers } from '@observatoire/core';

/** The form's own words; the questions come from the definition. */
const TEXTS = {
  fr: {
    title: 'Questionnaire papier',
    intro: 'Cochez une case par question, sauf si c’est écrit autrement.',
    copy: 'Un médiateur ou une médiatrice recopiera ensuite vos réponses.',
    date: 'Date',
    structure: 'Lieu',
    several: 'Plusieurs réponses possibles.',
    alone: 'à cocher seule',
    year: 'Écrivez l’année en chiffres.',
    postal: 'Code postal',
    town: 'Commune',
    optional: '(facultatif)',
    onlyIf: 'Seulement si vous avez coché «\u00a0{options}\u00a0» à la question {n}.',
    or: ' ou ',
    codes: 'Les petits codes gris servent à la saisie.',
    colon: '\u00a0:',
  },
  en: {
    title: 'Paper questionnaire',
    intro: 'Tick one box per question, unless it says otherwise.',
    copy: 'A mediator will then type in your answers.',
    date: 'Date',
    structure: 'Place',
    several: 'Several answers possible.',
    alone: 'to tick alone',
    year: 'Write the year in figures.',
    postal: 'Postcode',
    town: 'Town',
    optional: '(optional)',
    onlyIf: 'Only if you ticked “{options}” in question {n}.',
    or: ' or ',
    codes: 'The small grey codes are for typing the form in.',
    colon: ':',
  },
};

/** Print styles: A4, 14 pt text and more, boxes big enough to tick, no question split across pages. */
export const PRINT_CSS = `
@page { size: A4; margin: 14mm 15mm; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 14pt; line-height: 1.35; color: #000; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
.meta { display: flex; gap: 10mm; margin: 3mm 0; }
.meta span { flex: 1; border-bottom: 1px solid #000; padding-bottom: 1mm; }
.question { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid #888; padding: 2.5mm 0 1.5mm; }
.question h2 { font-size: 15pt; margin: 0 0 1.5mm; }
.number { display: inline-block; min-width: 8mm; }
.code { font-family: 'Courier New', monospace; font-size: 11pt; color: #555; font-weight: 400; }
.hint { margin: 0 0 1.5mm; font-style: italic; }
ul { list-style: none; margin: 0; padding: 0; columns: 2; column-gap: 8mm; }
li { break-inside: avoid; margin: 0 0 1.5mm; display: flex; align-items: flex-start; gap: 2.5mm; }
.box { flex: none; width: 5.5mm; height: 5.5mm; border: 1.5px solid #000; margin-top: 0.5mm; }
.line { display: inline-block; border-bottom: 1px solid #000; min-width: 45mm; height: 7mm; vertical-align: bottom; }
.line.long { min-width: 150mm; }
.digits { display: inline-flex; gap: 1.5mm; vertical-align: bottom; }
.digits span { width: 7mm; height: 8mm; border: 1.5px solid #000; }
.consent { break-inside: avoid; border: 2px solid #000; padding: 2.5mm; margin: 3mm 0; display: flex; gap: 2.5mm; }
@media screen { body { padding: 10mm; } }
`;

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * The printable questionnaire of `definition` in `lang`, as a whole HTML page.
 *
 * @example
 * writeFileSync('dist/paper/observatoire-2025.fr.html', paperFormHtml(definition, 'fr'));
 */
export function paperFormHtml(definition, lang) {
  const t = TEXTS[lang];
  const questionnaire = definition.questionnaire;
  if (!questionnaire) throw new Error(`survey "${definition.id}" has no questionnaire to print`);
  const { numbers } = questionNumbers(questionnaire);
  const byId = new Map(questionnaire.questions.map((question) => [question.id, question]));
  const questions = questionnaire.questions.map((question) => {
    const { number, continued } = numbers[question.id];
    const label = `${escape(question.label[lang])}${question.required ? '' : ` ${t.optional}`}`;
    const parts = [
      `<h2><span class="number">${number}${continued ? 'b' : ''}.</span> ${label} <span class="code">[${escape(question.id)}]</span></h2>`,
    ];
    if (question.visibleWhen) {
      const parent = byId.get(question.visibleWhen.question);
      const options = question.visibleWhen.anyOf.map((code) => escape(parent?.options?.find((o) => o.code === code)?.label[lang] ?? code));
      parts.push(`<p class="hint">${t.onlyIf.replace('{options}', options.join(t.or)).replace('{n}', String(numbers[question.visibleWhen.question]?.number ?? ''))}</p>`);
    }
    if (question.hint && question.kind !== 'commune' && question.kind !== 'year') parts.push(`<p class="hint">${escape(question.hint[lang])}</p>`);
    parts.push(answerSpace(question, lang, t));
    return `<section class="question" data-question="${escape(question.id)}">\n${parts.join('\n')}\n</section>`;
  });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escape(definition.title[lang])} — ${t.title}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<main>
<h1>${escape(definition.title[lang])} — ${t.title}</h1>
<p class="meta"><span>${t.date}${t.colon}</span><span>${t.structure}${t.colon}</span></p>
<p>${t.intro} ${t.copy} <span class="code">${t.codes}</span></p>
<p class="consent"><span class="box"></span><span>${escape(definition.information.consent[lang])}</span></p>
${questions.join('\n')}
</main>
</body>
</html>
`;
}

function answerSpace(question, lang, t) {
  switch (question.kind) {
    case 'single':
    case 'multiple': {
      const items = question.options.map(
        (option) =>
          `<li><span class="box"></span><span>${escape(option.label[lang])}${option.exclusive ? ` (${t.alone})` : ''} <span class="code">${escape(option.code)}</span></span></li>`,
      );
      return `${question.kind === 'multiple' ? `<p class="hint">${t.several}</p>\n` : ''}<ul>\n${items.join('\n')}\n</ul>`;
    }
    case 'year':
      return `<p class="hint">${t.year}</p><p class="digits"><span></span><span></span><span></span><span></span></p>`;
    case 'commune':
      return `<p>${t.postal}${t.colon} <span class="digits"><span></span><span></span><span></span><span></span><span></span></span> &nbsp; ${t.town}${t.colon} <span class="line"></span></p>`;
    default:
      return '<p><span class="line long"></span></p>';
  }
}
