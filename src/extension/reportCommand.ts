/**
 * `Plan: Export Steering Report` (`planAsCode.exportReport`): the steering report of the workspace's
 * latest analysis, written as one HTML file (SPEC 9). Given a file URI (keybindings, tests, other
 * extensions) it writes there and asks nothing; else it asks where, then offers to open the file.
 * Registered in report.ts; this code is in dist/extensionLazy.js, loaded on the first export.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { defaultParseLimits, formatDay, planSnapshot, plural, steeringReportFile, type Analysis, type PlanDiffJson, type TrendJson } from '../core';
import { changesSince, defaultReportBase, recentTrend } from '../node/reportHistory';
import type { PlanComparison } from './compare';
import type { PlanService } from './planService';

const sha256Base64 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/** Writes the report; resolves to where it was written, or undefined when the user cancelled or it failed. */
export async function exportReport(plans: PlanService, comparison: PlanComparison, target: unknown): Promise<vscode.Uri | undefined> {
  const given = target instanceof vscode.Uri ? target : undefined;
  const analysis = await plans.analysis();
  const uri = given ?? (await askWhere(analysis.rollup.statusDate));
  if (!uri) return undefined;
  const { defaultCurrency, analysis: options } = plans.config;
  const history = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading the plans\' history' }, () => plansOverTime(plans, comparison, analysis));
  const html = steeringReportFile(analysis, { defaultCurrency, thresholds: options.thresholds, qualityThresholds: plans.config.quality, sha256Base64, ...history });
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(html));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not write the steering report to ${uri.fsPath || uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (!given) void confirm(uri, analysis.diagnostics.filter((d) => d.severity === 'error').length);
  return uri;
}

/**
 * The changes and the trend, as the CLI's `report` gives them (SPEC 9): since the newest tag, else the
 * newest commit at least 30 days old, against the plans as they are in the editor (unsaved edits
 * included); each left out when the workspace is not in a git repository, in Restricted Mode (it runs
 * git), or when git cannot give it — the report is worth writing without them.
 */
async function plansOverTime(plans: PlanService, comparison: PlanComparison, analysis: Analysis): Promise<{ changes?: PlanDiffJson; trend?: TrendJson }> {
  // Plain data at once: the live workspace may analyse an edit while git is read.
  const head = planSnapshot(analysis);
  const source = await comparison.historySource().catch(() => undefined);
  if (!source) return {};
  const settings = plans.config.analysis;
  const limits = { ...defaultParseLimits, maxFileSize: plans.config.maxFileSize };
  const base = await defaultReportBase(source.repository, analysis.rollup.statusDate).catch(() => undefined);
  const changes = base ? await changesSince(source, base, head, settings, limits).catch(() => undefined) : undefined;
  const trend = await recentTrend(source, settings, limits).catch(() => undefined);
  return { ...(changes ? { changes } : {}), ...(trend ? { trend } : {}) };
}

async function askWhere(statusDate: number): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const name = `steering-report-${formatDay(statusDate)}.html`;
  return vscode.window.showSaveDialog({
    title: 'Export Steering Report',
    saveLabel: 'Export',
    defaultUri: folder ? vscode.Uri.joinPath(folder.uri, name) : undefined,
    filters: { 'HTML (prints on A4 or Letter landscape)': ['html'] },
  });
}

async function confirm(uri: vscode.Uri, errors: number): Promise<void> {
  const where = vscode.workspace.asRelativePath(uri);
  const message =
    errors > 0
      ? `Steering report written to ${where}. The plans have ${plural(errors, 'error')}: the report opens with a banner naming them.`
      : `Steering report written to ${where}.`;
  const open = 'Open in Browser';
  const choice = await (errors > 0 ? vscode.window.showWarningMessage(message, open) : vscode.window.showInformationMessage(message, open));
  if (choice === open) await vscode.env.openExternal(uri);
}
