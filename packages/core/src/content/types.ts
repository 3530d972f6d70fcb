/** Types of the content model, inferred from the schemas so they can never drift apart. */
import type * as z from 'zod/mini';
import type * as S from './schema.js';

export type LocalizedText = z.output<typeof S.LocalizedText>;
export type Lang = keyof LocalizedText;
export type Link = z.output<typeof S.Link>;
export type Illustration = z.output<typeof S.Illustration>;
export type Help = z.output<typeof S.Help>;
export type Tolerances = z.output<typeof S.Tolerances>;
export type Format = z.output<typeof S.Format>;
export type Skill = z.output<typeof S.Skill>;
export type SkillName = z.output<typeof S.SkillName>;
export type Input = z.output<typeof S.Input>;
export type Widget = z.output<typeof S.Widget>;

export type QcuChallenge = z.output<typeof S.QcuChallenge>;
export type QcmChallenge = z.output<typeof S.QcmChallenge>;
export type QrocChallenge = z.output<typeof S.QrocChallenge>;
export type QrocmIndChallenge = z.output<typeof S.QrocmIndChallenge>;
export type QrocmDepChallenge = z.output<typeof S.QrocmDepChallenge>;
export type InteractiveChallenge = z.output<typeof S.InteractiveChallenge>;
export type Challenge = z.output<typeof S.Challenge>;
export type ChallengeType = Challenge['type'];

export type Course = z.output<typeof S.Course>;
export type QuestionOption = z.output<typeof S.QuestionOption>;
export type VisibleWhen = z.output<typeof S.VisibleWhen>;
export type SingleQuestion = z.output<typeof S.SingleQuestion>;
export type MultipleQuestion = z.output<typeof S.MultipleQuestion>;
export type YearQuestion = z.output<typeof S.YearQuestion>;
export type CommuneQuestion = z.output<typeof S.CommuneQuestion>;
export type TextQuestion = z.output<typeof S.TextQuestion>;
export type Question = z.output<typeof S.Question>;
export type QuestionKind = Question['kind'];
export type Questionnaire = z.output<typeof S.Questionnaire>;
export type Information = z.output<typeof S.Information>;
export type Capacity = z.output<typeof S.Capacity>;
export type Provenance = z.output<typeof S.Provenance>;
export type Chaining = z.output<typeof S.Chaining>;
export type SurveyDefinition = z.output<typeof S.SurveyDefinition>;
/** What content authors write: defaults (tolerances, chaining, required) may be left out. */
export type SurveyDefinitionInput = z.input<typeof S.SurveyDefinition>;
export type ChallengeInput = z.input<typeof S.Challenge>;

/** Pick the text of a language. */
export function localize(text: LocalizedText, lang: Lang): string {
  return text[lang];
}
