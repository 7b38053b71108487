/**
 * The plan model: the typed entities of SPEC 3 (portfolio, program, project, milestone, risk, issue,
 * person), each knowing where it is written. `read.ts` builds them from the located YAML tree.
 */
import type { Day } from '../base/dates';
import type { Span } from '../base/positions';
import type { MapNode, ParsedFile } from '../syntax/nodes';

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
  readonly node: MapNode;
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
  readonly capacity: number;
}

export interface Benefit {
  readonly name: string | undefined;
  readonly value: number;
  readonly realized: number | undefined;
}

export interface Milestone extends EntityBase {
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
  readonly parent: Program | Project;
}

export interface TeamEntry {
  readonly person: Reference;
  readonly allocation: number;
}

export interface Baseline {
  readonly start: Field<Day> | undefined;
  readonly end: Field<Day> | undefined;
  readonly budget: Field<number> | undefined;
}

export interface Project extends EntityBase {
  readonly kind: 'project';
  readonly name: string | undefined;
  readonly programRef: Reference | undefined;
  /** The program this project is written inside, if any. */
  readonly parentProgram: Program | undefined;
  readonly manager: Reference | undefined;
  readonly start: Field<Day> | undefined;
  readonly end: Field<Day> | undefined;
  readonly duration: Field<number> | undefined;
  readonly dependsOn: readonly Reference[];
  /** True when a depends_on key is written (even empty). */
  readonly hasDependsOn: boolean;
  readonly budget: Field<number> | undefined;
  readonly spent: Field<number> | undefined;
  readonly progress: Field<number> | undefined;
  readonly state: Field<ProjectState> | undefined;
  readonly health: Field<Health> | undefined;
  readonly baseline: Baseline | undefined;
  readonly benefits: readonly Benefit[];
  readonly milestones: readonly Milestone[];
  readonly risks: readonly Risk[];
  readonly issues: readonly Issue[];
  readonly team: readonly TeamEntry[];
  readonly tags: readonly string[];
  /** Resolved by the workspace: the program this project belongs to. */
  program: Program | undefined;
}

export interface Program extends EntityBase {
  readonly kind: 'program';
  readonly name: string | undefined;
  readonly manager: Reference | undefined;
  readonly portfolioRef: Reference | undefined;
  readonly parentPortfolio: Portfolio | undefined;
  readonly goal: string | undefined;
  readonly budget: Field<number> | undefined;
  readonly currency: Field<string> | undefined;
  readonly start: Field<Day> | undefined;
  readonly end: Field<Day> | undefined;
  readonly health: Field<Health> | undefined;
  readonly statusDate: Field<Day> | undefined;
  readonly benefits: readonly Benefit[];
  readonly milestones: readonly Milestone[];
  readonly risks: readonly Risk[];
  readonly issues: readonly Issue[];
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

/** Everything one document defines. */
export interface DocumentModel {
  readonly portfolios: Portfolio[];
  readonly programs: Program[];
  readonly projects: Project[];
  readonly milestones: Milestone[];
  readonly risks: Risk[];
  readonly issues: Issue[];
  readonly people: Person[];
  /** Every entity of the document in the order it is written (an entity before its children). */
  readonly entities: Entity[];
}
