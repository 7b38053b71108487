/**
 * The language server's plan files reached through links (src/server/paths.ts, planFiles.ts): a file is
 * the same file by its real path, whatever path a file event names it by.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PlanFiles } from '../../src/server/planFiles';

const alpha = 'project:\n  id: alpha\n  name: Alpha\n  start: 2026-01-05\n  duration: 1w\n';

describe('language server: plan files reached through links', () => {
  let dir: string;
  let plans: PlanFiles;
  const duplicates = async () => (await plans.analysis())!.diagnostics.filter((d) => d.code === 'duplicate-id').length;
  const projects = async () => (await plans.analysis())!.index.projects.map((p) => p.id);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-links-'));
    fs.mkdirSync(path.join(dir, 'ws', 'plans'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'ws', 'plans', 'a.plan.yaml'), alpha);
    plans = new PlanFiles([{ name: 'ws', path: path.join(dir, 'ws') }], { warn() {}, error() {} }, async () => ({ report() {}, done() {} }));
    await plans.ready();
  });

  afterEach(() => {
    plans.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds nothing twice when a watcher reports a link made to a folder of plans, or a file through it', async () => {
    const linked = path.join(dir, 'ws', 'linked');
    fs.symlinkSync('plans', linked);
    await plans.fileChanged(linked);
    await plans.fileChanged(path.join(linked, 'a.plan.yaml'));
    assert.equal(await duplicates(), 0);
    assert.deepEqual(await projects(), ['alpha']);
    assert.equal(plans.uris.length, 1);
  });

  it('takes in no file that a link leads to out of the folders (the walk never follows it either)', async () => {
    fs.mkdirSync(path.join(dir, 'outside'));
    fs.writeFileSync(path.join(dir, 'outside', 'o.plan.yaml'), alpha.replace(/alpha/g, 'omega'));
    const out = path.join(dir, 'ws', 'out');
    fs.symlinkSync(path.join(dir, 'outside'), out);
    await plans.fileChanged(out);
    await plans.fileChanged(path.join(out, 'o.plan.yaml'));
    assert.deepEqual(await projects(), ['alpha']);
  });

  it('keeps the file a deleted link led to, though a document was opened through the link', async () => {
    const linked = path.join(dir, 'ws', 'linked');
    fs.symlinkSync('plans', linked);
    await plans.fileChanged(linked);
    plans.documentChanged(pathToFileURL(path.join(linked, 'a.plan.yaml')).href, alpha.replace('Alpha', 'Alpha, edited'));
    assert.equal(await duplicates(), 0);
    fs.unlinkSync(linked);
    await plans.fileChanged(linked);
    assert.deepEqual(await projects(), ['alpha']);
  });
});
