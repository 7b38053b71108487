/** The client's bundles loaded in short tasks, with V8's code cache (src/extension/bundleLoader.ts). */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BundleLoader, cacheName } from '../../src/extension/bundleLoader';

describe('the bundle loader (the language client, off the extension host’s long tasks)', () => {
  let dir: string;
  let cacheDir: string;
  const log: string[] = [];
  const nextTask = () => new Promise<void>((resolve) => setImmediate(() => (log.push('next task'), resolve())));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pac-bundle-'));
    cacheDir = path.join(dir, 'cache');
    log.length = 0;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const bundle = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const cacheFiles = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).sort() : []);

  it('runs the bundle in a task after the one that compiled it, with the modules given to it and Node’s', async () => {
    const file = bundle(
      'client.js',
      `globalThis.__pacBundleLog.push('ran');
       const protocol = require('./protocol.js');
       module.exports = { value: protocol.value + 1, sep: require('node:path').sep, file: __filename, dir: __dirname };`,
    );
    (globalThis as { __pacBundleLog?: string[] }).__pacBundleLog = log;
    try {
      const loader = new BundleLoader(undefined, nextTask);
      const loaded = (await loader.load({ file, provided: new Map([['./protocol.js', { value: 41 }]]) })) as Record<string, unknown>;
      assert.deepEqual(log, ['next task', 'ran'], 'compiled in one task, run in the next');
      assert.deepEqual(loaded, { value: 42, sep: path.sep, file, dir });
    } finally {
      delete (globalThis as { __pacBundleLog?: string[] }).__pacBundleLog;
    }
  });

  it('writes the code cache once, loads from it next time (nothing to write), and removes the cache of an older bundle', async () => {
    const text = 'module.exports = { twice: (x) => x * 2 };';
    const file = bundle('client.js', text);
    fs.mkdirSync(cacheDir);
    const older = path.join(cacheDir, cacheName(file, 'module.exports = 1;'));
    fs.writeFileSync(older, 'an older version');
    const other = path.join(cacheDir, 'notes.txt');
    fs.writeFileSync(other, 'not ours');

    const first = new BundleLoader(cacheDir, nextTask);
    assert.equal(((await first.load({ file })) as { twice: (x: number) => number }).twice(21), 42);
    await first.writeNow();
    const written = path.join(cacheDir, cacheName(file, text));
    assert.deepEqual(cacheFiles(), [path.basename(written), 'notes.txt'].sort());
    const stat = fs.statSync(written);
    assert.ok(stat.size > 0);

    // Accepted by V8: the second loader has nothing to write (the file stays as it was).
    const second = new BundleLoader(cacheDir, nextTask);
    assert.equal(((await second.load({ file })) as { twice: (x: number) => number }).twice(2), 4);
    fs.writeFileSync(written, fs.readFileSync(written));
    const before = fs.statSync(written).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await second.writeNow();
    assert.equal(fs.statSync(written).mtimeMs, before, 'a cache V8 took is not written again');
    first.dispose();
    second.dispose();
  });

  it('loads a bundle whose cache is damaged, and writes a good one in its place', async () => {
    const text = 'module.exports = "fine";';
    const file = bundle('client.js', text);
    fs.mkdirSync(cacheDir);
    const cached = path.join(cacheDir, cacheName(file, text));
    fs.writeFileSync(cached, Buffer.from('not a code cache at all'));
    const loader = new BundleLoader(cacheDir, nextTask);
    assert.equal(await loader.load({ file }), 'fine');
    await loader.writeNow();
    assert.notEqual(fs.readFileSync(cached, 'utf8'), 'not a code cache at all');
    // And that one is taken.
    const again = new BundleLoader(cacheDir, nextTask);
    assert.equal(await again.load({ file }), 'fine');
    const kept = fs.readFileSync(cached);
    await again.writeNow();
    assert.deepEqual(fs.readFileSync(cached), kept);
  });

  it('names the cache by the bundle’s text, not only its length (V8 checks the length)', () => {
    assert.notEqual(cacheName('/x/client.js', 'module.exports = 1;'), cacheName('/x/client.js', 'module.exports = 2;'));
    assert.match(cacheName('/x/client.js', ''), /^client-[0-9a-f]{16}-v8-[\w.]+\.cache$/);
  });

  it('loads without a cache where the cache cannot be written (a file where its folder should be)', async () => {
    const file = bundle('client.js', 'module.exports = 7;');
    fs.writeFileSync(cacheDir, 'a file');
    const loader = new BundleLoader(cacheDir, nextTask);
    assert.equal(await loader.load({ file }), 7);
    await loader.writeNow();
    assert.equal(fs.readFileSync(cacheDir, 'utf8'), 'a file');
  });
});
