// The roadmap at scale, in headless Chromium, side by side with Mermaid on the same machine and data:
//   - ours, 10,000 projects: `plan-as-code render` of bench/generate.mjs's L to HTML, opened as a file.
//     First frame: from the page's script having the data ('roadmap:data', before it parses anything)
//     to that frame on screen ('roadmap:painted', the browser's first contentful paint: nothing was
//     painted before it), checked to hold bars and no figures yet — since 2c9b810 the poster, the first
//     screen painted on a canvas from a small block of the file (src/webview/poster.ts); also the
//     outline's frame handed over by the main thread (it replaces the poster), the time from opening
//     the file, and the frame with the figures. DOM size, scrolling, zooming and the webview bundle's size.
//   - Mermaid: a gantt of the first 1,000 scheduled projects of L (workspace order, our dates), from
//     the mermaid.render() call to its SVG, to the frame with it handed over, and to that frame on screen.
//   - ours, like for like: our HTML export of exactly those 1,000 projects, measured as the 10,000.
// The three are measured in turn, run after run, so that the machine's load falls on all alike.
// Prints a summary and writes bench/results/roadmap.json. Targets: first frame ≤ 300 ms, ≥ 10× faster
// than Mermaid draws 1,000, ≤ 2,000 DOM elements, bundle ≤ 150 KB minified; `--check` exits 1 when
// one is missed.
//
//   npm run bench:roadmap                     (builds first)
//   node bench/roadmap.bench.mjs [--size L] [--runs 7] [--count 1000] [--no-mermaid] [--check]
//
// Other benchmarks can call runRoadmapBench() and merge its result.
/* global document, performance, requestAnimationFrame, KeyboardEvent, setTimeout, clearTimeout */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { generateWorkspace, writeWorkspace } from './generate.mjs';
import { mermaidRender, npmPeers, peersDir } from './peers.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
export const targets = { firstFrameMs: 300, mermaidRatio: 10, domElements: 2000, bundleKB: 150 };
const viewport = { width: 1440, height: 900 };

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => sorted(values)[Math.floor(values.length / 2)];
const percentile = (values, p) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * p))];
const round = (value) => Math.round(value * 10) / 10;
/** Median and spread of several runs. */
const spread = (values) => ({ median: round(median(values)), min: round(Math.min(...values)), max: round(Math.max(...values)), runs: values.length });

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

/**
 * The Mermaid gantt of the first `count` scheduled projects and our HTML export of the same projects,
 * both from one analysis (bench/core.bench.ts, bundled for Node).
 */
async function likeForLikeInputs(workspace, count, ganttFile, htmlFile) {
  const script = join(tmpdir(), `plan-roadmap-subset-${process.pid}.cjs`);
  await build({ entryPoints: [join(repo, 'bench', 'core.bench.ts')], outfile: script, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  try {
    const run = spawnSync(process.execPath, [script, 'gantt', workspace, '--count', String(count), '--out', ganttFile, '--html', htmlFile, '--assets', join(repo, 'dist')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`core.bench gantt exited ${run.status}: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
    return JSON.parse(run.stdout.trim().split('\n').pop());
  } finally {
    rmSync(script, { force: true });
  }
}

/** One page load of an export: the first frame's timings and what it showed, and the DOM size once the figures are in. */
async function firstFrame(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('roadmap:figures').length > 0, undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(name)[0];
    const data = mark('roadmap:data').startTime;
    const render = mark('roadmap:render');
    const painted = mark('roadmap:painted');
    return {
      // From the script having the data (before it parses any) to the first frame on screen.
      firstFrameMs: painted.startTime - data,
      // … to the outline's frame (the SVG chart, after the poster) handed over by the main thread (raster and display follow).
      frameMs: mark('roadmap:frame').startTime - data,
      // The poster on screen, then parsing the outline and preparing the view; then drawing it (all on the main thread).
      beforeRenderMs: render.startTime - data,
      renderMs: render.duration,
      // From opening the file: reading the HTML up to the script, compiling it, and the above.
      fromOpeningMs: painted.startTime,
      figuresMs: mark('roadmap:figures').startTime - data,
      shown: painted.detail,
      projects: JSON.parse(document.getElementById('roadmap-outline').textContent).bars.id.length,
      domElements: document.getElementsByTagName('*').length,
      barsInDom: document.querySelectorAll('.chart [data-id]').length,
    };
  });
}

/**
 * The floor: a page that does next to nothing — its script draws 13 bars on a canvas (what our first
 * frame shows of L) — measured as our first frame is, from its script having run ('floor:data') to the
 * browser's first contentful paint. What this Chromium on this machine takes to put any first frame on
 * screen; no page can beat it.
 */
const floorPage = (leading = '') => `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0}canvas{display:block}</style></head>
<body><canvas id="c" width="1440" height="900"></canvas>${leading}<script>
performance.mark('floor:data');
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') performance.mark('floor:painted', { startTime: entry.startTime });
}).observe({ type: 'paint', buffered: true });
const c = document.getElementById('c').getContext('2d');
for (let i = 0; i < 13; i++) { c.fillStyle = '#3b82f6'; c.fillRect(240 + 37 * i, 60 + 28 * i, 320, 18); c.fillStyle = '#111'; c.fillText('Project ' + i, 8, 73 + 28 * i); }
</script></body></html>`;

/**
 * The floor carrying our file's weight: the same page with as much inert text before its script as our
 * export has in its data blocks (poster, outline and details, in data blocks of the same kinds) — whether
 * a page of that size is slower to put a first frame on screen once its script runs. (Until 2c9b810 the
 * details came after our script and this page carried as many bytes after its own: at 222ce8e, load 0.8,
 * 26.9 ms against the floor's 32.7 ms; at 2c9b810 a page of ours held its first paint until it had read
 * them, so they moved before the script.)
 */
function loadedFloorPage(html) {
  const text = readFileSync(html, 'utf8');
  const blocks = [...text.matchAll(/<script type="(application\/[a-z]+)" id="[^"]+">([^<]*)<\/script>/g)];
  return floorPage(blocks.map(([, type, data]) => `<script type="${type}">${'A'.repeat(data.length)}</script>`).join('\n'));
}

async function floorFrame(browser, url) {
  const page = await browser.newPage({ viewport });
  try {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('floor:painted').length > 0, undefined, { timeout: 60_000 });
    return await page.evaluate(() => performance.getEntriesByName('floor:painted')[0].startTime - performance.getEntriesByName('floor:data')[0].startTime);
  } finally {
    await page.close();
  }
}

/** Longer than any frame of a working page on a busy machine; a frame not delivered by then fails the run. */
const FRAME_TIMEOUT_MS = 10_000;

/** One page load of our export: the first frame, then scrolling and zooming. */
async function measurePage(browser, url, { interact }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const load = await firstFrame(page, url);
  if (!interact) {
    await page.close();
    return { ...load, errors };
  }

  // Scroll down the rows fast (300 px a frame) and across time, recording each frame's length.
  const scroll = await page.evaluate(async (frameTimeoutMs) => {
    // A frame that does not come is an error with its step, not a bench that waits for ever.
    const nextFrame = (step) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`scrolling: no animation frame within ${frameTimeoutMs} ms at step ${step}`)), frameTimeoutMs);
        requestAnimationFrame((now) => {
          clearTimeout(timer);
          resolve(now);
        });
      });
    const scroller = document.querySelector('.scroller');
    const frames = [];
    let last = await nextFrame(-1);
    let maxElements = 0;
    for (let i = 0; i < 120; i++) {
      scroller.scrollTop += 300;
      if (i % 4 === 0) scroller.scrollLeft += 120;
      const now = await nextFrame(i);
      frames.push(now - last);
      last = now;
      if (i % 10 === 0) maxElements = Math.max(maxElements, document.getElementsByTagName('*').length);
    }
    return { frames, maxElements, barsInDom: document.querySelectorAll('.chart [data-id]').length };
  }, FRAME_TIMEOUT_MS);

  // Zoom in and out with the keyboard; time each step until the next frame.
  const zoom = await page.evaluate(async (frameTimeoutMs) => {
    const scroller = document.querySelector('.scroller');
    const steps = [];
    for (const [step, key] of ['+', '+', '+', '+', '-', '-', '-', '-', '-', '-'].entries()) {
      const start = performance.now();
      scroller.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`zooming: no animation frame within ${frameTimeoutMs} ms at step ${step}`)), frameTimeoutMs);
        requestAnimationFrame(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      steps.push(performance.now() - start);
    }
    return { steps, domElements: document.getElementsByTagName('*').length };
  }, FRAME_TIMEOUT_MS);
  await page.close();
  return { ...load, scroll, zoom, errors };
}

/** The commit measured, and whether the working tree differed from it. */
function gitCommit() {
  const git = (args) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  const head = git(['rev-parse', 'HEAD']);
  if (head.status !== 0) return null;
  return { commit: head.stdout.trim(), dirty: git(['status', '--porcelain', '--untracked-files=no']).stdout.trim() !== '' };
}

/** What a first frame must have shown for its time to count: bars, no figures yet, its time on screen from the browser. */
function checkFirstFrames(samples, label) {
  const wrong = samples.filter((s) => !(s.shown?.bars > 0 && s.shown.figures === false && s.shown.clock === 'first-contentful-paint'));
  return wrong.map((s) => `${label}: a first frame showed ${JSON.stringify(s.shown)}`);
}

export async function runRoadmapBench({ size = 'L', runs = 7, count = 1000, mermaid = true, chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', log = console.log } = {}) {
  const work = join(repo, 'bench', 'work', `roadmap-${size}`);
  const html = join(repo, 'bench', 'work', `roadmap-${size}.html`);
  const subsetHtml = join(repo, 'bench', 'work', `roadmap-${size}-${count}.html`);
  const gantt = join(repo, 'bench', 'work', `roadmap-${size}-${count}.mmd`);
  writeWorkspace(generateWorkspace(size, 42), work);
  const loadAtStart = loadavg().map(round);
  const started = performance.now();
  // With bench/gc-probe.mjs preloaded: the process's garbage collection time, as for the other commands.
  const gcOut = join(tmpdir(), `plan-bench-render-gc-${process.pid}.json`);
  const cli = spawnSync(process.execPath, ['--import', pathToFileURL(join(repo, 'bench', 'gc-probe.mjs')).href, join(repo, 'dist', 'cli.js'), 'render', work, '--out', html], { encoding: 'utf8', env: { ...process.env, PLAN_BENCH_GC_OUT: gcOut } });
  const cliMs = performance.now() - started;
  let cliRenderGc;
  try {
    const { gcMs, collections, totalMs } = JSON.parse(readFileSync(gcOut, 'utf8'));
    cliRenderGc = { sharePercent: round((gcMs / totalMs) * 100), gcMs: Math.round(gcMs), totalMs: Math.round(totalMs), collections };
  } catch {
    cliRenderGc = undefined;
  }
  rmSync(gcOut, { force: true });
  if (cli.status !== 0) throw new Error(`render failed: ${cli.stderr}`);
  const subset = await likeForLikeInputs(work, count, gantt, subsetHtml);
  const mermaidBundle = join(peersDir, 'node_modules', 'mermaid', 'package.json');
  const mermaidSkipped = !mermaid ? '--no-mermaid' : existsSync(mermaidBundle) ? undefined : `Mermaid ${npmPeers.mermaid} is not installed in bench/.peers (npm run bench installs it)`;

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const ours = [];
  const oursSubset = [];
  const peer = [];
  const floor = [];
  const loadedFloor = [];
  const floorHtml = join(tmpdir(), `plan-roadmap-floor-${process.pid}.html`);
  const loadedFloorHtml = join(tmpdir(), `plan-roadmap-floor-loaded-${process.pid}.html`);
  writeFileSync(floorHtml, floorPage());
  writeFileSync(loadedFloorHtml, loadedFloorPage(html));
  try {
    for (let i = 0; i < runs; i++) {
      floor.push(await floorFrame(browser, pathToFileURL(floorHtml).href));
      loadedFloor.push(await floorFrame(browser, pathToFileURL(loadedFloorHtml).href));
      ours.push(await measurePage(browser, pathToFileURL(html).href, { interact: true }));
      oursSubset.push(await measurePage(browser, pathToFileURL(subsetHtml).href, { interact: false }));
      if (!mermaidSkipped) peer.push(await mermaidRender(browser, readFileSync(gantt, 'utf8'), viewport));
    }
  } finally {
    await browser.close();
    rmSync(floorHtml, { force: true });
    rmSync(loadedFloorHtml, { force: true });
  }
  const loadAtEnd = loadavg().map(round);
  const frames = ours.flatMap((s) => s.scroll.frames);
  const zoomSteps = ours.flatMap((s) => s.zoom.steps);
  const bundle = await bundleSize();
  const pick = (samples, key) => spread(samples.map((s) => s[key]));
  const presented = peer.map((s) => s.presentedMs).filter((v) => v !== undefined);
  const mermaidResult = mermaidSkipped
    ? { skipped: mermaidSkipped }
    : {
        version: npmPeers.mermaid,
        projects: subset.projects,
        renderMs: pick(peer, 'renderMs'),
        paintedMs: pick(peer, 'paintedMs'),
        presentedMs: presented.length === peer.length ? spread(presented) : null,
        domNodes: peer[0].domNodes,
      };
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    git: gitCommit(),
    loadAverage: { start: loadAtStart, end: loadAtEnd },
    size,
    projects: ours[0].projects,
    runs,
    viewport: `${viewport.width}x${viewport.height}`,
    cliRenderMs: Math.round(cliMs),
    cliRenderGc,
    htmlMB: round(statSync(html).size / 1024 / 1024),
    outlineKB: round(Buffer.byteLength(/<script type="application\/json" id="roadmap-outline">([^<]*)<\/script>/.exec(readFileSync(html, 'utf8'))[1]) / 1024),
    firstFrameMs: pick(ours, 'firstFrameMs'),
    frameMs: pick(ours, 'frameMs'),
    beforeRenderMs: pick(ours, 'beforeRenderMs'),
    renderMs: pick(ours, 'renderMs'),
    fromOpeningMs: pick(ours, 'fromOpeningMs'),
    figuresMs: pick(ours, 'figuresMs'),
    firstFrameShows: ours[0].shown,
    floorMs: spread(floor.map(round)),
    loadedFloorMs: spread(loadedFloor.map(round)),
    domElements: Math.max(...ours.map((s) => s.domElements)),
    barsInDom: ours[0].barsInDom,
    scroll: {
      frameMsMedian: round(median(frames)),
      frameMsP95: round(percentile(frames, 0.95)),
      frameMsMax: round(Math.max(...frames)),
      maxDomElements: Math.max(...ours.map((s) => s.scroll.maxElements)),
    },
    zoom: { stepMsMedian: round(median(zoomSteps)), stepMsMax: round(Math.max(...zoomSteps)), domElements: Math.max(...ours.map((s) => s.zoom.domElements)) },
    mermaid: mermaidResult,
    likeForLike: {
      projects: oursSubset[0].projects,
      sameAsMermaid: subset.projects === oursSubset[0].projects,
      firstFrameMs: pick(oursSubset, 'firstFrameMs'),
      frameMs: pick(oursSubset, 'frameMs'),
      fromOpeningMs: pick(oursSubset, 'fromOpeningMs'),
    },
    bundle,
    pageErrors: [...ours, ...oursSubset].flatMap((s) => s.errors),
    targets,
  };
  result.problems = [...checkFirstFrames(ours, `${result.projects} projects`), ...checkFirstFrames(oursSubset, `${count} projects`), ...result.pageErrors];
  if (!mermaidSkipped) {
    const m = result.mermaid;
    // The target's ratio: Mermaid until its SVG is made (not yet on screen) against ours on screen.
    result.mermaidRatio = round(m.renderMs.median / result.firstFrameMs.median);
    // Both until on screen.
    result.mermaidRatioOnScreen = m.presentedMs ? round(m.presentedMs.median / result.firstFrameMs.median) : null;
    result.likeForLike.ratioOnScreen = m.presentedMs ? round(m.presentedMs.median / result.likeForLike.firstFrameMs.median) : null;
    result.likeForLike.ratioToSvg = round(m.renderMs.median / result.likeForLike.firstFrameMs.median);
  }
  result.meetsTargets =
    result.firstFrameMs.median <= targets.firstFrameMs &&
    (result.mermaidRatio === undefined || result.mermaidRatio >= targets.mermaidRatio) &&
    Math.max(result.domElements, result.scroll.maxDomElements, result.zoom.domElements) <= targets.domElements &&
    bundle.jsKB + bundle.cssKB <= targets.bundleKB &&
    result.problems.length === 0;
  const ms = (s) => `${s.median} ms (${s.min}–${s.max})`;
  const m = result.mermaid;
  log(
    [
      `roadmap, ${result.projects.toLocaleString('en-US')} projects (${size}), ${runs} runs each, Chromium headless ${result.viewport}, load ${loadAtStart.join(' ')} → ${loadAtEnd.join(' ')}, commit ${result.git ? `${result.git.commit.slice(0, 7)}${result.git.dirty ? ' (with changes)' : ''}` : 'unknown'}`,
      `  first frame      ${ms(result.firstFrameMs)} data → on screen, median (min–max)   target ≤ ${targets.firstFrameMs} ms`,
      `                   ${ms(result.frameMs)} data → the outline's frame handed over (poster and outline ${ms(result.beforeRenderMs)}, render ${ms(result.renderMs)})`,
      `                   ${ms(result.fromOpeningMs)} from opening the file; figures ${ms(result.figuresMs)} after the data`,
      `                   showed ${JSON.stringify(result.firstFrameShows)}; outline ${result.outlineKB} KB of a ${result.htmlMB} MB file`,
      m.skipped
        ? `  Mermaid          skipped: ${m.skipped}`
        : `  Mermaid ${m.version}  ${m.projects.toLocaleString('en-US')} projects: render() → SVG ${ms(m.renderMs)}, → handed over ${ms(m.paintedMs)}, → on screen ${m.presentedMs ? ms(m.presentedMs) : 'n/a'}; ${m.domNodes} SVG elements`,
      m.skipped ? '' : `  ours vs Mermaid  our ${result.projects.toLocaleString('en-US')} on screen vs its ${m.projects.toLocaleString('en-US')} as SVG: ${result.mermaidRatio}× (on screen both: ${result.mermaidRatioOnScreen ?? 'n/a'}×)   target ≥ ${targets.mermaidRatio}×`,
      `  floor            ${ms(result.floorMs)} data → on screen for a page that draws 13 bars on a canvas and nothing else${m.skipped ? '' : `: 10× Mermaid's SVG would need ≤ ${round(m.renderMs.median / 10)} ms`}`,
      `                   ${ms(result.loadedFloorMs)} for that page carrying as many bytes of data before its script as our file`,
      `  like for like    our ${result.likeForLike.projects.toLocaleString('en-US')} (the same projects): ${ms(result.likeForLike.firstFrameMs)} data → on screen${m.skipped ? '' : `: ${result.likeForLike.ratioOnScreen ?? 'n/a'}× Mermaid on screen, ${result.likeForLike.ratioToSvg}× Mermaid's SVG`}`,
      `  DOM elements     ${result.domElements} with the figures, ${result.scroll.maxDomElements} while scrolling, ${result.zoom.domElements} after zooming   target ≤ ${targets.domElements}`,
      `  scrolling        frame ${result.scroll.frameMsMedian} ms median, ${result.scroll.frameMsP95} ms p95, ${result.scroll.frameMsMax} ms max`,
      `  zooming          step ${result.zoom.stepMsMedian} ms median, ${result.zoom.stepMsMax} ms max`,
      `  bundle           ${bundle.jsKB} KB js + ${bundle.cssKB} KB css minified (${bundle.gzipKB} KB gzipped)   target ≤ ${targets.bundleKB} KB`,
      `  CLI render       ${result.cliRenderMs} ms for a ${result.htmlMB} MB HTML file${result.cliRenderGc ? `; garbage collection ${result.cliRenderGc.sharePercent} % of the process (${result.cliRenderGc.gcMs} of ${result.cliRenderGc.totalMs} ms)` : ''}`,
      `  ${result.meetsTargets ? 'meets' : 'MISSES'} the targets${result.problems.length ? `; problems: ${result.problems.join('; ')}` : ''}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'L' },
      runs: { type: 'string', default: '7' },
      count: { type: 'string', default: '1000' },
      'no-mermaid': { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
    },
  });
  if (!existsSync(join(repo, 'dist', 'cli.js'))) {
    console.error('dist/cli.js is missing: run `npm run build` (or `npm run bench:roadmap`)');
    process.exit(2);
  }
  const result = await runRoadmapBench({ size: values.size, runs: Number(values.runs), count: Number(values.count), mermaid: !values['no-mermaid'] });
  mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'results', 'roadmap.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log('wrote bench/results/roadmap.json');
  if (values.check && !result.meetsTargets) process.exit(1);
}
