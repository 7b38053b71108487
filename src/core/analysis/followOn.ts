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
import type { Entity, Milestone, Program, Project } from '../model/entities';
import { inputKeys, issueFields, keysOf, milestoneFields, personFields, portfolioFields, programFields, projectFields, riskFields } from '../model/fieldRoles';
import type { ParsedFile } from '../syntax/nodes';
import type { PlanIndex } from './planIndex';

/** Each figure's inputs by YAML key, from the field roles (model/fieldRoles.ts). */
const SCHEDULE = inputKeys(projectFields, 'dates');
/**
 * What a project's forecast is computed from (with its schedule and its dependencies'): not its money.
 * SPI is EV / PV, in which BAC cancels out; a rejected budget (BAC 0) leaves SPI unknown and the forecast
 * at its plan, which can only be earlier than the true one — so a milestone it makes late is late.
 */
const PROJECT_FORECAST = inputKeys(projectFields, 'forecast');
/** What a project's earned value, forecast and health are computed from (with its schedule). */
const PROJECT_FIGURES = inputKeys(projectFields, 'health');
const PROJECT_MONEY = inputKeys(projectFields, 'money');
const PROJECT_LOAD = inputKeys(projectFields, 'load');
const OVERSPENT = keysOf(projectFields, 'budget', 'baseline', 'spent');
const PROGRESS = keysOf(projectFields, 'state', 'progress');
const PROGRAM_FIGURES = inputKeys(programFields, 'health');
const PROGRAM_MONEY = inputKeys(programFields, 'money');
const PROGRAM_WINDOW = inputKeys(programFields, 'dates');
const CURRENCY = keysOf(programFields, 'currency');
const STATUS_DATE = [...keysOf(portfolioFields, 'statusDate'), ...keysOf(programFields, 'statusDate')];
const MILESTONE_SCHEDULE = inputKeys(milestoneFields, 'dates');
const MILESTONE_FIGURES = inputKeys(milestoneFields, 'forecast');
const MILESTONE_MISSED = keysOf(milestoneFields, 'date', 'done');
const MILESTONE_DATE = keysOf(milestoneFields, 'date');
const RISK_FIGURES = inputKeys(riskFields, 'health');
const ISSUE_FIGURES = inputKeys(issueFields, 'health');
const ISSUE_OVERDUE = keysOf(issueFields, 'due', 'open');
const CAPACITY = inputKeys(personFields, 'load');

/** The inputs above, for the test that they are what the table of warnings below says. */
export const followOnInputs = {
  SCHEDULE, PROJECT_FORECAST, PROJECT_FIGURES, PROJECT_MONEY, PROJECT_LOAD, OVERSPENT, PROGRESS, PROGRAM_FIGURES, PROGRAM_MONEY, PROGRAM_WINDOW,
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
 * | unscheduled, dependency-violation, date-conflict (project) | the schedule: its and its dependencies' start, end, duration, depends_on |
 * | date-conflict (program) | the program's start, end |
 * | outside-window | the project's schedule and its program's start, end; a milestone's date and its project's schedule |
 * | over-budget, forecast-over-budget | the program's budget and projects; its projects' budget, spent, progress, state, baseline |
 * | status-mismatch | every health input: the entity's figures, milestones, risks, issues (a program's: its projects' too) |
 * | missed-milestone | the milestone's date, done |
 * | milestone-at-risk | the milestone's date, done, depends_on; the forecast of what it depends on (schedule, state, progress, baseline — not money) |
 * | unmitigated-risk | the risk's likelihood, impact, state, mitigation |
 * | overdue-issue | the issue's due, state |
 * | overallocated | the person's capacity; their projects' team, state, progress and schedule |
 * | currency-mismatch | the currency of the portfolio's programs |
 * | status-date-mismatch | every status_date |
 */
const followOnRules: Partial<Record<DiagnosticCode, (entity: Entity, taint: Taint, d: PlanDiagnostic, locate: EntityLocator) => boolean>> = {
  overspent: (e) => e.kind === 'project' && own(e, OVERSPENT),
  'progress-mismatch': (e) => e.kind === 'project' && own(e, PROGRESS),
  unscheduled: (e, t) => (e.kind === 'project' || e.kind === 'milestone') && t.scheduleTainted(e),
  'dependency-violation': (e, t) => (e.kind === 'project' || e.kind === 'milestone') && t.scheduleTainted(e),
  'date-conflict': (e, t) => (e.kind === 'program' ? own(e, PROGRAM_WINDOW) : e.kind === 'project' && t.scheduleTainted(e)),
  'outside-window': (e, t) => {
    if (e.kind === 'project') return t.scheduleTainted(e) || (e.program !== undefined && own(e.program, PROGRAM_WINDOW));
    if (e.kind === 'milestone') return own(e, MILESTONE_DATE) || (e.parent.kind === 'project' && t.scheduleTainted(e.parent));
    return false;
  },
  'over-budget': (e) => e.kind === 'program' && programMoneyTainted(e),
  'forecast-over-budget': (e) => e.kind === 'program' && programMoneyTainted(e),
  'status-mismatch': (e, t) => (e.kind === 'project' ? t.figuresTainted(e) : e.kind === 'program' && t.programTainted(e)),
  'missed-milestone': (e) => e.kind === 'milestone' && own(e, MILESTONE_MISSED),
  'milestone-at-risk': (e, t) => e.kind === 'milestone' && t.forecastTainted(e),
  'unmitigated-risk': (e) => e.kind === 'risk' && own(e, RISK_FIGURES),
  'overdue-issue': (e) => e.kind === 'issue' && own(e, ISSUE_OVERDUE),
  overallocated: (e, t, d, locate) => e.kind === 'project' && t.allocationTainted(e, d.range.start, locate),
  'currency-mismatch': (e) => e.kind === 'program' && (e.portfolio?.programs ?? [e]).some((program) => own(program, CURRENCY)),
};

function programMoneyTainted(program: Program): boolean {
  return own(program, PROGRAM_MONEY) || program.projects.some((p) => own(p, PROJECT_MONEY));
}

export function withoutFollowOnProblems(files: readonly ParsedFile[], index: PlanIndex, diagnostics: readonly PlanDiagnostic[]): PlanDiagnostic[] {
  const kept = withoutSchemaOnSyntaxLines(withoutBrokenDocuments(files, diagnostics));
  const taint = new Taint(index);
  if (!taint.any) return kept;
  const locate = new EntityLocator(index);
  return kept.filter((d) => !taint.isFollowOn(d, locate));
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
  readonly any: boolean;
  private readonly schedule = new Map<Project | Milestone, boolean>();
  private readonly figures = new Map<Project | Milestone, boolean>();
  private readonly forecast = new Map<Project | Milestone, boolean>();
  private readonly people = new Map<string, boolean>();

  constructor(private readonly index: PlanIndex) {
    this.any = index.entities.some((e) => e.invalid.size > 0);
  }

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

  /** Its figures or forecast rest on an invalid field: its own, a child's, or a dependency's. */
  figuresTainted(node: Project | Milestone): boolean {
    return this.memo(this.figures, node, () => {
      if (node.kind === 'milestone') return own(node, MILESTONE_FIGURES) || this.dependencies(node).some((d) => this.figuresTainted(d));
      return (
        own(node, PROJECT_FIGURES) ||
        node.milestones.some((m) => this.figuresTainted(m)) ||
        node.risks.some((r) => own(r, RISK_FIGURES)) ||
        node.issues.some((i) => own(i, ISSUE_FIGURES)) ||
        this.dependencies(node).some((d) => this.figuresTainted(d))
      );
    });
  }

  programTainted(program: Program): boolean {
    return (
      own(program, PROGRAM_FIGURES) ||
      program.projects.some((p) => this.figuresTainted(p)) ||
      program.milestones.some((m) => this.figuresTainted(m)) ||
      program.risks.some((r) => own(r, RISK_FIGURES)) ||
      program.issues.some((i) => own(i, ISSUE_FIGURES))
    );
  }

  /** The person of the team entry at `at` in `project`: their capacity, or any of their allocations, rests on an invalid field. */
  allocationTainted(project: Project, at: Position, locate: EntityLocator): boolean {
    const entry = project.team.find((e) => samePosition(locate.positionOf(project, e.person.span[0]), at));
    if (!entry) return false;
    const name = entry.person.name;
    let tainted = this.people.get(name);
    if (tainted === undefined) {
      tainted =
        this.index.people.some((person) => person.id === name && own(person, CAPACITY)) ||
        this.index.projects.some((p) => p.team.some((e) => e.person.name === name) && (own(p, PROJECT_LOAD) || this.scheduleTainted(p)));
      this.people.set(name, tainted);
    }
    return tainted;
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
      list.push({ entity, start: lines.positionAt(entity.node.span[0]), end: lines.positionAt(entity.node.span[1]) });
      byFile.set(entity.source.file.path, list);
    }
    return byFile;
  }
}
