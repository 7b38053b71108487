/** Plan as Code: plans as YAML, with live diagnostics, the program tree, navigation and the roadmap. */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerDiagnostics } from './diagnostics';
import { registerLanguageFeatures } from './language';
import { PlanService } from './planService';
import { registerRoadmap } from './roadmap';
import { registerSemanticTokens } from './semanticTokens';
import { registerProgramTree, type ProgramTreeProvider } from './tree';

export interface PlanAsCodeApi {
  /** For tests and other extensions: the plan workspace service. */
  readonly plans: PlanService;
  readonly tree: ProgramTreeProvider;
}

export function activate(context: vscode.ExtensionContext): PlanAsCodeApi {
  const plans = new PlanService();
  context.subscriptions.push(plans);
  registerDiagnostics(context, plans);
  const tree = registerProgramTree(context, plans);
  registerLanguageFeatures(context, plans);
  registerSemanticTokens(context, plans);
  registerCommands(context, plans);
  registerRoadmap(context, plans);
  // Index after activation returns, so activation itself stays cheap.
  setTimeout(() => void plans.ready(), 0);
  return { plans, tree };
}

export function deactivate(): void {}
