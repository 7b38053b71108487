// The same suite in a downloaded desktop VS Code, through @vscode/test-electron, for machines that can
// reach Microsoft's update servers (this offline machine cannot: use run.mjs, which needs no download).
//
//   node test/integration/runElectron.mjs [--workspace DIR]
// VSCODE_TEST_VERSION picks the VS Code build (default 1.100.3, the engines floor and code-server's version).
import { join, resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../../scripts/vscode-host.mjs';

const { values: options } = parseArgs({
  options: { workspace: { type: 'string', default: join(repoRoot, 'test', 'fixtures', 'workspace') } },
});

try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
    extensionDevelopmentPath: repoRoot,
    // Built by test/integration/build.mjs; its index.js exports run().
    extensionTestsPath: join(repoRoot, 'out', 'integration', 'suite'),
    launchArgs: [resolve(options.workspace), '--disable-extensions'],
  });
} catch (error) {
  console.error(`integration (electron): ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
