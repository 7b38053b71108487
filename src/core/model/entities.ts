/**
 * The plan model: the typed entities of SPEC 3 (portfolio, program, project, milestone, risk, issue,
 * person), each knowing where it is written. `read.ts` builds them from the located YAML tree.
 */
import type { Day } from '../base/dates';
import type { Span } from '../base/positions';
import type { ParsedFile } from '../syntax/nodes';

export type Health = 'green' | 'amber' | 'red';
export type ProjectState = 'planned' | 'active' | 'on-hold' | 'done' | 'cancelled';
export type IssueSeverity = 'low' | 'medium' | 'high' | 'critical';

export const healthValues: readonly Health[] = ['green', 'amber', 'red'];
export const projectStates: readonly ProjectState[] = ['planned', 'active', 'on-hold', 'done', 'cancelled'];
export const issueSeverities: readonly IssueSeverity[] = ['low', 'medium', 'high', 'critical'];

/** Where an entity or a value is written. */
export interface Source {
  readonly file: ParsedFile;
  readonly document: number;
}

export interface Field<T> {
  readonly value: T;
  readonly span: Span;
  /** Span of the key, for problems that concern the whole entry. */
  readonly keySpan: Span;
}

/** A written reference to an id (program, portfolio, depends_on item, team person, manager/owner). */
export interface Reference {
  readonly name: string;
  readonly span: Span;
  readonly source: Source;
}

export interface EntityBase {
  readonly source: Source;
  /**
   * Where the entity's mapping is written. The entity keeps its places as offsets, not the YAML tree it
   * was read from: the tree is let go once read (`entityNode` in locate.ts finds the mapping again).
   */
  readonly span: Span;
  readonly id: string | undefined;
  /** Where to report a problem with the whole entity: its id, else its first key. */
  readonly anchor: Span;
  /** Keys whose values were present but unusable. */
  readonly invalid: ReadonlySet<string>;
}

export interface Person extends EntityBase {
  readonly kind: 'person';
  readonly id: string;
  readonly name: string | undefined;
  readonly role: string | undefined;
  /** Percent; 100 when absent, and when the schema rejects the value written (then `invalid` has 'capacity'). */
  readonly capacity: number;
}

export interface Benefit {
  readonly name: string | undefined;
  readonly value: number;
  readonly realized: number | undefined;
}

/**
 * Where a project or milestone stands in the numbering of the last index that built one
 * (analysis/nodeMap.ts): a cache of that numbering's position map, read only through it. The model sets
 * neither field's value; it only gives every project and milestone the two fields from the start, so
 * that all of them keep one shape.
 */
export interface Placed {
  /** The numbering (NodePositions) that wrote `position`, else undefined. */
  placedBy: object | undefined;
  position: number;
}

export interface Milestone extends EntityBase, Placed {
  readonly kind: 'milestone';
  readonly name: string | undefined;
  readonly date: Field<Day> | undefined;
  readonly done: boolean;
  readonly dependsOn: readonly Reference[];
  /** The program or project the milestone belongs to. */
  readonly parent: Program | Project;
}

export interface Risk extends EntityBase {
  readonly kind: 'risk';
  readonly title: string | undefined;
  readonly likelihood: number | undefined;
  readonly impact: number | undefined;
  readonly mitigation: string | undefined;
  readonly owner: Reference | undefined;
  readonly open: boolean;
  readonly parent: Program | Project;
}

export interface Issue extends EntityBase {
  readonly kind: 'issue';
  readonly title: string | undefined;
  readonly severity: IssueSeverity | undefined;
  readonly owner: Reference | undefined;
  readonly open: boolean;
  readonly raised: Field<Day> | undefined;
  readonly due: Field<Day> | undefined;
  readonly parent: Program | Project;
}

export interface TeamEntry {
  readonly person: Reference;
  readonly allocation: number;
  /** The allocation written is one the schema rejects: it gives no load (SPEC 6, a rejected value is not used). */
  readonly rejected?: true;
}

export interface Baseline {
  readonly start: Field<Day> | undefined;
  readonly end: Field<Day> | undefined;
  readonly budget: Field<number> | undefined;
}

/** What a program and a project both have: a manager, a budget, a window, benefits, milestones, risks and issues. */
export interface Undertaking extends EntityBase {
  readonly name: string | undefined;
  readonly manager: Reference | undefined;
  readonly budget: Field<number> | undefined;
  readonly start: Field<Day> | undefined;
  readonly end: Field<Day> | undefined;
  readonly health: Field<Health> | undefined;
  readonly benefits: readonly Benefit[];
  readonly milestones: readonly Milestone[];
  readonly risks: readonly Risk[];
  readonly issues: readonly Issue[];
}

export interface Project extends Undertaking, Placed {
  readonly kind: 'project';
  readonly programRef: Reference | undefined;
  /** The program this project is written inside, if any. */
  readonly parentProgram: Program | undefined;
  readonly duration: Field<number> | undefined;
  readonly dependsOn: readonly Reference[];
  readonly spent: Field<number> | undefined;
  readonly progress: Field<number> | undefined;
  readonly state: Field<ProjectState> | undefined;
  readonly baseline: Baseline | undefined;
  readonly team: readonly TeamEntry[];
  readonly tags: readonly string[];
  /** Resolved by the workspace: the program this project belongs to. */
  program: Program | undefined;
}

export interface Program extends Undertaking {
  readonly kind: 'program';
  readonly portfolioRef: Reference | undefined;
  readonly parentPortfolio: Portfolio | undefined;
  readonly goal: string | undefined;
  readonly currency: Field<string> | undefined;
  readonly statusDate: Field<Day> | undefined;
  readonly inlineProjects: readonly Project[];
  /** Resolved by the workspace. */
  portfolio: Portfolio | undefined;
  projects: Project[];
}

export interface Portfolio extends EntityBase {
  readonly kind: 'portfolio';
  readonly name: string | undefined;
  readonly owner: Reference | undefined;
  readonly statusDate: Field<Day> | undefined;
  readonly inlinePrograms: readonly Program[];
  /** Resolved by the workspace. */
  programs: Program[];
}

export type Entity = Portfolio | Program | Project | Milestone | Risk | Issue | Person;
export type EntityKind = Entity['kind'];

/** Entities listed by kind, each list in written order: what a document defines, or the whole workspace. */
export interface EntityLists<List extends 'mutable' | 'readonly' = 'readonly'> {
  readonly portfolios: List extends 'mutable' ? Portfolio[] : readonly Portfolio[];
  readonly programs: List extends 'mutable' ? Program[] : readonly Program[];
  readonly projects: List extends 'mutable' ? Project[] : readonly Project[];
  readonly milestones: List extends 'mutable' ? Milestone[] : readonly Milestone[];
  readonly risks: List extends 'mutable' ? Risk[] : readonly Risk[];
  readonly issues: List extends 'mutable' ? Issue[] : readonly Issue[];
  readonly people: List extends 'mutable' ? Person[] : readonly Person[];
}

/** Everything one document defines. */
export interface DocumentModel extends EntityLists<'mutable'> {
  /** Every entity of the document in the order it is written (an entity before its children). */
  readonly entities: Entity[];
}
