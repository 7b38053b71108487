/**
 * The plan-as-code engine, by stage (each importing only from the ones above it in this list):
 * base → syntax → model → analysis → history → views → roadmap. No VS Code, no file system, no git: callers pass
 * file texts in. This file is the public API that the CLI, the extension, the webview and the bench use.
 */
export * from './base/codes';
export * from './base/dates';
export { Rational } from './base/exact';
export * from './base/defaults';
export type { DiagnosticData, PlanDiagnostic } from './base/diagnostic';
export * from './base/messages';
export * from './base/positions';
export * from './base/suggestions';

export { defaultParseLimits, type MapNode, type ParsedFile, type ParseLimits, type YamlNode } from './syntax/nodes';
export { parsePlanFile } from './syntax/parser';

export * from './model/entities';
export { entityPosition } from './model/locate';
export * from './model/teamSettings';

export type { PlanIndex, ResolvedReference } from './analysis/planIndex';
export * from './analysis/forecast';
export * from './analysis/quality';
export * from './analysis/rollup';
export * from './analysis/rules';
export type { ProjectDates, Schedule } from './analysis/schedule';
export { runToEnd, type Steps } from './analysis/steps';
export * from './analysis/workspace';

export * from './history/diff';
export * from './history/revisions';
export * from './history/snapshot';
export * from './history/trend';

export * from './views/completion';
export * from './views/figures';
export * from './views/forecastText';
export * from './views/historyReport';
export * from './views/navigation';
export * from './views/problems';
export * from './views/qualityReport';
export * from './views/rollupReport';
export * from './views/steeringReport';

export * from './roadmap/comparison';
export * from './roadmap/layout';
export * from './roadmap/mermaid';
export * from './roadmap/model';
export * from './roadmap/outline';
export * from './roadmap/page';
export * from './roadmap/scene';
export * from './roadmap/steeringReportHtml';
export * from './roadmap/svg';
export * from './roadmap/trendCharts';
