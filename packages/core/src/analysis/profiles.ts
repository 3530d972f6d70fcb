/**
 * The four beneficiary profiles of the 2023 survey of the conseillers numériques' public (seed 003):
 * beginner seniors (26%), initiated seniors (35%), improvement paths (26%), insertion paths (13%).
 * The survey built them from many answers; here they are assigned by short, ordered rules on the
 * Observatoire questionnaire, the first rule that matches wins. `PROFILE_RULES` is the table the
 * documentation shows.
 */
import type { Row } from './margins.js';
import type { ProfileCode } from './report-types.js';
import { isNonUser } from './levels.js';

export const PROFILES: readonly ProfileCode[] = ['beginner_seniors', 'initiated_seniors', 'improvement_paths', 'insertion_paths', 'unclassified'];

const SENIOR_BANDS = new Set(['soixante_soixante_neuf', 'soixante_dix_plus']);
const INSERTION_SITUATIONS = new Set(['demandeur_emploi', 'etudes_formation']);

function ageKnown(row: Row): boolean {
  const band = row.age_band ?? '';
  return (band !== '' && band !== 'non_communique') || row.q_situation === 'retraite';
}

/** 60 or over, or retired. */
function isSenior(row: Row): boolean {
  return SENIOR_BANDS.has(row.age_band ?? '') || row.q_situation === 'retraite';
}

export interface ProfileRule {
  /** Stable id, used in tests and docs. */
  id: string;
  profile: ProfileCode;
  /** The rule in plain words. */
  fr: string;
  en: string;
  matches: (row: Row) => boolean;
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
    id: 'young_job_seeker_or_student',
    profile: 'insertion_paths',
    fr: 'Moins de 60 ans, non retraité, en recherche d’emploi ou en études / formation',
    en: 'Under 60, not retired, job seeker or in education / training',
    matches: (r) => !isSenior(r) && INSERTION_SITUATIONS.has(r.q_situation ?? ''),
  },
  {
    id: 'young_other',
    profile: 'improvement_paths',
    fr: 'Moins de 60 ans, non retraité, autre situation (en emploi, au foyer, autre, non répondu)',
    en: 'Under 60, not retired, any other situation (employed, at home, other, not answered)',
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
    id: 'senior_not_at_ease',
    profile: 'beginner_seniors',
    fr: '60 ans ou plus ou retraité, pas du tout à l’aise avec le numérique',
    en: '60 or over or retired, not at ease at all with digital tools',
    matches: (r) => r.q_aisance === 'pas_du_tout',
  },
  {
    id: 'senior_little_ease_no_diploma',
    profile: 'beginner_seniors',
    fr: '60 ans ou plus ou retraité, un peu à l’aise, sans diplôme',
    en: '60 or over or retired, a little at ease, no diploma',
    matches: (r) => r.q_aisance === 'un_peu' && r.q_diplome === 'aucun_diplome',
  },
  {
    id: 'senior_little_ease',
    profile: 'initiated_seniors',
    fr: '60 ans ou plus ou retraité, un peu à l’aise, avec un diplôme (ou ne sait pas)',
    en: '60 or over or retired, a little at ease, with a diploma (or does not know)',
    matches: (r) => r.q_aisance === 'un_peu',
  },
  {
    id: 'senior_at_ease',
    profile: 'improvement_paths',
    fr: '60 ans ou plus ou retraité, assez ou très à l’aise',
    en: '60 or over or retired, fairly or very at ease',
    matches: (r) => r.q_aisance === 'assez' || r.q_aisance === 'tres',
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
 * The rule that assigns the respondent's profile (first match in `PROFILE_RULES`).
 *
 * @example
 * profileRule({ age_band: 'soixante_dix_plus', q_aisance: 'un_peu', q_diplome: 'baccalaureat', q_dernier_usage_internet: 'moins_de_3_mois' }).id; // 'senior_little_ease'
 */
export function profileRule(row: Row): ProfileRule {
  return PROFILE_RULES.find((rule) => rule.matches(row)) as ProfileRule;
}

/**
 * The respondent's 2023 profile.
 *
 * @example
 * profileOf({ age_band: 'vingt_cinq_trente_neuf', q_situation: 'demandeur_emploi' }); // 'insertion_paths'
 */
export function profileOf(row: Row): ProfileCode {
  return profileRule(row).profile;
}
