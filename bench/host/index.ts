/**
 * Run inside the real VS Code extension host by bench/run.mjs (the `run()` contract of extension tests),
 * in a window opened on the L workspace with a staged copy of the extension that has no activation
 * events, so that nothing has activated it yet. Starts two event-loop probes, activates the extension,
 * and stops when indexing is done and the first analysis is in the Problems panel. Prints one line,
 * `PLAN_BENCH_HOST {json}`, that the runner parses.
 */
import Module from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { PlanAsCodeApi } from '../../src/extension/extension';

const DRIFT_INTERVAL_MS = 5;
const LONG_TASK_MS = 50;

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<PlanAsCodeApi>('plan-as-code.plan-as-code');
  if (!extension) throw new Error('the extension plan-as-code.plan-as-code is not loaded');
  if (extension.isActive) throw new Error('the extension was activated before the probes started: the figures would miss its start');

  // Probe 1: Node's event-loop delay histogram (10 ms resolution).
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // Probe 2: a 5 ms timer. The gap between two ticks bounds the longest task from above (by at most
  // the 5 ms); the histogram's maximum is such a bound too (by at most its 10 ms).
  // With each long gap, the CPU time this process used in it: near the gap, it was busy; far below,
  // the process was waiting (for the OS to schedule it, on a machine shared with the workbench).
  const blocked: Array<{ ms: number; cpuMs: number; endedAt: number }> = [];
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

  // VS Code counts the loading of the extension's code in its activation time: time the compile and
  // first run of every module under the extension's folder (the bundle) as Node loads it.
  const moduleWithCompile = Module.prototype as unknown as { _compile: (content: string, filename: string) => unknown };
  const compile = moduleWithCompile._compile;
  let codeLoadingMs = 0;
  moduleWithCompile._compile = function (this: unknown, content: string, filename: string) {
    const start = performance.now();
    try {
      return compile.call(this, content, filename);
    } finally {
      if (filename.startsWith(extension.extensionPath)) codeLoadingMs += performance.now() - start;
    }
  };

  t0 = performance.now();
  let api: PlanAsCodeApi;
  try {
    api = await extension.activate();
  } finally {
    moduleWithCompile._compile = compile;
  }
  const activated = performance.now();
  await api.plans.ready();
  const indexed = performance.now();
  const analysis = api.plans.latest;
  if (!analysis) throw new Error('no analysis after plans.ready()');
  // Published: the last file with problems (the Problems panel is filled in file order) shows all of
  // them. Checking one file keeps the probe's own work off the event loop being measured.
  const lastProblem = analysis.diagnostics[analysis.diagnostics.length - 1];
  const lastUri = lastProblem ? api.plans.uriOf(lastProblem.file) : undefined;
  const inLastFile = lastProblem ? analysis.diagnostics.filter((d) => d.file === lastProblem.file).length : 0;
  const lastFileShown = () => (lastUri ? vscode.languages.getDiagnostics(lastUri).filter((d) => d.source === 'plan-as-code').length >= inLastFile : true);
  const deadline = Date.now() + 120_000;
  while (!lastFileShown() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  const published = performance.now();
  // One more probe tick after the last task of the publication.
  await new Promise((resolve) => setTimeout(resolve, 2 * DRIFT_INTERVAL_MS));
  clearInterval(drift);
  histogram.disable();

  // Every diagnostic of the first analysis is in the Problems panel (counted after the probes stopped).
  const expected = analysis.diagnostics.length;
  const count = vscode.languages.getDiagnostics().reduce((n, [, list]) => n + list.filter((d) => d.source === 'plan-as-code').length, 0);

  const result = {
    files: analysis.files.length,
    projects: analysis.index.projects.length,
    diagnostics: expected,
    diagnosticsShown: count,
    activateCallMs: activated - t0,
    codeLoadingMs,
    activationMs: api.activationMs,
    readyMs: indexed - t0,
    publishedMs: published - t0,
    longestTaskMs: Math.min(longestGap, histogram.max / 1e6),
    longestGapMs: longestGap,
    histogramMaxMs: histogram.max / 1e6,
    histogramP99Ms: histogram.percentile(99) / 1e6,
    /** Gaps over 50 ms between the 5 ms probe's ticks: how long, the process's CPU time in them, and when each ended, in ms after the activate() call (compare readyMs, publishedMs). */
    longTasks: blocked.length,
    longTasksMs: blocked.slice(0, 20),
  };
  console.log(`PLAN_BENCH_HOST ${JSON.stringify(result)}`);
  if (count < expected) throw new Error(`only ${count} of ${expected} diagnostics reached the Problems panel within 120 s`);
}
