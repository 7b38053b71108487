/** Plan as Code: plans as YAML, with live diagnostics, the program tree, navigation and the roadmap. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerComparison, type PlanComparison } from './compare';
import { registerInterop } from './interop';
import { serverCanRun, startLanguageClient } from './languageClient';
import { loadLazy } from './loadLazy';
import { PlanService } from './planService';
import { HostViews, ServerViews } from './viewSource';
import { registerReport } from './report';
import { registerRoadmap, type RoadmapPanel } from './roadmap';
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
  /**
   * The client of the language server, which gives every language feature of plan files (SPEC 13); undefined
   * in a virtual workspace, where the server cannot read the files (docs/ARCHITECTURE.md).
   */
  readonly languageClient: LanguageClient | undefined;
  /** Fires after every analysis of the whole workspace by the language server (by the host where there is none). */
  readonly analyzed: vscode.Event<void>;
}

let languageClient: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): PlanAsCodeApi {
  const started = performance.now();
  const plans = new PlanService();
  context.subscriptions.push(plans);
  // Diagnostics and every language feature come from the language server, in its own process.
  languageClient = serverCanRun() ? startLanguageClient(context, plans.config) : undefined;
  const client = languageClient;
  // Started after activation returns (forking the server's process is not activation's work).
  const serverStarted = client
    ? new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => client.start())
    : undefined;
  serverStarted?.catch((error: unknown) => void vscode.window.showErrorMessage(`Plan as Code: the language server did not start: ${error instanceof Error ? error.message : String(error)}`));
  // The Plans and People views ask the server for what they show (the host, where there is no server).
  const views = client && serverStarted ? new ServerViews(client, serverStarted) : new HostViews(plans, async () => (await loadLazy()).interopAnswers);
  context.subscriptions.push(views);
  const tree = registerProgramTree(context, views);
  const people = registerPeopleTree(context, views);
  registerCommands(context, plans, views);
  const comparison = registerComparison(context, plans);
  const roadmap = registerRoadmap(context, plans, comparison);
  registerReport(context, plans, comparison);
  registerInterop(context, views);
  // The host indexes only when a view that is not yet fed by the server needs its analysis
  // (PlanService.ready): the roadmap, the report, compare.
  return { plans, tree, people, roadmap, comparison, activationMs: performance.now() - started, languageClient, analyzed: views.onDidAnalyze };
}

export function deactivate(): Promise<void> | undefined {
  const client = languageClient;
  languageClient = undefined;
  return client?.stop().catch(() => undefined);
}
