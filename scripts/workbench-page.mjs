// A real VS Code (code-server) on a copy of examples/, in headless Chromium, with this extension
// loaded: what the docs' screenshot scripts drive. The copy, the server and the browser are cleaned up.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot, startCodeServer } from './vscode-host.mjs';

/**
 * Runs `work(page, command)` on a workbench showing examples/; `command(name)` runs a command from
 * the command palette. `prepare(folder)`, when given, runs on the copy before VS Code opens it.
 */
export async function withExamplesWorkbench({ viewport, theme = 'Default Dark Modern', prepare }, work) {
  const workspace = await mkdtemp(join(tmpdir(), 'plan-as-code-shot-'));
  await cp(join(repoRoot, 'examples'), workspace, { recursive: true });
  if (prepare) await prepare(workspace);
  const server = await startCodeServer({ workspace, settings: { 'workbench.colorTheme': theme, 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport });
    await page.goto(server.workbenchUrl({ workspace, extensionDevelopmentPath: repoRoot }));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const command = async (name) => {
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type(name);
      await page.waitForTimeout(400);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(800);
    };
    // Let the extension index and the views settle before the first command.
    await page.waitForTimeout(3000);
    await work(page, command);
  } finally {
    await browser.close();
    await server.stop();
    await rm(workspace, { recursive: true, force: true });
  }
}

/** The frame that shows `selector` (a webview is an iframe in an iframe), waiting up to `timeoutMs`; `what` names it in the error. */
export async function frameWith(page, selector, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const candidate of page.frames()) {
      if ((await candidate.locator(selector).count().catch(() => 0)) > 0) return candidate;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`${what} did not draw`);
}
