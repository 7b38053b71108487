/**
 * What a comparison keeps of one revision's analysis (SPEC 8): per project and program the dates,
 * money (declared budget included), progress, health and state; per milestone its date, forecast and status; per risk its level
 * and per issue its severity, with their open/closed state. Taken right after the analysis, as plain
 * data: the entities of a workspace are re-linked by its next analysis.
 */
import type { Day } from '../base/dates';
import { Rational } from '../base/exact';
import type { Health, IssueSeverity, Milestone, Portfolio, Program, Project, ProjectState } from '../model/entities';
import { exactSums, type MilestoneStatus, type ProjectRollup, type ProjectTerms, type Rollup } from '../analysis/rollup';
import { riskLevel, type RiskLevel } from '../analysis/rules';
import type { Analysis } from '../analysis/workspace';

/** The figures of a portfolio, program or project that a comparison looks at. */
export interface UndertakingState {
  readonly id: string;
  readonly name: string | null;
  readonly start: Day | null;
  readonly end: Day | null;
  readonly forecastEnd: Day | null;
  /** The forecast end by earned schedule (SPEC 5.2). */
  readonly ieacT: Day | null;
  readonly bac: number;
  /** The declared budget (a program's cap, a project's `budget` whatever its baseline says); null when none is declared. */
  readonly budget: number | null;
  readonly eac: number;
  readonly progress: number | null;
  /** Null for a cancelled project (v3). */
  readonly health: Health | null;
  /** Projects only; null for programs and portfolios. */
  readonly state: ProjectState | null;
}

/** The program or project that holds a milestone, risk or issue. */
export interface Holder {
  readonly kind: 'project' | 'program';
  readonly id: string | null;
}

export interface MilestoneState {
  readonly id: string | null;
  readonly name: string;
  readonly owner: Holder;
  readonly date: Day | null;
  readonly forecast: Day | null;
  readonly status: MilestoneStatus;
  readonly done: boolean;
}

export type OpenState = 'open' | 'closed';

export interface RiskState {
  readonly owner: Holder;
  readonly id: string | null;
  readonly title: string | null;
  readonly level: RiskLevel | null;
  readonly state: OpenState;
}

export interface IssueState {
  readonly owner: Holder;
  readonly id: string | null;
  readonly title: string | null;
  readonly severity: IssueSeverity | null;
  readonly state: OpenState;
}

/** One revision of the plans as a comparison sees it; lists in workspace order, entities without an id left out where the rollup leaves them out. */
export interface PlanSnapshot {
  readonly statusDate: Day;
  readonly portfolios: readonly UndertakingState[];
  readonly programs: readonly UndertakingState[];
  readonly projects: readonly UndertakingState[];
  readonly milestones: readonly MilestoneState[];
  readonly risks: readonly RiskState[];
  readonly issues: readonly IssueState[];
}

function undertaking(entity: Portfolio | Program | Project, rollup: Rollup, state: ProjectState | null): UndertakingState {
  const f = rollup.figures;
  return {
    id: entity.id!,
    name: entity.name ?? null,
    start: rollup.start,
    end: rollup.end,
    forecastEnd: f.forecastEnd,
    ieacT: f.ieacT,
    bac: f.bac,
    budget: entity.kind === 'portfolio' ? null : (entity.budget?.value ?? null),
    eac: f.eac,
    progress: f.progress,
    health: f.health,
    state,
  };
}

/** BAC and EAC as written and summed exactly (SPEC 5). */
export interface ExactMoney {
  readonly bac: Rational;
  readonly eac: Rational;
}

/**
 * How each undertaking of a snapshot works out its exact BAC and EAC, kept beside the plain data (a copy of
 * a snapshot has none and falls back on its numbers): a program's sums in floating point depend on the
 * order of its projects, which a renamed file changes.
 */
const exactMoneyOf = new WeakMap<UndertakingState, () => ExactMoney>();

function withExactMoney(state: UndertakingState, terms: readonly ProjectTerms[]): UndertakingState {
  let memo: ExactMoney | undefined;
  exactMoneyOf.set(state, () => (memo ??= exactSums(terms)));
  return state;
}

/**
 * A project's terms as they are when the snapshot is taken. A rollup's terms read their project entity
 * for where the values are written, and a later analysis of the same workspace refreshes that entity in
 * place (incremental.ts): a snapshot of one revision worked out exactly after the next one was analysed
 * would read the next one's text. The values and where they are written are kept now (the text and the
 * fields are replaced by a refresh, never changed).
 */
function termsNow(result: ProjectRollup): ProjectTerms {
  const { bac, percent, ac, elapsed, window, written } = result.terms;
  return { bac, percent, ac, elapsed, window, written };
}

/** The exact BAC and EAC of an undertaking of a snapshot (worked out on demand); null when not finite. */
export function exactMoney(state: UndertakingState): ExactMoney | null {
  const exact = exactMoneyOf.get(state);
  if (exact) return exact();
  return Number.isFinite(state.bac) && Number.isFinite(state.eac) ? { bac: Rational.of(state.bac), eac: Rational.of(state.eac) } : null;
}

const counted = (programs: readonly Program[], rollup: Analysis['rollup']): ProjectRollup[] =>
  programs.flatMap((program) => program.projects.map((project) => rollup.projects.get(project)!).filter((result) => !result.cancelled));

const holderOf = (item: { readonly parent: Program | Project }): Holder => ({ kind: item.parent.kind, id: item.parent.id ?? null });
const hasId = (entity: { readonly id: string | undefined }) => entity.id !== undefined;

/** The snapshot of an analysis (the same entities and figures as `toRollupJson`). */
export function planSnapshot(analysis: Pick<Analysis, 'index' | 'rollup'>): PlanSnapshot {
  const { index, rollup } = analysis;
  // Each project's terms once, shared by its program's and portfolio's sums.
  const kept = new Map<ProjectRollup, ProjectTerms>();
  const termsOf = (result: ProjectRollup): ProjectTerms => {
    let terms = kept.get(result);
    if (!terms) kept.set(result, (terms = termsNow(result)));
    return terms;
  };
  return {
    statusDate: rollup.statusDate,
    portfolios: index.portfolios.filter(hasId).map((portfolio) => withExactMoney(undertaking(portfolio, rollup.portfolios.get(portfolio)!, null), counted(portfolio.programs, rollup).map(termsOf))),
    programs: index.programs.filter(hasId).map((program) => withExactMoney(undertaking(program, rollup.programs.get(program)!, null), counted([program], rollup).map(termsOf))),
    projects: index.projects.filter(hasId).map((project) => {
      const result = rollup.projects.get(project)!;
      return withExactMoney(undertaking(project, result, result.state), [termsOf(result)]);
    }),
    milestones: index.milestones.map((milestone: Milestone) => {
      const outlook = rollup.milestones.get(milestone)!;
      return {
        id: milestone.id ?? null,
        name: milestone.name ?? milestone.id ?? '',
        owner: holderOf(milestone),
        date: milestone.date?.value ?? null,
        forecast: outlook.forecast,
        status: outlook.status,
        done: milestone.done,
      };
    }),
    risks: index.risks.map((risk) => ({
      owner: holderOf(risk),
      id: risk.id ?? null,
      title: risk.title ?? null,
      level: riskLevel(risk) ?? null,
      state: risk.open ? 'open' : 'closed',
    })),
    issues: index.issues.map((issue) => ({
      owner: holderOf(issue),
      id: issue.id ?? null,
      title: issue.title ?? null,
      severity: issue.severity ?? null,
      state: issue.open ? 'open' : 'closed',
    })),
  };
}
