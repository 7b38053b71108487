/**
 * Loads the language client's bundles (dist/extensionProtocol.js, then dist/extensionClient.js) without
 * holding the extension host for long: each bundle is compiled in one task and run in the next, and V8's
 * code cache of an earlier load (kept in the extension's global storage, one file per bundle, named by a
 * hash of the bundle's text and the V8 version) spares most of the compiling. A plain `require` of the
 * client was one task of 60–75 ms while the server started indexing.
 *
 * The cache is written a second after a load that found none (it then holds the functions the load ran,
 * compiled), one task per bundle of a few ms; a cache V8 rejects (another V8, or other V8 flags: V8 keeps
 * a hash of them in the cache, and anything that sets a flag later, such as `--expose-gc`, changes it) is
 * written again. It is only an optimisation: any failure to read or write it loads as if there were none.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import * as vm from 'node:vm';

/** A bundle to load: its file, and the modules it takes from bundles loaded before it (by the specifier it requires them with). */
export interface Bundle {
  readonly file: string;
  readonly provided?: ReadonlyMap<string, unknown>;
}

/** What one load did: whether a code cache was there and taken, and the two tasks' times. */
export interface BundleLoad {
  readonly file: string;
  readonly cache: 'none' | 'taken' | 'rejected';
  readonly compileMs: number;
  readonly runMs: number;
}

/** How long after a load without a cache the cache is written. */
const CACHE_DELAY_MS = 1000;

export class BundleLoader {
  /** Every load so far (the bench reports them). */
  readonly loads: BundleLoad[] = [];
  private readonly pending: Array<{ script: vm.Script; cacheFile: string }> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param cacheDir where the code caches live (created when first written); undefined: no cache
   * @param nextTask resolves in a later task of the event loop
   */
  constructor(
    private readonly cacheDir: string | undefined,
    private readonly nextTask: () => Promise<void>,
  ) {}

  /** The bundle's `module.exports`: compiled in this task, run in the next. */
  async load(bundle: Bundle): Promise<unknown> {
    const compileStart = performance.now();
    const source = readFileSync(bundle.file, 'utf8');
    const cacheFile = this.cacheDir ? join(this.cacheDir, cacheName(bundle.file, source)) : undefined;
    const cachedData = cacheFile ? readIfThere(cacheFile) : undefined;
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle.file, cachedData });
    const compileMs = performance.now() - compileStart;
    await this.nextTask();
    const runStart = performance.now();
    const nodeRequire = createRequire(bundle.file);
    const provided = bundle.provided;
    const require = provided ? Object.assign((id: string): unknown => (provided.has(id) ? provided.get(id) : nodeRequire(id)), nodeRequire) : nodeRequire;
    const module = { exports: {} as unknown };
    const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
    run.call(module.exports, module.exports, require, module, bundle.file, dirname(bundle.file));
    const cache = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'taken';
    this.loads.push({ file: bundle.file, cache, compileMs, runMs: performance.now() - runStart });
    if (cacheFile && cache !== 'taken') this.writeLater(script, cacheFile);
    return module.exports;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending.length = 0;
  }

  private writeLater(script: vm.Script, cacheFile: string): void {
    this.pending.push({ script, cacheFile });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.writeNow(), CACHE_DELAY_MS);
  }

  /** Writes the caches waiting (each in its own task), then removes the caches of other versions. */
  async writeNow(): Promise<void> {
    clearTimeout(this.timer);
    const dir = this.cacheDir;
    if (!dir) return;
    const written = new Set<string>();
    while (this.pending.length > 0) {
      const { script, cacheFile } = this.pending.shift()!;
      try {
        mkdirSync(dir, { recursive: true });
        // Written whole, then renamed: a reader never sees half a cache.
        const partial = `${cacheFile}.${process.pid}.partial`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile);
        written.add(basename(cacheFile));
      } catch {
        // No cache this time: the next load compiles as today.
      }
      await this.nextTask();
    }
    for (const name of safeList(dir)) {
      const bundle = /^(.*)-[0-9a-f]{16}-v8-.*\.cache$/.exec(name)?.[1];
      const current = [...written].some((kept) => kept.startsWith(`${bundle}-`));
      if (!bundle || !current || written.has(name)) continue;
      try {
        rmSync(join(dir, name), { force: true });
      } catch {
        // Left for the next version's clean-up.
      }
    }
  }
}

/** The cache's file name: the bundle's, a hash of its text and the V8 version (V8 checks only the text's length). */
export function cacheName(file: string, source: string): string {
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  return `${basename(file, '.js')}-${hash}-v8-${process.versions.v8.replace(/[^\w.]/g, '_')}.cache`;
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
