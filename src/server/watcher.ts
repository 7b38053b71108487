/**
 * The server's own watching of the workspace folders, for clients that cannot watch files for it (no
 * `didChangeWatchedFiles` dynamic registration, like Neovim 0.7): `fs.watch` on each folder (recursive
 * where the platform does it natively; on Linux one watcher per folder, node_modules and .git skipped),
 * and polling every two seconds when the system refuses watchers (too many folders).
 */
import { watch, promises as fs, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { walk } from './walk';

const POLL_MS = 2000;

export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private poller: ReturnType<typeof setInterval> | undefined;
  private stamps = new Map<string, string>();
  private closed = false;

  constructor(
    private readonly roots: readonly string[],
    private readonly onChange: (file: string) => void,
    private readonly log: (message: string) => void,
  ) {}

  async start(): Promise<void> {
    for (const root of this.roots) {
      if (process.platform === 'darwin' || process.platform === 'win32') {
        if (!this.add(root, true)) return this.startPolling();
      } else if (!(await this.addTree(root))) return this.startPolling();
    }
  }

  /** Watches a folder and every folder under it; false when the system refuses. */
  private async addTree(root: string): Promise<boolean> {
    for (const dir of (await walk(root)).dirs) if (!this.add(dir, false)) return false;
    return true;
  }

  private add(dir: string, recursive: boolean): boolean {
    if (this.closed || this.watchers.has(dir)) return true;
    try {
      const watcher = watch(dir, { recursive, persistent: false }, (_event, name) => {
        if (name) void this.changed(path.join(dir, name.toString()));
      });
      watcher.on('error', () => this.drop(dir));
      this.watchers.set(dir, watcher);
      return true;
    } catch (error) {
      this.log(`plan-as-code: cannot watch ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); checking the folders every ${POLL_MS / 1000} s instead`);
      return false;
    }
  }

  private async changed(file: string): Promise<void> {
    if (/(^|[\\/])(node_modules|\.git)([\\/]|$)/.test(file)) return;
    if (this.poller === undefined && !(process.platform === 'darwin' || process.platform === 'win32')) {
      try {
        if ((await fs.stat(file)).isDirectory() && !(await this.addTree(file))) this.startPolling();
      } catch {
        for (const dir of [...this.watchers.keys()]) if (dir === file || dir.startsWith(file + path.sep)) this.drop(dir);
      }
    }
    this.onChange(file);
  }

  private drop(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.delete(dir);
  }

  private startPolling(): void {
    for (const dir of [...this.watchers.keys()]) this.drop(dir);
    if (this.poller !== undefined || this.closed) return;
    void this.poll(false);
    this.poller = setInterval(() => void this.poll(true), POLL_MS);
    this.poller.unref();
  }

  private async poll(report: boolean): Promise<void> {
    const next = new Map<string, string>();
    for (const root of this.roots) {
      for (const file of (await walk(root)).files) {
        try {
          const stat = await fs.stat(file);
          next.set(file, `${stat.mtimeMs}:${stat.size}`);
        } catch {
          // gone meanwhile
        }
      }
    }
    if (report) {
      for (const [file, stamp] of next) if (this.stamps.get(file) !== stamp) this.onChange(file);
      for (const file of this.stamps.keys()) if (!next.has(file)) this.onChange(file);
    }
    this.stamps = next;
  }

  dispose(): void {
    this.closed = true;
    for (const dir of [...this.watchers.keys()]) this.drop(dir);
    clearInterval(this.poller);
  }
}
