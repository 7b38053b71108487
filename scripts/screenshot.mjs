// Takes the docs' screenshots of the extension on examples/: the Plans tree and the Problems panel,
// then a project's tooltip, in a real VS Code (code-server) in headless Chromium.
//   npm run build && node scripts/screenshot.mjs [--out docs]
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './vscode-host.mjs';
import { withExamplesWorkbench } from './workbench-page.mjs';

const { values } = parseArgs({ options: { out: { type: 'string', default: join(repoRoot, 'docs') } } });
await withExamplesWorkbench({ viewport: { width: 1600, height: 1000 } }, async (page, command) => {
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
});
