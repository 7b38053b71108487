/**
 * The workspace index: every entity of every document, ids across files and kinds, and the links
 * between them (portfolio › program › project, dependencies, people). Reports the problems of the index
 * itself: duplicate ids, unknown references, unknown people.
 */
import { messages } from '../base/messages';
import { closestName } from '../base/suggestions';
import type { PlanDiagnostic } from '../base/diagnostic';
import type { DocumentModel, Entity, EntityKind, EntityLists, Milestone, Portfolio, Program, Project, Reference } from '../model/entities';
import { diagnosticAt, locationText } from '../model/locate';
import { ITEMS_PER_PAUSE, type Steps } from './steps';

export interface PlanIndex extends EntityLists {
  /** Every definition of every id, in workspace order. */
  readonly definitions: ReadonlyMap<string, readonly Entity[]>;
  /** True when the workspace has a people registry (manager/owner must then name a person). */
  readonly hasPeople: boolean;
  /** What each depends_on reference names, when it names a project or milestone. */
  readonly dependencyTargets: ReadonlyMap<Reference, Project | Milestone>;
  /** Every written reference and the entity it names (for navigation). */
  readonly references: readonly ResolvedReference[];
}

export interface ResolvedReference {
  readonly reference: Reference;
  readonly target: Entity | undefined;
}

export function* indexSteps(documents: readonly DocumentModel[], diagnostics: PlanDiagnostic[]): Steps<PlanIndex> {
  let tick = 0;
  const portfolios = documents.flatMap((d) => d.portfolios);
  const programs = documents.flatMap((d) => d.programs);
  const projects = documents.flatMap((d) => d.projects);
  const milestones = documents.flatMap((d) => d.milestones);
  const risks = documents.flatMap((d) => d.risks);
  const issues = documents.flatMap((d) => d.issues);
  const people = documents.flatMap((d) => d.people);

  const definitions = new Map<string, Entity[]>();
  // Workspace order (file, document, then as written), so "first definition wins" is predictable.
  for (const document of documents) {
    if (++tick % ITEMS_PER_PAUSE === 0) yield;
    for (const entity of document.entities) {
      if (entity.id === undefined) continue;
      const list = definitions.get(entity.id);
      if (list) list.push(entity);
      else definitions.set(entity.id, [entity]);
    }
  }
  for (const [id, list] of definitions) {
    if (list.length < 2) continue;
    for (const entity of list) {
      const others = list.filter((other) => other !== entity).map((other) => locationText(other.source, other.anchor));
      diagnostics.push(diagnosticAt(entity.source, entity.anchor, 'duplicate-id', messages.duplicateId(id, list.length, others.join(', '))));
    }
  }

  const references: ResolvedReference[] = [];
  const lookup = (reference: Reference | undefined, field: string, kinds: readonly EntityKind[], label: string): Entity | undefined => {
    if (!reference) return undefined;
    const target = definitions.get(reference.name)?.[0];
    references.push({ reference, target });
    if (target && kinds.includes(target.kind)) return target;
    if (target) {
      diagnostics.push(diagnosticAt(reference.source, reference.span, 'unknown-reference', messages.wrongKindReference(field, reference.name, label, target.kind)));
    } else {
      const suggestion = closestName(reference.name, candidates(kinds));
      diagnostics.push(
        diagnosticAt(
          reference.source,
          reference.span,
          'unknown-reference',
          messages.unknownReference(field, reference.name, label, suggestion),
          suggestion ? { kind: 'replace', replacement: suggestion } : undefined,
        ),
      );
    }
    return undefined;
  };
  const candidateCache = new Map<string, string[]>();
  const candidates = (kinds: readonly EntityKind[]): string[] => {
    const key = kinds.join();
    let names = candidateCache.get(key);
    if (!names) {
      names = [...definitions].filter(([, list]) => kinds.includes(list[0].kind)).map(([id]) => id);
      candidateCache.set(key, names);
    }
    return names;
  };

  /**
   * The parent a program (portfolio) or project (program) belongs to: the one it is written inside, else
   * the one its reference names. Written inside one but naming another is a schema error.
   */
  function linkToParent<P extends Portfolio | Program>(child: Program | Project, nestedIn: P | undefined, reference: Reference | undefined, kind: P['kind']): P | undefined {
    const referenced = lookup(reference, kind, [kind], kind) as P | undefined;
    if (nestedIn && reference && reference.name !== nestedIn.id) {
      const label = child.kind === 'program' ? 'Program' : 'Project';
      diagnostics.push(diagnosticAt(child.source, reference.span, 'schema', messages.nestedProgramMismatch(label, child.id ?? '?', nestedIn.id ?? '?', reference.name)));
    }
    return nestedIn ?? referenced;
  }

  for (const portfolio of portfolios) portfolio.programs = [...portfolio.inlinePrograms];
  for (const program of programs) {
    program.portfolio = linkToParent(program, program.parentPortfolio, program.portfolioRef, 'portfolio');
    program.projects = [...program.inlineProjects];
    if (program.portfolio && !program.parentPortfolio) program.portfolio.programs.push(program);
  }
  for (const project of projects) {
    if (++tick % ITEMS_PER_PAUSE === 0) yield;
    project.program = linkToParent(project, project.parentProgram, project.programRef, 'program');
    if (project.program && !project.parentProgram) project.program.projects.push(project);
  }

  const dependencyTargets = new Map<Reference, Project | Milestone>();
  for (const owner of [...projects, ...milestones]) {
    if (++tick % ITEMS_PER_PAUSE === 0) yield;
    for (const reference of owner.dependsOn) {
      const target = lookup(reference, 'depends_on', ['project', 'milestone'], 'project or milestone');
      if (target) dependencyTargets.set(reference, target as Project | Milestone);
    }
  }
  for (const project of projects) {
    if (++tick % ITEMS_PER_PAUSE === 0) yield;
    for (const entry of project.team) lookup(entry.person, 'team person', ['person'], 'person');
  }

  const hasPeople = people.length > 0;
  const personIds = people.map((person) => person.id);
  const checkPerson = (reference: Reference | undefined, field: string) => {
    if (!reference) return;
    const target = definitions.get(reference.name)?.[0];
    references.push({ reference, target });
    if (!hasPeople || target?.kind === 'person') return;
    const suggestion = closestName(reference.name, personIds);
    diagnostics.push(
      diagnosticAt(reference.source, reference.span, 'unknown-person', messages.unknownPerson(field, reference.name, suggestion),
        suggestion ? { kind: 'replace', replacement: suggestion } : undefined),
    );
  };
  for (const portfolio of portfolios) checkPerson(portfolio.owner, 'owner');
  for (const entity of [...programs, ...projects]) checkPerson(entity.manager, 'manager');
  for (const entity of [...risks, ...issues]) checkPerson(entity.owner, 'owner');

  return { portfolios, programs, projects, milestones, risks, issues, people, definitions, hasPeople, dependencyTargets, references };
}
