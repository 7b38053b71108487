/**
 * The roadmap webview comparing with another revision, in headless Chromium: dist/webview.js runs as in
 * VS Code (a stand-in for `acquireVsCodeApi` records what the page posts) and is sent a render model and
 * a comparison (SPEC 8), both built by the core from two revisions of a plan. The page draws the other
 * revision's windows as ghost bars with the slips labelled, adds the Δ columns and the list of changes,
 * shows every plan string as text, asks to stop comparing from its banner, and drops it all when told.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyzePlans, buildRoadmap, diffPlans, planSnapshot, roadmapComparison, type RoadmapComparison, type RoadmapModel } from '../../src/core';

const repo = path.resolve(__dirname, '..', '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const plan = (buildEnd: string, budget: number, extra: string) => `
program:
  id: alpha
  name: Alpha
  status_date: 2026-02-01
  projects:
    - id: build
      name: "Build <img src=x onerror=window.__pwned=1>"
      start: 2026-01-05
      end: ${buildEnd}
      budget: ${budget}
    - id: launch
      name: Launch
      depends_on: [build]
      duration: 30d
      budget: 1000
${extra}`;

const baseText = plan('2026-03-01', 2000, '');
const headText = plan('2026-03-29', 2500, '    - { id: fresh, name: Fresh, start: 2026-04-01, end: 2026-04-30, budget: 300 }\n');

function roadmapOf(text: string): RoadmapModel {
  return buildRoadmap(analyzePlans([{ path: 'alpha.plan.yaml', text }]));
}

function comparison(): RoadmapComparison {
  const base = planSnapshot(analyzePlans([{ path: 'alpha.plan.yaml', text: baseText }]));
  const head = planSnapshot(analyzePlans([{ path: 'alpha.plan.yaml', text: headText }]));
  return roadmapComparison(diffPlans(base, head, { base: { ref: 'HEAD', commit: 'c0ffee'.padEnd(40, '0') }, head: { ref: null, commit: null } }));
}

describe('the roadmap compared with another revision, in a browser', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  let work: string;

  const posted = async () => (await page.evaluate('window.__posted')) as unknown[];
  // As VS Code delivers a message to its webview: a message event on the page's window.
  const send = (message: unknown) => page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  const texts = (selector: string) => page.locator(selector).allTextContents();

  before(async () => {
    const script = path.join(repo, 'dist', 'webview.js');
    if (!fs.existsSync(script)) throw new Error('dist/webview.js is missing: run `npm run build`');
    if (!fs.existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: run \`bash scripts/install-vscode-host.sh --browser-only\``);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-compare-'));
    const page$ = path.join(work, 'webview.html');
    fs.writeFileSync(
      page$,
      [
        '<!DOCTYPE html><html><head><meta charset="utf-8">',
        `<link rel="stylesheet" href="${pathToFileURL(path.join(repo, 'dist', 'webview.css')).href}">`,
        // What VS Code gives a webview: an API object that posts to the extension.
        '<script>window.__posted = []; function acquireVsCodeApi() { return { postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} }; }</script>',
        '</head><body><div id="roadmap-app"></div>',
        `<script src="${pathToFileURL(script).href}"></script>`,
        '</body></html>',
      ].join('\n'),
    );
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(page$).href);
    await page.waitForFunction("window.__posted.some((m) => m.type === 'ready')");
    await send({ type: 'model', model: roadmapOf(headText) });
    await send({ type: 'comparison', comparison: comparison() });
    await page.locator('.chart .ghost').first().waitFor();
  });

  after(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("draws the other revision's window of each moved project as a ghost bar, its slip beside it", async () => {
    // build: end Mar 1 → Mar 29 (+28 d); launch follows it (+28 d); fresh is new (a label, no ghost).
    assert.equal(await page.locator('.chart [data-id="build"] .ghost').count(), 1);
    assert.equal(await page.locator('.chart [data-id="launch"] .ghost').count(), 1);
    assert.equal(await page.locator('.chart [data-id="fresh"] .ghost').count(), 0);
    assert.deepEqual(await texts('.chart [data-id="build"] .slip-label'), ['+28 d']);
    assert.deepEqual(await texts('.chart [data-id="launch"] .slip-label'), ['+28 d']);
    assert.deepEqual(await texts('.chart [data-id="fresh"] .slip-label'), ['new']);
    // The ghost sits where the old window was: left edge with the bar's, ending 28 days earlier.
    const ghost = await page.locator('.chart [data-id="build"] .ghost').boundingBox();
    const body = await page.locator('.chart [data-id="build"] .body').boundingBox();
    assert.ok(ghost && body);
    assert.ok(Math.abs(ghost.x - body.x) < 1.5, `${ghost.x} vs ${body.x}`);
    const perDay = body.width / 84; // Jan 5 .. Mar 29
    assert.ok(Math.abs(body.width - ghost.width - 28 * perDay) < 2, `${body.width - ghost.width} px for 28 days at ${perDay} px a day`);
    const last = (await posted()).filter((m) => (m as { type: string }).type === 'rendered').pop() as { ghosts: number; deltas: number };
    assert.deepEqual([last.ghosts, last.deltas], [5, 4], 'two ghost bars and three labels; build, launch, fresh and the program have a Δ');
  });

  it('the rollup table gains the Δ columns, with the differences on the rows that changed', async () => {
    const headers = await texts('table.rollup thead th');
    for (const column of ['Δ end', 'Δ fcst end', 'Δ BAC', 'Δ EAC', 'Health before → after']) assert.ok(headers.includes(column), `${column} in ${headers.join(', ')}`);
    const cell = async (id: string, column: string) => {
      const index = headers.indexOf(column);
      const row = page.locator('table.rollup tbody tr', { has: page.locator(`[data-open="${id}"]`) });
      return (await row.locator('th, td').nth(index).textContent())?.trim();
    };
    assert.equal(await cell('build', 'Δ end'), '+28 d');
    assert.equal(await cell('build', 'Δ BAC'), '+500');
    assert.equal(await cell('fresh', 'Δ end'), 'new');
    assert.equal(await cell('alpha', 'Δ BAC'), '+800');
  });

  it('lists the changes, every plan string as text, and names the compared revision in a banner', async () => {
    assert.match((await page.locator('.compare-banner').textContent()) ?? '', /^Compared with HEAD \(c0ffee0\) · status date 2026-02-01 · 4 changes · dashed outlines are its dates/);
    const items = await texts('.changes .change > .change-kind');
    assert.deepEqual(items, ['changed', 'added', 'changed', 'changed']);
    assert.ok((await texts('.changes button[data-open="build"]'))[0].includes('<img src=x onerror=window.__pwned=1>'), 'the name shows as text');
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.equal(await page.locator('img').count(), 0);
  });

  it('asks the extension to stop comparing from the banner, and drops ghosts, Δ columns and the list when told', async () => {
    await page.locator('.compare-banner button').click();
    assert.ok((await posted()).some((m) => (m as { type: string }).type === 'stopComparing'));
    await send({ type: 'comparison', comparison: null });
    await page.locator('.compare-banner').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('.chart .ghost, .chart .slip-label').count(), 0);
    assert.ok(!(await texts('table.rollup thead th')).some((header) => header.startsWith('Δ')));
    assert.equal(await page.locator('.changes').isHidden(), true);
  });
});
