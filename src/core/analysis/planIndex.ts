/**
 * The workspace index: every entity of every document, ids across files and kinds, and the links
 * between them (portfolio › program › project, dependencies, people). Reports the problems of the index
 * itself: duplicate ids, unknown references, unknown people.
 *
 * Linking (which program a project belongs to, what a depends_on item names) is done once for the
 * whole workspace. The problems of an entity's references are a unit of their own
 * (`referenceProblems`): an edit that keeps a file's ids and references runs it again for that file only.
 */
import type { PlanDiagnostic } from '../base/diagnostic';
import { pushAll } from '../base/lists';
import { messages } from '../base/messages';
import type { Span } from '../base/positions';
import { closestName } from '../base/suggestions';
import { yamlId } from '../base/yamlScalars';
import type { DocumentModel, Entity, EntityKind, EntityLists, Issue, Milestone, Person, Portfolio, Program, Project, Reference, Risk, TeamEntry } from '../model/entities';
import { diagnosticAt, locationText } from '../model/locate';
import { nodePositions, type NodePositions } from './nodeMap';
import { PauseCounter, type Steps } from './steps';

export interface PlanIndex extends EntityLists {
  /** Every definition of every id, in workspace order. */
  readonly definitions: ReadonlyMap<string, readonly Entity[]>;
  /** True when the workspace has a people registry (manager/owner must then name a person). */
  readonly hasPeople: boolean;
  /** What each depends_on reference names, when it names a project or milestone. */
  readonly dependencyTargets: ReadonlyMap<Reference, Project | Milestone>;
  /** Every entity, in workspace order (an entity before its children). */
  readonly entities: readonly Entity[];
  /** The duplicate-id problems: each definition of an id defined more than once. */
  readonly duplicateDiagnostics: readonly PlanDiagnostic[];
  /** Where each project and milestone is, for the analysis's per-node values (see nodeMap.ts). */
  readonly positions: NodePositions;
  /**
   * Each person's team entries, in workspace order: every entry whose person names a person of the
   * registry (the first definition of its id). An edit of values keeps them; one that names another
   * person in a team entry gathers them again (`regatherTeams`).
   */
  readonly teamEntries: ReadonlyMap<Person, readonly TeamPlace[]>;
}

/** A team entry and the project it is written in. */
export interface TeamPlace {
  readonly project: Project;
  readonly entry: TeamEntry;
}

export interface ResolvedReference {
  readonly reference: Reference;
  readonly target: Entity | undefined;
}

const referenceKinds = {
  portfolio: ['portfolio'],
  program: ['program'],
  dependency: ['project', 'milestone'],
  person: ['person'],
} as const satisfies Record<string, readonly EntityKind[]>;

export function* indexSteps(documents: readonly DocumentModel[]): Steps<PlanIndex> {
  const pauses = new PauseCounter();
  const portfolios: Portfolio[] = [];
  const programs: Program[] = [];
  const projects: Project[] = [];
  const milestones: Milestone[] = [];
  const risks: Risk[] = [];
  const issues: Issue[] = [];
  const people: Person[] = [];
  const entities: Entity[] = [];
  // push rather than flatMap: a few times faster over thousands of short lists, and it can pause.
  for (let i = 0; i < documents.length; i++) {
    if (pauses.due()) yield;
    const d = documents[i];
    pushAll(portfolios, d.portfolios);
    pushAll(programs, d.programs);
    pushAll(projects, d.projects);
    pushAll(milestones, d.milestones);
    pushAll(risks, d.risks);
    pushAll(issues, d.issues);
    pushAll(people, d.people);
    pushAll(entities, d.entities);
  }

  const definitions = new Map<string, Entity[]>();
  // Workspace order (file, document, then as written), so "first definition wins" is predictable.
  for (let i = 0; i < entities.length; i++) {
    if (pauses.due()) yield;
    define(definitions, entities[i]);
  }
  const duplicateDiagnostics: PlanDiagnostic[] = [];
  // forEach: no entry pair and no iterator result per id, as `for (const [id, list] of …)` makes in a generator.
  definitions.forEach((list, id) => {
    if (list.length < 2) return;
    for (const entity of list) {
      const others = list.filter((other) => other !== entity).map((other) => locationText(other.source, definedAt(other)));
      duplicateDiagnostics.push(diagnosticAt(entity.source, definedAt(entity), 'duplicate-id', messages.duplicateId(id, list.length, others.join(', '))));
    }
  });

  const target = (reference: Reference | undefined, kinds: readonly EntityKind[]) => namedOfKind(definitions, reference, kinds);
  for (const portfolio of portfolios) portfolio.programs = [...portfolio.inlinePrograms];
  for (const program of programs) {
    program.portfolio = portfolioOf(definitions, program);
    program.projects = [...program.inlineProjects];
    if (!program.parentPortfolio && program.portfolio) program.portfolio.programs.push(program);
  }
  for (let i = 0; i < projects.length; i++) {
    if (pauses.due()) yield;
    const project = projects[i];
    project.program = programOf(definitions, project);
    if (!project.parentProgram && project.program) project.program.projects.push(project);
  }

  const dependencyTargets = new Map<Reference, Project | Milestone>();
  const teamEntries = new Map<Person, TeamPlace[]>();
  // Indexed loops: in a generator, `for … of` makes an iterator result per item.
  for (let e = 0; e < entities.length; e++) {
    if (pauses.due()) yield;
    const entity = entities[e];
    if (entity.kind === 'project') gatherTeam(teamEntries, entity, definitions);
    if (entity.kind === 'project' || entity.kind === 'milestone') {
      const dependsOn = entity.dependsOn;
      for (let i = 0; i < dependsOn.length; i++) {
        const found = target(dependsOn[i], referenceKinds.dependency);
        if (found) dependencyTargets.set(dependsOn[i], found as Project | Milestone);
      }
    }
  }
  return {
    portfolios, programs, projects, milestones, risks, issues, people, entities, definitions, hasPeople: people.length > 0, dependencyTargets,
    duplicateDiagnostics, positions: nodePositions(projects, milestones), teamEntries,
  };
}

function define(definitions: Map<string, Entity[]>, entity: Entity): void {
  if (entity.id === undefined) return;
  const list = definitions.get(entity.id);
  if (list) list.push(entity);
  else definitions.set(entity.id, [entity]);
}

/**
 * After an edit that gave entities other ids (incremental.ts): whether the index can take it as it is —
 * each old id was defined by that entity alone, no other entity defines a new one, and no reference names
 * either (a rename of what is referenced, or a reference resolved anew, is a full analysis). When it can,
 * the ids are defined again in workspace order, what was worked out from the old ones (suggestions,
 * navigation) is dropped, and true is returned; else the index is left as it was.
 */
export function renameInIndex(index: PlanIndex, renamed: ReadonlyArray<{ readonly entity: Entity; readonly before: string | undefined }>): boolean {
  const names = new Set<string>();
  for (const { entity, before } of renamed) {
    if (before !== undefined) {
      const defined = index.definitions.get(before);
      if (defined?.length !== 1 || defined[0] !== entity) return false;
      names.add(before);
    }
    if (entity.id !== undefined) {
      if (index.definitions.has(entity.id)) return false;
      names.add(entity.id);
    }
  }
  const references = writtenReferences(index);
  for (let i = 0; i < references.length; i++) if (names.has(references[i].reference.name)) return false;
  const definitions = new Map<string, Entity[]>();
  for (const entity of index.entities) define(definitions, entity);
  (index as { definitions: PlanIndex['definitions'] }).definitions = definitions;
  candidateCache.delete(index);
  suggestionCache.delete(index);
  peopleCache.delete(index);
  // A new list (the same references): navigation finds each file's ids again.
  listedReferences.set(index, [...references]);
  return true;
}

/**
 * After an edit that made a project name another program, or a program another portfolio (incremental.ts):
 * what it belongs to found again as indexSteps finds it, and the lists of the holder it left and of the one
 * it joined made again in indexSteps's order (those written in it, then those that name it, in workspace
 * order). Returns the holder it left, if any.
 */
export function regroup(index: PlanIndex, member: Project | Program): Program | Portfolio | undefined {
  const { definitions } = index;
  if (member.kind === 'project') {
    const left = member.program;
    member.program = programOf(definitions, member);
    if (member.program === left) return undefined;
    for (const program of [left, member.program]) if (program) program.projects = membersOf(program, program.inlineProjects, index.projects, (p) => programOf(definitions, p));
    return left;
  }
  const left = member.portfolio;
  member.portfolio = portfolioOf(definitions, member);
  if (member.portfolio === left) return undefined;
  for (const portfolio of [left, member.portfolio]) if (portfolio) portfolio.programs = membersOf(portfolio, portfolio.inlinePrograms, index.programs, (p) => portfolioOf(definitions, p));
  return left;
}

/** The program a project belongs to: the one it is written in, else the one its `program:` names. */
function programOf(definitions: ReadonlyMap<string, readonly Entity[]>, project: Project): Program | undefined {
  return project.parentProgram ?? (namedOfKind(definitions, project.programRef, referenceKinds.program) as Program | undefined);
}

/** The portfolio a program belongs to: the one it is written in, else the one its `portfolio:` names. */
function portfolioOf(definitions: ReadonlyMap<string, readonly Entity[]>, program: Program): Portfolio | undefined {
  return program.parentPortfolio ?? (namedOfKind(definitions, program.portfolioRef, referenceKinds.portfolio) as Portfolio | undefined);
}

/** A holder's members as indexSteps lists them: those written in it, then those that name it, in workspace order. */
function membersOf<H, M>(holder: H, written: readonly M[], all: readonly M[], holderOf: (member: M) => H | undefined): M[] {
  const members = [...written];
  const inWritten = new Set(written);
  for (const member of all) if (!inWritten.has(member) && holderOf(member) === holder) members.push(member);
  return members;
}

/** The person each team entry of `project` names (the first definition of its id) gathers the entry. */
function gatherTeam(teamEntries: Map<Person, TeamPlace[]>, project: Project, definitions: ReadonlyMap<string, readonly Entity[]>): void {
  const team = project.team;
  for (let i = 0; i < team.length; i++) {
    const found = definitions.get(team[i].person.name)?.[0];
    if (found?.kind !== 'person') continue;
    const list = teamEntries.get(found);
    if (list) list.push({ project, entry: team[i] });
    else teamEntries.set(found, [{ project, entry: team[i] }]);
  }
}

/**
 * After an edit that named another person in a team entry (incremental.ts): each person's team entries
 * gathered again, as indexSteps gathers them.
 */
export function regatherTeams(index: PlanIndex): void {
  const teamEntries = new Map<Person, TeamPlace[]>();
  for (const entity of index.entities) if (entity.kind === 'project') gatherTeam(teamEntries, entity, index.definitions);
  (index as { teamEntries: PlanIndex['teamEntries'] }).teamEntries = teamEntries;
}

/**
 * Every written reference of an index and the entity it names (for navigation), in workspace order and,
 * in an entity, in written order (eachReference): listed when first asked for — `check` never asks — and
 * then kept for the index.
 */
export function writtenReferences(index: PlanIndex): readonly ResolvedReference[] {
  let references = listedReferences.get(index);
  if (!references) listedReferences.set(index, (references = listReferences(index)));
  return references;
}

const listedReferences = new WeakMap<PlanIndex, readonly ResolvedReference[]>();

function listReferences(index: PlanIndex): ResolvedReference[] {
  const resolving = { definitions: index.definitions, references: [] as ResolvedReference[] };
  for (let e = 0; e < index.entities.length; e++) eachReference(index.entities[e], resolveInto, resolving);
  return resolving.references;
}

/**
 * After an edit that changed only what some projects and milestones depend on, or who manages or owns
 * something (incremental.ts): what the new depends_on items name, in place of what the old ones named, and,
 * when the index's references were listed, a new list of them (so that what was worked out from the old
 * list is not taken for this one) with the new references in place of the old ones.
 */
export function relinkIndex(
  index: PlanIndex,
  relinked: ReadonlyArray<{ readonly before: readonly Reference[]; readonly after: readonly Reference[]; readonly node?: Project | Milestone }>,
): void {
  const targets = index.dependencyTargets as Map<Reference, Project | Milestone>;
  const listed = listedReferences.get(index);
  let references: readonly ResolvedReference[] | undefined = listed;
  for (const { before, after, node } of relinked) {
    if (node) {
      for (let i = 0; i < before.length; i++) targets.delete(before[i]);
      for (let i = 0; i < after.length; i++) {
        const found = namedOfKind(index.definitions, after[i], referenceKinds.dependency);
        if (found) targets.set(after[i], found as Project | Milestone);
      }
    }
    if (!references) continue;
    const resolving = { definitions: index.definitions, references: [] as ResolvedReference[] };
    for (let i = 0; i < after.length; i++) resolveInto(resolving, after[i]);
    references = replaced(references, before, resolving.references);
  }
  if (!listed) return;
  // Where a reference goes that had none before it is not known: every reference listed again.
  listedReferences.set(index, references ?? listReferences(index));
}

/**
 * `references` with an entity's references `before` (one, or the items of a depends_on, written together:
 * eachReference) replaced by `after`, as a new list; undefined when `before` is empty (where the first
 * would go is not known).
 */
function replaced(references: readonly ResolvedReference[], before: readonly Reference[], after: readonly ResolvedReference[]): ResolvedReference[] | undefined {
  if (before.length === 0) return undefined;
  let at = -1;
  for (let i = 0; i < references.length; i++) {
    if (references[i].reference === before[0]) {
      at = i;
      break;
    }
  }
  // Not where eachReference put them (never, unless the index was changed otherwise): list them all again.
  if (at < 0 || before.some((reference, i) => references[at + i]?.reference !== reference)) return undefined;
  return references.slice(0, at).concat(after, references.slice(at + before.length));
}

type Role = 'portfolio' | 'program' | 'dependency' | 'team' | 'person';

/** What a reference names (the first definition of its name) when it is of one of these kinds. */
function namedOfKind(definitions: ReadonlyMap<string, readonly Entity[]>, reference: Reference | undefined, kinds: readonly EntityKind[]): Entity | undefined {
  const found = reference ? definitions.get(reference.name)?.[0] : undefined;
  return found && kinds.includes(found.kind) ? found : undefined;
}

/** Adds a reference and the entity it names (the first definition of its name) to the index's list. */
function resolveInto(into: { definitions: ReadonlyMap<string, readonly Entity[]>; references: ResolvedReference[] }, reference: Reference): void {
  into.references.push({ reference, target: into.definitions.get(reference.name)?.[0] });
}

/** Called for each reference an entity writes, with what it must name, and what the caller passes along. */
type ReferenceVisit<C> = (context: C, reference: Reference, field: string, role: Role) => void;

/**
 * Visits the references an entity writes, each with what it must name, in written order: no list and
 * no object per reference (this runs for every entity of each analysis, twice).
 */
function eachReference<C>(entity: Entity, visit: ReferenceVisit<C>, context: C): void {
  switch (entity.kind) {
    case 'portfolio':
      if (entity.owner) visit(context, entity.owner, 'owner', 'person');
      break;
    case 'program':
      if (entity.portfolioRef) visit(context, entity.portfolioRef, 'portfolio', 'portfolio');
      if (entity.manager) visit(context, entity.manager, 'manager', 'person');
      break;
    case 'project': {
      if (entity.programRef) visit(context, entity.programRef, 'program', 'program');
      if (entity.manager) visit(context, entity.manager, 'manager', 'person');
      const dependsOn = entity.dependsOn;
      for (let i = 0; i < dependsOn.length; i++) visit(context, dependsOn[i], 'depends_on', 'dependency');
      // Last, in team order: indexSteps reads each team person's target back from the end of its list.
      const team = entity.team;
      for (let i = 0; i < team.length; i++) visit(context, team[i].person, 'team person', 'team');
      break;
    }
    case 'milestone': {
      const dependsOn = entity.dependsOn;
      for (let i = 0; i < dependsOn.length; i++) visit(context, dependsOn[i], 'depends_on', 'dependency');
      break;
    }
    case 'risk':
    case 'issue':
      if (entity.owner) visit(context, entity.owner, 'owner', 'person');
      break;
    case 'person':
      break;
  }
}

const labels: Record<Exclude<Role, 'person'>, string> = { portfolio: 'portfolio', program: 'program', dependency: 'project or milestone', team: 'person' };
const kindsOf: Record<Exclude<Role, 'person'>, readonly EntityKind[]> = {
  portfolio: referenceKinds.portfolio,
  program: referenceKinds.program,
  dependency: referenceKinds.dependency,
  team: referenceKinds.person,
};

/** Names of the ids of some kinds, for suggestions; computed once per index and kinds. */
const candidateCache = new WeakMap<PlanIndex, Map<string, string[]>>();
function candidates(index: PlanIndex, kinds: readonly EntityKind[]): string[] {
  let cache = candidateCache.get(index);
  if (!cache) candidateCache.set(index, (cache = new Map()));
  const key = kinds.join();
  let names = cache.get(key);
  if (!names) {
    names = [];
    for (const [id, list] of index.definitions) if (kinds.includes(list[0].kind)) names.push(id);
    cache.set(key, names);
  }
  return names;
}

const peopleCache = new WeakMap<PlanIndex, string[]>();
function peopleIds(index: PlanIndex): string[] {
  let ids = peopleCache.get(index);
  if (!ids) peopleCache.set(index, (ids = index.people.map((person) => person.id)));
  return ids;
}

/** The closest id of some kinds to a name, remembered per index: an edit asks again for the same names. */
const suggestionCache = new WeakMap<PlanIndex, Map<string, string | undefined>>();
function suggest(index: PlanIndex, name: string, kinds: readonly EntityKind[] | 'people'): string | undefined {
  let cache = suggestionCache.get(index);
  if (!cache) suggestionCache.set(index, (cache = new Map()));
  const key = `${kinds === 'people' ? 'people' : kinds.join()}\u0000${name}`;
  if (cache.has(key)) return cache.get(key);
  const suggestion = closestName(name, kinds === 'people' ? peopleIds(index) : candidates(index, kinds));
  cache.set(key, suggestion);
  return suggestion;
}

/** The problem of one reference, if any, added to `out`. */
function referenceProblem({ index, out }: { index: PlanIndex; out: PlanDiagnostic[] }, reference: Reference, field: string, role: Role): void {
  const found = index.definitions.get(reference.name)?.[0];
  if (role === 'person') {
    if (!index.hasPeople || found?.kind === 'person') return;
    if (found && index.definitions.get(reference.name)!.some((entity) => entity.kind === 'person')) return;
    const suggestion = suggest(index, reference.name, 'people');
    out.push(
      diagnosticAt(reference.source, reference.span, 'unknown-person', messages.unknownPerson(field, reference.name, suggestion),
        suggestion ? { kind: 'replace', replacement: yamlId(suggestion) } : undefined),
    );
    return;
  }
  const kinds = kindsOf[role];
  if (found && kinds.includes(found.kind)) return;
  // An id defined twice, once of the right kind: the duplicate-id error says what is wrong.
  if (found && index.definitions.get(reference.name)!.some((entity) => kinds.includes(entity.kind))) return;
  if (found) {
    out.push(diagnosticAt(reference.source, reference.span, 'unknown-reference', messages.wrongKindReference(field, reference.name, labels[role], found.kind)));
  } else {
    const suggestion = suggest(index, reference.name, kinds);
    out.push(
      diagnosticAt(reference.source, reference.span, 'unknown-reference', messages.unknownReference(field, reference.name, labels[role], suggestion),
        suggestion ? { kind: 'replace', replacement: yamlId(suggestion) } : undefined),
    );
  }
}

/**
 * The problems of one entity's references: names of no such entity (or of the wrong kind), managers and
 * owners who are not people of the registry, and a nested program or project that names another parent.
 */
export function referenceProblems(entity: Entity, index: PlanIndex): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  // A nested program or project names its parent or nothing. A name of no program (portfolio) is an unknown
  // reference (SPEC 6); another one's name is the schema error below (they must agree, SPEC 3), not both.
  const nestedRef = entity.kind === 'program' && entity.parentPortfolio ? entity.portfolioRef : entity.kind === 'project' && entity.parentProgram ? entity.programRef : undefined;
  const parentKind = entity.kind === 'program' ? 'portfolio' : 'program';
  const disagrees = nestedRef !== undefined && (index.definitions.get(nestedRef.name) ?? []).some((named) => named.kind === parentKind) ? nestedRef : undefined;
  eachReference(entity, disagrees ? (context, reference, field, role) => reference !== disagrees && referenceProblem(context, reference, field, role) : referenceProblem, { index, out });

  // Written inside one program (portfolio) but naming another: a schema error.
  const nested = entity.kind === 'program' ? [entity.parentPortfolio, entity.portfolioRef] as const : entity.kind === 'project' ? [entity.parentProgram, entity.programRef] as const : undefined;
  if (nested) {
    const [parent, reference] = nested;
    if (parent && reference && reference === disagrees && reference.name !== parent.id) {
      const label = entity.kind === 'program' ? 'Program' : 'Project';
      out.push(diagnosticAt(entity.source, reference.span, 'schema', messages.nestedProgramMismatch(label, entity.id ?? '?', parent.id ?? '?', reference.name)));
    }
  }
  return out;
}

/**
 * Where an entity is defined, for the duplicate-id error: its id, unless the entity is an alias's copy of
 * an anchored one (`- *base`), whose id is written at the anchor: then the alias, so that each definition
 * is reported where it is written (SPEC 6), not twice at the anchor.
 */
function definedAt(entity: Entity): Span {
  const [start, end] = entity.span;
  return entity.anchor[0] >= start && entity.anchor[1] <= end ? entity.anchor : entity.span;
}
