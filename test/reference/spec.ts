/**
 * A reference implementation of SPEC v2 sections 4 (schedule), 5 (rollup at the status date) and 5.1
 * (forecast), written from /work/shared/SPEC.md alone — never from the engine's analysis, views or
 * roadmap code — to check the engine field by field (test/unit/reference.test.ts).
 *
 * It is deliberately plain and slow: one pass per question, recursion with memo tables, and exact
 * rational arithmetic (rational.ts) for every money figure, ratio, threshold comparison and day count,
 * as SPEC 5 asks ("exact rational numbers on the values as written"). It takes valid workspaces only
 * (the generator's): no cycles, no unknown references, no duplicate ids, every project scheduled.
 *
 * Every place where the SPEC had to be interpreted is marked `INTERPRETATION (n)` below; the list:
 *  (1) A baseline's start and end each replace the scheduled date on their own ("the baseline's
 *      start/end when it gives them"): a baseline with only a start keeps the scheduled end.
 *  (2) A project's `progress` figure is the progress EV uses: 100 when the state is done, 0 when absent.
 *  (3) A program's fallback progress (ΣBAC = 0) weighs its non-cancelled projects; "null with no
 *      projects" also when all of them are cancelled. A portfolio "rolls up its programs the same way":
 *      ΣEV / ΣBAC over its programs, else the planned-days-weighted mean over every non-cancelled
 *      project of its programs, null when there is none.
 *  (4) A cancelled project's own entry still carries its own figures (it is "shown"; only rollup sums
 *      skip it) — BAC … VAC, progress, benefits, ROI, risks and issues from its own values ("its own
 *      row may show them") — and forecastStart/forecastEnd, health and slip null (SPEC 5, v3).
 *  (5) "A program is at least amber when any of its projects is red": its non-cancelled projects
 *      (cancelled ones are excluded from every rollup).
 *  (6) An open high risk / high issue / critical issue of a program or portfolio is one in its rolled-up
 *      counts (its own and its non-cancelled projects'; a portfolio's programs').
 *  (7) v3: a dependency on a cancelled project, or on a milestone of one (whose forecast is null),
 *      gives nothing: it is left out of the latest-of for planned projects and milestones alike.
 *  (8) A program's start/end and forecastEnd count the milestones of its non-cancelled projects only
 *      ("its non-cancelled projects, their milestones"; "those projects' forecastEnd and the forecast
 *      dates of its own and its projects' milestones").
 *  (9) A program's start/end are computed from projects and milestones only; its own optional window
 *      (`start`/`end` keys) is not part of them.
 * (10) The derived state compares the scheduled start with S ("active when start ≤ status date").
 * (11) status_date may be declared on a program nested in a portfolio document too; S from the
 *      documents is the latest of all of them. Each declared date that differs from that latest date
 *      gets status-date-mismatch, also when --status-date overrides S (SPEC 5: "When documents declare
 *      different status dates, each one that differs from the latest gets a status-date-mismatch").
 * (12) v3: milestones of a cancelled project have status `cancelled` and forecast null; no
 *      milestone-at-risk or overdue-issue is reported on what a cancelled project holds (SPEC 5 lists
 *      only structural codes for it).
 * (13) A milestone's forecast counts S even when its date is before S ("the latest of its date, S, …");
 *      its status is then `missed`.
 * (14) over-budget / forecast-over-budget compare ΣBAC / ΣEAC of the program's non-cancelled projects
 *      with its budget, strictly ("projects of 10000.04 and 5000.01 are not over 15000.05").
 * (15) "The dependency that pushes" an at-risk milestone is a direct dependency whose forecast is the
 *      milestone's forecast (any of them on a tie); "by how many days" is forecast − date.
 * (16) The slip rule (v3): "left to finish" means a non-cancelled project whose state is not done; a
 *      program with only milestones has no slip. A portfolio's slip is the largest of its programs'
 *      non-null slips (null when none). The slip rule applies to portfolios too: their slip decides
 *      their health like a project's or a program's does.
 * (17) Earned schedule (SPEC 5.2) of a set is computed over its non-cancelled projects; a set with none
 *      (a program without projects, or whose projects are all cancelled) has every ES figure null.
 * (18) A budget the schema rejects (SPEC 6) is no figure's input (the project has no budget), and no
 *      warning is computed from it: not the project's overspent, nor its program's over-budget and
 *      forecast-over-budget when the project counts in the program's sums (it is not cancelled). Of a
 *      computed health, what rests on it is set aside: the project's CPI, and the CPI and SPI of a program
 *      that counts it (the sums weigh each project by its BAC); a project red by nothing else is then
 *      not a red project of its program. status-mismatch compares the declared health with the health
 *      of what is left ("its program's health warnings that do not depend on that value").
 */
import { toDate, toDay, type Day } from './days';
import type { Issue, Milestone, Portfolio, Program, Project, Rag, Risk, State, Workspace } from './model';
import { maxOf, minOf, Rational, sum } from './rational';
import type { Places } from './yaml';

const ZERO = Rational.zero;
const HUNDRED = Rational.hundred;
/** The default health thresholds (SPEC 5: "defaults; thresholds are settings"). */
const RED_BELOW = Rational.decimal('0.90');
const AMBER_BELOW = Rational.decimal('0.95');
/** The default slip thresholds in days (SPEC 5, v3: slipRedDays, slipAmberDays). */
const SLIP_RED_DAYS = 30;
const SLIP_AMBER_DAYS = 0;
/** Health from best to worst. */
const RAGS_IN_ORDER: readonly Rag[] = ['green', 'amber', 'red'];

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

export interface Figures {
  bac: Rational;
  pv: Rational;
  ev: Rational;
  ac: Rational;
  cv: Rational;
  sv: Rational;
  cpi: Rational | null;
  spi: Rational | null;
  eac: Rational;
  etc: Rational;
  vac: Rational;
  progress: Rational | null;
  /** Projects only. */
  forecastStart?: string | null;
  forecastEnd: string | null;
  benefits: Rational;
  roiPlanned: Rational | null;
  roiForecast: Rational | null;
  health: Rag | null;
  declaredHealth: Rag | null;
  risks: RiskCounts;
  issues: IssueCounts;
  slip: number | null;
  /** SPEC 5.2. */
  es: Rational | null;
  at: Rational | null;
  spiT: Rational | null;
  svT: Rational | null;
  ieacT: string | null;
}

export interface ExpectedProject {
  id: string;
  name: string;
  start: string | null;
  end: string | null;
  figures: Figures;
  program: string | null;
  state: State;
  float: number | null;
  critical: boolean;
  /** Not in the JSON: the planned window [ps, pe] (SPEC 5), for the test's known-mismatch conditions. */
  window: { start: string; end: string };
}
export interface ExpectedProgram {
  id: string;
  name: string;
  start: string | null;
  end: string | null;
  figures: Figures;
  portfolio: string | null;
  projects: string[];
}
export interface ExpectedPortfolio {
  id: string;
  name: string;
  start: string | null;
  end: string | null;
  figures: Figures;
  programs: string[];
}
export type MilestoneStatus = 'done' | 'missed' | 'at-risk' | 'on-track' | 'cancelled';
export interface ExpectedMilestone {
  id: string | null;
  name: string;
  owner: { kind: 'project' | 'program'; id: string };
  date: string;
  done: boolean;
  forecast: string | null;
  status: MilestoneStatus;
}
export type ReferenceCode = 'milestone-at-risk' | 'status-date-mismatch' | 'overdue-issue' | 'over-budget' | 'forecast-over-budget' | 'overspent' | 'status-mismatch';
export interface ExpectedDiagnostic {
  code: ReferenceCode;
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /** What it is about, for failure messages. */
  about: string;
  /** What its message must name (SPEC 6: "names the ids and dates involved"): one of each group. */
  mentions: string[][];
}

export interface Expected {
  statusDate: string;
  portfolios: ExpectedPortfolio[];
  programs: ExpectedProgram[];
  projects: ExpectedProject[];
  milestones: ExpectedMilestone[];
  diagnostics: ExpectedDiagnostic[];
}

// ---------------------------------------------------------------------------------------------------
// The workspace as linked entities (SPEC 2, 3)

interface ProjectNode {
  project: Project;
  programId: string | null;
}
interface ProgramNode {
  program: Program;
  portfolioId: string | null;
}
interface MilestoneNode {
  milestone: Milestone;
  owner: { kind: 'project' | 'program'; id: string };
}

function link(workspace: Workspace) {
  const portfolios: Portfolio[] = [];
  const programs: ProgramNode[] = [];
  const projects: ProjectNode[] = [];
  const addProject = (project: Project, programId: string | null) => projects.push({ project, programId });
  const addProgram = (program: Program, portfolioId: string | null) => {
    programs.push({ program, portfolioId });
    for (const project of program.projects) addProject(project, program.id);
  };
  for (const file of workspace.files) {
    for (const document of file.documents) {
      if ('portfolio' in document) {
        portfolios.push(document.portfolio);
        for (const program of document.portfolio.programs) addProgram(program, document.portfolio.id);
      } else if ('program' in document) {
        addProgram(document.program, document.program.portfolio ?? null);
      } else {
        addProject(document.project, document.project.program ?? null);
      }
    }
  }
  const milestones: MilestoneNode[] = [
    ...programs.flatMap(({ program }) => program.milestones.map((milestone) => ({ milestone, owner: { kind: 'program' as const, id: program.id } }))),
    ...projects.flatMap(({ project }) => project.milestones.map((milestone) => ({ milestone, owner: { kind: 'project' as const, id: project.id } }))),
  ];
  return { portfolios, programs, projects, milestones };
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

const money = (text: string | undefined): Rational => (text === undefined ? ZERO : Rational.decimal(text));
const days = (n: number | bigint): Rational => Rational.of(n);

function durationDays(text: string): number {
  const match = /^(\d+)([dw])$/.exec(text);
  if (!match) throw new Error(`bad duration ${text}`);
  return Number(match[1]) * (match[2] === 'w' ? 7 : 1);
}

function clamp01(value: Rational): Rational {
  return maxOf(ZERO, minOf(Rational.one, value));
}

const ratio = (a: Rational, b: Rational): Rational | null => (b.isZero() ? null : a.div(b));

function riskLevel(risk: Risk): keyof RiskCounts {
  const score = risk.likelihood * risk.impact;
  return score >= 15 ? 'high' : score >= 8 ? 'medium' : 'low';
}

function countRisks(risks: readonly Risk[]): RiskCounts {
  const counts: RiskCounts = { high: 0, medium: 0, low: 0 };
  for (const risk of risks) if ((risk.state ?? 'open') === 'open') counts[riskLevel(risk)] += 1;
  return counts;
}

function countIssues(issues: readonly Issue[]): IssueCounts {
  const counts: IssueCounts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const issue of issues) if ((issue.state ?? 'open') === 'open') counts[issue.severity] += 1;
  return counts;
}

const addRisks = (a: RiskCounts, b: RiskCounts): RiskCounts => ({ high: a.high + b.high, medium: a.medium + b.medium, low: a.low + b.low });
const addIssues = (a: IssueCounts, b: IssueCounts): IssueCounts => ({
  critical: a.critical + b.critical,
  high: a.high + b.high,
  medium: a.medium + b.medium,
  low: a.low + b.low,
});

const latest = (values: ReadonlyArray<Day | null>): Day | null => values.reduce<Day | null>((a, b) => (b === null ? a : a === null ? b : Math.max(a, b)), null);
const earliest = (values: ReadonlyArray<Day | null>): Day | null => values.reduce<Day | null>((a, b) => (b === null ? a : a === null ? b : Math.min(a, b)), null);
const dateOf = (day: Day | null): string | null => (day === null ? null : toDate(day));

/** SPEC 5 "Computed health". */
function computedHealth(input: { cpi: Rational | null; spi: Rational | null; issues: IssueCounts; risks: RiskCounts; lateMilestone: boolean; redChild: boolean; slip: number | null }): Rag {
  const below = (index: Rational | null, threshold: Rational) => index !== null && index.lt(threshold);
  const slipOver = (days: number) => input.slip !== null && input.slip > days;
  if (below(input.cpi, RED_BELOW) || below(input.spi, RED_BELOW) || input.issues.critical > 0 || slipOver(SLIP_RED_DAYS)) return 'red';
  if (
    slipOver(SLIP_AMBER_DAYS) ||
    below(input.cpi, AMBER_BELOW) ||
    below(input.spi, AMBER_BELOW) ||
    input.lateMilestone ||
    input.risks.high > 0 ||
    input.issues.high > 0 ||
    input.redChild
  ) {
    return 'amber';
  }
  return 'green';
}

/** The earned-value figures every level shares, from BAC, PV, EV, AC and EAC (SPEC 5 table). */
function evFigures(bac: Rational, pv: Rational, ev: Rational, ac: Rational, eac: Rational, benefits: Rational) {
  return {
    bac,
    pv,
    ev,
    ac,
    cv: ev.sub(ac),
    sv: ev.sub(pv),
    cpi: ratio(ev, ac),
    spi: ratio(ev, pv),
    eac,
    etc: eac.sub(ac),
    vac: bac.sub(eac),
    benefits,
    roiPlanned: benefits.isZero() ? null : ratio(benefits.sub(bac), bac),
    roiForecast: benefits.isZero() ? null : ratio(benefits.sub(eac), eac),
  };
}

/**
 * A date, or — beyond 100,000,000 days from 1970 (±273,790 years), where a tiny SPI(t) can put the
 * forecast — the day count `day N`, as the JSON writes such a day (the SPEC has no calendar that far).
 */
const farDate = (day: Day): string => (Math.abs(day) > 100_000_000 ? `day ${day}` : toDate(day));

/**
 * SPEC 5.2, earned schedule of a set of projects given by planned window, weight source (BAC) and EV
 * share. PV(x) is linear between its breakpoints (each window's start and end, as offsets from PS):
 * walk them in order, take the first where PV reaches EV, and interpolate back to the previous one.
 */
function earnedScheduleOf(
  set: ReadonlyArray<{ ps: Day; pe: Day; bac: Rational; progress: Rational; done: boolean }>,
  S: Day,
): { es: Rational | null; at: Rational | null; spiT: Rational | null; svT: Rational | null; ieacT: string | null } {
  if (set.length === 0) return { es: null, at: null, spiT: null, svT: null, ieacT: null };
  const PS = Math.min(...set.map((p) => p.ps));
  const PE = Math.max(...set.map((p) => p.pe));
  const PD = PE - PS + 1;
  const AT = Math.max(0, S - PS + 1);
  const unweighted = sum(set.map((p) => p.bac)).isZero();
  const weight = (p: (typeof set)[number]) => (unweighted ? Rational.one : p.bac);
  const EV = sum(set.map((p) => weight(p).mul(p.progress).div(HUNDRED)));
  const PV = (x: Rational) => sum(set.map((p) => weight(p).mul(clamp01(x.sub(days(p.ps - PS)).div(days(p.pe - p.ps + 1))))));
  const breakpoints = [...new Set(set.flatMap((p) => [p.ps - PS, p.pe - PS + 1]).concat(0))].sort((a, b) => a - b).map(days);
  let es: Rational | null = null;
  for (let i = 0; i < breakpoints.length && es === null; i++) {
    const here = PV(breakpoints[i]);
    if (here.cmp(EV) < 0) continue;
    if (i === 0) {
      es = breakpoints[0];
      break;
    }
    // PV is a straight line from the previous breakpoint (below EV) to this one (at or above it).
    const before = PV(breakpoints[i - 1]);
    es = breakpoints[i - 1].add(breakpoints[i].sub(breakpoints[i - 1]).mul(EV.sub(before)).div(here.sub(before)));
  }
  if (es === null) throw new Error('reference: EV above the whole planned value');
  if (AT === 0) return { es, at: ZERO, spiT: null, svT: null, ieacT: null };
  const spiT = es.div(days(AT));
  const allDone = set.every((p) => p.done);
  const ieacT = allDone || !spiT.gt(ZERO) ? null : farDate(PS + Number(days(PD).div(spiT).ceil()) - 1);
  return { es, at: days(AT), spiT, svT: es.sub(days(AT)), ieacT };
}

// ---------------------------------------------------------------------------------------------------
// The reference

export function reference(workspace: Workspace, places: Places): Expected {
  const { portfolios, programs, projects, milestones } = link(workspace);
  const projectById = new Map(projects.map((node) => [node.project.id, node]));
  const milestoneById = new Map(milestones.filter((m) => m.milestone.id !== undefined).map((m) => [m.milestone.id!, m]));
  const milestoneOwner = new Map(milestones.map((m) => [m.milestone, m.owner]));
  const diagnostics: ExpectedDiagnostic[] = [];
  const place = (owner: object, key: string) => {
    const found = places.get(owner)?.get(key);
    if (!found) throw new Error(`no place recorded for ${key}`);
    return found;
  };

  // --- Status date (SPEC 5). INTERPRETATION (11).
  const declared = [
    ...portfolios.filter((p) => p.status_date !== undefined).map((p) => ({ owner: p as object, id: p.id, date: toDay(p.status_date!) })),
    ...programs.filter((p) => p.program.status_date !== undefined).map((p) => ({ owner: p.program as object, id: p.program.id, date: toDay(p.program.status_date!) })),
  ];
  const latestDeclared = latest(declared.map((d) => d.date));
  const S: Day = workspace.statusDate !== undefined ? toDay(workspace.statusDate) : (latestDeclared ?? toDay(workspace.today));
  for (const d of declared) {
    if (d.date !== latestDeclared) {
      diagnostics.push({ code: 'status-date-mismatch', ...place(d.owner, 'status_date'), about: `status_date of ${d.id}`, mentions: [[toDate(d.date)], [toDate(latestDeclared!)]] });
    }
  }

  // --- Schedule (SPEC 4): start and end of every project; a milestone's date never moves.
  const scheduleMemo = new Map<string, { s: Day; e: Day }>();
  const scheduledEndOf = (id: string): Day => {
    const milestone = milestoneById.get(id);
    return milestone ? toDay(milestone.milestone.date) : schedule(projectById.get(id)!.project).e;
  };
  function schedule(project: Project): { s: Day; e: Day } {
    const known = scheduleMemo.get(project.id);
    if (known) return known;
    const s = project.start !== undefined ? toDay(project.start) : Math.max(...(project.depends_on ?? []).map(scheduledEndOf)) + 1;
    const e = project.end !== undefined ? toDay(project.end) : s + durationDays(project.duration!) - 1;
    if (!Number.isFinite(s) || !Number.isFinite(e)) throw new Error(`reference: ${project.id} is unscheduled (generator bug)`);
    const result = { s, e };
    scheduleMemo.set(project.id, result);
    return result;
  }

  // --- State (SPEC 3). INTERPRETATION (10).
  const stateOf = (project: Project): State => {
    if (project.state !== undefined) return project.state;
    if (project.progress !== undefined && Rational.decimal(project.progress).eq(HUNDRED)) return 'done';
    return schedule(project).s <= S ? 'active' : 'planned';
  };
  const cancelled = (project: Project) => stateOf(project) === 'cancelled';

  // --- Per project: the planned window and earned value (SPEC 5 table).
  const windowOf = (project: Project) => {
    const { s, e } = schedule(project);
    // INTERPRETATION (1): each baseline date on its own.
    const ps = project.baseline?.start !== undefined ? toDay(project.baseline.start) : s;
    const pe = project.baseline?.end !== undefined ? toDay(project.baseline.end) : e;
    return { ps, pe };
  };
  const earnedMemo = new Map<string, ReturnType<typeof evFigures> & { progress: Rational }>();
  function earned(project: Project) {
    const known = earnedMemo.get(project.id);
    if (known) return known;
    const bac = money(project.baseline?.budget ?? project.budget);
    const { ps, pe } = windowOf(project);
    const pv = bac.mul(clamp01(days(S - ps + 1).div(days(pe - ps + 1))));
    // INTERPRETATION (2).
    const progress = stateOf(project) === 'done' ? HUNDRED : money(project.progress);
    const ev = bac.mul(progress).div(HUNDRED);
    const ac = money(project.spent);
    const cpi = ratio(ev, ac);
    const eac = cpi !== null && cpi.gt(ZERO) ? bac.div(cpi) : ac.add(bac.sub(ev));
    const benefits = sum(project.benefits.map((b) => money(b.value)));
    const result = { ...evFigures(bac, pv, ev, ac, eac, benefits), progress };
    earnedMemo.set(project.id, result);
    return result;
  }

  /** SPEC 5.2 over these projects, leaving out cancelled ones. */
  const earnedSchedule = (members: readonly Project[]) =>
    earnedScheduleOf(
      members.filter((p) => !cancelled(p)).map((p) => ({ ...windowOf(p), bac: earned(p).bac, progress: earned(p).progress, done: stateOf(p) === 'done' })),
      S,
    );

  // --- Forecast (SPEC 5.1), in dependency order by recursion.
  const forecastMemo = new Map<string, { fs: Day; fe: Day } | null>();
  /** What a dependency pushes: a project's forecastEnd, a milestone's forecast; null for a cancelled project and its milestones. INTERPRETATION (7). */
  const dependencyForecast = (id: string): Day | null => {
    const milestone = milestoneById.get(id);
    if (milestone) return milestoneForecast(milestone.milestone);
    const project = projectById.get(id)!.project;
    return cancelled(project) ? null : projectForecast(project)!.fe;
  };
  const ownerCancelled = (milestone: Milestone): boolean => {
    const owner = milestoneOwner.get(milestone)!;
    return owner.kind === 'project' && cancelled(projectById.get(owner.id)!.project);
  };
  function projectForecast(project: Project): { fs: Day; fe: Day } | null {
    if (forecastMemo.has(project.id)) return forecastMemo.get(project.id)!;
    const { s, e } = schedule(project);
    const state = stateOf(project);
    let result: { fs: Day; fe: Day } | null;
    if (state === 'cancelled') {
      result = null;
    } else if (state === 'done') {
      result = { fs: s, fe: e };
    } else if (state === 'active' || state === 'on-hold') {
      const { spi } = earned(project);
      const { ps, pe } = windowOf(project);
      // v3: own = max(e, ps + ceil((pe − ps + 1) / SPI) − 1) when 0 < SPI < 1, else e.
      const own = spi !== null && spi.gt(ZERO) && spi.lt(Rational.one) ? Math.max(e, ps + Number(days(pe - ps + 1).div(spi).ceil()) - 1) : e;
      result = { fs: s, fe: Math.max(own, S) };
    } else {
      const pushes = (project.depends_on ?? []).map(dependencyForecast).filter((d): d is Day => d !== null);
      const fs = Math.max(s, S, ...pushes.map((d) => d + 1));
      result = { fs, fe: fs + (e - s) };
    }
    forecastMemo.set(project.id, result);
    return result;
  }
  const milestoneMemo = new Map<Milestone, Day | null>();
  function milestoneForecast(milestone: Milestone): Day | null {
    const known = milestoneMemo.get(milestone);
    if (known !== undefined) return known;
    const date = toDay(milestone.date);
    // INTERPRETATION (13): S counts even for a milestone already past its date.
    const pushes = (milestone.depends_on ?? []).map(dependencyForecast).filter((d): d is Day => d !== null);
    const result = ownerCancelled(milestone) ? null : milestone.done ? date : Math.max(date, S, ...pushes);
    milestoneMemo.set(milestone, result);
    return result;
  }
  const milestoneStatus = (milestone: Milestone): MilestoneStatus => {
    const date = toDay(milestone.date);
    if (ownerCancelled(milestone)) return 'cancelled';
    if (milestone.done) return 'done';
    if (date < S) return 'missed';
    return milestoneForecast(milestone)! > date ? 'at-risk' : 'on-track';
  };
  /** Missed or at risk: what makes its holder amber. */
  const late = (list: readonly Milestone[]) => list.some((m) => ['missed', 'at-risk'].includes(milestoneStatus(m)));

  // --- Critical path (SPEC 4), per program over its non-cancelled projects.
  const floatOf = new Map<string, number>();
  for (const { program } of programs) {
    const members = projects.filter((node) => node.programId === program.id && !cancelled(node.project)).map((node) => node.project);
    if (members.length === 0) continue;
    const programEnd = Math.max(...members.map((p) => schedule(p).e));
    const latestStart = new Map<string, number>();
    const lateStart = (project: Project): number => {
      const known = latestStart.get(project.id);
      if (known !== undefined) return known;
      const successors = members.filter((q) => (q.depends_on ?? []).includes(project.id));
      const latestFinish = successors.length === 0 ? programEnd : Math.min(...successors.map((q) => lateStart(q) - 1));
      const { s, e } = schedule(project);
      const result = latestFinish - (e - s + 1) + 1;
      latestStart.set(project.id, result);
      return result;
    };
    for (const project of members) floatOf.set(project.id, lateStart(project) - schedule(project).s);
  }

  // --- Projects.
  const projectHealth = new Map<string, Rag | null>();
  /** The health from what rests on no rejected value. INTERPRETATION (18). */
  const trustedHealth = new Map<string, Rag | null>();
  const rank = (health: Rag) => RAGS_IN_ORDER.indexOf(health);
  /** SPEC 6 status-mismatch: the declared health is better than the computed one (of what can be trusted). */
  const statusMismatch = (entity: Project | Program, kind: string, trusted: Rag | null) => {
    if (entity.health === undefined || trusted === null || rank(entity.health) >= rank(trusted)) return;
    diagnostics.push({ code: 'status-mismatch', ...place(entity, 'health'), about: `health of ${kind} ${entity.id}`, mentions: [[entity.id], [entity.health], [trusted]] });
  };
  const expectedProjects: ExpectedProject[] = projects.map(({ project, programId }) => {
    const { s, e } = schedule(project);
    const ev = earned(project);
    const forecast = projectForecast(project);
    const risks = countRisks(project.risks);
    const issues = countIssues(project.issues);
    // SPEC 5 slip rule: forecastEnd − pe for a project that is not done (a cancelled one has no forecast).
    const state = stateOf(project);
    const slip = state === 'done' || forecast === null ? null : forecast.fe - windowOf(project).pe;
    // INTERPRETATION (4): a cancelled project has no computed health (v3).
    const inputs = { cpi: ev.cpi, spi: ev.spi, issues, risks, lateMilestone: late(project.milestones), redChild: false, slip };
    const health = cancelled(project) ? null : computedHealth(inputs);
    projectHealth.set(project.id, health);
    const trusted = cancelled(project) ? null : computedHealth({ ...inputs, cpi: project.rejectedBudget ? null : ev.cpi });
    trustedHealth.set(project.id, trusted);
    statusMismatch(project, 'project', trusted);
    const float = floatOf.get(project.id) ?? null;
    return {
      id: project.id,
      name: project.name,
      start: toDate(s),
      end: toDate(e),
      figures: {
        ...ev,
        forecastStart: dateOf(forecast?.fs ?? null),
        forecastEnd: dateOf(forecast?.fe ?? null),
        health,
        declaredHealth: project.health ?? null,
        risks,
        issues,
        slip,
        ...earnedSchedule([project]),
      },
      program: programId,
      state: stateOf(project),
      float,
      critical: float !== null && float <= 0,
      window: { start: toDate(windowOf(project).ps), end: toDate(windowOf(project).pe) },
    };
  });

  // --- Programs.
  interface Rolled {
    sums: { bac: Rational; pv: Rational; ev: Rational; ac: Rational; eac: Rational; benefits: Rational };
    members: Project[];
    start: Day | null;
    end: Day | null;
    forecastEnd: Day | null;
    risks: RiskCounts;
    issues: IssueCounts;
    health: Rag;
    slip: number | null;
  }
  const rolledPrograms = new Map<string, Rolled>();
  /** ΣEV / ΣBAC × 100, else the mean progress weighted by planned days; null without projects. INTERPRETATION (3). */
  const rolledProgress = (sums: { bac: Rational; ev: Rational }, members: readonly Project[]): Rational | null => {
    if (sums.bac.gt(ZERO)) return sums.ev.div(sums.bac).mul(HUNDRED);
    if (members.length === 0) return null;
    const weight = (p: Project) => days(windowOf(p).pe - windowOf(p).ps + 1);
    return sum(members.map((p) => earned(p).progress.mul(weight(p)))).div(sum(members.map(weight)));
  };
  const expectedPrograms: ExpectedProgram[] = programs.map(({ program, portfolioId }) => {
    const all = projects.filter((node) => node.programId === program.id).map((node) => node.project);
    const members = all.filter((p) => !cancelled(p));
    const sumOf = (key: 'bac' | 'pv' | 'ev' | 'ac' | 'eac' | 'benefits') => sum(members.map((p) => earned(p)[key]));
    const benefits = sum(program.benefits.map((b) => money(b.value))).add(sumOf('benefits'));
    const sums = { bac: sumOf('bac'), pv: sumOf('pv'), ev: sumOf('ev'), ac: sumOf('ac'), eac: sumOf('eac'), benefits };
    const figures = evFigures(sums.bac, sums.pv, sums.ev, sums.ac, sums.eac, benefits);
    // INTERPRETATIONS (8) and (9).
    const memberMilestones = members.flatMap((p) => p.milestones);
    const start = earliest([...members.map((p) => schedule(p).s), ...memberMilestones.map((m) => toDay(m.date)), ...program.milestones.map((m) => toDay(m.date))]);
    const end = latest([...members.map((p) => schedule(p).e), ...memberMilestones.map((m) => toDay(m.date)), ...program.milestones.map((m) => toDay(m.date))]);
    const forecastEnd = latest([...members.map((p) => projectForecast(p)!.fe), ...[...memberMilestones, ...program.milestones].map(milestoneForecast)]);
    // SPEC 5 slip rule: against the declared end, else the latest pe and milestone date. INTERPRETATION (16).
    const plannedEnd = program.end !== undefined
      ? toDay(program.end)
      : latest([...members.map((p) => windowOf(p).pe), ...[...memberMilestones, ...program.milestones].map((m) => toDay(m.date))]);
    const leftToFinish = members.some((p) => stateOf(p) !== 'done');
    const slip = leftToFinish && forecastEnd !== null && plannedEnd !== null ? forecastEnd - plannedEnd : null;
    // INTERPRETATION (6).
    const risks = members.map((p) => countRisks(p.risks)).reduce(addRisks, countRisks(program.risks));
    const issues = members.map((p) => countIssues(p.issues)).reduce(addIssues, countIssues(program.issues));
    const healthInputs = {
      cpi: figures.cpi,
      spi: figures.spi,
      issues,
      risks,
      lateMilestone: late(program.milestones),
      // INTERPRETATION (5).
      redChild: members.some((p) => projectHealth.get(p.id) === 'red'),
      slip,
    };
    const health = computedHealth(healthInputs);
    rolledPrograms.set(program.id, { sums, members, start, end, forecastEnd, risks, issues, health, slip });
    // INTERPRETATION (18).
    const rejected = members.some((p) => p.rejectedBudget !== undefined);
    statusMismatch(program, 'program', computedHealth({
      ...healthInputs,
      cpi: rejected ? null : figures.cpi,
      spi: rejected ? null : figures.spi,
      redChild: members.some((p) => trustedHealth.get(p.id) === 'red'),
    }));

    // INTERPRETATIONS (14) and (18).
    if (program.budget !== undefined && !rejected) {
      const budget = Rational.decimal(program.budget);
      const about = `budget of ${program.id}`;
      if (sums.bac.gt(budget)) diagnostics.push({ code: 'over-budget', ...place(program, 'budget'), about, mentions: [[program.id]] });
      if (sums.eac.gt(budget)) diagnostics.push({ code: 'forecast-over-budget', ...place(program, 'budget'), about, mentions: [[program.id]] });
    }
    return {
      id: program.id,
      name: program.name,
      start: dateOf(start),
      end: dateOf(end),
      figures: {
        ...figures,
        progress: rolledProgress(sums, members),
        forecastEnd: dateOf(forecastEnd),
        health,
        declaredHealth: program.health ?? null,
        risks,
        issues,
        slip,
        ...earnedSchedule(members),
      },
      portfolio: portfolioId,
      projects: all.map((p) => p.id),
    };
  });

  // --- Portfolios.
  const expectedPortfolios: ExpectedPortfolio[] = portfolios.map((portfolio) => {
    const members = programs.filter((node) => node.portfolioId === portfolio.id).map((node) => rolledPrograms.get(node.program.id)!);
    const sumOf = (key: 'bac' | 'pv' | 'ev' | 'ac' | 'eac' | 'benefits') => sum(members.map((m) => m.sums[key]));
    const sums = { bac: sumOf('bac'), pv: sumOf('pv'), ev: sumOf('ev'), ac: sumOf('ac'), eac: sumOf('eac') };
    const figures = evFigures(sums.bac, sums.pv, sums.ev, sums.ac, sums.eac, sumOf('benefits'));
    const risks = members.map((m) => m.risks).reduce(addRisks, { high: 0, medium: 0, low: 0 });
    const issues = members.map((m) => m.issues).reduce(addIssues, { critical: 0, high: 0, medium: 0, low: 0 });
    const slips = members.map((m) => m.slip).filter((d): d is number => d !== null);
    const slip = slips.length === 0 ? null : Math.max(...slips);
    const health = computedHealth({ cpi: figures.cpi, spi: figures.spi, issues, risks, lateMilestone: false, redChild: members.some((m) => m.health === 'red'), slip });
    return {
      id: portfolio.id,
      name: portfolio.name,
      start: dateOf(earliest(members.map((m) => m.start))),
      end: dateOf(latest(members.map((m) => m.end))),
      figures: {
        ...figures,
        progress: rolledProgress(sums, members.flatMap((m) => m.members)),
        forecastEnd: dateOf(latest(members.map((m) => m.forecastEnd))),
        health,
        declaredHealth: null,
        risks,
        issues,
        slip,
        ...earnedSchedule(members.flatMap((m) => m.members)),
      },
      programs: programs.filter((node) => node.portfolioId === portfolio.id).map((node) => node.program.id),
    };
  });

  // --- Milestones, and their diagnostics. INTERPRETATION (12).
  const expectedMilestones: ExpectedMilestone[] = milestones.map(({ milestone, owner }) => {
    const status = milestoneStatus(milestone);
    if (status === 'at-risk') {
      // SPEC 6: "name the dependency that pushes it and by how many days". INTERPRETATION (15).
      const forecast = milestoneForecast(milestone)!;
      const pushers = (milestone.depends_on ?? []).filter((id) => dependencyForecast(id) === forecast);
      const late = forecast - toDay(milestone.date);
      diagnostics.push({
        code: 'milestone-at-risk',
        ...place(milestone, 'date'),
        about: `milestone ${milestone.name}`,
        mentions: [[milestone.date], [toDate(forecast)], [`${late} day`], pushers],
      });
    }
    return {
      id: milestone.id ?? null,
      name: milestone.name,
      owner,
      date: milestone.date,
      done: milestone.done ?? false,
      forecast: dateOf(milestoneForecast(milestone)),
      status,
    };
  });

  // --- Overdue issues, wherever they are (SPEC 6).
  // v3: not on what a cancelled project holds. INTERPRETATION (12).
  const allIssues = [...programs.flatMap((p) => p.program.issues), ...projects.filter((p) => !cancelled(p.project)).flatMap((p) => p.project.issues)];
  for (const issue of allIssues) {
    if ((issue.state ?? 'open') === 'open' && issue.due !== undefined && toDay(issue.due) < S) {
      diagnostics.push({ code: 'overdue-issue', ...place(issue, 'due'), about: `issue ${issue.title}`, mentions: [[issue.due], [toDate(S)]] });
    }
  }

  // --- Spending above the budget at completion (SPEC 6: AC > BAC on a project), compared exactly as written.
  for (const { project } of projects) {
    // v3: no diagnostic on a cancelled project beyond the structural ones. INTERPRETATION (12).
    // INTERPRETATION (18): not from a rejected budget.
    if (project.spent === undefined || cancelled(project) || project.rejectedBudget) continue;
    const { ac, bac } = earned(project);
    if (ac.gt(bac)) diagnostics.push({ code: 'overspent', ...place(project, 'spent'), about: `spent of ${project.id}`, mentions: [[project.id]] });
  }

  return {
    statusDate: toDate(S),
    portfolios: expectedPortfolios,
    programs: expectedPrograms,
    projects: expectedProjects,
    milestones: expectedMilestones,
    diagnostics,
  };
}
