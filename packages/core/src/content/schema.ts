/**
 * The content model, as zod schemas. `zod/mini` keeps validation tree-shakable
 * so the browser bundle only carries what it uses.
 *
 * Structure is checked here; cross-references (course → challenge,
 * condition → question) are checked in `parse.ts` once the structure is sound.
 */
import '../zod-config.js';
import * as z from 'zod/mini';
import { SUCCESS_THRESHOLD, TEST_TIME_BUDGET_SECONDS } from '../chaining.js';
import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** An identifier: letters, digits, `-` and `_`, starting with a letter or digit. */
export const Id = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1 to 64 letters, digits, "-" or "_"'),
);

/** Every text people read, in French and English. */
export const LocalizedText = z.strictObject({ fr: nonEmpty(), en: nonEmpty() });

/** Only web links: no `javascript:` or `data:` URL can reach an `href`. */
export const SafeUrl = z.string().check(
  z.minLength(1, 'must not be empty'),
  z.refine(isSafeUrl, 'must be an http(s) or relative URL'),
);

function isSafeUrl(url: string): boolean {
  if (/\s/.test(url)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return scheme === null || /^https?$/i.test(scheme[1] ?? '');
}

export const Link = z.strictObject({ title: LocalizedText, url: SafeUrl });

/** A picture. Its alternative text is required: there is no decorative illustration in a challenge. */
export const Illustration = z.strictObject({
  src: SafeUrl,
  alt: LocalizedText,
  width: z.optional(z.number().check(z.int(), z.positive())),
  height: z.optional(z.number().check(z.int(), z.positive())),
});

export const Help = z.strictObject({
  /** "Pour réussir la prochaine fois": a short hint. */
  hint: z.optional(LocalizedText),
  /** Short tutorials shown with the hint. */
  tutorials: z.optional(z.array(Link).check(z.maxLength(3))),
  /** "Pour en apprendre davantage". */
  learnMore: z.optional(z.array(Link).check(z.maxLength(3))),
});

/** Tolerances of docs/checking.md ("How a text is compared"), each on unless turned off. */
export const Tolerances = z.strictObject({
  t1: z._default(z.boolean(), true),
  t2: z._default(z.boolean(), true),
  t3: z._default(z.boolean(), true),
});

/** `nombre` compares numbers; the others size the text input. */
export const Format = z.enum(['nombre', 'petit', 'mots', 'phrase', 'paragraphe']);

export const Skill = z.strictObject({
  /** DigComp / Pix area, e.g. `1` (information) or `5` (environment). */
  area: nonEmpty(),
  /** Competence inside the area, e.g. `1.1`. */
  competence: z.optional(nonEmpty()),
  level: z.number().check(z.int(), z.gte(1), z.lte(8)),
});

/**
 * A skill tag's competence (or area) named in words (docs/content.md, "Skills"): what the mediator reads
 * on the results card instead of a bare code such as `4.1`.
 */
export const SkillName = z.strictObject({
  /** A competence code (`1.1`) or, for skill tags without a competence, an area code (`1`). */
  code: nonEmpty(),
  name: LocalizedText,
});

export const SelectOption = z.strictObject({ value: nonEmpty(), label: LocalizedText });

/** One input of a QROC or QROCM challenge. A `select` input is compared exactly, without tolerance. */
export const Input = z.strictObject({
  key: Id,
  label: LocalizedText,
  kind: z._default(z.enum(['text', 'select']), 'text'),
  options: z.optional(z.array(SelectOption).check(z.minLength(2))),
  /** Overrides the challenge's format for this input. */
  format: z.optional(Format),
});

/** The widget that runs an interactive challenge: a custom element name and its configuration. */
export const Widget = z.strictObject({
  name: z.string().check(z.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/, 'must be a custom element name such as "obs-widget-click"')),
  config: z.optional(z.record(z.string(), z.unknown())),
});

const challengeBase = {
  id: Id,
  skill: z.optional(Skill),
  /** The capacity of the definition's `capacities` this challenge counts for (a quick diagnostic's result). */
  capacity: z.optional(Id),
  instruction: LocalizedText,
  alternativeInstruction: z.optional(LocalizedText),
  illustration: z.optional(Illustration),
  /** Seconds. Without a timer nothing is timed; with one the person can extend or remove it (RGAA 13.1). */
  timer: z.optional(z.number().check(z.int(), z.positive())),
  help: z.optional(Help),
  format: z.optional(Format),
  tolerances: z.optional(Tolerances),
};

const Proposals = z.array(LocalizedText).check(z.minLength(2, 'needs at least 2 proposals'));
const Accepted = z.array(z.string()).check(z.minLength(1, 'needs at least 1 accepted value'));
const Index = z.number().check(z.int(), z.gte(1, 'proposal indexes start at 1'));

export const QcuChallenge = z.strictObject({
  ...challengeBase,
  type: z.literal('QCU'),
  proposals: Proposals,
  /** Shuffle the proposals with the session's seeded randomness. */
  shuffle: z.optional(z.boolean()),
  /** 1-based index of the right proposal. */
  solution: Index,
});

export const QcmChallenge = z.strictObject({
  ...challengeBase,
  type: z.literal('QCM'),
  proposals: Proposals,
  shuffle: z.optional(z.boolean()),
  /** 1-based indexes of every right proposal: at least two, since two boxes must be ticked. */
  solution: z.array(Index).check(z.minLength(2, 'a QCM needs at least 2 right proposals')),
});

export const QrocChallenge = z.strictObject({
  ...challengeBase,
  type: z.literal('QROC'),
  inputs: z.array(Input).check(z.length(1, 'a QROC has exactly 1 input')),
  /** Accepted values. */
  solution: Accepted,
});

export const QrocmIndChallenge = z.strictObject({
  ...challengeBase,
  type: z.literal('QROCM-ind'),
  inputs: z.array(Input).check(z.minLength(2, 'a QROCM needs at least 2 inputs')),
  /** Accepted values per input key. */
  solution: z.record(z.string(), Accepted),
});

export const QrocmDepChallenge = z.strictObject({
  ...challengeBase,
  type: z.literal('QROCM-dep'),
  inputs: z.array(Input).check(z.minLength(2, 'a QROCM needs at least 2 inputs')),
  /** Interchangeable groups of accepted values; each group can be matched at most once. */
  solution: z.array(Accepted).check(z.minLength(1)),
});

/**
 * A manipulation task or a simulated page. The widget reports what the person
 * did as `{ key: value }`; the core checks it against `solution` like a QROCM-ind,
 * so the collector can check it again.
 */
export const InteractiveChallenge = z.strictObject({
  ...challengeBase,
  type: z.literal('interactive'),
  widget: Widget,
  solution: z.record(z.string(), Accepted),
});

export const Challenge = z.discriminatedUnion('type', [
  QcuChallenge,
  QcmChallenge,
  QrocChallenge,
  QrocmIndChallenge,
  QrocmDepChallenge,
  InteractiveChallenge,
]);

export const Course = z.strictObject({
  id: Id,
  title: LocalizedText,
  description: z.optional(LocalizedText),
  /** Challenge ids, in the order they are played. */
  challenges: z.array(Id).check(z.minLength(1, 'a course needs at least 1 challenge')),
});

export const QuestionOption = z.strictObject({
  /** Stable code stored with the answer (reuses the Coop / Baromètre / INSEE codes where one exists). */
  code: Id,
  label: LocalizedText,
  /** Ticking it unticks the others (e.g. "none"). Multiple choice only. */
  exclusive: z.optional(z.boolean()),
});

/** Shown only when an earlier question's answer is (or includes) one of `anyOf`. */
export const VisibleWhen = z.strictObject({
  question: Id,
  anyOf: z.array(Id).check(z.minLength(1)),
});

const questionBase = {
  id: Id,
  label: LocalizedText,
  hint: z.optional(LocalizedText),
  required: z._default(z.boolean(), true),
  visibleWhen: z.optional(VisibleWhen),
};

const Options = z.array(QuestionOption).check(z.minLength(2, 'needs at least 2 options'));

export const SingleQuestion = z.strictObject({ ...questionBase, kind: z.literal('single'), options: Options });
export const MultipleQuestion = z.strictObject({ ...questionBase, kind: z.literal('multiple'), options: Options });
export const YearQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('year'),
  min: z._default(z.number().check(z.int()), 1900),
  /** Defaults to the current year of the session's clock. */
  max: z.optional(z.number().check(z.int())),
});
/** Postal code, then a commune among those of that code; `TEST` as the city marks a test run. */
export const CommuneQuestion = z.strictObject({ ...questionBase, kind: z.literal('commune') });
export const TextQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('text'),
  maxLength: z._default(z.number().check(z.int(), z.positive()), 200),
});

export const Question = z.discriminatedUnion('kind', [
  SingleQuestion,
  MultipleQuestion,
  YearQuestion,
  CommuneQuestion,
  TextQuestion,
]);

export const Questionnaire = z.strictObject({
  id: Id,
  questions: z.array(Question).check(z.minLength(1)),
});

export const Information = z.strictObject({
  title: LocalizedText,
  /** Paragraphs. */
  body: z.array(LocalizedText).check(z.minLength(1)),
  /** Label of the consent checkbox. */
  consent: LocalizedText,
});

/** When the end-of-course page recommends going on (docs/protocol.md, "Chaining"). */
export const Chaining = z.strictObject({
  /** Going on is recommended only when the course's success rate is strictly above this. */
  successThreshold: z._default(z.number().check(z.gte(0), z.lte(1)), SUCCESS_THRESHOLD),
  /** ...and the total test time is strictly below this many seconds. */
  testTimeBudgetSeconds: z._default(z.number().check(z.positive()), TEST_TIME_BUDGET_SECONDS),
});

/**
 * A capacity reported on its own (docs/content.md, "Result per capacity"): its name and the words the
 * mediator reads for each result, from every challenge of the capacity succeeded to fewer than half.
 */
export const Capacity = z.strictObject({
  id: Id,
  title: LocalizedText,
  results: z.strictObject({ mastered: LocalizedText, partly: LocalizedText, notYet: LocalizedText }),
});

/**
 * Who wrote a definition and whether it reproduces an official instrument (docs/content.md,
 * "Provenance"): `reference` only when its items are the official ones, `project` otherwise, so
 * nobody takes the project's figures as comparable with the official instrument's.
 */
export const Provenance = z.strictObject({
  author: nonEmpty(),
  status: z.enum(['reference', 'project']),
  /** What the definition is, in words people read (e.g. "our own items, following the protocol's shape"). */
  description: z.optional(LocalizedText),
});

export const SurveyDefinition = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: Id,
  /** Content version, recorded with every session. */
  version: nonEmpty(),
  title: LocalizedText,
  provenance: Provenance,
  information: Information,
  /** Optional: a quick diagnostic goes straight from the information screen to the courses. */
  questionnaire: z.optional(Questionnaire),
  challenges: z.array(Challenge).check(z.minLength(1)),
  courses: z.array(Course).check(z.minLength(1)),
  /** Optional: results per capacity, each challenge naming its own in `capacity`. */
  capacities: z.optional(z.array(Capacity).check(z.minLength(1))),
  /** Optional: the competences of the skill tags named in words; when given, every tag used must be named. */
  competences: z.optional(z.array(SkillName).check(z.minLength(1))),
  chaining: z._default(Chaining, { successThreshold: SUCCESS_THRESHOLD, testTimeBudgetSeconds: TEST_TIME_BUDGET_SECONDS }),
});
