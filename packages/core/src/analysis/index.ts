/**
 * `@observatoire/core/analysis`: weighting, estimates, levels of digital distance, profiles and the
 * report, over typed respondents read from export rows (docs/analysis.md, docs/export-format.md). Every public name is listed
 * here; the steps inside (raking problem, CSV cell guard, constants of the estimators) stay internal.
 *
 * @example
 * import { buildReport, parseCsv, toRows } from '@observatoire/core/analysis';
 * const report = buildReport(toRows(parseCsv(csv)), margins);
 * @packageDocumentation
 */
export { buildReport, parseTerritory, MINIMUM_RESPONDENTS, NATIONAL_TARGET, type BuildReportOptions, type TerritoryRef } from './report.js';
export {
  REPORT_VERSION,
  type ObservatoireReport,
  type Interval,
  type NationalComparison,
  type CategoryEstimate,
  type Distribution,
  type DistributionVariable,
  type MeanEstimate,
  type IndicatorSet,
  type DomainKind,
  type DomainResult,
  type EstimatedDomain,
  type SkippedDomain,
  type ProfileCode,
  type ProfileResult,
  type SessionCounts,
  type OfferedCounts,
  type ExclusionReason,
  type ItemStatistics,
  type CapacityEstimate,
  type DiagnosticResult,
  type ItemModeStatistics,
  type CollectionProgress,
  type Breakdown,
  type BreakdownGroup,
  type BreakdownVariable,
  type IntervalMethod,
  type ReportSurvey,
  type CourseSummary,
  type CourseResultCode,
  type MarginSummary,
  type WeightingSummary,
} from './report-types.js';
export { WeightingError, CsvError, ReportError, type WeightingErrorCode, type ReportErrorCode } from './errors.js';

export type { Row, Margin, CategoricalMargin, ThemesMargin } from './margins.js';
export { rake, type RakeOptions, type RakeResult, type AchievedMargin, type AchievedCategory } from './rake.js';
export { postStratify, type PostStrata } from './post-stratify.js';
export { linearisedMean, calibrationDesign, type CalibrationDesign, type LinearisedMean } from './linearisation.js';
export { kish, wilson, weightedProportions, weightedMean, type KishFigures, type ProportionsResult, type MeanResult } from './estimates.js';

export { distanceLevel, isIllectronic, isNonUser, type DistanceLevel, type Respondent } from './levels.js';
export { respondentFromRow, courseFromRow } from './from-export.js';
// Course outcomes and the Coop mappings are the survey's rules (docs/outcomes.md, docs/questionnaire.md);
// the analysis and the collector's export read them from here.
export {
  staircaseLevel,
  coursePassed,
  hasEnded,
  courseOutcomesOfRecords,
  type StaircaseLevel,
  type CourseOutcome,
  type PlayedCourseOutcome,
  type CourseStatus,
  type SessionEndReason,
} from '../outcome.js';
export { skippedBy, challengeSeconds, type PlayedAnswerLike } from '../challenge-play.js';
export { ageBand, statutSocial, officialCodes, OFFICIAL_COLUMNS, type AgeBand, type StatutSocial } from '../mappings.js';
// The advice given at each end of course, read back from a session (docs/protocol.md, "Chaining").
export { courseRecommendations } from '../session/course.js';
// A structure's participant progress: stages and workshop groups (docs/outcomes.md, "Participant progress").
export {
  participantStage,
  workshopGroups,
  stageChanges,
  isMissed,
  PARTICIPANT_STAGES,
  type ParticipantStage,
  type StageFacts,
  type GroupedParticipant,
  type LevelGroup,
  type CompetenceGroup,
  type WorkshopGroups,
  type StageChanges,
} from '../participant-progress.js';
// Where a commune code lies, for a territory's scope (docs/collector.md, "Access").
export { communePlace, communeInTerritory } from '../territories.js';
// A quick diagnostic's result per capacity (docs/content.md, "Result per capacity").
export { capacityResults, type CapacityResult } from '../capacities.js';
export { profileOf, type ProfileFacts } from './profiles.js';
export { breakdownValue, equipmentOf, MINIMUM_CELL_SIZE } from './breakdowns.js';
export { respondentIndicators, indicatorColumns, isInHalo, INDICATOR_COLUMNS, type RespondentIndicators } from './definitions.js';
export {
  surveyOfReport,
  inSurvey,
  compareVersions,
  probableDuplicates,
  exclusionOfRow,
  ageAtSession,
  DUPLICATE_WINDOW_HOURS,
  type SurveySelection,
} from './integrity.js';
export { courseResult, type CourseResult } from './course-results.js';
// Progress over time and people offered the survey (docs/follow-up.md, docs/analysis.md "Who is counted").
export { followUpPairs, type FollowUpPair } from './follow-up.js';
export { offeredCounts, type DomainFilter } from './refusals.js';

export { parseCsv, toRows, createCsvParser, type CsvParser } from './csv.js';
// The export read column by column into typed arrays (docs/analysis.md, "Performance").
export { parseCsvTable, readCsvTable, createCsvTableReader, type CsvTableReader, type CsvTableOptions } from './csv-table.js';
export { tableFromRows, rowsOfTable, valueAt, instantText, type ExportTable, type ExportColumn, type ColumnCodes, type InstantColumn } from './table.js';
// Start times read as numbers (docs/analysis.md, "Start times").
export { parseInstant, instantsOf } from './instants.js';
export { analysisLabel, domainLabel, marginLabel, marginCategoryLabel, type ReportLang } from './labels.js';
// The report's two catalogues (docs/analysis.md, "Labels and texts"): codes' labels and the report's texts, read with `translate`.
export { analysisLabels, type AnalysisLabelKey } from './label-catalogue.js';
export { reportMessages, type ReportMessageKey } from './report-messages.js';
// The report as its readers see it, one description for the command's HTML, Markdown and CSV and for
// <obs-report> (docs/analysis.md, "One report, several renderings").
export { reportView } from './report-view.js';
export type { ReportView, ReportViewOptions, ReportSection, ReportBlock, ReportTable, ReportParagraph, ReportList, ReportDetails, ReportChart } from './report-view-types.js';
