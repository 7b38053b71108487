/**
 * The forecast (SPEC 5.1): where each project and milestone is heading at the status date S, with
 * slips flowing down `depends_on`. The schedule is the plan; this is the plan as it now looks.
 *
 * - done: as scheduled;
 * - active or on hold (work has begun, no longer pushed by dependencies): its own pace — planned
 *   window stretched by 1/SPI when SPI < 1 — but never before its current plan's end, nor before S;
 * - planned: starts no earlier than S or the day after each dependency's forecast finish, and keeps
 *   its planned length.
 * A milestone's forecast is the latest of its date, S and its dependencies' forecasts; its status is
 * cancelled (its project is), done, missed (date < S), at risk (forecast after its date) or on track.
 * A cancelled project has no forecast and pushes nothing (v3).
 */
import type { Day } from '../base/dates';
import { ceilExactly, compareExactly, Rational } from '../base/exact';
import type { Milestone, Project, ProjectState } from '../model/entities';
import { NodeMap, type Node, type WritableMap } from './nodeMap';
import type { PlanIndex } from './planIndex';
import type { Link, Schedule } from './schedule';
import { ITEMS_PER_PAUSE, type Steps } from './steps';

/** Why a forecast is where it is, in terms a tooltip can put in words. */
export type ForecastReason =
  /** Done, or on its planned dates. */
  | { readonly kind: 'as-planned' }
  /** Active or on hold and running late at its own pace (SPI below 1). */
  | { readonly kind: 'own-pace'; readonly spi: number; readonly days: number }
  /**
   * Active or on hold, behind its pace (SPI below 1), but re-planned to end later than its pace
   * would take it (`paceEnd`): its current plan decides (v3).
   */
  | { readonly kind: 'current-plan'; readonly spi: number; readonly paceEnd: Day }
  /** Unfinished work cannot end (or planned work start) before the status date. */
  | { readonly kind: 'status-date'; readonly days: number }
  /** Planned, and pushed later by a dependency's forecast finish. */
  | { readonly kind: 'pushed'; readonly by: Project | Milestone; readonly days: number }
  /** Cancelled, or its dates are unknown: no forecast. */
  | { readonly kind: 'none' };

export interface ProjectForecast {
  readonly start: Day | null;
  readonly end: Day | null;
  readonly reason: ForecastReason;
}


/** Where a milestone stands at the status date. */
export type MilestoneStatus = 'done' | 'missed' | 'at-risk' | 'on-track' | 'cancelled';

export interface MilestoneOutlook {
  readonly status: MilestoneStatus;
  /** Its date when done; else the latest of its date, S and its dependencies' forecasts (null without a date). */
  readonly forecast: Day | null;
  /** The dependency with the latest forecast finish, when that finish is after the milestone's date. */
  readonly waitsFor: { readonly on: Project | Milestone; readonly finish: Day } | undefined;
}

/** What the forecast needs to know of each project beyond the schedule. */
export interface ProjectPace {
  readonly state: ProjectState;
  /** The planned window used for PV (baseline dates where given), in days; null when unknown. */
  readonly plannedStart: Day | null;
  readonly plannedDays: number | null;
  readonly spi: number | null;
  /** SPI exactly, for the forecast's day count when it lands on a whole number. */
  readonly exactSpi: () => Rational | null;
}

export interface Forecast {
  readonly projects: ReadonlyMap<Project, ProjectForecast>;
  readonly milestones: ReadonlyMap<Milestone, MilestoneOutlook>;
}


const noLinks: readonly Link[] = [];
const noForecast: ProjectForecast = { start: null, end: null, reason: { kind: 'none' } };
const asPlanned: ForecastReason = { kind: 'as-planned' };
/** A cancelled project's milestone: shown, never forecast, never late (v3). */
const cancelledOutlook: MilestoneOutlook = { status: 'cancelled', forecast: null, waitsFor: undefined };

export function* forecastSteps(
  index: PlanIndex,
  schedule: Schedule,
  pace: ReadonlyMap<Project, ProjectPace>,
  statusDate: Day,
): Steps<Forecast> {
  const forecast: Forecast = { projects: new NodeMap(index.positions), milestones: new NodeMap(index.positions) };
  // Everything is dirty: every project and milestone is forecast (an edit does this for what it reaches).
  yield* reforecast(forecast, index.positions.nodes, index, schedule, pace, statusDate);
  return forecast;
}

/**
 * Stage reforecast: the forecasts of `nodes` worked out again, pausing every few hundred. The full
 * analysis reforecasts every project and milestone; an edit, those downstream of what it changed.
 */
export function* reforecast(
  forecast: Forecast,
  nodes: readonly Node[],
  index: PlanIndex,
  schedule: Schedule,
  pace: ReadonlyMap<Project, ProjectPace>,
  statusDate: Day,
): Steps<void> {
  const projects = forecast.projects as WritableMap<Project, ProjectForecast>;
  const milestones = forecast.milestones as WritableMap<Milestone, MilestoneOutlook>;
  // Indexed: in a generator, `for … of` makes an iterator result per item.
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.kind === 'project') projects.delete(node);
    else milestones.delete(node);
  }
  for (let from = 0; from < nodes.length; from += ITEMS_PER_PAUSE) {
    if (from > 0) yield;
    settleForecasts(nodes.slice(from, from + ITEMS_PER_PAUSE), forecast, index, schedule, pace, statusDate);
  }
}

/**
 * Forecasts `nodes` and, first, whatever they wait for that has no forecast yet, into `forecast`:
 * depth first in dependency order, iteratively (a 10,000-long chain must not exhaust the stack). A
 * dependency met again while still open lies on a cycle (reported by the schedule): it is skipped.
 */
function settleForecasts(
  nodes: Iterable<Node>,
  forecast: Forecast,
  index: PlanIndex,
  schedule: Schedule,
  pace: ReadonlyMap<Project, ProjectPace>,
  statusDate: Day,
): void {
  const projects = forecast.projects as WritableMap<Project, ProjectForecast>;
  const milestones = forecast.milestones as WritableMap<Milestone, MilestoneOutlook>;
  // Reached in this walk: done, or on the stack when not done (never removed: a Set shrinks by copying).
  const visiting = new Set<Node>();
  const done = (node: Node) => (node.kind === 'project' ? projects.has(node) : milestones.has(node));
  // The schedule's links: each node's depends_on items that name something, in order (worked out once per index).
  const links = schedule.links;
  /** Only planned projects and open milestones wait for their dependencies' forecasts. */
  const waits = (node: Node): boolean => (node.kind === 'milestone' ? !node.done : pace.get(node)?.state === 'planned');
  /**
   * A dependency's forecast finish: a project's forecast end, a milestone's forecast. A cancelled
   * project (and its milestones) gives nothing (v3): its forecast is null.
   */
  const finishOf = (node: Node): Day | null => (node.kind === 'milestone' ? (milestones.get(node)?.forecast ?? null) : (projects.get(node)?.end ?? null));
  const cancelledHolder = (milestone: Milestone): boolean => milestone.parent.kind === 'project' && pace.get(milestone.parent)?.state === 'cancelled';
  const stack: Node[] = [];
  for (const first of nodes) {
    if (done(first)) continue;
    stack.push(first);
    while (stack.length > 0) {
      const node = stack[stack.length - 1];
      if (done(node)) {
        stack.pop();
        continue;
      }
      visiting.add(node);
      const targets = links.get(node) ?? noLinks;
      let pending: Node | undefined;
      if (targets.length > 0 && waits(node)) {
        for (let i = 0; i < targets.length; i++) {
          const target = targets[i].target;
          if (!done(target) && !visiting.has(target)) {
            pending = target;
            break;
          }
        }
      }
      if (pending) {
        stack.push(pending);
        continue;
      }
      if (node.kind === 'project') projects.set(node, forecastProject(node, schedule, pace.get(node)!, statusDate, targets, finishOf));
      else milestones.set(node, cancelledHolder(node) ? cancelledOutlook : milestoneOutlook(node, statusDate, targets, finishOf));
      stack.pop();
    }
  }
}

function forecastProject(
  project: Project,
  schedule: Schedule,
  pace: ProjectPace,
  statusDate: Day,
  dependencies: readonly Link[],
  finishOf: (node: Node) => Day | null,
): ProjectForecast {
  const dates = schedule.dates.get(project);
  const s = dates?.start;
  const e = dates?.end;
  if (pace.state === 'cancelled' || s === undefined || e === undefined) return noForecast;
  switch (pace.state) {
    case 'done':
      return { start: s, end: e, reason: asPlanned };
    case 'active':
    case 'on-hold': {
      const { spi, plannedStart, plannedDays } = pace;
      // own = max(e, ps + ceil((pe − ps + 1) / SPI) − 1) when 0 < SPI < 1, else e: a project behind its
      // pace never forecasts an end before its current plan (v3: a re-planned one used to).
      let paceEnd: Day | undefined;
      // 0 < SPI < 1, decided exactly: an SPI of exactly 1 may be 0.9999999999999999 in floating point.
      if (spi !== null && spi > 0 && plannedStart !== null && plannedDays !== null && compareExactly(spi, () => pace.exactSpi()!, 1) < 0) {
        // The day count exact where it is a whole number.
        paceEnd = plannedStart + ceilExactly(plannedDays / spi, () => Rational.of(plannedDays).div(pace.exactSpi()!)) - 1;
      }
      const own = paceEnd !== undefined && paceEnd > e ? paceEnd : e;
      if (statusDate > own) return { start: s, end: statusDate, reason: { kind: 'status-date', days: statusDate - e } };
      if (own > e) return { start: s, end: own, reason: { kind: 'own-pace', spi: spi!, days: own - e } };
      if (paceEnd !== undefined) return { start: s, end: e, reason: { kind: 'current-plan', spi: spi!, paceEnd } };
      return { start: s, end: e, reason: asPlanned };
    }
    case 'planned': {
      let start = Math.max(s, statusDate);
      let by: Node | undefined;
      for (let i = 0; i < dependencies.length; i++) {
        const dependency = dependencies[i].target;
        const finish = finishOf(dependency);
        if (finish !== null && finish + 1 > start) {
          start = finish + 1;
          by = dependency;
        }
      }
      const end = start + (e - s);
      if (start === s) return { start, end, reason: asPlanned };
      return { start, end, reason: by ? { kind: 'pushed', by, days: start - s } : { kind: 'status-date', days: start - s } };
    }
  }
}

function milestoneOutlook(milestone: Milestone, statusDate: Day, dependencies: readonly Link[], finishOf: (node: Node) => Day | null): MilestoneOutlook {
  const date = milestone.date?.value;
  if (milestone.done) return { status: 'done', forecast: date ?? null, waitsFor: undefined };
  if (date === undefined) return { status: 'on-track', forecast: null, waitsFor: undefined };
  let forecast = Math.max(date, statusDate);
  let waitsFor: MilestoneOutlook['waitsFor'];
  for (let i = 0; i < dependencies.length; i++) {
    const dependency = dependencies[i].target;
    // The same day is fine: a milestone can fall on the day its dependency ends.
    const finish = finishOf(dependency);
    if (finish !== null && finish > forecast) {
      forecast = finish;
      waitsFor = { on: dependency, finish };
    }
  }
  const status: MilestoneStatus = date < statusDate ? 'missed' : forecast > date ? 'at-risk' : 'on-track';
  return { status, forecast, waitsFor };
}
