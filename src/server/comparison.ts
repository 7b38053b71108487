/**
 * The roadmap compared with another revision (SPEC 8), in the server: the other revision is read from
 * git once (ls-tree, one cat-file for its blobs, through the same reader as the CLI, with the `git` the
 * client names — VS Code's user `git.path`), analysed with the server's settings and kept as a snapshot;
 * each analysis of the live plans is compared with it, so edits show at once. When the ref moves (a
 * commit, a checkout), the other revision is read again and the client is told. The server runs git only
 * when the client asks to compare (the VS Code extension never does in Restricted Mode).
 */
import { watch } from 'node:fs';
import * as path from 'node:path';
import { defaultParseLimits, diffPlans, planSnapshot, RevisionWorkspace, roadmapComparison, type Analysis, type AnalysisOptions, type PlanSnapshot, type RevisionFile, type RoadmapComparison } from '../core';
import { GitError, GitRepository, globPathspecs } from '../node/git';
import { realPath } from '../node/files';
import type { PlanHistorySource } from '../node/reportHistory';
import { pathToUri } from './paths';
import type { PlanFiles } from './planFiles';

/** Commits that changed plans offered to choose from. */
const RECENT_COMMITS = 20;
/** Wait after the last change to the repository's refs before reading the other revision again. */
const REF_DELAY_MS = 300;

interface ComparedRevision {
  readonly ref: string;
  readonly commit: string;
  readonly snapshot: PlanSnapshot;
  /** The settings it was analysed with: when they change, it is read again. */
  readonly settings: AnalysisOptions;
}

export type Compared = { readonly ref: string; readonly commit: string } | null;

export class ServerComparison {
  private repository: { readonly gitPath: string | undefined; readonly opened: GitRepository } | undefined;
  private revision: ComparedRevision | undefined;
  private revisions: { readonly repository: GitRepository; readonly maxFileSize: number; readonly workspace: RevisionWorkspace } | undefined;
  private watchers: Array<{ close(): unknown }> = [];
  private refTimer: ReturnType<typeof setTimeout> | undefined;
  /** Reads of the other revision run one after another (they share a workspace). */
  private reads: Promise<unknown> = Promise.resolve();
  /** Counts starts and stops: a read started before the latest one of them changes nothing. */
  private generation = 0;
  private rereadQueued = false;

  constructor(
    private readonly plans: PlanFiles,
    /** Hears each change of what is compared (read again, stopped because the ref is gone). */
    private readonly changed: (compared: Compared, problem?: string) => void,
  ) {}

  get current(): Compared {
    return this.revision ? { ref: this.revision.ref, commit: this.revision.commit } : null;
  }

  /** The comparison of the live plans (this analysis) with the other revision; null when not comparing. */
  comparisonFor(analysis: Analysis): RoadmapComparison | null {
    const revision = this.revision;
    if (!revision) return null;
    // New thresholds or status date: the other side is analysed again with them (and the client is told).
    if (revision.settings !== this.plans.settings.analysis && this.repository) this.reread(this.repository.opened);
    const diff = diffPlans(revision.snapshot, planSnapshot(analysis), { base: { ref: revision.ref, commit: revision.commit }, head: { ref: null, commit: null } });
    return roadmapComparison(diff);
  }

  /** HEAD's branches, tags and the recent commits that changed plans, for the client to offer. */
  async choices(gitPath: string | undefined) {
    const repository = await this.open(gitPath);
    const [refs, commits] = await Promise.all([
      repository.refs(),
      repository.commitOf('HEAD').then((commit) => repository.firstParentHistory(commit, this.pathspecs(repository), RECENT_COMMITS), () => []),
    ]);
    return { refs: refs.map(({ name, kind, commit }) => ({ name, kind, commit })), commits: commits.map(({ commit, date, subject }) => ({ commit, date, subject })) };
  }

  /** Compares with `ref` from now on (GitError, UnreadableRevisionError when it cannot); what is compared after. */
  async compareWith(ref: string, gitPath: string | undefined): Promise<Compared> {
    const repository = await this.open(gitPath);
    const generation = ++this.generation;
    await this.enqueue(() => this.read(repository, ref, generation));
    await this.watchRefs(repository);
    return this.current;
  }

  stop(): void {
    this.generation++;
    this.revision = undefined;
    this.unwatch();
  }

  /** The plans' history as the steering report reads it (SPEC 9); undefined when no folder is in a git repository. */
  async historySource(gitPath: string | undefined): Promise<PlanHistorySource | undefined> {
    let repository: GitRepository;
    try {
      repository = await this.open(gitPath);
    } catch (error) {
      if (error instanceof GitError) return undefined;
      throw error;
    }
    const maxFileSize = this.plans.settings.maxFileSize;
    return {
      repository,
      pathspecs: this.pathspecs(repository),
      files: (commit) => this.planFiles(repository, commit),
      blobs: (ids) => repository.blobs(ids, maxFileSize),
    };
  }

  /** The repository of the first workspace folder that is in one, through `gitPath` when given. */
  private async open(gitPath: string | undefined): Promise<GitRepository> {
    const folders = this.plans.workspaceFolders;
    if (folders.length === 0) throw new GitError('the workspace has no folder on disk, so there is no git history to compare with');
    if (this.repository && this.repository.gitPath === gitPath) return this.repository.opened;
    let last: unknown;
    for (const folder of folders) {
      try {
        const opened = await GitRepository.open(folder.path, gitPath);
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

  /** Git pathspecs of the plan files of each workspace folder in the repository (the files glob). */
  private pathspecs(repository: GitRepository): string[] {
    const root = realPath(repository.root);
    return this.plans.workspaceFolders.flatMap((folder) => {
      const relative = path.relative(root, realPath(folder.path)).split(path.sep).join('/');
      return relative.startsWith('..') ? [] : globPathspecs(this.plans.settings.filesGlob, relative);
    });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.reads.then(work);
    this.reads = run.catch(() => undefined);
    return run;
  }

  /** Reads and analyses the plans at `ref`; they become the other side, unless comparing started again or stopped meanwhile. */
  private async read(repository: GitRepository, ref: string, generation: number): Promise<boolean> {
    const commit = await repository.commitOf(ref);
    const settings = this.plans.settings.analysis;
    if (generation !== this.generation) return false;
    if (this.revision?.ref === ref && this.revision.commit === commit && this.revision.settings === settings) return true;
    const files = await this.planFiles(repository, commit);
    const analysis = await this.workspaceFor(repository).analyze(files, settings);
    if (generation !== this.generation) return false;
    this.revision = { ref, commit, snapshot: planSnapshot(analysis), settings };
    return true;
  }

  private workspaceFor(repository: GitRepository): RevisionWorkspace {
    const maxFileSize = this.plans.settings.maxFileSize;
    if (this.revisions?.repository !== repository || this.revisions.maxFileSize !== maxFileSize) {
      const workspace = new RevisionWorkspace({ blobs: (ids) => repository.blobs(ids, maxFileSize) }, { ...defaultParseLimits, maxFileSize });
      this.revisions = { repository, maxFileSize, workspace };
    }
    return this.revisions.workspace;
  }

  /** The plan files of a commit, by the names the live analysis gives them (the same file, the same name). */
  private async planFiles(repository: GitRepository, commit: string): Promise<RevisionFile[]> {
    const root = realPath(repository.root);
    const folders = this.plans.workspaceFolders.map((folder) => ({ folder, real: realPath(folder.path) }));
    const files: RevisionFile[] = [];
    for (const file of await repository.treeFiles(commit)) {
      const absolute = path.join(root, file.path);
      const home = folders.find(({ real }) => absolute.startsWith(real + path.sep));
      if (!home) continue;
      const relative = path.relative(home.real, absolute).split(path.sep);
      if (relative.some((part) => part === 'node_modules' || part === '.git')) continue;
      const onDisk = path.join(home.folder.path, ...relative);
      if (this.plans.paths.isPlanPath(onDisk)) files.push({ path: this.plans.paths.keyOf(pathToUri(onDisk)), blob: file.blob });
    }
    return files;
  }

  /** Reads the other revision again when its ref moves: a change to the git folder's HEAD, packed-refs or refs. */
  private async watchRefs(repository: GitRepository): Promise<void> {
    this.unwatch();
    const changed = () => {
      clearTimeout(this.refTimer);
      this.refTimer = setTimeout(() => this.reread(repository), REF_DELAY_MS);
    };
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
      this.watchers.push(watcher);
    } catch {
      // Not there (a worktree's own folder has no refs) or not watchable: the client's refresh still reads it again.
    }
  }

  /** Reads the compared ref again (it moved, the settings changed, or the client asks), after the reads under way. */
  refresh(): void {
    if (this.repository) this.reread(this.repository.opened);
  }

  private reread(repository: GitRepository): void {
    if (!this.revision || this.rereadQueued) return;
    this.rereadQueued = true;
    const generation = this.generation;
    void this.enqueue(async () => {
      this.rereadQueued = false;
      const revision = this.revision;
      if (!revision || generation !== this.generation) return;
      try {
        const before = revision;
        if ((await this.read(repository, revision.ref, generation)) && this.revision !== before) this.changed(this.current);
      } catch (error) {
        // The ref is gone (a deleted branch): stop, and say why.
        this.stop();
        this.changed(null, `stopped comparing with ${revision.ref}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  private unwatch(): void {
    clearTimeout(this.refTimer);
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }

  dispose(): void {
    this.stop();
  }
}

