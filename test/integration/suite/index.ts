// Entry point the extension host calls with the test suite: the `run()` contract of @vscode/test-electron,
// also used by test/integration/run.mjs (code-server). Bundled with mocha by test/integration/build.mjs,
// because the extension host's working directory, and so its module resolution, is unknown.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // No colours: the output travels through the workbench's log channel, not a terminal.
  // forbidOnly: a stray `.only` fails the run instead of quietly running one test.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, forbidOnly: true });
  // PLAN_TEST_GREP (in code-server's environment, which the extension host inherits) runs a subset — never
  // under CI, where a filter left set would shrink the suite without anyone noticing.
  if (process.env.PLAN_TEST_GREP) {
    if (process.env.CI) return Promise.reject(new Error(`PLAN_TEST_GREP is set (${process.env.PLAN_TEST_GREP}) under CI: the whole suite must run`));
    mocha.grep(process.env.PLAN_TEST_GREP);
  }
  // The compiled tests sit beside this file (out/integration/suite/*.test.js).
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else if (runner.stats && runner.stats.passes === 0) reject(new Error('no integration test ran'));
        else resolve();
      });
    } catch (error) {
      // A test file that throws while loading lands here.
      reject(error);
    }
  });
}
