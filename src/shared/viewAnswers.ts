/**
 * How each of the views' requests (protocol.ts) is answered from an analysis: by the language server,
 * and, in a virtual workspace where the server cannot read the files, by the extension host itself.
 */
import { buildRoadmap, peopleHeatmap, steeringReportFile, peopleTreeRows, peopleTreeTooltip, planTreeRows, planTreeTooltip, roadmapSources, type Analysis, type AnalysisOptions, type QualityThresholds, type RoadmapComparison, type PlanDiffJson, type TrendJson, type TeamEntry, type TreeRow } from '../core';
import { sha256Base64 } from '../node/hash';
import type { InteropRequest, Place, ReportAnswer, ViewRequest, ViewRequests, ViewRow } from './protocol';

export interface AnswerContext {
  /** The uri of a file by the core's name for it. */
  uriOf(file: string): string | undefined;
  readonly defaultCurrency: string;
  readonly quality: QualityThresholds;
  /** The live plans compared with another revision, while comparing (else null). */
  comparisonFor(analysis: Analysis): RoadmapComparison | null;
}

type Answered = Exclude<ViewRequest, 'planAsCode/reload' | 'planAsCode/compareChoices' | 'planAsCode/compare' | 'planAsCode/report' | InteropRequest>;

/** Every request about an analysis (reload and compare are about the files and git; the report and Import/Export/Actuals have their own modules). */
type Answers = { readonly [M in Answered]: (analysis: Analysis, params: ViewRequests[M]['params'], context: AnswerContext) => ViewRequests[M]['result'] };

export const viewAnswers: Answers = {
  'planAsCode/planTree': (analysis, { parent }, context) => rows(planTreeRows(analysis, parent), context),
  'planAsCode/peopleTree': (analysis, { parent }, context) => rows(peopleTreeRows(analysis, parent), context),
  'planAsCode/planTooltip': (analysis, { id }, context) => planTreeTooltip(analysis, id, context.defaultCurrency) ?? null,
  'planAsCode/peopleTooltip': (analysis, { id }, context) => peopleTreeTooltip(analysis, id, context.defaultCurrency) ?? null,
  'planAsCode/roadmap': (analysis, _params, context) => {
    const model = buildRoadmap(analysis, { defaultCurrency: context.defaultCurrency, quality: context.quality });
    const uris: Record<string, string> = {};
    for (const source of roadmapSources(model).values()) {
      const uri = uris[source.file] ?? context.uriOf(source.file);
      if (uri) uris[source.file] = uri;
    }
    return { model, comparison: context.comparisonFor(analysis), uris };
  },
  'planAsCode/peopleHeatmap': (analysis, { basis }, context) => {
    const { heatmap, targets } = peopleHeatmap(analysis, basis);
    const people: Record<string, Place> = {};
    for (const [id, person] of targets.people) {
      const uri = context.uriOf(person.source.file.path);
      if (uri) people[id] = { uri, range: person.source.file.lines.rangeOf(person.anchor) };
    }
    const entries: Record<string, Place> = {};
    for (const [key, entry] of targets.entries) {
      const place = entryPlace(entry, context);
      if (place) entries[key] = place;
    }
    return { heatmap, people, entries };
  },
};

/** Where a team entry is written: its `person:` value. */
function entryPlace(entry: TeamEntry, context: AnswerContext): Place | undefined {
  const uri = context.uriOf(entry.person.source.file.path);
  return uri ? { uri, range: entry.person.source.file.lines.rangeOf(entry.person.span) } : undefined;
}

function rows(found: readonly TreeRow[] | undefined, context: AnswerContext): ViewRow[] | null {
  return found ? found.map((row) => viewRow(row, context)) : null;
}

function viewRow(row: TreeRow, context: AnswerContext): ViewRow {
  const { target, ...rest } = row;
  const uri = target && context.uriOf(target.file);
  return uri ? { ...rest, target: { uri, range: target.range, title: target.title } } : rest;
}

/**
 * The steering report's answer (SPEC 9): its HTML, the status date (the default file name) and the count
 * of errors (the message after writing); with the changes and trend from git when the caller read them.
 */
export function reportAnswer(
  analysis: Analysis,
  settings: { readonly defaultCurrency: string; readonly analysis: AnalysisOptions; readonly quality: QualityThresholds },
  overTime: { readonly changes?: PlanDiffJson; readonly trend?: TrendJson } = {},
): ReportAnswer {
  const html = steeringReportFile(analysis, { defaultCurrency: settings.defaultCurrency, thresholds: settings.analysis.thresholds, qualityThresholds: settings.quality, sha256Base64, ...overTime });
  return { html, statusDate: analysis.rollup.statusDate, errors: analysis.diagnostics.filter((d) => d.severity === 'error').length };
}
