/**
 * The roadmap's render model: what the roadmap view, the HTML and SVG exports and the Mermaid export
 * draw, built from an analysis. Plain JSON (days are numbers, see dates.ts), so the extension can post
 * it to the webview and the CLI can embed it in a file. No DOM, no VS Code.
 *
 * Lanes are portfolio › program, then programs without a portfolio, then "Unassigned"; bars are one
 * per project with an id, in lane order; a bar's row is its index in `bars`.
 */
import { monthEnd, monthStart, type Day } from '../base/dates';
import { DEFAULT_CURRENCY, type QualityThresholds } from '../base/defaults';
import { formatAmount, plural } from '../base/messages';
import type { Entity, Health, Milestone, Program, Project, ProjectState } from '../model/entities';
import { entityPosition } from '../model/locate';
import { currencyOf } from '../analysis/rules';
import type { MilestoneStatus } from '../analysis/rollup';
import type { Analysis } from '../analysis/workspace';
import { forecastNote, milestoneNote } from '../views/forecastText';
import { displayName, isCritical } from '../views/entityView';
import { reportQuality, type QualitySummary } from '../views/qualityReport';
import { toRollupJson, workspaceTitle, type RollupJson } from '../views/rollupReport';

/** Where an entity is defined: the core's file path and a 0-based position (see positions.ts). */
export interface RoadmapSource {
  readonly file: string;
  readonly line: number;
  readonly character: number;
}

/**
 * Options of the render model.
 * `defaultCurrency`: the currency of programs that name none (shown with their figures).
 */
export interface RoadmapOptions {
  readonly defaultCurrency?: string;
  /** When given, the model carries the schedule quality (SPEC 11) judged by these thresholds (the roadmap panel shows it). */
  readonly quality?: QualityThresholds;
}

export interface RoadmapLane {
  /** Unique among lanes: `program:<id>` or `unassigned`. */
  readonly key: string;
  readonly portfolio: { readonly id: string; readonly name: string } | null;
  readonly program: { readonly id: string; readonly name: string } | null;
  readonly start: Day | null;
  readonly end: Day | null;
  readonly forecastEnd: Day | null;
  readonly progress: number | null;
  readonly health: Health | null;
  readonly declaredHealth: Health | null;
  /** Why the computed health is not green, in words. */
  readonly healthReasons: readonly string[];
  /** The currency of the lane's figures: the program's, or the default for the Unassigned lane. */
  readonly currency: string;
  readonly source: RoadmapSource | null;
}

export interface RoadmapBar {
  readonly id: string;
  readonly name: string;
  /** Index into `lanes`. */
  readonly lane: number;
  /** Scheduled window, inclusive; null when unscheduled. */
  readonly start: Day | null;
  readonly end: Day | null;
  /** Percent complete, 0..100 (done counts as 100). */
  readonly progress: number;
  /** Null for a cancelled project (v3). */
  readonly health: Health | null;
  readonly declaredHealth: Health | null;
  /** Why the computed health is not green, in words. */
  readonly healthReasons: readonly string[];
  readonly state: ProjectState;
  readonly cancelled: boolean;
  readonly critical: boolean;
  readonly float: number | null;
  readonly baselineStart: Day | null;
  readonly baselineEnd: Day | null;
  /** Where the project is heading (SPEC 5.1); null when cancelled or unscheduled. */
  readonly forecastStart: Day | null;
  readonly forecastEnd: Day | null;
  /** Why the forecast differs from the plan ("pushed 32 days by 'pos-replacement'"), or null. */
  readonly forecastNote: string | null;
  readonly source: RoadmapSource;
}

export interface RoadmapMilestone {
  /** Unique among milestones (the id, else a generated key). */
  readonly key: string;
  readonly id: string | null;
  readonly name: string;
  readonly date: Day;
  readonly done: boolean;
  readonly status: MilestoneStatus;
  /** Where it is heading: its date when done, else no earlier than the status date or its dependencies. */
  readonly forecast: Day | null;
  /** Why it is missed or at risk, or null. */
  readonly note: string | null;
  /** The project row it is drawn on, or null for a program milestone (drawn on its lane's row). */
  readonly project: string | null;
  readonly lane: number;
  readonly source: RoadmapSource;
}

/** A finish-to-start link: `to` depends on `from` (project or milestone ids). */
export interface RoadmapDependency {
  readonly from: string;
  readonly to: string;
  /** `to` starts (or, for a milestone, falls) before `from` ends. */
  readonly violated: boolean;
}

export interface RoadmapModel {
  readonly version: 1;
  readonly title: string;
  readonly statusDate: Day;
  /** The drawn time range, inclusive, padded to whole months. */
  readonly range: { readonly start: Day; readonly end: Day };
  readonly lanes: readonly RoadmapLane[];
  readonly bars: readonly RoadmapBar[];
  readonly milestones: readonly RoadmapMilestone[];
  readonly dependencies: readonly RoadmapDependency[];
  /** Figures of every portfolio, program and project (SPEC 7's rollup JSON), for tooltips and the table. */
  readonly rollup: RollupJson;
  /** The workspace's schedule quality (SPEC 11), when asked for (RoadmapOptions.quality). */
  readonly quality?: QualitySummary;
}

/** Builds the render model of an analysis. */
export function buildRoadmap(analysis: Analysis, options: RoadmapOptions = {}): RoadmapModel {
  const { index, rollup, schedule } = analysis;
  const rollupJson = toRollupJson(analysis);
  const lanes: RoadmapLane[] = [];
  const bars: RoadmapBar[] = [];
  const milestones: RoadmapMilestone[] = [];
  const barIds = new Set<string>();
  const milestoneKeys = new Set<string>();
  const laneOfProgram = new Map<Program, number>();

  const addMilestones = (owner: Program | Project, lane: number, project: string | null) => {
    for (const milestone of owner.milestones) {
      if (!milestone.date) continue;
      const outlook = rollup.milestones.get(milestone)!;
      let key = milestone.id ?? `${owner.id ?? 'milestone'}#${owner.milestones.indexOf(milestone) + 1}`;
      while (milestoneKeys.has(key)) key = `${key}'`;
      milestoneKeys.add(key);
      milestones.push({
        key,
        id: milestone.id ?? null,
        name: displayName(milestone),
        date: milestone.date.value,
        done: milestone.done,
        status: outlook.status,
        forecast: outlook.forecast,
        note: milestoneNote(milestone, outlook),
        project,
        lane,
        source: sourceOf(milestone),
      });
    }
  };

  const addProjects = (projects: readonly Project[], lane: number) => {
    for (const project of projects) {
      // Without an id there is nothing to name the bar by; a repeated id is drawn once (first definition).
      if (project.id === undefined || barIds.has(project.id)) continue;
      const result = rollup.projects.get(project);
      if (!result) continue;
      barIds.add(project.id);
      const float = schedule.float.get(project);
      bars.push({
        id: project.id,
        name: displayName(project),
        lane,
        start: result.start,
        end: result.end,
        progress: result.figures.progress ?? 0,
        health: result.figures.health,
        declaredHealth: result.figures.declaredHealth,
        healthReasons: result.healthReasons,
        state: result.state,
        cancelled: result.cancelled,
        critical: isCritical(float),
        float: float ?? null,
        baselineStart: project.baseline?.start?.value ?? null,
        baselineEnd: project.baseline?.end?.value ?? null,
        forecastStart: result.forecast.start,
        forecastEnd: result.forecast.end,
        forecastNote: forecastNote(result.forecast, result.state),
        source: sourceOf(project),
      });
      addMilestones(project, lane, project.id);
    }
  };

  const addProgram = (program: Program) => {
    if (laneOfProgram.has(program) || program.id === undefined) return;
    const result = rollup.programs.get(program);
    const lane = lanes.length;
    laneOfProgram.set(program, lane);
    lanes.push({
      key: `program:${program.id}`,
      portfolio: program.portfolio?.id !== undefined ? { id: program.portfolio.id, name: displayName(program.portfolio) } : null,
      program: { id: program.id, name: displayName(program) },
      start: result?.start ?? null,
      end: result?.end ?? null,
      forecastEnd: result?.figures.forecastEnd ?? null,
      progress: result?.figures.progress ?? null,
      health: result?.figures.health ?? null,
      declaredHealth: result?.figures.declaredHealth ?? null,
      healthReasons: result?.healthReasons ?? [],
      currency: currencyOf(program, options.defaultCurrency),
      source: sourceOf(program),
    });
    addMilestones(program, lane, null);
    addProjects(program.projects, lane);
  };

  for (const portfolio of index.portfolios) for (const program of portfolio.programs) addProgram(program);
  for (const program of index.programs) addProgram(program);
  const unassigned = index.projects.filter((project) => !project.program || !laneOfProgram.has(project.program));
  if (unassigned.some((project) => project.id !== undefined)) {
    const lane = lanes.length;
    lanes.push({
      key: 'unassigned',
      portfolio: null,
      program: null,
      start: null,
      end: null,
      forecastEnd: null,
      progress: null,
      health: null,
      declaredHealth: null,
      healthReasons: [],
      currency: options.defaultCurrency ?? DEFAULT_CURRENCY,
      source: null,
    });
    addProjects(unassigned, lane);
  }

  return {
    version: 1,
    title: workspaceTitle(analysis, 'Roadmap'),
    statusDate: rollup.statusDate,
    range: timeRange(bars, milestones, rollup.statusDate),
    lanes,
    bars,
    milestones,
    dependencies: dependenciesOf(analysis, barIds, milestoneKeys),
    rollup: rollupJson,
    ...(options.quality ? { quality: reportQuality(analysis, options.quality) } : {}),
  };
}

function sourceOf(entity: Entity): RoadmapSource {
  return entityPosition(entity);
}

function dependenciesOf(analysis: Analysis, barIds: ReadonlySet<string>, milestoneKeys: ReadonlySet<string>): RoadmapDependency[] {
  const { index, schedule } = analysis;
  const drawn = (entity: Project | Milestone) =>
    entity.id !== undefined && (entity.kind === 'project' ? barIds.has(entity.id) : milestoneKeys.has(entity.id)) && index.definitions.get(entity.id)?.[0] === entity;
  const endOf = (entity: Project | Milestone) => (entity.kind === 'milestone' ? entity.date?.value : schedule.dates.get(entity)?.end);
  const startOf = (entity: Project | Milestone) => (entity.kind === 'milestone' ? entity.date?.value : schedule.dates.get(entity)?.start);
  const result: RoadmapDependency[] = [];
  const seen = new Set<string>();
  for (const owner of [...index.projects, ...index.milestones]) {
    if (!drawn(owner)) continue;
    for (const reference of owner.dependsOn) {
      const target = index.dependencyTargets.get(reference);
      if (!target || !drawn(target) || target === owner) continue;
      const key = `${target.id}\u0000${owner.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const fromEnd = endOf(target);
      const toStart = startOf(owner);
      const violated =
        fromEnd !== undefined && toStart !== undefined && (owner.kind === 'milestone' ? fromEnd > toStart : toStart <= fromEnd);
      result.push({ from: target.id!, to: owner.id!, violated });
    }
  }
  return result;
}

/** Every drawn date and the status date, padded by a week and widened to whole months. */
function timeRange(bars: readonly RoadmapBar[], milestones: readonly RoadmapMilestone[], statusDate: Day): { start: Day; end: Day } {
  let min = statusDate;
  let max = statusDate;
  const take = (day: Day | null) => {
    if (day === null) return;
    if (day < min) min = day;
    if (day > max) max = day;
  };
  for (const bar of bars) {
    take(bar.start);
    take(bar.end);
    take(bar.baselineStart);
    take(bar.baselineEnd);
    take(bar.forecastStart);
    take(bar.forecastEnd);
  }
  for (const milestone of milestones) {
    take(milestone.date);
    take(milestone.forecast);
  }
  return { start: monthStart(min - 7), end: monthEnd(max + 7) };
}

/**
 * The roadmap of one lane: its bars, milestones and the dependencies between them, over its own time
 * range (the steering report draws each program on its own). Lane indices are renumbered to 0.
 */
export function laneModel(model: RoadmapModel, laneIndex: number): RoadmapModel {
  const lane = model.lanes[laneIndex];
  const bars = model.bars.filter((bar) => bar.lane === laneIndex).map((bar) => ({ ...bar, lane: 0 }));
  const milestones = model.milestones.filter((milestone) => milestone.lane === laneIndex).map((milestone) => ({ ...milestone, lane: 0 }));
  const ids = new Set<string>([...bars.map((bar) => bar.id), ...milestones.flatMap((m) => (m.id === null ? [] : [m.id]))]);
  return {
    ...model,
    title: lane.program?.name ?? 'Unassigned projects',
    range: timeRange(bars, milestones, model.statusDate),
    lanes: [lane],
    bars,
    milestones,
    dependencies: model.dependencies.filter((d) => ids.has(d.from) && ids.has(d.to)),
  };
}

/** "17 projects in 3 programs" (and how many are outside any program): what a roadmap shows, in a program manager's words. */
export function roadmapCountsText(model: RoadmapModel): string {
  // Not toLocaleString: its first call loads the locale's data, tens of milliseconds of a roadmap's first frame.
  const programs = model.lanes.filter((lane) => lane.program !== null).length;
  const outside = model.lanes.find((lane) => lane.program === null);
  const unassigned = outside ? model.bars.filter((bar) => model.lanes[bar.lane] === outside).length : 0;
  return countsText(model.bars.length, programs, unassigned);
}

/** "10,005 projects in 30 programs, 5 outside any program". */
export function countsText(projects: number, programs: number, unassigned: number): string {
  return `${plural(projects, 'project', true)} in ${plural(programs, 'program', true)}${unassigned > 0 ? `, ${formatAmount(unassigned)} outside any program` : ''}`;
}

/** Where each id the roadmap can open is defined: projects, programs and milestones with an id. */
export function roadmapSources(model: RoadmapModel): Map<string, RoadmapSource> {
  const sources = new Map<string, RoadmapSource>();
  for (const milestone of model.milestones) if (milestone.id !== null) sources.set(milestone.id, milestone.source);
  for (const lane of model.lanes) if (lane.program && lane.source) sources.set(lane.program.id, lane.source);
  for (const bar of model.bars) sources.set(bar.id, bar.source);
  return sources;
}

/** Lane titles name the portfolio only when the programs are in more than one. */
export function showsPortfolio(lanes: readonly RoadmapLane[]): boolean {
  return new Set(lanes.filter((lane) => lane.program).map((lane) => lane.portfolio?.id ?? '')).size > 1;
}
