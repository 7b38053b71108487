/** Finds plan files under the paths given on the command line. */
import { closeSync, openSync, promises as fs, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const planFilePattern = /\.plan\.ya?ml$/;
const skippedFolders = new Set(['node_modules', '.git']);

export class UsageError extends Error {}

/**
 * Absolute paths of the plan files under each path (files given by name are taken as they are). A file
 * reached twice (under two of the paths, or through a link) is the same file when its real path is: it is
 * read once, under the first path that reached it.
 */
export async function findPlanFiles(paths: readonly string[]): Promise<string[]> {
  const found = new Map<string, string>();
  const add = (real: string, file: string) => {
    if (!found.has(real)) found.set(real, file);
  };
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      throw new UsageError(`${given}: no such file or folder`);
    }
    if (stat.isFile()) {
      add(realPath(absolute), absolute);
      continue;
    }
    if (!stat.isDirectory()) throw new UsageError(`${given}: not a file or folder`);
    // Found here, whether or not another path found them first (`check w w/sub` is every file of w).
    const here = new Set<string>();
    await walk(absolute, here);
    if (here.size === 0) throw new UsageError(`${given}: no plan files (*.plan.yaml, *.plan.yml) in this folder`);
    // The walk follows no link: each file lies under the folder's real path as under the folder (the
    // same path, nearly always: then no path is worked out for each of thousands of files).
    const real = realPath(absolute);
    for (const file of here) add(real === absolute ? file : path.join(real, path.relative(absolute, file)), file);
  }
  return [...found.values()].sort();
}

async function walk(folder: string, found: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`${folder}: cannot read this folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) await walk(full, found);
    } else if (entry.isFile() && planFilePattern.test(entry.name)) {
      found.add(full);
    }
  }
}

/** The real path of a path that may not exist (any more): its nearest existing ancestor's real path, and the rest. */
export function realPath(absolute: string): string {
  const rest: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(at), ...rest.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return absolute;
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

/** A resolved path (as path.resolve makes it) for output: relative to the working folder, with `/` separators. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  // Under the working folder (nearly always, thousands of times per command): the rest of the path, without
  // path.relative's resolving of both sides.
  const folder = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  const relative = absolute.startsWith(folder) ? absolute.slice(folder.length) : path.relative(cwd, absolute);
  return (relative || path.basename(absolute)).split(path.sep).join('/');
}

const decoder = new TextDecoder('utf-8');

/** Reads a file as UTF-8 text (invalid bytes become U+FFFD; a byte order mark is dropped). Synchronous: for thousands of small files it is the fastest way. */
export function readPlanFile(absolute: string, given: string): string {
  return decodePlanText(readPlanBytes(absolute, given));
}

/** A plan file's bytes as text, the one way every file is decoded (on disk or from git). */
export function decodePlanText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** A file that cannot be read, as bad usage naming it and the system's reason. */
function cannotRead(given: string, error: unknown): UsageError {
  return new UsageError(`${given}: cannot read this file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
}

export function readPlanBytes(absolute: string, given: string): Uint8Array {
  try {
    return readFileSync(absolute);
  } catch (error) {
    throw cannotRead(given, error);
  }
}

/** The buffer readPlanFileWithin reads into, kept between files (grown for a larger one). */
let readBuffer = new Uint8Array(1 << 16);

/**
 * A plan file's text, or its size when that is above `maxSize`: then it is never opened (a hostile
 * file may be huge, sparse or a device), so the size is the path's stat, as planFileSize gives it. Read
 * into one buffer kept between files, as many bytes as the stat said (as readFileSync reads a regular
 * file, without its fstat and its buffer per file). The text and the errors are those of planFileSize
 * then readPlanFile.
 */
export function readPlanFileWithin(absolute: string, given: string, maxSize: number): { text: string } | { oversized: number } {
  const size = planFileSize(absolute, given);
  if (size > maxSize) return { oversized: size };
  let fd: number | undefined;
  try {
    fd = openSync(absolute, 'r');
    if (size > readBuffer.length) readBuffer = new Uint8Array(size);
    let length = 0;
    // Up to the stat's size, or the file's end if it is shorter now.
    for (let read = 1; length < size && read > 0; length += read) read = readSync(fd, readBuffer, length, size - length, length);
    return { text: decodePlanText(readBuffer.subarray(0, length)) };
  } catch (error) {
    throw cannotRead(given, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function planFileSize(absolute: string, given: string): number {
  try {
    return statSync(absolute).size;
  } catch (error) {
    throw cannotRead(given, error);
  }
}
