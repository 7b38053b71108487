// Runs an extension-tests entry (a module whose `run()` the extension host calls, the @vscode/test-electron
// contract) inside a real VS Code: code-server serves the workspace, headless Chromium opens the workbench
// with an extension under development, and the host calls run(). Shared by the integration test runner
// (test/integration/run.mjs) and the benchmark (bench/run.mjs).
import { format } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { startCodeServer } from './vscode-host.mjs';

// The closed network refuses Chromium's background connections: don't make them.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

// The workbench's own logger shares codeAutomationLog with the extension host's console (both as 'info'):
// its routine chatter is kept apart from what run() prints.
const WORKBENCH_CHATTER = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[Service Worker\]/,
  /^Updating additional builtin extensions cache/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^ChatSessionStore: /,
];

/**
 * Starts code-server and Chromium and opens the workbench; run() starts in the extension host soon after.
 *
 * @param {object} options
 * @param {string} options.workspace folder the workbench opens
 * @param {string} options.extensionDevelopmentPath the extension to load
 * @param {string} options.extensionTestsPath folder whose index.js exports run()
 * @param {number} options.timeoutMs how long run() may take
 * @param {string} [options.chromiumPath]
 * @param {(line: string) => void} [options.onOutput] each line run() prints (the extension host's console)
 * @param {(line: string) => void} [options.onLog] code-server's output, browser warnings and errors, workbench chatter
 * @param {string} [options.userDataDir] code-server's user-data folder, kept between runs (default: a fresh one)
 * @returns {Promise<{outcome: Promise<{code: number} | {error: string}>, page: import('playwright-core').Page,
 *   url: string, server: Awaited<ReturnType<typeof startCodeServer>>, closeBrowser: () => Promise<void>, stop: () => Promise<void>}>}
 */
export async function startExtensionHostRun({ workspace, extensionDevelopmentPath, extensionTestsPath, timeoutMs, chromiumPath = '/usr/bin/chromium', onOutput = () => {}, onLog = () => {}, userDataDir }) {
  let server;
  let browser;
  let stopping;
  const closeBrowser = async () => {
    // A wedged browser must not keep code-server alive: bound the close.
    if (browser) await Promise.race([browser.close().catch(() => {}), sleep(10_000)]);
    browser = undefined;
  };
  /** Idempotent: closes the browser and stops code-server with all its children. */
  const stop = () => {
    stopping ??= (async () => {
      await closeBrowser();
      if (server) await server.stop();
    })();
    return stopping;
  };
  try {
    server = await startCodeServer({ workspace, userDataDir, onOutput: (line) => onLog(`[code-server] ${line}`) });
    // Playwright gives each launch a fresh temporary profile (--user-data-dir) and deletes it on close.
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Only warnings and errors: the workbench echoes its info log (already seen above) to the console too.
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') onLog(`[browser ${message.type()}] ${message.text()}`);
    });
    page.on('pageerror', (error) => onLog(`[browser pageerror] ${error.message}`));

    let reportExit;
    const runExit = new Promise((resolveExit) => { reportExit = resolveExit; });
    // The workbench forwards the extension host's console here while run() runs.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (WORKBENCH_CHATTER.some((pattern) => pattern.test(line))) onLog(`[workbench] ${line}`);
      else onOutput(line);
    });
    // Called once when run() settles: 0 passed, anything else failed.
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));

    const url = server.workbenchUrl({ workspace, extensionDevelopmentPath, extensionTestsPath });
    onLog(`[extension-host] ${url}`);
    const currentBrowser = browser;
    const outcome = Promise.race([
      runExit.then((code) => ({ code })),
      sleep(timeoutMs, undefined, { ref: false }).then(() => ({ error: `run() did not finish within ${timeoutMs / 1000} s` })),
      server.exited.then(({ code, sig }) => ({ error: `code-server exited early (${sig ?? code})` })),
      new Promise((resolveCrash) => page.on('crash', () => resolveCrash({ error: 'the workbench page crashed' }))),
      new Promise((resolveGone) => currentBrowser.on('disconnected', () => resolveGone({ error: 'Chromium exited early' }))),
    ]);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return { outcome, page, url, server, closeBrowser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
