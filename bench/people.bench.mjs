// The roadmap panel's People tab at scale, in headless Chromium: 1,000 people × 104 weeks
// (test/utils/peopleWorkspace.ts, the workspace of the e2e test), the heatmap worked out by the core as
// the extension does, then dist/webview.js opened on its People tab (the webview state says so) with a
// stand-in for VS Code that answers the page's request with that heatmap. First frame: from the page
// having the data ('people:data', in the message handler) to that frame handed over by the main thread
// ('people:frame'); DOM elements then. Targets (issue 19): ≤ 300 ms, ≤ 2,000 DOM elements.
//
//   npm run build && node bench/people.bench.mjs [--runs 7] [--people 1000] [--weeks 104] [--check]
/* global document, performance */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
export const targets = { firstFrameMs: 300, domElements: 2000 };
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    people: { type: 'string', default: '1000' },
    weeks: { type: 'string', default: '104' },
    check: { type: 'boolean', default: false },
  },
});

const work = join(repo, 'bench', 'work', 'people');
mkdirSync(work, { recursive: true });

// The heatmap, as the extension posts it: the core bundled for Node.
const entry = join(tmpdir(), `plan-people-bench-${process.pid}.ts`);
const script = join(tmpdir(), `plan-people-bench-${process.pid}.cjs`);
writeFileSync(
  entry,
  `import { analyzePlans, peopleHeatmap } from ${JSON.stringify(join(repo, 'src', 'core'))};
import { peopleWorkspaceText } from ${JSON.stringify(join(repo, 'test', 'utils', 'peopleWorkspace'))};
const analysis = analyzePlans([{ path: 'load.plan.yaml', text: peopleWorkspaceText(${Number(options.people)}, ${Number(options.weeks)}) }]);
const started = performance.now();
const { heatmap } = peopleHeatmap(analysis, 'plan');
process.stderr.write(String(performance.now() - started) + '\\n');
process.stdout.write(JSON.stringify(heatmap));
`,
);
await build({ entryPoints: [entry], outfile: script, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
const run = spawnSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
rmSync(entry, { force: true });
rmSync(script, { force: true });
if (run.status !== 0) throw new Error(`the heatmap could not be worked out: ${run.stderr}`);
const heatmapMs = Number(run.stderr.trim().split('\n').pop());
const heatmap = JSON.parse(run.stdout);

const page = join(work, 'people.html');
writeFileSync(
  page,
  [
    '<!DOCTYPE html><html><head><meta charset="utf-8">',
    `<link rel="stylesheet" href="${pathToFileURL(join(repo, 'dist', 'webview.css')).href}">`,
    `<script>window.__heatmap = ${JSON.stringify(heatmap).replace(/</g, '\\u003c')};</script>`,
    `<script>function acquireVsCodeApi() { return {
      postMessage: (m) => { if (m.type === 'people' && m.basis === 'plan') setTimeout(() => window.postMessage({ type: 'people', people: window.__heatmap }, '*'), 0); },
      getState: () => ({ version: 1, tab: 'people', basis: 'plan' }), setState: () => {} }; }</script>`,
    '</head><body><div id="roadmap-app"></div>',
    `<script src="${pathToFileURL(join(repo, 'dist', 'webview.js')).href}"></script>`,
    '</body></html>',
  ].join('\n'),
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--disable-background-networking', '--no-first-run'],
});
const loadAtStart = loadavg().map((v) => Math.round(v * 10) / 10);
const samples = [];
try {
  for (let i = 0; i < Number(options.runs); i++) {
    const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForFunction(() => performance.getEntriesByName('people:frame').length > 0, undefined, { timeout: 60_000 });
    samples.push(
      await tab.evaluate(() => ({
        firstFrameMs: performance.getEntriesByName('people:frame')[0].startTime - performance.getEntriesByName('people:data')[0].startTime,
        renderMs: performance.getEntriesByName('people:render')[0].duration,
        domElements: document.getElementsByTagName('*').length,
        cells: document.querySelectorAll('.heatmap td.cell').length,
      })),
    );
    await tab.close();
  }
} finally {
  await browser.close();
}
const sorted = (key) => samples.map((s) => s[key]).sort((a, b) => a - b);
const median = (key) => Math.round(sorted(key)[Math.floor(samples.length / 2)] * 10) / 10;
const result = {
  people: heatmap.people.length,
  weeks: heatmap.weeks.length,
  heatmapMs: Math.round(heatmapMs),
  firstFrameMs: { median: median('firstFrameMs'), min: Math.round(sorted('firstFrameMs')[0] * 10) / 10, max: Math.round(sorted('firstFrameMs').pop() * 10) / 10, runs: samples.length },
  renderMs: median('renderMs'),
  domElements: Math.max(...samples.map((s) => s.domElements)),
  cells: median('cells'),
  load: { atStart: loadAtStart, atEnd: loadavg().map((v) => Math.round(v * 10) / 10) },
};
mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(join(repo, 'bench', 'results', 'people.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `People tab, ${result.people} people × ${result.weeks} weeks: first frame ${result.firstFrameMs.median} ms median (${result.firstFrameMs.min}–${result.firstFrameMs.max}, ${result.firstFrameMs.runs} runs; target ≤ ${targets.firstFrameMs}), ` +
    `of which drawing ${result.renderMs} ms; ${result.domElements} DOM elements (target ≤ ${targets.domElements}), ${result.cells} cells; ` +
    `the heatmap worked out in ${result.heatmapMs} ms (extension side); load average ${result.load.atStart.join(' ')} → ${result.load.atEnd.join(' ')}`,
);
if (options.check && (result.firstFrameMs.median > targets.firstFrameMs || result.domElements > targets.domElements)) process.exit(1);
