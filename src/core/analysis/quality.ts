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
import { positionIn } from './nodeMap';
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

/** What each project in scope contributes, worked out once: flags and float by the project's position in the index. */
interface Facts {
  readonly ids: string[];
  readonly flags: Uint8Array;
  readonly float: Float64Array;
}

/** Linked to or from another project (or a program's milestone). */
const LOGIC = 1;
/** In a program with at least two projects in scope. */
const IN_GROUP = 2;
const HARD_CONSTRAINT = 4;
const HAS_FLOAT = 8;
const INVALID_DATES = 16;
const MISSING_RESOURCES = 32;
/** Planned end on or before the status date. */
const DUE = 64;
const DONE = 128;

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
  const { nodes } = index.positions;
  const linked = new Uint8Array(nodes.length);
  // The project a node stands for (its own position, or its project's), or -1 for a program's milestone.
  const holderAt = (node: Project | Milestone, at: number): number =>
    node.kind === 'project' ? at : node.parent.kind === 'project' ? (positionIn(index.positions, node.parent) ?? -1) : -1;
  const cancelledAt = (at: number) => at >= 0 && cancelled(nodes[at] as Project);
  for (let at = 0; at < nodes.length; at++) {
    const links = schedule.links.get(nodes[at]);
    if (links === undefined || links.length === 0) continue;
    const from = holderAt(nodes[at], at);
    if (cancelledAt(from)) continue;
    for (const { target } of links) {
      const to = holderAt(target, positionIn(index.positions, target) ?? -1);
      if (cancelledAt(to) || (from >= 0 && from === to)) continue;
      if (from >= 0) linked[from] = 1;
      if (to >= 0) linked[to] = 1;
    }
  }

  // Each project's facts once, as flags by its position in the index (no object per project: a
  // workspace of 10,000 projects is measured on every report), then the projects in scope by id (so every
  // offender list comes out sorted), and by program.
  const projects = index.projects;
  const facts: Facts = { ids: new Array<string>(projects.length), flags: new Uint8Array(projects.length), float: new Float64Array(projects.length) };
  const inScope: number[] = [];
  for (let at = 0; at < projects.length; at++) {
    const project = projects[at];
    const result = rollup.projects.get(project);
    if (project.id === undefined || result === undefined || result.cancelled) continue;
    const dates = schedule.dates.get(project);
    const float = schedule.float.get(project);
    const done = result.state === 'done';
    let flags = 0;
    if (linked[positionIn(index.positions, project) ?? -1] === 1) flags |= LOGIC;
    if (project.start !== undefined && project.dependsOn.length > 0) flags |= HARD_CONSTRAINT;
    if (float !== undefined) {
      flags |= HAS_FLOAT;
      facts.float[at] = float;
    }
    if ((result.state === 'planned' && dates?.start !== undefined && dates.start < S) || (done && dates?.end !== undefined && dates.end > S)) flags |= INVALID_DATES;
    if (result.figures.bac === 0 && project.team.length === 0) flags |= MISSING_RESOURCES;
    if (result.plannedEnd !== null && result.plannedEnd <= S) flags |= DUE;
    if (done) flags |= DONE;
    facts.flags[at] = flags;
    facts.ids[at] = project.id;
    inScope.push(at);
  }
  inScope.sort((a, b) => compareIds(facts.ids[a], facts.ids[b]));
  const byProgram = new Map<Program, number[]>();
  for (const at of inScope) {
    const program = projects[at].program;
    if (!program) continue;
    let list = byProgram.get(program);
    if (!list) byProgram.set(program, (list = []));
    list.push(at);
  }
  for (const list of byProgram.values()) if (list.length >= 2) for (const at of list) facts.flags[at] |= IN_GROUP;

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
    metrics: measure(facts, inScope, programs, cpliOf, thresholds),
  };
  const scopes = [...programs]
    .sort((a, b) => compareIds(a.id!, b.id!))
    .map((program): QualityScope => ({
      kind: 'program',
      id: program.id!,
      name: program.name ?? program.id!,
      metrics: measure(facts, byProgram.get(program) ?? [], [program], cpliOf, thresholds),
    }));
  return { statusDate: S, thresholds, scopes: [workspace, ...scopes] };
}

/** The nine metrics of one scope: its projects in scope (positions, by id) and its programs. */
function measure(
  facts: Facts,
  projects: readonly number[],
  programs: readonly Program[],
  cpliOf: (program: Program) => ProgramCpli | undefined,
  thresholds: QualityThresholds,
): QualityMetric[] {
  const { ids, flags, float } = facts;
  // Every metric's offenders in one pass over the scope's projects (sorted by id: so is each list).
  const logic: string[] = [];
  const hard: string[] = [];
  const high: string[] = [];
  const negative: string[] = [];
  const invalid: string[] = [];
  const missing: string[] = [];
  const missed: string[] = [];
  let withFloat = 0;
  let due = 0;
  let doneCount = 0;
  for (const at of projects) {
    const f = flags[at];
    const id = ids[at];
    if ((f & (IN_GROUP | LOGIC)) === IN_GROUP) logic.push(id);
    if ((f & HARD_CONSTRAINT) !== 0) hard.push(id);
    if ((f & HAS_FLOAT) !== 0) {
      withFloat++;
      if (float[at] > HIGH_FLOAT_DAYS) high.push(id);
      if (float[at] < 0) negative.push(id);
    }
    if ((f & INVALID_DATES) !== 0) invalid.push(id);
    if ((f & MISSING_RESOURCES) !== 0) missing.push(id);
    if ((f & DONE) !== 0) doneCount++;
    if ((f & DUE) !== 0) {
      due++;
      if ((f & DONE) === 0) missed.push(id);
    }
  }
  const cplis = programs.flatMap((program) => cpliOf(program) ?? []);

  const percent = (id: QualityMetricId, offenders: string[], total: number) => ratioMetric(id, offenders, offenders.length, total, thresholds[id], 'at-most', 100);
  const count = (id: QualityMetricId, offenders: string[], total: number): QualityMetric => {
    const threshold = thresholds[id];
    if (total === 0) return metric(id, null, threshold, true, 0, 0, []);
    return metric(id, offenders.length, threshold, Rational.of(offenders.length).compare(Rational.of(threshold)) <= 0, offenders.length, total, offenders);
  };

  const bei = ratioMetric('bei', missed, doneCount, due, thresholds.bei, 'at-least', 1);

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
    percent('missing-logic', logic, projects.length),
    percent('hard-constraints', hard, projects.length),
    percent('high-float', high, withFloat),
    count('negative-float', negative, withFloat),
    count('invalid-dates', invalid, projects.length),
    percent('missing-resources', missing, projects.length),
    percent('missed', [...missed], due),
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

