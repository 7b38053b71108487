/** Plan as Code: plans as YAML, with live diagnostics, the program tree, navigation and the roadmap. */
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BundleLoader, type BundleLoad } from './bundleLoader';
import { registerCommands } from './commands';
import { registerComparison, type PlanComparison } from './compare';
import { registerInterop } from './interop';
import { loadClient, loadLazyNow } from './loadLazy';
import type { PlanService } from './planService';
import { registerReport } from './report';
import { registerRoadmap, type RoadmapPanel } from './roadmap';
import { registerPeopleTree, type PeopleTreeProvider } from './tree/peopleProvider';
import { registerProgramTree, type ProgramTreeProvider } from './tree/provider';
import { ServerViews, type ViewSource } from './viewSource';

export interface PlanAsCodeApi {
  /**
   * For other extensions and tests: an analysis of the workspace on the extension host (PlanService), made
   * when first read — it reads and analyses every plan file on the host, which nothing of this extension
   * does where the language server runs.
   */
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
  /** How the language client's bundles were loaded: code cache taken or not, and each task's time (for the benchmark). */
  readonly clientLoads: readonly BundleLoad[];
  /**
   * The client of the language server, which gives every language feature of plan files and what every
   * view shows (SPEC 13); undefined in a virtual workspace, where the server cannot read the files
   * (docs/ARCHITECTURE.md).
   */
  readonly languageClient: LanguageClient | undefined;
  /** Where the views get what they show: the server's requests (the host's own analysis where there is no server). */
  readonly views: ViewSource;
  /** Fires after every analysis of the whole workspace by the language server (by the host where there is none). */
  readonly analyzed: vscode.Event<unknown>;
}

let languageClient: LanguageClient | undefined;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether the server can run here: it reads the plan files from disk, so every folder must be on the file system. */
function serverCanRun(): boolean {
  return (vscode.workspace.workspaceFolders ?? []).every((folder) => folder.uri.scheme === 'file');
}

export function activate(context: vscode.ExtensionContext): PlanAsCodeApi {
  const started = performance.now();
  // The extension host's own analysis, made only when asked for (a virtual workspace, the API).
  let hostPlans: PlanService | undefined;
  const plans = (): PlanService => {
    if (!hostPlans) {
      hostPlans = new (loadLazyNow().PlanService)();
      context.subscriptions.push(hostPlans);
    }
    return hostPlans;
  };
  // Diagnostics, every language feature and what the views show come from the language server, in its own
  // process. Its client is loaded and the server started after activation returns: neither is activation's work.
  const loader = new BundleLoader(context.globalStorageUri.scheme === 'file' ? join(context.globalStorageUri.fsPath, 'code-cache') : undefined, yieldToHost);
  context.subscriptions.push(loader);
  const client = serverCanRun()
    ? new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
        // Loading the client's code (four tasks: bundleLoader.ts), making the client and starting the server.
        const { startLanguageClient } = await loadClient(loader);
        await yieldToHost();
        return (languageClient = startLanguageClient(context));
      })
    : undefined;
  const views: ViewSource = client ? new ServerViews(client) : new (loadLazyNow().HostViews)(plans());
  if (views instanceof ServerViews) {
    views.ready.catch((error: unknown) => void vscode.window.showErrorMessage(`Plan as Code: the language server did not start: ${error instanceof Error ? error.message : String(error)}`));
  }
  context.subscriptions.push(views);
  const tree = registerProgramTree(context, views);
  const people = registerPeopleTree(context, views);
  registerCommands(context, views, () => hostPlans);
  const comparison = registerComparison(context, views);
  const roadmap = registerRoadmap(context, views, comparison);
  registerReport(context, views);
  registerInterop(context, views);
  const activationMs = performance.now() - started;
  return {
    get plans() {
      return plans();
    },
    tree,
    people,
    roadmap,
    comparison,
    activationMs,
    clientLoads: loader.loads,
    get languageClient() {
      return languageClient;
    },
    views,
    analyzed: views.onDidAnalyze,
  };
}

export function deactivate(): Promise<void> | undefined {
  const client = languageClient;
  languageClient = undefined;
  return client?.stop().catch(() => undefined);
}
