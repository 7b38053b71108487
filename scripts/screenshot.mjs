// Takes the docs' screenshots of the extension on examples/: the Plans tree, a hover and the Problems
// panel, in a real VS Code (code-server) in headless Chromium.
//   node scripts/screenshot.mjs [--out docs/screenshot.png]
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { repoRoot, startCodeServer } from './vscode-host.mjs';

const { values } = parseArgs({ options: { out: { type: 'string', default: join(repoRoot, 'docs') } } });
const workspace = await mkdtemp(join(tmpdir(), 'plan-as-code-shot-'));
await cp(join(repoRoot, 'examples'), workspace, { recursive: true });
const server = await startCodeServer({ workspace, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
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
  await page.waitForTimeout(3000);
  await command('Plans: Focus on Programs View');
  await page.waitForSelector('.monaco-list-row:has-text("Payments")', { timeout: 30_000 });
  await command('View: Focus Problems');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
  await command('Go to File');
  await page.keyboard.type('payments.plan.yaml');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: resolve(values.out, 'screenshot-tree-problems.png') });
  // Hover a project in the tree for its rolled-up tooltip.
  await page.locator('.monaco-list-row:has-text("Checkout v2")').first().hover();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: resolve(values.out, 'screenshot-tree-hover.png') });
  console.log(`screenshots in ${values.out}`);
} finally {
  await browser.close();
  await server.stop();
  await rm(workspace, { recursive: true, force: true });
}
