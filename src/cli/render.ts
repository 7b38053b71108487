/**
 * `plan-as-code render`: the roadmap as one self-contained file. HTML inlines the webview's own bundle
 * (script and stylesheet) and the render model, under a CSP that lets only that script and style run and
 * loads nothing; SVG and Mermaid are the core's static exports.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildRoadmap, plural, formatDay, htmlPage, POSTER_ROWS, problemsBanner, roadmapBody, roadmapDetails, roadmapMermaid, roadmapOutline, roadmapPoster, roadmapSvg, summarizeProblems, type ProblemSummary, type RoadmapModel } from '../core';
import { analyzePaths, noteErrors, requiredOut, sha256Base64, writeOut, type Command } from './command';

export type RenderFormat = 'html' | 'svg' | 'mermaid';

export interface WebviewAssets {
  readonly script: string;
  readonly style: string;
}

/** The webview bundle beside the CLI bundle (dist/), or in the repository's dist/ when run from source. */
export async function loadWebviewAssets(here = __dirname): Promise<WebviewAssets> {
  for (const folder of [here, path.join(here, '..', '..', 'dist')]) {
    try {
      const [script, style] = await Promise.all([
        fs.readFile(path.join(folder, 'webview.js'), 'utf8'),
        fs.readFile(path.join(folder, 'webview.css'), 'utf8'),
      ]);
      return { script, style };
    } catch {
      // Try the next place.
    }
  }
  throw new Error('the roadmap bundle (dist/webview.js, dist/webview.css) is missing: run `npm run build`');
}

const sourceMapComment = /\n?\/[/*][#@] sourceMappingURL=[^\n]*$/;

const cspHash = (text: string) => `'sha256-${sha256Base64(text)}'`;

/**
 * The roadmap as one HTML file: the model in data blocks before the script — for a plan of more rows
 * than a screen holds, the poster (its first screen, painted on a canvas first); the outline, JSON,
 * parsed and drawn next; and the details (figures, milestones, dependencies), gzipped JSON in base64,
 * unpacked once the bars are painted — the bundle's script and style inline, and
 * a CSP (by hash) under which nothing else runs and nothing is fetched. With the plans' problems, a banner above the roadmap when they have errors
 * (the roadmap still shows what can be drawn).
 */
export function roadmapHtml(model: RoadmapModel, assets: WebviewAssets, problems?: ProblemSummary): string {
  const script = assets.script.replace(sourceMapComment, '');
  const style = assets.style.replace(sourceMapComment, '');
  const outline = roadmapOutline(model);
  const poster = model.bars.length + model.lanes.length > POSTER_ROWS ? roadmapPoster(outline) : undefined;
  return htmlPage({
    title: `${model.title} — roadmap at ${formatDay(model.statusDate)}`,
    csp: { 'script-src': cspHash(script), 'style-src': cspHash(style), 'img-src': "'none'" },
    colorScheme: 'light dark',
    styles: [{ text: style }],
    body: (problems ? problemsBanner(problems) : '') + roadmapBody('This roadmap is drawn by a script: allow scripts for this file, or use render --format svg.'),
    data: [
      // The first screen, painted on a canvas before the outline is read: for a plan of more rows than that.
      ...(poster ? [{ id: 'roadmap-poster', value: poster }] : []),
      { id: 'roadmap-outline', value: outline },
      // Compressed (a seventh of the JSON, for 10,000 projects) and before the script: the browser holds a
      // page's first paint while it still reads the page, so a block after the script kept the first frame
      // off the screen until it was read (bench/README.md, 2026-12-06).
      { id: 'roadmap-details', type: 'application/gzip', base64: gzipSync(JSON.stringify(roadmapDetails(model))).toString('base64') },
    ],
    scripts: [{ text: script }],
  });
}

/** The file's text in a format; Mermaid is fenced for Markdown unless the file is a .mmd/.mermaid. */
export function renderRoadmap(model: RoadmapModel, format: RenderFormat, out: string, assets?: WebviewAssets, problems?: ProblemSummary): string {
  if (format === 'svg') return roadmapSvg(model);
  if (format === 'mermaid') return roadmapMermaid(model, { fenced: !/\.(mmd|mermaid)$/i.test(out) });
  if (!assets) throw new Error('the HTML export needs the roadmap bundle');
  return roadmapHtml(model, assets, problems);
}

/**
 * Writes the roadmap file. Like rollup, plans with errors still render (what can be drawn is drawn)
 * with a note on stderr, and exit 0; an unwritable --out is bad usage (exit 2).
 */
export const renderCommand: Command = {
  name: 'render',
  usage: 'render [paths…] --out FILE [--format html|svg|mermaid] [--status-date YYYY-MM-DD]',
  formats: ['html', 'svg', 'mermaid'],
  options: { out: { type: 'string', short: 'o' } },
  async run(args, io) {
    const out = requiredOut('render', args.values.out);
    const format = args.format as RenderFormat;
    const analysis = await analyzePaths(args);
    const model = buildRoadmap(analysis, { defaultCurrency: args.analysis.defaultCurrency });
    const assets = format === 'html' ? await loadWebviewAssets() : undefined;
    const text = renderRoadmap(model, format, out, assets, summarizeProblems(analysis.diagnostics));
    await writeOut(out, text, io);
    noteErrors(analysis, io);
    if (out !== '-') io.stderr(`plan-as-code: wrote ${out} (${format}, ${plural(model.bars.length, 'project')})\n`);
    return 0;
  },
};
