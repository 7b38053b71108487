/**
 * `Plan: Import…`, `Plan: Export…` and `Plan: Update Actuals from CSV…` (SPEC 12 in VS Code): registered
 * here; the commands, their parsers (XML, CSV) and writers are in interopCommands.ts, loaded on first use
 * (lazy.ts), so that activation does not load them.
 */
import * as vscode from 'vscode';
import { loadLazy } from './loadLazy';
import type { PlanService } from './planService';

/** What a command did: `ok` false when it stopped (cancelled, bad input, a file in the way); `message` says why or what. */
export interface InteropOutcome {
  readonly ok: boolean;
  readonly message: string;
  /** Files written (import, export). */
  readonly written?: vscode.Uri[];
  /** What the import could not carry over, or what the export left out. */
  readonly notCarried?: string[];
  /** The actuals' changes, as listed before they were applied. */
  readonly changes?: ReadonlyArray<{ id: string; field: string; before: string | null; after: string; file: string }>;
}

export function registerInterop(context: vscode.ExtensionContext, plans: PlanService): void {
  const output = vscode.window.createOutputChannel('Plan as Code: Import and Export');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('planAsCode.import', async (...args: unknown[]) => (await loadLazy()).importPlans(plans, output, args)),
    vscode.commands.registerCommand('planAsCode.export', async (...args: unknown[]) => (await loadLazy()).exportPlans(plans, output, args)),
    vscode.commands.registerCommand('planAsCode.updateActuals', async (...args: unknown[]) => (await loadLazy()).updateActuals(plans, args)),
  );
}
