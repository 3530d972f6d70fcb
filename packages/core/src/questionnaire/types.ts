/** Answers to the socio-demographic questionnaire, per question kind. */

/** A commune chosen from the official list, or a test run (`TEST` written as the city). */
export type CommuneAnswer =
  | {
      test?: false;
      postalCode: string;
      /** INSEE code of the commune (code officiel géographique). */
      code: string;
      name: string;
      department: string;
      region: string;
      /** SIREN of the EPCI the commune belongs to, when it belongs to one. */
      epci?: string;
    }
  | { test: true; postalCode?: string; name: string };

/**
 * - `single`: the option code; `multiple`: option codes; `year`: the year;
 * - `commune`: see `CommuneAnswer`; `text`: the text.
 */
export type QuestionAnswer = string | readonly string[] | number | CommuneAnswer;

export type QuestionnaireAnswers = Readonly<Record<string, QuestionAnswer>>;
