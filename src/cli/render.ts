/**
 * `plan-as-code render`: the roadmap as one self-contained file. HTML inlines the webview's own bundle
 * (script and stylesheet) and the render model, under a CSP that lets only that script and style run and
 * loads nothing; SVG and Mermaid are the core's static exports.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatDay } from '../core/dates';
import type { RoadmapModel } from '../core/roadmap';
import { roadmapMermaid, roadmapSvg } from '../core/roadmapExport';

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

/** JSON that is inert inside an HTML `<script>` element: no `<`, `>`, `&` or line separators as such. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The roadmap as one HTML file: the model as a JSON data block, the bundle's script and style inline,
 * and a CSP (by hash) under which nothing else runs and nothing is fetched.
 */
export function roadmapHtml(model: RoadmapModel, assets: WebviewAssets): string {
  const script = assets.script.replace(sourceMapComment, '');
  const style = assets.style.replace(sourceMapComment, '');
  if (/<\/script|<!--/i.test(script) || /<\/style/i.test(style)) throw new Error('the roadmap bundle cannot be inlined in HTML');
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = `${model.title} — roadmap at ${formatDay(model.statusDate)}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="plan-as-code">',
    `<title>${htmlEscape(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<noscript>This roadmap is drawn by a script: allow scripts for this file, or use render --format svg.</noscript>',
    '<div id="roadmap-app"></div>',
    `<script type="application/json" id="roadmap-data">${inlineJson(model)}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The file's text in a format; Mermaid is fenced for Markdown unless the file is a .mmd/.mermaid. */
export function renderRoadmap(model: RoadmapModel, format: RenderFormat, out: string, assets?: WebviewAssets): string {
  if (format === 'svg') return roadmapSvg(model);
  if (format === 'mermaid') return roadmapMermaid(model, { fenced: !/\.(mmd|mermaid)$/i.test(out) });
  if (!assets) throw new Error('the HTML export needs the roadmap bundle');
  return roadmapHtml(model, assets);
}
