// The language server on a generated workspace: time from `initialized` until the first analysis is
// published (every diagnostic `check` finds), RSS after indexing, and edit latency — a structural edit (a
// new project naming a program that does not exist: a full analysis) until its publishDiagnostics, and an edit of a value until a
// hover on the file is answered (the hover waits for the analysis of the edit); memory: RSS after indexing
// once the server has settled (src/server/memory.ts collects when it has been idle for 5 s), and again
// after 1,000 more edits (one structural in 25), settled; and an edit of a depends_on (an id mistyped, then
// back) until its publishDiagnostics. Run `npm run build` first.
// PLAN_BENCH_PROFILE=DIR writes the server's CPU profile there.
//
//   node bench/generate.mjs L /tmp/pac-L && node bench/lsp.bench.mjs /tmp/pac-L [edits]
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';

const root = process.argv[2];
/** Warning edits made before those measured (even: the first measured one still creates the warning). */
const WARM_UP = 10;
const edits = Number(process.argv[3] ?? 40);
const server = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'server.js');
const files = execSync(`find ${JSON.stringify(root)} -name '*.plan.yaml' -not -path '*/node_modules/*'`, { encoding: 'utf8' }).trim().split('\n').sort();

const profile = process.env.PLAN_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PLAN_BENCH_PROFILE}`] : [];
const child = spawn(process.execPath, [...profile, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const published = new Map();
let waiter;
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  published.set(params.uri, params.diagnostics);
  waiter?.(params);
});
connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
connection.listen();

const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

const rootUri = pathToFileURL(root).href;
await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'L' }], capabilities: { workspace: { configuration: true }, textDocument: { semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] } } } });
// The first analysis is out when every diagnostic `plan-as-code check` finds has been published (the
// server publishes the files with problems; the others have nothing to show).
const check = spawnSync(process.execPath, [join(dirname(server), 'cli.js'), 'check', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const expected = JSON.parse(check.stdout).diagnostics.length;
const shownCount = () => [...published.values()].reduce((n, list) => n + list.length, 0);
const started = performance.now();
const allPublished = new Promise((resolve) => {
  waiter = () => {
    if (shownCount() >= expected) resolve();
  };
});
void connection.sendNotification('initialized', {});
await allPublished;
const indexed = performance.now() - started;
const rssAfterIndexing = rss();
// Settled: the server collects once it has been idle for 5 s (src/server/memory.ts); read RSS after that.
const settle = async () => {
  await sleep(6000);
  return rss();
};
const rssIndexedSettled = await settle();

const file = files[100];
const uri = pathToFileURL(file).href;
const original = readFileSync(file, 'utf8');
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: original } });
let version = 1;
const structural = [];
for (let i = 0; i < edits; i++) {
  const text = i % 2 === 0 ? `${original}---\nversion: 1\nproject:\n  id: bench-${i}\n  program: nowhere-${i}\n  start: 2026-01-05\n  duration: 5d\n` : original;
  const wanted = i % 2 === 0 ? (list) => list.some((d) => d.message.includes(`nowhere-${i}`)) : (list) => !list.some((d) => d.code === 'unknown-reference' && /nowhere-/.test(d.message));
  const done = new Promise((resolve) => {
    waiter = (params) => {
      if (params.uri === uri && wanted(params.diagnostics)) resolve();
    };
  });
  const t = performance.now();
  void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
  await done;
  structural.push(performance.now() - t);
}
const values = [];
const lines = original.split('\n');
const budgetLine = lines.findIndex((l) => l.startsWith('  budget: '));
for (let i = 0; i < edits; i++) {
  const edited = [...lines];
  edited[budgetLine] = `  budget: ${800000 + (i + 1) * 1000}`;
  const t = performance.now();
  void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: edited.join('\n') }] });
  await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 7 } });
  values.push(performance.now() - t);
}
// As VS Code works: an edit of a value that creates or clears a warning (`spent:` above the budget, then back),
// timed until its publishDiagnostics, with what the editor asks after each change (code lenses, semantic
// tokens, the outline) and a pause between edits as by hand.
// The largest program file, as the VS Code bench edits (bench/host/index.ts).
const programFile = files.filter((f) => f.includes('/programs/')).sort((a, b) => readFileSync(b, 'utf8').length - readFileSync(a, 'utf8').length)[0] ?? file;
const programUri = pathToFileURL(programFile).href;
const programText = readFileSync(programFile, 'utf8');
const programLines = programText.split('\n');
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: programUri, languageId: 'yaml', version: 1, text: programText } });
let programVersion = 1;
/**
 * Sends the program file's new text and waits for its publishDiagnostics that `wanted` accepts, asking
 * meanwhile, when `asking`, what VS Code asks after a change (code lenses, semantic tokens, the outline).
 * Resolves with the time until that publication, once what was asked is answered.
 */
const programEdit = async (text, wanted, asking) => {
  const done = new Promise((resolve) => {
    waiter = (params) => {
      if (params.uri === programUri && wanted(params.diagnostics)) resolve();
    };
  });
  const t = performance.now();
  void connection.sendNotification('textDocument/didChange', { textDocument: { uri: programUri, version: ++programVersion }, contentChanges: [{ text }] });
  const asked = asking
    ? [
        connection.sendRequest('textDocument/codeLens', { textDocument: { uri: programUri } }),
        connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: programUri } }),
        connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: programUri } }),
      ]
    : [];
  await done;
  const ms = performance.now() - t;
  await Promise.all(asked);
  return ms;
};
const spentLines = programLines.map((l, i) => [l, i]).filter(([l]) => /^\s+spent: /.test(l)).map(([, i]) => i);
const warned = [];
const warnedAlone = [];
if (spentLines.length > 0) {
  const line = spentLines[Math.floor(spentLines.length / 2)];
  const indent = /^\s+/.exec(programLines[line])[0];
  // First WARM_UP edits as VS Code makes them, not counted: the code of these edits and of the requests
  // after them runs for the first time here (the phases before warm the rest), and its first edits were
  // measured twice as slow as the later ones (49 → 23 ms of the server's CPU over 15 edits).
  for (let i = -WARM_UP; i < 2 * edits; i++) {
    const edited = [...programLines];
    const over = i % 2 === 0;
    edited[line] = `${indent}spent: ${over ? 99999999 : programLines[line].trim().slice('spent: '.length)}`;
    const wanted = (list) => list.some((d) => d.code === 'overspent' && d.range.start.line === line) === over;
    // The first half as VS Code asks after a change; the second half as a client that asks nothing (Neovim 0.7).
    const asking = i < edits;
    const ms = await programEdit(edited.join('\n'), wanted, asking);
    if (i >= 0) (asking ? warned : warnedAlone).push(ms);
    await sleep(250);
  }
}
// An edit of what a project depends on, as VS Code makes it: one id in a depends_on mistyped (an
// unknown-reference error appears on that line), then written back (it goes), each timed until its
// publishDiagnostics, with the same requests after it and the same pause. The project is linked again
// (incremental.ts), the workspace not analysed again.
const dependencyLines = programLines.map((l, i) => [l, i]).filter(([l]) => /^\s+depends_on: \[[A-Za-z0-9_.-]+/.test(l)).map(([, i]) => i);
const relinked = [];
if (dependencyLines.length > 0) {
  const line = dependencyLines[Math.floor(dependencyLines.length / 2)];
  const [written, head, id] = /^(\s+depends_on: \[)([A-Za-z0-9_.-]+)/.exec(programLines[line]);
  for (let i = -WARM_UP; i < 2 * edits; i++) {
    const edited = [...programLines];
    const wrong = i % 2 === 0;
    if (wrong) edited[line] = programLines[line].replace(written, `${head}${id}x`);
    const wanted = (list) => list.some((d) => d.code === 'unknown-reference' && d.range.start.line === line) === wrong;
    const ms = await programEdit(edited.join('\n'), wanted, true);
    if (i >= 0) relinked.push(ms);
    await sleep(250);
  }
}
// Memory over 1,000 edits: values of the first file (each until its hover is answered), and every 25th a
// structural edit (a full analysis, until its publishDiagnostics).
const rssBeforeMany = rss();
for (let i = 0; i < 1000; i++) {
  if (i % 25 === 0) {
    const done = new Promise((resolve) => {
      waiter = (params) => {
        if (params.uri === uri && params.diagnostics.some((d) => d.message.includes(`many-${i}`))) resolve();
      };
    });
    void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: `${original}---\nversion: 1\nproject:\n  id: many-${i}\n  program: many-${i}\n  start: 2026-01-05\n  duration: 5d\n` }] });
    await done;
    continue;
  }
  const edited = [...lines];
  edited[budgetLine] = `  budget: ${900000 + i * 1000}`;
  void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: edited.join('\n') }] });
  await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 7 } });
}
const rssAfterMany = rss();
const rssManySettled = await settle();
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const mb = (value) => `${value.toFixed(0)} MB`;
console.log(`${files.length} plan files; uptime: ${execSync('uptime', { encoding: 'utf8' }).trim()}`);
console.log(`indexing (initialized → the first analysis published): ${fmt(indexed)}; RSS after indexing ${mb(rssAfterIndexing)}, settled ${mb(rssIndexedSettled)}`);
console.log(`structural edit → publishDiagnostics: p50 ${fmt(percentile(structural, 50))}, p95 ${fmt(percentile(structural, 95))} (${edits} edits)`);
console.log(`value edit → hover answered (analysis included): p50 ${fmt(percentile(values, 50))}, p95 ${fmt(percentile(values, 95))} (${edits} edits)`);
if (warned.length > 0) console.log(`value edit creating/clearing a warning → publishDiagnostics, with code lenses, semantic tokens and symbols asked: p50 ${fmt(percentile(warned, 50))}, p95 ${fmt(percentile(warned, 95))} (${warned.length} edits, 250 ms apart, after ${WARM_UP} not counted)`);
if (warnedAlone.length > 0) console.log(`the same, nothing else asked (as Neovim 0.7): p50 ${fmt(percentile(warnedAlone, 50))}, p95 ${fmt(percentile(warnedAlone, 95))} (${warnedAlone.length} edits, 250 ms apart)`);
if (relinked.length > 0) console.log(`depends_on edit creating/clearing an unknown-reference error → publishDiagnostics, with code lenses, semantic tokens and symbols asked: p50 ${fmt(percentile(relinked, 50))}, p95 ${fmt(percentile(relinked, 95))} (${relinked.length} edits, 250 ms apart, after ${WARM_UP} not counted)`);
const growth = ((rssManySettled - rssIndexedSettled) / rssIndexedSettled) * 100;
console.log(`memory over 1,000 more edits (${1000 / 25} structural): RSS ${mb(rssBeforeMany)} before them, ${mb(rssAfterMany)} right after, ${mb(rssManySettled)} settled: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % over the settled RSS after indexing (${3 * edits + relinked.length + 1000} edits in all)`);
await connection.sendRequest('shutdown');
void connection.sendNotification('exit');
