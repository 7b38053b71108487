/**
 * Earned value, ROI and health at the status date (SPEC 5), rolled up project → program → portfolio.
 * All money sums skip cancelled projects. Numbers are not rounded here.
 */
import { formatDay, type Day } from '../base/dates';
import type { HealthThresholds } from '../base/defaults';
import type { Health, Issue, Milestone, Portfolio, Program, Project, ProjectState, Risk } from '../model/entities';
import type { PlanIndex } from './planIndex';
import { effectiveState, riskLevel } from './rules';
import type { Schedule } from './schedule';
import { ITEMS_PER_PAUSE, type Steps } from './steps';

export interface RiskCounts {
  high: number;
  medium: number;
  low: number;
}
export interface IssueCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
}

/** The figures of SPEC 7's rollup output, for one project, program or portfolio. */
export interface Figures {
  readonly bac: number;
  readonly pv: number | null;
  readonly ev: number;
  readonly ac: number;
  readonly cv: number;
  readonly sv: number | null;
  readonly cpi: number | null;
  readonly spi: number | null;
  readonly eac: number;
  readonly etc: number;
  readonly vac: number;
  readonly progress: number | null;
  readonly forecastEnd: Day | null;
  readonly benefits: number;
  readonly roiPlanned: number | null;
  readonly roiForecast: number | null;
  readonly health: Health;
  readonly declaredHealth: Health | null;
  readonly risks: RiskCounts;
  readonly issues: IssueCounts;
}

export interface Rollup {
  readonly figures: Figures;
  readonly start: Day | null;
  readonly end: Day | null;
  /** Why the computed health is not green, in words. */
  readonly healthReasons: readonly string[];
  /** Milestones (own and of counted projects) due before the status date and not done. */
  readonly missedMilestones: readonly Milestone[];
}

export interface ProjectRollup extends Rollup {
  readonly state: ProjectState;
  readonly cancelled: boolean;
  /** Planned window used for PV: the baseline's dates where given, else the schedule. */
  readonly plannedStart: Day | null;
  readonly plannedEnd: Day | null;
}

/** Where a milestone stands at the status date (SPEC 5.1). */
export type MilestoneStatus = 'done' | 'missed' | 'at-risk' | 'on-track';

export interface MilestoneOutlook {
  readonly status: MilestoneStatus;
}

export interface RollupResult {
  readonly statusDate: Day;
  /** Every milestone's status, decided once here and read by the checks and every view. */
  readonly milestones: ReadonlyMap<Milestone, MilestoneOutlook>;
  readonly projects: ReadonlyMap<Project, ProjectRollup>;
  readonly programs: ReadonlyMap<Program, Rollup>;
  readonly portfolios: ReadonlyMap<Portfolio, Rollup>;
}

export function* rollupSteps(index: PlanIndex, plan: Schedule, statusDate: Day, thresholds: HealthThresholds): Steps<RollupResult> {
  let tick = 0;
  const milestones = new Map<Milestone, MilestoneOutlook>();
  for (const milestone of index.milestones) milestones.set(milestone, { status: milestoneStatus(milestone, statusDate) });
  const missedOf = (owner: Program | Project) => missedMilestones(owner.milestones, milestones);
  const projectRollups = new Map<Project, ProjectRollup>();
  for (const project of index.projects) {
    if (++tick % ITEMS_PER_PAUSE === 0) yield;
    projectRollups.set(project, rollupProject(project, plan, statusDate, missedOf(project), thresholds));
  }
  const programRollups = new Map<Program, Rollup>();
  for (const program of index.programs) {
    tick += program.projects.length;
    if (tick > ITEMS_PER_PAUSE) {
      tick = 0;
      yield;
    }
    programRollups.set(program, rollupProgram(program, projectRollups, missedOf(program), thresholds));
  }
  const portfolioRollups = new Map<Portfolio, Rollup>();
  for (const portfolio of index.portfolios) portfolioRollups.set(portfolio, rollupPortfolio(portfolio, programRollups, projectRollups, thresholds));
  return { statusDate, milestones, projects: projectRollups, programs: programRollups, portfolios: portfolioRollups };
}

function milestoneStatus(milestone: Milestone, statusDate: Day): MilestoneStatus {
  if (milestone.done) return 'done';
  return milestone.date !== undefined && milestone.date.value < statusDate ? 'missed' : 'on-track';
}

function rollupProject(project: Project, plan: Schedule, statusDate: Day, missed: Milestone[], thresholds: HealthThresholds): ProjectRollup {
  const dates = plan.dates.get(project);
  const start = dates?.start ?? null;
  const end = dates?.end ?? null;
  const state = effectiveState(project, dates?.start, statusDate);
  const bac = project.baseline?.budget?.value ?? project.budget?.value ?? 0;
  const ps = project.baseline?.start?.value ?? start;
  const pe = project.baseline?.end?.value ?? end;
  const plannedDays = ps !== null && pe !== null && pe >= ps ? pe - ps + 1 : null;
  const pv = plannedDays !== null ? bac * clamp((statusDate - ps! + 1) / plannedDays, 0, 1) : null;
  const progress = state === 'done' ? 100 : (project.progress?.value ?? 0);
  const ev = (bac * progress) / 100;
  const ac = project.spent?.value ?? 0;
  const cpi = ac !== 0 ? ev / ac : null;
  const spi = pv ? ev / pv : null;
  const eac = cpi !== null && cpi > 0 ? bac / cpi : ac + (bac - ev);
  let forecastEnd = end;
  if (state === 'active' && spi !== null && spi > 0 && spi < 1 && plannedDays !== null) {
    forecastEnd = ps! + Math.ceil(plannedDays / spi) - 1;
  }
  let benefits = 0;
  for (const benefit of project.benefits) benefits += benefit.value;
  const risks = countRisks(project.risks);
  const issues = countIssues(project.issues);
  const { health, reasons } = computeHealth(cpi, spi, issues, risks, missed, noChildren, thresholds);
  return {
    figures: figuresOf({
      bac, pv, ev, ac, cpi, spi, eac, etc: eac - ac, progress, forecastEnd, benefits, health,
      declaredHealth: project.health?.value ?? null, risks, issues,
    }),
    start,
    end,
    healthReasons: reasons,
    missedMilestones: missed,
    state,
    cancelled: state === 'cancelled',
    plannedStart: ps,
    plannedEnd: pe,
  };
}

const noChildren: readonly string[] = [];

type FigureInputs = Omit<Figures, 'cv' | 'sv' | 'vac' | 'roiPlanned' | 'roiForecast'>;

/**
 * The figures with CV, SV, VAC and ROI derived, for a project or a sum of parts. Written out in full,
 * never spread: V8 builds spread objects slowly, and there are 10,000 of them.
 */
function figuresOf(f: FigureInputs): Figures {
  return {
    bac: f.bac,
    pv: f.pv,
    ev: f.ev,
    ac: f.ac,
    cv: f.ev - f.ac,
    sv: f.pv === null ? null : f.ev - f.pv,
    cpi: f.cpi,
    spi: f.spi,
    eac: f.eac,
    etc: f.etc,
    vac: f.bac - f.eac,
    progress: f.progress,
    forecastEnd: f.forecastEnd,
    benefits: f.benefits,
    roiPlanned: f.bac !== 0 ? (f.benefits - f.bac) / f.bac : null,
    roiForecast: f.eac !== 0 ? (f.benefits - f.eac) / f.eac : null,
    health: f.health,
    declaredHealth: f.declaredHealth,
    risks: f.risks,
    issues: f.issues,
  };
}

/** The sums a program or portfolio rolls up from its parts. */
interface Totals {
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  eac: number;
  etc: number;
  benefits: number;
  risks: RiskCounts;
  issues: IssueCounts;
  start: Day | null;
  end: Day | null;
  forecastEnd: Day | null;
}

function emptyTotals(): Totals {
  return {
    bac: 0,
    pv: 0,
    ev: 0,
    ac: 0,
    eac: 0,
    etc: 0,
    benefits: 0,
    risks: { high: 0, medium: 0, low: 0 },
    issues: { critical: 0, high: 0, medium: 0, low: 0 },
    start: null,
    end: null,
    forecastEnd: null,
  };
}

function addPart(totals: Totals, part: Rollup): void {
  const f = part.figures;
  totals.bac += f.bac;
  totals.pv += f.pv ?? 0;
  totals.ev += f.ev;
  totals.ac += f.ac;
  totals.eac += f.eac;
  totals.etc += f.etc;
  totals.benefits += f.benefits;
  addRisks(totals.risks, f.risks);
  addIssues(totals.issues, f.issues);
  totals.start = earliest(totals.start, part.start);
  totals.end = latest(totals.end, part.end);
  totals.forecastEnd = latest(totals.forecastEnd, f.forecastEnd);
}

/** CV, SV, VAC, CPI and SPI from the sums (never averaged), ROI, and health. */
function totalsToRollup(
  totals: Totals,
  progress: number | null,
  declaredHealth: Health | null,
  missed: readonly Milestone[],
  redChildren: readonly string[],
  thresholds: HealthThresholds,
): Rollup {
  const { bac, pv, ev, ac, eac, benefits } = totals;
  const cpi = ac !== 0 ? ev / ac : null;
  const spi = pv !== 0 ? ev / pv : null;
  const { health, reasons } = computeHealth(cpi, spi, totals.issues, totals.risks, missed, redChildren, thresholds);
  return {
    figures: figuresOf({
      bac, pv, ev, ac, cpi, spi, eac, etc: totals.etc, progress, forecastEnd: totals.forecastEnd, benefits, health,
      declaredHealth, risks: totals.risks, issues: totals.issues,
    }),
    start: totals.start,
    end: totals.end,
    healthReasons: reasons,
    missedMilestones: missed,
  };
}

function rollupProgram(program: Program, projects: ReadonlyMap<Project, ProjectRollup>, missed: Milestone[], thresholds: HealthThresholds): Rollup {
  const totals = emptyTotals();
  addRisks(totals.risks, countRisks(program.risks));
  addIssues(totals.issues, countIssues(program.issues));
  for (const benefit of program.benefits) totals.benefits += benefit.value;
  const counted: ProjectRollup[] = [];
  const redChildren: string[] = [];
  const milestoneDay = (milestone: Milestone) => {
    if (!milestone.date) return;
    totals.start = earliest(totals.start, milestone.date.value);
    totals.end = latest(totals.end, milestone.date.value);
  };
  program.milestones.forEach(milestoneDay);
  for (const project of program.projects) {
    const result = projects.get(project)!;
    if (result.cancelled) continue;
    counted.push(result);
    addPart(totals, result);
    project.milestones.forEach(milestoneDay);
    for (const milestone of result.missedMilestones) missed.push(milestone);
    if (result.figures.health === 'red') redChildren.push(`project '${project.id}' is red`);
  }
  return totalsToRollup(totals, rolledProgress(totals, counted), program.health?.value ?? null, missed, redChildren, thresholds);
}

function rollupPortfolio(
  portfolio: Portfolio,
  programs: ReadonlyMap<Program, Rollup>,
  projects: ReadonlyMap<Project, ProjectRollup>,
  thresholds: HealthThresholds,
): Rollup {
  const totals = emptyTotals();
  const missed: Milestone[] = [];
  const redChildren: string[] = [];
  const counted: ProjectRollup[] = [];
  for (const program of portfolio.programs) {
    const result = programs.get(program)!;
    addPart(totals, result);
    for (const milestone of result.missedMilestones) missed.push(milestone);
    if (result.figures.health === 'red') redChildren.push(`program '${program.id}' is red`);
    for (const project of program.projects) {
      const projectResult = projects.get(project)!;
      if (!projectResult.cancelled) counted.push(projectResult);
    }
  }
  return totalsToRollup(totals, rolledProgress(totals, counted), null, missed, redChildren, thresholds);
}

/** ΣEV / ΣBAC × 100; with no budget, project progress weighted by planned days. */
function rolledProgress(totals: { bac: number; ev: number }, projects: readonly ProjectRollup[]): number | null {
  if (totals.bac > 0) return (totals.ev / totals.bac) * 100;
  if (projects.length === 0) return null;
  let weighted = 0;
  let days = 0;
  for (const project of projects) {
    if (project.plannedStart === null || project.plannedEnd === null || project.plannedEnd < project.plannedStart) continue;
    const span = project.plannedEnd - project.plannedStart + 1;
    weighted += (project.figures.progress ?? 0) * span;
    days += span;
  }
  if (days > 0) return weighted / days;
  // No planned windows at all: a plain mean is the best that can be said.
  let total = 0;
  for (const project of projects) total += project.figures.progress ?? 0;
  return total / projects.length;
}

function computeHealth(
  cpi: number | null,
  spi: number | null,
  issues: IssueCounts,
  risks: RiskCounts,
  missed: readonly Milestone[],
  redChildren: readonly string[],
  thresholds: HealthThresholds,
): { health: Health; reasons: string[] } {
  const red: string[] = [];
  const amber: string[] = [];
  const index = (name: string, value: number | null) => {
    if (value === null) return;
    if (value < thresholds.red) red.push(`${name} ${value.toFixed(2)} < ${thresholds.red.toFixed(2)}`);
    else if (value < thresholds.amber) amber.push(`${name} ${value.toFixed(2)} < ${thresholds.amber.toFixed(2)}`);
  };
  index('CPI', cpi);
  index('SPI', spi);
  if (issues.critical > 0) red.push(plural(issues.critical, 'open critical issue'));
  for (const milestone of missed) amber.push(`milestone '${milestone.id ?? milestone.name}' missed (${formatDay(milestone.date!.value)})`);
  if (risks.high > 0) amber.push(plural(risks.high, 'open high risk'));
  if (issues.high > 0) amber.push(plural(issues.high, 'open high issue'));
  for (const child of redChildren) amber.push(child);
  if (red.length > 0) return { health: 'red', reasons: red };
  if (amber.length > 0) return { health: 'amber', reasons: amber };
  return { health: 'green', reasons: [] };
}

function missedMilestones(list: readonly Milestone[], outlook: ReadonlyMap<Milestone, MilestoneOutlook>): Milestone[] {
  let missed: Milestone[] | undefined;
  for (const milestone of list) if (outlook.get(milestone)?.status === 'missed') (missed ??= []).push(milestone);
  return missed ?? [];
}

function countRisks(risks: readonly Risk[]): RiskCounts {
  const counts: RiskCounts = { high: 0, medium: 0, low: 0 };
  for (const risk of risks) {
    const level = risk.open ? riskLevel(risk) : undefined;
    if (level) counts[level]++;
  }
  return counts;
}

function countIssues(issues: readonly Issue[]): IssueCounts {
  const counts: IssueCounts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const issue of issues) if (issue.open && issue.severity) counts[issue.severity]++;
  return counts;
}

function addRisks(into: RiskCounts, from: RiskCounts): void {
  into.high += from.high;
  into.medium += from.medium;
  into.low += from.low;
}

function addIssues(into: IssueCounts, from: IssueCounts): void {
  into.critical += from.critical;
  into.high += from.high;
  into.medium += from.medium;
  into.low += from.low;
}

function earliest(a: Day | null, b: Day | null): Day | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function latest(a: Day | null, b: Day | null): Day | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function plural(count: number, what: string): string {
  return count === 1 ? `an ${what}` : `${count} ${what}s`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
