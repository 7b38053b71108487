// Runs the integration suite (out/integration/suite, built by build.mjs) inside a real VS Code extension
// host: code-server serves the workspace, headless Chromium opens the workbench with this repository as
// the extension under development, and the host calls the suite's run(). No download from Microsoft needed.
//
//   node test/integration/run.mjs [--workspace DIR] [--timeout MS] [--screenshot FILE] [--keep-open] [--verbose]
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { startExtensionHostRun } from '../../scripts/extension-host-run.mjs';
import { repoRoot } from '../../scripts/vscode-host.mjs';

const { values: options } = parseArgs({
  options: {
    workspace: { type: 'string', default: join(repoRoot, 'test', 'fixtures', 'workspace') },
    timeout: { type: 'string', default: String(5 * 60_000) },
    // Taken at the end of every run when given; otherwise only on failure, to test-results/integration.png.
    screenshot: { type: 'string' },
    // Leaves code-server serving the workspace after the suite, for a look by hand; Ctrl-C stops.
    'keep-open': { type: 'boolean', default: false },
    // Prints code-server's and the browser's own logs as they come, not only on failure.
    verbose: { type: 'boolean', default: false },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});

const fixture = resolve(options.workspace);
// Tests edit files (rename, quick fixes, create example): run them on a copy, never on the fixture itself.
let workspace = fixture;
const extensionTestsPath = join(repoRoot, 'out', 'integration', 'suite');
const timeoutMs = Number(options.timeout);
const failureScreenshot = resolve(options.screenshot ?? join(repoRoot, 'test-results', 'integration.png'));

// The last lines of every log, printed when the run fails.
const recent = [];
function remember(line) {
  recent.push(line);
  if (recent.length > 200) recent.shift();
  if (options.verbose) console.log(line);
}

function fail(message) {
  console.error(`integration: ${message}`);
  process.exit(1);
}

function checkPrerequisites() {
  if (!(timeoutMs > 0)) fail(`--timeout wants milliseconds, got ${options.timeout}`);
  if (!existsSync(fixture)) fail(`workspace ${fixture} does not exist`);
  if (!existsSync(join(extensionTestsPath, 'index.js'))) {
    fail(`${relative(repoRoot, extensionTestsPath)}/index.js is missing: run \`node test/integration/build.mjs\``);
  }
  const main = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).main;
  if (main && !existsSync(join(repoRoot, main))) fail(`the extension's main ${main} is missing: run \`npm run build\``);
  if (!existsSync(options.chromium)) fail(`no Chromium at ${options.chromium}: run \`bash scripts/install-vscode-host.sh\``);
}

let session;
let cleaning;
/** Idempotent: closes the browser and stops code-server with all its children. */
function cleanup() {
  cleaning ??= (async () => {
    if (session) await session.stop();
    if (workspace !== fixture) await rm(workspace, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(sig, () => {
    console.error(`integration: ${sig}, stopping`);
    cleanup().finally(() => process.exit(code));
  });
}

async function screenshot(page, file) {
  try {
    await mkdir(dirname(file), { recursive: true });
    await page.screenshot({ path: file, timeout: 10_000 });
    console.error(`integration: screenshot ${file.startsWith(process.cwd()) ? relative(process.cwd(), file) : file}`);
  } catch (error) {
    console.error(`integration: no screenshot (${error instanceof Error ? error.message : error})`);
  }
}

async function runSuite() {
  const started = Date.now();
  workspace = await mkdtemp(join(tmpdir(), 'plan-as-code-workspace-'));
  await cp(fixture, workspace, { recursive: true });
  // A fixture with a workspace file opens as a multi-root workspace, where folders can be added and
  // removed without restarting the extension host (as the workspace-folder tests do).
  const workspaceFile = join(workspace, 'plans.code-workspace');
  const counts = {};
  session = await startExtensionHostRun({
    workspace: existsSync(workspaceFile) ? workspaceFile : workspace,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    timeoutMs,
    chromiumPath: options.chromium,
    onLog: remember,
    // The extension host's console while tests run (mocha's reporter included).
    onOutput: (line) => {
      process.stdout.write(`${line}\n`);
      recent.push(line);
      // Mocha's epilogue ("  3 passing (94ms)", "  1 failing", "  2 pending") gives the closing summary.
      const tally = /^\s*(\d+) (passing|failing|pending)\b/.exec(line);
      if (tally) counts[tally[2]] = Number(tally[1]);
    },
  });
  const { page, server } = session;
  const outcome = await session.outcome;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  let code = outcome.error ? 1 : outcome.code;
  // A run that passed nothing did not test anything (the suite's own run() says so too, from inside).
  if (code === 0 && !(counts.passing > 0)) {
    console.error('integration: FAILED: no test passed (none ran, or mocha printed no summary)');
    code = 1;
  }
  if (code !== 0 || options.screenshot) await screenshot(page, failureScreenshot);
  if (outcome.error) {
    console.error(`integration: FAILED: ${outcome.error}. Last log lines:\n${recent.slice(-60).join('\n')}`);
  } else if (code !== 0) {
    console.error(`integration: FAILED with exit code ${code} after ${seconds} s`);
  } else {
    console.log(`integration: suite finished in ${seconds} s`);
  }
  if (counts.passing !== undefined || counts.failing !== undefined) {
    // Last, the plain 'N passed, N failed' line that CI reads as the run's result.
    const skipped = counts.pending ? `, ${counts.pending} skipped` : '';
    console.log(`integration: ${counts.passing ?? 0} passed, ${counts.failing ?? 0} failed${skipped}`);
  }

  if (options['keep-open']) {
    await session.closeBrowser();
    console.log(`integration: code-server still serving (Ctrl-C stops):\n${server.workbenchUrl({ workspace, extensionDevelopmentPath: repoRoot })}`);
    await new Promise(() => {});
  }
  return code;
}

checkPrerequisites();
let exitCode = 1;
try {
  exitCode = await runSuite();
} catch (error) {
  console.error(`integration: ${error instanceof Error ? (options.verbose ? error.stack : error.message) : error}`);
  if (recent.length > 0) console.error(`Last log lines:\n${recent.slice(-60).join('\n')}`);
} finally {
  await cleanup();
}
process.exit(exitCode);
