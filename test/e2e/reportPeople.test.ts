/**
 * The steering report's people over capacity (SPEC 9 v3, 10) on paper: with 12 programs and several
 * people over capacity in the next 90 days, the first page still stands alone (the people on it,
 * the program sections from page 2), on A4 and Letter landscape.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { checkPrerequisites, launchBrowser, openOffline, printedText, repo as repoRoot, runCli, squeeze } from '../utils/browser';
import { STATUS_DATE, steeringPrograms } from './steeringWorkspace';

describe('steering report of 12 programs with people over capacity, on paper', function () {
  this.timeout(300_000);
  let browser: Browser;
  let work: string;

  before(async () => {
    checkPrerequisites();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-report-people-'));
    // Every project gets one of six people at 60%: overlapping projects put most of them over capacity.
    let n = 0;
    const plan = steeringPrograms(12, 5).files['portfolio.plan.yaml'].replace(/^( {10}progress: \d+)$/gm, (line) => `${line}\n          team: [{ person: dev-${n++ % 6}, allocation: 60 }]`);
    const people = Array.from({ length: 6 }, (_, i) => `  - { id: dev-${i}, name: Developer number ${i}, role: engineer }`).join('\n');
    fs.writeFileSync(path.join(work, 'portfolio.plan.yaml'), `${plan}people:\n${people}\n`);
    runCli(['report', work, '--out', path.join(work, 'report.html'), '--status-date', STATUS_DATE]);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  for (const format of ['A4', 'Letter'] as const) {
    it(`keeps the summary, with the people over capacity, alone on page 1 (${format})`, async () => {
      const { page } = await openOffline(browser, path.join(work, 'report.html'), { javaScript: false });
      const fact = await page.locator('#summary ul.facts li').last().textContent();
      assert.match(fact ?? '', /^Over capacity, next 90 days: Developer number \d+ \(\d+%\/100%\), \d+ more$/);
      const { text } = await printedText(page, format, path.join(work, `report-${format}.pdf`));
      const pages = text.split('\f');
      const first = squeeze(pages[0]);
      assert.ok(first.includes('Overcapacity,next90days'), 'the people on page 1');
      assert.ok(first.includes('Developernumber'), 'a person named on page 1');
      assert.ok(!first.includes('FiguresinUSD'), 'no program section on page 1');
      assert.ok(squeeze(pages[1]).includes('FiguresinUSD'), `the program sections start on page 2: ${pages[0].slice(-300)} ///// ${pages[1].slice(0, 300)}`);
      await page.context().close();
    });
  }

  it('prints every week of people --format html, in blocks a page wide: the weeks over capacity are on paper', async () => {
    runCli(['people', path.join(repoRoot, 'examples'), '--format', 'html', '--out', path.join(work, 'people.html')]);
    const { page } = await openOffline(browser, path.join(work, 'people.html'), { javaScript: false });
    const weeks = await page.locator('.screen-only table.heatmap thead th[title]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title') ?? ''));
    assert.ok(weeks.length > 26, `${weeks.length} weeks: more than a block`);
    const printed = await page.locator('.print-only table.heatmap thead th[title]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title') ?? ''));
    assert.deepEqual(printed, weeks, 'the blocks hold every week once, in order');
    const { text } = await printedText(page, 'A4', path.join(work, 'people-A4.pdf'));
    // Olga over capacity in November 2026 (examples/README.md): 120 in the weeks of 9 and 16 November.
    assert.match(squeeze(text), /OlgaIvanova·100%.*120120120/);
    for (const week of ['5 Jan 2026', '9 Nov', '4 Jan 2027']) assert.ok(text.includes(week), `${week} on paper`);
    await page.context().close();
  });
});
