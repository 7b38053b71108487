/**
 * SPEC 7 (Command line) as a real process: `node dist/cli.js` (built by `npm run build`), from a
 * temporary folder of fixture files, and on the examples folder. The same tests run in-process in
 * test/unit/cli.test.ts.
 */
import { strict as assert } from 'node:assert';
import { describeCommandLine, diagnosticLine } from '../unit/cli-contract';
import { assertBuilt, repoRoot, spawnCli } from '../utils/plans';

describe('command line (SPEC 7)', function () {
  this.timeout(60000);

  before(assertBuilt);

  describeCommandLine('node dist/cli.js', async (args, cwd) => spawnCli(args, cwd));

  describe('the examples folder', () => {
    it('`check examples` exits 0', () => {
      const result = spawnCli(['check', 'examples'], repoRoot);
      assert.equal(result.code, 0, result.stdout + result.stderr);
      for (const line of result.stdout.split('\n').filter((l) => l !== '')) assert.match(line, diagnosticLine);
    });

    it('`rollup examples --format json` has 1 portfolio, 3 programs and 17 projects', () => {
      const result = spawnCli(['rollup', 'examples', '--format', 'json'], repoRoot);
      assert.equal(result.code, 0, result.stderr);
      const json = JSON.parse(result.stdout);
      assert.deepEqual([json.portfolios.length, json.programs.length, json.projects.length], [1, 3, 17]);
    });
  });
});
