/** Labels people read for the report's codes, in French (default) and English. */
export type ReportLang = 'fr' | 'en';

type Labels = Readonly<Record<string, string>>;

export const ANALYSIS_LABELS: Readonly<Record<ReportLang, Labels>> = {
  fr: {
    'staircase_level:0': 'Niveau 0 : parcours 1 (manipulation) non réussi',
    'staircase_level:1': 'Niveau 1 : manipulation réussie',
    'staircase_level:2': 'Niveau 2 : compétences de base réussies',
    'staircase_level:3': 'Niveau 3 : culture numérique réussie',
    'distance:non_user': 'Non-internaute (pas d’usage depuis 3 mois ou plus)',
    'distance:user_level_0': 'Internaute, manipulation non réussie',
    'distance:user_level_1': 'Internaute, manipulation seule',
    'distance:user_level_2': 'Internaute, compétences de base',
    'distance:user_level_3': 'Internaute, culture numérique',
    'illectronisme:yes': 'Illectronisme, mesure de type INSEE (15 ans et plus)',
    'illectronisme:no': 'Hors illectronisme, mesure de type INSEE (15 ans et plus)',
    'halo:yes': 'Dans le halo de type CRÉDOC (non-internaute ou peu / pas à l’aise)',
    'halo:no': 'Hors du halo de type CRÉDOC',
    'profile:beginner_seniors': 'Séniors débutants',
    'profile:initiated_seniors': 'Séniors initiés',
    'profile:improvement_paths': 'Parcours de perfectionnement',
    'profile:insertion_paths': 'Parcours d’insertion',
    'profile:unclassified': 'Non classé',
    'domain:department': 'Département',
    'domain:region': 'Région',
    'domain:epci': 'EPCI',
    'domain:organisation': 'Structure',
    'exclusion:test_run': 'Sessions de test',
    'exclusion:other_survey': 'Sessions d’une autre enquête ou version (dont diagnostic rapide)',
    'exclusion:out_of_scope': 'Hors champ : déjà plusieurs accompagnements',
    'exclusion:probable_duplicate': 'Doublons probables (reprise après abandon)',
    'exclusion:filtered_out': 'Écartées par les filtres du rapport',
    'counted:testNotTaken': 'dont test non passé (questionnaire seul)',
    'counted:course1NotFinished': 'dont parcours 1 quitté avant la fin (sans niveau)',
    'counted:under15': 'dont moins de 15 ans (hors mesure de type INSEE)',
    'counted:filledByMediator': 'dont remplies par le médiateur',
    'counted:resumed': 'dont reprises après interruption',
    'course_result:passed': 'Réussi',
    'course_result:failed': 'Non réussi',
    'course_result:stopped_by_mediator': 'Arrêté par le médiateur',
    'course_result:left': 'Quitté en cours',
    'course_result:not_reached': 'Non atteint',
  },
  en: {
    'staircase_level:0': 'Level 0: course 1 (handling) not passed',
    'staircase_level:1': 'Level 1: handling passed',
    'staircase_level:2': 'Level 2: basic skills passed',
    'staircase_level:3': 'Level 3: digital culture passed',
    'distance:non_user': 'Non-user (no use for 3 months or more)',
    'distance:user_level_0': 'User, handling not passed',
    'distance:user_level_1': 'User, handling only',
    'distance:user_level_2': 'User, basic skills',
    'distance:user_level_3': 'User, digital culture',
    'illectronisme:yes': 'Illectronisme, INSEE-like measure (aged 15 and over)',
    'illectronisme:no': 'No illectronisme, INSEE-like measure (aged 15 and over)',
    'halo:yes': 'In the CRÉDOC-like halo (non-user, or little / not at ease)',
    'halo:no': 'Outside the CRÉDOC-like halo',
    'profile:beginner_seniors': 'Beginner seniors',
    'profile:initiated_seniors': 'Initiated seniors',
    'profile:improvement_paths': 'Improvement paths',
    'profile:insertion_paths': 'Insertion paths',
    'profile:unclassified': 'Unclassified',
    'domain:department': 'Department',
    'domain:region': 'Region',
    'domain:epci': 'EPCI',
    'domain:organisation': 'Organisation',
    'exclusion:test_run': 'Test sessions',
    'exclusion:other_survey': 'Sessions of another survey or version (quick diagnostic included)',
    'exclusion:out_of_scope': 'Out of scope: several accompaniments already',
    'exclusion:probable_duplicate': 'Probable duplicates (restart after an abandon)',
    'exclusion:filtered_out': 'Left out by the report filters',
    'counted:testNotTaken': 'of which test not taken (questionnaire only)',
    'counted:course1NotFinished': 'of which course 1 left before its end (no level)',
    'counted:under15': 'of which under 15 (out of the INSEE-like measure)',
    'counted:filledByMediator': 'of which filled by the mediator',
    'counted:resumed': 'of which resumed after an interruption',
    'course_result:passed': 'Passed',
    'course_result:failed': 'Not passed',
    'course_result:stopped_by_mediator': 'Stopped by the mediator',
    'course_result:left': 'Left mid-course',
    'course_result:not_reached': 'Not reached',
  },
};

/**
 * The label of `variable:code`, or the code itself when none is known.
 *
 * @example
 * analysisLabel('profile', 'beginner_seniors'); // 'Séniors débutants'
 */
export function analysisLabel(variable: string, code: string, lang: ReportLang = 'fr'): string {
  return ANALYSIS_LABELS[lang][`${variable}:${code}`] ?? code;
}
