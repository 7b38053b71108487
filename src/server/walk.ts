/** The folders and files under a workspace folder, skipping node_modules and .git (and unreadable folders). */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface Tree {
  readonly dirs: string[];
  readonly files: string[];
}

export async function walk(root: string, into: Tree = { dirs: [], files: [] }): Promise<Tree> {
  let entries;
  try {
    entries = await fs.readdir(root, { withFileTypes: true });
  } catch {
    return into;
  }
  into.dirs.push(root);
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') await walk(full, into);
    } else if (entry.isFile()) into.files.push(full);
  }
  return into;
}
