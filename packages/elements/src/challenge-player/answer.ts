/**
 * From what is on the form to a `ChallengeAnswer`, or to the reason the form refuses it.
 * Pure, so the refusal rules (empty answer, QCM with one box) are tested without a browser.
 */
import type { Challenge, ChallengeAnswer } from '@observatoire/core';

/** What the person entered, read from the form. */
export interface Draft {
  /** Ticked proposals (original 1-based indexes), QCU and QCM. */
  choices: readonly number[];
  /** Text typed or option chosen in each input, by input key. */
  texts: Readonly<Record<string, string>>;
  /** The last report of an interactive challenge's widget. */
  widget?: Readonly<Record<string, string>>;
}

/**
 * Why "Je valide" is refused. `fields` name the fields in error: `choices`, `widget`, or an input key.
 * `empty`: nothing answered; `emptyInputs`: some inputs of a QROCM are empty; `qcmNeedsTwo`: one box ticked.
 */
export interface Refusal {
  reason: 'empty' | 'emptyInputs' | 'qcmNeedsTwo';
  fields: readonly string[];
}

export type Built = { answer: ChallengeAnswer } | { refusal: Refusal };

/**
 * Build the answer the core checks, or refuse it (docs/checking.md, "What each type takes": a QCM needs two boxes).
 *
 * @example
 * buildAnswer(qcm, { choices: [3, 1], texts: {} }); // { answer: '1,3' }
 * buildAnswer(qcm, { choices: [1], texts: {} }); // { refusal: { reason: 'qcmNeedsTwo', fields: ['choices'] } }
 */
export function buildAnswer(challenge: Challenge, draft: Draft): Built {
  switch (challenge.type) {
    case 'QCU':
      return draft.choices.length === 0 ? refuse('empty', ['choices']) : { answer: String(draft.choices[0]) };
    case 'QCM': {
      const chosen = [...new Set(draft.choices)].sort((a, b) => a - b);
      if (chosen.length === 0) return refuse('empty', ['choices']);
      if (chosen.length === 1) return refuse('qcmNeedsTwo', ['choices']);
      return { answer: chosen.join(',') };
    }
    case 'QROC': {
      const key = challenge.inputs[0]?.key ?? '';
      const text = draft.texts[key] ?? '';
      return isBlank(text) ? refuse('empty', [key]) : { answer: text };
    }
    case 'QROCM-ind':
    case 'QROCM-dep': {
      const keys = challenge.inputs.map((input) => input.key);
      const empty = keys.filter((key) => isBlank(draft.texts[key] ?? ''));
      if (empty.length === keys.length) return refuse('empty', keys);
      if (empty.length > 0) return refuse('emptyInputs', empty);
      return { answer: Object.fromEntries(keys.map((key) => [key, draft.texts[key] ?? ''])) };
    }
    case 'interactive': {
      const reported = draft.widget;
      if (!reported || Object.values(reported).every((value) => typeof value === 'string' && isBlank(value)))
        return refuse('empty', ['widget']);
      return { answer: { ...reported } };
    }
  }
}

/**
 * The order to show proposals in: the session's shuffled order when it is a permutation of
 * 1..count, else the content's order.
 *
 * @example
 * displayOrder(3, [2, 3, 1]); // [2, 3, 1]
 * displayOrder(3, undefined); // [1, 2, 3]
 */
export function displayOrder(count: number, order: readonly number[] | undefined): number[] {
  const natural = Array.from({ length: count }, (_, i) => i + 1);
  if (!order || order.length !== count) return natural;
  const seen = new Set(order);
  return seen.size === count && natural.every((index) => seen.has(index)) ? [...order] : natural;
}

function isBlank(text: string): boolean {
  return text.replace(/[\s\u00A0\u202F]/g, '') === '';
}

function refuse(reason: Refusal['reason'], fields: readonly string[]): Built {
  return { refusal: { reason, fields } };
}
