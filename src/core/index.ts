/** The plan-as-code engine: no VS Code, no file system; callers pass file texts in. */
export * from './analyze';
export * from './codes';
export * from './dates';
export type { PlanDiagnostic, DiagnosticData } from './diagnostic';
export * from './model';
export * from './positions';
export * from './rollup';
export type { Schedule, ProjectDates } from './schedule';
export type { PlanIndex, ResolvedReference } from './workspace';
export { parsePlanFile, defaultParseLimits, type ParsedFile, type PlanNode, type MapNode, type ParseLimits } from './parse';
export * from './report';
export * from './navigation';
export * from './present';
export * from './completion';
export * from './steps';
