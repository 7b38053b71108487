/**
 * The roadmap panel laid out for a program manager (issue 17), in headless Chromium at 1,400 × 900:
 * the table's health and risk columns in view without scrolling sideways (the other figures opt-in in
 * a column chooser whose choice the webview state keeps), a chart as tall as its rows, and milestone
 * names written whole inside the chart, clear of each other.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { analyzePlans, buildRoadmap, geometry } from '../../src/core';
import { checkPrerequisites, figuresShown, launchBrowser, openOffline, repo, runCli } from '../utils/browser';

/** One program of ten projects: 11 rows. Its own milestones crowd the start and the end of the plan. */
const orbit = `
program:
  id: orbit
  name: Orbit programme
  status_date: 2026-04-15
  milestones:
    - { id: kickoff, name: Kick-off with every stakeholder in the building, date: 2026-01-12 }
    - { id: gate-a, name: Gate A, date: 2026-01-26 }
    - { id: late-one, name: Regulator sign-off on the whole new platform, date: 2026-05-04, depends_on: [p10] }
    - { id: final, name: Final acceptance by the steering committee and the board, date: 2026-12-18 }
  projects:
    - { id: p1, name: Discovery, start: 2026-01-05, end: 2026-02-27, budget: 1000, progress: 100 }
    - { id: p2, name: Design system, start: 2026-02-02, end: 2026-04-30, budget: 1000, progress: 60 }
    - { id: p3, name: Core services, start: 2026-03-02, end: 2026-07-31, budget: 1000, progress: 20 }
    - { id: p4, name: Data migration, start: 2026-04-06, end: 2026-08-28, budget: 1000, progress: 5 }
    - { id: p5, name: Mobile app, start: 2026-05-04, end: 2026-09-30, budget: 1000 }
    - { id: p6, name: Web app, start: 2026-05-04, end: 2026-10-30, budget: 1000 }
    - { id: p7, name: Partner APIs, start: 2026-06-01, end: 2026-10-30, budget: 1000 }
    - { id: p8, name: Security review, start: 2026-09-01, end: 2026-11-13, budget: 1000 }
    - { id: p9, name: Training, start: 2026-10-05, end: 2026-12-11, budget: 1000 }
    - id: p10
      name: Rollout
      start: 2026-03-02
      end: 2026-12-18
      budget: 1000
      milestones:
        - { name: Pilot country live with a very long milestone name, date: 2026-12-17 }
`;

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (inner: Box, outer: Box, slack = 0.5) =>
  inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;

/** Each lane's milestone names and marks, and its band, in page coordinates; and the chart's box. */
async function milestoneBoxes(page: Page): Promise<{ chart: Box; lanes: Array<{ band: Box; labels: Array<{ text: string; anchor: string; box: Box }>; marks: Box[] }> }> {
  // A string, as the page runs it (the test's compiler would name the inner functions with a helper the page lacks).
  return page.evaluate(`(() => {
    const box = (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    const lanes = [...document.querySelectorAll('svg.chart .lane')].map((lane) => ({
      band: box(lane.querySelector('.lane-band')),
      labels: [...lane.querySelectorAll('.milestone-text')].map((text) => ({ text: text.textContent, anchor: text.getAttribute('text-anchor') || 'start', box: box(text) })),
      marks: [...lane.querySelectorAll('.diamond, .forecast-diamond')].map(box),
    }));
    return { chart: box(document.querySelector('svg.chart')), lanes };
  })()`);
}

/** Asserts every milestone name is inside the chart and its row, and clear of the other names and of every mark. */
async function assertLabelsLaidOut(page: Page, when: string): Promise<number> {
  const { chart, lanes } = await milestoneBoxes(page);
  let count = 0;
  for (const lane of lanes) {
    lane.labels.forEach((label, i) => {
      count++;
      assert.ok(within(label.box, chart), `${when}: "${label.text}" ${JSON.stringify(label.box)} inside the chart ${JSON.stringify(chart)}`);
      assert.ok(label.box.y >= lane.band.y - 0.5 && label.box.y + label.box.height <= lane.band.y + lane.band.height + 0.5, `${when}: "${label.text}" inside its row`);
      for (const other of lane.labels.slice(i + 1)) assert.ok(!overlap(label.box, other.box), `${when}: "${label.text}" clear of "${other.text}"`);
      for (const mark of lane.marks) assert.ok(!overlap(label.box, mark), `${when}: "${label.text}" clear of the mark at x ${Math.round(mark.x)}`);
    });
  }
  return count;
}

describe('the roadmap panel at 1,400 × 900', function () {
  this.timeout(300_000);
  let browser: Browser;
  let work: string;

  before(async () => {
    checkPrerequisites();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-panel-'));
    fs.mkdirSync(path.join(work, 'orbit'));
    fs.writeFileSync(path.join(work, 'orbit', 'orbit.plan.yaml'), orbit);
    runCli(['render', path.join(work, 'orbit'), '--out', path.join(work, 'orbit.html')]);
    runCli(['render', 'examples', '--out', path.join(work, 'examples.html')]);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("shows the table's Health, Declared and Risks columns without scrolling sideways", async () => {
    const { page } = await openOffline(browser, path.join(work, 'examples.html'), { viewport: { width: 1400, height: 900 } });
    await figuresShown(page);
    const scroller = page.locator('.table-scroller');
    const view = await scroller.evaluate((e) => ({ left: e.getBoundingClientRect().left, width: e.clientWidth, scrollLeft: e.scrollLeft, scrollWidth: e.scrollWidth }));
    assert.equal(view.scrollLeft, 0);
    for (const label of ['Health', 'Declared', 'Risks H/M/L']) {
      const cell = page.locator('table.rollup thead th', { hasText: label });
      assert.equal(await cell.count(), 1, label);
      const box = await cell.boundingBox();
      assert.ok(box && box.x + box.width <= view.left + view.width + 0.5, `${label} ends at ${box && box.x + box.width}, the table shows up to ${view.left + view.width}`);
    }
    assert.ok(view.scrollWidth <= view.width, `the table is ${view.scrollWidth} px wide in ${view.width} px: no horizontal scroll`);
    await page.context().close();
  });

  it('draws a chart as tall as its 11 rows and its axis: no empty grid under them', async () => {
    const { page } = await openOffline(browser, path.join(work, 'orbit.html'), { viewport: { width: 1400, height: 900 } });
    await figuresShown(page);
    const rows = await page.locator('svg.labels .lane-label, svg.labels .bar-label').count();
    assert.equal(rows, 11, '1 program and its 10 projects');
    const chart = await page.locator('.scroller').evaluate((e) => ({ client: e.clientHeight, scroll: e.scrollHeight }));
    // 11 rows × 28 px + the 44 px axis = 352 px.
    const expected = 11 * geometry.rowHeight + geometry.axisHeight;
    assert.equal(expected, 352);
    assert.ok(Math.abs(chart.client - expected) <= 3, `the chart shows ${chart.client} px for ${expected} px of rows and axis`);
    assert.ok(chart.scroll <= chart.client + 1, 'every row in view, no vertical scroll');
    await page.context().close();
  });

  it('writes each milestone name inside the chart and its row, clear of the marks and of the other names', async () => {
    const { page } = await openOffline(browser, path.join(work, 'orbit.html'), { viewport: { width: 1400, height: 900 } });
    await figuresShown(page);
    // As first opened (the whole plan fitted), then at each zoom.
    assert.ok((await assertLabelsLaidOut(page, 'fitted')) >= 3, 'names are written');
    // Named left of its diamond: right of it, the late sign-off's forecast and name take the room.
    const final = page.locator('svg.chart [data-milestone] .milestone-text', { hasText: 'Final acceptance' });
    assert.equal(await final.getAttribute('text-anchor'), 'end');
    // The late sign-off's name after its forecast, in the room after the plan's end: cut to fit there.
    const late = page.locator('svg.chart .milestone-text', { hasText: 'Regulator' });
    assert.match((await late.textContent()) ?? '', /^Regulator sign-off .*…$/);
    assert.equal(await late.getAttribute('text-anchor'), null, 'right of its marks');
    for (const zoom of ['Quarters', 'Months', 'Weeks']) {
      await page.locator('.toolbar button', { hasText: zoom }).click();
      await assertLabelsLaidOut(page, zoom);
    }
    await page.context().close();
    const examples = await openOffline(browser, path.join(work, 'examples.html'), { viewport: { width: 1400, height: 900 } });
    await figuresShown(examples.page);
    assert.ok((await assertLabelsLaidOut(examples.page, 'examples/')) >= 3);
    await examples.page.context().close();
  });

  describe('the column chooser, in a VS Code webview', () => {
    /** A page like VS Code's webview: `acquireVsCodeApi` records what is posted and saved, and gives back `saved`. */
    async function webview(saved: unknown): Promise<Page> {
      const file = path.join(work, 'webview.html');
      fs.writeFileSync(
        file,
        [
          '<!DOCTYPE html><html><head><meta charset="utf-8">',
          `<link rel="stylesheet" href="${pathToFileURL(path.join(repo, 'dist', 'webview.css')).href}">`,
          '<script>window.__posted = []; window.__states = [];',
          `function acquireVsCodeApi() { return { postMessage: (m) => window.__posted.push(m), getState: () => (${JSON.stringify(saved ?? null)}) ?? undefined, setState: (s) => window.__states.push(s) }; }</script>`,
          '</head><body><div id="roadmap-app"></div>',
          `<script src="${pathToFileURL(path.join(repo, 'dist', 'webview.js')).href}"></script>`,
          '</body></html>',
        ].join('\n'),
      );
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction("window.__posted.some((m) => m.type === 'ready')");
      const model = buildRoadmap(analyzePlans([{ path: 'orbit.plan.yaml', text: orbit }]));
      await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'model', model })}, '*')`);
      await figuresShown(page);
      return page;
    }
    const headers = (page: Page) => page.locator('table.rollup thead th').allTextContents();

    it('shows an opt-in column when asked, keeps the choice in the webview state, and finds it there after a reload', async () => {
      const page = await webview(undefined);
      assert.ok(!(await headers(page)).includes('AC'), 'actual cost is opt-in');
      const button = page.locator('.column-chooser > button');
      // 12 shown by default of the 21 columns there are when not comparing (SPI(t) and Fcst end (ES) opt-in).
      assert.equal(await button.textContent(), 'Columns (12 of 21)');
      await button.click();
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      await page.locator('.column-menu input[data-column="ac"]').check();
      assert.ok((await headers(page)).includes('AC'));
      assert.equal(await button.textContent(), 'Columns (13 of 21)');
      await page.waitForFunction('window.__states.some((s) => s.columns && s.columns.ac === true)');
      const saved = (await page.evaluate('window.__states.at(-1)')) as { columns: Record<string, boolean> };
      assert.deepEqual(saved.columns, { ac: true });
      // Escape closes the menu, back on its button.
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('.column-menu').isHidden(), true);
      await page.close();

      const reloaded = await webview(saved);
      const shown = await headers(reloaded);
      assert.ok(shown.includes('AC'), `restored: ${shown.join(', ')}`);
      // The AC cell of a row holds its actual cost (orbit spent nothing yet).
      const row = reloaded.locator('table.rollup tbody tr', { has: reloaded.locator('[data-open="p1"]') });
      assert.equal(await row.locator('th, td').nth(shown.indexOf('AC')).textContent(), '0 USD');
      // Back to the defaults: AC goes, and the state says so.
      await reloaded.locator('.column-chooser > button').click();
      await reloaded.locator('.column-menu button', { hasText: 'Defaults' }).click();
      assert.ok(!(await headers(reloaded)).includes('AC'));
      await reloaded.waitForFunction('window.__states.some((s) => s.columns && Object.keys(s.columns).length === 0)');
      await reloaded.close();
    });
  });
});
