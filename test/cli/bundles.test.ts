/**
 * The CLI's bundles (esbuild.js): dist/cli.js loads dist/cliQuick.js for check, rollup, quality and
 * people, and dist/cliAll.js, the whole CLI, only for the other commands — so a `check` in CI compiles
 * about 60 % of the code it used to, and no command compiles both (docs/ARCHITECTURE.md).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { quickNames } from '../../src/cli/bin';
import { quickCommands } from '../../src/cli/quick';
import { assertBuilt, cliPath, repoRoot } from '../utils/plans';

describe('the CLI bundles', function () {
  this.timeout(60000);
  let alone: string;

  before(() => {
    assertBuilt();
    // dist/cli.js and dist/cliQuick.js without the whole CLI beside them.
    alone = mkdtempSync(path.join(os.tmpdir(), 'plan-cli-alone-'));
    for (const name of ['cli.js', 'cliQuick.js']) copyFileSync(path.join(path.dirname(cliPath), name), path.join(alone, name));
  });
  after(() => rmSync(alone, { recursive: true, force: true }));

  const run = (dir: string, args: readonly string[]) => spawnSync(process.execPath, [path.join(dir, 'cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });

  it('check, rollup, quality and people, and --version, run without dist/cliAll.js', () => {
    for (const args of [['check', 'examples'], ['rollup', 'examples', '--format', 'json'], ['quality', 'examples'], ['people', 'examples', '--format', 'csv'], ['check', 'examples', '--no-such-flag'], ['--version']]) {
      const full = run(path.dirname(cliPath), args);
      const single = run(alone, args);
      assert.deepEqual([single.status, single.stdout, single.stderr], [full.status, full.stdout, full.stderr], args.join(' '));
    }
  });

  it('loads the whole CLI for every other command and for --help (so, without it, they fail)', () => {
    for (const args of [['render', 'examples', '--out', '-'], ['--help'], ['check', '--help'], ['no-such-command']]) {
      assert.notEqual(run(path.dirname(cliPath), args).stderr.includes('cliAll.js'), true, args.join(' '));
      const single = run(alone, args);
      assert.equal(single.status, 3, `${args.join(' ')}: ${single.stderr}`);
      assert.match(single.stderr, /cliAll\.js/, args.join(' '));
    }
  });
});

describe('the CLI entry', () => {
  it('sends to the quick bundle exactly the commands it runs', () => {
    assert.deepEqual([...quickNames].sort(), quickCommands.map((command) => command.name).sort());
  });
});
