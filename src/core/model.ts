/**
 * The plan model: typed entities read from the located tree of each document. Values of the wrong type
 * are left out here (the schema check reports them) and remembered in `invalid`, so later checks do not
 * pile further problems on the same field.
 */
import type { Day } from './dates';
import { parseDay, parseDuration } from './dates';
import type { MapNode, PlanNode, ParsedFile } from './parse';
import type { Span } from './positions';

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

interface EntityBase {
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

const rootKinds = ['portfolio', 'program', 'project'] as const;

/** Reads the entities of one document; never throws. */
export function readDocument(file: ParsedFile, documentIndex: number): DocumentModel {
  const model: DocumentModel = { portfolios: [], programs: [], projects: [], milestones: [], risks: [], issues: [], people: [], entities: [] };
  const root = file.documents[documentIndex]?.root;
  if (root?.kind !== 'map') return model;
  const source: Source = { file, document: documentIndex };
  const reader = new ModelReader(source, model);
  const rootKeys = rootKinds.filter((key) => root.entries.has(key));
  // With several root entities the document is a schema error; read the first so its ids still resolve.
  const rootKey = rootKeys[0];
  const rootValue = rootKey ? root.entries.get(rootKey)?.value : undefined;
  if (rootValue?.kind === 'map') {
    if (rootKey === 'portfolio') reader.portfolio(rootValue);
    else if (rootKey === 'program') reader.program(rootValue, undefined);
    else reader.project(rootValue, undefined);
  }
  for (const item of mapItems(root.entries.get('people')?.value)) reader.person(item);
  return model;
}

function mapItems(node: PlanNode | undefined): MapNode[] {
  return node?.kind === 'seq' ? node.items.filter((item): item is MapNode => item.kind === 'map') : [];
}

/** Typed access to one mapping's fields; records the keys whose values are unusable. */
class Fields {
  readonly invalid = new Set<string>();

  constructor(
    readonly node: MapNode,
    private readonly source: Source,
  ) {}

  private scalar(key: string): { value: unknown; span: Span; keySpan: Span } | undefined {
    const entry = this.node.entries.get(key);
    if (!entry) return undefined;
    if (entry.value.kind !== 'scalar') {
      this.invalid.add(key);
      return undefined;
    }
    return { value: entry.value.value, span: entry.value.span, keySpan: entry.keySpan };
  }

  private typed<T>(key: string, convert: (value: unknown) => T | undefined): Field<T> | undefined {
    const raw = this.scalar(key);
    if (!raw) return undefined;
    const value = convert(raw.value);
    if (value === undefined) {
      this.invalid.add(key);
      return undefined;
    }
    return { value, span: raw.span, keySpan: raw.keySpan };
  }

  has(key: string): boolean {
    return this.node.entries.has(key);
  }

  text(key: string): string | undefined {
    return this.typed(key, (v) => (typeof v === 'string' ? v : undefined))?.value;
  }

  textField(key: string): Field<string> | undefined {
    return this.typed(key, (v) => (typeof v === 'string' ? v : undefined));
  }

  number(key: string, min = -Infinity, max = Infinity): Field<number> | undefined {
    return this.typed(key, (v) => (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : undefined));
  }

  integer(key: string, min: number, max: number): number | undefined {
    return this.typed(key, (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined))?.value;
  }

  bool(key: string): boolean | undefined {
    return this.typed(key, (v) => (typeof v === 'boolean' ? v : undefined))?.value;
  }

  day(key: string): Field<Day> | undefined {
    return this.typed(key, parseDay);
  }

  duration(key: string): Field<number> | undefined {
    return this.typed(key, parseDuration);
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): Field<T> | undefined {
    return this.typed(key, (v) => (allowed.includes(v as T) ? (v as T) : undefined));
  }

  reference(key: string): Reference | undefined {
    const field = this.textField(key);
    return field && field.value !== '' ? { name: field.value, span: field.span, source: this.source } : undefined;
  }

  references(key: string): Reference[] {
    const entry = this.node.entries.get(key);
    if (!entry) return [];
    if (entry.value.kind !== 'seq') {
      this.invalid.add(key);
      return [];
    }
    const result: Reference[] = [];
    for (const item of entry.value.items) {
      if (item.kind === 'scalar' && typeof item.value === 'string' && item.value !== '') {
        result.push({ name: item.value, span: item.span, source: this.source });
      } else {
        this.invalid.add(key);
      }
    }
    return result;
  }

  maps(key: string): MapNode[] {
    return mapItems(this.node.entries.get(key)?.value);
  }

  map(key: string): MapNode | undefined {
    const value = this.node.entries.get(key)?.value;
    return value?.kind === 'map' ? value : undefined;
  }

  /** The entity's id value, else its first key, else the mapping itself. */
  anchor(): Span {
    const id = this.node.entries.get('id');
    if (id && id.value.kind === 'scalar' && id.value.value !== null) return id.value.span;
    const first = this.node.entries.values().next().value;
    return first ? first.keySpan : [this.node.span[0], this.node.span[0]];
  }

  id(): string | undefined {
    const value = this.node.entries.get('id')?.value;
    if (value?.kind !== 'scalar' || value.value === null) return undefined;
    // YAML reads `id: 2026` as a number; it is still the name people write.
    return typeof value.value === 'string' ? value.value : String(value.value);
  }
}

class ModelReader {
  constructor(
    private readonly source: Source,
    private readonly model: DocumentModel,
  ) {}


  portfolio(node: MapNode): Portfolio {
    const f = new Fields(node, this.source);
    const portfolio: Portfolio = {
      kind: 'portfolio',
      source: this.source,
      node: f.node,
      id: f.id(),
      anchor: f.anchor(),
      invalid: f.invalid,
      name: f.text('name'),
      owner: f.reference('owner'),
      statusDate: f.day('status_date'),
      inlinePrograms: [],
      programs: [],
    };
    this.model.entities.push(portfolio);
    (portfolio.inlinePrograms as Program[]).push(...f.maps('programs').map((item) => this.program(item, portfolio)));
    this.model.portfolios.push(portfolio);
    return portfolio;
  }

  program(node: MapNode, parentPortfolio: Portfolio | undefined): Program {
    const f = new Fields(node, this.source);
    const program: Program = {
      kind: 'program',
      source: this.source,
      node: f.node,
      id: f.id(),
      anchor: f.anchor(),
      invalid: f.invalid,
      name: f.text('name'),
      manager: f.reference('manager'),
      portfolioRef: f.reference('portfolio'),
      parentPortfolio,
      goal: f.text('goal'),
      budget: f.number('budget', 0),
      currency: f.textField('currency'),
      start: f.day('start'),
      end: f.day('end'),
      health: f.oneOf('health', healthValues),
      statusDate: f.day('status_date'),
      benefits: this.benefits(f),
      milestones: [],
      risks: [],
      issues: [],
      inlineProjects: [],
      portfolio: undefined,
      projects: [],
    };
    this.model.entities.push(program);
    this.children(f, program);
    (program.inlineProjects as Project[]).push(...f.maps('projects').map((item) => this.project(item, program)));
    this.model.programs.push(program);
    return program;
  }

  project(node: MapNode, parentProgram: Program | undefined): Project {
    const f = new Fields(node, this.source);
    const baselineNode = f.map('baseline');
    let baseline: Baseline | undefined;
    if (baselineNode) {
      const b = new Fields(baselineNode, this.source);
      baseline = { start: b.day('start'), end: b.day('end'), budget: b.number('budget', 0) };
    }
    const project: Project = {
      kind: 'project',
      source: this.source,
      node: f.node,
      id: f.id(),
      anchor: f.anchor(),
      invalid: f.invalid,
      name: f.text('name'),
      programRef: f.reference('program'),
      parentProgram,
      manager: f.reference('manager'),
      start: f.day('start'),
      end: f.day('end'),
      duration: f.duration('duration'),
      dependsOn: f.references('depends_on'),
      hasDependsOn: f.has('depends_on'),
      budget: f.number('budget', 0),
      spent: f.number('spent', 0),
      progress: f.number('progress', 0, 100),
      state: f.oneOf('state', projectStates),
      health: f.oneOf('health', healthValues),
      baseline,
      benefits: this.benefits(f),
      milestones: [],
      risks: [],
      issues: [],
      team: f.maps('team').flatMap((item) => {
        const t = new Fields(item, this.source);
        const person = t.reference('person');
        return person ? [{ person, allocation: t.number('allocation', 0, 100)?.value ?? 100 }] : [];
      }),
      tags: f.references('tags').map((tag) => tag.name),
      program: undefined,
    };
    this.model.entities.push(project);
    this.children(f, project);
    this.model.projects.push(project);
    return project;
  }

  private benefits(f: Fields): Benefit[] {
    return f.maps('benefits').map((item) => {
      const b = new Fields(item, this.source);
      return { name: b.text('name'), value: b.number('value', 0)?.value ?? 0, realized: b.number('realized', 0)?.value };
    });
  }

  /** Milestones, risks and issues of a program or project. */
  private children(f: Fields, parent: Program | Project): void {
    for (const item of f.maps('milestones')) {
      const m = new Fields(item, this.source);
      const milestone: Milestone = {
        kind: 'milestone',
        source: this.source,
      node: m.node,
      id: m.id(),
      anchor: m.anchor(),
      invalid: m.invalid,
        name: m.text('name'),
        date: m.day('date'),
        done: m.bool('done') ?? false,
        dependsOn: m.references('depends_on'),
        parent,
      };
      (parent.milestones as Milestone[]).push(milestone);
      this.model.entities.push(milestone);
      this.model.milestones.push(milestone);
    }
    for (const item of f.maps('risks')) {
      const r = new Fields(item, this.source);
      const mitigation = r.text('mitigation');
      const risk: Risk = {
        kind: 'risk',
        source: this.source,
      node: r.node,
      id: r.id(),
      anchor: r.anchor(),
      invalid: r.invalid,
        title: r.text('title'),
        likelihood: r.integer('likelihood', 1, 5),
        impact: r.integer('impact', 1, 5),
        mitigation: mitigation?.trim() ? mitigation : undefined,
        owner: r.reference('owner'),
        open: r.oneOf('state', ['open', 'closed'] as const)?.value !== 'closed',
        parent,
      };
      (parent.risks as Risk[]).push(risk);
      this.model.entities.push(risk);
      this.model.risks.push(risk);
    }
    for (const item of f.maps('issues')) {
      const i = new Fields(item, this.source);
      const issue: Issue = {
        kind: 'issue',
        source: this.source,
      node: i.node,
      id: i.id(),
      anchor: i.anchor(),
      invalid: i.invalid,
        title: i.text('title'),
        severity: i.oneOf('severity', issueSeverities)?.value,
        owner: i.reference('owner'),
        open: i.oneOf('state', ['open', 'closed'] as const)?.value !== 'closed',
        parent,
      };
      (parent.issues as Issue[]).push(issue);
      this.model.entities.push(issue);
      this.model.issues.push(issue);
    }
  }

  person(node: MapNode): void {
    const f = new Fields(node, this.source);
    const id = f.id();
    if (id === undefined) return;
    const person: Person = {
      kind: 'person',
      source: this.source,
      node: f.node,
      id,
      anchor: f.anchor(),
      invalid: f.invalid,
      name: f.text('name'),
      capacity: f.number('capacity', 0)?.value ?? 100,
    };
    this.model.people.push(person);
    this.model.entities.push(person);
  }
}
