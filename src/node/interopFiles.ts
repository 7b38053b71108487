/**
 * The file system side of import and update (SPEC 12), shared by the CLI and the extension: new plan
 * files written all or nothing and never over an existing file, and located edits written all or nothing,
 * only when no file changed since it was read.
 */
import { type Stats, accessSync, closeSync, constants, existsSync, fchmodSync, fchownSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
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
 * Writes new texts over plan files that were read as `before`, all or nothing. When any file's text on
 * disk is no longer what was read, nothing is written and `changed(path)` gives the error. Every new text
 * is first written to a temporary file beside its target and only when all are written are they renamed
 * into place, so a file that cannot be written (read-only, a full disk, the size limit) leaves every plan
 * as it was; the error names it.
 */
export function rewriteFiles(files: ReadonlyArray<{ readonly path: string; readonly before: string; readonly after: string }>, changed: (file: string) => Error): void {
  const targets: Array<{ readonly path: string; readonly real: string; readonly bytes: Uint8Array; readonly mode: number; readonly uid: number; readonly gid: number; readonly text: string }> = [];
  for (const file of files) {
    let bytes: Uint8Array;
    let real: string;
    let stats: Stats;
    try {
      // A plan file that is a link is written where it points, and stays a link.
      real = realpathSync(path.resolve(file.path));
      bytes = readFileSync(real);
      stats = statSync(real);
    } catch {
      throw changed(file.path);
    }
    if (new TextDecoder('utf-8').decode(bytes) !== file.before) throw changed(file.path);
    try {
      accessSync(real, constants.W_OK);
    } catch (error) {
      throw cannotWrite(file.path, error);
    }
    // Plan files are read without their byte order mark; it is written back as it was.
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    targets.push({ path: file.path, real, bytes, mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid, text: (bom ? '\uFEFF' : '') + file.after });
  }
  const temporaries: string[] = [];
  const removeTemporaries = () => {
    for (const temporary of temporaries) rmSync(temporary, { force: true });
  };
  for (const [index, target] of targets.entries()) {
    const temporary = path.join(path.dirname(target.real), `.plan-as-code-${process.pid}-${index}.tmp`);
    let descriptor: number;
    try {
      descriptor = openSync(temporary, 'wx', 0o600);
    } catch (error) {
      removeTemporaries();
      throw new UsageError(`${target.path}: cannot write a new copy in its folder (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing written`);
    }
    temporaries.push(temporary);
    try {
      try {
        writeFileSync(descriptor, target.text, 'utf8');
        fchmodSync(descriptor, target.mode);
        // Run as root, the file keeps its owner rather than becoming root's.
        if (process.getuid?.() === 0) fchownSync(descriptor, target.uid, target.gid);
      } finally {
        closeSync(descriptor);
      }
    } catch (error) {
      removeTemporaries();
      throw cannotWrite(target.path, error);
    }
  }
  const renamed: number[] = [];
  for (const [index, target] of targets.entries()) {
    try {
      renameSync(temporaries[index], target.real);
      renamed.push(index);
    } catch (error) {
      // Seldom (the temporaries are beside their targets): the files already renamed get their bytes back.
      const notRestored = renamed.filter((done) => {
        try {
          writeFileSync(targets[done].real, targets[done].bytes);
          return false;
        } catch {
          return true;
        }
      });
      removeTemporaries();
      if (notRestored.length === 0) throw cannotWrite(target.path, error);
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new UsageError(`${target.path}: cannot write this file (${code}); ${notRestored.map((done) => targets[done].path).join(', ')} already written and could not be put back`);
    }
  }
}

function cannotWrite(file: string, error: unknown): UsageError {
  return new UsageError(`${file}: cannot write this file (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing written`);
}
