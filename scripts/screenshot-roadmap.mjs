// Takes the docs' roadmap screenshot: the roadmap panel on examples/ in a real VS Code (code-server)
// in headless Chromium, with a project's hover card open.
//   npm run build && node scripts/screenshot-roadmap.mjs [--out docs/screenshot-roadmap.png] [--theme 'Default Dark Modern']
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './vscode-host.mjs';
import { frameWith, withExamplesWorkbench } from './workbench-page.mjs';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(repoRoot, 'docs', 'screenshot-roadmap.png') },
    theme: { type: 'string', default: 'Default Dark Modern' },
    hover: { type: 'string', default: 'checkout-v2' },
  },
});
await withExamplesWorkbench({ viewport: { width: 1920, height: 1080 }, theme: values.theme }, async (page, command) => {
  await command('Plans: Focus on Programs View');
  await page.waitForSelector('.monaco-list-row:has-text("Payments")', { timeout: 30_000 });
  await command('Plan: Open Roadmap');
  const frame = await frameWith(page, '.chart [data-id]', 'the roadmap', 20_000);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await frame.locator(`.chart [data-id="${values.hover}"] .body`).hover();
  await page.waitForTimeout(600);
  await page.screenshot({ path: resolve(values.out) });
  console.log(`screenshot ${values.out}`);
});
