/**
 * The roadmap panel's People tab (SPEC 10, issue 19) in headless Chromium: dist/webview.js runs as in
 * VS Code (a stand-in for `acquireVsCodeApi` records what the page posts) and this test answers the
 * page's `people` requests as the extension does, with the core's heatmap on the basis asked for.
 *
 * test/fixtures/people/heatmap.plan.yaml, S = 15 Apr 2026: Olga is on Web 60% (Apr 1–30, active) and
 * Shop rebuild 30% + 20% (Apr 6–17, planned); Ann on Web 60% against a capacity of 80%. By hand:
 * - plan basis: Olga 60 + 50 = 110% in the weeks of Apr 6 and Apr 13, 60% in the week of Apr 20;
 *   Ann 60 / 80 = 75% every week;
 * - forecast basis: Shop rebuild, planned and not started by S, starts at S: Apr 15–26, so the week of
 *   Apr 20 is 110% and the week of Apr 6 is 60%.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { analyzePlans, buildRoadmap, peopleHeatmap, type Analysis, type LoadBasis } from '../../src/core';
import { checkPrerequisites, launchBrowser, repo } from '../utils/browser';
import { peopleWorkspaceText } from '../utils/peopleWorkspace';

const fixture = fs.readFileSync(path.join(repo, 'test', 'fixtures', 'people', 'heatmap.plan.yaml'), 'utf8');
const hostile = fixture.replace('name: Zed', 'name: "Zed <img src=x onerror=window.__pwned=1>"');

type Posted = { type: string; basis?: LoadBasis | null; person?: string; project?: string; elements?: number; cells?: number; over?: string[][] };

describe('the roadmap panel: People tab, in a browser', function () {
  this.timeout(120_000);
  let browser: Browser;
  let work: string;
  let file: string;

  before(async () => {
    checkPrerequisites([path.join(repo, 'dist', 'webview.js')]);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-people-tab-'));
    file = path.join(work, 'webview.html');
    fs.writeFileSync(
      file,
      [
        '<!DOCTYPE html><html><head><meta charset="utf-8">',
        `<link rel="stylesheet" href="${pathToFileURL(path.join(repo, 'dist', 'webview.css')).href}">`,
        '<script>window.__posted = []; function acquireVsCodeApi() { return { postMessage: (m) => window.__posted.push(m), getState: () => window.__state, setState: (s) => { window.__state = s; } }; }</script>',
        '</head><body><div id="roadmap-app"></div>',
        `<script src="${pathToFileURL(path.join(repo, 'dist', 'webview.js')).href}"></script>`,
        '</body></html>',
      ].join('\n'),
    );
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  /** A page with the roadmap of `analysis`; it answers the page's `people` requests as the extension does. */
  async function open(analysis: Analysis, viewport = { width: 1400, height: 900 }) {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction("window.__posted.some((m) => m.type === 'ready')");
    await send(page, { type: 'model', model: buildRoadmap(analysis) });
    const heatmaps = { plan: peopleHeatmap(analysis, 'plan').heatmap, forecast: peopleHeatmap(analysis, 'forecast').heatmap };
    let answered = 0;
    /** Answers every `people` request the page has posted since the last answer. */
    const answer = async () => {
      const requests = (await posted(page)).filter((m) => m.type === 'people');
      for (const request of requests.slice(answered)) if (request.basis) await send(page, { type: 'people', people: heatmaps[request.basis] });
      answered = requests.length;
    };
    return { page, errors, answer, heatmaps };
  }

  const send = (page: Page, message: unknown) => page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  const posted = async (page: Page) => (await page.evaluate('window.__posted')) as Posted[];
  const lastPosted = async (page: Page, type: string) => (await posted(page)).filter((m) => m.type === type).pop();
  const cell = (page: Page, person: string, week: number) => page.locator(`.heatmap tr[data-row]:has(button[data-person="${person}"]) td.cell[data-week="${week}"]`);

  it('switches tabs with the mouse and the keyboard, and asks for the heatmap only while People is shown', async () => {
    const { page, errors, answer } = await open(analyzePlans([{ path: 'heatmap.plan.yaml', text: fixture }]));
    assert.equal(await page.locator('[role="tab"][aria-selected="true"]').textContent(), 'Timeline');
    assert.ok(await page.locator('.people-tab').isHidden());
    await page.locator('[role="tab"]', { hasText: 'People' }).click();
    assert.deepEqual(await lastPosted(page, 'people'), { type: 'people', basis: 'plan' });
    await answer();
    await page.locator('.heatmap td.cell').first().waitFor();
    assert.ok(await page.locator('.timeline').isHidden(), 'the timeline is hidden');
    assert.ok(await page.locator('.table-section').isHidden(), 'the rollup is hidden');
    assert.equal(await page.locator('[role="tab"][aria-selected="true"]').textContent(), 'People');
    // The arrow keys move between the tabs, as the WAI-ARIA tabs pattern says.
    await page.locator('#tab-people').focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.locator('[role="tab"][aria-selected="true"]').textContent(), 'Timeline');
    assert.equal(await page.evaluate('document.activeElement.id'), 'tab-timeline');
    assert.deepEqual(await lastPosted(page, 'people'), { type: 'people', basis: null });
    assert.ok(await page.locator('.timeline').isVisible());
    assert.equal(await page.locator('.heatmap td.cell').count(), 0, 'a hidden heatmap is not drawn');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await lastPosted(page, 'people'), { type: 'people', basis: 'plan' });
    // The tab is kept in the webview state.
    await page.waitForFunction("window.__state && window.__state.tab === 'people'");
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("writes each cell as a percent of the person's capacity, the overloaded first and marked by a sign", async () => {
    const { page, answer } = await open(analyzePlans([{ path: 'heatmap.plan.yaml', text: fixture }]));
    await page.locator('#tab-people').click();
    await answer();
    await cell(page, 'olga', 1).waitFor();
    assert.deepEqual(await page.locator('.heatmap th.name button').allTextContents(), ['Olga · 100%', 'Ann · 80%', 'Zed · 100%']);
    assert.deepEqual(await page.locator('.heatmap thead th.week').allTextContents(), ['30 Mar', '6 Apr', '13 Apr', '20 Apr', '27 Apr']);
    // Olga, week of Apr 6: 60 + 50 = 110 of 100, over capacity.
    const olga = cell(page, 'olga', 1);
    assert.equal(await olga.textContent(), '110%');
    assert.match((await olga.getAttribute('class')) ?? '', /\bover\b/);
    assert.equal(await page.evaluate(`getComputedStyle(document.querySelector('.heatmap tr[data-row="0"] td.cell[data-week="1"]'), '::before').content`), '"▲"', 'a sign, not only a colour');
    assert.equal(await olga.getAttribute('aria-label'), '110%, over capacity');
    assert.equal(await cell(page, 'olga', 3).textContent(), '60%');
    assert.equal(await page.evaluate(`getComputedStyle(document.querySelector('.heatmap tr[data-row="0"] td.cell[data-week="3"]'), '::before').content`), 'none');
    // Ann: 60 of a capacity of 80.
    assert.equal(await cell(page, 'ann', 0).textContent(), '75%');
    // Zed has no team entry: his weeks are written 0% (SPEC 10: the value always written, not only a colour).
    assert.equal(await cell(page, 'zed', 0).textContent(), '0%');
    // Periods over capacity listed, with the team entries to open.
    assert.equal(await page.locator('.people-period-list li').count(), 1);
    assert.match((await page.locator('.people-period-list li').textContent()) ?? '', /Olga \(capacity 100%\): 6–17 Apr 2026: 110% on Shop rebuild, Web/);
    assert.equal(await page.locator('.people-suggestions').textContent(), 'SuggestionsNone: no period can be resolved by starting one planned project later within its float.');
    const report = await lastPosted(page, 'peopleRendered');
    assert.deepEqual(report?.over, [['olga', '2026-04-06', '110%'], ['olga', '2026-04-13', '110%']]);
    await page.close();
  });

  it("lists a cell's projects with their allocation on hover", async () => {
    const { page, answer } = await open(analyzePlans([{ path: 'heatmap.plan.yaml', text: fixture }]));
    await page.locator('#tab-people').click();
    await answer();
    await cell(page, 'olga', 2).hover();
    const tooltip = page.locator('.tooltip');
    await tooltip.waitFor();
    assert.equal(await tooltip.locator('.tooltip-title').textContent(), 'Olga');
    assert.equal(await tooltip.locator('.tooltip-subtitle').textContent(), 'Week of 2026-04-13 · plan basis');
    const rows = await tooltip.locator('dt').allTextContents();
    const values = await tooltip.locator('dd').allTextContents();
    assert.deepEqual(rows.map((r, i) => [r, values[i]]), [
      ['Load', '110% of capacity, over capacity (load 110%, capacity 100%)'],
      ['Web', '60%'],
      ['Shop rebuild', '50%'],
    ]);
    // The week of Apr 27: Web only.
    await cell(page, 'olga', 4).hover();
    await page.waitForFunction("document.querySelector('.tooltip .tooltip-subtitle').textContent.startsWith('Week of 2026-04-27')");
    assert.deepEqual(await tooltip.locator('dt').allTextContents(), ['Load', 'Web']);
    await page.close();
  });

  it('switches basis: the forecast moves Olga\'s overload to the week of Apr 20 (60% → 110%)', async () => {
    const { page, answer } = await open(analyzePlans([{ path: 'heatmap.plan.yaml', text: fixture }]));
    await page.locator('#tab-people').click();
    await answer();
    await cell(page, 'olga', 3).waitFor();
    assert.equal(await cell(page, 'olga', 3).textContent(), '60%');
    await page.locator('button[data-basis="forecast"]').click();
    assert.deepEqual(await lastPosted(page, 'people'), { type: 'people', basis: 'forecast' });
    assert.equal(await page.locator('button[data-basis="forecast"]').getAttribute('aria-pressed'), 'true');
    await answer();
    await page.waitForFunction("document.querySelector('.people-summary').textContent.startsWith('Forecast basis')");
    assert.equal(await cell(page, 'olga', 3).textContent(), '110%');
    assert.equal(await cell(page, 'olga', 1).textContent(), '60%');
    assert.equal(await page.locator('.people-suggestions p').textContent(), 'Suggestions are worked out on the plan basis.');
    await page.waitForFunction("window.__state && window.__state.basis === 'forecast'");
    await page.close();
  });

  it('opens the person, and the team entry from a cell or the periods list', async () => {
    const { page, answer } = await open(analyzePlans([{ path: 'heatmap.plan.yaml', text: fixture }]));
    await page.locator('#tab-people').click();
    await answer();
    await page.locator('.heatmap th.name button[data-person="olga"]').click();
    assert.deepEqual(await lastPosted(page, 'openPerson'), { type: 'openPerson', person: 'olga' });
    // Week of Apr 6: Web 60% and Shop rebuild 50%; the largest allocation's entry opens.
    await cell(page, 'olga', 1).click();
    assert.deepEqual(await lastPosted(page, 'openPerson'), { type: 'openPerson', person: 'olga', project: 'web' });
    await page.locator('.people-period-list button[data-project="shop"]').click();
    assert.deepEqual(await lastPosted(page, 'openPerson'), { type: 'openPerson', person: 'olga', project: 'shop' });
    await page.close();
  });

  it('shows names from the plan as text', async () => {
    const { page, answer } = await open(analyzePlans([{ path: 'heatmap.plan.yaml', text: hostile }]));
    await page.locator('#tab-people').click();
    await answer();
    await page.locator('.heatmap th.name button[data-person="zed"]').waitFor();
    assert.equal(await page.locator('.heatmap th.name button[data-person="zed"]').textContent(), 'Zed <img src=x onerror=window.__pwned=1> · 100%');
    assert.equal(await page.locator('.people-tab img').count(), 0);
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    await page.close();
  });

  it('draws 1,000 people × 104 weeks with at most 2,000 DOM elements, scrolled anywhere', async () => {
    const analysis = analyzePlans([{ path: 'load.plan.yaml', text: peopleWorkspaceText(1000, 104) }]);
    const { page, answer, heatmaps } = await open(analysis);
    assert.equal(heatmaps.plan.people.length, 1000);
    assert.equal(heatmaps.plan.weeks.length, 104);
    await page.locator('#tab-people').click();
    await answer();
    await page.waitForFunction("performance.getEntriesByName('people:frame').length > 0");
    const first = (await page.evaluate(`({
      elements: document.getElementsByTagName('*').length,
      cells: document.querySelectorAll('.heatmap td.cell').length,
      ms: performance.getEntriesByName('people:frame')[0].startTime - performance.getEntriesByName('people:data')[0].startTime,
    })`)) as { elements: number; cells: number; ms: number };
    console.log(`      first frame of 1,000 × 104: ${first.elements} DOM elements, ${first.cells} cells, ${Math.round(first.ms)} ms from the data (bench/people.bench.mjs measures it)`);
    assert.ok(first.cells > 100, `the cells in view are drawn (${first.cells})`);
    assert.ok(first.elements <= 2000, `${first.elements} DOM elements`);
    // Scrolled to the middle and to the end: still only what is in view.
    for (const to of [0.5, 1]) {
      await page.evaluate(`(() => {
        const scroller = document.querySelector('.heatmap-scroller');
        scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * ${to};
        scroller.scrollLeft = (scroller.scrollWidth - scroller.clientWidth) * ${to};
      })()`);
      await page.locator(to === 1 ? '.heatmap tr[data-row="999"] td.cell[data-week="103"]' : '.heatmap tr[data-row="500"] td.cell[data-week="52"]').waitFor({ state: 'attached' });
      const elements = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
      assert.ok(elements <= 2000, `scrolled to ${to}: ${elements} DOM elements`);
    }
    await page.close();
  });
});
