/**
 * `Plan: Compare Roadmap With…` and `Plan: Stop Comparing` (SPEC 8): the roadmap against the plans at
 * another revision. The other revision is read from git once (ls-tree, one cat-file for its blobs,
 * through the same reader as the CLI, with the `git` on PATH or the user's `git.path`), analysed with
 * the editor's settings and kept as a snapshot; every analysis of the live plans is then compared with
 * it, so edits show at once — comparing with HEAD is the what-if of the uncommitted changes. When the
 * ref moves (a commit, a checkout), the other revision is read again. VS Code's Git extension is not
 * used. In Restricted Mode the comparison is unavailable, with a message saying why.
 */
import { realpathSync, watch } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultParseLimits, diffPlans, planSnapshot, RevisionWorkspace, roadmapComparison, UnreadableRevisionError, type Analysis, type AnalysisOptions, type PlanSnapshot, type RevisionFile, type RoadmapComparison } from '../core';
import { GitError, GitRepository, globPathspecs } from '../node/git';
import type { PlanHistorySource } from '../node/reportHistory';
import type { PlanService } from './planService';

/** Commits that changed plans offered by the quick pick. */
const RECENT_COMMITS = 20;
/** Wait after the last change to the repository's refs before reading the other revision again. */
const REF_DELAY_MS = 300;

/** The revision the roadmap is compared with. */
export interface ComparedRevision {
  readonly ref: string;
  readonly commit: string;
  readonly snapshot: PlanSnapshot;
  /** The settings it was analysed with: when they change, it is read again. */
  readonly settings: AnalysisOptions;
  /** When it was read (Date.now()), for tests. */
  readonly at: number;
}

export const restrictedModeMessage =
  'Comparing the roadmap with another revision is not available in Restricted Mode: it runs git, and a repository can configure git to run programs. Trust this workspace to compare.';

/** `git.path` as the user set it (user settings only: a workspace must not choose the program that runs). */
function userGitPath(): string | undefined {
  const inspected = vscode.workspace.getConfiguration('git').inspect<string | string[] | null>('path');
  const value = inspected?.globalValue;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first : undefined;
}

export class PlanComparison implements vscode.Disposable {
  private readonly onDidChangeEmitter = new vscode.EventEmitter<void>();
  /** Fires when comparing starts, stops or reads the other revision again. */
  readonly onDidChange = this.onDidChangeEmitter.event;
  private repository: { readonly gitPath: string | undefined; readonly opened: GitRepository } | undefined;
  private revision: ComparedRevision | undefined;
  private watchers: Array<{ dispose(): unknown }> = [];
  private refTimer: ReturnType<typeof setTimeout> | undefined;
  private revisions: { readonly repository: GitRepository; readonly maxFileSize: number; readonly workspace: RevisionWorkspace } | undefined;
  /** Reads of the other revision run one after another (they share a workspace). */
  private reads: Promise<unknown> = Promise.resolve();
  /** Counts starts and stops: a read started before the latest one of them changes nothing. */
  private generation = 0;
  /** A read again is waiting in the queue (more reasons to read again join it). */
  private rereadQueued = false;
  private readonly status = vscode.window.createStatusBarItem('planAsCode.comparing', vscode.StatusBarAlignment.Left, 50);

  constructor(
    private readonly plans: PlanService,
    /** Whether the workspace is trusted (a parameter for tests: the workbench under test always trusts it). */
    private readonly isTrusted: () => boolean = () => vscode.workspace.isTrusted,
  ) {
    this.status.name = 'Plan comparison';
    this.status.command = 'planAsCode.stopComparing';
  }

  /** The revision compared with, if any. */
  get current(): ComparedRevision | undefined {
    return this.revision;
  }

  /** The comparison of the live plans (this analysis) with the other revision; null when not comparing. */
  comparisonFor(analysis: Analysis): RoadmapComparison | null {
    const revision = this.revision;
    if (!revision) return null;
    // New thresholds or status date: the other side is analysed again with them (and this fires again).
    if (revision.settings !== this.plans.config.analysis && this.repository) this.reread(this.repository.opened);
    const diff = diffPlans(revision.snapshot, planSnapshot(analysis), { base: { ref: revision.ref, commit: revision.commit }, head: { ref: null, commit: null } });
    return roadmapComparison(diff);
  }

  /** Starts comparing with `ref` (asks for one when not given); false when nothing was compared. */
  async compareWith(ref?: string): Promise<boolean> {
    if (!this.isTrusted()) {
      void vscode.window.showWarningMessage(restrictedModeMessage);
      return false;
    }
    try {
      const repository = await this.openRepository();
      const chosen = ref ?? (await this.pick(repository));
      if (chosen === undefined) return false;
      const generation = ++this.generation;
      const read = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading the plans at ${chosen}` }, () =>
        this.enqueue(() => this.read(repository, chosen, generation)),
      );
      if (!read) return false;
      await this.watchRefs(repository);
      return true;
    } catch (error) {
      if (!(error instanceof GitError) && !(error instanceof UnreadableRevisionError)) throw error;
      void vscode.window.showErrorMessage(`Plan: Compare Roadmap With…: ${error.message}`);
      return false;
    }
  }

  stop(): void {
    this.generation++;
    if (!this.revision) return;
    this.revision = undefined;
    this.unwatch();
    this.status.hide();
    void vscode.commands.executeCommand('setContext', 'planAsCode.comparing', false);
    this.onDidChangeEmitter.fire();
  }

  /**
   * The plans' history as the steering report reads it (SPEC 9): the repository, the plan files of a
   * commit named as the live analysis names them, and their pathspecs; undefined in Restricted Mode or
   * when no workspace folder is in a git repository.
   */
  async historySource(): Promise<PlanHistorySource | undefined> {
    if (!this.isTrusted()) return undefined;
    let repository: GitRepository;
    try {
      repository = await this.openRepository();
    } catch (error) {
      if (error instanceof GitError) return undefined;
      throw error;
    }
    const maxFileSize = this.plans.config.maxFileSize;
    return {
      repository,
      pathspecs: this.pathspecs(repository),
      files: (commit) => this.planFiles(repository, commit),
      blobs: (ids) => repository.blobs(ids, maxFileSize),
    };
  }

  /** The repository of the first workspace folder that is in one, through the user's `git.path` when set. */
  private async openRepository(): Promise<GitRepository> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    if (folders.length === 0) throw new GitError('the workspace has no folder on disk, so there is no git history to compare with');
    const gitPath = userGitPath();
    if (this.repository && this.repository.gitPath === gitPath) return this.repository.opened;
    let last: unknown;
    for (const folder of folders) {
      try {
        const opened = await GitRepository.open(folder.uri.fsPath, gitPath);
        this.repository = { gitPath, opened };
        return opened;
      } catch (error) {
        last = error;
        if (error instanceof GitError && /not found|could not be run/.test(error.message)) break;
      }
    }
    throw last instanceof GitError && /not found|could not be run/.test(last.message)
      ? last
      : new GitError(`no workspace folder is in a git repository (${folders.map((f) => f.name).join(', ')})`);
  }

  /** A quick pick of HEAD, branches, tags and the recent commits that changed plans; the ref chosen or typed. */
  private async pick(repository: GitRepository): Promise<string | undefined> {
    type Item = vscode.QuickPickItem & { ref?: string };
    const quickPick = vscode.window.createQuickPick<Item>();
    quickPick.title = 'Compare the roadmap with…';
    quickPick.placeholder = 'A branch, tag or commit (or type any ref, such as HEAD~3)';
    quickPick.matchOnDescription = true;
    quickPick.busy = true;
    const head: vscode.QuickPickItem & { ref: string } = { label: '$(git-commit) HEAD', description: 'the last commit: shows your uncommitted changes', ref: 'HEAD' };
    quickPick.items = [head];
    const load = (async () => {
      const [refs, commits] = await Promise.all([
        repository.refs(),
        repository.commitOf('HEAD').then((commit) => repository.firstParentHistory(commit, this.pathspecs(repository), RECENT_COMMITS), () => []),
      ]);
      const section = (label: string): Item => ({ label, kind: vscode.QuickPickItemKind.Separator });
      const of = (kind: string, icon: string): Item[] =>
        refs.filter((r) => r.kind === kind).map((r) => ({ label: `$(${icon}) ${r.name}`, description: r.commit.slice(0, 7), ref: r.name }));
      const items: Item[] = [
        head,
        section('Branches'),
        ...of('branch', 'git-branch'),
        ...of('remote', 'cloud'),
        section('Tags'),
        ...of('tag', 'tag'),
        section('Commits that changed plans'),
        ...commits.map((c) => ({ label: `$(git-commit) ${c.commit.slice(0, 7)}`, description: `${c.date} ${c.subject}`, ref: c.commit })),
      ];
      // A section heading only above something.
      const separator = (item: Item | undefined) => item?.kind === vscode.QuickPickItemKind.Separator;
      quickPick.items = items.filter((item, i) => !separator(item) || (items[i + 1] !== undefined && !separator(items[i + 1])));
    })();
    void load.catch(() => undefined).finally(() => (quickPick.busy = false));
    return new Promise<string | undefined>((resolve) => {
      quickPick.onDidAccept(() => {
        const item = quickPick.selectedItems[0];
        // Nothing matches what was typed: take it as a ref.
        resolve(item?.ref ?? (quickPick.value.trim() || undefined));
        quickPick.hide();
      });
      quickPick.onDidHide(() => {
        resolve(undefined);
        quickPick.dispose();
      });
      quickPick.show();
    });
  }

  /** Git pathspecs of the plan files of each workspace folder in the repository (planAsCode.files). */
  private pathspecs(repository: GitRepository): string[] {
    const root = realPath(repository.root);
    return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
      if (folder.uri.scheme !== 'file') return [];
      const relative = path.relative(root, realPath(folder.uri.fsPath)).split(path.sep).join('/');
      return relative.startsWith('..') ? [] : globPathspecs(this.plans.config.filesGlob, relative);
    });
  }

  /** Runs a read after the reads before it. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.reads.then(work);
    this.reads = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads and analyses the plans at `ref`; they become the other side of the comparison, unless
   * comparing started again or stopped meanwhile (`generation`). True when they did.
   */
  private async read(repository: GitRepository, ref: string, generation: number): Promise<boolean> {
    const commit = await repository.commitOf(ref);
    const settings = this.plans.config.analysis;
    if (generation !== this.generation) return false;
    if (this.revision?.ref === ref && this.revision.commit === commit && this.revision.settings === settings) return true;
    const files = await this.planFiles(repository, commit);
    const analysis = await this.workspaceFor(repository).analyze(files, settings);
    if (generation !== this.generation) return false;
    this.revision = { ref, commit, snapshot: planSnapshot(analysis), settings, at: Date.now() };
    this.status.text = `$(git-compare) ${ref}`;
    this.status.tooltip = `The roadmap is compared with the plans at ${ref} (${commit.slice(0, 7)}). Click to stop comparing.`;
    this.status.show();
    void vscode.commands.executeCommand('setContext', 'planAsCode.comparing', true);
    this.onDidChangeEmitter.fire();
    return true;
  }

  /** One workspace for the revisions read from a repository: reading the ref again re-parses only what changed. */
  private workspaceFor(repository: GitRepository): RevisionWorkspace {
    const maxFileSize = this.plans.config.maxFileSize;
    if (this.revisions?.repository !== repository || this.revisions.maxFileSize !== maxFileSize) {
      const workspace = new RevisionWorkspace({ blobs: (ids) => repository.blobs(ids, maxFileSize) }, { ...defaultParseLimits, maxFileSize });
      this.revisions = { repository, maxFileSize, workspace };
    }
    return this.revisions.workspace;
  }

  /** The plan files of a commit, by the names the live analysis gives them (the same file, the same name). */
  private async planFiles(repository: GitRepository, commit: string): Promise<RevisionFile[]> {
    const root = realPath(repository.root);
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((folder) => ({ folder, real: realPath(folder.uri.fsPath) }));
    const files: RevisionFile[] = [];
    for (const file of await repository.treeFiles(commit)) {
      const absolute = path.join(root, file.path);
      const home = folders.find(({ real }) => absolute.startsWith(real + path.sep));
      if (!home) continue;
      const relative = path.relative(home.real, absolute).split(path.sep);
      if (relative.some((part) => part === 'node_modules' || part === '.git')) continue;
      const uri = vscode.Uri.joinPath(home.folder.uri, ...relative);
      if (this.plans.isPlanUri(uri)) files.push({ path: this.plans.keyOf(uri), blob: file.blob });
    }
    return files;
  }

  /**
   * Reads the other revision again when its ref moves: a change to the git folder's HEAD or packed-refs
   * or under its refs (a commit, a checkout, a fetch), or the window getting focus back (git run
   * elsewhere). Node's own watcher on those few folders: VS Code's workspace watcher was seen to miss
   * a commit's ref update inside .git.
   */
  private async watchRefs(repository: GitRepository): Promise<void> {
    this.unwatch();
    const changed = () => this.refChanged(repository);
    this.watchers.push(vscode.window.onDidChangeWindowState((state) => state.focused && changed()));
    for (const dir of await repository.gitDirs().catch(() => [])) {
      this.watchFolder(dir, false, (name) => name === 'HEAD' || name === 'packed-refs', changed);
      this.watchFolder(path.join(dir, 'refs'), true, () => true, changed);
    }
  }

  private watchFolder(folder: string, recursive: boolean, accept: (name: string) => boolean, changed: () => void): void {
    try {
      const watcher = watch(folder, { recursive, persistent: false }, (_event, name) => {
        if (name !== null && accept(String(name))) changed();
      });
      watcher.on('error', () => watcher.close());
      this.watchers.push({ dispose: () => watcher.close() });
    } catch {
      // Not there (a worktree's own folder has no refs) or not watchable: focus still reads it again.
    }
  }

  private refChanged(repository: GitRepository): void {
    clearTimeout(this.refTimer);
    this.refTimer = setTimeout(() => this.reread(repository), REF_DELAY_MS);
  }

  /** Reads the compared ref again (it moved, or the settings changed), after the reads under way; one waiting read at a time. */
  private reread(repository: GitRepository): void {
    if (!this.revision || this.rereadQueued) return;
    this.rereadQueued = true;
    const generation = this.generation;
    void this.enqueue(async () => {
      this.rereadQueued = false;
      const revision = this.revision;
      if (!revision || generation !== this.generation) return;
      try {
        await this.read(repository, revision.ref, generation);
      } catch (error) {
        // The ref is gone (a deleted branch): say so once and stop.
        void vscode.window.showWarningMessage(`Plan: stopped comparing with ${revision.ref}: ${error instanceof Error ? error.message : String(error)}`);
        this.stop();
      }
    });
  }

  private unwatch(): void {
    clearTimeout(this.refTimer);
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
  }

  dispose(): void {
    this.unwatch();
    this.status.dispose();
    this.onDidChangeEmitter.dispose();
  }
}

export function registerComparison(context: vscode.ExtensionContext, plans: PlanService): PlanComparison {
  const comparison = new PlanComparison(plans);
  context.subscriptions.push(
    comparison,
    // A ref as the argument (keybindings, tests) asks nothing; from a menu the argument is not a string.
    vscode.commands.registerCommand('planAsCode.compareWith', async (ref?: unknown) => {
      const compared = await comparison.compareWith(typeof ref === 'string' && ref.trim() !== '' ? ref : undefined);
      if (compared) await vscode.commands.executeCommand('planAsCode.openRoadmap');
      return compared;
    }),
    vscode.commands.registerCommand('planAsCode.stopComparing', () => comparison.stop()),
  );
  return comparison;
}

function realPath(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}
