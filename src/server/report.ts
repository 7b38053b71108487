/**
 * The steering report (SPEC 9) of the latest analysis, as one HTML file's text, with the changes and the
 * trend as the CLI's `report` gives them: since the newest tag, else the newest commit at least 30 days
 * old, against the plans as they are in the editor (unsaved edits included). Those two are left out when
 * the client does not ask for them (VS Code in Restricted Mode: they run git), when no folder is in a git
 * repository, or when git cannot give them — the report is worth writing without them.
 */
import { defaultParseLimits, planSnapshot, today, type Analysis, type PlanDiffJson, type TrendJson } from '../core';
import { changesSince, defaultReportBase, recentTrend } from '../node/reportHistory';
import type { ReportAnswer } from '../shared/protocol';
import { reportAnswer } from '../shared/viewAnswers';
import type { ServerComparison } from './comparison';
import type { PlanFiles } from './planFiles';

export async function steeringReport(plans: PlanFiles, comparison: ServerComparison, analysis: Analysis, history: { readonly gitPath?: string } | undefined): Promise<ReportAnswer> {
  return reportAnswer(analysis, plans.settings, history ? await plansOverTime(plans, comparison, analysis, history.gitPath) : {});
}

async function plansOverTime(plans: PlanFiles, comparison: ServerComparison, analysis: Analysis, gitPath: string | undefined): Promise<{ changes?: PlanDiffJson; trend?: TrendJson }> {
  // Plain data at once: the live workspace may analyse an edit while git is read.
  const head = planSnapshot(analysis);
  const source = await comparison.historySource(gitPath).catch(() => undefined);
  if (!source) return {};
  const options = plans.settings.analysis;
  const limits = { ...defaultParseLimits, maxFileSize: plans.settings.maxFileSize };
  const base = await defaultReportBase(source.repository, options.today ?? today()).catch(() => undefined);
  const changes = base ? await changesSince(source, base, head, options, limits).catch(() => undefined) : undefined;
  // Each point at its own status date rule (SPEC 8), whatever status date the report is judged at.
  const trend = await recentTrend(source, { ...options, statusDate: undefined }, limits).catch(() => undefined);
  return { ...(changes ? { changes } : {}), ...(trend ? { trend } : {}) };
}
