// The language server on a generated workspace: time from `initialized` until every plan file is
// published, RSS after indexing, and edit latency — a structural edit (a new project naming a program
// that does not exist: a full analysis) until its publishDiagnostics, and an edit of a value until a
// hover on the file is answered (the hover waits for the analysis of the edit). Run `npm run build` first.
//
//   node bench/generate.mjs L /tmp/pac-L && node bench/lsp.bench.mjs /tmp/pac-L [edits]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';

const root = process.argv[2];
const edits = Number(process.argv[3] ?? 40);
const server = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'server.js');
const files = execSync(`find ${JSON.stringify(root)} -name '*.plan.yaml' -not -path '*/node_modules/*'`, { encoding: 'utf8' }).trim().split('\n').sort();

const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
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
await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'L' }], capabilities: { workspace: { configuration: true } } });
const started = performance.now();
const allPublished = new Promise((resolve) => {
  waiter = () => {
    if (published.size >= files.length) resolve();
  };
});
void connection.sendNotification('initialized', {});
await allPublished;
const indexed = performance.now() - started;
const rssAfterIndexing = rss();

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
const fmt = (ms) => `${ms.toFixed(1)} ms`;
console.log(`${files.length} plan files; uptime: ${execSync('uptime', { encoding: 'utf8' }).trim()}`);
console.log(`indexing (initialized → every file published): ${fmt(indexed)}; RSS after indexing ${rssAfterIndexing.toFixed(0)} MB`);
console.log(`structural edit → publishDiagnostics: p50 ${fmt(percentile(structural, 50))}, p95 ${fmt(percentile(structural, 95))} (${edits} edits)`);
console.log(`value edit → hover answered (analysis included): p50 ${fmt(percentile(values, 50))}, p95 ${fmt(percentile(values, 95))} (${edits} edits)`);
const rssAtEnd = rss();
// Settled: the server collects once it has been idle for 2 s (src/server/memory.ts); read RSS after that.
await sleep(3000);
console.log(`RSS right after the last edit ${rssAtEnd.toFixed(0)} MB; settled (3 s later) ${rss().toFixed(0)} MB`);
await connection.sendRequest('shutdown');
void connection.sendNotification('exit');
