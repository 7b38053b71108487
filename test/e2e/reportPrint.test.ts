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
import { checkPrerequisites, launchBrowser, openOffline, runCli, squeeze, type PaperFormat } from '../utils/browser';
import { HISTORY_DATES, STATUS_DATE, steeringHistory, steeringPrograms } from './steeringWorkspace';
import type { GitFixture } from '../utils/plans';

describe('steering report of 12 programs, on screen and on paper', function () {
  this.timeout(300_000);
  let browser: Browser;
  let work: string;
  let git: GitFixture;
  let subjects: string[];
  let page: Page;
  const { programs } = steeringPrograms(12);

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
      // Back to no emulation: page.pdf prints with screen styles while 'screen' is emulated.
      await page.emulateMedia({ media: null });
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

  it('keeps the summary alone on page 1 when it is short (3 programs)', async () => {
    const folder = path.join(work, 'three');
    fs.mkdirSync(folder, { recursive: true });
    for (const [name, text] of Object.entries(steeringPrograms(3).files)) fs.writeFileSync(path.join(folder, name), text);
    runCli(['report', folder, '--out', path.join(work, 'three.html'), '--status-date', STATUS_DATE]);
    const { page: three } = await openOffline(browser, path.join(work, 'three.html'), { javaScript: false });
    const pages = await printedPages(three, 'A4', path.join(work, 'three.pdf'));
    assert.ok(squeeze(pages[0].text).includes('Executivesummary'));
    assert.ok(!squeeze(pages[0].text).includes('FiguresinUSD'), 'no program section on page 1');
    assert.ok(squeeze(pages[1].text).includes('FiguresinUSD'), 'the program sections from page 2');
    await three.context().close();
  });

  it('fits the summary on page 1 for 12 programs with long names, each with a missed milestone, and someone over capacity (A4 and Letter)', async () => {
    const folder = path.join(work, 'long');
    fs.mkdirSync(folder, { recursive: true });
    const lines = ['people:', '  - { id: olga, name: Olga Ivanova }', '---', 'portfolio:', '  id: big', '  name: Big portfolio with twelve programs', '  status_date: 2026-06-15'];
    const names: string[] = [];
    for (let p = 0; p < 12; p++) {
      const name = `Program number ${p} with a rather long descriptive name for steering`;
      names.push(name);
      lines.push('---', 'program:', `  id: prog${p}`, `  name: ${name}`, '  portfolio: big', '  milestones:', `    - { id: m${p}, name: Milestone ${p} gate review, date: 2026-06-1${p % 3} }`, '  projects:');
      for (let j = 0; j < 4; j++) {
        // Olga on the last project of the first two programs (April to July): over capacity after the status date.
        const team = p < 2 && j === 3 ? `, team: [{ person: olga, allocation: 60 }]` : '';
        lines.push(`    - { id: p${p}-${j}, name: Project ${p}.${j} of the program with a long name, start: 2026-0${1 + j}-01, duration: ${60 + 20 * j}d, budget: ${100 + 50 * j}000, spent: ${40 + 9 * j}000, progress: ${10 + 12 * j}${team} }`);
      }
    }
    fs.writeFileSync(path.join(folder, 'big.plan.yaml'), `${lines.join('\n')}\n`);
    runCli(['report', folder, '--out', path.join(work, 'long.html')]);
    const { page: long } = await openOffline(browser, path.join(work, 'long.html'), { javaScript: false });
    for (const format of ['A4', 'Letter'] as const) {
      const pages = await printedPages(long, format, path.join(work, `long-${format}.pdf`));
      const first = squeeze(pages[0].text);
      for (const [i, name] of names.entries()) assert.ok(first.includes(squeeze(name)) && first.includes(`prog${i}`), `${format}: ${name} on page 1`);
      assert.ok(first.includes('Milestonesmissedoratrisk'), `${format}: the milestones at risk on page 1`);
      // The panel's five rows (the latest missed), each whole on page 1, and none of them on page 2.
      const milestones = (pages[0].text.match(/Milestone \d+ gate review m\d+/g) ?? []).length;
      assert.equal(milestones, 5, `${format}: ${milestones} of the 5 milestones on page 1`);
      assert.ok(first.includes('Overcapacity,next90days:OlgaIvanova'), `${format}: the people over capacity on page 1`);
      assert.ok(squeeze(pages[1].text).includes('FiguresinUSD'), `${format}: the program sections from page 2`);
    }
    await long.context().close();
  });

  for (const format of ['A4', 'Letter'] as const) {
    describe(`printed on ${format} landscape`, () => {
      let pages: PrintedPage[];
      before(async () => {
        pages = await printedPages(page, format, path.join(work, `report-${format}.pdf`));
      });

      it('opens with the executive summary alone on page 1: every program by name, nothing of the per-program sections', () => {
        const first = squeeze(pages[0].text);
        assert.ok(first.includes('Executivesummary'), first.slice(0, 200));
        for (const program of programs) assert.ok(first.includes(squeeze(program.name)) && first.includes(program.id), `${program.name} on page 1`);
        assert.ok(first.includes('Milestonesmissedoratrisk'), 'the milestones at risk on page 1');
        // What only the program sections say: their figures' currency line, roadmap, project and milestone tables.
        for (const mark of ['FiguresinUSD', 'Roadmap', 'ProjectStateHealth', 'Dueinthenext30days', 'Openrisks(']) assert.ok(!first.includes(mark), `page 1 has "${mark}"`);
        assert.ok(squeeze(pages[1].text).includes('FiguresinUSD'), 'the program sections start on page 2');
      });

      it("puts each program's headline fact first in its why, then the indices", async () => {
        const whys = await page.locator('#summary table.programs-table tbody tr').evaluateAll((rows) => rows.map((row) => row.children[2].textContent ?? ''));
        assert.equal(whys.length, 12);
        for (const why of whys) assert.match(why, /^('[^']+' ends \d+ days? late \(forecast \d{4}-\d\d-\d\d\)|milestone '[^']+' (missed|at risk)[^;]*); CPI \d\.\d\d/, why);
      });

      it('leaves no page but the last less than half full', () => {
        const thin = pages.slice(0, -1).flatMap((p, i) => (p.bottom < p.height / 2 ? [`page ${i + 1} ends at ${Math.round(p.bottom)} of ${Math.round(p.height)}pt`] : []));
        assert.deepEqual(thin, [], `${pages.length} pages`);
      });

      it('cuts no table row across pages, and repeats the header on every page a table spans', async () => {
        const tables = await page.locator('table').evaluateAll((nodes) =>
          nodes.map((table) => ({
            head: [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
            rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent ?? '')),
          })),
        );
        const texts = pages.map((p) => squeeze(p.text));
        const cut: string[] = [];
        const unlabelled: string[] = [];
        let spanning = 0;
        for (const table of tables) {
          const head = squeeze(table.head.join(''));
          const spans = new Set<number>();
          for (const row of table.rows) {
            const cells = row.map(squeeze).filter((cell) => cell.length >= 2);
            // The pages holding every cell of the row (a row's text can also be in another table elsewhere).
            const homes = texts.flatMap((text, i) => (cells.every((cell) => text.includes(cell)) ? [i] : []));
            if (homes.length === 0) cut.push(row.join(' | '));
            else if (!homes.some((i) => texts[i].includes(head))) unlabelled.push(`pages ${homes.map((i) => i + 1).join(', ')}: ${table.head.join(' | ')} for ${row[0]}`);
            else spans.add(homes.find((i) => texts[i].includes(head))!);
          }
          if (spans.size > 1) spanning++;
        }
        assert.deepEqual(cut, [], 'rows whose cells are not all on one page');
        assert.deepEqual(unlabelled, [], 'pages with rows of a table but not its header');
        assert.ok(spanning >= 1, 'some table spans pages (else the header test proves nothing)');
      });
    });
  }
});

interface PrintedPage {
  readonly text: string;
  /** Page height and the lowest text on it, in PDF points from the top. */
  readonly height: number;
  readonly bottom: number;
}

/** Prints the page to PDF and reads each printed page's text (pdftotext -raw) and how far down its text reaches (pdftotext -bbox). */
async function printedPages(page: Page, format: PaperFormat, file: string): Promise<PrintedPage[]> {
  await page.pdf({ path: file, format, landscape: true });
  const raw = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(raw.status, 0, raw.stderr);
  const bbox = spawnSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(bbox.status, 0, bbox.stderr);
  const texts = raw.stdout.split('\f').slice(0, -1);
  const boxes = [...bbox.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((m) => ({
    height: Number(m[2]),
    bottom: Math.max(0, ...[...m[3].matchAll(/yMax="([\d.]+)"/g)].map((w) => Number(w[1]))),
  }));
  assert.equal(boxes.length, texts.length);
  return texts.map((text, i) => ({ text, ...boxes[i] }));
}
