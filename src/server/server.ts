/**
 * The language server (SPEC 13): wires the connection to the plan files (planFiles.ts) and to one handler
 * per capability. `initialize` is answered at once; indexing starts with `initialized` and reports
 * `$/progress` when the client supports it; settings come from `workspace/configuration` without anything
 * waiting for them. Nothing but JSON-RPC goes to stdout: the console is the client's log.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  type ClientCapabilities,
  type FileEvent,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TEAM_SETTINGS_FILE, type Analysis } from '../core';
import { planInitializationOptions } from '../shared/protocol';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { completionTriggers, registerCompletion } from './completion';
import { registerDefinition } from './definition';
import { DiagnosticsPublisher } from './diagnostics';
import { registerHover } from './hover';
import { uriToPath, type Folder } from './paths';
import { PlanFiles, type IndexProgress } from './planFiles';
import { registerReferences } from './references';
import { registerRename } from './rename';
import { IdleCollector, YOUNG_IDLE_MS, youngCollection } from './memory';
import { legend, registerSemanticTokens } from './semanticTokens';
import { section } from './settings';
import { registerSymbols } from './symbols';
import { registerViews } from './views';
import { FolderWatcher } from './watcher';
import * as path from 'node:path';
import { shuttingDown } from './cancel';

declare const PLAN_AS_CODE_VERSION: string;
const version = typeof PLAN_AS_CODE_VERSION === 'string' ? PLAN_AS_CODE_VERSION : '0.0.0-dev';

/**
 * The workspace folders of `initialize`: workspaceFolders, else (none listed: null, or an empty list)
 * rootUri, else rootPath — never the working folder. An entry without a uri (Neovim 0.7 sends `{}`) is no folder.
 */
export function foldersOf(params: Pick<InitializeParams, 'workspaceFolders' | 'rootUri' | 'rootPath'>): Folder[] {
  const listed = (params.workspaceFolders ?? []).filter((f) => typeof f?.uri === 'string').map((f) => ({ uri: f.uri, name: typeof f.name === 'string' ? f.name : '' }));
  const given = listed.length > 0 ? listed : params.rootUri ? [{ uri: params.rootUri, name: '' }] : [];
  const folders = given.flatMap(({ uri, name }) => {
    const folder = uriToPath(uri);
    return folder ? [{ name: name || path.basename(folder), path: folder }] : [];
  });
  if (folders.length === 0 && params.rootPath) folders.push({ name: path.basename(params.rootPath), path: path.resolve(params.rootPath) });
  return folders;
}

export function startServer(connection: Connection): void {
  let capabilities: ClientCapabilities = {};
  let plans: PlanFiles | undefined;
  let watcher: FolderWatcher | undefined;
  const disposables: Array<{ dispose(): void }> = [];
  const documents = new TextDocuments(TextDocument);
  const log = { warn: (message: string) => connection.console.warn(message), error: (message: string) => connection.console.error(message) };

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    plans = new PlanFiles(foldersOf(params), log, () => indexProgress(connection, capabilities));
    const files = plans;
    const options = planInitializationOptions(params.initializationOptions);
    const publisher = new DiagnosticsPublisher(connection, files, options.publishClean);
    registerHover(connection, files);
    registerCompletion(connection, files);
    registerDefinition(connection, files);
    registerReferences(connection, files);
    registerRename(connection, files);
    registerSymbols(connection, files, capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true);
    registerCodeLens(connection, files);
    registerCodeActions(connection, files);
    registerSemanticTokens(connection, files);
    const views = registerViews(connection, files, options.views);
    disposables.push(views);
    documents.onDidChangeContent((event) => files.documentChanged(event.document.uri, event.document.getText()));
    documents.onDidOpen((event) => publisher.resend(event.document.uri));
    documents.onDidClose((event) => files.documentClosed(event.document.uri));
    files.onDidAnalyze(refresher(connection, capabilities));
    const memory = new IdleCollector();
    const young = new IdleCollector(YOUNG_IDLE_MS, youngCollection());
    disposables.push(memory, young);
    files.onDidAnalyze(() => {
      memory.worked();
      young.worked();
    });

    const semanticTokens = capabilities.textDocument?.semanticTokens !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: completionTriggers },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: capabilities.textDocument?.codeAction?.codeActionLiteralSupport ? { codeActionKinds: ['quickfix'] } : true,
        // Only for a client that asks for them (SPEC 13).
        ...(semanticTokens ? { semanticTokensProvider: { legend, full: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'plan-as-code', version },
    };
  });

  connection.onInitialized(() => {
    const files = plans!;
    // Indexing starts now and publishes when done; the settings, when they come, analyse again.
    void files.ready();
    // The client's watchers follow the `files` glob: registered now, again when the settings change it.
    let watched: { glob: string; registration: Promise<{ dispose(): void } | undefined> } | undefined;
    const watchPlanFiles = () => {
      if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
      const glob = files.settings.filesGlob;
      if (watched?.glob === glob) return;
      const previous = watched;
      watched = {
        glob,
        registration: connection.client
          .register(DidChangeWatchedFilesNotification.type, {
            watchers: [
              { globPattern: glob },
              { globPattern: `**/${TEAM_SETTINGS_FILE}` },
              // A folder created, deleted or moved may be reported as the folder only (its plan files are not named).
              { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
            ],
          })
          .catch(() => {
            startWatcher();
            return undefined;
          }),
      };
      void previous?.registration.then((registration) => registration?.dispose());
    };
    void readConfiguration(connection, capabilities, files).then(watchPlanFiles);
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section }).catch(() => undefined);
    }
    connection.onDidChangeConfiguration((params) => {
      if (capabilities.workspace?.configuration) void readConfiguration(connection, capabilities, files).then(watchPlanFiles);
      else {
        const settings = (params.settings as Record<string, unknown> | null | undefined)?.[section];
        files.setClientSettings(settings ?? null);
        watchPlanFiles();
      }
    });
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) watchPlanFiles();
    else startWatcher();
    connection.onDidChangeWatchedFiles((params) => {
      // Once per path, as its last change in the batch left it: a plan file created or deleted is reported by
      // two watchers, and one batch may hold a change and then the deletion of the same file.
      const last = new Map<string, FileEvent>();
      for (const change of params.changes) {
        const file = uriToPath(change.uri);
        if (file === undefined) continue;
        last.delete(file);
        last.set(file, change);
      }
      for (const [file, change] of last) if (change.type === FileChangeType.Deleted || !files.isOpen(change.uri)) void files.fileChanged(file);
    });
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f?.uri)));
        const kept = files.workspaceFolders.filter((f) => !removed.has(f.path));
        const added = foldersOf({ workspaceFolders: event.added, rootUri: null });
        // A folder added again (or already there) is not indexed twice.
        const fresh = added.filter((folder) => !kept.some((f) => f.path === folder.path));
        if (fresh.length === 0 && kept.length === files.workspaceFolders.length) return;
        files.setFolders([...kept, ...fresh]);
        if (watcher) startWatcher();
      });
    }
  });

  function startWatcher(): void {
    watcher?.dispose();
    const files = plans!;
    watcher = new FolderWatcher(files.workspaceFolders.map((f) => f.path), (file) => void files.fileChanged(file), (message) => connection.console.warn(message));
    void watcher.start();
  }

  connection.onShutdown(() => {
    shuttingDown();
    watcher?.dispose();
    for (const disposable of disposables) disposable.dispose();
    plans?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** Asks the client for section planAsCode; a refusal, null or nothing means the defaults (and never holds up diagnostics). */
async function readConfiguration(connection: Connection, capabilities: ClientCapabilities, files: PlanFiles): Promise<void> {
  if (!capabilities.workspace?.configuration) return;
  try {
    // One answer per item; a client may answer null for all of them.
    const answers: unknown = await connection.sendRequest('workspace/configuration', { items: [{ section }] });
    files.setClientSettings(Array.isArray(answers) ? (answers[0] ?? null) : null);
  } catch (error) {
    connection.console.warn(`plan-as-code: workspace/configuration failed (${error instanceof Error ? error.message : String(error)}); using the defaults and ${TEAM_SETTINGS_FILE}`);
    files.setClientSettings(null);
  }
}

/**
 * Indexing's `$/progress` (window/workDoneProgress), when the client supports it. The progress is created
 * without holding up indexing; one created after indexing ended is ended at once.
 */
async function indexProgress(connection: Connection, capabilities: ClientCapabilities): Promise<IndexProgress & { done(): void }> {
  if (!capabilities.window?.workDoneProgress) return { report() {}, done() {} };
  let finished = false;
  let message = '';
  let percentage = 0;
  let reporter: Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>> | undefined;
  connection.window.createWorkDoneProgress().then(
    (created) => {
      created.begin('Indexing plans', percentage, message || undefined, false);
      if (finished) created.done();
      else reporter = created;
    },
    () => undefined,
  );
  return {
    report(done, total) {
      message = `${done} of ${total} plan files`;
      percentage = total === 0 ? 100 : Math.floor((done * 100) / total);
      reporter?.report(percentage, message);
    },
    done() {
      finished = true;
      reporter?.done();
    },
  };
}

/**
 * After each analysis: code lenses and (when the index changed) semantic tokens asked for again, for
 * clients that support the refresh; a client answering MethodNotFound is fine.
 */
function refresher(connection: Connection, capabilities: ClientCapabilities): (analysis: Analysis) => void {
  let tokenized: Analysis['index'] | undefined;
  return (analysis) => {
    if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (capabilities.workspace?.semanticTokens?.refreshSupport && analysis.index !== tokenized) {
      tokenized = analysis.index;
      void connection.sendRequest('workspace/semanticTokens/refresh').catch(() => undefined);
    }
  };
}
