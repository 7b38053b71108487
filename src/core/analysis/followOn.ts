/**
 * Which problems are echoes of one already reported (SPEC 6): "a value the schema rejects is not used
 * further (no follow-on warning computed from it)". The model does not read a rejected value, nor a
 * misspelt key's or an unreadable line's (`invalid` on the entity); the analysis then sees the field
 * as absent and may compute from a default (no budget is a budget of 0). So a problem is left out when
 * a figure it is computed from rests on an invalid field — of its own entity, or of the projects and
 * milestones it depends on, sums up or shares a person with — and kept otherwise.
 *
 * A document whose YAML could not be recovered at all (`broken`) keeps only its syntax errors and
 * duplicate ids: the parser's guesses there are not the plan.
 */
import type { DiagnosticCode } from '../base/codes';
import type { PlanDiagnostic } from '../base/diagnostic';
import type { Position } from '../base/positions';
import type { Entity, Health, Issue, Milestone, Program, Project, Risk } from '../model/entities';
import { inputKeys, issueFields, keysOf, milestoneFields, personFields, portfolioFields, programFields, projectFields, riskFields } from '../model/fieldRoles';
import type { ParsedFile } from '../syntax/nodes';
import { statusMismatch } from './checks';
import type { PlanIndex } from './planIndex';
import { healthOf, type HealthBasis, type HealthConcern, type RollupResult } from './rollup';
import { isBetterHealth, riskLevel } from './rules';

/** Each figure's inputs by YAML key, from the field roles (model/fieldRoles.ts). */
const SCHEDULE = inputKeys(projectFields, 'dates');
/**
 * What a project's forecast is computed from (with its schedule and its dependencies'): not its money.
 * SPI is EV / PV, in which BAC cancels out; a rejected budget (BAC 0) leaves SPI unknown and the forecast
 * at its plan, which can only be earlier than the true one — so a milestone it makes late is late.
 */
const PROJECT_FORECAST = inputKeys(projectFields, 'forecast');
const PROJECT_MONEY = inputKeys(projectFields, 'money');
const PROJECT_LOAD = inputKeys(projectFields, 'load');
const OVERSPENT = keysOf(projectFields, 'budget', 'baseline', 'spent');
/** What says a project has a start, an end (SPEC 4: a start, else depends_on; an end, else a duration). */
const PROJECT_START = keysOf(projectFields, 'start', 'dependsOn');
const PROJECT_END = keysOf(projectFields, 'end', 'duration');
/** What a project's BAC is (its baseline's budget, else its budget) and whether it counts at all (its state: cancelled). */
const PROJECT_BAC = keysOf(projectFields, 'budget', 'baseline', 'state');
const PROGRESS = keysOf(projectFields, 'state', 'progress');
const PROGRAM_MONEY = inputKeys(programFields, 'money');
const PROGRAM_WINDOW = inputKeys(programFields, 'dates');
const CURRENCY = keysOf(programFields, 'currency');
const STATUS_DATE = [...keysOf(portfolioFields, 'statusDate'), ...keysOf(programFields, 'statusDate')];
const MILESTONE_SCHEDULE = inputKeys(milestoneFields, 'dates');
const MILESTONE_FIGURES = inputKeys(milestoneFields, 'forecast');
const MILESTONE_MISSED = keysOf(milestoneFields, 'date', 'done');
const MILESTONE_DATE = keysOf(milestoneFields, 'date');
const PROJECT_STATE = keysOf(projectFields, 'state');
const RISK_FIGURES = inputKeys(riskFields, 'health');
const ISSUE_FIGURES = inputKeys(issueFields, 'health');
const ISSUE_OVERDUE = keysOf(issueFields, 'due', 'open');
const CAPACITY = inputKeys(personFields, 'load');

/** The inputs above, for the test that they are what the table of warnings below says. */
export const followOnInputs = {
  SCHEDULE, PROJECT_FORECAST, PROJECT_MONEY, PROJECT_LOAD, OVERSPENT, PROJECT_BAC, PROGRESS, PROJECT_STATE, PROGRAM_MONEY, PROGRAM_WINDOW,
  CURRENCY, STATUS_DATE, MILESTONE_SCHEDULE, MILESTONE_FIGURES, MILESTONE_MISSED, MILESTONE_DATE, RISK_FIGURES, ISSUE_FIGURES, ISSUE_OVERDUE, CAPACITY,
};

/**
 * THE TABLE: each warning and the inputs it is computed from (SPEC 6: a rejected value silences only the
 * warnings computed from it). A warning is left out when one of its inputs rests on a rejected value;
 * codes not listed are never follow-ons (syntax, schema, ids, references, people, cycles).
 *
 * | warning | its inputs |
 * |---|---|
 * | overspent | the project's budget, baseline, spent |
 * | progress-mismatch | the project's state, progress |
 * | unscheduled (no start) | the project's start, depends_on (it is said only when it has neither) |
 * | unscheduled (no end) | the project's end, duration |
 * | dependency-violation | the project's start or milestone's date; the schedule of the dependency it names (its end) |
 * | date-conflict (project) | start + duration ≠ end: its start, duration, end; end before start: its end and its start (written, else its schedule); the baseline's: its baseline |
 * | date-conflict (program) | the program's start, end |
 * | outside-window | the project's schedule and its program's start, end; a milestone's date and its project's schedule |
 * | over-budget | the program's budget and projects; its counted (not cancelled) projects' BAC: budget, baseline, state |
 * | forecast-over-budget | the program's budget and projects; its counted projects' budget, spent, progress, state, baseline (EAC) |
 * | status-mismatch | the reasons of the computed health (THE HEALTH TABLE below): judged on those that rest on no rejected value |
 * | missed-milestone | the milestone's date, done |
 * | milestone-at-risk | the milestone's date, done, depends_on; the forecast of what it depends on (schedule, state, progress, baseline — not money) |
 * | unmitigated-risk | the risk's likelihood, impact, state, mitigation |
 * | overdue-issue | the issue's due, state |
 * | overallocated | the person's capacity; their own allocations; their projects' state and schedule (the plan basis: not progress) |
 * | currency-mismatch | the program's own currency (the check compares the currencies read, a rejected one left out) |
 * | status-date-mismatch | every status_date |
 */
const followOnRules: Partial<Record<DiagnosticCode, (entity: Entity, taint: Taint, d: PlanDiagnostic, locate: EntityLocator) => boolean>> = {
  overspent: (e) => e.kind === 'project' && own(e, OVERSPENT),
  'progress-mismatch': (e) => e.kind === 'project' && own(e, PROGRESS),
  unscheduled: (e, t, d) => {
    if (e.kind !== 'project') return (e.kind === 'milestone') && t.scheduleTainted(e);
    return d.about && 'missing' in d.about && d.about.missing === 'end' ? own(e, PROJECT_END) : own(e, PROJECT_START);
  },
  'dependency-violation': (e, t, d) => {
    if (e.kind !== 'project' && e.kind !== 'milestone') return false;
    if (own(e, e.kind === 'project' ? ['start'] : MILESTONE_DATE)) return true;
    // The dependency it is about; any of them when that cannot be told (one of no id).
    const about = d.about && 'dependency' in d.about ? d.about.dependency : undefined;
    const named = about === undefined ? [] : t.dependenciesOf(e).filter((target) => target.id === about);
    return (named.length > 0 ? named : t.dependenciesOf(e)).some((target) => t.scheduleTainted(target));
  },
  'date-conflict': (e, t, d, locate) => {
    if (e.kind === 'program') return own(e, PROGRAM_WINDOW);
    if (e.kind !== 'project') return false;
    const baselineEnd = e.baseline?.end;
    if (baselineEnd && samePosition(locate.positionOf(e, baselineEnd.span[0]), d.range.start)) return own(e, ['baseline']);
    if (own(e, ['start', 'end'])) return true;
    // start + duration ≠ end reads the written three; end before start, a start from the schedule when none is written.
    if (e.start) return false;
    return own(e, ['depends_on']) || t.dependenciesOf(e).some((target) => t.scheduleTainted(target));
  },
  'outside-window': (e, t) => {
    if (e.kind === 'project') return t.scheduleTainted(e) || (e.program !== undefined && own(e.program, PROGRAM_WINDOW));
    if (e.kind === 'milestone') return own(e, MILESTONE_DATE) || (e.parent.kind === 'project' && t.scheduleTainted(e.parent));
    return false;
  },
  'over-budget': (e, t) => e.kind === 'program' && (own(e, PROGRAM_MONEY) || t.counted(e).some((p) => own(p, PROJECT_BAC))),
  'forecast-over-budget': (e, t) => e.kind === 'program' && programMoneyTainted(e, t),
  'status-mismatch': (e, t) => (e.kind === 'project' || e.kind === 'program') && !t.trusted(e).mismatch,
  'missed-milestone': (e) => e.kind === 'milestone' && own(e, MILESTONE_MISSED),
  'milestone-at-risk': (e, t) => e.kind === 'milestone' && t.forecastTainted(e),
  'unmitigated-risk': (e) => e.kind === 'risk' && own(e, RISK_FIGURES),
  'overdue-issue': (e) => e.kind === 'issue' && own(e, ISSUE_OVERDUE),
  overallocated: (e, t, d, locate) => e.kind === 'project' && t.allocationTainted(e, d.range.start, locate),
  'currency-mismatch': (e) => e.kind === 'program' && own(e, CURRENCY),
};

/**
 * THE HEALTH TABLE: each reason of a computed health (SPEC 5) and the inputs it is computed from. A
 * declared health is compared with the health of the reasons that rest on no rejected value: a rejected
 * budget sets aside the money reasons (CPI, and a program's indices, which weigh each project by its
 * BAC), not a slip, a milestone at risk or an open issue (SPEC 6).
 *
 * | reason | its inputs |
 * |---|---|
 * | CPI (project) | the project's money: budget, spent, progress, state, baseline |
 * | SPI (project) | its forecast inputs: its schedule and its dependencies', progress, state, baseline (BAC cancels out: a rejected budget leaves SPI unknown, never low) |
 * | CPI (program) | the money inputs of every project it counts (ΣEV / ΣAC) |
 * | SPI (program) | the BAC and forecast inputs of every project it counts (ΣEV / ΣPV: not what was spent) |
 * | slip (project) | its forecast, and what it waits for |
 * | slip (program) | its start, end; the forecasts of the projects it counts and of its and their milestones |
 * | a milestone missed or at risk | that milestone's forecast: its date, done, depends_on and what it waits for |
 * | open critical / high issues, high risks | the issues or risks counted (a program's own and its projects'): stands while one of them is read in full |
 * | a red part (a program's project) | that part's reasons, by this table |
 *
 * Any reason of an entity with a line that could not be read (`*`) is set aside.
 */
const healthInputs: { readonly [K in HealthBasis['kind']]: (holder: Program | Project, basis: Extract<HealthBasis, { kind: K }>, taint: Taint) => boolean } = {
  cpi: (h, _, t) => t.counted(h).some((p) => own(p, PROJECT_MONEY)),
  spi: (h, _, t) => t.counted(h).some((p) => (h.kind === 'program' && own(p, PROJECT_BAC)) || own(p, PROJECT_FORECAST) || t.scheduleTainted(p)),
  slip: (h, _, t) =>
    h.kind === 'project'
      ? t.forecastTainted(h)
      : own(h, PROGRAM_WINDOW) || h.milestones.some((m) => t.forecastTainted(m)) || t.counted(h).some((p) => t.forecastTainted(p) || p.milestones.some((m) => t.forecastTainted(m))),
  'critical-issues': (h, _, t) => !t.listed(h, (p) => p.issues).some((i) => i.open && i.severity === 'critical' && !own(i, ISSUE_FIGURES)),
  'high-issues': (h, _, t) => !t.listed(h, (p) => p.issues).some((i) => i.open && i.severity === 'high' && !own(i, ISSUE_FIGURES)),
  'high-risks': (h, _, t) => !t.listed(h, (p) => p.risks).some((r) => r.open && riskLevel(r) === 'high' && !own(r, RISK_FIGURES)),
  milestone: (_, basis, t) => t.forecastTainted(basis.milestone),
  'red-part': (_, basis, t) => basis.part.kind !== 'project' || t.trusted(basis.part).health !== 'red',
};

/** Whether a reason of `holder`'s health rests on a rejected value (THE HEALTH TABLE). */
function concernTainted(holder: Program | Project, concern: HealthConcern, taint: Taint): boolean {
  if (holder.invalid.has('*')) return true;
  const rests = healthInputs[concern.basis.kind] as (holder: Program | Project, basis: HealthBasis, taint: Taint) => boolean;
  return rests(holder, concern.basis, taint);
}

/** The program's budget, or the money of a project its sums count (a cancelled one counts nowhere), was rejected. */
function programMoneyTainted(program: Program, taint: Taint): boolean {
  return own(program, PROGRAM_MONEY) || taint.counted(program).some((p) => own(p, PROJECT_MONEY));
}

/**
 * `brokenFiles`: the files with a broken document; `someInvalid`: whether some entity has an invalid
 * field (the workspace knows both per file, from reading it: nearly always none and no).
 */
export function withoutFollowOnProblems(
  brokenFiles: readonly ParsedFile[],
  index: PlanIndex,
  rollup: RollupResult,
  diagnostics: readonly PlanDiagnostic[],
  someInvalid: boolean,
): PlanDiagnostic[] {
  const kept = withoutSchemaOnSyntaxLines(brokenFiles.length > 0 ? withoutBrokenDocuments(brokenFiles, diagnostics) : [...diagnostics]);
  if (!someInvalid) return kept;
  const taint = new Taint(index, rollup);
  const locate = new EntityLocator(index);
  const shown: PlanDiagnostic[] = [];
  for (const d of kept) {
    if (taint.isFollowOn(d, locate)) continue;
    // A status-mismatch kept says why from the reasons it rests on.
    shown.push(d.code === 'status-mismatch' ? (taint.restated(d, locate) ?? d) : d);
  }
  return shown;
}

function withoutBrokenDocuments(files: readonly ParsedFile[], diagnostics: readonly PlanDiagnostic[]): PlanDiagnostic[] {
  const broken = new Map<string, Array<{ start: number; end: number }>>();
  for (const file of files) {
    for (const document of file.documents) {
      if (!document.broken) continue;
      const span = { start: file.lines.positionAt(document.span[0]).line, end: file.lines.positionAt(document.span[1]).line };
      const spans = broken.get(file.path);
      if (spans) spans.push(span);
      else broken.set(file.path, [span]);
    }
  }
  if (broken.size === 0) return [...diagnostics];
  return diagnostics.filter((d) => {
    if (d.code === 'yaml-syntax' || d.code === 'duplicate-id') return true;
    const spans = broken.get(d.file);
    return !spans?.some(({ start, end }) => d.range.start.line >= start && d.range.start.line <= end);
  });
}

/**
 * A line with a syntax error is read as meant (recovery.ts); if the schema then rejects what it was
 * read as (`project: [unclosed` read as a list), that is the same mistake: the syntax error says it.
 */
function withoutSchemaOnSyntaxLines(diagnostics: PlanDiagnostic[]): PlanDiagnostic[] {
  const syntaxLines = new Set<string>();
  for (const d of diagnostics) if (d.code === 'yaml-syntax') syntaxLines.add(`${d.file}\u0000${d.range.start.line}`);
  if (syntaxLines.size === 0) return diagnostics;
  return diagnostics.filter((d) => d.code !== 'schema' || !syntaxLines.has(`${d.file}\u0000${d.range.start.line}`));
}

/** Which entities' figures rest on an invalid field, memoised per question. */
class Taint {
  private readonly schedule = new Map<Project | Milestone, boolean>();
  private readonly health = new Map<Program | Project, TrustedHealth>();
  private readonly forecast = new Map<Project | Milestone, boolean>();
  private readonly people = new Map<string, boolean>();

  constructor(
    private readonly index: PlanIndex,
    private readonly rollup: RollupResult,
  ) {}

  isFollowOn(d: PlanDiagnostic, locate: EntityLocator): boolean {
    switch (d.code) {
      case 'yaml-syntax':
      case 'schema':
      case 'duplicate-id':
      case 'unknown-reference':
      case 'unknown-person':
      case 'dependency-cycle':
        return false;
      case 'status-date-mismatch':
        return [...this.index.portfolios, ...this.index.programs].some((holder) => own(holder, STATUS_DATE));
      default:
        break;
    }
    const rule = followOnRules[d.code];
    const entity = rule && locate.at(d.file, d.range.start);
    return entity !== undefined && rule!(entity, this, d, locate);
  }

  /** Its forecast rests on an invalid field: its own forecast inputs, or a dependency's (not money: see PROJECT_FORECAST). */
  forecastTainted(node: Project | Milestone): boolean {
    return this.memo(this.forecast, node, () =>
      own(node, node.kind === 'project' ? PROJECT_FORECAST : MILESTONE_FIGURES) || this.dependencies(node).some((d) => this.forecastTainted(d)));
  }

  /** Its dates rest on an invalid field: its own, or a dependency's (dates flow down depends_on). */
  scheduleTainted(node: Project | Milestone): boolean {
    return this.memo(this.schedule, node, () => own(node, node.kind === 'project' ? SCHEDULE : MILESTONE_SCHEDULE) || this.dependencies(node).some((d) => this.scheduleTainted(d)));
  }

  /**
   * The health of a project or program from the reasons that rest on no rejected value, those reasons,
   * and whether its declared health is better (memoised).
   */
  trusted(holder: Program | Project): TrustedHealth {
    let known = this.health.get(holder);
    if (known) return known;
    const rollup = holder.kind === 'project' ? this.rollup.projects.get(holder) : this.rollup.programs.get(holder);
    const concerns = rollup?.healthConcerns.filter((c) => !concernTainted(holder, c, this)) ?? [];
    const health = healthOf(concerns);
    const all = rollup?.healthConcerns.length ?? 0;
    const declared = holder.health?.value;
    const computed = rollup?.figures.health ?? null;
    known = {
      health,
      reasons: concerns.filter((c) => c.level === health).map((c) => c.text),
      mismatch: computed !== null && declared !== undefined && isBetterHealth(declared, health),
      changed: concerns.length !== all,
    };
    this.health.set(holder, known);
    return known;
  }

  /** A status-mismatch kept, restated from the reasons it can trust when some were set aside. */
  restated(d: PlanDiagnostic, locate: EntityLocator): PlanDiagnostic | undefined {
    const entity = locate.at(d.file, d.range.start);
    if (entity?.kind !== 'project' && entity?.kind !== 'program') return undefined;
    const trusted = this.trusted(entity);
    return trusted.changed ? statusMismatch(entity, trusted.health, () => trusted.reasons) : undefined;
  }

  /** The non-cancelled projects a reason of `holder` is computed from: itself, or a program's. */
  counted(holder: Program | Project): readonly Project[] {
    if (holder.kind === 'project') return [holder];
    return holder.projects.filter((p) => this.rollup.projects.get(p)?.cancelled === false);
  }

  /**
   * The risks or issues `holder`'s counts are made of: its own, and a program's projects' counted — those
   * of a project whose state was rejected count as rejected too (it may have been cancelled).
   */
  listed<T extends Risk | Issue>(holder: Program | Project, of: (holder: Program | Project) => readonly T[]): T[] {
    if (holder.kind === 'project') return [...of(holder)];
    return [...of(holder), ...this.counted(holder).flatMap((p) => (own(p, PROJECT_STATE) ? [] : of(p)))];
  }

  /**
   * The person of the team entry at `at` in `project`: their capacity, one of their own allocations, or the
   * state or schedule of one of their projects rests on an invalid field (another person's allocation does
   * not: SPEC 6, only from it).
   */
  allocationTainted(project: Project, at: Position, locate: EntityLocator): boolean {
    const entry = project.team.find((e) => samePosition(locate.positionOf(project, e.person.span[0]), at));
    if (!entry) return false;
    const name = entry.person.name;
    let tainted = this.people.get(name);
    if (tainted === undefined) {
      tainted =
        this.index.people.some((person) => person.id === name && own(person, CAPACITY)) ||
        this.index.projects.some((p) => {
          const entries = p.team.filter((e) => e.person.name === name);
          return entries.length > 0 && (entries.some((e) => e.rejected) || own(p, PROJECT_LOAD) || this.scheduleTainted(p));
        });
      this.people.set(name, tainted);
    }
    return tainted;
  }

  /** What a project or milestone depends on (its depends_on items that name one). */
  dependenciesOf(node: Project | Milestone): Array<Project | Milestone> {
    return this.dependencies(node);
  }

  private dependencies(node: Project | Milestone): Array<Project | Milestone> {
    return node.dependsOn.flatMap((reference) => this.index.dependencyTargets.get(reference) ?? []);
  }

  /** Memoised, and false while being decided (a dependency cycle is reported on its own). */
  private memo(cache: Map<Project | Milestone, boolean>, node: Project | Milestone, decide: () => boolean): boolean {
    const known = cache.get(node);
    if (known !== undefined) return known;
    cache.set(node, false);
    const result = decide();
    cache.set(node, result);
    return result;
  }
}

/** An invalid field among `keys` ('*': a line of the entity that could not be read, any field). */
function own(entity: Entity, keys: readonly string[]): boolean {
  if (entity.invalid.size === 0) return false;
  return entity.invalid.has('*') || keys.some((key) => entity.invalid.has(key));
}

/** The health of an entity from the reasons resting on no rejected value, and whether its declared health is better. */
interface TrustedHealth {
  readonly health: Health;
  readonly reasons: readonly string[];
  readonly mismatch: boolean;
  /** Some reason was set aside. */
  readonly changed: boolean;
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The innermost entity written around a position of a file. */
class EntityLocator {
  private byFile: Map<string, Array<{ entity: Entity; start: Position; end: Position }>> | undefined;

  constructor(private readonly index: PlanIndex) {}

  positionOf(entity: Entity, offset: number): Position {
    return entity.source.file.lines.positionAt(offset);
  }

  at(file: string, position: Position): Entity | undefined {
    this.byFile ??= this.build();
    let found: { entity: Entity; start: Position; end: Position } | undefined;
    for (const candidate of this.byFile.get(file) ?? []) {
      if (before(position, candidate.start) || before(candidate.end, position)) continue;
      // Entities nest; a later one inside the one found is deeper.
      if (!found || !before(candidate.start, found.start)) found = candidate;
    }
    return found?.entity;
  }

  private build(): Map<string, Array<{ entity: Entity; start: Position; end: Position }>> {
    const byFile = new Map<string, Array<{ entity: Entity; start: Position; end: Position }>>();
    const { portfolios, programs, projects, milestones, risks, issues, people } = this.index;
    for (const entity of [...portfolios, ...programs, ...projects, ...milestones, ...risks, ...issues, ...people] as Entity[]) {
      const lines = entity.source.file.lines;
      const list = byFile.get(entity.source.file.path) ?? [];
      list.push({ entity, start: lines.positionAt(entity.span[0]), end: lines.positionAt(entity.span[1]) });
      byFile.set(entity.source.file.path, list);
    }
    return byFile;
  }
}
