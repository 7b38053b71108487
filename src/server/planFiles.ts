/**
 * The plan files of the workspace folders as the server sees them: read from disk, with open documents'
 * unsaved text winning, kept current by file events (the client's or the server's own watcher), and
 * analysed in time slices shortly after each change — the same engine and the same rhythm as the VS Code
 * extension's PlanService. Handlers ask `analysis()` for the analysis of every change so far.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CancellationToken } from 'vscode-languageserver';
import { Debounce, defaultParseLimits, PlanWorkspace, LatestRun, readTeamSettings, runInSlices, TEAM_SETTINGS_FILE, type Analysis, type PlanDiagnostic, type Steps, type TeamSettings } from '../core';
import { decodePlanText } from '../node/files';
import { PlanPaths, pathToUri, uriToPath, type Folder } from './paths';
import { serverSettings, type ServerSettings } from './settings';
import { walk } from './walk';

/**
 * Delay between the last change and the new analysis: none (a timer of 0 ms). A change that comes while an
 * analysis runs abandons it at its next slice. It was 15 ms, to merge a burst of changes: a person types
 * keys 80 ms or more apart, so it merged nothing and put off every edit's diagnostics by 15 ms.
 */
const ANALYSIS_DELAY_MS = 0;
/**
 * A document whose text took longer than this to read, twice running: its changes are not read as they
 * come but when the analysis starts, which waits as long as a reading takes (at most MAX_COALESCE_MS), so
 * that a burst of them (many edits sent at once) is read once, not once per change before the next
 * message is even taken. Other documents are read as they come, as before.
 */
const SLOW_READ_MS = 20;
const MAX_COALESCE_MS = 250;
/** Longest the server works before it reads the next message. */
export const SLICE_MS = 12;
const READ_BATCH = 64;

export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface IndexProgress {
  report(done: number, total: number): void;
}

interface PlanFile {
  readonly uri: string;
  text: string;
}

export class PlanFiles {
  private workspace = new PlanWorkspace();
  paths: PlanPaths;
  /** Key → the file, for every indexed plan file. */
  private readonly files = new Map<string, PlanFile>();
  /** Uris of the documents the client has open (their text wins over the disk's). */
  private readonly open = new Set<string>();
  /**
   * Open documents whose file was deleted on disk, with the text they had: the client sending that same
   * text again (an editor re-syncing the orphaned buffer) does not bring the file back; an edit does.
   */
  private readonly deletedWhileOpen = new Map<string, string>();
  private clientSettings: unknown = null;
  private team: { uri: string; settings: TeamSettings; diagnostics: readonly PlanDiagnostic[] } | undefined;
  settings: ServerSettings;
  /** The analysis after changes, once they pause (after indexing). */
  private readonly changes = new Debounce(ANALYSIS_DELAY_MS, () => {
    if (this.indexing) void this.indexing.then(() => this.analyze());
  });
  private current: Analysis | undefined;
  /** Changed texts of documents slow to read, not yet read into the workspace (by key): read when the next analysis starts. */
  private readonly unread = new Map<string, string>();
  /** Per file: how long its last reading took, and the shorter of its last two (a collection during one does not make it slow). */
  private readonly readTimes = new Map<string, { readonly last: number; readonly slow: number }>();
  /** The analysis under way, if any; a newer one abandons it. */
  private readonly runs = new LatestRun<Analysis>();
  private indexing: Promise<void> | undefined;
  private readonly listeners: Array<(analysis: Analysis) => void> = [];
  private readonly teamListeners: Array<() => void> = [];

  constructor(
    private folders: readonly Folder[],
    private readonly log: { warn(message: string): void; error(message: string): void },
    private readonly progress: () => Promise<IndexProgress & { done(): void }>,
  ) {
    this.settings = serverSettings(null, undefined);
    this.paths = new PlanPaths(folders, this.settings.filesGlob);
  }

  get workspaceFolders(): readonly Folder[] {
    return this.folders;
  }

  /** Hears every analysis of the whole workspace. */
  onDidAnalyze(listener: (analysis: Analysis) => void): void {
    this.listeners.push(listener);
  }

  /** Hears every change of the team's settings file (its diagnostics). */
  onDidChangeTeamFile(listener: () => void): void {
    this.teamListeners.push(listener);
  }

  get teamFile() {
    return this.team;
  }

  /** The analysis including every change made so far, or undefined when the token is cancelled first. */
  async analysis(token?: CancellationToken): Promise<Analysis | undefined> {
    const cancelled = token ? new Promise<undefined>((resolve) => token.onCancellationRequested(() => resolve(undefined))) : undefined;
    const wait = async <T>(promise: Promise<T>) => (cancelled ? Promise.race([promise, cancelled]) : promise);
    await wait(this.ready());
    if (token?.isCancellationRequested) return undefined;
    // Indexed: the change waiting for its analysis is analysed now (the debounced run would start it a
    // tick later, and this request would answer from the analysis before the change).
    if (this.changes.cancel()) void this.analyze();
    for (;;) {
      const running = this.runs.running;
      if (!running) break;
      const result = await wait(running);
      if (token?.isCancellationRequested) return undefined;
      if (result && !this.runs.running && !this.changes.waiting) return result;
    }
    return this.current ?? (await wait(this.analyze()));
  }

  get latest(): Analysis | undefined {
    return this.current;
  }

  ready(): Promise<void> {
    this.indexing ??= this.index();
    return this.indexing;
  }

  /** Uri of an indexed file by its key. */
  uriOf(key: string): string | undefined {
    return this.files.get(key)?.uri;
  }

  /** The text the core analyses for a uri (an open document's, else the disk's), if it is a plan file. */
  textOf(uri: string): string | undefined {
    return this.files.get(this.paths.keyOf(uri))?.text;
  }

  get uris(): string[] {
    return [...this.files.values()].map((file) => file.uri);
  }

  /** New settings from the client (any JSON; null for none). */
  setClientSettings(answer: unknown): void {
    this.clientSettings = answer;
    this.applySettings();
  }

  private applySettings(): void {
    const next = serverSettings(this.clientSettings, this.team?.settings, (message) => this.log.warn(message));
    const filesChanged = next.filesGlob !== this.settings.filesGlob || next.maxFileSize !== this.settings.maxFileSize;
    this.settings = next;
    if (filesChanged && this.indexing) this.reindex();
    else this.schedule();
  }

  setFolders(folders: readonly Folder[]): void {
    this.folders = folders;
    this.reindex();
  }

  reindex(): void {
    this.indexing = this.index();
  }

  /**
   * Reads every file from disk again (the editor's Refresh), but the open documents whose uris are in
   * `unsaved`: the client says which of its documents differ from the disk; the others are read as the
   * disk has them now (the editor shows the same text once it notices the change).
   */
  reload(unsaved: readonly string[]): Promise<void> {
    const keep = new Set(unsaved.map((uri) => this.paths.keyOf(uri)));
    for (const uri of this.open) if (!keep.has(this.paths.keyOf(uri))) this.open.delete(uri);
    this.reindex();
    return this.indexing!;
  }

  private async index(): Promise<void> {
    this.runs.abandon();
    await this.loadTeamFile();
    this.settings = serverSettings(this.clientSettings, this.team?.settings, (message) => this.log.warn(message));
    this.paths = new PlanPaths(this.folders, this.settings.filesGlob);
    this.workspace = new PlanWorkspace({ ...defaultParseLimits, maxFileSize: this.settings.maxFileSize });
    // The open documents' latest texts are in `files`: put again below.
    this.unread.clear();
    const openFiles = [...this.files].filter(([, file]) => this.open.has(file.uri));
    this.files.clear();
    const progress = await this.progress();
    try {
      const found: string[] = [];
      for (const folder of this.folders) {
        for (const file of (await walk(folder.path)).files) {
          this.paths.foundIn(folder, file);
          if (this.paths.isPlanPath(file)) found.push(file);
        }
      }
      for (let i = 0; i < found.length; i += READ_BATCH) {
        const batch = found.slice(i, i + READ_BATCH);
        await Promise.all(batch.map((file) => this.readFile(file)));
        progress.report(Math.min(i + READ_BATCH, found.length), found.length);
        await yieldToLoop();
      }
      // Unsaved text wins over the file.
      for (const [, file] of openFiles) if (this.paths.isPlanFile(file.uri)) this.put(file.uri, file.text);
      // Indexing ends with the first analysis (its problems published), not with the last file read.
      await this.analyze();
    } finally {
      progress.done();
    }
  }

  /** Reads a plan file from disk (files above the size limit are recorded, not read). */
  private async readFile(file: string): Promise<void> {
    const uri = pathToUri(file);
    // Open in the client, now or by the time the disk answers: the document's text wins.
    const open = () => this.open.has(this.openUri(uri));
    if (open()) return;
    try {
      const stat = await fs.stat(file);
      if (open()) return;
      if (!stat.isFile()) return this.remove(uri);
      const key = this.paths.keyOf(uri);
      if (stat.size > this.settings.maxFileSize) {
        this.files.set(key, { uri, text: '' });
        this.workspace.setOversized(key, stat.size);
        return;
      }
      const text = decodePlanText(await fs.readFile(file));
      if (!open()) this.put(uri, text);
    } catch {
      if (!open()) this.remove(uri);
    }
  }

  /** The uri under which the client has a file open, if it does (clients encode uris differently). */
  private openUri(uri: string): string {
    const key = this.paths.keyOf(uri);
    for (const open of this.open) if (this.paths.keyOf(open) === key) return open;
    return uri;
  }

  /** A file's text: read into the workspace now, or (a change of a document slow to read) when the next analysis starts. */
  private put(uri: string, text: string, change = false): void {
    const key = this.paths.keyOf(uri);
    const known = this.files.get(key);
    // Keep the uri the client used for an open document, so what is published matches its buffers.
    this.files.set(key, { uri: this.open.has(uri) || !known ? uri : known.uri, text });
    if (change && (this.readTimes.get(key)?.slow ?? 0) > SLOW_READ_MS) {
      this.unread.set(key, text);
      // The analysis asked for waits as long as this document takes to read.
      this.schedule();
      return;
    }
    this.unread.delete(key);
    this.read(key, text);
  }

  private read(key: string, text: string): void {
    const started = performance.now();
    this.workspace.set(key, text);
    const took = performance.now() - started;
    const before = this.readTimes.get(key);
    this.readTimes.set(key, { last: took, slow: before ? Math.min(before.last, took) : 0 });
  }

  /** Reads the changes of documents slow to read, waiting since the last analysis, into the workspace. */
  private readChanged(): void {
    for (const [key, text] of this.unread) this.read(key, text);
    this.unread.clear();
  }

  private remove(uri: string): void {
    const key = this.paths.keyOf(uri);
    this.files.delete(key);
    const unread = this.unread.delete(key);
    if (this.workspace.delete(key) || unread) this.schedule();
  }

  /** A file on disk was created, changed or deleted (a watcher says so). */
  async fileChanged(file: string): Promise<void> {
    if (path.basename(file) === TEAM_SETTINGS_FILE) {
      await this.loadTeamFile();
      this.applySettings();
      return;
    }
    // A link made, moved or removed changes where the paths through it lead.
    this.paths.forget(file);
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      this.removeUnder(file);
      return;
    }
    // Written again after a deletion while open: the disk's text counts, as for a file never opened.
    const again = pathToUri(file);
    for (const uri of this.deletedWhileOpen.keys()) {
      if (this.paths.keyOf(uri) !== this.paths.keyOf(again)) continue;
      this.deletedWhileOpen.delete(uri);
      this.open.delete(uri);
    }
    // Only files whose real path is in the folders: a link in a folder may lead out of them (its walk did not follow it).
    const isPlan = (inside: string) => this.paths.isPlanPath(inside) && this.paths.inFolders(inside);
    if (stat.isDirectory()) {
      for (const inside of (await walk(file)).files) if (isPlan(inside) && !this.files.has(this.paths.keyOf(pathToUri(inside)))) await this.readFile(inside);
      this.schedule();
      return;
    }
    if (!isPlan(file)) return;
    await this.readFile(file);
    this.schedule();
  }

  /**
   * Drops a deleted file, or every indexed file inside a deleted folder — open ones too (as VS Code did
   * before the server: a file deleted is gone from the plans, whatever editor still shows it); an edit
   * of such a document brings its text back.
   */
  private removeUnder(file: string): void {
    // By key, which names a file by its real path: a link deleted is not the file it led to. A workspace
    // folder deleted (or a folder above it) takes every file under it.
    const gone = this.paths.keyOf(pathToUri(file));
    const prefix = file + path.sep;
    const wholeFolder = this.folders.some((folder) => folder.path === file || folder.path.startsWith(prefix));
    let removed = false;
    for (const [key, entry] of this.files) {
      const onDisk = uriToPath(entry.uri);
      if (onDisk === undefined) continue;
      if (wholeFolder ? onDisk !== file && !onDisk.startsWith(prefix) : key !== gone && !key.startsWith(`${gone}/`)) continue;
      if (this.open.has(entry.uri)) this.deletedWhileOpen.set(entry.uri, entry.text);
      this.files.delete(key);
      this.unread.delete(key);
      removed = this.workspace.delete(key) || removed;
    }
    if (removed) this.schedule();
  }

  /** The client opened or changed a document. */
  documentChanged(uri: string, text: string): void {
    if (this.isTeamFile(uri)) {
      this.applyTeamText(uri, text);
      return;
    }
    if (!this.paths.isPlanFile(uri)) return;
    const deleted = this.deletedWhileOpen.get(uri);
    if (deleted !== undefined) {
      if (deleted === text) return;
      this.deletedWhileOpen.delete(uri);
    }
    this.open.add(uri);
    // Asked for first, as the text is then read (the timer is due when the reading ends).
    this.schedule();
    this.put(uri, text, true);
  }

  /** The client closed a document: back to what is on disk. */
  documentClosed(uri: string): void {
    if (this.isTeamFile(uri)) {
      void this.loadTeamFile().then(() => this.applySettings());
      return;
    }
    this.deletedWhileOpen.delete(uri);
    if (!this.open.delete(uri)) return;
    const file = uriToPath(uri);
    // A file outside every folder was in the plans while it was open only (SPEC 2: the workspace is the files under its roots).
    if (file === undefined || !this.paths.inFolders(file)) this.remove(uri);
    else void this.readFile(file).then(() => this.schedule());
  }

  /** Whether the client's text of the file wins over the disk's (not once the file was deleted under it). */
  isOpen(uri: string): boolean {
    return this.open.has(uri) && !this.deletedWhileOpen.has(uri);
  }

  private isTeamFile(uri: string): boolean {
    const file = uriToPath(uri);
    return file !== undefined && this.folders.some((folder) => path.join(folder.path, TEAM_SETTINGS_FILE) === file);
  }

  /** The team's `.plan-as-code.yaml`: at the root of the first folder that has one. */
  private async loadTeamFile(): Promise<void> {
    for (const folder of this.folders) {
      const file = path.join(folder.path, TEAM_SETTINGS_FILE);
      const uri = pathToUri(file);
      let text: string;
      try {
        text = decodePlanText(await fs.readFile(file));
      } catch {
        continue;
      }
      this.applyTeamText(uri, text, false);
      return;
    }
    if (this.team) {
      this.team = { ...this.team, settings: {}, diagnostics: [] };
      for (const listener of this.teamListeners) listener();
      this.team = undefined;
    }
  }

  private applyTeamText(uri: string, text: string, apply = true): void {
    const read = readTeamSettings(TEAM_SETTINGS_FILE, text);
    this.team = { uri, settings: read.settings, diagnostics: read.diagnostics };
    for (const listener of this.teamListeners) listener();
    if (apply) this.applySettings();
  }

  private schedule(): void {
    // Documents slow to read wait for the burst to end; the rest are analysed at once.
    let wait = ANALYSIS_DELAY_MS;
    for (const key of this.unread.keys()) wait = Math.max(wait, Math.min(MAX_COALESCE_MS, this.readTimes.get(key)?.slow ?? 0));
    this.changes.request(wait);
  }

  /** Analyses in time slices; a newer analysis abandons an older one. */
  private analyze(): Promise<Analysis | undefined> {
    this.readChanged();
    const steps = this.workspace.analyzeSteps(this.settings.analysis);
    // A fault in the engine must not take the server down; the previous results stay.
    return this.runs.start(
      (current) => this.drive(steps, current),
      (error) => this.log.error(`plan-as-code: analysis failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    );
  }

  private async drive(steps: Steps<Analysis>, current: () => boolean): Promise<Analysis | undefined> {
    const analysis = await runInSlices(steps, SLICE_MS, yieldToLoop, current);
    if (analysis === undefined) return undefined;
    // The last analysis again: nothing changed (a document opened with the text on disk, the same text
    // sent again), so nothing is published, refreshed or announced — a client would only redraw.
    if (analysis === this.current) return analysis;
    this.current = analysis;
    for (const listener of this.listeners) listener(analysis);
    return analysis;
  }

  dispose(): void {
    this.changes.cancel();
  }
}
