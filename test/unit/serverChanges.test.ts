/**
 * The language server's changes (src/server/planFiles.ts): a burst of changes to a document slow to read
 * is read once, when the analysis starts, not once per change before the next message is taken.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PlanWorkspace } from '../../src/core';
import { PlanFiles } from '../../src/server/planFiles';

describe('language server: changes to an open document', () => {
  it('reads a burst of changes to a document slow to read once, and analyses the last', async function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-changes-'));
    const file = path.join(dir, 'big.plan.yaml');
    // 20,000 projects in one file (1.1 MB): tens of milliseconds to read.
    const projects = Array.from({ length: 20_000 }, (_, i) => `    - { id: p${i}, name: P${i}, start: 2026-01-05, duration: 1w }`);
    const text = ['program:', '  id: g', '  name: G', '  projects:', ...projects, ''].join('\n');
    fs.writeFileSync(file, text);
    const plans = new PlanFiles([{ name: 'w', path: dir }], { warn() {}, error() {} }, async () => ({ report() {}, done() {} }));
    const uri = pathToFileURL(file).href;
    const original = PlanWorkspace.prototype.set;
    let reads = 0;
    PlanWorkspace.prototype.set = function (this: PlanWorkspace, key: string, value: string) {
      if (key.endsWith('big.plan.yaml')) reads++;
      return original.call(this, key, value);
    };
    try {
      await plans.ready();
      // The first change is read as it comes (nothing says yet how long the document takes to read).
      plans.documentChanged(uri, `${text}# 0\n`);
      await plans.analysis();
      reads = 0;
      // Thirty changes, one per turn of the event loop, as a client's messages are taken; the last adds a duplicate id.
      for (let i = 1; i <= 30; i++) {
        plans.documentChanged(uri, i < 30 ? `${text}# ${i}\n` : text.replace('    - { id: p1,', '    - { id: p0,'));
        await new Promise((resolve) => setImmediate(resolve));
      }
      const analysis = await plans.analysis();
      assert.ok(reads <= 3, `${reads} reads of the document for 30 changes`);
      assert.deepEqual(analysis?.diagnostics.filter((d) => d.code === 'duplicate-id').length, 2);
    } finally {
      PlanWorkspace.prototype.set = original;
      plans.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
