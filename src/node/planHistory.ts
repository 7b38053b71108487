/**
 * The plans of the paths given on the command line, at any revision (SPEC 8): the repository holding
 * the first path, which files of a commit's tree are plan files under the paths (the same choice as
 * `check` makes on disk), and the files on disk with their blob ids, so that a file unchanged since a
 * commit is never read from git at all.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { UnreadableRevisionError, type RevisionFile, type RevisionReader } from '../core';
import { decodePlanText, displayPath, findPlanFiles, planFilePattern, planFileSize, readPlanBytes, realPath, UsageError } from './files';
import { blobId, GitError, GitRepository, globLiteral, globPathspecs } from './git';

const skippedFolders = new Set(['node_modules', '.git']);

/** A path given on the command line, placed in the repository. */
interface ScopeEntry {
  /** As resolved from the working folder (what `check` walks). */
  readonly absolute: string;
  /** From the repository root, `/` separators; '' for the root itself. */
  readonly rel: string;
  /** True when it names a file rather than a folder. */
  readonly file: boolean;
}

export class PlanHistory implements RevisionReader {
  /** Where each path of a tree is shown (or undefined: not a plan file under the paths); trees repeat their paths. */
  private readonly shown = new Map<string, string | undefined>();

  private constructor(
    readonly repository: GitRepository,
    private readonly scope: readonly ScopeEntry[],
    private readonly maxFileSize: number,
  ) {}

  /** The repository of the first path, and where each path lies in it; a usage error when a path is outside it. */
  static async open(args: { readonly paths: readonly string[]; readonly maxFileSize: number }): Promise<PlanHistory> {
    const first = path.resolve(args.paths[0]);
    const folder = realPath(first);
    const repository = await GitRepository.open(isFolder(folder) ? folder : path.dirname(folder));
    const root = realPath(repository.root);
    const scope = args.paths.map((given) => {
      const absolute = path.resolve(given);
      const real = realPath(absolute);
      const rel = path.relative(root, real);
      if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${given} is outside the repository at ${repository.root}`);
      return { absolute, rel: rel.split(path.sep).join('/'), file: isFile(real) || (!isFolder(real) && planFilePattern.test(real)) };
    });
    return new PlanHistory(repository, scope, args.maxFileSize);
  }

  /** The commit a ref names; a usage error (one line) when there is none. */
  async commitOf(ref: string): Promise<string> {
    return gitUsage(() => this.repository.commitOf(ref));
  }

  /** The path a file of the tree is shown under, when it is a plan file under the paths given. */
  private shownPath(treePath: string): string | undefined {
    for (const entry of this.scope) {
      if (treePath === entry.rel) return displayPath(entry.absolute);
      if (entry.rel !== '' && !treePath.startsWith(`${entry.rel}/`)) continue;
      const below = entry.rel === '' ? treePath : treePath.slice(entry.rel.length + 1);
      const parts = below.split('/');
      if (!planFilePattern.test(parts[parts.length - 1]) || parts.slice(0, -1).some((part) => skippedFolders.has(part))) continue;
      return displayPath(path.join(entry.absolute, ...parts));
    }
    return undefined;
  }

  /** The plan files of a commit under the paths given, by the path `check` would show them under. */
  async files(commit: string): Promise<RevisionFile[]> {
    const files = new Map<string, RevisionFile>();
    for (const file of await gitUsage(() => this.repository.treeFiles(commit))) {
      let shown = this.shown.get(file.path);
      if (shown === undefined && !this.shown.has(file.path)) this.shown.set(file.path, (shown = this.shownPath(file.path)));
      if (shown !== undefined && !files.has(shown)) files.set(shown, { path: shown, blob: file.blob });
    }
    return [...files.values()];
  }

  async blobs(ids: readonly string[]) {
    return gitUsage(() => this.repository.blobs(ids, this.maxFileSize));
  }

  /** The plan files on disk under the paths (exactly what `check` reads), with their blob ids in the repository's hash. */
  async diskFiles(idLength: number): Promise<RevisionFile[]> {
    const files: RevisionFile[] = [];
    for (const absolute of await findPlanFiles(this.scope.map((entry) => entry.absolute))) {
      const shown = displayPath(absolute);
      const size = planFileSize(absolute, shown);
      if (size > this.maxFileSize) {
        files.push({ path: shown, blob: `oversized:${size}`, content: { oversized: size } });
        continue;
      }
      const bytes = readPlanBytes(absolute, shown);
      files.push({ path: shown, blob: blobId(bytes, idLength), content: decodePlanText(bytes) });
    }
    return files;
  }

  /** Git pathspecs of the plan files under the paths, for `git log`. */
  get pathspecs(): string[] {
    return this.scope.flatMap((entry) => {
      if (entry.file) return [`:(literal)${entry.rel}`];
      const under = entry.rel === '' ? '' : `${globLiteral(entry.rel)}/`;
      return [...globPathspecs('**/*.plan.{yaml,yml}', entry.rel), `:(exclude,glob)${under}**/node_modules/**`];
    });
  }
}

function isFile(real: string): boolean {
  try {
    return statSync(real).isFile();
  } catch {
    return false;
  }
}

function isFolder(real: string): boolean {
  try {
    return statSync(real).isDirectory();
  } catch {
    return false;
  }
}

/** Runs a git step; what git says no to (no repository, an unknown ref, a missing object) is one line of bad usage. */
export async function gitUsage<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof GitError || error instanceof UnreadableRevisionError) throw new UsageError(error.message);
    throw error;
  }
}
