/**
 * The roadmap panel's schedule quality (SPEC 11) in headless Chromium: dist/webview.js runs as in VS Code
 * (a stand-in for `acquireVsCodeApi` records what the page posts) and is sent a render model built with
 * the quality thresholds, as the panel builds it. Each failing metric names its offenders; clicking one
 * posts `open` with its id, as clicking a bar does; plan strings show as text; a model without quality
 * (an export) shows none.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyzePlans, buildRoadmap, defaultQualityThresholds } from '../../src/core';

const repo = path.resolve(__dirname, '..', '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// S = Feb 1. build → launch linked; docs (Jan 20 .. Jan 29) alone: missing logic 1 of 3; no budget or
// team: missing resources; planned but starting before S: invalid dates; float = (Mar 31 − 9 = Mar 22)
// − Jan 20 = 61 > 44: high float; due by S and not done: missed 1 of 1, bei 0 / 1. Six metrics fail.
const text = `version: 1
program:
  id: alpha
  name: Alpha
  status_date: 2026-02-01
  projects:
    - id: build
      name: Build
      start: 2026-02-05
      end: 2026-03-01
      budget: 2000
    - id: launch
      name: Launch
      depends_on: [build]
      duration: 30d
      budget: 1000
    - id: docs
      name: "Docs <img src=x onerror=window.__pwned=1>"
      start: 2026-01-20
      duration: 10d
      state: planned
`;

describe('the roadmap panel: schedule quality, in a browser', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  let work: string;

  const posted = async () => (await page.evaluate('window.__posted')) as Array<{ type: string; id?: string }>;
  const send = (message: unknown) => page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  const analysis = analyzePlans([{ path: 'alpha.plan.yaml', text }]);

  before(async () => {
    const script = path.join(repo, 'dist', 'webview.js');
    if (!fs.existsSync(script)) throw new Error('dist/webview.js is missing: run `npm run build`');
    if (!fs.existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}`);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-as-code-quality-'));
    const file = path.join(work, 'webview.html');
    fs.writeFileSync(
      file,
      [
        '<!DOCTYPE html><html><head><meta charset="utf-8">',
        `<link rel="stylesheet" href="${pathToFileURL(path.join(repo, 'dist', 'webview.css')).href}">`,
        '<script>window.__posted = []; function acquireVsCodeApi() { return { postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} }; }</script>',
        '</head><body><div id="roadmap-app"></div>',
        `<script src="${pathToFileURL(script).href}"></script>`,
        '</body></html>',
      ].join('\n'),
    );
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction("window.__posted.some((m) => m.type === 'ready')");
    await send({ type: 'model', model: buildRoadmap(analysis, { quality: defaultQualityThresholds }) });
    await page.locator('details.quality summary').waitFor();
  });

  after(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('sums up the failing metrics and, opened, names each one\'s offenders', async () => {
    assert.equal(await page.locator('details.quality summary').textContent(), 'Schedule quality: 6 of 9 metrics fail');
    await page.locator('details.quality summary').click();
    const failing = await page.locator('details.quality li.failing').evaluateAll((items) => items.map((li) => li.getAttribute('data-metric')));
    assert.deepEqual(failing, ['missing-logic', 'high-float', 'invalid-dates', 'missing-resources', 'missed', 'bei']);
    const logic = page.locator('details.quality li[data-metric="missing-logic"]');
    assert.match((await logic.textContent()) ?? '', /^Missing logic: 33\.3% \(passes ≤ 5%\)/);
    assert.deepEqual(await logic.locator('button[data-open]').allTextContents(), ['Docs <img src=x onerror=window.__pwned=1>']);
    assert.equal(await page.evaluate('window.__pwned'), undefined, 'the name shows as text');
  });

  it('clicking an offender posts open with its id, as clicking a bar does', async () => {
    await page.locator('details.quality li[data-metric="missing-resources"] button[data-open="docs"]').click();
    const last = (await posted()).filter((m) => m.type === 'open').pop();
    assert.deepEqual(last, { type: 'open', id: 'docs' });
  });

  it('a model without quality (an export) shows no quality section', async () => {
    await send({ type: 'model', model: buildRoadmap(analysis) });
    await page.waitForFunction("document.querySelector('details.quality').hidden === true");
  });
});
