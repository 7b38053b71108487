/**
 * The plan-logic warnings that need the schedule and the rollup: windows, budgets, spending, milestones,
 * risks, allocation, declared health, progress and currency (SPEC 6).
 */
import { formatDay, type Day } from '../base/dates';
import type { PlanDiagnostic } from '../base/diagnostic';
import { compareExactly, Rational } from '../base/exact';
import { messages } from '../base/messages';
import type { Milestone, Person, Program, Project, TeamEntry } from '../model/entities';
import { diagnosticAt } from '../model/locate';
import type { PlanIndex } from './planIndex';
import { exactSums, type MilestoneOutlook, type ProjectRollup, type RollupResult } from './rollup';
import { currencyOf, isBetterHealth, riskLevel } from './rules';
import type { Schedule } from './schedule';
import { ITEMS_PER_PAUSE, type Steps } from './steps';

export interface CheckOptions {
  readonly defaultCurrency: string;
}

export function* checkSteps(index: PlanIndex, plan: Schedule, rollup: RollupResult, options: CheckOptions, diagnostics: PlanDiagnostic[]): Steps<void> {
  let tick = 0;
  const cancelled = (project: Project) => rollup.projects.get(project)!.cancelled;

  for (const program of index.programs) {
    checkProgramWindow(program, plan, diagnostics);
    checkProgramBudget(program, rollup, options.defaultCurrency, diagnostics);
  }
  for (const project of index.projects) {
    if (++tick % ITEMS_PER_PAUSE === 0) yield;
    const dates = plan.dates.get(project)!;
    for (const milestone of project.milestones) {
      checkMilestoneWindow(milestone, `project '${project.id}'`, dates.start, dates.end, diagnostics);
    }
    const figures = rollup.projects.get(project)!.figures;
    if (project.spent && figures.ac > figures.bac) {
      diagnostics.push(diagnosticAt(project.source, project.spent.span, 'overspent', messages.overspent(project.id ?? '?', figures.ac, figures.bac, currencyOf(project, options.defaultCurrency))));
    }
    checkProgress(project, diagnostics);
  }
  for (const milestone of index.milestones) {
    if (milestone.date && rollup.milestones.get(milestone)?.status === 'missed') {
      diagnostics.push(
        diagnosticAt(milestone.source, milestone.date.span, 'missed-milestone',
          messages.missedMilestone(milestone.id ?? milestone.name ?? '?', formatDay(milestone.date.value), formatDay(rollup.statusDate))),
      );
    }
  }
  for (const milestone of index.milestones) {
    const outlook = rollup.milestones.get(milestone)!;
    if (milestone.date && outlook.status === 'at-risk' && outlook.waitsFor) {
      diagnostics.push(diagnosticAt(milestone.source, milestone.date.span, 'milestone-at-risk', milestoneAtRisk(milestone, milestone.date.value, outlook, rollup)));
    }
  }
  for (const issue of index.issues) {
    if (issue.open && issue.due && issue.due.value < rollup.statusDate) {
      diagnostics.push(
        diagnosticAt(issue.source, issue.due.span, 'overdue-issue',
          messages.overdueIssue(issue.id ?? issue.title ?? '?', formatDay(issue.due.value), formatDay(rollup.statusDate), rollup.statusDate - issue.due.value)),
      );
    }
  }
  for (const risk of index.risks) {
    if (risk.open && riskLevel(risk) === 'high' && !risk.mitigation) {
      diagnostics.push(diagnosticAt(risk.source, risk.anchor, 'unmitigated-risk', messages.unmitigatedRisk(risk.id ?? risk.title ?? '?', risk.likelihood! * risk.impact!)));
    }
  }
  yield;
  checkAllocations(index, plan, cancelled, diagnostics);
  yield;
  checkDeclaredHealth(index, rollup, diagnostics);
  checkCurrencies(index, options.defaultCurrency, diagnostics);
}

function checkProgramWindow(program: Program, plan: Schedule, diagnostics: PlanDiagnostic[]): void {
  const windowStart = program.start?.value;
  const windowEnd = program.end?.value;
  if (program.start && program.end && program.end.value < program.start.value) {
    diagnostics.push(
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
    diagnostics.push(
      diagnosticAt(project.source, span, 'outside-window',
        messages.projectOutsideProgram(project.id ?? '?', show(start), show(end), program.id ?? '?', show(windowStart), show(windowEnd))),
    );
  }
}

function checkMilestoneWindow(milestone: Milestone, owner: string, start: Day | undefined, end: Day | undefined, diagnostics: PlanDiagnostic[]): void {
  if (!milestone.date) return;
  const date = milestone.date.value;
  if ((start !== undefined && date < start) || (end !== undefined && date > end)) {
    diagnostics.push(
      diagnosticAt(milestone.source, milestone.date.span, 'outside-window',
        messages.milestoneOutside(milestone.id ?? milestone.name ?? '?', formatDay(date), owner,
          start === undefined ? '…' : formatDay(start), end === undefined ? '…' : formatDay(end))),
    );
  }
}

function checkProgramBudget(program: Program, rollup: RollupResult, defaultCurrency: string, diagnostics: PlanDiagnostic[]): void {
  if (!program.budget) return;
  const figures = rollup.programs.get(program)!.figures;
  const budget = program.budget.value;
  const currency = currencyOf(program, defaultCurrency);
  // Money sums are compared exactly: 10000.04 + 5000.01 is not above a budget of 15000.05.
  const exact = () => exactSums(program.projects.flatMap((project) => {
    const result = rollup.projects.get(project)!;
    return result.cancelled ? [] : [result.terms];
  }));
  if (compareExactly(figures.bac, () => exact().bac, budget) > 0) {
    diagnostics.push(diagnosticAt(program.source, program.budget.span, 'over-budget', messages.overBudget(program.id ?? '?', figures.bac, budget, currency)));
  }
  if (compareExactly(figures.eac, () => exact().eac, budget) > 0) {
    diagnostics.push(
      diagnosticAt(program.source, program.budget.span, 'forecast-over-budget', messages.forecastOverBudget(program.id ?? '?', figures.eac, budget, currency)),
    );
  }
}

function checkProgress(project: Project, diagnostics: PlanDiagnostic[]): void {
  const { state, progress } = project;
  if (!state || !progress) return;
  if (state.value === 'done' && progress.value < 100) {
    diagnostics.push(
      diagnosticAt(project.source, progress.span, 'progress-mismatch', messages.doneNotComplete(project.id ?? '?', progress.value), { kind: 'set-progress-100' }),
    );
  } else if (progress.value === 100 && state.value !== 'done') {
    diagnostics.push(
      diagnosticAt(project.source, progress.span, 'progress-mismatch', messages.completeNotDone(project.id ?? '?', state.value), { kind: 'set-state-done' }),
    );
  }
}

/** Sweeps each person's allocations day by day and reports the first day above capacity. */
function checkAllocations(index: PlanIndex, plan: Schedule, cancelled: (project: Project) => boolean, diagnostics: PlanDiagnostic[]): void {
  const people = new Map<string, Person>();
  for (const person of index.people) if (!people.has(person.id)) people.set(person.id, person);
  const assignments = new Map<Person, Array<{ project: Project; entry: TeamEntry; start: Day; end: Day }>>();
  for (const project of index.projects) {
    if (cancelled(project)) continue;
    const { start, end } = plan.dates.get(project)!;
    if (start === undefined || end === undefined || end < start) continue;
    for (const entry of project.team) {
      const person = people.get(entry.person.name);
      if (!person || index.definitions.get(person.id)?.[0] !== person) continue;
      const list = assignments.get(person) ?? [];
      list.push({ project, entry, start, end });
      assignments.set(person, list);
    }
  }
  for (const [person, list] of assignments) {
    const events: Array<[Day, number]> = [];
    for (const a of list) events.push([a.start, a.entry.allocation], [a.end + 1, -a.entry.allocation]);
    events.sort((x, y) => x[0] - y[0]);
    let total = 0;
    for (let i = 0; i < events.length; ) {
      const day = events[i][0];
      for (; i < events.length && events[i][0] === day; i++) total += events[i][1];
      const involved = () => list.filter((a) => a.start <= day && day <= a.end);
      // Percents with decimals: compared exactly (33.3 + 33.3 + 33.4 is not above 100).
      const exactTotal = () => involved().reduce((sum, a) => sum.add(Rational.of(a.entry.allocation)), Rational.zero);
      if (compareExactly(total, exactTotal, person.capacity) > 0) {
        const involvedNow = involved();
        const projects = [...new Set(involvedNow.map((a) => a.project.id ?? '?'))];
        for (const a of involvedNow) {
          diagnostics.push(
            diagnosticAt(a.entry.person.source, a.entry.person.span, 'overallocated',
              messages.overallocated(person.id, formatDay(day), Math.round(total * 100) / 100, person.capacity, projects)),
          );
        }
        break;
      }
    }
  }
}

function checkDeclaredHealth(index: PlanIndex, rollup: RollupResult, diagnostics: PlanDiagnostic[]): void {
  const check = (entity: Project | Program, what: string) => {
    const result = entity.kind === 'project' ? rollup.projects.get(entity)! : rollup.programs.get(entity)!;
    const declared = entity.health;
    if (declared && isBetterHealth(declared.value, result.figures.health)) {
      diagnostics.push(
        diagnosticAt(entity.source, declared.span, 'status-mismatch',
          messages.statusMismatch(what, declared.value, result.figures.health, result.healthReasons)),
      );
    }
  };
  for (const project of index.projects) check(project, `Project '${project.id}'`);
  for (const program of index.programs) check(program, `Program '${program.id}'`);
}

function checkCurrencies(index: PlanIndex, defaultCurrency: string, diagnostics: PlanDiagnostic[]): void {
  for (const portfolio of index.portfolios) {
    const used = [...new Set(portfolio.programs.map((program) => currencyOf(program, defaultCurrency)))];
    if (used.length < 2) continue;
    const listing = portfolio.programs.map((program) => `'${program.id}' ${currencyOf(program, defaultCurrency)}`);
    for (const program of portfolio.programs) {
      diagnostics.push(
        diagnosticAt(program.source, program.currency?.span ?? program.anchor, 'currency-mismatch', messages.currencyMismatch(portfolio.id ?? '?', listing)),
      );
    }
  }
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
    if (reason.kind === 'own-pace') rootCause = messages.slipStartsAtOwnPace(root.project.id ?? '?', reason.spi.toFixed(2), reason.days);
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
