/**
 * The workspace index: every entity of every document, ids across files and kinds, and the links
 * between them (portfolio › program › project, dependencies, people). Reports the problems of the index
 * itself: duplicate ids, unknown references, unknown people.
 */
import { messages } from './codes';
import type { DiagnosticCode } from './codes';
import { severityOf } from './codes';
import type { PlanDiagnostic } from './diagnostic';
import type { DocumentModel, Entity, EntityKind, Milestone, Person, Portfolio, Program, Project, Reference, Issue, Risk, Source } from './model';
import type { Span } from './positions';
import { runToEnd, SLICE, type Steps } from './steps';
import { closestName } from './text';

export interface PlanIndex {
  readonly portfolios: readonly Portfolio[];
  readonly programs: readonly Program[];
  readonly projects: readonly Project[];
  readonly milestones: readonly Milestone[];
  readonly risks: readonly Risk[];
  readonly issues: readonly Issue[];
  readonly people: readonly Person[];
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

/** Reports a problem at a span of an entity's source. */
export function diagnosticAt(source: Source, span: Span, code: DiagnosticCode, message: string, data?: PlanDiagnostic['data']): PlanDiagnostic {
  return { file: source.file.path, range: source.file.lines.rangeOf(span), severity: severityOf(code), code, message, ...(data ? { data } : {}) };
}

export function locationText(source: Source, span: Span): string {
  const position = source.file.lines.positionAt(span[0]);
  return `${source.file.path}:${position.line + 1}:${position.character + 1}`;
}

/** Builds the index over document models given in workspace order; links entities in place. */
export function buildIndex(documents: readonly DocumentModel[], diagnostics: PlanDiagnostic[]): PlanIndex {
  return runToEnd(indexSteps(documents, diagnostics));
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
    if (++tick % SLICE === 0) yield;
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

  for (const portfolio of portfolios) portfolio.programs = [...portfolio.inlinePrograms];
  for (const program of programs) {
    const referenced = lookup(program.portfolioRef, 'portfolio', ['portfolio'], 'portfolio') as Portfolio | undefined;
    if (program.parentPortfolio && program.portfolioRef && program.portfolioRef.name !== program.parentPortfolio.id) {
      diagnostics.push(
        diagnosticAt(program.source, program.portfolioRef.span, 'schema',
          messages.nestedProgramMismatch('Program', program.id ?? '?', program.parentPortfolio.id ?? '?', program.portfolioRef.name)),
      );
    }
    program.portfolio = program.parentPortfolio ?? referenced;
    program.projects = [...program.inlineProjects];
    if (!program.parentPortfolio && referenced) referenced.programs.push(program);
  }
  for (const project of projects) {
    if (++tick % SLICE === 0) yield;
    const referenced = lookup(project.programRef, 'program', ['program'], 'program') as Program | undefined;
    if (project.parentProgram && project.programRef && project.programRef.name !== project.parentProgram.id) {
      diagnostics.push(
        diagnosticAt(project.source, project.programRef.span, 'schema',
          messages.nestedProgramMismatch('Project', project.id ?? '?', project.parentProgram.id ?? '?', project.programRef.name)),
      );
    }
    project.program = project.parentProgram ?? referenced;
    if (!project.parentProgram && referenced) referenced.projects.push(project);
  }

  const dependencyTargets = new Map<Reference, Project | Milestone>();
  for (const owner of [...projects, ...milestones]) {
    if (++tick % SLICE === 0) yield;
    for (const reference of owner.dependsOn) {
      const target = lookup(reference, 'depends_on', ['project', 'milestone'], 'project or milestone');
      if (target) dependencyTargets.set(reference, target as Project | Milestone);
    }
  }
  for (const project of projects) {
    if (++tick % SLICE === 0) yield;
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
