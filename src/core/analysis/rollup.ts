/**
 * Earned value, forecast, ROI and health at the status date (SPEC 5 and 5.1), rolled up project →
 * program → portfolio. All money sums skip cancelled projects. Numbers are not rounded here.
 *
 * In order: each project's earned value; the forecast (which needs each project's SPI and flows down
 * the dependencies); each project's health (which needs its milestones' forecasts); then programs and
 * portfolios from the sums of their parts. Health thresholds are compared exactly (see base/exact.ts).
 */
import { formatDay, type Day } from '../base/dates';
import { slipThresholds, type HealthThresholds } from '../base/defaults';
import { compareExactly, Rational } from '../base/exact';
import { plural } from '../base/messages';
import { digitsApart, fixedNumber } from '../base/numbers';
import type { Field, Health, Issue, Milestone, Portfolio, Program, Project, ProjectState, Risk } from '../model/entities';
import { projectEarnedSchedule, setEarnedSchedule, type EarnedSchedule } from './earnedSchedule';
import { forecastSteps, type Forecast, type MilestoneOutlook, type ProjectForecast, type ProjectPace } from './forecast';
import { NodeMap, positionIn, type NodePositions, type WritableMap } from './nodeMap';
import type { PlanIndex } from './planIndex';
import { effectiveState, riskLevel } from './rules';
import type { Schedule } from './schedule';
import { PauseCounter, type Steps } from './steps';

export type { MilestoneOutlook, MilestoneStatus } from './forecast';

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
  /** Projects only (absent on programs and portfolios). */
  readonly forecastStart?: Day | null;
  readonly forecastEnd: Day | null;
  readonly benefits: number;
  readonly roiPlanned: number | null;
  readonly roiForecast: number | null;
  /** Null for a cancelled project (v3: it asks for no attention). */
  readonly health: Health | null;
  readonly declaredHealth: Health | null;
  readonly risks: RiskCounts;
  readonly issues: IssueCounts;
  /**
   * Days the forecast end is after the planned end (SPEC 5, the slip rule; negative: ahead). Null where
   * nothing is left to finish (done, cancelled, every project done or none) or without a forecast.
   */
  readonly slip: number | null;
  /** Earned schedule (SPEC 5.2): days, days, index, days, date. */
  readonly es: number | null;
  readonly at: number | null;
  readonly spiT: number | null;
  readonly svT: number | null;
  readonly ieacT: Day | null;
}

/**
 * What one reason of a computed health is computed from (SPEC 5), so that a reason resting on a value
 * the schema rejected can be set aside (SPEC 6; the table of what each rests on is in followOn.ts).
 */
export type HealthBasis =
  /** The holder's CPI, SPI or slip (a project's own; a program's or portfolio's from its projects). */
  | { readonly kind: 'cpi' | 'spi' | 'slip' }
  /** Its open critical or high issues, or its open high risks (a program's own and its projects'). */
  | { readonly kind: 'critical-issues' | 'high-issues' | 'high-risks' }
  /** One of its milestones, missed or at risk. */
  | { readonly kind: 'milestone'; readonly milestone: Milestone }
  /** A part of it that is red (a program's project, a portfolio's program). */
  | { readonly kind: 'red-part'; readonly part: Project | Program };

/** One reason of a computed health: how bad, in words, and what it is computed from. */
export interface HealthConcern {
  readonly level: 'red' | 'amber';
  readonly text: string;
  readonly basis: HealthBasis;
}

export interface Rollup {
  readonly figures: Figures;
  readonly start: Day | null;
  readonly end: Day | null;
  /** Why the computed health is not green, in words (the concerns of its level). */
  readonly healthReasons: readonly string[];
  /** Every concern the health was computed from, red and amber (empty when green). */
  readonly healthConcerns: readonly HealthConcern[];
  /** The planned end the slip is measured from (a project's pe; a program's declared or planned end); null when unknown. */
  readonly slipFrom: Day | null;
}

/** The values a project's earned value is computed from, as written, for the exact comparisons. */
export interface ProjectTerms {
  readonly bac: number;
  /** Percent complete that earns value (100 when done). */
  readonly percent: number;
  readonly ac: number;
  /** Days of the planned window up to S (0 … window), and the window's days; null when it is unknown. */
  readonly elapsed: number | null;
  readonly window: number | null;
  /** Where BAC, progress and spent are written, for their exact values (written text, not the double). */
  readonly written: { readonly text: string; readonly bac?: Field<number>; readonly percent?: Field<number>; readonly ac?: Field<number> };
}

/** A field's value exactly as written in its file. */
export function writtenValue(text: string, field: Field<number> | undefined, value: number): Rational {
  return Rational.written(field ? text.slice(field.span[0], field.span[1]) : undefined, value);
}

export interface ProjectRollup extends Rollup {
  readonly state: ProjectState;
  readonly cancelled: boolean;
  /** Planned window used for PV: the baseline's dates where given, else the schedule. */
  readonly plannedStart: Day | null;
  readonly plannedEnd: Day | null;
  readonly forecast: ProjectForecast;
  /** @internal What the figures are computed from (for exact sums). */
  readonly terms: ProjectTerms;
}

export interface RollupResult {
  readonly statusDate: Day;
  /** Every milestone's forecast and status, decided once here and read by the checks and every view. */
  readonly milestones: ReadonlyMap<Milestone, MilestoneOutlook>;
  readonly projects: ReadonlyMap<Project, ProjectRollup>;
  readonly programs: ReadonlyMap<Program, Rollup>;
  readonly portfolios: ReadonlyMap<Portfolio, Rollup>;
}

/** A project's earned value before its health is known (the forecast comes in between). */
export interface EarnedValue extends ProjectPace {
  readonly terms: ProjectTerms;
  readonly state: ProjectState;
  readonly start: Day | null;
  readonly end: Day | null;
  readonly plannedStart: Day | null;
  readonly plannedEnd: Day | null;
  readonly pv: number | null;
  readonly ev: number;
  readonly cpi: number | null;
  readonly spi: number | null;
  readonly eac: number;
}

/** The rollup and what it was computed from, kept so that an edit can recompute only what it touches. */
export interface RollupState {
  readonly result: RollupResult;
  readonly earned: WritableMap<Project, EarnedValue>;
  readonly forecast: Forecast;
  /** The projects' number figures, a row each (an edit writes the rows of what it reaches in place, as it does the maps). */
  readonly cells: FigureCells;
}

export function* rollupSteps(index: PlanIndex, schedule: Schedule, statusDate: Day, thresholds: HealthThresholds): Steps<RollupState> {
  // Everything is dirty: every project valued, forecast and rolled up, then every program and portfolio.
  const earned = new NodeMap<Project, EarnedValue>(index.positions);
  yield* revalue(earned, index.projects, schedule, statusDate);
  const forecast = yield* forecastSteps(index, schedule, earned, statusDate);
  const result: RollupResult = { statusDate, milestones: forecast.milestones, projects: new NodeMap(index.positions), programs: new Map(), portfolios: new Map() };
  const state: RollupState = { result, earned, forecast, cells: new FigureCells(index.positions, index.projects.length) };
  yield* rerollup(state, index.projects, index.programs, index.portfolios, thresholds);
  return state;
}

/** Stage revalue: the earned value of `projects` worked out again (the full analysis: every project). */
export function* revalue(earned: WritableMap<Project, EarnedValue>, projects: Iterable<Project>, schedule: Schedule, statusDate: Day): Steps<void> {
  const pauses = new PauseCounter();
  for (const project of projects) {
    if (pauses.due()) yield;
    earned.set(project, earnedValue(project, schedule, statusDate));
  }
}

/**
 * Stage rerollup: the rollups of `projects`, then of `programs` and `portfolios`, worked out again from
 * the earned values and the forecast (the full analysis: all of them; an edit, those it reaches).
 */
export function* rerollup(state: RollupState, projects: Iterable<Project>, programs: Iterable<Program>, portfolios: Iterable<Portfolio>, thresholds: HealthThresholds): Steps<void> {
  const pauses = new PauseCounter();
  const { result, earned, forecast } = state;
  const { statusDate } = result;
  const projectRollups = result.projects as WritableMap<Project, ProjectRollup>;
  for (const project of projects) {
    if (pauses.due()) yield;
    projectRollups.set(project, rollupProject(project, earned.get(project)!, forecast, thresholds, statusDate, state.cells));
  }
  const programRollups = result.programs as WritableMap<Program, Rollup>;
  for (const program of programs) {
    if (pauses.due(program.projects.length)) yield;
    programRollups.set(program, rollupProgram(program, projectRollups, forecast, thresholds, statusDate));
  }
  const portfolioRollups = result.portfolios as WritableMap<Portfolio, Rollup>;
  for (const portfolio of portfolios) portfolioRollups.set(portfolio, rollupPortfolio(portfolio, programRollups, projectRollups, thresholds, statusDate));
}

export function earnedValue(project: Project, schedule: Schedule, statusDate: Day): EarnedValue {
  const dates = schedule.dates.get(project);
  const start = dates?.start ?? null;
  const end = dates?.end ?? null;
  const state = effectiveState(project, dates?.start, statusDate);
  const bac = project.baseline?.budget?.value ?? project.budget?.value ?? 0;
  const ps = project.baseline?.start?.value ?? start;
  const pe = project.baseline?.end?.value ?? end;
  const window = ps !== null && pe !== null && pe >= ps ? pe - ps + 1 : null;
  const elapsed = window !== null ? Math.min(window, Math.max(0, statusDate - ps! + 1)) : null;
  const pv = window !== null ? (bac * elapsed!) / window : null;
  const percent = state === 'done' ? 100 : (project.progress?.value ?? 0);
  const ev = (bac * percent) / 100;
  const ac = project.spent?.value ?? 0;
  const cpi = ac !== 0 ? ev / ac : null;
  const spi = pv ? ev / pv : null;
  const eac = cpi !== null && cpi > 0 ? bac / cpi : ac + (bac - ev);
  return new ProjectValue(project, bac, percent, ac, elapsed, window, state, start, end, ps, pe, pv, ev, cpi, spi, eac);
}

/**
 * A project's earned value, which is also its terms (`terms` is itself): one object per project, so that
 * its exact SPI is a method rather than a closure per project. Where the terms are written is looked up
 * when an exact comparison asks (seldom: at a tie with a threshold).
 */
class ProjectValue implements EarnedValue, ProjectTerms {
  constructor(
    private readonly project: Project,
    readonly bac: number,
    readonly percent: number,
    readonly ac: number,
    readonly elapsed: number | null,
    readonly window: number | null,
    readonly state: ProjectState,
    readonly start: Day | null,
    readonly end: Day | null,
    readonly plannedStart: Day | null,
    readonly plannedEnd: Day | null,
    readonly pv: number | null,
    readonly ev: number,
    readonly cpi: number | null,
    readonly spi: number | null,
    readonly eac: number,
  ) {}

  get plannedDays(): number | null {
    return this.window;
  }

  get terms(): ProjectTerms {
    return this;
  }

  get written(): ProjectTerms['written'] {
    const { project } = this;
    return {
      text: project.source.file.text,
      bac: project.baseline?.budget ?? project.budget,
      percent: this.state === 'done' ? undefined : project.progress,
      ac: project.spent,
    };
  }

  exactSpi(): Rational | null {
    const exact = exactTerms(this);
    return exact.pv === null || exact.pv.isZero() ? null : exact.ev.div(exact.pv);
  }
}

export function rollupProject(project: Project, value: EarnedValue, forecast: Forecast, thresholds: HealthThresholds, statusDate: Day, cells: FigureCells): ProjectRollup {
  const { terms, pv, ev, cpi, spi, eac } = value;
  const projectForecast = forecast.projects.get(project)!;
  const risks = countRisks(project.risks);
  const issues = countIssues(project.issues);
  const cancelled = value.state === 'cancelled';
  // slip = forecastEnd − pe for a project not done (null for done and cancelled ones: nothing left to finish).
  const slip = value.state === 'done' || cancelled || projectForecast.end === null || value.plannedEnd === null ? null : projectForecast.end - value.plannedEnd;
  // v3: a cancelled project asks for no attention: no computed health.
  const { health, concerns } = cancelled
    ? noHealth
    : computeHealth(cpi, spi, () => exactTerms(terms), issues, risks, milestoneConcerns(project.milestones, forecast), noParts, slipOf(slip, value.plannedEnd, ''), thresholds);
  const { bac, ac } = terms;
  const benefits = sumBenefits(project.benefits, 0);
  const es = projectEarnedSchedule(value, statusDate);
  // The row, cell by cell in Cell's order; a null figure is a bit of the mask (its cell stays 0).
  const at = cells.rowOf(project);
  const c = cells.blockOf(at);
  const row = firstCell(at);
  let nulls = 0;
  c[row + Cell.bac] = bac;
  nulls |= put(c, row, Cell.pv, pv);
  c[row + Cell.ev] = ev;
  c[row + Cell.ac] = ac;
  c[row + Cell.cv] = ev - ac;
  nulls |= put(c, row, Cell.sv, pv === null ? null : ev - pv);
  nulls |= put(c, row, Cell.cpi, cpi);
  nulls |= put(c, row, Cell.spi, spi);
  c[row + Cell.eac] = eac;
  c[row + Cell.etc] = eac - ac;
  c[row + Cell.vac] = bac - eac;
  c[row + Cell.progress] = terms.percent;
  nulls |= put(c, row, Cell.forecastStart, projectForecast.start);
  nulls |= put(c, row, Cell.forecastEnd, projectForecast.end);
  c[row + Cell.benefits] = benefits;
  nulls |= put(c, row, Cell.roiPlanned, roi(benefits, bac));
  nulls |= put(c, row, Cell.roiForecast, roi(benefits, eac));
  nulls |= put(c, row, Cell.slip, slip);
  nulls |= put(c, row, Cell.es, es.es);
  nulls |= put(c, row, Cell.at, es.at);
  nulls |= put(c, row, Cell.spiT, es.spiT);
  nulls |= put(c, row, Cell.svT, es.svT);
  nulls |= put(c, row, Cell.ieacT, es.ieacT);
  return new ProjectResult(
    c, row, nulls, health, project.health?.value ?? null, risks, issues, concerns, value.start, value.end, value.plannedEnd,
    value.state, cancelled, value.plannedStart, value.plannedEnd, projectForecast, terms,
  );
}

/** Writes a figure that may be null into its cell; returns its bit of the null mask. */
function put(cells: number[], row: number, cell: Cell, value: number | null): number {
  if (value === null) return 1 << cell;
  cells[row + cell] = value;
  return 0;
}

/** The cells of a project's row of number figures, in the order SPEC 7 lists the figures. */
const enum Cell {
  bac, pv, ev, ac, cv, sv, cpi, spi, eac, etc, vac, progress, forecastStart, forecastEnd, benefits, roiPlanned, roiForecast, slip, es, at, spiT, svT, ieacT,
  count,
}

/**
 * The number figures of every project of an analysis: a row of doubles per project, by its position in
 * the index (projects come first there), in blocks of ROWS_PER_BLOCK rows (issue 22: held as 23 boxed
 * numbers in an object per project, they made most of the rollup's time and of the garbage collector's).
 *
 * Each block is a JS array of doubles, held unboxed in V8's heap, small enough for its ordinary pages,
 * which V8 reuses: the memory of every full analysis is fresh, and fresh memory is slow here (2.6 MB as
 * a Float64Array: 5 ms of page faults per analysis, 10 ms as a resizable one) or kept by glibc (a
 * Float64Array is malloc'd: the server's settled RSS after 1,000 edits +25 % of what it was after
 * indexing, bench/lsp.bench.mjs). One JS array of the whole size would start with its elements in a
 * dictionary (10 ms to fill).
 */
export class FigureCells {
  private readonly blocks: number[][] = [];

  constructor(private readonly positions: NodePositions, projects: number) {
    const cells = ROWS_PER_BLOCK * Cell.count;
    for (let at = 0; at < projects; at += ROWS_PER_BLOCK) {
      const block = new Array<number>(cells);
      // A double first: the block holds doubles from the start.
      for (let i = 0; i < cells; i++) block[i] = 0.5;
      this.blocks.push(block);
    }
  }

  /** A project's row: its position in the index. A project the index does not hold is a programming error. */
  rowOf(project: Project): number {
    const at = positionIn(this.positions, project);
    if (at === undefined || at >> ROW_BITS >= this.blocks.length) throw new Error(`FigureCells: project '${project.id ?? '?'}' has no row`);
    return at;
  }

  /** The block that holds a row. */
  blockOf(row: number): number[] {
    return this.blocks[row >> ROW_BITS];
  }
}

/** The first cell of a row in its block. */
function firstCell(row: number): number {
  return (row & (ROWS_PER_BLOCK - 1)) * Cell.count;
}

const ROW_BITS = 7;
const ROWS_PER_BLOCK = 1 << ROW_BITS;

/**
 * A project's rollup, which is also its figures (`figures` is itself): the numbers read from its row of
 * FigureCells, the rest held here. The row is private, so that only the figures are seen.
 */
class ProjectResult implements ProjectRollup, Figures {
  readonly #cells: number[];
  readonly #row: number;
  /** Bit k set: the figure in cell k is null. */
  readonly #nulls: number;
  #reasons: readonly string[] | undefined;

  constructor(
    cells: number[],
    row: number,
    nulls: number,
    readonly health: Health | null,
    readonly declaredHealth: Health | null,
    readonly risks: RiskCounts,
    readonly issues: IssueCounts,
    readonly healthConcerns: readonly HealthConcern[],
    readonly start: Day | null,
    readonly end: Day | null,
    readonly slipFrom: Day | null,
    readonly state: ProjectState,
    readonly cancelled: boolean,
    readonly plannedStart: Day | null,
    readonly plannedEnd: Day | null,
    readonly forecast: ProjectForecast,
    readonly terms: ProjectTerms,
  ) {
    this.#cells = cells;
    this.#row = row;
    this.#nulls = nulls;
  }

  get figures(): Figures {
    return this;
  }

  /** The concerns of its health's level, in words (put together when first read). */
  get healthReasons(): readonly string[] {
    return (this.#reasons ??= reasonsOf(this.health, this.healthConcerns));
  }

  #value(cell: Cell): number {
    return this.#cells[this.#row + cell];
  }

  #nullable(cell: Cell): number | null {
    return (this.#nulls >> cell) & 1 ? null : this.#cells[this.#row + cell];
  }

  get bac(): number { return this.#value(Cell.bac); }
  get pv(): number | null { return this.#nullable(Cell.pv); }
  get ev(): number { return this.#value(Cell.ev); }
  get ac(): number { return this.#value(Cell.ac); }
  get cv(): number { return this.#value(Cell.cv); }
  get sv(): number | null { return this.#nullable(Cell.sv); }
  get cpi(): number | null { return this.#nullable(Cell.cpi); }
  get spi(): number | null { return this.#nullable(Cell.spi); }
  get eac(): number { return this.#value(Cell.eac); }
  get etc(): number { return this.#value(Cell.etc); }
  get vac(): number { return this.#value(Cell.vac); }
  get progress(): number { return this.#value(Cell.progress); }
  get forecastStart(): Day | null { return this.#nullable(Cell.forecastStart); }
  get forecastEnd(): Day | null { return this.#nullable(Cell.forecastEnd); }
  get benefits(): number { return this.#value(Cell.benefits); }
  get roiPlanned(): number | null { return this.#nullable(Cell.roiPlanned); }
  get roiForecast(): number | null { return this.#nullable(Cell.roiForecast); }
  get slip(): number | null { return this.#nullable(Cell.slip); }
  get es(): number | null { return this.#nullable(Cell.es); }
  get at(): number | null { return this.#nullable(Cell.at); }
  get spiT(): number | null { return this.#nullable(Cell.spiT); }
  get svT(): number | null { return this.#nullable(Cell.svT); }
  get ieacT(): Day | null { return this.#nullable(Cell.ieacT); }
}

const noReasons: readonly string[] = [];
const noConcerns: readonly HealthConcern[] = [];
const noParts: readonly RedPart[] = [];
const noMilestones: readonly MilestoneConcern[] = [];
const noHealth = { health: null, concerns: noConcerns } as const;

/** A red part of a program or portfolio, for its health. */
interface RedPart {
  readonly part: Project | Program;
  readonly text: string;
}

type FigureInputs = Omit<Figures, 'cv' | 'sv' | 'vac' | 'roiPlanned' | 'roiForecast' | keyof EarnedSchedule>;

/**
 * The figures with CV, SV, VAC and ROI derived, for a project or a sum of parts. Written out in full,
 * never spread: V8 builds spread objects slowly, and there are 10,000 of them. ROI is unknown (null)
 * where no benefit is declared, not −100 %.
 */
function figuresOf(f: FigureInputs, schedule: EarnedSchedule): Figures {
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
    forecastStart: f.forecastStart,
    forecastEnd: f.forecastEnd,
    benefits: f.benefits,
    roiPlanned: roi(f.benefits, f.bac),
    roiForecast: roi(f.benefits, f.eac),
    health: f.health,
    declaredHealth: f.declaredHealth,
    risks: f.risks,
    issues: f.issues,
    slip: f.slip,
    es: schedule.es,
    at: schedule.at,
    spiT: schedule.spiT,
    svT: schedule.svT,
    ieacT: schedule.ieacT,
  };
}

/** (benefits − cost) / cost; null where no benefit is declared or the cost is 0. */
function roi(benefits: number, cost: number): number | null {
  return cost !== 0 && benefits !== 0 ? (benefits - cost) / cost : null;
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
  /** The latest planned end of the parts (pe of projects, dates of milestones), for the slip. */
  plannedEnd: Day | null;
  /** Whether any counted project is left to finish (not done): else there is no slip. */
  unfinished: boolean;
}

/** The non-cancelled projects a program or portfolio counts (collected only when asked: at a boundary, or without budget). */
type Counted = () => ProjectRollup[];

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
    plannedEnd: null,
    unfinished: false,
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
  counted: Counted,
  declaredHealth: Health | null,
  milestones: readonly MilestoneConcern[],
  redParts: readonly RedPart[],
  slip: { readonly days: number | null; readonly from: Day | null; readonly reason: Slip | null },
  thresholds: HealthThresholds,
  statusDate: Day,
): Rollup {
  const { bac, pv, ev, ac, eac, benefits } = totals;
  const cpi = ac !== 0 ? ev / ac : null;
  const spi = pv !== 0 ? ev / pv : null;
  const progress = rolledProgress(totals, counted);
  const sums = () => exactSums(counted().map((project) => project.terms));
  const { health, concerns } = computeHealth(cpi, spi, sums, totals.issues, totals.risks, milestones, redParts, slip.reason, thresholds);
  return {
    figures: figuresOf({
      bac, pv, ev, ac, cpi, spi, eac, etc: totals.etc, progress, forecastEnd: totals.forecastEnd, benefits, health,
      declaredHealth, risks: totals.risks, issues: totals.issues, slip: slip.days,
    }, setEarnedSchedule(counted(), statusDate)),
    start: totals.start,
    end: totals.end,
    healthReasons: reasonsOf(health, concerns),
    healthConcerns: concerns,
    slipFrom: slip.from,
  };
}

export function rollupProgram(program: Program, projects: ReadonlyMap<Project, ProjectRollup>, forecast: Forecast, thresholds: HealthThresholds, statusDate: Day): Rollup {
  const totals = emptyTotals();
  addRisks(totals.risks, countRisks(program.risks));
  addIssues(totals.issues, countIssues(program.issues));
  totals.benefits = sumBenefits(program.benefits, 0);
  const redParts: RedPart[] = [];
  addMilestoneDays(totals, program.milestones, forecast);
  for (const project of program.projects) {
    const result = projects.get(project)!;
    if (result.cancelled) continue;
    addPart(totals, result);
    totals.plannedEnd = latest(totals.plannedEnd, result.plannedEnd);
    if (result.state !== 'done') totals.unfinished = true;
    if (project.milestones.length > 0) addMilestoneDays(totals, project.milestones, forecast);
    if (result.figures.health === 'red') redParts.push({ part: project, text: `project '${project.id}' is red` });
  }
  // A milestone counts for the entity that holds it: the program's own here (its projects' count for them).
  const milestones = milestoneConcerns(program.milestones, forecast);
  // The slip from the program's declared end when given, else from the latest planned end of its parts.
  const from = program.end?.value ?? totals.plannedEnd;
  const days = totals.unfinished && totals.forecastEnd !== null && from !== null ? totals.forecastEnd - from : null;
  const slip = { days, from, reason: slipOf(days, from, '') };
  const counted = countedProjects([program], projects);
  return totalsToRollup(totals, () => counted, program.health?.value ?? null, milestones, redParts, slip, thresholds, statusDate);
}

/** Milestones' dates widen a program's span and planned end; their forecasts, its forecast end. */
function addMilestoneDays(totals: Totals, milestones: readonly Milestone[], forecast: Forecast): void {
  for (const milestone of milestones) {
    if (!milestone.date) continue;
    const date = milestone.date.value;
    totals.start = earliest(totals.start, date);
    totals.end = latest(totals.end, date);
    totals.plannedEnd = latest(totals.plannedEnd, date);
    totals.forecastEnd = latest(totals.forecastEnd, forecast.milestones.get(milestone)?.forecast ?? null);
  }
}

function countedProjects(programs: readonly Program[], projects: ReadonlyMap<Project, ProjectRollup>): ProjectRollup[] {
  const counted: ProjectRollup[] = [];
  for (const program of programs) {
    for (const project of program.projects) {
      const result = projects.get(project)!;
      if (!result.cancelled) counted.push(result);
    }
  }
  return counted;
}

export function rollupPortfolio(
  portfolio: Portfolio,
  programs: ReadonlyMap<Program, Rollup>,
  projects: ReadonlyMap<Project, ProjectRollup>,
  thresholds: HealthThresholds,
  statusDate: Day,
): Rollup {
  const totals = emptyTotals();
  const redParts: RedPart[] = [];
  // A portfolio's slip is the largest of its programs' (the first such program on a tie).
  let slip: { days: number | null; from: Day | null; reason: Slip | null } = { days: null, from: null, reason: null };
  for (const program of portfolio.programs) {
    const result = programs.get(program)!;
    addPart(totals, result);
    if (result.figures.health === 'red') redParts.push({ part: program, text: `program '${program.id}' is red` });
    const days = result.figures.slip;
    if (days !== null && (slip.days === null || days > slip.days)) slip = { days, from: result.slipFrom, reason: slipOf(days, result.slipFrom, `program '${program.id}' `) };
  }
  const counted = countedProjects(portfolio.programs, projects);
  return totalsToRollup(totals, () => counted, null, noMilestones, redParts, slip, thresholds, statusDate);
}

/** ΣEV / ΣBAC × 100; with no budget, project progress weighted by planned days. */
function rolledProgress(totals: { bac: number; ev: number }, counted: Counted): number | null {
  if (totals.bac > 0) return (totals.ev / totals.bac) * 100;
  const projects = counted();
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

/** Exact BAC, PV, EV and AC of one project. */
function exactTerms(t: ProjectTerms): { bac: Rational; pv: Rational | null; ev: Rational; ac: Rational } {
  const { text } = t.written;
  const bac = writtenValue(text, t.written.bac, t.bac);
  return {
    bac,
    pv: t.window === null ? null : bac.mul(Rational.fraction(BigInt(t.elapsed!), BigInt(t.window))),
    ev: bac.mul(writtenValue(text, t.written.percent, t.percent)).div(Rational.of(100)),
    ac: writtenValue(text, t.written.ac, t.ac),
  };
}

/** Exact sums of BAC, PV, EV, AC and EAC over projects (PV of a project without a window counts 0). */
export function exactSums(parts: readonly ProjectTerms[]): { bac: Rational; pv: Rational; ev: Rational; ac: Rational; eac: Rational } {
  let bac = Rational.zero;
  let pv = Rational.zero;
  let ev = Rational.zero;
  let ac = Rational.zero;
  let eac = Rational.zero;
  for (const part of parts) {
    const t = exactTerms(part);
    bac = bac.add(t.bac);
    if (t.pv) pv = pv.add(t.pv);
    ev = ev.add(t.ev);
    ac = ac.add(t.ac);
    // EAC = BAC / CPI when CPI > 0 (= BAC × AC / EV), else AC + BAC − EV.
    eac = eac.add(!t.ac.isZero() && t.ev.compare(Rational.zero) > 0 ? t.bac.mul(t.ac).div(t.ev) : t.ac.add(t.bac).sub(t.ev));
  }
  return { bac, pv, ev, ac, eac };
}

/** A milestone missed or at risk, in words. */
/**
 * A health concern whose words are put together when first read: most never are (a view or a check
 * reads a few), and 10,000 projects' concerns in words were a tenth of the rollup's time.
 */
abstract class Worded implements HealthConcern {
  #text: string | undefined;

  constructor(
    readonly level: 'red' | 'amber',
    readonly basis: HealthBasis,
  ) {}

  get text(): string {
    return (this.#text ??= this.words());
  }

  protected abstract words(): string;
}

/** A CPI or SPI below a threshold: "CPI 0.85 < 0.90". */
class IndexConcern extends Worded {
  constructor(level: 'red' | 'amber', basis: HealthBasis, private readonly name: string, private readonly value: number, private readonly threshold: number) {
    super(level, basis);
  }

  protected words(): string {
    // The threshold as it is set (0.9 is "0.90", 0.951 "0.951"), and the value with the digits that tell it
    // from the threshold: SPI 0.946 is "0.946 < 0.95", not "0.95 < 0.95".
    const fraction = String(this.threshold).split('.')[1]?.length ?? 0;
    const set = Math.min(6, Math.max(2, fraction));
    const digits = digitsApart(this.value, this.threshold, set, 6, fixedNumber);
    return `${this.name} ${fixedNumber(this.value, digits)} < ${fixedNumber(this.threshold, set)}`;
  }
}

/** Open issues or risks: "2 open high risks". */
class CountConcern extends Worded {
  constructor(level: 'red' | 'amber', basis: HealthBasis, private readonly count: number, private readonly what: string) {
    super(level, basis);
  }

  protected words(): string {
    return counted(this.count, this.what);
  }
}

/** A slip: "forecast 42 days after its planned end 2026-06-30" (after whose, for a portfolio). */
class SlipConcern extends Worded {
  constructor(level: 'red' | 'amber', readonly slip: Slip) {
    super(level, SLIP);
  }

  protected words(): string {
    const { who, days, from } = this.slip;
    return `${who}forecast ${plural(days, 'day')} after its planned end ${formatDay(from)}`;
  }
}

/** A milestone missed or at risk (always amber). */
class MilestoneConcern extends Worded {
  constructor(readonly milestone: Milestone, private readonly outlook: MilestoneOutlook) {
    super('amber', { kind: 'milestone', milestone });
  }

  protected words(): string {
    const { milestone, outlook } = this;
    const name = milestone.id ?? milestone.name ?? '?';
    return outlook.status === 'missed'
      ? `milestone '${name}' missed (${formatDay(milestone.date!.value)})`
      : `milestone '${name}' at risk (due ${formatDay(milestone.date!.value)}, forecast ${formatDay(outlook.forecast!)})`;
  }
}

/** What a holder's milestones say about its health: missed ones and ones at risk. */
function milestoneConcerns(list: readonly Milestone[], forecast: Forecast): readonly MilestoneConcern[] {
  let concerns: MilestoneConcern[] | undefined;
  for (const milestone of list) {
    const outlook = forecast.milestones.get(milestone);
    if (outlook?.status === 'missed' || outlook?.status === 'at-risk') (concerns ??= []).push(new MilestoneConcern(milestone, outlook));
  }
  return concerns ?? noMilestones;
}

/** A slip that is late (thresholds are ≥ 0): how many days after which planned end, and whose ('' for the holder's own). */
interface Slip {
  readonly days: number;
  readonly from: Day;
  readonly who: string;
}

function slipOf(days: number | null, from: Day | null, who: string): Slip | null {
  if (days === null || from === null || days <= 0) return null;
  return { days, from, who };
}

/** The concerns of a computed health and its level (the reasons are the concerns of that level, in words). */
interface ComputedHealth {
  readonly health: Health;
  readonly concerns: readonly HealthConcern[];
}

function computeHealth(
  cpi: number | null,
  spi: number | null,
  exact: () => { pv: Rational | null; ev: Rational; ac: Rational },
  issues: IssueCounts,
  risks: RiskCounts,
  milestones: readonly MilestoneConcern[],
  redParts: readonly RedPart[],
  slip: Slip | null,
  thresholds: HealthThresholds,
): ComputedHealth {
  // Appended in this order: CPI, SPI, critical issues, slip, milestones, high risks, high issues, red parts.
  let concerns: HealthConcern[] | undefined;
  if (cpi !== null) {
    concerns = indexConcern(concerns, CPI, 'CPI', cpi, () => {
      const { ev, ac } = exact();
      return ev.div(ac);
    }, thresholds);
  }
  if (spi !== null) {
    concerns = indexConcern(concerns, SPI, 'SPI', spi, () => {
      const { ev, pv } = exact();
      return ev.div(pv!);
    }, thresholds);
  }
  if (issues.critical > 0) (concerns ??= []).push(new CountConcern('red', CRITICAL_ISSUES, issues.critical, 'open critical issue'));
  if (slip !== null) {
    // slip > slipRedDays → red; else slip > slipAmberDays → at least amber (whole days: exact as they are).
    const limits = slipThresholds(thresholds);
    if (slip.days > limits.red) (concerns ??= []).push(new SlipConcern('red', slip));
    else if (slip.days > limits.amber) (concerns ??= []).push(new SlipConcern('amber', slip));
  }
  for (const concern of milestones) (concerns ??= []).push(concern);
  if (risks.high > 0) (concerns ??= []).push(new CountConcern('amber', HIGH_RISKS, risks.high, 'open high risk'));
  if (issues.high > 0) (concerns ??= []).push(new CountConcern('amber', HIGH_ISSUES, issues.high, 'open high issue'));
  for (const { part, text } of redParts) (concerns ??= []).push({ level: 'amber', text, basis: { kind: 'red-part', part } });
  if (concerns === undefined) return green;
  // Kept with the project's figures: at its length (a list built by push keeps room for 17).
  return { health: healthOf(concerns), concerns: concerns.slice() };
}

/** Why a health is what it is, in words: the concerns of its level. */
function reasonsOf(health: Health | null, concerns: readonly HealthConcern[]): readonly string[] {
  return concerns.length === 0 ? noReasons : concerns.filter((c) => c.level === health).map((c) => c.text);
}

/** A CPI or SPI below the red threshold (red), else below the amber one (amber), added to `concerns`. */
function indexConcern(
  concerns: HealthConcern[] | undefined,
  basis: HealthBasis,
  name: string,
  value: number,
  exactValue: () => Rational,
  thresholds: HealthThresholds,
): HealthConcern[] | undefined {
  if (compareExactly(value, exactValue, thresholds.red) < 0) (concerns ??= []).push(new IndexConcern('red', basis, name, value, thresholds.red));
  else if (compareExactly(value, exactValue, thresholds.amber) < 0) (concerns ??= []).push(new IndexConcern('amber', basis, name, value, thresholds.amber));
  return concerns;
}

const green: ComputedHealth = { health: 'green', concerns: noConcerns };

const CPI: HealthBasis = { kind: 'cpi' };
const SPI: HealthBasis = { kind: 'spi' };
const SLIP: HealthBasis = { kind: 'slip' };
const CRITICAL_ISSUES: HealthBasis = { kind: 'critical-issues' };
const HIGH_ISSUES: HealthBasis = { kind: 'high-issues' };
const HIGH_RISKS: HealthBasis = { kind: 'high-risks' };

/** The health these concerns give: red when one is red, amber when one is amber, else green. */
export function healthOf(concerns: readonly HealthConcern[]): Health {
  let health: Health = 'green';
  for (const concern of concerns) {
    if (concern.level === 'red') return 'red';
    health = 'amber';
  }
  return health;
}

function sumBenefits(benefits: Project['benefits'], start: number): number {
  let total = start;
  for (const benefit of benefits) total += benefit.value;
  return total;
}

/**
 * The counts of a holder with no risks or no issues: one object shared by them all (10,000 projects
 * mostly have none). Figures are read, never written: totals add into their own counts.
 */
const noRisks: RiskCounts = { high: 0, medium: 0, low: 0 };
const noIssues: IssueCounts = { critical: 0, high: 0, medium: 0, low: 0 };

function countRisks(risks: readonly Risk[]): RiskCounts {
  if (risks.length === 0) return noRisks;
  const counts: RiskCounts = { high: 0, medium: 0, low: 0 };
  for (const risk of risks) {
    const level = risk.open ? riskLevel(risk) : undefined;
    if (level) counts[level]++;
  }
  return counts;
}

function countIssues(issues: readonly Issue[]): IssueCounts {
  if (issues.length === 0) return noIssues;
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

/** "an open high risk", "2 open high risks". */
function counted(count: number, what: string): string {
  return count === 1 ? `an ${what}` : plural(count, what);
}
