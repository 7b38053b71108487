/**
 * Run inside the real VS Code extension host by bench/run.mjs (the `run()` contract of extension tests),
 * in a window opened on the L workspace with a staged copy of the extension that has no activation
 * events, so that nothing has activated it yet. Three measurements, one after the other:
 *
 * 1. indexing: starts two event-loop probes, activates the extension, and stops when indexing is done
 *    and the first analysis is in the Problems panel (the longest task, activation);
 * 2. the extension host's memory after indexing;
 * 3. edit → Problems: edits of the largest program file in an editor, unsaved, each creating or clearing
 *    an `overspent` warning, timed until `languages.onDidChangeDiagnostics` reports the change.
 *
 * Prints one line, `PLAN_BENCH_HOST {json}`, that the runner parses. With PLAN_BENCH_PROFILE=DIR in the
 * environment (code-server passes it on), writes a CPU profile of each phase there (`indexing.cpuprofile`,
 * `edits.cpuprofile`, for Chrome DevTools); the figures of such a run include the profiler's cost.
 */
import Module from 'node:module';
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../src/extension/extension';

/** When the last change of each document reached the extension host. */
const changeArrived = new WeakMap<vscode.TextDocument, number>();

const DRIFT_INTERVAL_MS = 5;
const LONG_TASK_MS = 50;
/** Edits timed in each run: half create an `overspent` warning, half clear it again. */
const EDITS = 40;
/** Longest an edit's diagnostic may take before the edit counts as failed (never shown). */
const EDIT_TIMEOUT_MS = 10_000;
/** The Problems panel counts as filled once it has not changed for this long. */
const QUIET_MS = 1000;
/** After each edit has shown, a pause as between two edits by hand, so each edit is timed on its own. */
const PAUSE_BETWEEN_EDITS_MS = 250;

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<PlanAsCodeApi>('plan-as-code.plan-as-code');
  if (!extension) throw new Error('the extension plan-as-code.plan-as-code is not loaded');
  if (extension.isActive) throw new Error('the extension was activated before the probes started: the figures would miss its start');
  const profileDir = process.env.PLAN_BENCH_PROFILE;
  const memoryBeforeActivation = memory();
  // Registered before the extension activates, so it runs before the extension's own listener: when a
  // change reaches the extension host, before the extension reads it.
  vscode.workspace.onDidChangeTextDocument((event) => changeArrived.set(event.document, performance.now()));

  const profiler = profileDir ? await startProfile() : undefined;
  const probe = startProbe();
  let t0 = performance.now();

  // VS Code counts the loading of the extension's code in its activation time: time the compile and
  // first run of every module under the extension's folder (the bundle) as Node loads it.
  const moduleWithCompile = Module.prototype as unknown as { _compile: (content: string, filename: string) => unknown };
  const compile = moduleWithCompile._compile;
  let codeLoadingMs = 0;
  /** When the extension's code started and finished loading, in ms after the activate() call. */
  let codeLoadingSpan: [number, number] | undefined;
  moduleWithCompile._compile = function (this: unknown, content: string, filename: string) {
    const start = performance.now();
    try {
      return compile.call(this, content, filename);
    } finally {
      if (filename.startsWith(extension.extensionPath)) {
        const end = performance.now();
        codeLoadingMs += end - start;
        codeLoadingSpan = [codeLoadingSpan?.[0] ?? start - t0, end - t0];
      }
    }
  };

  t0 = performance.now();
  probe.restart(t0);
  let api: PlanAsCodeApi;
  try {
    api = await extension.activate();
  } finally {
    moduleWithCompile._compile = compile;
  }
  const activated = performance.now();
  // The language server indexes and analyses; the Plans view's first rows come once it has.
  let lastPublished = performance.now();
  const publishing = vscode.languages.onDidChangeDiagnostics(() => (lastPublished = performance.now()));
  await vscode.commands.executeCommand('workbench.view.extension.planAsCode');
  await api.tree.getChildren();
  const indexed = performance.now();
  // Published: the server pushes each file's problems after its analysis; the last push is when the
  // Problems panel stops changing (QUIET_MS without a change; the time is that of the last change).
  while (performance.now() - lastPublished < QUIET_MS && performance.now() - indexed < 120_000) await new Promise((resolve) => setTimeout(resolve, 20));
  publishing.dispose();
  const published = Math.max(lastPublished, indexed);
  // One more probe tick after the last task of the publication.
  await new Promise((resolve) => setTimeout(resolve, 2 * DRIFT_INTERVAL_MS));
  const indexing = probe.stop();
  // The probe's times are after t0: where t0 is on the profile's clock.
  const profileOriginMicros = profiler ? monotonicMicros(t0) : undefined;
  if (profiler && profileDir) {
    await profiler.save(join(profileDir, 'indexing.cpuprofile'));
    await profiler.stop();
  }

  // Every diagnostic of the first analysis is in the Problems panel (counted after the probes stopped):
  // the runner passes the count `plan-as-code check` gives for the workspace.
  const expected = Number(process.env.PLAN_BENCH_EXPECTED_DIAGNOSTICS ?? NaN);
  const count = vscode.languages.getDiagnostics().reduce((n, [, list]) => n + list.filter((d) => d.source === 'plan-as-code').length, 0);
  if (!(count >= expected)) throw new Error(`only ${count} of ${expected} diagnostics reached the Problems panel`);
  const files = (await vscode.workspace.findFiles('**/*.plan.{yaml,yml}')).length;

  const memoryAfterIndexing = memory();
  const memoryAfterIndexingGc = memory(true);
  const edits = await editLatency(api, profileDir);
  const memoryAfterEdits = memory();
  const memoryAfterEditsGc = memory(true);

  const result = {
    files,
    diagnostics: expected,
    diagnosticsShown: count,
    activateCallMs: activated - t0,
    codeLoadingMs,
    codeLoadingSpan,
    activationMs: api.activationMs,
    clientLoads: api.clientLoads.map((load) => ({ ...load, file: load.file.split(/[\\/]/).pop() })),
    readyMs: indexed - t0,
    publishedMs: published - t0,
    longestTaskMs: Math.min(indexing.longestGapMs, indexing.histogramMaxMs),
    longestGapMs: indexing.longestGapMs,
    histogramMaxMs: indexing.histogramMaxMs,
    histogramP99Ms: indexing.histogramP99Ms,
    /** Gaps over 50 ms between the 5 ms probe's ticks: how long, the process's CPU time in them, and when each ended, in ms after the activate() call (compare readyMs, publishedMs). */
    longTasks: indexing.blocked.length,
    longTasksMs: indexing.blocked.slice(0, 20),
    profileOriginMicros,
    /** process.memoryUsage() of the whole extension host (the built-in extensions included), in bytes. */
    memory: { beforeActivation: memoryBeforeActivation, afterIndexing: memoryAfterIndexing, afterIndexingGc: memoryAfterIndexingGc, afterEdits: memoryAfterEdits, afterEditsGc: memoryAfterEditsGc },
    edits,
  };
  // An edit that never showed is counted in the result (the runner fails the target), not thrown.
  console.log(`PLAN_BENCH_HOST ${JSON.stringify(result)}`);
}

/** Our diagnostics of one file, as the Problems panel has them. */
function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'plan-as-code');
}

interface Memory {
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
}

/** The extension host's memory; with `collect`, after a full garbage collection (what is retained). */
function memory(collect = false): Memory {
  if (collect) {
    // Node's documented way to reach gc() without starting the process with --expose-gc.
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  }
  const { heapUsed, heapTotal, rss, external } = process.memoryUsage();
  return { heapUsed, heapTotal, rss, external };
}

/**
 * Two event-loop probes: Node's event-loop delay histogram (10 ms resolution), and a 5 ms timer whose
 * gap between two ticks bounds the longest task from above (by at most the 5 ms). With each long gap,
 * the CPU time this process used in it: near the gap, it was busy; far below, it was waiting (for the
 * OS to schedule it, on a machine shared with the workbench).
 */
function startProbe() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let blocked: Array<{ ms: number; cpuMs: number; endedAt: number }> = [];
  let longestGap = 0;
  let lastCpu = process.cpuUsage();
  let last = performance.now();
  let t0 = last;
  const drift = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const gap = now - last;
    if (gap > longestGap) longestGap = gap;
    if (gap > LONG_TASK_MS) {
      const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
      blocked.push({ ms: Math.round(gap), cpuMs: Math.round(cpuMs), endedAt: Math.round(now - t0) });
    }
    last = now;
    lastCpu = cpu;
  }, DRIFT_INTERVAL_MS);
  return {
    /** Forgets what was seen so far; times are reported after `origin`. */
    restart(origin: number) {
      t0 = origin;
      blocked = [];
      longestGap = 0;
      histogram.reset();
    },
    stop() {
      clearInterval(drift);
      histogram.disable();
      return { longestGapMs: longestGap, histogramMaxMs: histogram.max / 1e6, histogramP99Ms: histogram.percentile(99) / 1e6, blocked };
    },
  };
}

/** A performance.now() time on the monotonic clock of CPU profiles' timestamps (µs), to find a probe's long task in a profile. */
function monotonicMicros(at: number): number {
  return Number(process.hrtime.bigint() / 1000n) - (performance.now() - at) * 1000;
}

/** A CPU profile of this process through the inspector (in-process: no port, no flag). */
async function startProfile() {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {
    /** Writes what was sampled since the start (or the last save) and starts again. */
    async save(file: string) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
      await post('Profiler.start');
    },
    async stop() {
      await post('Profiler.stop');
      session.disconnect();
    },
  };
}

/** One timed edit: when it was applied and when each stage after it saw it, in ms after applying. */
interface EditSample {
  /** 'create' puts `spent` above the budget, 'clear' back to what it was. */
  kind: 'create' | 'clear';
  line: number;
  /** When the edit was applied, in ms after the editing started (compare the long tasks' `endedAt`). */
  at: number;
  /** `languages.onDidChangeDiagnostics` reported the file with the change shown: the figure. */
  ms: number | undefined;
  /** The workbench had applied the edit (the TextEditor.edit promise resolved). */
  appliedMs: number | undefined;
  /** The change reached the extension host (onDidChangeTextDocument, before the extension's listener). */
  arrivedMs: number | undefined;
  /** The extension had read the changed document (onDidChangeTextDocument, after the extension's listener). */
  documentMs: number | undefined;
  /** `languages.getDiagnostics` had the change (checked when the extension announced its analysis). */
  shownMs: number | undefined;
  /** Analyses the extension finished between the edit and its showing. */
  analyses: number;
}

/**
 * Edits the largest program file in an editor, unsaved: for one project after another, spread over the
 * file, `spent:` is set above the project's budget (an `overspent` warning appears on that line) and
 * then back to its value (the warning goes). Each edit is timed from the `TextEditor.edit` call until
 * `languages.onDidChangeDiagnostics` reports the file with `getDiagnostics` showing the change.
 */
async function editLatency(api: PlanAsCodeApi, profileDir: string | undefined) {
  const programs = await vscode.workspace.findFiles('programs/**/*.plan.yaml');
  const sized = await Promise.all(programs.map(async (uri) => ({ uri, size: (await vscode.workspace.fs.stat(uri)).size })));
  const largest = sized.sort((a, b) => b.size - a.size)[0];
  if (!largest) throw new Error('no program file in the workspace');
  const uri = largest.uri;
  const target = { path: vscode.workspace.asRelativePath(uri), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  // As a program manager works: the Plans view open beside the file (it follows every analysis).
  await vscode.commands.executeCommand('workbench.view.extension.planAsCode');
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  // Opening the file analyses it again, and the editor asks for semantic tokens, code lenses, symbols:
  // let that settle before the first edit.
  await api.tree.getChildren();
  await pause(Number(process.env.PLAN_BENCH_SETTLE_MS ?? 1000));

  const overspentOn = (line: number) => ours(uri).some((d) => d.code === 'overspent' && d.range.start.line === line);
  const slots = spentSlots(document).filter((slot) => !overspentOn(slot.line));
  const projects = EDITS / 2;
  if (slots.length < projects) throw new Error(`only ${slots.length} projects with a budget and spent under it in ${target.path}`);
  const chosen = Array.from({ length: projects }, (_, i) => slots[Math.floor((i * slots.length) / projects)]);

  let pending: { sample: EditSample; t0: number; done: (shown: boolean) => void; wanted: (line: number) => boolean } | undefined;
  const shows = (p: NonNullable<typeof pending>) => p.wanted(p.sample.line);
  const listeners = [
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (!pending || event.document !== document || pending.sample.documentMs !== undefined) return;
      pending.sample.documentMs = performance.now() - pending.t0;
      pending.sample.arrivedMs = (changeArrived.get(document) ?? NaN) - pending.t0;
    }),
    api.analyzed(() => {
      if (!pending) return;
      pending.sample.analyses++;
      if (pending.sample.shownMs === undefined && shows(pending)) pending.sample.shownMs = performance.now() - pending.t0;
    }),
    vscode.languages.onDidChangeDiagnostics((event) => {
      if (!pending || !event.uris.some((u) => u.toString() === uri.toString())) return;
      if (shows(pending)) pending.done(true);
    }),
  ];

  const profiler = profileDir ? await startProfile() : undefined;
  const probe = startProbe();
  const origin = performance.now();
  probe.restart(origin);
  const profileOriginMicros = profiler ? monotonicMicros(origin) : undefined;
  const samples: EditSample[] = [];
  try {
    for (const slot of chosen) {
      for (const kind of ['create', 'clear'] as const) {
        const value = kind === 'create' ? String(slot.budget + 1000) : String(slot.spent);
        const line = document.lineAt(slot.line);
        const start = line.text.indexOf('spent: ') + 'spent: '.length;
        const range = new vscode.Range(slot.line, start, slot.line, line.text.length);
        const sample: EditSample = { kind, line: slot.line, at: 0, ms: undefined, appliedMs: undefined, arrivedMs: undefined, documentMs: undefined, shownMs: undefined, analyses: 0 };
        const wanted = kind === 'create' ? overspentOn : (l: number) => !overspentOn(l);
        await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), EDIT_TIMEOUT_MS);
          const t0 = performance.now();
          sample.at = Math.round(t0 - origin);
          pending = {
            sample,
            t0,
            wanted,
            done: (ok) => {
              clearTimeout(timer);
              if (ok) sample.ms = performance.now() - t0;
              resolve(ok);
            },
          };
          void editor.edit((builder) => builder.replace(range, value)).then((applied) => {
            sample.appliedMs = performance.now() - t0;
            if (!applied) pending?.done(false);
          });
        });
        pending = undefined;
        samples.push(sample);
        await pause(PAUSE_BETWEEN_EDITS_MS);
      }
    }
  } finally {
    for (const listener of listeners) listener.dispose();
    if (profiler && profileDir) {
      await profiler.save(join(profileDir, 'edits.cpuprofile'));
      await profiler.stop();
    }
  }
  const editing = probe.stop();
  const dirty = document.isDirty;
  const typed = [await typing(api, editor, 'value'), await typing(api, editor, 'reference')];
  // Back to the file on disk, so that nothing after this sees the edits.
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  // The same keys in the same text as plain text, which the extension does not analyse: what typing
  // costs the workbench (and this machine) on its own.
  const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: target.text });
  typed.push(await typing(api, await vscode.window.showTextDocument(plain), 'baseline'));
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

  const timed = samples.map((s) => s.ms).filter((ms): ms is number => ms !== undefined);
  const shownTimes = samples.map((s) => s.shownMs).filter((ms): ms is number => ms !== undefined);
  return {
    file: target.path,
    fileBytes: Buffer.byteLength(target.text),
    count: samples.length,
    failures: samples.length - timed.length,
    unsaved: dirty,
    pauseMs: PAUSE_BETWEEN_EDITS_MS,
    ms: timed.length ? summary(timed) : undefined,
    shownMs: shownTimes.length ? summary(shownTimes) : undefined,
    longestTaskMs: Math.min(editing.longestGapMs, editing.histogramMaxMs),
    longTasksMs: editing.blocked.slice(0, 20),
    profileOriginMicros,
    samples: samples.map((s) => ({ ...s, ms: round(s.ms), appliedMs: round(s.appliedMs), arrivedMs: round(s.arrivedMs), documentMs: round(s.documentMs), shownMs: round(s.shownMs) })),
    typing: typed,
  };
}

/** Keys typed in a row, and the time between two of them (a fast typist: 12 a second). */
const TYPED_KEYS = 30;
const KEY_INTERVAL_MS = 80;

/**
 * TYPED_KEYS keys pressed in the browser at a steady KEY_INTERVAL_MS, as a fast typist would: into a
 * project's name ('value': each key an edit of values), after the id in a `depends_on` ('reference':
 * each key makes another reference, so the project is linked again), or into a project's name
 * in a plain-text copy that the extension does not analyse ('baseline'). Reports what the
 * extension host did meanwhile: its longest task (how long a completion or a hover could have waited),
 * the CPU time it used, the analyses finished, and how long after the last key the analysis of the
 * final text was in. The runner adds how long each key took to paint in the workbench.
 */
async function typing(api: PlanAsCodeApi, editor: vscode.TextEditor, kind: 'value' | 'reference' | 'baseline') {
  const document = editor.document;
  const pattern = kind === 'reference' ? /^ {6}depends_on: \[prj-\d+/ : /^ {6}name: .+$/;
  const lines = Array.from({ length: document.lineCount }, (_, i) => i).filter((i) => pattern.test(document.lineAt(i).text));
  if (lines.length === 0) throw new Error(`no line to type into for '${kind}'`);
  const line = lines[Math.floor(lines.length / 2)];
  const column = pattern.exec(document.lineAt(line).text)![0].length;
  editor.selection = new vscode.Selection(line, column, line, column);
  await api.tree.getChildren();
  await pause(500);

  const text = kind === 'reference' ? '1234567890'.repeat(3).slice(0, TYPED_KEYS) : ' and the data platform'.padEnd(TYPED_KEYS, 'x');
  let analyses = 0;
  const listener = api.analyzed(() => analyses++);
  const probe = startProbe();
  const origin = performance.now();
  probe.restart(origin);
  const cpuBefore = process.cpuUsage();
  // The runner (bench/run.mjs) presses the keys in the browser, so the workbench handles them as it
  // would a person's: it reports how long each key took to paint there. Here: wait until all arrived.
  let lastKey = origin;
  const typed = `${document.lineAt(line).text.slice(0, column)}${text}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the typed text (${kind}) did not arrive within 60 s: ${document.lineAt(line).text}`)), 60_000);
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== document) return;
      lastKey = performance.now();
      if (!document.lineAt(line).text.startsWith(typed)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
    console.log(`PLAN_BENCH_TYPE ${JSON.stringify({ kind, text, intervalMs: KEY_INTERVAL_MS })}`);
  });
  // Settled: the server answers a request from the analysis of every change it has (the final text).
  if (kind !== 'baseline') await api.tree.getChildren();
  const settled = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  const hostLoop = probe.stop();
  listener.dispose();
  return {
    kind,
    keys: text.length,
    intervalMs: KEY_INTERVAL_MS,
    analyses,
    longestTaskMs: round(Math.min(hostLoop.longestGapMs, hostLoop.histogramMaxMs)),
    longTasksMs: hostLoop.blocked.slice(0, 20),
    /** The extension host's CPU time (all its threads) over the wall time, from the first key until settled. */
    cpuShare: Math.round(((cpu.user + cpu.system) / 1000 / (settled - origin)) * 100) / 100,
    settledAfterLastKeyMs: kind === 'baseline' ? undefined : round(settled - lastKey),
  };
}

/** Each inline project's `spent:` line with its budget, in file order (the generated L layout: six spaces in). */
function spentSlots(document: vscode.TextDocument): Array<{ line: number; budget: number; spent: number }> {
  const slots: Array<{ line: number; budget: number; spent: number }> = [];
  let budget: number | undefined;
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (/^ {4}- id: /.test(text)) budget = undefined;
    const written = /^ {6}budget: (\d+)$/.exec(text);
    if (written) budget = Number(written[1]);
    const spent = /^ {6}spent: (\d+)$/.exec(text);
    if (spent && budget !== undefined && Number(spent[1]) <= budget) slots.push({ line, budget, spent: Number(spent[1]) });
  }
  return slots;
}

/** Nearest rank: p95 of 40 samples is the 38th smallest, an observed value. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function summary(values: readonly number[]) {
  return { p50: quantile(values, 0.5), p95: quantile(values, 0.95), max: Math.max(...values), min: Math.min(...values) };
}

const round = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms * 10) / 10);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
