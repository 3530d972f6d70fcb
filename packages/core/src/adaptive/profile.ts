/**
 * The competence profile (docs/adaptive.md, "Profile"): an estimate mapped onto levels 1–8 per
 * competence and per area, a pix-like score (8 per level, 64 per competence, 1024 in all), the
 * margin to the next level, and the uncertainty in words.
 *
 * Levels are one logit wide: level L starts at θ = L − 2.5 (a person there succeeds about two times
 * in three on a typical item of that level, whose difficulty is L − 3 in the bank's convention), so
 * pix = floor(8 (θ + 2.5)), capped at 8 × the highest level the bank opens in that competence.
 *
 * Each competence (area) is estimated by EAP on its own answers with, as prior, the estimate from
 * all the other answers widened by the spread between competences (τ = 0.5): a competence with few
 * answers leans on the rest of the test, one with many answers stands on its own.
 */
import type { LocalizedText } from '../content/types.js';
import type { AdaptiveBank } from './bank.js';
import { addAnswer, posteriorEstimate, type Estimate } from './estimate.js';
import { AREAS, COMPETENCES, type FrameworkEntry } from './framework.js';
import { quadratureGrid } from './grid.js';

/** θ where level L starts is `LEVEL_ORIGIN + L`. */
export const LEVEL_ORIGIN = -2.5;
/** Pix per level, levels, and competences of the reference platform: 8 × 8 × 16 = 1024. */
export const PIX_PER_LEVEL = 8;
export const MAX_LEVEL = 8;
/** Spread of a person's competences around their overall ability (logits). */
export const COMPETENCE_SPREAD = 0.5;

/**
 * The θ where a level starts (level 1 to 8).
 *
 * @example
 * levelCut(1); // −1.5
 * levelCut(4); // 1.5
 */
export function levelCut(level: number): number {
  return LEVEL_ORIGIN + level;
}

/** How sure the result is, as a code; `UNCERTAINTY_WORDS` says it in French and English. */
export type UncertaintyCode = 'precise' | 'fair' | 'rough' | 'very-rough' | 'not-measured' | 'not-in-bank';

/** The words for each uncertainty code. */
export const UNCERTAINTY_WORDS: Readonly<Record<UncertaintyCode, LocalizedText>> = Object.freeze({
  precise: { fr: 'Résultat sûr.', en: 'A reliable result.' },
  fair: { fr: 'Résultat assez sûr : le niveau réel peut être un niveau au-dessus ou au-dessous.', en: 'Fairly reliable: the real level may be one level above or below.' },
  rough: { fr: 'Résultat approximatif : il faudrait plus de questions sur ce sujet.', en: 'Approximate: more questions on this subject would be needed.' },
  'very-rough': { fr: 'Résultat très incertain : c’est une première idée.', en: 'Very uncertain: take it as a first idea only.' },
  'not-measured': { fr: 'Pas de question sur ce sujet : le niveau est déduit des autres réponses.', en: 'No question on this subject: the level is inferred from the other answers.' },
  'not-in-bank': { fr: 'Ce test ne mesure pas ce sujet.', en: 'This test does not measure this subject.' },
});

/**
 * The uncertainty code of an estimate: the SE in level widths (1 logit).
 *
 * @example
 * uncertainty(0.3, 5); // 'precise'
 * uncertainty(0.7, 2); // 'rough'
 */
export function uncertainty(se: number, answered: number): UncertaintyCode {
  if (answered === 0) return 'not-measured';
  if (se <= 0.35) return 'precise';
  if (se <= 0.6) return 'fair';
  if (se <= 0.9) return 'rough';
  return 'very-rough';
}

export interface LevelResult {
  /** 0 (below level 1) to the highest open level. */
  level: number;
  /** 0 to 8 × the highest open level. */
  pix: number;
  /** Pix still needed for the next level; null at the highest open level. */
  pixToNextLevel: number | null;
  /** θ still needed for the next level; null at the highest open level. */
  thetaToNextLevel: number | null;
}

/**
 * Level and pix of an ability, capped by the highest open level.
 *
 * @example
 * levelOf(0.2, 4); // { level: 2, pix: 21, pixToNextLevel: 3, thetaToNextLevel: 0.3 }
 */
export function levelOf(theta: number, highestOpenLevel: number): LevelResult {
  const cap = PIX_PER_LEVEL * Math.min(highestOpenLevel, MAX_LEVEL);
  const pix = Math.max(0, Math.min(cap, Math.floor(PIX_PER_LEVEL * (theta - LEVEL_ORIGIN))));
  const level = Math.floor(pix / PIX_PER_LEVEL);
  if (level >= highestOpenLevel || pix >= cap) return { level, pix, pixToNextLevel: null, thetaToNextLevel: null };
  return { level, pix, pixToNextLevel: PIX_PER_LEVEL - (pix % PIX_PER_LEVEL), thetaToNextLevel: levelCut(level + 1) - theta };
}

export interface ProfileEntry extends LevelResult {
  code: string;
  name: LocalizedText;
  estimate: Estimate;
  /** Answers to items of this competence (area). */
  answered: number;
  highestOpenLevel: number;
  uncertainty: UncertaintyCode;
}

export interface CompetenceProfile {
  overall: Estimate & { answered: number; uncertainty: UncertaintyCode };
  areas: ProfileEntry[];
  /** The 16 competences, in framework order. */
  competences: ProfileEntry[];
  /** Sum of the competences' pix. */
  totalPix: number;
  /** 1024. */
  maxPix: number;
}

const GRID_OPTIONS = { points: 81, min: -6, max: 6 };

/**
 * The profile of a person from their answers to bank items (only `correct` answers count as right).
 *
 * @example
 * const profile = competenceProfile(bank, session.state.responses);
 * profile.competences.find((c) => c.code === '4.1')?.level;
 */
export function competenceProfile(bank: AdaptiveBank, responses: readonly { itemId: string; correct: boolean }[]): CompetenceProfile {
  const byId = new Map(bank.items.map((item) => [item.challenge.id, item]));
  const answered = responses.flatMap((r) => {
    const item = byId.get(r.itemId);
    return item ? [{ item, correct: r.correct }] : [];
  });
  const grid = quadratureGrid(GRID_OPTIONS);
  const estimateOf = (subset: typeof answered, prior: { mean: number; sd: number }): Estimate => {
    const g = prior.mean === 0 && prior.sd === 1 ? grid : quadratureGrid({ ...GRID_OPTIONS, prior });
    const logPosterior = Float64Array.from(g.logWeights);
    for (const { item, correct } of subset) addAnswer(g, logPosterior, item.parameters.a, item.parameters.b, item.parameters.c ?? 0, correct);
    return posteriorEstimate(g, logPosterior);
  };
  const overall = estimateOf(answered, { mean: 0, sd: 1 });

  const entry = (framework: FrameworkEntry, key: 'area' | 'competence'): ProfileEntry => {
    const inside = answered.filter(({ item }) => item.challenge.skill?.[key] === framework.code);
    const outside = answered.filter(({ item }) => item.challenge.skill?.[key] !== framework.code);
    const levels = bank.items.filter((item) => item.challenge.skill?.[key] === framework.code).map((item) => item.challenge.skill?.level ?? 0);
    const highestOpenLevel = levels.length > 0 ? Math.max(...levels) : 0;
    const rest = estimateOf(outside, { mean: 0, sd: 1 });
    const estimate = estimateOf(inside, { mean: rest.theta, sd: Math.hypot(rest.se, COMPETENCE_SPREAD) });
    return {
      code: framework.code,
      name: framework.name,
      estimate,
      answered: inside.length,
      highestOpenLevel,
      uncertainty: highestOpenLevel === 0 ? 'not-in-bank' : uncertainty(estimate.se, inside.length),
      ...levelOf(estimate.theta, highestOpenLevel),
    };
  };
  const competences = COMPETENCES.map((c) => entry(c, 'competence'));
  return {
    overall: { ...overall, answered: answered.length, uncertainty: uncertainty(overall.se, answered.length) },
    areas: AREAS.map((a) => entry(a, 'area')),
    competences,
    totalPix: competences.reduce((sum, c) => sum + c.pix, 0),
    maxPix: COMPETENCES.length * MAX_LEVEL * PIX_PER_LEVEL,
  };
}
