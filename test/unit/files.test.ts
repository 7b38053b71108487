// How the CLI shows a file's path (src/node/files.ts): relative to the working folder, with `/`.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { displayPath } from '../../src/node/files';

describe('a file path as the CLI shows it', () => {
  it('is relative to the working folder, as path.relative makes it, for files under it and elsewhere', () => {
    const cwd = path.resolve('/work/plans');
    for (const file of ['/work/plans/a.plan.yaml', '/work/plans/team/b.plan.yaml', '/work/plans-old/c.plan.yaml', '/work/d.plan.yaml', '/elsewhere/e.plan.yaml']) {
      const absolute = path.resolve(file);
      assert.equal(displayPath(absolute, cwd), path.relative(cwd, absolute).split(path.sep).join('/'), file);
    }
    assert.equal(displayPath(path.resolve('/work/plans/team/b.plan.yaml'), cwd), 'team/b.plan.yaml');
    assert.equal(displayPath(path.resolve('/work/plans-old/c.plan.yaml'), cwd), '../plans-old/c.plan.yaml');
  });

  it('from the root folder, and for the working folder itself (its name)', () => {
    assert.equal(displayPath(path.resolve('/x/y.plan.yaml'), path.resolve('/')), 'x/y.plan.yaml');
    assert.equal(displayPath(path.resolve('/work/plans'), path.resolve('/work/plans')), 'plans');
  });
});
