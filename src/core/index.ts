/**
 * The plan-as-code engine, by stage (each importing only from the ones above it in this list):
 * base → syntax → model → analysis → history → views → roadmap → documents → interop. No VS Code, no file system, no git: callers pass
 * file texts in. This file is the public API that the CLI, the extension, the webview and the bench use: every name
 * is listed (no `export *`), so what is not here is internal to the core. Tests may import internals directly.
 */
export { codeDescriptions, diagnosticCodes, type DiagnosticCode } from './base/codes';
export { formatDay, monthEnd, monthStart, parseDay, today, type Day } from './base/dates';
export { Rational } from './base/exact';
export {
  DEFAULT_CURRENCY,
  defaultQualityThresholds,
  defaultThresholds,
  qualityMetricIds,
  type QualityMetricId,
  type QualityThresholds,
} from './base/defaults';
export { type PlanDiagnostic } from './base/diagnostic';
export { messages, plural } from './base/messages';
export { LineIndex, toOneBased, type Range, type Span } from './base/positions';
export { closestName, editDistance } from './base/suggestions';

export { defaultParseLimits, type ParsedFile, type ParseLimits, type YamlNode } from './syntax/nodes';
export { parsePlanFile } from './syntax/parser';

export {
  healthValues,
  type Entity,
  type Health,
  type Issue,
  type Milestone,
  type Portfolio,
  type Program,
  type Project,
  type Risk,
  type TeamEntry,
} from './model/entities';
export {
  TEAM_SETTINGS_FILE,
  effectiveQualityThresholds,
  effectiveSettings,
  readTeamSettings,
  slipDaysSetting,
  type TeamSettings,
} from './model/teamSettings';

export { forecastSteps, type ProjectPace } from './analysis/forecast';
export { earnedValue, type Figures, type ProjectRollup, type Rollup } from './analysis/rollup';
export { currencyOf, riskLevel } from './analysis/rules';
export { Debounce, LatestRun, runInSlices, runToEnd, type Steps } from './analysis/steps';
export { peopleLoad, type LoadBasis, type PeopleLoad, type PersonLoad } from './analysis/people';
export { PlanWorkspace, analyzePlans, figureSteps, planErrors, rollupOf, type Analysis, type AnalysisOptions, type EditorSettings } from './analysis/workspace';

export { diffPlans, slipsOver, toDiffJson, type PlanDiff, type PlanDiffJson, type RevisionLabel } from './history/diff';
export {
  RevisionWorkspace,
  UnreadableRevisionError,
  type BlobContent,
  type RevisionFile,
  type RevisionReader,
} from './history/revisions';
export { planSnapshot, type PlanSnapshot } from './history/snapshot';
export { planTrend, type HistoryCommit, type TrendJson } from './history/trend';

export { completionContextAt, type CompletionContext } from './views/completion';
export {
  figureRows,
  formatEarnedSchedule,
  formatIndex,
  formatMoney,
  formatPercent,
  formatRatio,
  formatWindow,
} from './views/figures';
export { displayName, isCancelled, isCritical, programOrder, type ProgramGroup } from './views/entityView';
export { figureTable, formatFigure, isNumericFigure, type FigureKey, type FigureSpec } from './views/figureTable';
export { forecastNote, milestoneNote, milestoneStatusText } from './views/forecastText';
export { diffMarkdown, diffText, formatDayDelta, formatMoneyDelta, trendMarkdown } from './views/historyReport';
export { outlineChildren, outlineContainer, outlineDetail, outlineName } from './views/outline';
export { idPattern, idsOfKind, occurrenceAt, occurrencesInFile, occurrencesOf, type Occurrence } from './views/navigation';
export { loadLevel, peopleCsv, peopleMarkdown, peopleReport, weekGrid, weekLabel, type LoadLevel, type PeopleJson, type PeopleReport } from './views/peopleReport';
export {
  capacityPercent,
  heatmapCellLoad,
  heatmapCellText,
  peopleHeatmap,
  teamEntryKey,
  type HeatmapAssignment,
  type HeatmapPerson,
  type PeopleHeatmap,
  type PeopleHeatmapTargets,
} from './views/peopleHeatmap';
export { peopleView, personView, type PersonProjectView, type PersonView } from './views/peopleView';
export { EXPANDED_UP_TO, peopleTreeRows, peopleTreeTooltip, planTreeRows, planTreeTooltip, type RowCollapse, type RowIcon, type RowTarget, type TreeRow } from './views/treeRows';
export { summarizeProblems, type ProblemSummary } from './views/problems';
export { quickFixOf, type QuickFix, type TextEdit } from './views/quickFixes';
export {
  asPercent,
  rollupCsv,
  rollupMarkdown,
  toFiguresJson,
  toRollupJson,
  type FiguresJson,
  type PortfolioJson,
  type ProgramJson,
  type ProjectJson,
  type RollupJson,
} from './views/rollupReport';
export { encodeSemanticTokens, semanticTokenLegend, semanticTokensOf, type SemanticToken } from './views/semanticTokens';
export {
  buildSteeringReport,
  healthSentence,
  peopleOverCapacity,
  type ReportPersonOver,
  type ReportChanges,
  type ReportTrend,
  type SteeringReport,
} from './views/steeringReport';

export { comparedRange, roadmapComparison, type RoadmapComparison, type RoadmapDelta } from './roadmap/comparison';
export {
  axisTicks,
  chartWidth,
  clampZoom,
  dayToX,
  geometry,
  maxZoom,
  minZoom,
  noFilters,
  roadmapRows,
  visibleRows,
  xToDay,
  zoomIn,
  zoomOut,
  zoomPresets,
  zoomUnit,
  type RoadmapFilters,
  type ZoomUnit,
} from './roadmap/layout';
export { mermaidText, roadmapMermaid } from './roadmap/mermaid';
export {
  buildRoadmap,
  laneModel,
  roadmapCountsText,
  showsPortfolio,
  roadmapSources,
  type RoadmapBar,
  type RoadmapLane,
  type RoadmapMilestone,
  type RoadmapModel,
  type RoadmapSource,
} from './roadmap/model';
export {
  joinRoadmap,
  lazyOutlineModel,
  outlineCountsText,
  outlineModel,
  POSTER_ROWS,
  roadmapDetails,
  roadmapOutline,
  roadmapPoster,
  type RoadmapDetails,
  type RoadmapOutline,
  type RoadmapPoster,
} from './roadmap/outline';
export { htmlPage, inlineJson, problemsBanner, roadmapBody } from './documents/page';
export { peopleHtmlBody, peopleStyle } from './documents/peopleHtml';
export {
  arrowsScene,
  axisScene,
  barShape,
  createView,
  gridScene,
  statusLineScene,
  outlineView,
  labelsScene,
  laneTitle,
  milestoneLabels,
  rowsScene,
  truncate,
  type MilestoneLabel,
  type RoadmapView,
  type Shape,
  type ShapeData,
} from './roadmap/scene';
export { steeringReportFile, steeringReportHtml } from './documents/steeringReportHtml';
export { fitText, textWidth } from './roadmap/textWidth';
export { legendLines, legendShapes, legendWidth, roadmapSvg } from './roadmap/svg';
export { xmlEscape } from './base/xml';
export { trendChartsBody, trendStyle } from './documents/trendCharts';
export { projectEarnedSchedule, setEarnedSchedule, type EarnedSchedule } from './analysis/earnedSchedule';
export { qualityFails, scheduleQuality, type QualityMetric, type ScheduleQuality } from './analysis/quality';
export { qualityMarkdown, qualityText, qualityThresholdText, qualityValueText, toQualityJson, type QualitySummary } from './views/qualityReport';
export { exportMspdi, type ExportResult } from './interop/mspdiExport';
export type { ExportFigures } from './interop/figures';
export { IdAllocator, ImportError, importedPlanFiles, slug, type ImportedPlan } from './interop/imported';
export { yamlId } from './base/yamlScalars';
export { applyEdits, planActuals } from './interop/actuals';
export { exportCsv } from './interop/csvExport';
export { exportTjp } from './interop/tjpExport';
export { importCsv } from './interop/csvImport';
export { importMspdi } from './interop/mspdiImport';
export { describeEntity, descriptionMarkdown, type DescriptionPart } from './views/describe';
