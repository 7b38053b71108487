/**
 * Where a plan file is: its uri (as the client writes it), its path on disk, and its key — the core's
 * name for it, relative to its workspace folder with `/` separators (prefixed with the folder's name when
 * there are several folders — `plans (2)` for a second folder of the same name), or the whole path for a
 * file outside every folder. The key is made from the file's real path (links resolved): a file reached
 * through a link, or a folder opened through one, is the same file under one key.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realPath } from '../node/files';
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
  private readonly realFolders = new Map<Folder, string>();
  /** The real path of each path asked about, by the path (forgotten when a file event names it or a folder above it). */
  private readonly realPaths = new Map<string, string>();

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
      this.realFolders.set(folder, realPath(folder.path));
    }
  }

  /** The real path of a file; links resolved once, until `forget`. */
  private realPathOf(file: string): string {
    let real = this.realPaths.get(file);
    if (real === undefined) this.realPaths.set(file, (real = realPath(file)));
    return real;
  }

  /**
   * A file found by walking a folder, which follows no link: its real path is the folder's real path and
   * the rest (known without asking the disk, for every file of the workspace).
   */
  foundIn(folder: Folder, file: string): void {
    this.realPaths.set(file, path.join(this.realFolders.get(folder)!, path.relative(folder.path, file)));
  }

  /** A path changed on disk (a link may now lead elsewhere, or nowhere): its real path and those under it are asked for again. */
  forget(changed: string): void {
    const prefix = changed + path.sep;
    for (const file of this.realPaths.keys()) if (file === changed || file.startsWith(prefix)) this.realPaths.delete(file);
  }

  set glob(glob: string) {
    this.pattern = globToRegExp(glob);
  }

  /** The folder holding a path, and the path relative to it (with `/`), both by real path. */
  private place(file: string): { folder: Folder; relative: string } | undefined {
    const real = this.realPathOf(file);
    for (const folder of this.folders) {
      const relative = path.relative(this.realFolders.get(folder)!, real);
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
    const where = file === undefined ? uriPath(uri) : (this.place(file)?.relative ?? this.realPathOf(file).split(path.sep).join('/').replace(/^\/+/, ''));
    return !skipped.test(where) && this.pattern.test(where);
  }

  isPlanPath(file: string): boolean {
    return this.isPlanFile(pathToUri(file));
  }

  keyOf(uri: string): string {
    const file = uriToPath(uri);
    if (file === undefined) return uri;
    const where = this.place(file);
    if (!where) return this.realPathOf(file).split(path.sep).join('/');
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
