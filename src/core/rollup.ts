/**
 * Earned value, ROI and health at the status date (SPEC 5), rolled up project → program → portfolio.
 * All money sums skip cancelled projects. Numbers are not rounded here.
 */
import { formatDay, type Day } from './dates';
import type { Health, Milestone, Portfolio, Program, Project, ProjectState, Risk, Issue } from './model';
import type { Schedule } from './schedule';

export interface HealthThresholds {
  /** CPI or SPI below this is red (default 0.90). */
  readonly red: number;
  /** CPI or SPI below this is amber (default 0.95). */
  readonly amber: number;
}

export const defaultThresholds: HealthThresholds = { red: 0.9, amber: 0.95 };

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

export interface RollupResult {
  readonly statusDate: Day;
  readonly projects: ReadonlyMap<Project, ProjectRollup>;
  readonly programs: ReadonlyMap<Program, Rollup>;
  readonly portfolios: ReadonlyMap<Portfolio, Rollup>;
}

const healthRank: Record<Health, number> = { green: 0, amber: 1, red: 2 };
export function worseHealth(a: Health, b: Health): Health {
  return healthRank[a] >= healthRank[b] ? a : b;
}
export function isBetterHealth(declared: Health, computed: Health): boolean {
  return healthRank[declared] < healthRank[computed];
}

/** A project's state: as written, else derived from progress and start (SPEC 3). */
export function effectiveState(project: Project, start: Day | undefined, statusDate: Day): ProjectState {
  if (project.state) return project.state.value;
  if (project.progress?.value === 100) return 'done';
  return start !== undefined && start <= statusDate ? 'active' : 'planned';
}

export function riskLevel(risk: Risk): keyof RiskCounts | undefined {
  if (risk.likelihood === undefined || risk.impact === undefined) return undefined;
  const score = risk.likelihood * risk.impact;
  return score >= 15 ? 'high' : score >= 8 ? 'medium' : 'low';
}

export function rollupWorkspace(
  programs: readonly Program[],
  portfolios: readonly Portfolio[],
  projects: readonly Project[],
  plan: Schedule,
  statusDate: Day,
  thresholds: HealthThresholds,
): RollupResult {
  const projectRollups = new Map<Project, ProjectRollup>();
  for (const project of projects) projectRollups.set(project, rollupProject(project, plan, statusDate, thresholds));
  const programRollups = new Map<Program, Rollup>();
  for (const program of programs) programRollups.set(program, rollupProgram(program, projectRollups, statusDate, thresholds));
  const portfolioRollups = new Map<Portfolio, Rollup>();
  for (const portfolio of portfolios) portfolioRollups.set(portfolio, rollupPortfolio(portfolio, programRollups, projectRollups, thresholds));
  return { statusDate, projects: projectRollups, programs: programRollups, portfolios: portfolioRollups };
}

function rollupProject(project: Project, plan: Schedule, statusDate: Day, thresholds: HealthThresholds): ProjectRollup {
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
  const spi = pv ? ev / pv : null;
  let forecastEnd = end;
  if (state === 'active' && spi !== null && spi > 0 && spi < 1 && plannedDays !== null) {
    forecastEnd = ps! + Math.ceil(plannedDays / spi) - 1;
  }
  const benefits = sum(project.benefits.map((benefit) => benefit.value));
  const missed = missedMilestones(project.milestones, statusDate);
  const money = earnedValue({ bac, pv: pv ?? 0, ev, ac }, pv === null);
  const { health, reasons } = computeHealth(money.cpi, money.spi, countIssues(project.issues), countRisks(project.risks), missed, [], thresholds);
  return {
    figures: {
      ...money,
      progress,
      forecastEnd,
      benefits,
      ...roi(benefits, bac, money.eac),
      health,
      declaredHealth: project.health?.value ?? null,
      risks: countRisks(project.risks),
      issues: countIssues(project.issues),
    },
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

function rollupProgram(program: Program, projects: ReadonlyMap<Project, ProjectRollup>, statusDate: Day, thresholds: HealthThresholds): Rollup {
  const counted = program.projects.map((project) => projects.get(project)!).filter((rollup) => !rollup.cancelled);
  const totals = {
    bac: sum(counted.map((r) => r.figures.bac)),
    pv: sum(counted.map((r) => r.figures.pv ?? 0)),
    ev: sum(counted.map((r) => r.figures.ev)),
    ac: sum(counted.map((r) => r.figures.ac)),
  };
  const money = earnedValue(totals, false);
  const eac = sum(counted.map((r) => r.figures.eac));
  const etc = sum(counted.map((r) => r.figures.etc));
  const risks = addCounts(countRisks(program.risks), ...counted.map((r) => r.figures.risks));
  const issues = addCounts(countIssues(program.issues), ...counted.map((r) => r.figures.issues));
  const missed = [...missedMilestones(program.milestones, statusDate), ...counted.flatMap((r) => r.missedMilestones)];
  const milestoneDays = [...program.milestones, ...program.projects.filter((p) => !projects.get(p)!.cancelled).flatMap((p) => p.milestones)]
    .flatMap((milestone) => (milestone.date ? [milestone.date.value] : []));
  const starts = [...counted.map((r) => r.start), ...milestoneDays];
  const ends = [...counted.map((r) => r.end), ...milestoneDays];
  const benefits = sum(program.benefits.map((benefit) => benefit.value)) + sum(counted.map((r) => r.figures.benefits));
  const redProjects = program.projects.filter((p) => projects.get(p)!.figures.health === 'red' && !projects.get(p)!.cancelled);
  const { health, reasons } = computeHealth(
    money.cpi, money.spi, issues, risks, missed,
    redProjects.map((p) => `project '${p.id}' is red`), thresholds,
  );
  return {
    figures: {
      ...money,
      eac,
      etc,
      vac: totals.bac - eac,
      progress: rolledProgress(totals, counted),
      forecastEnd: extreme(counted.map((r) => r.figures.forecastEnd), Math.max),
      benefits,
      ...roi(benefits, totals.bac, eac),
      health,
      declaredHealth: program.health?.value ?? null,
      risks,
      issues,
    },
    start: extreme(starts, Math.min),
    end: extreme(ends, Math.max),
    healthReasons: reasons,
    missedMilestones: missed,
  };
}

function rollupPortfolio(
  portfolio: Portfolio,
  programs: ReadonlyMap<Program, Rollup>,
  projects: ReadonlyMap<Project, ProjectRollup>,
  thresholds: HealthThresholds,
): Rollup {
  const parts = portfolio.programs.map((program) => programs.get(program)!);
  const totals = {
    bac: sum(parts.map((r) => r.figures.bac)),
    pv: sum(parts.map((r) => r.figures.pv ?? 0)),
    ev: sum(parts.map((r) => r.figures.ev)),
    ac: sum(parts.map((r) => r.figures.ac)),
  };
  const money = earnedValue(totals, false);
  const eac = sum(parts.map((r) => r.figures.eac));
  const etc = sum(parts.map((r) => r.figures.etc));
  const risks = addCounts({ high: 0, medium: 0, low: 0 }, ...parts.map((r) => r.figures.risks));
  const issues = addCounts({ critical: 0, high: 0, medium: 0, low: 0 }, ...parts.map((r) => r.figures.issues));
  const missed = parts.flatMap((r) => r.missedMilestones);
  const benefits = sum(parts.map((r) => r.figures.benefits));
  const counted = portfolio.programs.flatMap((program) => program.projects.map((p) => projects.get(p)!)).filter((r) => !r.cancelled);
  const redPrograms = portfolio.programs.filter((program) => programs.get(program)!.figures.health === 'red');
  const { health, reasons } = computeHealth(
    money.cpi, money.spi, issues, risks, missed,
    redPrograms.map((p) => `program '${p.id}' is red`), thresholds,
  );
  return {
    figures: {
      ...money,
      eac,
      etc,
      vac: totals.bac - eac,
      progress: rolledProgress(totals, counted),
      forecastEnd: extreme(parts.map((r) => r.figures.forecastEnd), Math.max),
      benefits,
      ...roi(benefits, totals.bac, eac),
      health,
      declaredHealth: null,
      risks,
      issues,
    },
    start: extreme(parts.map((r) => r.start), Math.min),
    end: extreme(parts.map((r) => r.end), Math.max),
    healthReasons: reasons,
    missedMilestones: missed,
  };
}

/** CV, SV, CPI, SPI, EAC, ETC, VAC from BAC, PV, EV and AC. */
function earnedValue(t: { bac: number; pv: number; ev: number; ac: number }, pvUnknown: boolean) {
  const cpi = t.ac !== 0 ? t.ev / t.ac : null;
  const spi = !pvUnknown && t.pv !== 0 ? t.ev / t.pv : null;
  const eac = cpi !== null && cpi > 0 ? t.bac / cpi : t.ac + (t.bac - t.ev);
  return {
    bac: t.bac,
    pv: pvUnknown ? null : t.pv,
    ev: t.ev,
    ac: t.ac,
    cv: t.ev - t.ac,
    sv: pvUnknown ? null : t.ev - t.pv,
    cpi,
    spi,
    eac,
    etc: eac - t.ac,
    vac: t.bac - eac,
  };
}

function roi(benefits: number, bac: number, eac: number) {
  return {
    roiPlanned: bac !== 0 ? (benefits - bac) / bac : null,
    roiForecast: eac !== 0 ? (benefits - eac) / eac : null,
  };
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
  return sum(projects.map((p) => p.figures.progress ?? 0)) / projects.length;
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
  amber.push(...redChildren);
  if (red.length > 0) return { health: 'red', reasons: red };
  if (amber.length > 0) return { health: 'amber', reasons: amber };
  return { health: 'green', reasons: [] };
}

function missedMilestones(milestones: readonly Milestone[], statusDate: Day): Milestone[] {
  return milestones.filter((milestone) => milestone.date && milestone.date.value < statusDate && !milestone.done);
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

function addCounts<T extends object>(base: T, ...others: readonly T[]): T {
  const result = { ...base } as Record<string, number>;
  for (const other of others) for (const [key, value] of Object.entries(other)) result[key] += value as number;
  return result as T;
}

function plural(count: number, what: string): string {
  return count === 1 ? `an ${what}` : `${count} ${what}s`;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function extreme(values: ReadonlyArray<Day | null>, pick: (...values: number[]) => number): Day | null {
  let result: Day | null = null;
  for (const value of values) if (value !== null) result = result === null ? value : pick(result, value);
  return result;
}
