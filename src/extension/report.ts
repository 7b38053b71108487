/**
 * `Plan: Export Steering Report` (`planAsCode.exportReport`, SPEC 9): registered here; the report's code
 * (asking where, writing the file the language server builds) is in reportCommand.ts, loaded on first use (lazy.ts).
 */
import * as vscode from 'vscode';
import { loadLazy } from './loadLazy';
import type { ViewSource } from './viewSource';

export function registerReport(context: vscode.ExtensionContext, views: ViewSource): void {
  context.subscriptions.push(vscode.commands.registerCommand('planAsCode.exportReport', async (target?: unknown) => (await loadLazy()).exportReport(views, target)));
}
