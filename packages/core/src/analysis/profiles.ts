/**
 * The four beneficiary profiles of the 2023 survey of the conseillers numériques' public: beginner seniors (26%),
 * initiated seniors (35%), improvement paths (26%), insertion paths (13%). The 2023 survey built them after the
 * accompaniment, from its intensity, the prescription and the progress; here they are approximated **at entry**
 * from what the survey observes (age, activity, diploma, ease, test results, prescription by the CAF, France
 * Travail or another body such as social services), by short ordered rules: the first rule that matches wins
 * (docs/analysis.md, "Profiles at entry"). `PROFILE_RULES` is the table the documentation shows.
 */
import { staircaseLevel } from '../outcome.js';
import { respondentFromRow } from './from-export.js';
import type { Row } from './margins.js';
import type { ProfileCode } from './report-types.js';
import { isNonUser } from './levels.js';

export const PROFILES: readonly ProfileCode[] = ['beginner_seniors', 'initiated_seniors', 'improvement_paths', 'insertion_paths', 'unclassified'];

const SENIOR_BANDS = new Set(['soixante_soixante_neuf', 'soixante_dix_plus']);
const INSERTION_SITUATIONS = new Set(['demandeur_emploi', 'etudes_formation']);
/** Orientation answers that are a prescription by the CAF, France Travail or another body (association, social service). */
const PRESCRIBERS = new Set(['caf', 'france_travail', 'autre_organisme']);
const AT_EASE = new Set(['assez', 'tres']);

function ageKnown(row: Row): boolean {
  const band = row.age_band ?? '';
  return (band !== '' && band !== 'non_communique') || row.q_situation === 'retraite';
}

/** 60 or over, or retired. */
function isSenior(row: Row): boolean {
  return SENIOR_BANDS.has(row.age_band ?? '') || row.q_situation === 'retraite';
}

/** The staircase level of the row's test, undefined when course 1 did not end. */
function levelOf(row: Row): number | undefined {
  return staircaseLevel(respondentFromRow(row).courses);
}

/** What the rules read of the test, computed once per respondent by `profileRule`. */
export interface ProfileFacts {
  /** The staircase level, undefined when course 1 did not end. */
  level: number | undefined;
}

function levelIn(row: Row, facts: ProfileFacts | undefined): number | undefined {
  return facts ? facts.level : levelOf(row);
}

/** The most distant at entry: no Internet use for 3 months, not at ease at all, or course 1 (handling) not passed. */
function isDistant(row: Row, facts?: ProfileFacts): boolean {
  return isNonUser(row.q_dernier_usage_internet) === true || row.q_aisance === 'pas_du_tout' || levelIn(row, facts) === 0;
}

export interface ProfileRule {
  /** Stable id, used in tests and docs. */
  id: string;
  profile: ProfileCode;
  /** The rule in plain words. */
  fr: string;
  en: string;
  /** Whether the rule applies; `facts` (the test's results) are computed from the row when absent. */
  matches: (row: Row, facts?: ProfileFacts) => boolean;
}

/** Ordered: the first matching rule gives the profile. The last rule always matches. */
export const PROFILE_RULES: readonly ProfileRule[] = [
  {
    id: 'age_unknown',
    profile: 'unclassified',
    fr: 'Âge non communiqué et pas retraité',
    en: 'Age not given and not retired',
    matches: (r) => !ageKnown(r),
  },
  {
    id: 'young_seeking_or_prescribed',
    profile: 'insertion_paths',
    fr: 'Moins de 60 ans, en recherche d’emploi ou en formation, ou envoyé par la CAF, France Travail ou un autre organisme',
    en: 'Under 60, job seeker or in training, or sent by the CAF, France Travail or another body',
    matches: (r) => !isSenior(r) && (INSERTION_SITUATIONS.has(r.q_situation ?? '') || PRESCRIBERS.has(r.q_connu_par ?? '')),
  },
  {
    id: 'young_distant',
    profile: 'insertion_paths',
    fr: 'Moins de 60 ans, sans usage d’Internet depuis 3 mois, pas du tout à l’aise, ou parcours 1 non réussi',
    en: 'Under 60, no Internet use for 3 months, not at ease at all, or course 1 not passed',
    matches: (r, f) => !isSenior(r) && isDistant(r, f),
  },
  {
    id: 'young_other',
    profile: 'improvement_paths',
    fr: 'Moins de 60 ans, autre situation (usager d’Internet, un peu ou plus à l’aise, parcours 1 réussi ou non passé)',
    en: 'Under 60, any other case (Internet user, at least a little at ease, course 1 passed or not taken)',
    matches: (r) => !isSenior(r),
  },
  {
    id: 'senior_non_user',
    profile: 'beginner_seniors',
    fr: '60 ans ou plus ou retraité, sans usage d’Internet depuis plus de 3 mois ou jamais',
    en: '60 or over or retired, no Internet use for more than 3 months or never',
    matches: (r) => isNonUser(r.q_dernier_usage_internet) === true,
  },
  {
    id: 'senior_handling_not_passed',
    profile: 'beginner_seniors',
    fr: '60 ans ou plus ou retraité, parcours 1 (manipulation) non réussi, quelle que soit l’aisance déclarée',
    en: '60 or over or retired, course 1 (handling) not passed, whatever the ease they report',
    matches: (r, f) => levelIn(r, f) === 0,
  },
  {
    id: 'senior_not_at_ease',
    profile: 'beginner_seniors',
    fr: '60 ans ou plus ou retraité, pas du tout à l’aise avec le numérique',
    en: '60 or over or retired, not at ease at all with digital tools',
    matches: (r) => r.q_aisance === 'pas_du_tout',
  },
  {
    id: 'senior_at_ease_skilled',
    profile: 'improvement_paths',
    fr: '60 ans ou plus ou retraité, assez ou très à l’aise et au moins le niveau 2 de l’escalier',
    en: '60 or over or retired, fairly or very at ease and at least level 2 of the staircase',
    matches: (r, f) => AT_EASE.has(r.q_aisance ?? '') && (levelIn(r, f) ?? 0) >= 2,
  },
  {
    id: 'senior_little_ease_no_diploma',
    profile: 'beginner_seniors',
    fr: '60 ans ou plus ou retraité, un peu à l’aise, sans diplôme, au plus le niveau 1 (ou test non passé)',
    en: '60 or over or retired, a little at ease, no diploma, at most level 1 (or test not taken)',
    matches: (r, f) => r.q_aisance === 'un_peu' && r.q_diplome === 'aucun_diplome' && (levelIn(r, f) ?? 0) <= 1,
  },
  {
    id: 'senior_initiated',
    profile: 'initiated_seniors',
    fr: '60 ans ou plus ou retraité, un peu, assez ou très à l’aise (autres cas)',
    en: '60 or over or retired, a little, fairly or very at ease (other cases)',
    matches: (r) => r.q_aisance === 'un_peu' || AT_EASE.has(r.q_aisance ?? ''),
  },
  {
    id: 'senior_ease_unknown',
    profile: 'unclassified',
    fr: '60 ans ou plus ou retraité, aisance non répondue',
    en: '60 or over or retired, ease not answered',
    matches: () => true,
  },
];

/**
 * The rule that assigns the respondent's profile (first match in `PROFILE_RULES`); `facts` are computed from the
 * row when not given (a caller that already has the staircase level passes it).
 *
 * @example
 * profileRule({ age_band: 'soixante_dix_plus', q_aisance: 'un_peu', q_diplome: 'baccalaureat', q_dernier_usage_internet: 'moins_de_3_mois' }).id; // 'senior_little_ease'
 */
export function profileRule(row: Row, facts: ProfileFacts = { level: levelOf(row) }): ProfileRule {
  return PROFILE_RULES.find((rule) => rule.matches(row, facts)) as ProfileRule;
}

/**
 * The respondent's 2023 profile.
 *
 * @example
 * profileOf({ age_band: 'vingt_cinq_trente_neuf', q_situation: 'demandeur_emploi' }); // 'insertion_paths'
 */
export function profileOf(row: Row, facts?: ProfileFacts): ProfileCode {
  return profileRule(row, facts).profile;
}
