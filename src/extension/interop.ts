/**
 * `Plan: Import…`, `Plan: Export…` and `Plan: Update Actuals from CSV…` (SPEC 12 in VS Code): registered
 * here; the commands are in interopCommands.ts, loaded on first use (lazy.ts), so that activation does not
 * load them. What they show comes from the language server (the host where there is none: HostViews).
 */
import * as vscode from 'vscode';
import { loadLazy } from './loadLazy';
import type { ViewSource } from './viewSource';

export type { InteropOutcome } from './interopCommands';

export function registerInterop(context: vscode.ExtensionContext, views: ViewSource): void {
  const output = vscode.window.createOutputChannel('Plan as Code: Import and Export');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('planAsCode.import', async (...args: unknown[]) => (await loadLazy()).importPlans(views, output, args)),
    vscode.commands.registerCommand('planAsCode.export', async (...args: unknown[]) => (await loadLazy()).exportPlans(views, output, args)),
    vscode.commands.registerCommand('planAsCode.updateActuals', async (...args: unknown[]) => (await loadLazy()).updateActuals(views, args)),
  );
}
