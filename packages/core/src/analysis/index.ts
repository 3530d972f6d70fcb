/** Analysis: weighting, estimates, levels of digital distance, profiles and the report (docs/analysis.md). */
export * from './report-types.js';
export * from './errors.js';
export * from './margins.js';
export * from './rake.js';
export * from './post-stratify.js';
export * from './estimates.js';
export * from './levels.js';
export * from './profiles.js';
export * from './exclusions.js';
export * from './csv.js';
export * from './report.js';
export * from './labels.js';
export * from './from-export.js';
