/**
 * The workspace of plan files as the extension sees it: every plan file of every workspace folder,
 * read through `vscode.workspace.fs`, kept current by a file watcher and by open editors (unsaved
 * text wins), and analysed again shortly after each change. Views subscribe to `onDidAnalyze`. It
 * indexes only once something asks (`ready`, `analysis`): the language server, in its own process, gives
 * the diagnostics and language features.
 */
import * as vscode from 'vscode';
import { Debounce, defaultParseLimits, LatestRun, PlanWorkspace, runInSlices, type Analysis, type Steps } from '../core';
import { readSettings, section, type PlanSettings } from './settings';
import { TeamSettingsFile } from './teamSettings';

/**
 * Delay between the last change and the new analysis. Changes closer together than this (an edit applied
 * in several steps, a burst of keys) settle into one analysis; a typist's keys, 80 ms or more apart, get
 * one each, which the extension host keeps up with: an edit of values is analysed incrementally (10–20 ms
 * on 10,000 projects), anything else in time slices that the next key abandons. The bench types into
 * the L workspace to check that keys stay smooth meanwhile (bench/host/index.ts, `typing`).
 */
const ANALYSIS_DELAY_MS = 15;
/** Files read per batch while indexing. */
const READ_BATCH = 64;
/**
 * Files longer than this (in characters) are parsed after all the shorter ones while indexing: by then
 * the parser runs optimised, and a large program file takes a few milliseconds instead of a long task.
 */
const LARGE_FILE = 16 * 1024;
/** Longest the service (and the views it feeds) works before it lets the extension host do something else. */
export const SLICE_MS = 12;

export const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

export class PlanService implements vscode.Disposable {
  private readonly onDidAnalyzeEmitter = new vscode.EventEmitter<Analysis>();
  /** Fires after every analysis of the whole workspace. */
  readonly onDidAnalyze = this.onDidAnalyzeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.onDidAnalyzeEmitter];
  private workspace = new PlanWorkspace();
  /** Core path (workspace-relative) → file uri, for every indexed file. */
  private readonly uris = new Map<string, vscode.Uri>();
  /** The team's .plan-as-code.yaml: thresholds and currency shared with the CLI. */
  private readonly team = new TeamSettingsFile();
  private settings: PlanSettings = readSettings();
  /** The analysis after edits, once they pause. */
  private readonly edits = new Debounce(ANALYSIS_DELAY_MS, () => void this.analyze());
  private current: Analysis | undefined;
  /** The analysis under way, if any; a newer request abandons it. */
  private readonly runs = new LatestRun<Analysis>();
  private indexing: Promise<void> | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  /** Creating, deleting or moving a folder may report the folder only: this one hears those. */
  private folderWatcher: vscode.FileSystemWatcher | undefined;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => this.onDocument(event.document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.onDocument(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.onClose(document)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reindex()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(section)) return;
        const next = readSettings(this.team.settings);
        const filesChanged = next.filesGlob !== this.settings.filesGlob || next.maxFileSize !== this.settings.maxFileSize;
        this.settings = next;
        if (filesChanged) this.reindex();
        else this.schedule();
      }),
      this.team,
      this.team.onDidChange(() => {
        this.settings = readSettings(this.team.settings);
        this.schedule();
      }),
      { dispose: () => this.watcher?.dispose() },
      { dispose: () => this.folderWatcher?.dispose() },
      { dispose: () => this.edits.cancel() },
    );
  }

  get config(): PlanSettings {
    return this.settings;
  }

  /** The latest analysis, including every change made so far (indexing first if needed). */
  async analysis(): Promise<Analysis> {
    await this.ready();
    if (this.edits.cancel()) void this.analyze();
    for (;;) {
      const running = this.runs.running;
      if (!running) break;
      const result = await running;
      if (result && !this.runs.running && !this.edits.waiting) return result;
    }
    return this.current ?? (await this.analyze())!;
  }

  /** The latest analysis without waiting (undefined before the first one). */
  get latest(): Analysis | undefined {
    return this.current;
  }

  /**
   * Starts indexing the workspace (once); resolves when every file has been read. Nothing indexes before a
   * view that shows the analysis asks for it (the Plans or People view shown, the roadmap, the report, a
   * command): diagnostics and the language features come from the language server.
   */
  ready(): Promise<void> {
    this.indexing ??= this.index();
    return this.indexing;
  }

  /** Forgets every file and reads them all again from disk; resolves with the new analysis. */
  async reload(): Promise<Analysis> {
    this.reindex();
    await this.indexing;
    return this.analysis();
  }

  isPlanDocument(document: vscode.TextDocument): boolean {
    return this.isPlanUri(document.uri);
  }

  isPlanUri(uri: vscode.Uri): boolean {
    if (uri.scheme === 'output' || uri.scheme === 'vscode-scm') return false;
    // languages.match reads only the uri and language of the document it is given.
    return vscode.languages.match({ pattern: this.settings.filesGlob }, { uri, languageId: 'yaml' } as vscode.TextDocument) > 0;
  }

  /** The core's name for a file. */
  keyOf(uri: vscode.Uri): string {
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    return uri.scheme === 'file' || vscode.workspace.getWorkspaceFolder(uri) ? vscode.workspace.asRelativePath(uri, multiRoot) : uri.toString();
  }

  uriOf(key: string): vscode.Uri | undefined {
    return this.uris.get(key);
  }

  get fileUris(): vscode.Uri[] {
    return [...this.uris.values()];
  }

  private async index(): Promise<void> {
    await this.team.load();
    this.settings = readSettings(this.team.settings);
    this.workspace = new PlanWorkspace({ ...defaultParseLimits, maxFileSize: this.settings.maxFileSize });
    this.uris.clear();
    this.watcher?.dispose();
    this.watcher = vscode.workspace.createFileSystemWatcher(this.settings.filesGlob);
    this.watcher.onDidCreate((uri) => this.readFromDisk(uri));
    this.watcher.onDidChange((uri) => this.readFromDisk(uri));
    this.watcher.onDidDelete((uri) => this.remove(uri));
    this.folderWatcher?.dispose();
    this.folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.folderWatcher.onDidCreate((uri) => void this.addUnder(uri));
    this.folderWatcher.onDidDelete((uri) => this.removeUnder(uri));

    const uris = await vscode.workspace.findFiles(this.settings.filesGlob, '**/{node_modules,.git}/**');
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Indexing plans' },
      async (progress) => {
        const large: Array<[vscode.Uri, string]> = [];
        const putAll = async (files: Array<[vscode.Uri, string]>) => {
          let sliceStart = performance.now();
          for (const [uri, text] of files) {
            this.put(uri, text);
            if (performance.now() - sliceStart > SLICE_MS) {
              await yieldToHost();
              sliceStart = performance.now();
            }
          }
        };
        for (let i = 0; i < uris.length; i += READ_BATCH) {
          const batch = uris.slice(i, i + READ_BATCH);
          const texts = await Promise.all(batch.map((uri) => this.readText(uri)));
          const small: Array<[vscode.Uri, string]> = [];
          batch.forEach((uri, j) => {
            const text = texts[j];
            if (text !== undefined) (text.length > LARGE_FILE ? large : small).push([uri, text]);
          });
          await putAll(small);
          progress.report({ message: `${Math.min(i + READ_BATCH, uris.length) - large.length} of ${uris.length} plan files` });
          await yieldToHost();
        }
        await putAll(large);
      },
    );
    // Unsaved text wins over the file (a saved document is the file, and may not have caught up with it yet).
    for (const document of vscode.workspace.textDocuments) {
      if (this.isPlanDocument(document) && (document.isDirty || document.isUntitled)) this.put(document.uri, document.getText());
    }
    await this.analyze();
  }

  /** Reads everything again, if indexing has started (before, the first index will read it as it is). */
  private reindex(): void {
    if (this.indexing) this.indexing = this.index();
  }

  private put(uri: vscode.Uri, text: string): void {
    const key = this.keyOf(uri);
    this.uris.set(key, uri);
    this.workspace.set(key, text);
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return new TextDecoder('utf-8').decode(bytes);
    } catch {
      return undefined;
    }
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    // An open editor's text wins over the saved file.
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    const text = await this.readText(uri);
    if (text === undefined) return this.remove(uri);
    this.put(uri, text);
    this.schedule();
  }

  private remove(uri: vscode.Uri): void {
    const key = this.keyOf(uri);
    this.uris.delete(key);
    if (this.workspace.delete(key)) this.schedule();
  }

  /** Reads every plan file inside a folder that was created (or moved in) with its files. */
  private async addUnder(uri: vscode.Uri): Promise<void> {
    if (this.isPlanUri(uri) || /\/(node_modules|\.git)(\/|$)/.test(uri.path)) return;
    try {
      if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return;
    } catch {
      return;
    }
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, this.settings.filesGlob), '**/{node_modules,.git}/**');
    for (const file of found) if (!this.uris.has(this.keyOf(file))) await this.readFromDisk(file);
  }

  /** Drops every indexed file inside a deleted (or moved-away) folder. */
  private removeUnder(folder: vscode.Uri): void {
    const prefix = `${folder.toString()}/`;
    let removed = false;
    for (const [key, uri] of this.uris) {
      if (!uri.toString().startsWith(prefix)) continue;
      this.uris.delete(key);
      removed = this.workspace.delete(key) || removed;
    }
    if (removed) this.schedule();
  }

  private onDocument(document: vscode.TextDocument): void {
    if (!this.indexing || !this.isPlanDocument(document)) return;
    // The delay counts from the change, so reading the new text (a few ms for a large file) is part of it.
    this.schedule();
    this.put(document.uri, document.getText());
  }

  private onClose(document: vscode.TextDocument): void {
    if (!this.indexing || !this.isPlanDocument(document)) return;
    // Back to what is saved: re-read the file, or drop it when it no longer exists (an untitled file).
    if (document.uri.scheme === 'untitled') this.remove(document.uri);
    else void this.readFromDisk(document.uri);
  }

  private schedule(): void {
    if (!this.indexing) return;
    this.edits.request();
  }

  /**
   * Analyses the workspace in time slices, so that indexing or typing in a large workspace never blocks
   * the extension host for long. A newer call abandons an older one that has not finished.
   */
  private analyze(): Promise<Analysis | undefined> {
    const steps = this.workspace.analyzeSteps(this.settings.analysis);
    // A fault in the engine must not take the extension down; the previous results stay shown.
    return this.runs.start((current) => this.drive(steps, current), (error) => console.error('plan-as-code: analysis failed', error));
  }

  /** Runs the analysis slice by slice; gives up when a newer analysis has started. */
  private async drive(steps: Steps<Analysis>, current: () => boolean): Promise<Analysis | undefined> {
    const analysis = await runInSlices(steps, SLICE_MS, yieldToHost, current);
    if (analysis === undefined) return undefined;
    // The views update in a task of their own, not on top of the last slice of analysis.
    await yieldToHost();
    if (!current()) return undefined;
    this.current = analysis;
    this.onDidAnalyzeEmitter.fire(analysis);
    return analysis;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
