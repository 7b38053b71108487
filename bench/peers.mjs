// The peers the bench compares with, installed by the bench itself: yaml-language-server and Mermaid
// from npm into bench/.peers (git-ignored), TaskJuggler (`tj3`) from Debian. A peer that cannot be
// installed is reported as skipped with the reason; no figure is ever made up for it.
/* global document, requestAnimationFrame, PerformanceObserver */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
export const peersDir = join(benchDir, '.peers');

/**
 * Pinned, so that runs compare. yaml-language-server 2.0.0 is the version issue 14 compares with; its
 * `engines` asks for Node ≥ 22.13, yet it runs on Node 20 here (the bench's sanity files prove it
 * validated every file with the schema). Mermaid runs in Chromium; 11.x is the newest line without a
 * Node ≥ 22 `engines` field.
 */
export const npmPeers = { 'yaml-language-server': '2.0.0', mermaid: '11.17.2' };

function installedVersion(name) {
  try {
    return JSON.parse(readFileSync(join(peersDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function reason(error) {
  const text = error?.stderr?.toString().trim() || (error instanceof Error ? error.message : String(error));
  return text.split('\n').filter(Boolean).slice(-2).join(' ').slice(0, 300);
}

/** Installs what is missing; returns for each peer `{ version }` or `{ skipped: reason }`. */
export function ensurePeers(log = () => {}) {
  const result = {};
  const missing = Object.entries(npmPeers).filter(([name, version]) => installedVersion(name) !== version);
  let npmError;
  if (missing.length > 0) {
    mkdirSync(peersDir, { recursive: true });
    writeFileSync(join(peersDir, 'package.json'), `${JSON.stringify({ name: 'plan-as-code-bench-peers', private: true, dependencies: npmPeers }, null, 2)}\n`);
    log(`installing ${missing.map(([n, v]) => `${n}@${v}`).join(', ')} into ${relative(process.cwd(), peersDir)}`);
    try {
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock'], { cwd: peersDir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    } catch (error) {
      npmError = reason(error);
    }
  }
  for (const [name, version] of Object.entries(npmPeers)) {
    const found = installedVersion(name);
    result[name] = found === version ? { version } : { skipped: `npm install ${name}@${version} failed${npmError ? `: ${npmError}` : ''}` };
  }
  result.tj3 = ensureTj3(log);
  return result;
}

function tj3Version() {
  const run = spawnSync('tj3', ['--version'], { encoding: 'utf8' });
  if (run.status !== 0) return undefined;
  return /(\d+\.\d+(\.\d+)?)/.exec(run.stdout)?.[1] ?? 'unknown';
}

function ensureTj3(log) {
  let version = tj3Version();
  if (version) return { version };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return { skipped: 'tj3 is not installed and installing it needs root (apt-get install tj3)' };
  log('installing tj3 (Debian package tj3)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'tj3'], { env, encoding: 'utf8', timeout: 600_000 });
  let run = install();
  if (run.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { env, encoding: 'utf8', timeout: 600_000 });
    run = install();
  }
  version = tj3Version();
  return version ? { version } : { skipped: `apt-get install tj3 failed: ${(run.stderr || run.error?.message || '').trim().split('\n').slice(-1)[0]}` };
}

async function planFiles(root) {
  const found = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.plan\.ya?ml$/.test(entry.name)) found.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return found.sort();
}

/**
 * yaml-language-server over stdio, as an editor drives it: initialize, configure `yaml.schemas` to map
 * the plan schema to `*.plan.yaml` (schema store off: no network), open every file of `root`, and wait
 * until diagnostics were published for every one. Two tiny files with a schema error, opened first and
 * last, prove that the schema was applied from the first file to the last (they are not timed apart).
 */
export async function yamlLanguageServerValidate(root, schemaPath, { timeoutMs = 300_000 } = {}) {
  const server = join(peersDir, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const paths = await planFiles(root);
  const documents = await Promise.all(paths.map(async (path) => ({ uri: pathToFileURL(path).href, text: await readFile(path, 'utf8') })));
  const sanityText = 'version: 1\nproject:\n  id: sanity\n  name: Sanity\n  not_a_field: 1\n';
  const sanity = ['aaa-first', 'zzz-last'].map((name) => ({ uri: pathToFileURL(join(root, `${name}.sanity.plan.yaml`)).href, text: sanityText }));
  const all = [sanity[0], ...documents, sanity[1]];
  const settings = {
    yaml: {
      validate: true,
      hover: false,
      completion: false,
      format: { enable: false },
      schemaStore: { enable: false },
      kubernetesCRDStore: { enable: false },
      schemas: { [pathToFileURL(schemaPath).href]: ['*.plan.yaml', '*.plan.yml'] },
    },
    http: { proxy: '', proxyStrictSSL: false },
  };

  const started = performance.now();
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const pending = new Map();
  let nextId = 1;
  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const request = (method, params) => new Promise((resolveRequest, rejectRequest) => {
    const id = nextId++;
    pending.set(id, { resolveRequest, rejectRequest });
    send({ id, method, params });
  });

  const diagnosed = new Map();
  let firstOpen;
  let lastDiagnostics;
  let announceDone;
  const done = new Promise((resolveDone) => { announceDone = resolveDone; });
  const onMessage = (message) => {
    if (message.method === 'textDocument/publishDiagnostics') {
      diagnosed.set(message.params.uri, message.params.diagnostics);
      lastDiagnostics = performance.now();
      if (diagnosed.size === all.length) announceDone();
    } else if (message.method === 'workspace/configuration') {
      const sections = { yaml: settings.yaml, http: settings.http, '[yaml]': {}, editor: {} };
      send({ id: message.id, result: message.params.items.map((item) => sections[item.section] ?? null) });
    } else if (message.id !== undefined && message.method !== undefined) {
      // Any other server → client request (registrations, work-done progress): accept it.
      send({ id: message.id, result: null });
    } else if (message.id !== undefined && pending.has(message.id)) {
      const { resolveRequest, rejectRequest } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) rejectRequest(new Error(message.error.message));
      else resolveRequest(message.result);
    }
  };
  let buffer = Buffer.alloc(0);
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      onMessage(JSON.parse(body));
    }
  });
  const exited = new Promise((resolveExit) => child.on('exit', (code, sig) => resolveExit(`yaml-language-server exited (${sig ?? code}): ${stderr.trim().slice(-300)}`)));
  let timer;
  const timeout = new Promise((resolveTimeout) => { timer = setTimeout(() => resolveTimeout(`no diagnostics for every file within ${timeoutMs / 1000} s (${diagnosed.size} of ${all.length})`), timeoutMs); });

  try {
    const session = (async () => {
      await request('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(root).href,
        workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'plans' }],
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
        initializationOptions: {},
      });
      send({ method: 'initialized', params: {} });
      send({ method: 'workspace/didChangeConfiguration', params: { settings } });
      firstOpen = performance.now();
      for (const document of all) send({ method: 'textDocument/didOpen', params: { textDocument: { uri: document.uri, languageId: 'yaml', version: 1, text: document.text } } });
      await done;
      return undefined;
    })();
    const failure = await Promise.race([session, exited, timeout]);
    if (failure) throw new Error(failure);
    const schemaErrors = sanity.map((document) => (diagnosed.get(document.uri) ?? []).filter((d) => /not_a_field|not allowed/i.test(d.message)).length);
    if (schemaErrors.some((count) => count === 0)) {
      throw new Error(`the schema was not applied to every file (sanity files: ${JSON.stringify(sanity.map((d) => diagnosed.get(d.uri)))})`);
    }
    const problems = documents.reduce((n, d) => n + (diagnosed.get(d.uri)?.length ?? 0), 0);
    return {
      files: documents.length,
      totalMs: lastDiagnostics - started,
      fromFirstOpenMs: lastDiagnostics - firstOpen,
      problems,
    };
  } finally {
    clearTimeout(timer);
    child.kill('SIGKILL');
  }
}

/** `tj3 --no-reports`: parse and schedule the project, write no report. Wall time of the process. */
export function tj3Schedule(tjpFile, { timeoutMs = 600_000 } = {}) {
  const started = performance.now();
  const run = spawnSync('tj3', ['--silent', '--no-reports', tjpFile], { encoding: 'utf8', timeout: timeoutMs, cwd: dirname(tjpFile) });
  const ms = performance.now() - started;
  if (run.error) throw new Error(run.error.code === 'ETIMEDOUT' ? `tj3 did not finish within ${timeoutMs / 1000} s` : run.error.message);
  if (run.status !== 0) throw new Error(`tj3 exited ${run.status}: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' ')}`);
  return { ms };
}

/**
 * Mermaid (the npm package's browser bundle, injected from disk: no CDN) renders `gantt` in a fresh
 * page of `browser`. renderMs: from the `mermaid.render` call until its promise resolves with the SVG;
 * paintedMs: until that SVG is in the page and the frame showing it has been handed over for painting;
 * presentedMs: until that frame was on screen (the page's first contentful paint: nothing was painted
 * before), or undefined when the browser painted something earlier.
 */
export async function mermaidRender(browser, gantt, viewport = { width: 1600, height: 1000 }) {
  const bundle = join(peersDir, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing`);
  const page = await browser.newPage({ viewport });
  try {
    await page.setContent('<!doctype html><html><body><div id="chart"></div></body></html>');
    await page.addScriptTag({ path: bundle });
    return await page.evaluate(async (text) => {
      const mermaid = globalThis.mermaid;
      mermaid.initialize({ startOnLoad: false, maxTextSize: 10_000_000, securityLevel: 'strict' });
      const firstPaint = new Promise((resolvePaint) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolvePaint(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolvePaint(undefined), 5000);
      });
      const t0 = performance.now();
      const { svg } = await mermaid.render('gantt', text);
      const t1 = performance.now();
      document.getElementById('chart').innerHTML = svg;
      await new Promise((resolveFrame, rejectFrame) => {
        const timer = setTimeout(() => rejectFrame(new Error('Mermaid: no animation frame within 10 s of its SVG')), 10_000);
        requestAnimationFrame(() => {
          clearTimeout(timer);
          setTimeout(resolveFrame, 0);
        });
      });
      const t2 = performance.now();
      const painted = await firstPaint;
      return {
        renderMs: t1 - t0,
        paintedMs: t2 - t0,
        presentedMs: painted !== undefined && painted >= t1 ? painted - t0 : undefined,
        domNodes: document.getElementById('chart').getElementsByTagName('*').length,
        svgBytes: svg.length,
      };
    }, gantt);
  } finally {
    await page.close();
  }
}
