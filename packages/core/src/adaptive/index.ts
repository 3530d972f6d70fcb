/**
 * `@observatoire/core/adaptive`: the adaptive positioning test (docs/adaptive.md). Item response
 * models, ability estimators, item selection, stopping rules, the adaptive session, the competence
 * profile and calibration. No DOM, no I/O.
 *
 * @example
 * import { createAdaptiveSession, parseAdaptiveBank } from '@observatoire/core/adaptive';
 * const session = createAdaptiveSession(parseAdaptiveBank(json));
 */
export { AdaptiveError, type AdaptiveErrorCode } from './errors.js';
export { probability, itemInformation, toItemMatrix, type ItemParameters, type ItemMatrix } from './model.js';
export { quadratureGrid, STANDARD_NORMAL, type GridOptions, type NormalPrior, type QuadratureGrid } from './grid.js';
export { eap, map, ml, wle, estimateAbility, addAnswer, posteriorEstimate, type Estimate, type EstimatorName, type EstimatorOptions } from './estimate.js';
export { itemPool, selectNextItem, type AdaptiveItem, type BalanceBy, type ItemPool, type SelectionOptions } from './select.js';
export { calibrateExposure, type ExposureCalibration, type ExposureOptions } from './exposure.js';
export { stoppingReason, checkStoppingRule, type StoppingRule, type StopReason } from './stopping.js';
export { nextStep, estimateFrom, checkAdaptiveConfig, DEFAULT_ADAPTIVE_CONFIG, type AdaptiveTestConfig, type PoolResponse, type Step } from './engine.js';
export { parseAdaptiveBank, adaptiveItems, BANK_SCHEMA_VERSION, type AdaptiveBank, type BankItem } from './bank.js';
export { initialAdaptiveState, adaptiveTransition, bankPool } from './transition.js';
export { createAdaptiveSession, restoreAdaptiveSession, readAdaptiveSnapshot } from './session.js';
export type {
  AdaptiveAction,
  AdaptiveActionType,
  AdaptiveEvent,
  AdaptivePhase,
  AdaptiveResponse,
  AdaptiveSession,
  AdaptiveSessionOptions,
  AdaptiveSnapshot,
  AdaptiveState,
} from './types.js';
export { AREAS, COMPETENCES, type FrameworkEntry } from './framework.js';
export {
  competenceProfile,
  levelOf,
  levelCut,
  uncertainty,
  UNCERTAINTY_WORDS,
  LEVEL_ORIGIN,
  PIX_PER_LEVEL,
  MAX_LEVEL,
  COMPETENCE_SPREAD,
  type CompetenceProfile,
  type LevelResult,
  type ProfileEntry,
  type UncertaintyCode,
} from './profile.js';
export {
  calibrateTwoPL,
  responsesFromExportRows,
  REVIEW_THRESHOLDS,
  type CalibrationOptions,
  type CalibrationResult,
  type ItemCalibration,
  type ResponseMatrix,
  type ReviewReason,
} from './calibrate.js';
