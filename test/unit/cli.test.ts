/**
 * SPEC 7 (Command line) in-process: `bin()` (as dist/cli.js runs it) with a fake io, from a temporary folder of fixture files.
 * The same tests run as a real process in test/cli/cli.test.ts.
 */
import { strict as assert } from 'node:assert';
import { describeCommandLine, useFixtureFolder } from './cli-contract';
import { runMain } from '../utils/plans';

describe('command line (SPEC 7)', function () {
  this.timeout(60000);

  describeCommandLine('in-process bin()', runMain);

  describe('colour', () => {
    const root = useFixtureFolder();

    it('colours text output on a TTY (so the uncoloured checks above mean something)', async () => {
      const result = await runMain(['check', 'warn', '--status-date', '2026-01-05'], root(), true);
      assert.equal(result.code, 0);
      assert.ok(result.stdout.includes('\x1b['), result.stdout);
    });
  });
});
