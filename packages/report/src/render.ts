/**
 * The report as Markdown or as a self-contained, accessible HTML page (every table has a caption and
 * header cells; every text is escaped).
 */
import { analysisLabel, marginCategoryLabel, marginLabel, type CategoryEstimate, type Distribution, type DomainResult, type IndicatorSet, type ObservatoireReport, type ReportLang } from '@observatoire/core/analysis';

const TEXT = {
  fr: {
    title: 'Rapport Observatoire',
    sessions: 'Sessions',
    read: 'Sessions lues',
    analysed: 'Sessions analysées',
    weighting: 'Redressement',
    method: { raking: 'calage sur marges (raking)', none: 'aucun (poids égaux)' },
    converged: 'convergé',
    sweeps: (n: number) => `${n} itérations`,
    maxError: 'écart relatif maximal',
    weights: 'Poids de',
    cap: (c: number) => `plafond ${c} × le poids moyen`,
    notConverged: 'NON convergé',
    national: 'Ensemble',
    focus: 'Territoire demandé',
    profiles: 'Par profil',
    domains: 'Par territoire et structure',
    category: 'Catégorie',
    share: 'Part',
    interval: 'Intervalle à 95 %',
    nationalCol: 'Ensemble',
    differs: 'Écart significatif',
    yes: 'oui',
    no: 'non',
    count: 'Effectif',
    target: 'Cible',
    achieved: 'Atteint',
    source: 'Source',
    tooFew: (n: number, min: number) => `Non estimé : ${n} répondants valides, il en faut au moins ${min}.`,
    neff: (n: number, neff: number, deff: number) => `${n} répondants, taille effective ${fmt(neff, 1)}, effet de plan ${fmt(deff, 2)}.`,
    mean: 'Niveau moyen de l’escalier',
    distributions: {
      staircase_level: 'Niveau de l’escalier',
      distance: 'Distance au numérique',
      illectronisme: 'Illectronisme, mesure de type INSEE (15 ans et plus)',
      halo: 'Halo de type CRÉDOC',
      profile: 'Profils à l’entrée (approximation des profils 2023)',
    },
    courses: 'Résultats par parcours',
    breakdowns: 'Selon le profil des répondants',
    items: 'Par défi',
    progress: 'Avancement de la collecte',
    progressNote: (n: number, target: number, from: string, to: string, outside: number) =>
      `${n} répondants valides sur l’objectif de ${target} pendant la période de collecte (du ${from} au ${to}), soit ${pct(n / target)} ; ${outside} hors période.`,
    progressTerritories: (target: number) => `Départements : répondants valides sur l’objectif de ${target}`,
    reached: 'objectif atteint',
    notReached: 'en cours',
    itemsNote: 'Parts pondérées parmi les personnes qui ont joué le défi. Difficulté : part de réussite non pondérée. Discrimination : corrélation point-bisériale entre la réussite du défi et celle des autres défis.',
    challenge: 'Défi',
    itemSuccess: 'Réussite',
    itemSkipped: 'Passé',
    itemTimedOut: 'Temps écoulé',
    difficulty: 'Difficulté',
    discrimination: 'Discrimination',
    flag: 'À revoir',
    notDiscriminating: 'ne discrimine pas',
    small: 'effectif faible',
    breakdownNote: (min: number) =>
      `Part pondérée (intervalle à 95 %) dans chaque groupe. * : différence avec l’ensemble au-delà des intervalles. Les groupes de moins de ${min} répondants sont signalés « effectif faible » : leurs chiffres sont fragiles.`,
    course: (n: number) => `Parcours ${n}`,
    passedAmongEnded: 'Réussite parmi les parcours terminés',
    intervalNote: (min: number, method: string) =>
      `Les intervalles (${method === 'linearised' ? 'variance linéarisée de l’estimateur calé' : 'Wilson, sur la taille effective'}) contiennent la valeur de la population avec 95 % de confiance. Un territoire ou une structure n’est estimé qu’à partir de ${min} répondants valides ; un écart avec l’ensemble n’est signalé que si les intervalles ne se chevauchent pas.`,
    kind: 'Type',
    code: 'Code',
    name: 'Nom',
    status: 'Statut',
    estimated: 'estimé',
    skipped: 'non estimé (trop peu de répondants)',
  },
  en: {
    title: 'Observatoire report',
    sessions: 'Sessions',
    read: 'Sessions read',
    analysed: 'Sessions analysed',
    weighting: 'Weighting',
    method: { raking: 'raking on margins', none: 'none (equal weights)' },
    converged: 'converged',
    sweeps: (n: number) => `${n} sweeps`,
    maxError: 'max relative error',
    weights: 'Weights from',
    cap: (c: number) => `cap ${c} × the mean weight`,
    notConverged: 'NOT converged',
    national: 'Overall',
    focus: 'Requested territory',
    profiles: 'By profile',
    domains: 'By territory and organisation',
    category: 'Category',
    share: 'Share',
    interval: '95% interval',
    nationalCol: 'Overall',
    differs: 'Significant gap',
    yes: 'yes',
    no: 'no',
    count: 'Count',
    target: 'Target',
    achieved: 'Achieved',
    source: 'Source',
    tooFew: (n: number, min: number) => `Not estimated: ${n} valid respondents, at least ${min} are needed.`,
    neff: (n: number, neff: number, deff: number) => `${n} respondents, effective size ${fmt(neff, 1)}, design effect ${fmt(deff, 2)}.`,
    mean: 'Mean staircase level',
    distributions: {
      staircase_level: 'Staircase level',
      distance: 'Digital distance',
      illectronisme: 'Illectronisme, INSEE-like measure (aged 15 and over)',
      halo: 'CRÉDOC-like halo',
      profile: 'Profiles at entry (approximating the 2023 profiles)',
    },
    courses: 'Results per course',
    breakdowns: 'By who the respondents are',
    items: 'Per challenge',
    progress: 'Collection progress',
    progressNote: (n: number, target: number, from: string, to: string, outside: number) =>
      `${n} valid respondents towards the target of ${target} in the collection window (${from} to ${to}), ${pct(n / target)}; ${outside} outside it.`,
    progressTerritories: (target: number) => `Departments: valid respondents towards the target of ${target}`,
    reached: 'target reached',
    notReached: 'in progress',
    itemsNote: 'Weighted shares among the people who played the challenge. Difficulty: unweighted share of success. Discrimination: point-biserial correlation between succeeding the challenge and succeeding the others.',
    challenge: 'Challenge',
    itemSuccess: 'Success',
    itemSkipped: 'Skipped',
    itemTimedOut: 'Timed out',
    difficulty: 'Difficulty',
    discrimination: 'Discrimination',
    flag: 'To review',
    notDiscriminating: 'does not discriminate',
    small: 'small group',
    breakdownNote: (min: number) =>
      `Weighted share (95% interval) in each group. *: differs from the overall figure beyond the intervals. Groups of fewer than ${min} respondents are marked "small group": their figures are fragile.`,
    course: (n: number) => `Course ${n}`,
    passedAmongEnded: 'Passed among the courses that ended',
    intervalNote: (min: number, method: string) =>
      `Intervals (${method === 'linearised' ? 'linearised variance of the calibrated estimator' : 'Wilson, on the effective size'}) contain the population value with 95% confidence. A territory or organisation is estimated only from ${min} valid respondents; a gap with the overall figure is flagged only when the intervals do not overlap.`,
    kind: 'Kind',
    code: 'Code',
    name: 'Name',
    status: 'Status',
    estimated: 'estimated',
    skipped: 'not estimated (too few respondents)',
  },
};

function fmt(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}
const pct = (x: number): string => `${fmt(x * 100, 1)} %`;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

interface Table {
  caption: string;
  head: string[];
  rows: string[][];
}

function distributionTable(d: Distribution, title: string, lang: ReportLang): Table {
  const t = TEXT[lang];
  const compared = d.categories.some((c) => c.national);
  return {
    caption: `${title} (${t.neff(d.n, d.nEffective, d.designEffect)})`,
    head: [t.category, t.count, t.share, t.interval, ...(compared ? [t.nationalCol, t.differs] : [])],
    rows: d.categories.map((c: CategoryEstimate) => [
      analysisLabel(d.variable, c.category, lang),
      String(c.count),
      pct(c.proportion),
      `${pct(c.low)} – ${pct(c.high)}`,
      ...(c.national ? [`${pct(c.national.value)} (${pct(c.national.low)} – ${pct(c.national.high)})`, c.national.differs ? t.yes : t.no] : compared ? ['', ''] : []),
    ]),
  };
}

function indicatorTables(set: IndicatorSet, scope: string, lang: ReportLang): Table[] {
  const t = TEXT[lang];
  const m = set.meanStaircaseLevel;
  return [
    distributionTable(set.staircase, `${scope} – ${t.distributions.staircase_level}`, lang),
    distributionTable(set.distance, `${scope} – ${t.distributions.distance}`, lang),
    distributionTable(set.illectronisme, `${scope} – ${t.distributions.illectronisme}`, lang),
    distributionTable(set.halo, `${scope} – ${t.distributions.halo}`, lang),
    distributionTable(set.profiles, `${scope} – ${t.distributions.profile}`, lang),
    {
      caption: `${scope} – ${t.courses}`,
      head: [t.category, ...set.courses.map((c) => t.course(c.course))],
      rows: [
        [t.passedAmongEnded, ...set.courses.map((c) => `${pct(c.passed.proportion)} (${pct(c.passed.low)} – ${pct(c.passed.high)})`)],
        ...(['passed', 'failed', 'stopped_by_mediator', 'left', 'not_reached'] as const).map((r) => [analysisLabel('course_result', r, lang), ...set.courses.map((c) => String(c.counts[r]))]),
      ],
    },
    {
      caption: `${scope} – ${t.mean}`,
      head: [t.mean, t.interval, ...(m.national ? [t.nationalCol, t.differs] : [])],
      rows: [[fmt(m.mean, 2), `${fmt(m.low, 2)} – ${fmt(m.high, 2)}`, ...(m.national ? [`${fmt(m.national.value, 2)} (${fmt(m.national.low, 2)} – ${fmt(m.national.high, 2)})`, m.national.differs ? t.yes : t.no] : [])]],
    },
  ];
}

interface Section {
  heading: string;
  paragraphs: string[];
  tables: Table[];
}

function domainTitle(d: DomainResult, lang: ReportLang): string {
  return `${analysisLabel('domain', d.kind, lang)} ${d.code}${d.name ? ` – ${d.name}` : ''}`;
}

function sections(report: ObservatoireReport, lang: ReportLang): Section[] {
  const t = TEXT[lang];
  const w = report.weighting;
  const out: Section[] = [
    {
      heading: t.sessions,
      paragraphs: [],
      tables: [
        {
          caption: t.sessions,
          head: [t.category, t.count],
          rows: [
            [t.read, String(report.sessions.total)],
            ...Object.entries(report.sessions.excluded).map(([reason, n]) => [analysisLabel('exclusion', reason, lang), String(n)]),
            [t.analysed, String(report.sessions.analysed)],
            ...(['testNotTaken', 'course1NotFinished', 'under15', 'filledByMediator', 'resumed'] as const).map((k) => [analysisLabel('counted', k, lang), String(report.sessions[k])]),
          ],
        },
      ],
    },
    {
      heading: t.weighting,
      paragraphs: [
        `${t.method[w.method]}${w.method === 'raking' ? ` – ${t.sweeps(w.iterations)}, ${w.converged ? t.converged : t.notConverged}, ${t.maxError} ${w.maxRelativeError.toExponential(1)}` : ''}. ${t.neff(report.sessions.analysed, w.nEffective, w.designEffect)} ${t.weights} ${fmt(w.minWeight, 3)} – ${fmt(w.maxWeight, 3)}${w.cap ? ` (${t.cap(w.cap)})` : ''}.`,
      ],
      tables: w.margins.map((m) => ({
        caption: `${t.weighting} – ${marginLabel(m.variable, lang)} (${t.source} : ${m.source})`,
        head: [t.category, t.count, t.target, t.achieved],
        rows: m.categories.map((c) => [marginCategoryLabel(m.variable.split(':')[0] as string, c.category, c.merged, lang), String(c.count), pct(c.target), pct(c.achieved)]),
      })),
    },
    { heading: t.national, paragraphs: [t.intervalNote(report.minimumRespondents, report.interval)], tables: indicatorTables(report.national, t.national, lang) },
  ];
  const pr = report.progress;
  out.push({
    heading: t.progress,
    paragraphs: [t.progressNote(pr.inWindow, pr.target, pr.window.from, pr.window.to, pr.outsideWindow)],
    tables: [
      {
        caption: t.progressTerritories(pr.territoryTarget),
        head: [t.name, t.count, t.status],
        rows: pr.territories.map((d) => [d.name ?? d.code, `${d.n} / ${pr.territoryTarget}`, d.reached ? t.reached : t.notReached]),
      },
    ],
  });
  out.push(...breakdownSections(report, lang));
  if (report.items.length > 0)
    out.push({
      heading: t.items,
      paragraphs: [t.itemsNote],
      tables: [
        {
          caption: t.items,
          head: [t.challenge, t.count, t.itemSuccess, t.itemSkipped, t.itemTimedOut, t.difficulty, t.discrimination, t.flag],
          rows: report.items.map((it) => [
            it.challengeId,
            String(it.n),
            pct(it.success),
            pct(it.skipped),
            pct(it.timedOut),
            fmt(it.difficulty, 2),
            it.discrimination === null ? '–' : fmt(it.discrimination, 2),
            it.notDiscriminating ? t.notDiscriminating : '',
          ]),
        },
      ],
    });
  if (report.focus) {
    const f = report.focus;
    out.push({
      heading: `${t.focus} : ${domainTitle(f, lang)}`,
      paragraphs: f.status === 'estimated' ? [] : [t.tooFew(f.n, f.minimum)],
      tables: f.status === 'estimated' ? indicatorTables(f.indicators, domainTitle(f, lang), lang) : [],
    });
  }
  for (const p of report.profiles) {
    const title = `${t.profiles} : ${analysisLabel('profile', p.profile, lang)}`;
    out.push(p.status === 'estimated' ? { heading: title, paragraphs: [], tables: indicatorTables(p.indicators, analysisLabel('profile', p.profile, lang), lang) } : { heading: title, paragraphs: [t.tooFew(p.n, p.minimum)], tables: [] });
  }
  out.push({
    heading: t.domains,
    paragraphs: [],
    tables: [
      {
        caption: t.domains,
        head: [t.kind, t.code, t.name, t.count, t.status],
        rows: report.domains.map((d) => [analysisLabel('domain', d.kind, lang), d.code, d.name ?? '', String(d.n), d.status === 'estimated' ? t.estimated : t.skipped]),
      },
    ],
  });
  return out;
}

/** One table per breakdown variable: a row per group with the key indicators, `*` when it differs from the national figure. */
function breakdownSections(report: ObservatoireReport, lang: ReportLang): Section[] {
  const t = TEXT[lang];
  if (report.breakdowns.length === 0) return [];
  const share = (c: CategoryEstimate | undefined): string => (c ? `${pct(c.proportion)} (${pct(c.low)} – ${pct(c.high)})${c.national?.differs ? ' *' : ''}` : '');
  const yes = (d: Distribution): CategoryEstimate | undefined => d.categories.find((c) => c.category === 'yes');
  const courses = report.national.courses;
  return [
    {
      heading: t.breakdowns,
      paragraphs: [t.breakdownNote(report.minimumCellSize)],
      tables: report.breakdowns.map((b) => ({
        caption: `${t.breakdowns} – ${analysisLabel('breakdown', b.variable, lang)}`,
        head: [
          analysisLabel('breakdown', b.variable, lang),
          t.count,
          t.distributions.illectronisme,
          t.distributions.halo,
          analysisLabel('staircase_level', '0', lang),
          ...courses.map((c) => `${t.course(c.course)} – ${t.passedAmongEnded}`),
          t.mean,
        ],
        rows: b.groups.map((g) => [
          analysisLabel(b.variable, g.category, lang),
          `${g.n}${g.small ? ` (${t.small})` : ''}`,
          share(yes(g.indicators.illectronisme)),
          share(yes(g.indicators.halo)),
          share(g.indicators.staircase.categories.find((c) => c.category === '0')),
          ...g.indicators.courses.map((c) => share(c.passed)),
          `${fmt(g.indicators.meanStaircaseLevel.mean, 2)}${g.indicators.meanStaircaseLevel.national?.differs ? ' *' : ''}`,
        ]),
      })),
    },
  ];
}

const mdCell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * The report as Markdown.
 *
 * @example
 * writeFileSync('rapport.md', renderMarkdown(report, 'fr'));
 */
export function renderMarkdown(report: ObservatoireReport, lang: ReportLang = 'fr'): string {
  const lines = [`# ${TEXT[lang].title}`, ''];
  if (report.generatedAt) lines.push(report.generatedAt, '');
  for (const s of sections(report, lang)) {
    lines.push(`## ${mdCell(s.heading)}`, '');
    for (const p of s.paragraphs) lines.push(p, '');
    for (const table of s.tables) {
      lines.push(`**${mdCell(table.caption)}**`, '', `| ${table.head.map(mdCell).join(' | ')} |`, `|${table.head.map(() => ' --- ').join('|')}|`);
      for (const row of table.rows) lines.push(`| ${row.map(mdCell).join(' | ')} |`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

/**
 * The report as one self-contained HTML page (no external resource), every text escaped.
 *
 * @example
 * writeFileSync('rapport.html', renderHtml(report, 'fr'));
 */
export function renderHtml(report: ObservatoireReport, lang: ReportLang = 'fr'): string {
  const e = escapeHtml;
  const body = sections(report, lang)
    .map(
      (s) =>
        `<section>\n<h2>${e(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}\n${s.tables
          .map(
            (table) =>
              `<table>\n<caption>${e(table.caption)}</caption>\n<thead><tr>${table.head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${table.rows
                .map((row) => `<tr>${row.map((cell, k) => (k === 0 ? `<th scope="row">${e(cell)}</th>` : `<td>${e(cell)}</td>`)).join('')}</tr>`)
                .join('\n')}\n</tbody>\n</table>`,
          )
          .join('\n')}\n</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(TEXT[lang].title)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1e1e1e; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  table { break-inside: auto; font-size: 8.5pt; }
  tr, caption { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
}
</style>
</head>
<body>
<main>
<h1>${e(TEXT[lang].title)}</h1>
${report.generatedAt ? `<p>${e(report.generatedAt)}</p>\n` : ''}${body}
</main>
</body>
</html>
`;
}

const csvCell = (s: string): string => (/[",\r\n]/.test(s) || /^[=+\-@\t\r]/.test(s) ? `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s);

/**
 * Every table of the report as CSV (labels, never codes; RFC 4180, cells that could start a formula quoted and
 * prefixed with `'`), each with a file name made from its position and caption.
 *
 * @example
 * for (const t of renderCsvTables(report, 'fr')) writeFileSync(join('rapport-csv', t.name), t.csv);
 */
export function renderCsvTables(report: ObservatoireReport, lang: ReportLang = 'fr'): { name: string; caption: string; csv: string }[] {
  const tables = sections(report, lang).flatMap((s) => s.tables);
  return tables.map((table, k) => {
    const slug = table.caption
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    const lines = [table.head, ...table.rows].map((r) => r.map(csvCell).join(','));
    return { name: `${String(k + 1).padStart(2, '0')}-${slug}.csv`, caption: table.caption, csv: `${lines.join('\r\n')}\r\n` };
  });
}
