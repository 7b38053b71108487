// Takes the docs' comparison screenshot: the roadmap on examples/ in a real VS Code (code-server) in
// headless Chromium, compared with HEAD while the README's example pull request is on disk
// (test/fixtures/history/next-meeting.json): ghost bars with their slips, the Δ columns, the changes.
//   npm run build && node scripts/screenshot-compare.mjs [--out docs/screenshot-compare.png] [--theme 'Default Dark Modern']
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './vscode-host.mjs';
import { frameWith, withExamplesWorkbench } from './workbench-page.mjs';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(repoRoot, 'docs', 'screenshot-compare.png') },
    theme: { type: 'string', default: 'Default Dark Modern' },
  },
});

/** examples/ committed as HEAD, then the example pull request's edits made on disk (uncommitted). */
function prepare(folder) {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Plans', GIT_AUTHOR_EMAIL: 'plans@example.com', GIT_COMMITTER_NAME: 'Plans', GIT_COMMITTER_EMAIL: 'plans@example.com' };
  const git = (...args) => execFileSync('git', args, { cwd: folder, env });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'The examples');
  const { edits } = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'history', 'next-meeting.json'), 'utf8'));
  for (const edit of edits) {
    const file = join(folder, edit.file);
    writeFileSync(file, readFileSync(file, 'utf8').replace(edit.from, edit.to));
  }
}

await withExamplesWorkbench({ viewport: { width: 1920, height: 1080 }, theme: values.theme, prepare }, async (page, command) => {
  await command('Plans: Focus on Programs View');
  await page.waitForSelector('.monaco-list-row:has-text("Payments")', { timeout: 30_000 });
  await command('Plan: Compare Roadmap With');
  // The quick pick opens on HEAD: take it.
  await page.waitForSelector('.quick-input-widget .monaco-list-row:has-text("HEAD")', { timeout: 30_000 });
  await page.keyboard.press('Enter');
  const frame = await frameWith(page, '.chart .ghost', 'the comparison');
  // The program the example pull request changes, by months, from the status date.
  await frame.locator('select[aria-label="Program"]').selectOption('program:payments');
  await frame.locator('button:has-text("Months")').click();
  await frame.locator('button:has-text("Status date")').click();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(800);
  await page.screenshot({ path: resolve(values.out) });
  console.log(`screenshot ${values.out}`);
});
