/**
 * What the browser tests share: the built CLI, headless Chromium (Debian's, driven by playwright-core)
 * opening a file offline — any request but the file itself is recorded and refused — and the text of a
 * page printed to PDF (poppler's pdftotext).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { joinRoadmap, type RoadmapDetails, type RoadmapModel, type RoadmapOutline } from '../../src/core';

export const repo = path.resolve(__dirname, '..', '..');
export const cli = path.join(repo, 'dist', 'cli.js');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails early, with what to do, when the build or the browser is missing. */
export function checkPrerequisites(files: readonly string[] = [cli]): void {
  for (const file of files) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(repo, file)} is missing: run \`npm run build\``);
  }
  if (!fs.existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: run \`bash scripts/install-vscode-host.sh --browser-only\``);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Runs a CLI command that must succeed (exit 0); returns its stderr. */
export function runCli(args: readonly string[], cwd = repo): string {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  return result.stderr;
}

export interface OfflinePage {
  readonly page: Page;
  /** Every request the page made other than for the file itself (all refused). */
  readonly requests: string[];
  /** Dialogs opened and page errors thrown. */
  readonly dialogs: string[];
}

/**
 * Opens a file offline: any request but the file itself is refused and recorded; dialogs and page errors
 * are recorded; with scripts on, CSP violations land in `window.__violations`.
 */
export async function openOffline(browser: Browser, file: string, options: { javaScript?: boolean; viewport?: { width: number; height: number }; initScript?: string } = {}): Promise<OfflinePage> {
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, javaScriptEnabled: options.javaScript ?? true });
  const requests: string[] = [];
  const dialogs: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => dialogs.push(`page error: ${error.message}`));
  await page.addInitScript(`
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  `);
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(url);
  return { page, requests, dialogs };
}

export type PaperFormat = 'A4' | 'Letter';

/** Paper sizes in CSS pixels (96 per inch), landscape. */
export const landscape: Record<PaperFormat, { width: number; height: number }> = {
  A4: { width: Math.round((297 / 25.4) * 96), height: Math.round((210 / 25.4) * 96) },
  Letter: { width: 11 * 96, height: 8.5 * 96 },
};

/** Prints a page to PDF on landscape paper and returns the PDF's text (pdftotext, in content order) and page count. */
export async function printedText(page: Page, format: PaperFormat, file: string): Promise<{ text: string; pages: number }> {
  await page.pdf({ path: file, format, landscape: true });
  const result = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (result.error) throw new Error(`pdftotext could not run (${result.error.message}): install Debian's poppler-utils (scripts/install-vscode-host.sh does)`);
  assert.equal(result.status, 0, result.stderr);
  const pages = result.stdout.split('\f').length - 1;
  return { text: result.stdout, pages };
}

/** Text as compared between a page and its PDF: NFKC (ligatures undone), without any whitespace (wrapping moves it). */
export function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The outline an exported roadmap embeds (JSON before its script). */
export function embeddedOutline(html: string): RoadmapOutline {
  const outline = /<script type="application\/json" id="roadmap-outline">([^<]*)<\/script>/.exec(html);
  assert.ok(outline, 'the outline is embedded');
  return JSON.parse(outline[1]) as RoadmapOutline;
}

/** The render model an exported roadmap embeds: its outline and its details (gzipped JSON in base64 after its script), joined. */
export function embeddedModel(html: string): RoadmapModel {
  const details = /<script type="application\/gzip" id="roadmap-details">([^<]*)<\/script>/.exec(html);
  assert.ok(details, 'the details are embedded');
  return joinRoadmap(embeddedOutline(html), JSON.parse(gunzipSync(Buffer.from(details[1], 'base64')).toString('utf8')) as RoadmapDetails);
}

/** Waits until the roadmap shows its figures: the rollup table is no longer busy loading them. */
export async function figuresShown(page: Page): Promise<void> {
  await page.locator('.table-section:not([aria-busy])').waitFor({ state: 'attached' });
}
