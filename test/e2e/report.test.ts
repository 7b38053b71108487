/**
 * The steering report (`plan-as-code report`, SPEC 9) in a real browser: read with scripts disabled,
 * printed to PDF on A4 and Letter landscape (every program, project and table row in the PDF's text,
 * nothing wider than the page, no control), the problems banner, hostile plan strings, and no request.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { checkPrerequisites, cli, landscape, launchBrowser, openOffline, printedText, repo, runCli, squeeze, type PaperFormat } from '../utils/browser';

interface RollupJson {
  statusDate: string;
  programs: Array<{ id: string; name: string; projects: string[] }>;
  projects: Array<{ id: string; name: string; program: string | null; state: string }>;
  milestones: Array<{ id: string | null; name: string; owner: { kind: string; id: string | null }; date: string; status: string }>;
}

function rollupOf(folder: string): RollupJson {
  const result = spawnSync(process.execPath, [cli, 'rollup', folder, '--format', 'json'], { cwd: repo, encoding: 'utf8' });
  return JSON.parse(result.stdout) as RollupJson;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Milestones not done, due from the status date to 30 days after it, of projects that are not cancelled: worked out from the rollup JSON. */
function dueIn30Days(json: RollupJson): string[] {
  const s = dayNumber(json.statusDate);
  const cancelled = new Set(json.projects.filter((p) => p.state === 'cancelled').map((p) => p.id));
  return json.milestones
    .filter((m) => m.status !== 'done' && !(m.owner.kind === 'project' && cancelled.has(m.owner.id ?? '')))
    .filter((m) => dayNumber(m.date) - s >= 0 && dayNumber(m.date) - s <= 30)
    .map((m) => m.name);
}

/** Every cell of every table body row, as text. */
async function tableCells(page: Page): Promise<string[][]> {
  return page.locator('table tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
}

/** The controls a page might print: none may be in a report. */
const controls = 'button, input, select, textarea, form, [contenteditable], [onclick], a[href]';

describe('steering report in a browser', function () {
  this.timeout(300_000);
  let browser: Browser;
  let work: string;

  before(async () => {
    checkPrerequisites();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-report-'));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  describe('of examples/, read with scripts disabled', () => {
    let page: Page;
    let requests: string[];
    const json = rollupOf('examples');

    before(async () => {
      // A copy outside any git repository: the report has no history to show (SPEC 9).
      const copy = path.join(work, 'examples');
      fs.cpSync(path.join(repo, 'examples'), copy, { recursive: true });
      runCli(['report', copy, '--out', path.join(work, 'examples.html')]);
      ({ page, requests } = await openOffline(browser, path.join(work, 'examples.html'), { javaScript: false }));
    });

    it('has a section per program (data-program), in the order of the roadmap', async () => {
      const sections = await page.locator('section[data-program]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-program')));
      assert.deepEqual([...sections].sort(), json.programs.map((p) => p.id).sort());
      for (const program of json.programs) {
        const section = page.locator(`section[data-program="${program.id}"]`);
        assert.equal(await section.locator('h2').textContent(), `${program.name} ${program.id}`);
        // Health and why in words, the figures with their currency, the roadmap picture, the projects and milestones.
        assert.match((await section.locator('.health-line').textContent()) ?? '', /^(green|amber|red) (Green|Amber|Red) \((on track|at risk|off track)\): .+\.$/);
        assert.ok(((await section.locator('dl.figures').textContent()) ?? '').includes('USD'), `${program.id}: money in USD`);
        assert.ok((await section.locator('svg.roadmap [data-id]').count()) >= 1, `${program.id}: roadmap bars`);
        for (const id of program.projects) assert.equal(await section.locator(`svg.roadmap [data-id="${id}"]`).count(), 1, `${program.id}: bar ${id}`);
        const projects = ((await section.locator('table.projects-table').textContent()) ?? '');
        for (const id of program.projects) assert.ok(projects.includes(id), `${program.id}: project ${id} in the table`);
      }
    });

    it('names every milestone due in the next 30 days', async () => {
      const due = dueIn30Days(json);
      // Worked out by hand for examples/ (S = 2026-09-30, so up to 2026-10-30).
      assert.deepEqual(due.sort(), ['All tier-1 services on Kubernetes', 'Order events on Kafka', 'Report on compliance signed by the assessor', 'Tier-1 services migrated'].sort());
      const section = (await page.locator('#milestones').innerText()).split(/Due in 31/)[0];
      for (const name of due) assert.ok(section.includes(name), `${name} under the next 30 days`);
      assert.equal(await page.locator('#milestones h3').first().textContent(), `Due in the next 30 days (${due.length})`);
    });

    it('lists the missed and at-risk milestones, the open risks by level with owner and mitigation, the open issues with overdue ones flagged', async () => {
      const late = (await page.locator('#milestones table').last().innerText());
      assert.ok(late.includes('Beta on 5% of traffic') && late.includes('missed'), 'checkout-beta is missed');
      assert.ok(late.includes('waits for'), 'why a milestone is at risk');
      const risks = await page.locator('#risks').innerText();
      assert.ok(risks.includes('Card-network certification slips') && risks.includes('Book the certification slot now'), 'risk with mitigation');
      assert.equal(await page.locator('#risks table.level-high tbody tr').count(), 2);
      const issues = await page.locator('#issues').innerText();
      assert.ok(issues.includes('3-D Secure challenge fails on Safari 17'));
    });

    it('has no control, no script, nothing to fetch; the changes and trend are left out without history', async () => {
      assert.equal(await page.locator(controls).count(), 0);
      assert.equal(await page.locator('script, img, iframe, object, embed, link').count(), 0);
      assert.equal(await page.locator('#changes, #trend').count(), 0);
      assert.equal(await page.locator('.problems-banner').count(), 0, 'no errors in examples/');
      assert.deepEqual(requests, []);
    });

    for (const format of ['A4', 'Letter'] as const) {
      it(`prints on ${format} landscape: every program, project and table row in the PDF, nothing wider than the page, no control`, async () => {
        const { text, pages } = await printedText(page, format, path.join(work, `examples-${format}.pdf`));
        const pdf = squeeze(text);
        assert.ok(pages >= 2 + json.programs.length, `${pages} pages: the summary, a page per program, milestones, risks, issues`);
        for (const program of json.programs) assert.ok(pdf.includes(squeeze(program.name)), program.name);
        for (const project of json.projects) {
          assert.ok(pdf.includes(squeeze(project.name)), project.name);
          assert.ok(pdf.includes(project.id), project.id);
        }
        const cells = await tableCells(page);
        assert.ok(cells.length > 50, `${cells.length} rows`);
        for (const row of cells) for (const cell of row) assert.ok(pdf.includes(squeeze(cell)), `cell "${cell}" of row ${row[0]}`);
        await assertFitsPage(page, format);
      });
    }
  });

  describe('of a generated workspace (206 projects in 20 files)', () => {
    it('prints every row of every table on A4 landscape', async () => {
      const { generateWorkspace, writeWorkspace } = await import(pathToFileURL(path.join(repo, 'bench', 'generate.mjs')).href);
      const folder = path.join(work, 'generated');
      writeWorkspace(generateWorkspace('S', 11), folder);
      runCli(['report', folder, '--out', path.join(work, 'generated.html')]);
      const { page, requests } = await openOffline(browser, path.join(work, 'generated.html'), { javaScript: false });
      const json = rollupOf(folder);
      assert.equal(await page.locator('section[data-program]').count(), json.programs.length);
      const { text } = await printedText(page, 'A4', path.join(work, 'generated.pdf'));
      const pdf = squeeze(text);
      for (const project of json.projects) assert.ok(pdf.includes(project.id), project.id);
      const cells = await tableCells(page);
      assert.ok(cells.length >= json.projects.length, `${cells.length} rows`);
      for (const row of cells) for (const cell of row) assert.ok(pdf.includes(squeeze(cell)), `cell "${cell}" of row ${row[0]}`);
      await assertFitsPage(page, 'A4');
      assert.deepEqual(requests, []);
      await page.context().close();
    });
  });

  describe('with an error in a plan', () => {
    it('shows a banner naming the error, on screen with scripts off and in print', async () => {
      const folder = path.join(work, 'broken');
      fs.mkdirSync(folder);
      // A duplicate id: the second 'checkout' would silently join the other program without the banner.
      fs.writeFileSync(path.join(folder, 'a.plan.yaml'), 'program:\n  id: alpha\n  name: Alpha\n  projects:\n    - id: checkout\n      name: Checkout\n      start: 2026-01-05\n      duration: 4w\n');
      fs.writeFileSync(path.join(folder, 'b.plan.yaml'), 'program:\n  id: beta\n  name: Beta\n  status_date: 2026-02-01\n  projects:\n    - id: checkout\n      name: Checkout again\n      start: 2026-01-12\n      duration: 2w\n');
      const stderr = runCli(['report', folder, '--out', path.join(work, 'broken.html')]);
      assert.match(stderr, /the plans have 2 errors/);
      const { page } = await openOffline(browser, path.join(work, 'broken.html'), { javaScript: false });
      const banner = page.locator('.problems-banner');
      assert.ok(await banner.isVisible());
      const said = (await banner.innerText()).replace(/\s+/g, ' ');
      assert.match(said, /The plans have 2 errors in 2 files, 0 warnings\./);
      assert.match(said, /broken\/a\.plan\.yaml:5:11 duplicate-id/);
      assert.match(said, /broken\/b\.plan\.yaml:6:11 duplicate-id/);
      assert.ok(said.includes("'checkout'"), said);
      // The report still shows what can be computed.
      assert.equal(await page.locator('section[data-program]').count(), 2);
      const { text } = await printedText(page, 'A4', path.join(work, 'broken.pdf'));
      assert.ok(squeeze(text).includes(squeeze('The plans have 2 errors in 2 files')));
      assert.ok(squeeze(text).includes('duplicate-id'));
      await page.context().close();
    });
  });

  describe('with hostile plan strings', () => {
    const hostile = {
      program: '"><img src=x onerror="window.__pwned=\'program\';alert(1)">',
      project: '</script><script>window.__pwned="json"</script><!--',
      milestone: '<img src="https://example.invalid/track.png">',
      risk: '<style>*{display:none}</style>',
      mitigation: '<a href="javascript:window.__pwned=1">click</a>',
      issue: '<svg onload="window.__pwned=\'svg\'">x</svg>',
      owner: '<b onmouseover="window.__pwned=1">bob</b>',
      goal: '<iframe src="https://example.invalid/"></iframe>',
    };
    const q = (text: string) => JSON.stringify(text);
    const plan = [
      'program:',
      '  id: prog',
      `  name: ${q(hostile.program)}`,
      `  goal: ${q(hostile.goal)}`,
      `  manager: ${q(hostile.owner)}`,
      '  status_date: 2026-03-01',
      '  milestones:',
      `    - { id: ms, name: ${q(hostile.milestone)}, date: 2026-03-10 }`,
      '  risks:',
      `    - { title: ${q(hostile.risk)}, likelihood: 4, impact: 4, mitigation: ${q(hostile.mitigation)}, owner: ${q(hostile.owner)} }`,
      '  issues:',
      `    - { title: ${q(hostile.issue)}, severity: high, owner: ${q(hostile.owner)}, due: 2026-02-01 }`,
      '  projects:',
      '    - id: p1',
      `      name: ${q(hostile.project)}`,
      '      start: 2026-01-05',
      '      duration: 6w',
      '      budget: 100',
      '      spent: 60',
      '      progress: 40',
      '',
    ].join('\n');

    it('shows every string as text, runs nothing and requests nothing, with scripts on or off', async () => {
      const folder = path.join(work, 'hostile');
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'hostile.plan.yaml'), plan);
      runCli(['report', folder, '--out', path.join(work, 'hostile.html')]);
      for (const javaScript of [false, true]) {
        const { page, requests, dialogs } = await openOffline(browser, path.join(work, 'hostile.html'), { javaScript });
        const text = await page.locator('main').textContent();
        for (const value of Object.values(hostile)) assert.ok(text?.includes(value), `shown as text: ${value}`);
        assert.equal(await page.locator('img, iframe, object, embed, script, a[href], main style, b').count(), 0, 'no element from a plan string');
        assert.equal(await page.locator('section[data-program="prog"]').count(), 1);
        assert.deepEqual(requests, []);
        assert.deepEqual(dialogs, []);
        if (javaScript) {
          assert.equal(await page.evaluate('window.__pwned'), undefined);
          assert.deepEqual(await page.evaluate('window.__violations'), []);
        }
        await page.context().close();
      }
    });
  });
});

/** With print styles on a viewport as wide as the paper's printable area, nothing is wider than it. */
async function assertFitsPage(page: Page, format: PaperFormat): Promise<void> {
  const margin = Math.round((12 / 25.4) * 96);
  const width = landscape[format].width - 2 * margin;
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width, height: landscape[format].height });
  try {
    const widest = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number }; querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { right: number }; className: unknown; tagName: string }> } }).document;
      let right = doc.documentElement.scrollWidth;
      let what = 'the page';
      for (const element of Array.from(doc.querySelectorAll('table, svg.roadmap, .figures, .problems-banner'))) {
        const r = element.getBoundingClientRect().right;
        if (r > right) {
          right = r;
          what = `${element.tagName}.${String(element.className)}`;
        }
      }
      return { right, what };
    });
    assert.ok(widest.right <= width, `${widest.what} is ${widest.right}px wide, more than ${width}px on ${format} landscape`);
  } finally {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1400, height: 900 });
  }
}
