/**
 * A reference implementation of SPEC 11 (schedule quality), written from /work/shared/SPEC.md alone —
 * never from the engine's code — on the workspace model and the reference's own schedule, state and
 * forecast (spec.ts's Expected), with exact rational arithmetic. Plain and slow: one filter per metric.
 *
 * INTERPRETATIONS (documented in docs/FORMAT.md, "Schedule quality"):
 *  (Q1) "through milestones": a project's milestone stands for its project at either end of a link; a
 *       program's milestone is an end of its own (a link to it is a dependency of the project naming it).
 *       A link between a project and its own milestone is no logic.
 *  (Q2) hard-constraints: an explicit start and a depends_on naming at least one thing.
 *  (Q3) Projects outside any program are in the workspace's scope (denominators), never missing logic.
 */
import { toDay } from './days';
import type { Milestone, Program, Project, Workspace } from './model';
import { Rational } from './rational';
import type { Expected, ExpectedProject } from './spec';

export const METRICS = ['missing-logic', 'hard-constraints', 'high-float', 'negative-float', 'invalid-dates', 'missing-resources', 'missed', 'bei', 'cpli'] as const;
export type MetricId = (typeof METRICS)[number];

/** SPEC 11's defaults, written out from the SPEC's table. */
export const DEFAULT_THRESHOLDS: Record<MetricId, string> = {
  'missing-logic': '5',
  'hard-constraints': '5',
  'high-float': '5',
  'negative-float': '0',
  'invalid-dates': '0',
  'missing-resources': '5',
  missed: '5',
  bei: '0.95',
  cpli: '0.95',
};

export interface ExpectedMetric {
  id: MetricId;
  value: Rational | null;
  pass: boolean;
  count: number;
  total: number;
  offenders: string[];
}
export interface ExpectedScope {
  kind: 'workspace' | 'program';
  id: string | null;
  metrics: ExpectedMetric[];
}

interface Row {
  project: Project;
  programId: string | null;
  result: ExpectedProject;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function referenceQuality(workspace: Workspace, expected: Expected): ExpectedScope[] {
  const S = toDay(expected.statusDate);
  const programs: Program[] = [];
  const rows: Row[] = [];
  const results = new Map(expected.projects.map((p) => [p.id, p]));
  const addProgram = (program: Program) => {
    programs.push(program);
    for (const project of program.projects) rows.push({ project, programId: program.id, result: results.get(project.id)! });
  };
  for (const file of workspace.files) {
    for (const document of file.documents) {
      if ('portfolio' in document) document.portfolio.programs.forEach(addProgram);
      else if ('program' in document) addProgram(document.program);
      else rows.push({ project: document.project, programId: document.project.program ?? null, result: results.get(document.project.id)! });
    }
  }
  const cancelledIds = new Set(rows.filter((r) => r.result.state === 'cancelled').map((r) => r.project.id));

  // Who holds each milestone: a project id, or null for a program's own.
  const milestoneHolder = new Map<string, string | null>();
  const allMilestones: Array<{ milestone: Milestone; holder: string | null }> = [];
  for (const program of programs) for (const m of program.milestones) allMilestones.push({ milestone: m, holder: null });
  for (const { project } of rows) for (const m of project.milestones) allMilestones.push({ milestone: m, holder: project.id });
  for (const { milestone, holder } of allMilestones) if (milestone.id !== undefined) milestoneHolder.set(milestone.id, holder);

  /** What an end of a link stands for (Q1): a project id, null for a program milestone, 'cancelled' when it does not count. */
  const end = (id: string, isMilestone: boolean): string | null | 'cancelled' => {
    const project = isMilestone ? milestoneHolder.get(id)! : id;
    return project !== null && cancelledIds.has(project) ? 'cancelled' : project;
  };
  const linked = new Set<string>();
  const link = (from: string | null | 'cancelled', dependency: string) => {
    if (from === 'cancelled') return;
    const to = end(dependency, milestoneHolder.has(dependency));
    if (to === 'cancelled' || (from !== null && from === to)) return;
    if (from !== null) linked.add(from);
    if (to !== null) linked.add(to);
  };
  for (const { project } of rows) for (const dependency of project.depends_on ?? []) link(end(project.id, false), dependency);
  for (const { milestone, holder } of allMilestones) for (const dependency of milestone.depends_on ?? []) link(holder === null ? null : end(holder, false), dependency);

  const live = rows.filter((r) => r.result.state !== 'cancelled');
  const liveCount = (programId: string) => live.filter((r) => r.programId === programId).length;
  const program = (id: string) => programs.find((p) => p.id === id)!;

  const scope = (scopeRows: Row[], scopePrograms: Program[]): ExpectedMetric[] => {
    const ids = (list: Row[]) => list.map((r) => r.project.id).sort(byId);
    const threshold = (id: MetricId) => Rational.decimal(DEFAULT_THRESHOLDS[id]);
    const percent = (id: MetricId, offenders: Row[], denominator: Row[]): ExpectedMetric => {
      if (denominator.length === 0) return { id, value: null, pass: true, count: offenders.length, total: 0, offenders: ids(offenders) };
      const value = Rational.ratio(offenders.length * 100, denominator.length);
      return { id, value, pass: !value.gt(threshold(id)), count: offenders.length, total: denominator.length, offenders: ids(offenders) };
    };
    const count = (id: MetricId, offenders: Row[], denominator: Row[]): ExpectedMetric => {
      if (denominator.length === 0) return { id, value: null, pass: true, count: 0, total: 0, offenders: [] };
      const value = Rational.of(offenders.length);
      return { id, value, pass: !value.gt(threshold(id)), count: offenders.length, total: denominator.length, offenders: ids(offenders) };
    };
    const withFloat = scopeRows.filter((r) => r.result.float !== null);
    const due = scopeRows.filter((r) => toDay(r.result.window.end) <= S);
    const done = (r: Row) => r.result.state === 'done';

    const beiValue = due.length === 0 ? null : Rational.ratio(scopeRows.filter(done).length, due.length);
    const bei: ExpectedMetric = {
      id: 'bei',
      value: beiValue,
      pass: beiValue === null || !beiValue.lt(threshold('bei')),
      count: scopeRows.filter(done).length,
      total: due.length,
      offenders: ids(due.filter((r) => !done(r))),
    };

    const cplis: Array<{ id: string; value: Rational }> = [];
    for (const p of scopePrograms) {
      const forecastEnd = expected.programs.find((e) => e.id === p.id)!.figures.forecastEnd;
      if (p.end === undefined || forecastEnd === null || toDay(forecastEnd) < S) continue;
      cplis.push({ id: p.id, value: Rational.ratio(toDay(p.end) - S + 1, toDay(forecastEnd) - S + 1) });
    }
    const lowest = cplis.reduce<Rational | null>((low, c) => (low === null || c.value.lt(low) ? c.value : low), null);
    const cpli: ExpectedMetric = {
      id: 'cpli',
      value: lowest,
      pass: lowest === null || !lowest.lt(threshold('cpli')),
      count: cplis.length,
      total: scopePrograms.length,
      offenders: cplis.filter((c) => c.value.lt(threshold('cpli'))).map((c) => c.id).sort(byId),
    };

    return [
      percent('missing-logic', scopeRows.filter((r) => r.programId !== null && programs.some((p) => p.id === r.programId) && liveCount(r.programId) >= 2 && !linked.has(r.project.id)), scopeRows),
      percent('hard-constraints', scopeRows.filter((r) => r.project.start !== undefined && (r.project.depends_on ?? []).length > 0), scopeRows),
      percent('high-float', withFloat.filter((r) => r.result.float! > 44), withFloat),
      count('negative-float', withFloat.filter((r) => r.result.float! < 0), withFloat),
      count('invalid-dates', scopeRows.filter((r) => (r.result.state === 'planned' && toDay(r.result.start!) < S) || (done(r) && toDay(r.result.end!) > S)), scopeRows),
      percent('missing-resources', scopeRows.filter((r) => r.result.figures.bac.isZero() && (r.project.team ?? []).length === 0), scopeRows),
      percent('missed', due.filter((r) => !done(r)), due),
      bei,
      cpli,
    ];
  };

  return [
    { kind: 'workspace', id: null, metrics: scope(live, programs) },
    ...[...programs]
      .sort((a, b) => byId(a.id, b.id))
      .map((p) => ({ kind: 'program' as const, id: p.id, metrics: scope(live.filter((r) => r.programId === p.id), [program(p.id)]) })),
  ];
}

/** The engine's `quality --format json` read as plain data, against the reference: one line per difference. */
export function compareQuality(json: { scopes: Array<{ kind: string; id: string | null; metrics: Array<Record<string, unknown>> }> }, expected: ExpectedScope[]): string[] {
  const differences: string[] = [];
  const scopeKeys = (list: Array<{ kind: string; id: string | null }>) => list.map((s) => `${s.kind}:${s.id}`).join(' ');
  if (scopeKeys(json.scopes) !== scopeKeys(expected)) return [`scopes: engine ${scopeKeys(json.scopes)}, reference ${scopeKeys(expected)}`];
  expected.forEach((scope, i) => {
    const metrics = json.scopes[i].metrics;
    if (metrics.map((m) => m.id).join() !== METRICS.join()) {
      differences.push(`${scope.kind}:${scope.id} metrics: ${metrics.map((m) => m.id).join()}`);
      return;
    }
    scope.metrics.forEach((m, k) => {
      const engine = metrics[k];
      const at = `${scope.kind}:${scope.id ?? ''}.${m.id}`;
      const value = engine.value;
      const sameValue =
        m.value === null ? value === null : typeof value === 'number' && Math.abs(value - m.value.toNumber()) <= 1e-9 * Math.max(1, Math.abs(value));
      if (!sameValue) differences.push(`${at}.value: engine ${JSON.stringify(value)}, reference ${m.value?.toString() ?? 'null'}`);
      for (const key of ['pass', 'count', 'total', 'offenders'] as const) {
        if (JSON.stringify(engine[key]) !== JSON.stringify(m[key])) differences.push(`${at}.${key}: engine ${JSON.stringify(engine[key])}, reference ${JSON.stringify(m[key])}`);
      }
      if (engine.threshold !== Number(DEFAULT_THRESHOLDS[m.id])) differences.push(`${at}.threshold: engine ${JSON.stringify(engine.threshold)}`);
    });
  });
  return differences;
}
