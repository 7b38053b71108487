// Takes the docs' roadmap screenshot: the roadmap panel on examples/ in a real VS Code (code-server)
// in headless Chromium, with a project's hover card open.
//   npm run build && node scripts/screenshot-roadmap.mjs [--out docs/screenshot-roadmap.png] [--theme 'Default Dark Modern']
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { repoRoot, startCodeServer } from './vscode-host.mjs';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(repoRoot, 'docs', 'screenshot-roadmap.png') },
    theme: { type: 'string', default: 'Default Dark Modern' },
    hover: { type: 'string', default: 'checkout-v2' },
  },
});
const workspace = await mkdtemp(join(tmpdir(), 'plan-as-code-shot-'));
await cp(join(repoRoot, 'examples'), workspace, { recursive: true });
const server = await startCodeServer({ workspace, settings: { 'workbench.colorTheme': values.theme, 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
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
  await command('Plan: Open Roadmap');
  // The webview is an iframe in an iframe: find the frame that draws the chart.
  let frame;
  for (let i = 0; i < 100 && !frame; i++) {
    for (const candidate of page.frames()) {
      if ((await candidate.locator('.chart [data-id]').count().catch(() => 0)) > 0) frame = candidate;
    }
    if (!frame) await page.waitForTimeout(200);
  }
  if (!frame) throw new Error('the roadmap did not draw');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await frame.locator(`.chart [data-id="${values.hover}"] .body`).hover();
  await page.waitForTimeout(600);
  await page.screenshot({ path: resolve(values.out) });
  console.log(`screenshot ${values.out}`);
} finally {
  await browser.close();
  await server.stop();
  await rm(workspace, { recursive: true, force: true });
}
