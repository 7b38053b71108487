/**
 * Where a plan file is: its uri (as the client writes it), its path on disk, and its key — the core's
 * name for it, relative to its workspace folder with `/` separators (prefixed with the folder's name when
 * there are several folders — `plans (2)` for a second folder of the same name), or the whole path for a
 * file outside every folder.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { globToRegExp } from './glob';

export interface Folder {
  readonly name: string;
  /** Absolute path on disk. */
  readonly path: string;
}

/** The path on disk of a `file:` uri, else undefined (an untitled document, another scheme). */
export function uriToPath(uri: string): string | undefined {
  // A client may send an entry without its uri (Neovim 0.7 sends `{}` in a workspace folder change).
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

const skipped = /(?:^|\/)(?:node_modules|\.git)(?:\/|$)/;

export class PlanPaths {
  private pattern: RegExp;
  /** Each folder's prefix in a key: its name, made unique (two folders may share a name: `a/plans`, `b/plans`). */
  private readonly labels = new Map<Folder, string>();

  constructor(
    readonly folders: readonly Folder[],
    glob: string,
  ) {
    this.pattern = globToRegExp(glob);
    const used = new Set<string>();
    for (const folder of folders) {
      let label = folder.name;
      for (let n = 2; used.has(label); n++) label = `${folder.name} (${n})`;
      used.add(label);
      this.labels.set(folder, label);
    }
  }

  set glob(glob: string) {
    this.pattern = globToRegExp(glob);
  }

  /** The folder holding a path, and the path relative to it (with `/`). */
  private place(file: string): { folder: Folder; relative: string } | undefined {
    for (const folder of this.folders) {
      const relative = path.relative(folder.path, file);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return { folder, relative: relative.split(path.sep).join('/') };
    }
    return undefined;
  }

  /** Whether a path is inside one of the workspace folders. */
  inFolders(file: string): boolean {
    return this.place(file) !== undefined;
  }

  /** True for a plan file by the `files` glob (node_modules and .git never). */
  isPlanFile(uri: string): boolean {
    const file = uriToPath(uri);
    const where = file === undefined ? uriPath(uri) : (this.place(file)?.relative ?? file.split(path.sep).join('/').replace(/^\/+/, ''));
    return !skipped.test(where) && this.pattern.test(where);
  }

  isPlanPath(file: string): boolean {
    return this.isPlanFile(pathToUri(file));
  }

  keyOf(uri: string): string {
    const file = uriToPath(uri);
    if (file === undefined) return uri;
    const where = this.place(file);
    if (!where) return file.split(path.sep).join('/');
    return this.folders.length > 1 ? `${this.labels.get(where.folder)}/${where.relative}` : where.relative;
  }
}

function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname).replace(/^\/+/, '');
  } catch {
    return uri;
  }
}
