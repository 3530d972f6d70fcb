/** Every string `<obs-questionnaire>` shows, French first. Content texts come from the definition. */
import { type Lang, type Question, type Questionnaire } from '@observatoire/core';
import { translate, type Catalogue } from '@observatoire/core/i18n';

type Key =
  | 'progress'
  | 'progressContinued'
  | 'requiredNote'
  | 'optional'
  | 'previous'
  | 'next'
  | 'toReview'
  | 'errorSummary'
  | 'errorCount'
  | 'mediatorSwitch'
  | 'testSwitch'
  | 'testRun'
  | 'testHint'
  | 'reviewTitle'
  | 'reviewIntro'
  | 'change'
  | 'noAnswer'
  | 'validate'
  | 'validatedTitle'
  | 'validatedIntro'
  | 'filledByMediator'
  | 'postalCode'
  | 'postalHint'
  | 'chooseCommune'
  | 'communesLoading'
  | 'communesFound'
  | 'communesFailed'
  | 'retry'
  | 'unknownPostalCode'
  | 'errRequiredChoice'
  | 'errRequiredTicks'
  | 'errRequiredText'
  | 'errYear'
  | 'errTooLong'
  | 'errPostalCode'
  | 'errCommune'
  | 'errOther'
  | 'prefilled'
  | 'prefilledIntro';

export const messages = {
  fr: {
    progress: 'Question {n} sur {total}',
    progressContinued: 'Question {n} (suite) sur {total}',
    requiredNote: 'Répondez à chaque question.',
    optional: '(facultatif)',
    previous: 'Précédent',
    next: 'Suivant',
    toReview: 'Vérifier mes réponses',
    errorSummary: 'Il y a un problème',
    errorCount: 'Réponses à corriger\u00a0: {n}.',
    mediatorSwitch: 'Rempli par le médiateur pour le participant',
    testSwitch: 'Session de test (elle ne compte pas dans les résultats)',
    testRun: 'Session de test\u00a0: elle ne comptera pas dans les résultats.',
    testHint: 'Pour une session de test, cochez «\u00A0Session de test\u00A0» plus bas.',
    reviewTitle: 'Vérifiez vos réponses',
    reviewIntro: 'Une fois validées, vos réponses ne pourront plus être modifiées.',
    change: 'Modifier',
    noAnswer: 'Pas de réponse',
    validate: 'Valider mes réponses',
    validatedTitle: 'Vos réponses sont enregistrées',
    validatedIntro: 'Merci. Les réponses ne peuvent plus être modifiées.',
    filledByMediator: 'Le médiateur a rempli ce questionnaire.',
    postalCode: 'Code postal',
    postalHint: '5 chiffres, par exemple 35000.',
    chooseCommune: 'Choisissez votre commune',
    communesLoading: 'Recherche des communes…',
    communesFound: 'Communes du code postal {code}\u00a0: {n}.',
    communesFailed: 'La liste des communes n’a pas pu être chargée. Vérifiez la connexion, puis réessayez.',
    retry: 'Réessayer',
    unknownPostalCode: 'Aucune commune ne correspond au code postal {code}. Vérifiez le code.',
    errRequiredChoice: 'Choisissez une réponse à la question «\u00a0{label}\u00a0».',
    errRequiredTicks: 'Cochez au moins une réponse à la question «\u00a0{label}\u00a0».',
    errRequiredText: 'Écrivez votre réponse à la question «\u00a0{label}\u00a0».',
    errYear: 'Pour «\u00a0{label}\u00a0», écrivez une année en chiffres entre {min} et {max}, par exemple {example}.',
    errTooLong: 'Votre réponse à «\u00a0{label}\u00a0» est trop longue\u00a0: {max} caractères au maximum.',
    errPostalCode: 'Pour «\u00a0{label}\u00a0», écrivez le code postal en 5 chiffres, par exemple 35000.',
    errCommune: 'Pour «\u00a0{label}\u00a0», choisissez votre commune dans la liste.',
    errOther: 'Vérifiez votre réponse à la question «\u00a0{label}\u00a0».',
    prefilled: 'Déjà renseigné par la structure — à confirmer',
    prefilledIntro: 'La structure a déjà renseigné certaines réponses. Vérifiez-les avec la personne.',
  },
  en: {
    progress: 'Question {n} of {total}',
    progressContinued: 'Question {n} (continued) of {total}',
    requiredNote: 'Answer every question.',
    optional: '(optional)',
    previous: 'Previous',
    next: 'Next',
    toReview: 'Check my answers',
    errorSummary: 'There is a problem',
    errorCount: 'Answers to correct: {n}.',
    mediatorSwitch: 'Filled in by the mediator for the participant',
    testSwitch: 'Test session (it does not count in the results)',
    testRun: 'Test session: it will not count in the results.',
    testHint: 'For a test session, tick “Test session” below.',
    reviewTitle: 'Check your answers',
    reviewIntro: 'Once confirmed, your answers can no longer be changed.',
    change: 'Change',
    noAnswer: 'No answer',
    validate: 'Confirm my answers',
    validatedTitle: 'Your answers are saved',
    validatedIntro: 'Thank you. The answers can no longer be changed.',
    filledByMediator: 'The mediator filled in this questionnaire.',
    postalCode: 'Postal code',
    postalHint: '5 figures, for example 35000.',
    chooseCommune: 'Choose your commune',
    communesLoading: 'Looking for the communes…',
    communesFound: 'Communes of the postal code {code}: {n}.',
    communesFailed: 'The list of communes could not be loaded. Check the connection, then try again.',
    retry: 'Try again',
    unknownPostalCode: 'No commune matches the postal code {code}. Check the code.',
    errRequiredChoice: 'Choose an answer to the question “{label}”.',
    errRequiredTicks: 'Tick at least one answer to the question “{label}”.',
    errRequiredText: 'Write your answer to the question “{label}”.',
    errYear: 'For “{label}”, enter a year in figures between {min} and {max}, for example {example}.',
    errTooLong: 'Your answer to “{label}” is too long: {max} characters at most.',
    errPostalCode: 'For “{label}”, enter the postal code in 5 figures, for example 35000.',
    errCommune: 'For “{label}”, choose your commune from the list.',
    errOther: 'Check your answer to the question “{label}”.',
    prefilled: 'Already filled in by the organisation — to be confirmed',
    prefilledIntro: 'The organisation already filled in some answers. Check them with the person.',
  },
} satisfies Catalogue<Key>;

export type MessageKey = Key;

/**
 * The message for a required question left unanswered, by kind of question.
 *
 * @example
 * requiredKey(question); // 'errRequiredChoice'
 */
export function requiredKey(question: Question): MessageKey {
  switch (question.kind) {
    case 'single':
      return 'errRequiredChoice';
    case 'multiple':
      return 'errRequiredTicks';
    case 'year':
      return 'errYear';
    case 'commune':
      return 'errPostalCode';
    default:
      return 'errRequiredText';
  }
}

/**
 * The field errors of a refused questionnaire action (required answers missing, an answer out
 * of bounds), by question id; `undefined` for any other refusal.
 *
 * @example
 * refusalErrors({ code: 'questionnaire_incomplete', ids: ['age'] }, questionnaire); // Map { 'age' => 'errYear' }
 */
export function refusalErrors(error: unknown, questionnaire: Questionnaire): Map<string, MessageKey> | undefined {
  const { code, ids } = error as { code?: string; ids?: readonly string[] };
  if (!(code === 'questionnaire_incomplete' || code === 'invalid_question_answer') || !ids?.length) return undefined;
  const errors = new Map<string, MessageKey>();
  for (const id of ids) {
    const question = questionnaire.questions.find((q) => q.id === id);
    if (question) errors.set(id, code === 'invalid_question_answer' ? 'errOther' : requiredKey(question));
  }
  return errors;
}

/**
 * The text of a question's error, naming the question and its bounds (`currentYear` bounds a
 * year question without `max`); `code` is the typed postal code.
 *
 * @example
 * errorMessage(question, 'errYear', { code: '', currentYear: 2025 }, 'fr'); // 'Pour « Année de naissance », écrivez une année en chiffres entre 1900 et 2025, par exemple 1956.'
 */
export function errorMessage(question: Question, key: MessageKey, facts: { code: string; currentYear: number | undefined }, lang: Lang): string {
  const max = question.kind === 'year' ? (question.max ?? facts.currentYear ?? question.min) : question.kind === 'text' ? question.maxLength : 0;
  const min = question.kind === 'year' ? question.min : 0;
  return translate(messages, lang, key, {
    label: question.label[lang],
    min: String(min),
    max: String(max),
    example: String(Math.min(Math.max(1956, min), max)),
    code: facts.code,
  });
}
