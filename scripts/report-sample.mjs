// Makes the docs' sample of the steering report: `plan-as-code report examples`, opened with scripts
// disabled in headless Chromium, printed to PDF on A4 landscape, and some pages as PNG (pdftoppm):
// the summary, the first program, and the milestones coming due.
//   npm run build && node scripts/report-sample.mjs [--out-dir docs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { repoRoot } from './vscode-host.mjs';

const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: join(repoRoot, 'docs') } } });
const work = mkdtempSync(join(tmpdir(), 'report-sample-'));
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr || result.error}`);
  return result.stdout;
};
try {
  const html = join(work, 'report.html');
  run(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'report', 'examples', '--out', html]);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pathToFileURL(html).href);
  const pdf = join(work, 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4', landscape: true });
  await browser.close();
  // The pages to show: 1 (summary), 2 (the first program), and the one that opens the milestones section.
  const pages = run('pdftotext', ['-layout', pdf, '-']).split('\f');
  const milestones = pages.findIndex((text) => text.includes('Milestones coming due')) + 1;
  for (const [n, name] of [[1, 'summary'], [2, 'program'], [milestones, 'milestones']]) {
    run('pdftoppm', ['-png', '-r', '72', '-f', String(n), '-l', String(n), '-singlefile', pdf, join(work, name)]);
    await copyFile(join(work, `${name}.png`), join(values['out-dir'], `report-${name}.png`));
    console.log(`report-sample: page ${n} of ${pages.length - 1} → ${join(values['out-dir'], `report-${name}.png`)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
