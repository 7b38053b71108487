/**
 * Reading revisions of the plans: the caller lists a revision's plan files with an id of each file's
 * content (a git blob id) and reads contents on demand; the core never touches git or the disk. One
 * workspace follows the revisions one after another, so a file whose content id did not change since
 * the revision before is neither read nor parsed again.
 */
import type { ParseLimits } from '../syntax/nodes';
import { PlanWorkspace, type Analysis, type AnalysisOptions } from '../analysis/workspace';

/** A file's content as read: its text, or only its size in bytes when it is over the size limit. */
export type BlobContent = string | { readonly oversized: number };

/** One plan file of a revision. */
export interface RevisionFile {
  /** The path the analysis reports it under (the same for the same file in every revision). */
  readonly path: string;
  /** An id of the content: equal ids, equal texts (a git blob id). */
  readonly blob: string;
  /** The content when the caller already has it (files on disk); otherwise read through the reader. */
  readonly content?: BlobContent;
}

/** How the core reads revisions; git lives with the caller (CLI, extension). */
export interface RevisionReader {
  /** The plan files of a revision (a commit id). */
  files(revision: string): Promise<readonly RevisionFile[]>;
  /** The contents of these blobs, read together (one process for all of them, not one per file). */
  blobs(ids: readonly string[]): Promise<ReadonlyMap<string, BlobContent>>;
}

/** A file of a revision whose content the reader could not give (a partial clone without that blob). */
export class UnreadableRevisionError extends Error {}

export class RevisionWorkspace {
  private readonly workspace: PlanWorkspace;
  /** The content id of each file the workspace holds now. */
  private readonly loaded = new Map<string, string>();

  constructor(
    private readonly reader: Pick<RevisionReader, 'blobs'>,
    limits?: ParseLimits,
  ) {
    this.workspace = new PlanWorkspace(limits);
  }

  /** Analyses a revision's files; only the files that changed since the last call are read and parsed. */
  async analyze(files: readonly RevisionFile[], options: AnalysisOptions = {}): Promise<Analysis> {
    await this.load(files);
    return this.workspace.analyze(options);
  }

  /** A revision's figures only (index, schedule, rollup: no problems), as `analyze` gives them. */
  async figures(files: readonly RevisionFile[], options: AnalysisOptions = {}): Promise<Pick<Analysis, 'index' | 'schedule' | 'rollup'>> {
    await this.load(files);
    return this.workspace.figures(options);
  }

  /** Makes the workspace hold exactly these files, reading the contents it does not have yet. */
  private async load(files: readonly RevisionFile[]): Promise<void> {
    const wanted = new Set(files.map((file) => file.path));
    for (const path of this.loaded.keys()) {
      if (wanted.has(path)) continue;
      this.workspace.delete(path);
      this.loaded.delete(path);
    }
    const changed = files.filter((file) => this.loaded.get(file.path) !== file.blob);
    const unread = [...new Set(changed.filter((file) => file.content === undefined).map((file) => file.blob))];
    const read = unread.length > 0 ? await this.reader.blobs(unread) : new Map<string, BlobContent>();
    for (const file of changed) {
      const content = file.content ?? read.get(file.blob);
      if (content === undefined) throw new UnreadableRevisionError(`${file.path}: its content (blob ${file.blob}) is not in the repository (a partial clone?)`);
      if (typeof content === 'string') this.workspace.set(file.path, content);
      else this.workspace.setOversized(file.path, content.oversized);
      this.loaded.set(file.path, file.blob);
    }
  }
}
