/**
 * `Plan: Export Steering Report` (`planAsCode.exportReport`, SPEC 9): registered here; the report's code
 * (its HTML, the plans' history) is in reportCommand.ts, loaded on first use (lazy.ts).
 */
import * as vscode from 'vscode';
import type { PlanComparison } from './compare';
import { loadLazy } from './loadLazy';
import type { PlanService } from './planService';

export function registerReport(context: vscode.ExtensionContext, plans: PlanService, comparison: PlanComparison): void {
  context.subscriptions.push(vscode.commands.registerCommand('planAsCode.exportReport', async (target?: unknown) => (await loadLazy()).exportReport(plans, comparison, target)));
}
