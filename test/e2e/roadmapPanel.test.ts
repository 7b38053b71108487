/**
 * The roadmap as a program manager reads it (issue 17): what each mark means is in the legend,
 * including the violated dependency's red dashed line, on screen and in the SVG export.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { checkPrerequisites, figuresShown, launchBrowser, openOffline, runCli } from '../utils/browser';

describe('roadmap legend in a browser', function () {
  this.timeout(300_000);
  let browser: Browser;
  let work: string;

  before(async () => {
    checkPrerequisites();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-legend-'));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('explains the violated dependency: a red dashed line like the one drawn between bars', async () => {
    runCli(['render', 'examples', '--out', path.join(work, 'roadmap.html')]);
    const { page } = await openOffline(browser, path.join(work, 'roadmap.html'));
    await figuresShown(page);
    const item = page.locator('svg.legend .legend-item.dependency.violated');
    assert.equal(await item.count(), 1);
    assert.equal(await item.locator('text').textContent(), 'dependency violated');
    const style = await item.locator('.link').evaluate((line) => {
      const s = (globalThis as unknown as { getComputedStyle(e: unknown): { stroke: string; strokeDasharray: string } }).getComputedStyle(line);
      return { stroke: s.stroke, dash: s.strokeDasharray };
    });
    const drawn = page.locator('.dependency.violated .link').first();
    assert.ok((await drawn.count()) > 0, 'examples/ has a violated dependency on the chart');
    const reference = await drawn.evaluate((line) => (globalThis as unknown as { getComputedStyle(e: unknown): { stroke: string } }).getComputedStyle(line).stroke);
    assert.notEqual(style.dash, 'none', 'dashed');
    assert.match(style.stroke, /^rgb\(\d+, \d+, \d+\)$/, 'stroked');
    assert.equal(style.stroke, reference, 'the colour of a violated dependency on the chart');
    await page.context().close();
  });
});
