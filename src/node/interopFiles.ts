/**
 * The file system side of import and update (SPEC 12), shared by the CLI and the extension: new plan
 * files written all or nothing and never over an existing file, and located edits written only when no
 * file changed since it was read.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { displayPath, UsageError } from './files';

/**
 * Reads an input file (an MSPDI or CSV) as text; a missing file is bad usage naming it, and so is one
 * that is no regular file (a pipe or a device would be read until it ends, if ever).
 */
export function readInputFile(given: string): string {
  try {
    const absolute = path.resolve(given);
    const stats = statSync(absolute);
    if (!stats.isFile() && !stats.isDirectory()) throw new UsageError(`${given}: not a regular file (a pipe or a device); give a file`);
    return new TextDecoder('utf-8').decode(readFileSync(absolute));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${given}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : `cannot read this file (${code ?? 'error'})`}`);
  }
}

/**
 * Writes new files into a folder (made when missing). Nothing is written when any of them exists: the
 * error names it. A file that appears in between is never overwritten either (exclusive create); the
 * files written before it are taken back.
 */
export function writeNewFiles(folder: string, files: ReadonlyArray<{ readonly name: string; readonly text: string }>): string[] {
  const targets = files.map((f) => ({ ...f, full: path.join(folder, f.name) }));
  const names = new Set<string>();
  for (const target of targets) {
    if (names.has(target.name)) throw new UsageError(`two imported files would both be written to ${displayPath(target.full)}; nothing written (import them one at a time)`);
    names.add(target.name);
    if (existsSync(target.full)) throw new UsageError(`${displayPath(target.full)} already exists; nothing written (import never overwrites a file)`);
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UsageError(`--out ${folder}: cannot make this folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const written: string[] = [];
  for (const target of targets) {
    try {
      writeFileSync(target.full, target.text, { encoding: 'utf8', flag: 'wx' });
      written.push(target.full);
    } catch (error) {
      for (const file of written) unlinkSync(file);
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`${displayPath(target.full)}: ${code === 'EEXIST' ? 'already exists' : `cannot write this file (${code ?? 'error'})`}; nothing written`);
    }
  }
  return written;
}

/**
 * Writes new texts over plan files that were read as `before`. When any file's text on disk is no longer
 * what was read, nothing is written and `changed(path)` gives the error.
 */
export function rewriteFiles(files: ReadonlyArray<{ readonly path: string; readonly before: string; readonly after: string }>, changed: (file: string) => Error): void {
  const bom = new Set<string>();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path.resolve(file.path));
    } catch {
      throw changed(file.path);
    }
    // Plan files are read without their byte order mark; it is written back as it was.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bom.add(file.path);
    if (new TextDecoder('utf-8').decode(bytes) !== file.before) throw changed(file.path);
  }
  for (const file of files) {
    try {
      writeFileSync(path.resolve(file.path), (bom.has(file.path) ? '\uFEFF' : '') + file.after, 'utf8');
    } catch (error) {
      throw new UsageError(`${file.path}: cannot write this file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
}
