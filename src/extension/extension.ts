/** Plan as Code: plans as YAML, with live diagnostics, the program tree, navigation and the roadmap. */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerComparison, type PlanComparison } from './compare';
import { registerDiagnostics } from './diagnostics';
import { registerInterop } from './interop';
import { registerLanguageFeatures } from './language';
import { PlanService } from './planService';
import { registerReport } from './report';
import { registerRoadmap, type RoadmapPanel } from './roadmap';
import { registerSemanticTokens } from './semanticTokens';
import { registerPeopleTree, type PeopleTreeProvider } from './tree/peopleProvider';
import { registerProgramTree, type ProgramTreeProvider } from './tree/provider';

export interface PlanAsCodeApi {
  /** For tests and other extensions: the plan workspace service. */
  readonly plans: PlanService;
  readonly tree: ProgramTreeProvider;
  /** The People view (SPEC 10). */
  readonly people: PeopleTreeProvider;
  /** The roadmap panel: what it last posted to its webview and what the webview reported drawing. */
  readonly roadmap: RoadmapPanel;
  /** The revision the roadmap is compared with (Plan: Compare Roadmap With…). */
  readonly comparison: PlanComparison;
  /** How long the body of activate() took, in milliseconds (for the benchmark). */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): PlanAsCodeApi {
  const started = performance.now();
  const plans = new PlanService();
  context.subscriptions.push(plans);
  registerDiagnostics(context, plans);
  const tree = registerProgramTree(context, plans);
  const people = registerPeopleTree(context, plans);
  registerLanguageFeatures(context, plans);
  registerSemanticTokens(context, plans);
  registerCommands(context, plans);
  const comparison = registerComparison(context, plans);
  const roadmap = registerRoadmap(context, plans, comparison);
  registerReport(context, plans, comparison);
  registerInterop(context, plans);
  // Index after activation returns, so activation itself stays cheap.
  setTimeout(() => void plans.ready(), 0);
  return { plans, tree, people, roadmap, comparison, activationMs: performance.now() - started };
}

export function deactivate(): void {}
