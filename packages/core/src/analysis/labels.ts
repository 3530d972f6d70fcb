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
    'breakdown:age_band': 'Tranche d’âge',
    'breakdown:gender': 'Genre',
    'breakdown:diploma': 'Diplôme',
    'breakdown:activity': 'Situation',
    'breakdown:equipment': 'Équipement',
    'breakdown:home_connection': 'Connexion à domicile',
    'breakdown:ease': 'Aisance avec le numérique',
    'breakdown:commune_size': 'Taille de la commune',
    'age_band:moins_de_douze': 'Moins de 12 ans',
    'age_band:douze_dix_huit': '12 à 17 ans',
    'age_band:dix_huit_vingt_quatre': '18 à 24 ans',
    'age_band:vingt_cinq_trente_neuf': '25 à 39 ans',
    'age_band:quarante_cinquante_neuf': '40 à 59 ans',
    'age_band:soixante_soixante_neuf': '60 à 69 ans',
    'age_band:soixante_dix_plus': '70 ans et plus',
    'gender:feminin': 'Femmes',
    'gender:masculin': 'Hommes',
    'diploma:aucun_diplome': 'Aucun diplôme',
    'diploma:bepc_cap_bep': 'BEPC, CAP, BEP',
    'diploma:baccalaureat': 'Baccalauréat',
    'diploma:enseignement_superieur': 'Enseignement supérieur',
    'diploma:ne_sait_pas': 'Ne sait pas',
    'activity:en_emploi': 'En emploi',
    'activity:demandeur_emploi': 'En recherche d’emploi',
    'activity:retraite': 'Retraité',
    'activity:etudes_formation': 'En études ou en formation',
    'activity:au_foyer': 'Au foyer',
    'activity:autre': 'Autre situation',
    'equipment:ordinateur': 'A un ordinateur',
    'equipment:mobile_seulement': 'Téléphone ou tablette seulement',
    'equipment:aucun': 'Aucun équipement',
    'home_connection:oui': 'Connexion à domicile',
    'home_connection:non': 'Pas de connexion à domicile',
    'home_connection:ne_sait_pas': 'Ne sait pas',
    'ease:pas_du_tout': 'Pas du tout à l’aise',
    'ease:un_peu': 'Un peu à l’aise',
    'ease:assez': 'Assez à l’aise',
    'ease:tres': 'Très à l’aise',
    'commune_size:moins_de_2000': 'Moins de 2 000 habitants',
    'commune_size:de_2000_a_9999': '2 000 à 9 999 habitants',
    'commune_size:de_10000_a_49999': '10 000 à 49 999 habitants',
    'commune_size:de_50000_a_199999': '50 000 à 199 999 habitants',
    'commune_size:200000_et_plus': '200 000 habitants et plus',
    'margin:q_genre': 'Genre',
    'margin:age_band': 'Tranche d’âge',
    'margin:statut_social': 'Statut social',
    'margin:q_thematiques': 'Thématiques',
    'margin:q_diplome': 'Diplôme',
    'margin:q_situation': 'Situation',
    'margin:q_aisance': 'Aisance',
    'margin:q_connexion_domicile': 'Connexion à domicile',
    'statut_social:scolarise': 'Scolarisé ou en formation',
    'statut_social:sans_emploi': 'Sans emploi',
    'statut_social:en_emploi': 'En emploi',
    'statut_social:retraite': 'Retraité',
    'statut_social:non_communique': 'Non communiqué',
    'margin_category:(missing)': 'Non renseigné',
    'margin_category:covered': 'Oui',
    'margin_category:not_covered': 'Non',
    'theme:diagnostic_numerique': 'Faire le point sur ce que je sais faire',
    'theme:prendre_en_main_du_materiel': 'Apprendre à utiliser un ordinateur, un téléphone ou une tablette',
    'theme:maintenance_de_materiel': 'Réparer ou mettre à jour un appareil',
    'theme:gere_ses_contenus_numeriques': 'Ranger mes fichiers et mes photos',
    'theme:navigation_sur_internet': 'Aller sur Internet, chercher une information',
    'theme:email': 'Utiliser les e-mails',
    'theme:bureautique': 'Écrire un courrier, faire un tableau',
    'theme:reseaux_sociaux': 'Utiliser les réseaux sociaux (Facebook, WhatsApp…)',
    'theme:sante': 'La santé (Ameli, prendre un rendez-vous médical…)',
    'theme:banque_et_achats_en_ligne': 'La banque et les achats sur Internet',
    'theme:entrepreneuriat': 'Créer ou gérer une entreprise',
    'theme:insertion_professionnelle': 'Chercher un emploi ou une formation',
    'theme:securite_numerique': 'Me protéger des arnaques et des virus',
    'theme:parentalite': 'Accompagner mes enfants sur les écrans',
    'theme:scolarite_et_numerique': 'Suivre la scolarité de mes enfants sur Internet',
    'theme:creer_avec_le_numerique': 'Créer avec le numérique (photos, vidéos…)',
    'theme:culture_numerique': 'Comprendre le numérique et ses usages',
    'theme:intelligence_artificielle': 'L’intelligence artificielle (ChatGPT…)',
    'theme:aide_aux_demarches_administratives': 'Faire une démarche administrative (CAF, impôts, retraite…)',
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
    'breakdown:age_band': 'Age band',
    'breakdown:gender': 'Gender',
    'breakdown:diploma': 'Diploma',
    'breakdown:activity': 'Activity',
    'breakdown:equipment': 'Equipment',
    'breakdown:home_connection': 'Home connection',
    'breakdown:ease': 'Ease with digital tools',
    'breakdown:commune_size': 'Size of commune',
    'age_band:moins_de_douze': 'Under 12',
    'age_band:douze_dix_huit': '12 to 17',
    'age_band:dix_huit_vingt_quatre': '18 to 24',
    'age_band:vingt_cinq_trente_neuf': '25 to 39',
    'age_band:quarante_cinquante_neuf': '40 to 59',
    'age_band:soixante_soixante_neuf': '60 to 69',
    'age_band:soixante_dix_plus': '70 and over',
    'gender:feminin': 'Women',
    'gender:masculin': 'Men',
    'diploma:aucun_diplome': 'No diploma',
    'diploma:bepc_cap_bep': 'BEPC, CAP, BEP',
    'diploma:baccalaureat': 'Baccalauréat',
    'diploma:enseignement_superieur': 'Higher education',
    'diploma:ne_sait_pas': 'Does not know',
    'activity:en_emploi': 'Employed',
    'activity:demandeur_emploi': 'Job seeker',
    'activity:retraite': 'Retired',
    'activity:etudes_formation': 'In education or training',
    'activity:au_foyer': 'At home',
    'activity:autre': 'Other situation',
    'equipment:ordinateur': 'Has a computer',
    'equipment:mobile_seulement': 'Phone or tablet only',
    'equipment:aucun': 'No equipment',
    'home_connection:oui': 'Connected at home',
    'home_connection:non': 'No home connection',
    'home_connection:ne_sait_pas': 'Does not know',
    'ease:pas_du_tout': 'Not at ease at all',
    'ease:un_peu': 'A little at ease',
    'ease:assez': 'Fairly at ease',
    'ease:tres': 'Very at ease',
    'commune_size:moins_de_2000': 'Under 2,000 inhabitants',
    'commune_size:de_2000_a_9999': '2,000 to 9,999 inhabitants',
    'commune_size:de_10000_a_49999': '10,000 to 49,999 inhabitants',
    'commune_size:de_50000_a_199999': '50,000 to 199,999 inhabitants',
    'commune_size:200000_et_plus': '200,000 inhabitants and over',
    'margin:q_genre': 'Gender',
    'margin:age_band': 'Age band',
    'margin:statut_social': 'Social status',
    'margin:q_thematiques': 'Themes',
    'margin:q_diplome': 'Diploma',
    'margin:q_situation': 'Activity',
    'margin:q_aisance': 'Ease',
    'margin:q_connexion_domicile': 'Home connection',
    'statut_social:scolarise': 'In education or training',
    'statut_social:sans_emploi': 'Without a job',
    'statut_social:en_emploi': 'Employed',
    'statut_social:retraite': 'Retired',
    'statut_social:non_communique': 'Not given',
    'margin_category:(missing)': 'Not answered',
    'margin_category:covered': 'Yes',
    'margin_category:not_covered': 'No',
    'theme:diagnostic_numerique': 'Find out what I can already do',
    'theme:prendre_en_main_du_materiel': 'Learn to use a computer, a phone or a tablet',
    'theme:maintenance_de_materiel': 'Fix or update a device',
    'theme:gere_ses_contenus_numeriques': 'Organise my files and photos',
    'theme:navigation_sur_internet': 'Browse the Internet, look for information',
    'theme:email': 'Use e-mail',
    'theme:bureautique': 'Write a letter, make a table',
    'theme:reseaux_sociaux': 'Use social networks (Facebook, WhatsApp…)',
    'theme:sante': 'Health (health insurance, booking a doctor…)',
    'theme:banque_et_achats_en_ligne': 'Online banking and shopping',
    'theme:entrepreneuriat': 'Start or run a business',
    'theme:insertion_professionnelle': 'Look for a job or training',
    'theme:securite_numerique': 'Protect myself from scams and viruses',
    'theme:parentalite': 'Guide my children with screens',
    'theme:scolarite_et_numerique': 'Follow my children’s schooling online',
    'theme:creer_avec_le_numerique': 'Create with digital tools (photos, videos…)',
    'theme:culture_numerique': 'Understand digital technology and its uses',
    'theme:intelligence_artificielle': 'Artificial intelligence (ChatGPT…)',
    'theme:aide_aux_demarches_administratives': 'Do an administrative procedure (benefits, taxes, pension…)',
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

/** Export column of a margin → the variable whose category labels it uses. */
const MARGIN_VARIABLES: Readonly<Record<string, string>> = {
  age_band: 'age_band',
  q_genre: 'gender',
  q_diplome: 'diploma',
  q_situation: 'activity',
  q_aisance: 'ease',
  q_connexion_domicile: 'home_connection',
  statut_social: 'statut_social',
};

/** Lower bounds of the age bands (docs/questionnaire.md, "Derived categories"), in band order. */
const AGE_LOWER_BOUNDS: Readonly<Record<string, number>> = {
  moins_de_douze: 0,
  douze_dix_huit: 12,
  dix_huit_vingt_quatre: 18,
  vingt_cinq_trente_neuf: 25,
  quarante_cinquante_neuf: 40,
  soixante_soixante_neuf: 60,
  soixante_dix_plus: 70,
};
const AGE_UPPER_BOUNDS: Readonly<Record<string, number>> = {
  moins_de_douze: 12,
  douze_dix_huit: 18,
  dix_huit_vingt_quatre: 25,
  vingt_cinq_trente_neuf: 40,
  quarante_cinquante_neuf: 60,
  soixante_soixante_neuf: 70,
  soixante_dix_plus: Infinity,
};

/** The label of age bands merged together: "60 ans et plus", "moins de 60 ans", "25 à 59 ans". */
function ageRangeLabel(bands: readonly string[], lang: ReportLang): string | undefined {
  const lows = bands.map((b) => AGE_LOWER_BOUNDS[b]);
  const highs = bands.map((b) => AGE_UPPER_BOUNDS[b]);
  if (lows.some((x) => x === undefined) || highs.some((x) => x === undefined)) return undefined;
  const low = Math.min(...(lows as number[]));
  const high = Math.max(...(highs as number[]));
  if (high === Infinity) return lang === 'fr' ? `${low} ans et plus` : `${low} and over`;
  if (low === 0) return lang === 'fr' ? `Moins de ${high} ans` : `Under ${high}`;
  return lang === 'fr' ? `${low} à ${high - 1} ans` : `${low} to ${high - 1}`;
}

/**
 * The label of a weighting margin's category: the category's own label, the age range of merged age bands
 * ("60 ans et plus" for 70+ with 60-69 collapsed into it), a theme's covered / not covered, or "not answered".
 *
 * @example
 * marginCategoryLabel('age_band', 'soixante_dix_plus', ['soixante_soixante_neuf']); // '60 ans et plus'
 */
export function marginCategoryLabel(variable: string, category: string, merged: readonly string[] = [], lang: ReportLang = 'fr'): string {
  const labels = ANALYSIS_LABELS[lang];
  const own = labels[`margin_category:${category}`];
  if (own !== undefined) return own;
  if (variable === 'age_band') {
    const range = ageRangeLabel([category, ...merged], lang);
    if (range !== undefined) return range;
  }
  const target = MARGIN_VARIABLES[variable];
  const label = (code: string): string => (target === undefined ? code : (labels[`${target}:${code}`] ?? code));
  return [category, ...merged].map(label).join(' + ');
}

/**
 * The label of a weighting margin (`q_genre`, or `q_thematiques:email` for one theme).
 *
 * @example
 * marginLabel('q_thematiques:email', 'en'); // 'Themes: Send an email' (the theme's label)
 */
export function marginLabel(name: string, lang: ReportLang = 'fr'): string {
  const labels = ANALYSIS_LABELS[lang];
  const [variable, theme] = name.split(':') as [string, string | undefined];
  const own = labels[`margin:${variable}`] ?? variable;
  return theme === undefined ? own : `${own}${lang === 'fr' ? ' : ' : ': '}${labels[`theme:${theme}`] ?? theme}`;
}
