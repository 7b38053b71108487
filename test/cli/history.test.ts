/**
 * SPEC 8 (Plans over time) as a real process: `node dist/cli.js diff | trend` on git repositories made
 * by the tests. The same tests run in-process in test/unit/history-cli.test.ts.
 */
import { describeHistoryCommands } from '../unit/history-contract';
import { assertBuilt, spawnCli } from '../utils/plans';

describe('plans over time on the command line (SPEC 8)', function () {
  this.timeout(60000);

  before(assertBuilt);

  describeHistoryCommands('node dist/cli.js', async (args, cwd) => spawnCli(args, cwd));
});
