/**
 * The plan-logic warnings that need the schedule and the rollup (SPEC 6): windows, budgets, spending,
 * milestones, risks, issues, allocation, declared health, progress, currency and status dates.
 *
 * Each check is a unit: the problems of one program, project, milestone, portfolio, person, risk or
 * issue, computed from that entity and what it reads. The full analysis runs every unit; an edit runs
 * again only the units whose inputs it touched (incremental.ts), so a unit must read nothing but its
 * entity, the index, the schedule and the rollup.
 */
import { formatDay, type Day } from '../base/dates';
import type { FileEdit, PlanDiagnostic } from '../base/diagnostic';
import { compareExactly } from '../base/exact';
import { messages } from '../base/messages';
import { fixedNumber } from '../base/numbers';
import type { Health, Issue, Milestone, Person, Portfolio, Program, Project, Risk } from '../model/entities';
import { diagnosticAt } from '../model/locate';
import { compareIds, type Overallocation, type PersonLoad, type PlanLoads } from './people';
import type { PlanIndex } from './planIndex';
import { exactSums, writtenValue, type MilestoneOutlook, type ProjectRollup, type RollupResult } from './rollup';
import { currencyOf, isBetterHealth, riskLevel } from './rules';
import type { Schedule } from './schedule';

/** What every check reads. */
export interface CheckContext {
  readonly index: PlanIndex;
  readonly schedule: Schedule;
  readonly rollup: RollupResult;
  readonly defaultCurrency: string;
  /** The latest status date the documents declare, and where (SPEC 5: the others are flagged, whatever S is used). */
  readonly declaredStatusDate: { readonly value: Day; readonly where: string } | undefined;
  /** Everyone's load on the plan basis (SPEC 10). */
  readonly people: PlanLoads;
}

/** A program's window (and the projects outside it), its budget, its declared health and its status date. */
export function programChecks(program: Program, ctx: CheckContext): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  programWindow(program, ctx.schedule, out);
  programBudget(program, ctx.rollup, ctx.defaultCurrency, out);
  declaredHealth(program, ctx.rollup.programs.get(program)!, out);
  statusDate(program, ctx, out);
  return out;
}

/** The currencies of a portfolio's programs, and its status date. */
export function portfolioChecks(portfolio: Portfolio, ctx: CheckContext): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  // A currency the schema rejected is not known (SPEC 6): the programs whose currency was read are compared.
  const programs = portfolio.programs.filter((program) => !program.invalid.has('currency'));
  const currencies = programs.map((program) => currencyOf(program, ctx.defaultCurrency));
  if (new Set(currencies).size > 1) {
    const listing = programs.map((program, i) => `'${program.id}' ${currencies[i]}`);
    for (const program of programs) {
      out.push(diagnosticAt(program.source, program.currency?.span ?? program.anchor, 'currency-mismatch', messages.currencyMismatch(portfolio.id ?? '?', listing)));
    }
  }
  statusDate(portfolio, ctx, out);
  return out;
}

/** A project's milestones inside its dates, its spending, its progress and its declared health. */
export function projectChecks(project: Project, ctx: CheckContext): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  const dates = ctx.schedule.dates.get(project)!;
  for (const milestone of project.milestones) milestoneWindow(milestone, `project '${project.id}'`, dates.start, dates.end, out);
  const result = ctx.rollup.projects.get(project)!;
  const figures = result.figures;
  // Money is compared exactly as written: spent 1000000000000000.02 is above a budget of 1000000000000000.01.
  // Where they are written is looked up only when the comparison needs the exact values.
  const exactSpent = () => {
    const { text, ac } = result.terms.written;
    return writtenValue(text, ac, figures.ac);
  };
  const exactBac = () => {
    const { text, bac } = result.terms.written;
    return writtenValue(text, bac, figures.bac);
  };
  if (project.spent && compareExactly(figures.ac, exactSpent, figures.bac, exactBac) > 0) {
    out.push(diagnosticAt(project.source, project.spent.span, 'overspent', messages.overspent(project.id ?? '?', figures.ac, figures.bac, currencyOf(project, ctx.defaultCurrency))));
  }
  progress(project, out);
  declaredHealth(project, result, out);
  return out;
}

/** A milestone missed, or at risk (naming what it waits for and where the slip starts). */
export function milestoneChecks(milestone: Milestone, ctx: CheckContext): PlanDiagnostic[] {
  const { rollup } = ctx;
  const outlook = rollup.milestones.get(milestone)!;
  if (!milestone.date) return [];
  if (outlook.status === 'missed') {
    return [
      diagnosticAt(milestone.source, milestone.date.span, 'missed-milestone',
        messages.missedMilestone(milestone.id ?? milestone.name ?? '?', formatDay(milestone.date.value), formatDay(rollup.statusDate))),
    ];
  }
  if (outlook.status === 'at-risk' && outlook.waitsFor) {
    return [diagnosticAt(milestone.source, milestone.date.span, 'milestone-at-risk', milestoneAtRisk(milestone, milestone.date.value, outlook, rollup))];
  }
  return [];
}

export function issueChecks(issue: Issue, ctx: CheckContext): PlanDiagnostic[] {
  const S = ctx.rollup.statusDate;
  if (!issue.open || !issue.due || issue.due.value >= S) return [];
  return [
    diagnosticAt(issue.source, issue.due.span, 'overdue-issue',
      messages.overdueIssue(issue.id ?? issue.title ?? '?', formatDay(issue.due.value), formatDay(S), S - issue.due.value)),
  ];
}

export function riskChecks(risk: Risk): PlanDiagnostic[] {
  if (!risk.open || riskLevel(risk) !== 'high' || risk.mitigation) return [];
  return [diagnosticAt(risk.source, risk.anchor, 'unmitigated-risk', messages.unmitigatedRisk(risk.id ?? risk.title ?? '?', risk.likelihood! * risk.impact!))];
}

/**
 * A person's periods over capacity on the plan basis (SPEC 6, 10): one warning per period, on the team
 * entry of the involved project that starts last (ties: the smallest id), the other entries as related
 * places, and as quick fixes the suggestions that move a project with an explicit start.
 */
export function personChecks(person: Person, ctx: CheckContext): PlanDiagnostic[] {
  const load = ctx.people.loads.get(person);
  if (!load || load.overallocations.length === 0) return [];
  return load.overallocations.map((period) => overallocation(load, period, ctx));
}

function overallocation(load: PersonLoad, period: Overallocation, ctx: CheckContext): PlanDiagnostic {
  const involved = load.assignments.filter((a) => a.units > 0n && a.start !== undefined && period.projects.includes(a.project));
  let anchor = involved[0];
  for (const a of involved) {
    if (a.start! > anchor.start! || (a.start === anchor.start && compareIds(a.project.id, anchor.project.id) < 0)) anchor = a;
  }
  const allocation = (project: Project) => {
    let units = 0n;
    for (const a of involved) if (a.project === project) units += a.units;
    return Number(units) / Number(load.exact.scale);
  };
  const projects = period.projects.map((project) => messages.allocationOn(project.id ?? '?', allocation(project)));
  const remedies: string[] = [];
  const fixes: Array<{ title: string; edits: FileEdit[] }> = [];
  for (const suggestion of ctx.people.suggestions(load, period)) {
    const { project, shiftDays, float } = suggestion;
    const id = project.id ?? '?';
    if (!project.start) {
      remedies.push(messages.shiftBlocked(id, shiftDays, float));
      continue;
    }
    const newStart = formatDay(project.start.value + shiftDays);
    remedies.push(messages.shiftResolves(id, shiftDays, newStart, float));
    const lines = project.source.file.lines;
    const edits: FileEdit[] = [{ file: project.source.file.path, range: lines.rangeOf(project.start.span), newText: newStart }];
    if (project.end) edits.push({ file: project.source.file.path, range: lines.rangeOf(project.end.span), newText: formatDay(project.end.value + shiftDays) });
    fixes.push({ title: messages.shiftFixTitle(id, shiftDays, newStart), edits });
  }
  const message = messages.overallocated(load.person.id, formatDay(period.from), formatDay(period.to), period.peak, load.capacity!, projects, remedies);
  const diagnostic = diagnosticAt(anchor.entry.person.source, anchor.entry.person.span, 'overallocated', message, fixes.length > 0 ? { kind: 'edits', fixes } : undefined);
  const related = involved
    .filter((a) => a !== anchor)
    .map((a) => ({
      file: a.entry.person.source.file.path,
      range: a.entry.person.source.file.lines.rangeOf(a.entry.person.span),
      message: messages.overallocatedAlso(a.project.id ?? '?', Number(a.units) / Number(load.exact.scale), formatDay(a.start!), formatDay(a.end!)),
    }));
  return related.length > 0 ? { ...diagnostic, related } : diagnostic;
}

/** A program whose end is before its start (an error, errors.ts), and its projects outside its window. */
export function programWindow(program: Program, plan: Schedule, out: PlanDiagnostic[]): void {
  const windowStart = program.start?.value;
  const windowEnd = program.end?.value;
  if (program.start && program.end && program.end.value < program.start.value) {
    out.push(
      diagnosticAt(program.source, program.end.span, 'date-conflict',
        messages.endBeforeStart(`Program '${program.id}'`, formatDay(program.end.value), formatDay(program.start.value))),
    );
    return;
  }
  if (windowStart === undefined && windowEnd === undefined) return;
  const show = (day: Day | undefined) => (day === undefined ? '…' : formatDay(day));
  for (const project of program.projects) {
    const { start, end } = plan.dates.get(project)!;
    const early = start !== undefined && windowStart !== undefined && start < windowStart;
    const late = end !== undefined && windowEnd !== undefined && end > windowEnd;
    if (!early && !late) continue;
    const span = early ? (project.start?.span ?? project.anchor) : (project.end?.span ?? project.duration?.span ?? project.anchor);
    out.push(
      diagnosticAt(project.source, span, 'outside-window',
        messages.projectOutsideProgram(project.id ?? '?', show(start), show(end), program.id ?? '?', show(windowStart), show(windowEnd))),
    );
  }
}

function milestoneWindow(milestone: Milestone, owner: string, start: Day | undefined, end: Day | undefined, out: PlanDiagnostic[]): void {
  if (!milestone.date) return;
  const date = milestone.date.value;
  if ((start !== undefined && date < start) || (end !== undefined && date > end)) {
    out.push(
      diagnosticAt(milestone.source, milestone.date.span, 'outside-window',
        messages.milestoneOutside(milestone.id ?? milestone.name ?? '?', formatDay(date), owner,
          start === undefined ? '…' : formatDay(start), end === undefined ? '…' : formatDay(end))),
    );
  }
}

function programBudget(program: Program, rollup: RollupResult, defaultCurrency: string, out: PlanDiagnostic[]): void {
  if (!program.budget) return;
  const figures = rollup.programs.get(program)!.figures;
  const budget = program.budget.value;
  const currency = currencyOf(program, defaultCurrency);
  // Money sums are compared exactly: 10000.04 + 5000.01 is not above a budget of 15000.05.
  const exact = () => exactSums(program.projects.flatMap((project) => {
    const result = rollup.projects.get(project)!;
    return result.cancelled ? [] : [result.terms];
  }));
  const exactBudget = () => writtenValue(program.source.file.text, program.budget, budget);
  if (compareExactly(figures.bac, () => exact().bac, budget, exactBudget) > 0) {
    out.push(diagnosticAt(program.source, program.budget.span, 'over-budget', messages.overBudget(program.id ?? '?', figures.bac, budget, currency)));
  }
  if (compareExactly(figures.eac, () => exact().eac, budget, exactBudget) > 0) {
    out.push(diagnosticAt(program.source, program.budget.span, 'forecast-over-budget', messages.forecastOverBudget(program.id ?? '?', figures.eac, budget, currency)));
  }
}

function progress(project: Project, out: PlanDiagnostic[]): void {
  const { state, progress } = project;
  if (!state || !progress) return;
  if (state.value === 'done' && progress.value < 100) {
    out.push(diagnosticAt(project.source, progress.span, 'progress-mismatch', messages.doneNotComplete(project.id ?? '?', progress.value), { kind: 'set-progress-100' }));
  } else if (progress.value === 100 && state.value !== 'done') {
    out.push(diagnosticAt(project.source, progress.span, 'progress-mismatch', messages.completeNotDone(project.id ?? '?', state.value), { kind: 'set-state-done', state: project.source.file.lines.rangeOf(state.span) }));
  }
}

function declaredHealth(entity: Project | Program, result: { figures: { health: ProjectRollup['figures']['health'] }; healthReasons: readonly string[] }, out: PlanDiagnostic[]): void {
  // A cancelled project computes no health (v3): nothing to mismatch.
  if (result.figures.health === null) return;
  const found = statusMismatch(entity, result.figures.health, () => result.healthReasons);
  if (found) out.push(found);
}

/**
 * The status-mismatch of a project or program whose health computes as `computed` for these reasons: when
 * its declared health is better (the follow-on filter restates it from the reasons it can trust, SPEC 6).
 * The reasons are asked for only then: nearly every health agrees with its declaration, and a rollup puts
 * its reasons into words when they are first read.
 */
export function statusMismatch(entity: Project | Program, computed: Health, reasons: () => readonly string[]): PlanDiagnostic | undefined {
  const declared = entity.health;
  if (!declared || !isBetterHealth(declared.value, computed)) return undefined;
  const what = `${entity.kind === 'project' ? 'Project' : 'Program'} '${entity.id}'`;
  return diagnosticAt(entity.source, declared.span, 'status-mismatch', messages.statusMismatch(what, declared.value, computed, reasons()));
}

/**
 * SPEC 5: a status_date that differs from the latest declared is flagged where it is written — also when
 * the status date is given on the command line or in the settings: the plans still disagree.
 */
function statusDate(holder: Portfolio | Program, ctx: CheckContext, out: PlanDiagnostic[]): void {
  const declared = ctx.declaredStatusDate;
  if (!declared || !holder.statusDate || holder.statusDate.value === declared.value) return;
  const used = ctx.rollup.statusDate;
  out.push(
    diagnosticAt(holder.source, holder.statusDate.span, 'status-date-mismatch',
      messages.statusDateMismatch(formatDay(holder.statusDate.value), formatDay(declared.value), declared.where, used === declared.value ? undefined : formatDay(used))),
  );
}

/** The milestone-at-risk message: how late, what it waits for, and where the slip starts. */
function milestoneAtRisk(milestone: Milestone, date: Day, outlook: MilestoneOutlook, rollup: RollupResult): string {
  const { on, finish } = outlook.waitsFor!;
  const finishText = formatDay(finish);
  const waitsFor =
    on.kind === 'milestone'
      ? messages.waitsForMilestone(on.id ?? on.name ?? '?', finishText)
      : rollup.projects.get(on)?.cancelled
        ? messages.waitsForCancelled(on.id ?? '?', finishText)
        : messages.waitsForProject(on.id ?? '?', finishText);
  const root = slipRoot(on, rollup);
  let rootCause: string | undefined;
  if (root && root.project !== on) {
    const reason = root.result.forecast.reason;
    if (reason.kind === 'own-pace') rootCause = messages.slipStartsAtOwnPace(root.project.id ?? '?', fixedNumber(reason.spi, 2), reason.days);
    else if (reason.kind === 'status-date') rootCause = messages.slipStartsAtStatusDate(root.project.id ?? '?', reason.days);
  }
  return messages.milestoneAtRisk(milestone.id ?? milestone.name ?? '?', formatDay(date), formatDay(outlook.forecast!), outlook.forecast! - date, waitsFor, rootCause);
}

/** Following what pushes what back to the project whose own pace (or the status date) starts the slip. */
function slipRoot(from: Project | Milestone, rollup: RollupResult): { project: Project; result: ProjectRollup } | undefined {
  const seen = new Set<Project | Milestone>();
  let node: Project | Milestone | undefined = from;
  while (node && !seen.has(node)) {
    seen.add(node);
    if (node.kind === 'milestone') {
      node = rollup.milestones.get(node)?.waitsFor?.on;
      continue;
    }
    const result = rollup.projects.get(node);
    if (!result) return undefined;
    const reason = result.forecast.reason;
    if (reason.kind === 'pushed') node = reason.by;
    else return reason.kind === 'own-pace' || reason.kind === 'status-date' ? { project: node, result } : undefined;
  }
  return undefined;
}
