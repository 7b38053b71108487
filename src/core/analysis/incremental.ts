/**
 * Incremental analysis: after an edit that changes values in a file but not its structure (its ids,
 * what it references, how its entities nest), the index stays as it was and only what the edited
 * entities reach is derived again — their dates and the dates of what depends on them, their forecast
 * and what it pushes, their program and portfolio sums, and the problems that can change.
 *
 * The edited file's new entities are folded into the old entity objects (`refreshInPlace`), so every
 * link of the index (a program's projects, a dependency's target) stays valid. A depends_on that names
 * other ids (typed into, an item added or dropped) links its project or milestone again (`relinkIndex`,
 * `relinkSchedule`), which is then an edited entity like any other; so does a manager or an owner named
 * otherwise (`relinkIndex` alone), a project's program or a program's portfolio (`relinkIndex`, then
 * `regroup`: the holders it left and joined are edited entities), a team entry's person (`relinkIndex`,
 * then everyone's team entries gathered again, `regatherTeams`, and the loads of who lost or gained the
 * entry), and an id nothing names (`renameInIndex`). Anything beyond that — another reference, a file added or
 * removed, a broken document, a cycle made, broken or involving the file, a duplicate id in it, another
 * status date or other options — is analysed in full. The property test in
 * test/unit/incremental.test.ts checks that both ways give the same analysis after every edit.
 */
import type { Day } from '../base/dates';
import type { HealthThresholds } from '../base/defaults';
import type { PlanDiagnostic } from '../base/diagnostic';
import type { DocumentModel, Entity, EntityBase, EntityKind, Issue, Placed, Milestone, Person, Portfolio, Program, Project, Reference, Risk, TeamEntry } from '../model/entities';
import { entityFields, fieldsWithRole, teamEntryFields, type FieldRole, type FieldTable } from '../model/fieldRoles';
import { none, WrittenField, type WrittenReference } from '../model/read';
import { milestoneChecks, personChecks, programChecks, projectChecks, issueChecks, riskChecks, portfolioChecks, type CheckContext } from './checks';
import { reforecast } from './forecast';
import { referenceProblems, regatherTeams, regroup, relinkIndex, renameInIndex, type PlanIndex } from './planIndex';
import { rerollup, revalue, type RollupState } from './rollup';
import { effectiveState } from './rules';
import { linksOf, milestoneDateChecks, projectDateChecks, redate, refloat, relinkSchedule, type Link, type ProjectDates, type Schedule } from './schedule';
import type { WritableMap } from './nodeMap';
import { PauseCounter, runToEnd, type Steps } from './steps';

type Node = Project | Milestone;

/** Problems by the unit that computes them, so that a unit computed again replaces its own only. */
export class DiagnosticUnits {
  /** Duplicate ids and dependency cycles (structure: computed with the index and the schedule). */
  global: readonly PlanDiagnostic[] = [];
  /** Each entity's reference problems. */
  readonly references = new Map<Entity, readonly PlanDiagnostic[]>();
  /** Each project's and milestone's date problems. */
  readonly dates = new Map<Node, readonly PlanDiagnostic[]>();
  /** The checks of each program, portfolio, project, milestone, person, risk and issue. */
  readonly checks = new Map<object, readonly PlanDiagnostic[]>();

  set(map: Map<object, readonly PlanDiagnostic[]>, key: object, diagnostics: readonly PlanDiagnostic[]): void {
    if (diagnostics.length > 0) map.set(key, diagnostics);
    else map.delete(key);
  }

  all(): PlanDiagnostic[] {
    const out = [...this.global];
    for (const map of [this.references, this.dates, this.checks]) for (const list of map.values()) for (const d of list) out.push(d);
    return out;
  }
}

/** Everything the analysis derived, kept for the next edit. */
export interface AnalysisState {
  readonly index: PlanIndex;
  readonly schedule: Schedule;
  readonly rollup: RollupState;
  readonly units: DiagnosticUnits;
  readonly context: CheckContext;
  readonly thresholds: HealthThresholds;
  readonly statusDate: Day;
  /** Who depends on each project or milestone (the schedule's links, reversed), worked out when first needed. */
  readonly dependents: () => ReadonlyMap<Node, readonly Node[]>;
  readonly people: ReadonlyMap<string, Person>;
  /** The milestones reported at risk (their messages follow slips upstream, so each edit checks them again). */
  readonly atRisk: Set<Milestone>;
}

/** The entities whose units of problems are worked out again: all of them in the full analysis. */
export interface Rechecked {
  /** Reference problems. */
  readonly references: Iterable<Entity>;
  /** Date problems of projects and milestones. */
  readonly dated: Iterable<Node>;
  readonly projects: Iterable<Project>;
  readonly milestones: Iterable<Milestone>;
  readonly programs: Iterable<Program>;
  readonly portfolios: Iterable<Portfolio>;
  readonly people: Iterable<Person>;
  readonly issues: Iterable<Issue>;
  readonly risks: Iterable<Risk>;
}

/**
 * Stage recheck: the units of problems of these entities worked out again, pausing every few hundred
 * units, and the milestones at risk kept up to date. The full analysis rechecks everything; an edit,
 * the units whose inputs it touched.
 */
export function* recheck(state: AnalysisState, rechecked: Rechecked): Steps<void> {
  const pauses = new PauseCounter();
  const { index, schedule, units, context, atRisk } = state;
  // Indexed loops over lists (the full analysis passes the index's own): in a generator, `for … of` makes
  // an iterator result per item, tens of thousands here.
  const references = listOf(rechecked.references);
  for (let i = 0; i < references.length; i++) {
    if (pauses.due()) yield;
    units.set(units.references, references[i], referenceProblems(references[i], index));
  }
  const dated = listOf(rechecked.dated);
  for (let i = 0; i < dated.length; i++) {
    if (pauses.due()) yield;
    const node = dated[i];
    units.set(units.dates, node, node.kind === 'project' ? projectDateChecks(node, schedule) : milestoneDateChecks(node, schedule));
  }
  const projects = listOf(rechecked.projects);
  for (let i = 0; i < projects.length; i++) {
    if (pauses.due()) yield;
    units.set(units.checks, projects[i], projectChecks(projects[i], context));
  }
  const milestones = listOf(rechecked.milestones);
  for (let i = 0; i < milestones.length; i++) {
    if (pauses.due()) yield;
    const milestone = milestones[i];
    const problems = milestoneChecks(milestone, context);
    units.set(units.checks, milestone, problems);
    if (problems.some((d) => d.code === 'milestone-at-risk')) atRisk.add(milestone);
    else atRisk.delete(milestone);
  }
  for (const program of rechecked.programs) units.set(units.checks, program, programChecks(program, context));
  for (const portfolio of rechecked.portfolios) units.set(units.checks, portfolio, portfolioChecks(portfolio, context));
  for (const person of rechecked.people) {
    // A person's check sweeps all their allocations: weigh it by their entries.
    if (pauses.due(state.index.teamEntries.get(person)?.length ?? 1)) yield;
    units.set(units.checks, person, personChecks(person, context));
  }
  const issues = listOf(rechecked.issues);
  for (let i = 0; i < issues.length; i++) {
    if (pauses.due()) yield;
    units.set(units.checks, issues[i], issueChecks(issues[i], context));
  }
  const risks = listOf(rechecked.risks);
  for (let i = 0; i < risks.length; i++) {
    if (pauses.due()) yield;
    units.set(units.checks, risks[i], riskChecks(risks[i]));
  }
}

/** The items as a list: a list as it is, else (an edit's sets) copied into one. */
function listOf<T>(items: Iterable<T>): readonly T[] {
  return Array.isArray(items) ? (items as readonly T[]) : [...items];
}

/** Who depends on each node, from the schedule's links. */
export function dependentsOf(schedule: Schedule): Map<Node, Node[]> {
  const dependents = new Map<Node, Node[]>();
  for (const [node, links] of schedule.links) {
    for (const { target } of links) {
      const list = dependents.get(target);
      if (list) list.push(node);
      else dependents.set(target, [node]);
    }
  }
  return dependents;
}

// ------------------------------------------------------------------------------------------ structure

/**
 * What in a file shapes the index: every entity's kind, id and nesting, the ids it references, the
 * people registry, and the values that every other file reads (status dates, currencies) — the fields
 * whose role is structure, and the links the file's nesting sets (model/fieldRoles.ts). Two texts with
 * the same key differ in values only.
 */
export function structureKey(models: readonly DocumentModel[]): string {
  const parts: string[] = [];
  for (const model of models) {
    parts.push('|doc');
    for (const entity of model.entities) {
      // The id of a portfolio or program (what a status date mismatch names, what currencies are listed by);
      // another entity's id is a value an edit can change (renameInIndex).
      parts.push(entity.kind === 'portfolio' || entity.kind === 'program' ? `${entity.kind}:${entity.id ?? ''}` : entity.kind);
      const table: FieldTable = entityFields[entity.kind];
      const values = fieldsOf(entity);
      for (const field of structureFields[entity.kind]) parts.push(structurePart(table[field], values[field]));
    }
  }
  return parts.join('\u0000');
}

/** Each kind's fields that are part of its structure key: structure, and links set by the nesting of the file. */
const structureFields = {} as Record<EntityKind, readonly string[]>;
/** Each kind's fields that are not links, listed once (an edit folds hundreds of entities). */
const valueFields = {} as Record<EntityKind, readonly string[]>;
for (const kind of Object.keys(entityFields) as EntityKind[]) {
  const table: FieldTable = entityFields[kind];
  structureFields[kind] = Object.keys(table).filter((field) => table[field].role === 'structure' || (table[field].role === 'link' && !table[field].byIndex));
  valueFields[kind] = Object.keys(table).filter((field) => table[field].role !== 'link');
}

/**
 * A structure field as text: a reference by its name, a team by its number of entries (the person of each
 * is relinked: refreshTeamEntry), a parent by its id, children by their number.
 */
function structurePart(role: FieldRole, value: unknown): string {
  if (role.role === 'link') return Array.isArray(value) ? String(value.length) : String((value as Entity | undefined)?.id);
  if (value === undefined) return '';
  if (isReference(value)) return value.name;
  if (Array.isArray(value)) return String(value.length);
  if (typeof value === 'object' && value !== null && 'value' in value) return String(value.value);
  return String(value);
}

/** The fields that link entities to each other (set by the reader's nesting or by the index): kept on the old objects. */
export const linkFields: ReadonlySet<string> = new Set(Object.values(entityFields).flatMap((table: FieldTable) => fieldsWithRole(table, 'link')));

/**
 * Folds a file's newly read entities into its old entity objects (same structure key: they pair up in
 * order). Values and places are the new ones; links and the identity of entities and references are the
 * old ones, which the index and every map of the analysis hold. Each entity is told apart as changed (a
 * value as written, or what is invalid, differs) or only moved (the same values at other places: an edit
 * above it changed the length of a line, or its comments).
 */
export function refreshInPlace(oldModels: readonly DocumentModel[], newModels: readonly DocumentModel[]): Edit {
  const edit: Edit = { entities: [], moved: [], reallocated: new Set(), relinked: [], renamed: [] };
  oldModels.forEach((oldModel, d) => {
    const newModel = newModels[d];
    oldModel.entities.forEach((oldEntity, i) => {
      const before = oldEntity.id;
      const { changed, reallocated, relinked } = refreshEntity(oldEntity, newModel.entities[i]);
      if (reallocated && oldEntity.kind === 'project') edit.reallocated.add(oldEntity);
      if (oldEntity.id !== before) edit.renamed.push({ entity: oldEntity, before });
      edit.relinked.push(...relinked);
      (changed ? edit.entities : edit.moved).push(oldEntity);
    });
  });
  return edit;
}

/**
 * What an edit changed: the entities of the edited files whose values changed, those only moved, the
 * projects whose team allocations changed, and the references that name other ids now (depends_on
 * lists, managers, owners: with the references they replace).
 */
export interface Edit {
  readonly entities: Entity[];
  readonly moved: Entity[];
  readonly reallocated: Set<Project>;
  readonly relinked: Relinked[];
  /** Entities whose id changed (a project's, milestone's, risk's, issue's or person's), with the id they had. */
  readonly renamed: Array<{ readonly entity: Entity; readonly before: string | undefined }>;
}

/**
 * References of an entity that name other ids than before: a project's or milestone's depends_on (`node`),
 * or a manager or owner. `before` the references it wrote, `after` those it writes now, in written order.
 */
export interface Relinked {
  readonly before: readonly Reference[];
  readonly after: readonly Reference[];
  /** The project or milestone, when these are its depends_on. */
  readonly node?: Node;
  /** The project or program, when this is the program or portfolio it names. */
  readonly member?: Project | Program;
  /** When this is the person of a team entry. */
  readonly staffing?: true;
}

/** An entity's fields by name, to be written: the tables name them. */
type Fields = Record<string, unknown>;

/** An entity's fields by name (an entity is a record of its fields; the tables say which are which). */
function fieldsOf(entity: Entity | TeamEntry): Fields {
  const fields: object = entity;
  return fields as Fields;
}

/** The fields every entity shares and a node's place in the last numbering: the new ones, always. */
const ownFields = Object.keys({ id: true, source: true, span: true, anchor: true, invalid: true, placedBy: true, position: true } satisfies Record<keyof EntityBase | keyof Placed, true>);

/**
 * Copies the new values onto the old entity by its table (same structure key: the same kind, id and
 * references but its depends_on, manager and owner); links stay, references keep their identity and take
 * the new place. Says whether a value changed, whether a team allocation did, and which of its
 * references name other ids now (it takes the new references).
 */
function refreshEntity(target: Entity, source: Entity): { changed: boolean; reallocated: boolean; relinked: Relinked[] } {
  const to = fieldsOf(target);
  const from = fieldsOf(source);
  const written = { before: target.source.file.text, after: source.source.file.text };
  let changed = !sameSet(target.invalid, source.invalid) || target.id !== source.id;
  const table: FieldTable = entityFields[target.kind];
  const fields = valueFields[target.kind];
  for (let i = 0; i < fields.length && !changed; i++) {
    const role = table[fields[i]].role;
    if (role !== 'structure' && role !== 'dependency' && role !== 'person' && role !== 'membership') changed = !sameWritten(to[fields[i]], from[fields[i]], written);
  }
  for (const field of ownFields) if (field in from) to[field] = from[field];
  let reallocated = false;
  const relinked: Relinked[] = [];
  for (const field of fields) {
    const role = table[field];
    const value = from[field];
    const old = to[field];
    if (role.role === 'dependency' || role.role === 'person' || role.role === 'membership') {
      // A list of references (depends_on), or one reference or none (a manager, an owner, a program, a portfolio).
      const before: readonly Reference[] = role.role === 'dependency' ? (old as readonly Reference[]) : old ? [old as Reference] : none;
      const after: readonly Reference[] = role.role === 'dependency' ? (value as readonly Reference[]) : value ? [value as Reference] : none;
      if (sameNames(before, after)) before.forEach((reference, i) => copyReference(reference, after[i]));
      else {
        to[field] = value;
        if (role.role === 'dependency') relinked.push({ before, after, node: target as Node });
        else if (role.role === 'membership') relinked.push({ before, after, member: target as Project | Program });
        else relinked.push({ before, after });
      }
    } else if (role.role !== 'structure') to[field] = value;
    else if (isReference(old) && isReference(value)) copyReference(old, value);
    else if (Array.isArray(old) && Array.isArray(value)) {
      // A team (the one list that is structure).
      (old as TeamEntry[]).forEach((entry, i) => {
        const { changed: entryChanged, person } = refreshTeamEntry(entry, value[i] as TeamEntry);
        if (entryChanged) reallocated = true;
        if (person) relinked.push({ ...person, staffing: true });
      });
    } else to[field] = value;
  }
  return { changed: changed || reallocated || relinked.length > 0, reallocated, relinked };
}

/** The same names in the same order. */
function sameNames(a: readonly Reference[], b: readonly Reference[]): boolean {
  return a.length === b.length && a.every((reference, i) => reference.name === b[i].name);
}

/**
 * Whether a value read before an edit and the one read after are the same but for their places: a field
 * has the same value written the same way (an exact figure is computed from how it is written), a list or
 * record the same items. Anything else is taken as changed.
 */
function sameWritten(before: unknown, after: unknown, written: { readonly before: string; readonly after: string }): boolean {
  if (Object.is(before, after)) return true;
  if (typeof before !== 'object' || typeof after !== 'object' || before === null || after === null) return false;
  if (Array.isArray(before)) return Array.isArray(after) && before.length === after.length && before.every((item, i) => sameWritten(item, after[i], written));
  if (before instanceof WrittenField && after instanceof WrittenField) {
    return Object.is(before.value, after.value) && sameText(written.before, before, written.after, after);
  }
  if (Object.getPrototypeOf(before) !== Object.prototype || Object.getPrototypeOf(after) !== Object.prototype) return false;
  const keys = Object.keys(before);
  if (keys.length !== Object.keys(after).length) return false;
  return keys.every((key) => key in after && sameWritten((before as Fields)[key], (after as Fields)[key], written));
}

/** The text at `a` in `textA` is the text at `b` in `textB` (compared in place, no string cut). */
function sameText(textA: string, a: WrittenField<unknown>, textB: string, b: WrittenField<unknown>): boolean {
  const length = a.end - a.start;
  if (b.end - b.start !== length) return false;
  for (let i = 0; i < length; i++) if (textA.charCodeAt(a.start + i) !== textB.charCodeAt(b.start + i)) return false;
  return true;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const key of a) if (!b.has(key)) return false;
  return true;
}

/**
 * A team entry by its table: the person keeps its identity when it names the same id, else the entry
 * takes the new reference (`person`: the old one and the new one); the allocation is the new one.
 * `changed` when either changed.
 */
function refreshTeamEntry(target: TeamEntry, source: TeamEntry): { changed: boolean; person?: { before: Reference[]; after: Reference[] } } {
  const to = fieldsOf(target);
  const from = fieldsOf(source);
  let changed = false;
  let person: { before: Reference[]; after: Reference[] } | undefined;
  for (const field of Object.keys(teamEntryFields) as Array<keyof TeamEntry>) {
    if (teamEntryFields[field].role === 'staffing') {
      const before = target[field] as Reference;
      const after = source[field] as Reference;
      if (before.name === after.name) copyReference(before, after);
      else {
        to[field] = after;
        person = { before: [before], after: [after] };
        changed = true;
      }
      continue;
    }
    if (to[field] !== from[field]) changed = true;
    if (from[field] === undefined) delete to[field];
    else to[field] = from[field];
  }
  return { changed, person };
}

function isReference(value: unknown): value is Reference {
  return typeof value === 'object' && value !== null && 'name' in value && 'span' in value && 'source' in value && !('kind' in value);
}

function copyReference(target: Reference, source: Reference): void {
  // The model's references are all read by read.ts.
  (target as WrittenReference).moveTo(source);
}

// --------------------------------------------------------------------------------------------- update

/**
 * Derives again what `edited` (refreshed entities of the changed files) reach, updating `state` in
 * place, by the stages of the full analysis (redate, refloat, revalue, reforecast, rerollup, recheck)
 * run on what is dirty. Returns false when the edit cannot be handled incrementally (the caller
 * analyses in full).
 */
export function updateForValues(state: AnalysisState, edit: Edit): boolean {
  const { index, schedule, rollup, context, statusDate } = state;
  const edited = edit.entities;
  const editedProjects = edited.filter((e): e is Project => e.kind === 'project');
  const editedMilestones = edited.filter((e): e is Milestone => e.kind === 'milestone');
  const isCancelled = (project: Project) => effectiveState(project, undefined, statusDate) === 'cancelled';
  // A project cancelled or taken back (v3) changes its milestones' status and which of its problems are
  // shown: a full analysis.
  for (const project of editedProjects) {
    if ((rollup.earned.get(project)?.state === 'cancelled') !== isCancelled(project)) return false;
  }
  // Ids typed into: defined again, unless one is referenced or defined twice (then a full analysis).
  if (edit.renamed.length > 0 && !renameInIndex(index, edit.renamed)) return false;
  // Every entity of the edited files: those whose values changed and those that only moved.
  const fileEntities = [...edited, ...edit.moved];
  for (const entity of fileEntities) {
    // Duplicates name each other's places; cycles are reported on every link: both are structure.
    if (entity.id !== undefined && (index.definitions.get(entity.id)?.length ?? 0) > 1) return false;
    if ((entity.kind === 'project' || entity.kind === 'milestone') && schedule.cyclic.has(entity)) return false;
  }
  // What depends on other ids now is linked again: then it is an edited entity like any other (its
  // dates, forecast and problems follow from its links), unless it closed a cycle.
  const dependents = state.dependents();
  // The people whom team entries named before an edit that names others (their loads lose the entries),
  // and the programs and portfolios that projects and programs left.
  const unstaffed = new Set<Person>();
  const formerPrograms = new Set<Program>();
  const formerPortfolios = new Set<Portfolio>();
  if (edit.relinked.length > 0) {
    const nodes = edit.relinked.flatMap(({ node }) => (node ? [node] : []));
    const before = nodes.map((node) => linksOf(schedule, node));
    const restaffed = edit.relinked.filter((relinked) => relinked.staffing);
    for (const { before } of restaffed) {
      const named = index.definitions.get(before[0].name)?.[0];
      if (named?.kind === 'person') unstaffed.add(named);
    }
    relinkIndex(index, edit.relinked);
    if (restaffed.length > 0) regatherTeams(index);
    for (const { member } of edit.relinked) {
      if (!member) continue;
      const left = regroup(index, member);
      if (left?.kind === 'program') formerPrograms.add(left);
      else if (left?.kind === 'portfolio') formerPortfolios.add(left);
      // A project of no program now has no float (refloat works out that of a program's projects).
      if (member.kind === 'project' && !member.program) (schedule.float as WritableMap<Project, number>).delete(member);
    }
    const acyclic = relinkSchedule(schedule, index, nodes);
    nodes.forEach((node, i) => relinkDependents(dependents as Map<Node, Node[]>, node, before[i], linksOf(schedule, node)));
    if (!acyclic) return false;
  }

  // Dates: the edited projects and everything downstream of them and of the edited milestones (a
  // project can start the day after a milestone), in dependency order.
  const editedMilestoneSet = new Set<Node>(editedMilestones);
  const dateCandidates = downstream([...editedProjects, ...editedMilestones], dependents, (node) => node.kind === 'project' || editedMilestoneSet.has(node))
    .filter((node): node is Project => node.kind === 'project');
  if (dateCandidates.some((project) => schedule.cyclic.has(project))) return false;
  const before = new Map(dateCandidates.map((project) => [project, schedule.dates.get(project)]));
  runToEnd(redate(schedule, dateCandidates));
  const moved = dateCandidates.filter((project) => !sameDates(before.get(project), schedule.dates.get(project)));

  // Float, per program touched.
  const programsOfChange = new Set<Program>(formerPrograms);
  for (const project of [...editedProjects, ...moved]) if (project.program) programsOfChange.add(project.program);
  const floatBefore = new Map<Project, number | undefined>();
  for (const program of programsOfChange) for (const project of program.projects) floatBefore.set(project, schedule.float.get(project));
  runToEnd(refloat(schedule, programsOfChange, isCancelled, index.positions));
  const floatMoved: Project[] = [];
  for (const [project, float] of floatBefore) if (schedule.float.get(project) !== float) floatMoved.push(project);

  // Earned value of what changed, then the forecast downstream of it.
  const valued = new Set<Project>([...editedProjects, ...moved]);
  const wasCancelled = new Set([...valued].filter((project) => rollup.earned.get(project)?.state === 'cancelled'));
  runToEnd(revalue(rollup.earned, valued, schedule, statusDate));
  // Whose allocations count on which days: projects moved, (un)cancelled or reallocated.
  const staffing = new Set<Project>([...moved, ...edit.reallocated]);
  for (const project of valued) if (wasCancelled.has(project) !== (rollup.earned.get(project)!.state === 'cancelled')) staffing.add(project);
  const forecastCandidates = downstream([...valued, ...editedMilestones], dependents, () => true);
  runToEnd(reforecast(rollup.forecast, forecastCandidates, index, schedule, rollup.earned, statusDate));

  // Rollups: what changed, the holders of milestones whose outlook may have changed, and what sums them up.
  const touchedProjects = new Set<Project>(valued);
  const touchedPrograms = new Set<Program>(programsOfChange);
  for (const node of forecastCandidates) {
    if (node.kind === 'project') touchedProjects.add(node);
    else if (node.parent.kind === 'project') touchedProjects.add(node.parent);
    else touchedPrograms.add(node.parent);
  }
  for (const entity of edited) {
    if (entity.kind === 'program') touchedPrograms.add(entity);
    else if (entity.kind === 'risk' || entity.kind === 'issue') {
      const parent = entity.parent;
      if (parent.kind === 'project') touchedProjects.add(parent);
      else touchedPrograms.add(parent);
    }
  }
  for (const project of touchedProjects) if (project.program) touchedPrograms.add(project.program);
  const touchedPortfolios = new Set<Portfolio>([...formerPortfolios, ...edited.filter((e): e is Portfolio => e.kind === 'portfolio')]);
  for (const program of touchedPrograms) if (program.portfolio) touchedPortfolios.add(program.portfolio);
  runToEnd(rerollup(rollup, touchedProjects, touchedPrograms, touchedPortfolios, state.thresholds));

  // People: the loads of those on projects moved, (un)cancelled, reallocated or edited (their entries'
  // places), and of people edited; then the periods of everyone whose warning reads them — who shares a
  // project with them (a suggestion checks the whole team of the project it moves) — or reads a float or
  // state that changed (the candidates of a suggestion).
  const reloaded = new Set<Person>();
  const onTeam = (projects: Iterable<Project>, into: Set<Person>) => {
    for (const project of projects) for (const person of context.people.teamOf(project)) into.add(person);
  };
  onTeam(staffing, reloaded);
  onTeam(editedProjects, reloaded);
  for (const entity of edited) if (entity.kind === 'person' && state.index.teamEntries.has(entity)) reloaded.add(entity);
  for (const person of unstaffed) reloaded.add(person);
  for (const person of reloaded) context.people.update(person);
  const rechecked = new Set<Person>(reloaded);
  for (const person of reloaded) onTeam((state.index.teamEntries.get(person) ?? []).map((e) => e.project), rechecked);
  onTeam(valued, rechecked);
  onTeam(floatMoved, rechecked);

  // Problems: the units whose inputs changed.
  const dated = new Set<Node>([...editedProjects, ...editedMilestones, ...moved]);
  // A dependency-violation depends on the dependency's end: a moved project's or an edited milestone's.
  for (const node of [...moved, ...editedMilestones]) for (const dependent of dependents.get(node) ?? []) dated.add(dependent);
  // Milestones whose outlook may have changed, and every one at risk: its message names where the slip
  // starts, however far upstream that is.
  const milestones = new Set<Milestone>(editedMilestones);
  for (const node of forecastCandidates) if (node.kind === 'milestone') milestones.add(node);
  for (const milestone of state.atRisk) milestones.add(milestone);
  // Entities that only moved: the same figures, their problems at their new places — and those of the
  // people on a moved project's team (a warning on its team entry, or naming it as a related place or
  // in a quick fix), and of the program or portfolio a moved part belongs to.
  const movedBy = <K extends Entity['kind']>(kind: K) => edit.moved.filter((e): e is Extract<Entity, { kind: K }> => e.kind === kind);
  const movedProjects = movedBy('project');
  const movedMilestones = movedBy('milestone');
  const checkedPrograms = new Set<Program>([...touchedPrograms, ...movedBy('program')]);
  for (const project of movedProjects) if (project.program) checkedPrograms.add(project.program);
  for (const entity of [...movedMilestones, ...movedBy('risk'), ...movedBy('issue')]) {
    if (entity.parent.kind === 'program') checkedPrograms.add(entity.parent);
    else if (entity.parent.program) checkedPrograms.add(entity.parent.program);
  }
  const checkedPortfolios = new Set<Portfolio>([...touchedPortfolios, ...movedBy('portfolio')]);
  for (const program of checkedPrograms) if (program.portfolio) checkedPortfolios.add(program.portfolio);
  for (const person of movedBy('person')) if (state.index.teamEntries.has(person)) rechecked.add(person);
  onTeam(movedProjects, rechecked);
  for (const node of [...movedProjects, ...movedMilestones]) dated.add(node);
  for (const milestone of movedMilestones) milestones.add(milestone);

  // After a rename, the reference problems that suggest an id (the closest one may be the new id, or was the old).
  const references = edit.renamed.length > 0 ? new Set<Entity>([...fileEntities, ...state.units.references.keys()]) : fileEntities;
  runToEnd(recheck(state, {
    references,
    dated,
    projects: new Set([...touchedProjects, ...movedProjects]),
    milestones,
    programs: checkedPrograms,
    portfolios: checkedPortfolios,
    people: rechecked,
    issues: fileEntities.filter((e): e is Issue => e.kind === 'issue'),
    risks: fileEntities.filter((e): e is Risk => e.kind === 'risk'),
  }));
  return true;
}

/** Who depends on what (dependentsOf) after `node`'s links went from `before` to `after`: one entry per link. */
function relinkDependents(dependents: Map<Node, Node[]>, node: Node, before: readonly Link[], after: readonly Link[]): void {
  for (const { target } of before) {
    const list = dependents.get(target)!;
    list.splice(list.indexOf(node), 1);
    if (list.length === 0) dependents.delete(target);
  }
  for (const { target } of after) {
    const list = dependents.get(target);
    if (list) list.push(node);
    else dependents.set(target, [node]);
  }
}

/** `seeds` and every node that depends on them, directly or not, that `keep` accepts (each once). */
function downstream(seeds: readonly Node[], dependents: ReadonlyMap<Node, readonly Node[]>, keep: (node: Node) => boolean): Node[] {
  const seen = new Set<Node>();
  const out: Node[] = [];
  const stack = [...seeds];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node) || !keep(node)) continue;
    seen.add(node);
    out.push(node);
    for (const dependent of dependents.get(node) ?? []) if (!seen.has(dependent)) stack.push(dependent);
  }
  return out;
}

function sameDates(a: ProjectDates | undefined, b: ProjectDates | undefined): boolean {
  return a?.start === b?.start && a?.end === b?.end;
}
