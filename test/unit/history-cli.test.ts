/**
 * SPEC 8 (Plans over time) in-process: `bin()` (as dist/cli.js runs it, main.ts for these commands) with a fake io, on git repositories made by the tests.
 * The same tests run as a real process in test/cli/history.test.ts.
 */
import { describeHistoryCommands } from './history-contract';
import { runMain } from '../utils/plans';

describe('plans over time on the command line (SPEC 8)', function () {
  this.timeout(60000);

  describeHistoryCommands('in-process bin()', runMain);
});
