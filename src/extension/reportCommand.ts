/**
 * `Plan: Export Steering Report` (`planAsCode.exportReport`): the steering report of the workspace's
 * latest analysis, written as one HTML file (SPEC 9), built by the language server (src/server/report.ts). Given a file URI (keybindings, tests, other
 * extensions) it writes there and asks nothing; else it asks where, then offers to open the file.
 * Registered in report.ts; this code is in dist/extensionLazy.js, loaded on the first export.
 */
import * as vscode from 'vscode';
import { formatDay, plural } from '../core';
import { gitParams } from './compare';
import { namedLikePlan } from './files';
import type { ViewSource } from './viewSource';

/**
 * Writes the report; resolves to where it was written, or undefined when the user cancelled or it failed.
 * The language server builds it (with the changes and trend from git unless the workspace is untrusted).
 */
export async function exportReport(views: ViewSource, target: unknown, isTrusted = vscode.workspace.isTrusted): Promise<vscode.Uri | undefined> {
  const given = target instanceof vscode.Uri ? target : undefined;
  const history = isTrusted ? { history: gitParams() } : {};
  const building = Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Building the steering report' }, () => views.request('planAsCode/report', history)));
  // Asked while it is built; the default name carries the status date, known once the analysis is in.
  const uri = given ?? (await askWhere(building));
  if (!uri) return undefined;
  if (namedLikePlan(uri)) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} is named like a plan file (*.plan.yaml): write the report to another file, the plans are not overwritten.`);
    return undefined;
  }
  let report;
  try {
    report = await building;
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not build the steering report: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (!report) return undefined;
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(report.html));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not write the steering report to ${uri.fsPath || uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (!given) void confirm(uri, report.errors);
  return uri;
}

async function askWhere(building: Promise<{ readonly statusDate: number } | null>): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const report = await building.catch(() => null);
  const name = report ? `steering-report-${formatDay(report.statusDate)}.html` : 'steering-report.html';
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
