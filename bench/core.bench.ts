/**
 * The engine measured in-process, one mode per fresh `node` process (bench/run.mjs bundles this file
 * with esbuild and runs it). Each mode prints one JSON line on stdout; times are milliseconds of
 * `performance.now()`. Reading the files from disk is never timed here (the CLI figure times that).
 *
 *   index DIR [--warm-runs N]      cold: every set() + the first analyze(); warm: analyzeFully() again
 *   schedule DIR [--runs N]        figureSteps(): the schedule, forecast and rollup of the analysed index
 *   forecast DIR [--runs N]        forecastSteps() alone against analyzeFully(), alternating
 *   earned-schedule DIR [--runs N] every project's, program's and portfolio's earned schedule against analyzeFully()
 *   quality DIR [--runs N]         schedule quality (the nine metrics) against analyzeFully()
 *   people DIR [--runs N]          the people load model on the plan basis against analyzeFully()
 *   incremental DIR [--edits N]    N small edits of the largest program file: set() + analyze() each
 *   gantt DIR --out FILE [--count N] [--html FILE --assets DIST]
 *                                  a Mermaid gantt of N projects with our scheduled dates (and our HTML of the same)
 *   tjp DIR --out FILE             a TaskJuggler project with the same dependency network
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { roadmapHtml, type WebviewAssets } from '../src/cli/render';
import {
  buildRoadmap, earnedValue, figureSteps, forecastSteps, formatDay, peopleLoad, PlanWorkspace, projectEarnedSchedule, runToEnd, scheduleQuality, setEarnedSchedule,
  type Analysis, type EarnedSchedule, type ProjectRollup, type Milestone, type Project, type ProjectPace, type RoadmapModel,
} from '../src/core';

interface PlanText {
  readonly path: string;
  readonly text: string;
}

/** Plan files under `root`, paths relative to it, in path order (as the CLI finds them). */
function readPlans(root: string): PlanText[] {
  const found: PlanText[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full);
      } else if (/\.plan\.ya?ml$/.test(entry.name)) {
        found.push({ path: relative(root, full), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: p95 of 50 samples is the 48th smallest, an observed value.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function summary(values: readonly number[]) {
  return {
    runs: values.length,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function describe(analysis: Analysis) {
  return {
    files: analysis.files.length,
    projects: analysis.index.projects.length,
    diagnostics: analysis.diagnostics.length,
    errors: analysis.diagnostics.filter((d) => d.severity === 'error').length,
  };
}

function indexMode(root: string, warmRuns: number) {
  const plans = readPlans(root);
  const bytes = plans.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
  const workspace = new PlanWorkspace();
  const t0 = performance.now();
  for (const plan of plans) workspace.set(plan.path, plan.text);
  const t1 = performance.now();
  const analysis = workspace.analyze();
  const t2 = performance.now();
  const warm: number[] = [];
  // A full analysis again (index, schedule, forecast, rollup, every check) with everything parsed and the
  // code warm: what an edit that changes ids or references costs. (analyze() after no change returns the
  // last analysis, and after a change of values derives only what it reaches: the incremental figure.)
  for (let i = 0; i < warmRuns; i++) {
    const start = performance.now();
    runToEnd(workspace.analyzeFully());
    warm.push(performance.now() - start);
  }
  return {
    ...describe(analysis),
    bytes,
    cold: { setMs: round(t1 - t0), analyzeMs: round(t2 - t1), totalMs: round(t2 - t0) },
    warm: warmRuns > 0 ? summary(warm.map(round)) : undefined,
  };
}

function analysed(root: string): { workspace: PlanWorkspace; plans: PlanText[]; analysis: Analysis } {
  const plans = readPlans(root);
  const workspace = new PlanWorkspace();
  for (const plan of plans) workspace.set(plan.path, plan.text);
  return { workspace, plans, analysis: workspace.analyze() };
}

/** What analyze() runs after the index: the schedule, the forecast and the rollup (figureSteps). */
function scheduleAndRollup(analysis: Analysis) {
  return runToEnd(figureSteps(analysis.index, analysis.rollup.statusDate));
}

function scheduleMode(root: string, runs: number) {
  const { analysis } = analysed(root);
  for (let i = 0; i < 5; i++) scheduleAndRollup(analysis);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    scheduleAndRollup(analysis);
    times.push(performance.now() - start);
  }
  return { ...describe(analysis), ...summary(times.map(round)) };
}

/**
 * What one part adds to an analysis: `part()` on its own against a full analysis (analyzeFully: index,
 * schedule, forecast, rollup, checks), alternating, after 3 warm-up runs of each. `included`: the full
 * analysis runs the part itself, so its share is of the rest (part ÷ (full − part)); otherwise it comes
 * on top of the analysis (part ÷ full: schedule quality, computed when asked for).
 */
function share(workspace: PlanWorkspace, runs: number, prepare: (analysis: Analysis) => () => unknown, included: boolean) {
  // Each part runs (prepare() untimed, then what it returns timed) on the analysis the full run before it produced, as the CLI and the views run it (an
  // analysis renumbers the index's nodes: an older analysis still answers, by a slower lookup).
  const full = () => runToEnd(workspace.analyzeFully());
  let latest = full();
  let sink: unknown;
  for (let i = 0; i < 3; i++) {
    sink = prepare(latest)();
    latest = full();
  }
  const partTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const part = prepare(latest);
    let start = performance.now();
    sink = part();
    partTimes.push(performance.now() - start);
    start = performance.now();
    latest = full();
    fullTimes.push(performance.now() - start);
  }
  const partMs = summary(partTimes.map(round));
  const fullMs = summary(fullTimes.map(round));
  const rest = included ? fullMs.median - partMs.median : fullMs.median;
  return { ...describe(latest), partMs, fullMs, share: round((partMs.median / rest) * 100), included, kept: sink === undefined ? 0 : 1 };
}

/** The forecast (SPEC 5.1) of every project and milestone. */
function forecastMode(root: string, runs: number) {
  return share(analysed(root).workspace, runs, (analysis) => {
    const statusDate = analysis.rollup.statusDate;
    const pace = new Map<Project, ProjectPace>(analysis.index.projects.map((project) => [project, earnedValue(project, analysis.schedule, statusDate)]));
    return () => runToEnd(forecastSteps(analysis.index, analysis.schedule, pace, statusDate));
  }, true);
}

/**
 * Earned schedule (SPEC 5.2): es … ieacT of every project, program (its non-cancelled projects) and
 * portfolio (all its programs' projects), as the rollup computes them from the project rollups.
 */
function earnedScheduleMode(root: string, runs: number) {
  return share(analysed(root).workspace, runs, (analysis) => () => {
    const { statusDate, projects } = analysis.rollup;
    const parts = (programs: readonly { projects: readonly Project[] }[]) => {
      const list: ProjectRollup[] = [];
      for (const program of programs) for (const project of program.projects) if (!projects.get(project)!.cancelled) list.push(projects.get(project)!);
      return list;
    };
    let last: EarnedSchedule | undefined;
    for (const project of analysis.index.projects) last = projectEarnedSchedule(projects.get(project)!, statusDate);
    for (const program of analysis.index.programs) last = setEarnedSchedule(parts([program]), statusDate);
    for (const portfolio of analysis.index.portfolios) last = setEarnedSchedule(parts(portfolio.programs), statusDate);
    return last;
  }, true);
}

/** Schedule quality (SPEC 11): the nine metrics per program and for the workspace, on top of the analysis. */
function qualityMode(root: string, runs: number) {
  return share(analysed(root).workspace, runs, (analysis) => () => scheduleQuality(analysis), false);
}

/** The people load model (SPEC 10) on the plan basis, as the `overallocated` check computes it. */
function peopleMode(root: string, runs: number) {
  return share(analysed(root).workspace, runs, (analysis) => () => peopleLoad(analysis, 'plan'), true);
}

/**
 * A user's edit: one `progress:` or `spent:` value changed in the largest program file (~60 KB in L),
 * a different project each time; what they wait for is set() (re-read that file) + analyze().
 */
function incrementalMode(root: string, edits: number) {
  const { workspace, plans } = analysed(root);
  const target = plans.filter((p) => p.path.includes('program')).sort((a, b) => b.text.length - a.text.length)[0] ?? plans[0];
  const pattern = /^(\s+)(progress|spent): (\d+)$/gm;
  const slotCount = [...target.text.matchAll(pattern)].length;
  if (slotCount === 0) throw new Error(`no progress: or spent: value in ${target.path}`);
  let text = target.text;
  const set: number[] = [];
  const analyze: number[] = [];
  const total: number[] = [];
  let diagnostics = 0;
  for (let i = 0; i < edits; i++) {
    // A different project each time, spread over the file.
    const slot = [...text.matchAll(pattern)][Math.floor((i * slotCount) / edits)];
    const old = Number(slot[3]);
    const value = slot[2] === 'progress' ? (old + 7) % 101 : old + 1000;
    const valueStart = slot.index! + slot[1].length + slot[2].length + 2;
    text = text.slice(0, valueStart) + String(value) + text.slice(valueStart + slot[3].length);
    const t0 = performance.now();
    workspace.set(target.path, text);
    const t1 = performance.now();
    const analysis = workspace.analyze();
    const t2 = performance.now();
    diagnostics = analysis.diagnostics.length;
    set.push(t1 - t0);
    analyze.push(t2 - t1);
    total.push(t2 - t0);
  }
  return {
    file: target.path,
    fileBytes: Buffer.byteLength(target.text),
    edits,
    diagnosticsAfter: diagnostics,
    setMs: summary(set.map(round)),
    analyzeMs: summary(analyze.map(round)),
    totalMs: summary(total.map(round)),
  };
}

/** Projects grouped by program in workspace order, with their scheduled dates. */
function scheduledProjects(analysis: Analysis) {
  return analysis.index.projects.map((project) => {
    const dates = analysis.schedule.dates.get(project);
    return { project, group: project.program?.id ?? 'unassigned', start: dates?.start, end: dates?.end };
  });
}

/**
 * The first `count` scheduled projects in workspace order as a Mermaid gantt with our scheduled
 * dates; with `html`, also our HTML export of exactly those projects (the roadmap's like-for-like
 * comparison), drawn with the webview bundle in `assets`.
 */
function ganttMode(root: string, out: string, count: number, html?: { readonly out: string; readonly assets: string }) {
  const { analysis } = analysed(root);
  const chosen = scheduledProjects(analysis)
    .filter((p) => p.start !== undefined && p.end !== undefined)
    .slice(0, count);
  if (html) {
    const model = roadmapOfProjects(buildRoadmap(analysis), new Set(chosen.map((entry) => entry.project.id!)));
    writeFileSync(html.out, roadmapHtml(model, readWebviewAssets(html.assets)));
  }
  const groups = new Map<string, typeof chosen>();
  for (const entry of chosen) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  const lines = ['gantt', '  title Roadmap', '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m'];
  for (const [group, entries] of groups) {
    lines.push(`  section ${group}`);
    for (const { project, start, end } of entries) {
      // Mermaid's end date is exclusive; ours is the last day of work.
      const name = (project.name ?? project.id ?? 'project').replace(/[:#;]/g, ' ');
      lines.push(`  ${name} :${project.id!.replace(/[^A-Za-z0-9_]/g, '_')}, ${formatDay(start!)}, ${formatDay(end! + 1)}`);
    }
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  return { projects: chosen.length, sections: groups.size, bytes: Buffer.byteLength(lines.join('\n')) };
}

/** The webview bundle in a folder (a production build's dist/). */
function readWebviewAssets(folder: string): WebviewAssets {
  return { script: readFileSync(join(folder, 'webview.js'), 'utf8'), style: readFileSync(join(folder, 'webview.css'), 'utf8') };
}

/**
 * The render model of some projects only: their bars, their lanes (renumbered), their milestones and
 * their lanes' own, the dependencies between what is left, and their rows of the rollup. The time
 * range stays the whole plan's.
 */
function roadmapOfProjects(model: RoadmapModel, ids: ReadonlySet<string>): RoadmapModel {
  const laneOf = new Map<number, number>();
  model.lanes.forEach((_, index) => {
    if (model.bars.some((bar) => bar.lane === index && ids.has(bar.id))) laneOf.set(index, laneOf.size);
  });
  const lanes = model.lanes.filter((_, index) => laneOf.has(index));
  const bars = model.bars.filter((bar) => ids.has(bar.id)).map((bar) => ({ ...bar, lane: laneOf.get(bar.lane)! }));
  const milestones = model.milestones
    .filter((m) => (m.project === null ? laneOf.has(m.lane) : ids.has(m.project)))
    .map((m) => ({ ...m, lane: laneOf.get(m.lane)! }));
  const kept = new Set([...ids, ...milestones.flatMap((m) => (m.id === null ? [] : [m.id]))]);
  const programs = new Set(lanes.flatMap((lane) => (lane.program ? [lane.program.id] : [])));
  const { rollup } = model;
  return {
    ...model,
    lanes,
    bars,
    milestones,
    dependencies: model.dependencies.filter((d) => kept.has(d.from) && kept.has(d.to)),
    rollup: {
      ...rollup,
      portfolios: rollup.portfolios.filter((p) => p.programs.some((id) => programs.has(id))),
      programs: rollup.programs.filter((p) => programs.has(p.id)),
      projects: rollup.projects.filter((p) => ids.has(p.id)),
      milestones: rollup.milestones.filter((m) => m.owner.id !== null && (m.owner.kind === 'project' ? ids : programs).has(m.owner.id)),
    },
  };
}

/**
 * TaskJuggler: one task per project inside one task per program, `duration` in calendar days
 * (ours are calendar days), finish-to-start `depends` on the same links, a fixed `start` where the
 * plan writes one; milestones that are depended on become milestone tasks on their date.
 */
function tjpMode(root: string, out: string) {
  const { analysis } = analysed(root);
  const tjId = (id: string) => `t_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const entries = scheduledProjects(analysis);
  const pathOf = new Map<Project | Milestone, string>();
  for (const { project, group } of entries) pathOf.set(project, `${tjId(group)}.${tjId(project.id ?? 'x')}`);
  const milestones = new Set<Milestone>();
  for (const target of analysis.index.dependencyTargets.values()) {
    if (target.kind === 'milestone' && target.date) {
      milestones.add(target);
      pathOf.set(target, `milestones.${tjId(target.id ?? `m${milestones.size}`)}`);
    }
  }
  const starts = entries.map((e) => e.start).filter((d): d is number => d !== undefined);
  const ends = entries.map((e) => e.end).filter((d): d is number => d !== undefined);
  const first = Math.min(...starts, ...[...milestones].map((m) => m.date!.value)) - 30;
  const last = Math.max(...ends) + 365;
  const lines = [`project bench "Plan as Code bench" ${formatDay(first)} - ${formatDay(last)} {`, '  timezone "UTC"', '}', ''];
  const groups = new Map<string, typeof entries>();
  for (const entry of entries) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  let dependencies = 0;
  for (const [group, list] of groups) {
    lines.push(`task ${tjId(group)} "${group}" {`);
    for (const { project } of list) {
      lines.push(`  task ${tjId(project.id ?? 'x')} "${(project.name ?? '').replace(/"/g, "'")}" {`);
      const depends = project.dependsOn
        .map((reference) => analysis.index.dependencyTargets.get(reference))
        .filter((target): target is Project | Milestone => target !== undefined && pathOf.has(target))
        .map((target) => pathOf.get(target)!);
      if (depends.length > 0) {
        dependencies += depends.length;
        lines.push(`    depends ${depends.join(', ')}`);
      } else {
        lines.push(`    start ${formatDay(project.start?.value ?? first)}`);
      }
      const dates = analysis.schedule.dates.get(project);
      const days = project.duration?.value ?? (dates?.start !== undefined && dates.end !== undefined ? dates.end - dates.start + 1 : 1);
      lines.push(`    duration ${days}d`, '  }');
    }
    lines.push('}');
  }
  if (milestones.size > 0) {
    lines.push('task milestones "Milestones" {');
    for (const milestone of milestones) lines.push(`  task ${tjId(milestone.id!)} "${milestone.name ?? ''}" {`, '    milestone', `    start ${formatDay(milestone.date!.value)}`, '  }');
    lines.push('}');
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  return { tasks: entries.length, milestones: milestones.size, dependencies, span: [formatDay(first), formatDay(last)] };
}

function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'warm-runs': { type: 'string', default: '5' },
      runs: { type: 'string', default: '20' },
      edits: { type: 'string', default: '50' },
      count: { type: 'string', default: '1000' },
      out: { type: 'string' },
      html: { type: 'string' },
      assets: { type: 'string' },
    },
  });
  const [mode, root] = positionals;
  if (!root) throw new Error('usage: core.bench MODE DIR [options]');
  const result =
    mode === 'index' ? indexMode(root, Number(values['warm-runs']))
    : mode === 'schedule' ? scheduleMode(root, Number(values.runs))
    : mode === 'forecast' ? forecastMode(root, Number(values.runs))
    : mode === 'earned-schedule' ? earnedScheduleMode(root, Number(values.runs))
    : mode === 'quality' ? qualityMode(root, Number(values.runs))
    : mode === 'people' ? peopleMode(root, Number(values.runs))
    : mode === 'incremental' ? incrementalMode(root, Number(values.edits))
    : mode === 'gantt' ? ganttMode(root, values.out!, Number(values.count), values.html ? { out: values.html, assets: values.assets! } : undefined)
    : mode === 'tjp' ? tjpMode(root, values.out!)
    : undefined;
  if (result === undefined) throw new Error(`unknown mode ${mode}`);
  process.stdout.write(`${JSON.stringify({ mode, ...result })}\n`);
}

main();
