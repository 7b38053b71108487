// Entry point the extension host calls with the test suite: the `run()` contract of @vscode/test-electron,
// also used by test/integration/run.mjs (code-server). Bundled with mocha by test/integration/build.mjs,
// because the extension host's working directory, and so its module resolution, is unknown.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // No colours: the output travels through the workbench's log channel, not a terminal.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000 });
  // PLAN_TEST_GREP (in code-server's environment, which the extension host inherits) runs a subset.
  if (process.env.PLAN_TEST_GREP) mocha.grep(process.env.PLAN_TEST_GREP);
  // The compiled tests sit beside this file (out/integration/suite/*.test.js).
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (error) {
      // A test file that throws while loading lands here.
      reject(error);
    }
  });
}
