/**
 * Schedule quality (SPEC 11): nine checks adapted from the DCMA 14-point assessment, over the
 * non-cancelled projects of each program and of the whole workspace. Computed on demand from an
 * analysis (the CLI's `quality`, the steering report, the roadmap panel), never as part of it: an
 * analysis costs nothing more for it.
 *
 * Every pass/fail decision is exact (base/exact.ts): a percent is compared as count × 100 against
 * threshold × total, a ratio as the fraction of whole days it is.
 */
import type { Day } from '../base/dates';
import { defaultQualityThresholds, type QualityMetricId, type QualityThresholds } from '../base/defaults';
import { Rational } from '../base/exact';
import type { Milestone, Program, Project } from '../model/entities';
import type { PlanIndex } from './planIndex';
import type { RollupResult } from './rollup';
import type { Schedule } from './schedule';

/** Total float above this many days is high (SPEC 11, DCMA's 44 working days read as calendar days). */
export const HIGH_FLOAT_DAYS = 44;

/** How a metric's value is expressed and which side of its threshold passes. */
export type QualityUnit = 'percent' | 'count' | 'ratio';
export const qualityUnits: Readonly<Record<QualityMetricId, QualityUnit>> = {
  'missing-logic': 'percent',
  'hard-constraints': 'percent',
  'high-float': 'percent',
  'negative-float': 'count',
  'invalid-dates': 'count',
  'missing-resources': 'percent',
  missed: 'percent',
  bei: 'ratio',
  cpli: 'ratio',
};

export interface QualityMetric {
  readonly id: QualityMetricId;
  /** Percent (0..100), count or ratio; null when there is nothing to count (it then passes). */
  readonly value: number | null;
  readonly threshold: number;
  readonly pass: boolean;
  /** What the metric counts. */
  readonly count: number;
  /** Its denominator. */
  readonly total: number;
  /** Ids of the projects (for `cpli`, programs) that make it worse, by id. */
  readonly offenders: readonly string[];
}

export interface QualityScope {
  readonly kind: 'workspace' | 'program';
  /** The program's id; null for the workspace. */
  readonly id: string | null;
  readonly name: string;
  /** In SPEC 11's order. */
  readonly metrics: readonly QualityMetric[];
}

export interface ScheduleQuality {
  readonly statusDate: Day;
  readonly thresholds: QualityThresholds;
  /** The workspace first, then the programs by id. */
  readonly scopes: readonly QualityScope[];
}

/** What the metrics read of an analysis. */
export interface QualityInput {
  readonly index: PlanIndex;
  readonly schedule: Schedule;
  readonly rollup: RollupResult;
}

/** What each project in scope contributes, worked out once. */
interface ProjectFacts {
  readonly id: string;
  /** In a program with at least two projects in scope (set once the program's projects are counted). */
  inGroup: boolean;
  readonly logic: boolean;
  readonly hardConstraint: boolean;
  readonly float: number | undefined;
  readonly invalidDates: boolean;
  readonly missingResources: boolean;
  /** Planned end on or before the status date. */
  readonly due: boolean;
  readonly done: boolean;
}

interface ProgramCpli {
  readonly id: string;
  /** (end − S + 1) / (forecastEnd − S + 1), exactly. */
  readonly cpli: Rational;
}

export function scheduleQuality(analysis: QualityInput, thresholds: QualityThresholds = defaultQualityThresholds): ScheduleQuality {
  const { index, schedule, rollup } = analysis;
  const S = rollup.statusDate;
  const cancelled = (project: Project) => rollup.projects.get(project)?.cancelled === true;

  // Logic: any depends_on link to or from a project, across programs. A project's milestone stands for
  // its project at either end of a link; a program's milestone is a link of its own. Links to or from
  // cancelled projects and their milestones do not count, nor a project's link to its own milestone.
  const linked = new Set<Project>();
  const holder = (node: Project | Milestone): Project | null => (node.kind === 'project' ? node : node.parent.kind === 'project' ? node.parent : null);
  for (const [node, links] of schedule.links) {
    const from = holder(node);
    if (from && cancelled(from)) continue;
    for (const { target } of links) {
      const to = holder(target);
      if ((to && cancelled(to)) || (from !== null && from === to)) continue;
      if (from) linked.add(from);
      if (to) linked.add(to);
    }
  }

  // Each project's facts once, listed by id (so every offender list comes out sorted), and by program.
  const all: ProjectFacts[] = [];
  const byProgram = new Map<Program, ProjectFacts[]>();
  for (const project of index.projects) {
    const result = rollup.projects.get(project);
    if (project.id === undefined || result === undefined || result.cancelled) continue;
    const dates = schedule.dates.get(project);
    const done = result.state === 'done';
    const facts: ProjectFacts = {
      id: project.id,
      inGroup: false,
      logic: linked.has(project),
      hardConstraint: project.start !== undefined && project.dependsOn.length > 0,
      float: schedule.float.get(project),
      invalidDates:
        (result.state === 'planned' && dates?.start !== undefined && dates.start < S) || (done && dates?.end !== undefined && dates.end > S),
      missingResources: result.figures.bac === 0 && project.team.length === 0,
      due: result.plannedEnd !== null && result.plannedEnd <= S,
      done,
    };
    all.push(facts);
    if (project.program) {
      let list = byProgram.get(project.program);
      if (!list) byProgram.set(project.program, (list = []));
      list.push(facts);
    }
  }
  const byId = (a: ProjectFacts, b: ProjectFacts) => compareIds(a.id, b.id);
  all.sort(byId);
  for (const list of byProgram.values()) {
    list.sort(byId);
    if (list.length >= 2) for (const facts of list) facts.inGroup = true;
  }

  const cpliOf = (program: Program): ProgramCpli | undefined => {
    const end = program.end?.value;
    const forecastEnd = rollup.programs.get(program)?.figures.forecastEnd ?? null;
    if (program.id === undefined || end === undefined || forecastEnd === null || forecastEnd < S) return undefined;
    return { id: program.id, cpli: Rational.fraction(BigInt(end - S + 1), BigInt(forecastEnd - S + 1)) };
  };

  const programs = index.programs.filter((program) => program.id !== undefined);
  const workspace: QualityScope = {
    kind: 'workspace',
    id: null,
    name: 'Workspace',
    metrics: measure(all, programs, cpliOf, thresholds),
  };
  const scopes = [...programs]
    .sort((a, b) => compareIds(a.id!, b.id!))
    .map((program): QualityScope => ({
      kind: 'program',
      id: program.id!,
      name: program.name ?? program.id!,
      metrics: measure(byProgram.get(program) ?? [], [program], cpliOf, thresholds),
    }));
  return { statusDate: S, thresholds, scopes: [workspace, ...scopes] };
}

/** The nine metrics of one scope: its projects in scope (by id) and its programs. */
function measure(
  projects: readonly ProjectFacts[],
  programs: readonly Program[],
  cpliOf: (program: Program) => ProgramCpli | undefined,
  thresholds: QualityThresholds,
): QualityMetric[] {
  const where = (test: (p: ProjectFacts) => boolean, among: readonly ProjectFacts[] = projects) => among.filter(test).map((p) => p.id);
  const withFloat = projects.filter((p) => p.float !== undefined);
  const due = projects.filter((p) => p.due);
  const cplis = programs.flatMap((program) => cpliOf(program) ?? []);

  const percent = (id: QualityMetricId, offenders: string[], total: number) => ratioMetric(id, offenders, offenders.length, total, thresholds[id], 'at-most', 100);
  const count = (id: QualityMetricId, offenders: string[], total: number): QualityMetric => {
    const threshold = thresholds[id];
    if (total === 0) return metric(id, null, threshold, true, 0, 0, []);
    return metric(id, offenders.length, threshold, Rational.of(offenders.length).compare(Rational.of(threshold)) <= 0, offenders.length, total, offenders);
  };

  const doneCount = projects.filter((p) => p.done).length;
  const bei = ratioMetric('bei', where((p) => !p.done, due), doneCount, due.length, thresholds.bei, 'at-least', 1);

  let lowest: Rational | null = null;
  for (const { cpli } of cplis) if (lowest === null || cpli.compare(lowest) < 0) lowest = cpli;
  const cpliThreshold = Rational.of(thresholds.cpli);
  const cpli = metric(
    'cpli',
    lowest === null ? null : Number(lowest.num) / Number(lowest.den),
    thresholds.cpli,
    lowest === null || lowest.compare(cpliThreshold) >= 0,
    cplis.length,
    programs.length,
    cplis.filter((p) => p.cpli.compare(cpliThreshold) < 0).map((p) => p.id).sort(compareIds),
  );

  return [
    percent('missing-logic', where((p) => p.inGroup && !p.logic), projects.length),
    percent('hard-constraints', where((p) => p.hardConstraint), projects.length),
    percent('high-float', where((p) => p.float! > HIGH_FLOAT_DAYS, withFloat), withFloat.length),
    count('negative-float', where((p) => p.float! < 0, withFloat), withFloat.length),
    count('invalid-dates', where((p) => p.invalidDates), projects.length),
    percent('missing-resources', where((p) => p.missingResources), projects.length),
    percent('missed', where((p) => !p.done, due), due.length),
    bei,
    cpli,
  ];
}

/** A metric whose value is count / total × scale, passing at most (or at least) its threshold; null and passing when total is 0. */
function ratioMetric(id: QualityMetricId, offenders: string[], count: number, total: number, threshold: number, passes: 'at-most' | 'at-least', scale: number): QualityMetric {
  if (total === 0) return metric(id, null, threshold, true, count, total, offenders);
  // count × scale / total against threshold, as count × scale against threshold × total.
  const side = Rational.of(count * scale).compare(Rational.of(threshold).mul(Rational.of(total)));
  return metric(id, (count * scale) / total, threshold, passes === 'at-most' ? side <= 0 : side >= 0, count, total, offenders);
}

function metric(id: QualityMetricId, value: number | null, threshold: number, pass: boolean, count: number, total: number, offenders: readonly string[]): QualityMetric {
  return { id, value, threshold, pass, count, total, offenders };
}

/** Ids in a stable order, independent of locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether any metric of any scope fails (the CLI's `--fail`). */
export function qualityFails(quality: ScheduleQuality): boolean {
  return quality.scopes.some((scope) => scope.metrics.some((m) => !m.pass));
}

