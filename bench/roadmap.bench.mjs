// The roadmap at scale: 10,000 projects (bench/generate.mjs, size L) rendered to HTML by the CLI and
// opened in headless Chromium. Measures the first frame (from the data arriving in the page to the
// first paint of the bars), the DOM size, scrolling and zooming, and the webview bundle's size.
// Prints a summary and writes bench/results/roadmap.json. Targets: first frame ≤ 300 ms, ≤ 2,000 DOM
// elements, bundle ≤ 150 KB minified; `--check` exits 1 when one is missed.
//
//   npm run bench:roadmap                     (builds first)
//   node bench/roadmap.bench.mjs [--size L] [--runs 5] [--check]
//
// Other benchmarks can call runRoadmapBench() and merge its result.
/* global document, performance, requestAnimationFrame, KeyboardEvent */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { generateWorkspace, writeWorkspace } from './generate.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
export const targets = { firstFrameMs: 300, domElements: 2000, bundleKB: 150 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const round = (value) => Math.round(value * 10) / 10;

/** The webview bundle as the production build makes it (minified), and gzipped. */
async function bundleSize() {
  const result = await build({
    entryPoints: [join(repo, 'src', 'webview', 'main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome114', 'firefox115', 'safari16'],
    write: false,
    outdir: join(repo, 'bench', 'work', 'bundle'),
    logLevel: 'warning',
  });
  const js = result.outputFiles.find((file) => file.path.endsWith('.js')).contents;
  const css = result.outputFiles.find((file) => file.path.endsWith('.css')).contents;
  return { jsKB: round(js.length / 1024), cssKB: round(css.length / 1024), gzipKB: round((gzipSync(js).length + gzipSync(css).length) / 1024) };
}

/** One page load: first-frame timings, DOM size, then scrolling and zooming. */
async function measurePage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('roadmap:painted').length > 0, undefined, { timeout: 60_000 });
  const load = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const render = performance.getEntriesByName('roadmap:render')[0];
    return {
      // 'roadmap:data' is set just before the embedded JSON is parsed (in VS Code: when the message arrives).
      firstFrameMs: at('roadmap:painted') - at('roadmap:data'),
      renderMs: render.duration,
      parseMs: render.startTime - at('roadmap:data'),
      projects: JSON.parse(document.getElementById('roadmap-data').textContent).bars.length,
      domElements: document.getElementsByTagName('*').length,
      barsInDom: document.querySelectorAll('.chart [data-id]').length,
    };
  });

  // Scroll down the rows fast (300 px a frame) and across time, recording each frame's length.
  const scroll = await page.evaluate(async () => {
    const scroller = document.querySelector('.scroller');
    const frames = [];
    let last = await new Promise((resolve) => requestAnimationFrame(resolve));
    let maxElements = 0;
    for (let i = 0; i < 120; i++) {
      scroller.scrollTop += 300;
      if (i % 4 === 0) scroller.scrollLeft += 120;
      const now = await new Promise((resolve) => requestAnimationFrame(resolve));
      frames.push(now - last);
      last = now;
      if (i % 10 === 0) maxElements = Math.max(maxElements, document.getElementsByTagName('*').length);
    }
    return { frames, maxElements, barsInDom: document.querySelectorAll('.chart [data-id]').length };
  });

  // Zoom in and out with the keyboard; time each step until the next frame.
  const zoom = await page.evaluate(async () => {
    const scroller = document.querySelector('.scroller');
    const steps = [];
    for (const key of ['+', '+', '+', '+', '-', '-', '-', '-', '-', '-']) {
      const start = performance.now();
      scroller.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      steps.push(performance.now() - start);
    }
    return { steps, domElements: document.getElementsByTagName('*').length };
  });
  await page.close();
  return { ...load, scroll, zoom, errors };
}

export async function runRoadmapBench({ size = 'L', runs = 5, chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', log = console.log } = {}) {
  const work = join(repo, 'bench', 'work', `roadmap-${size}`);
  const html = join(repo, 'bench', 'work', `roadmap-${size}.html`);
  writeWorkspace(generateWorkspace(size, 42), work);
  const started = performance.now();
  const cli = spawnSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'render', work, '--out', html], { encoding: 'utf8' });
  const cliMs = performance.now() - started;
  if (cli.status !== 0) throw new Error(`render failed: ${cli.stderr}`);

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const samples = [];
  try {
    for (let i = 0; i < runs; i++) samples.push(await measurePage(browser, pathToFileURL(html).href));
  } finally {
    await browser.close();
  }
  const frames = samples.flatMap((s) => s.scroll.frames);
  const zoomSteps = samples.flatMap((s) => s.zoom.steps);
  const bundle = await bundleSize();
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    size,
    projects: samples[0].projects,
    runs,
    viewport: '1440x900',
    cliRenderMs: Math.round(cliMs),
    htmlMB: round(statSync(html).size / 1024 / 1024),
    firstFrameMs: { median: round(median(samples.map((s) => s.firstFrameMs))), max: round(Math.max(...samples.map((s) => s.firstFrameMs))) },
    jsonParseMs: round(median(samples.map((s) => s.parseMs))),
    renderMs: round(median(samples.map((s) => s.renderMs))),
    domElements: Math.max(...samples.map((s) => s.domElements)),
    barsInDom: samples[0].barsInDom,
    scroll: {
      frameMsMedian: round(median(frames)),
      frameMsP95: round(percentile(frames, 0.95)),
      frameMsMax: round(Math.max(...frames)),
      maxDomElements: Math.max(...samples.map((s) => s.scroll.maxElements)),
    },
    zoom: { stepMsMedian: round(median(zoomSteps)), stepMsMax: round(Math.max(...zoomSteps)), domElements: Math.max(...samples.map((s) => s.zoom.domElements)) },
    bundle,
    pageErrors: samples.flatMap((s) => s.errors),
    targets,
  };
  result.meetsTargets =
    result.firstFrameMs.median <= targets.firstFrameMs &&
    Math.max(result.domElements, result.scroll.maxDomElements, result.zoom.domElements) <= targets.domElements &&
    bundle.jsKB + bundle.cssKB <= targets.bundleKB &&
    result.pageErrors.length === 0;
  log(
    [
      `roadmap, ${result.projects.toLocaleString('en-US')} projects (${size}), ${runs} runs, Chromium headless ${result.viewport}`,
      `  first frame      ${result.firstFrameMs.median} ms median, ${result.firstFrameMs.max} ms max (JSON.parse ${result.jsonParseMs} ms, render ${result.renderMs} ms)   target ≤ ${targets.firstFrameMs} ms`,
      `  DOM elements     ${result.domElements} at first frame, ${result.scroll.maxDomElements} while scrolling, ${result.zoom.domElements} after zooming   target ≤ ${targets.domElements}`,
      `  scrolling        frame ${result.scroll.frameMsMedian} ms median, ${result.scroll.frameMsP95} ms p95, ${result.scroll.frameMsMax} ms max`,
      `  zooming          step ${result.zoom.stepMsMedian} ms median, ${result.zoom.stepMsMax} ms max`,
      `  bundle           ${bundle.jsKB} KB js + ${bundle.cssKB} KB css minified (${bundle.gzipKB} KB gzipped)   target ≤ ${targets.bundleKB} KB`,
      `  CLI render       ${result.cliRenderMs} ms for a ${result.htmlMB} MB HTML file`,
      `  ${result.meetsTargets ? 'meets' : 'MISSES'} the targets${result.pageErrors.length ? `; page errors: ${result.pageErrors.join('; ')}` : ''}`,
    ].join('\n'),
  );
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'L' }, runs: { type: 'string', default: '5' }, check: { type: 'boolean', default: false } } });
  if (!existsSync(join(repo, 'dist', 'cli.js'))) {
    console.error('dist/cli.js is missing: run `npm run build` (or `npm run bench:roadmap`)');
    process.exit(2);
  }
  const result = await runRoadmapBench({ size: values.size, runs: Number(values.runs) });
  mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'results', 'roadmap.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log('wrote bench/results/roadmap.json');
  if (values.check && !result.meetsTargets) process.exit(1);
}
