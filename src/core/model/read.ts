/**
 * Reads the entities of one document from its located tree. What the schema rejects is not read (SPEC 6:
 * "a value the schema rejects is not used further"), nor are values of the wrong type; the keys of both
 * are remembered in `invalid`, with the keys whose value is unknown (misspelt, or on a line the parser
 * could not read), so later checks do not pile further problems on the same field.
 */
import { parseDay, parseDuration, type Day } from '../base/dates';
import type { Span } from '../base/positions';
import { entriesOf, type MapEntry, type MapNode, nothingRejected, type ScalarNode, type ParsedFile, type Rejected, writtenName, type YamlNode } from '../syntax/nodes';
import {
  healthValues, issueSeverities, projectStates,
  type Baseline, type Benefit, type TeamEntry, type DocumentModel, type EntityBase, type Field, type Issue, type Milestone, type Person,
  type Entity, type Portfolio, type Program, type Project, type Reference, type Risk, type Source,
} from './entities';

const rootKinds = ['portfolio', 'program', 'project'] as const;
export const openOrClosed = ['open', 'closed'] as const;

/**
 * Reads the entities of one document; never throws. `checked` is what the schema check made of it:
 * the root as read (a misspelt root key under the key it was meant to be) and what it rejected.
 */
export function readDocument(
  file: ParsedFile,
  documentIndex: number,
  checked: { readonly root: YamlNode | undefined; readonly rejected: Rejected } = { root: file.documents[documentIndex]?.root, rejected: nothingRejected },
): DocumentModel {
  const model: DocumentModel = { portfolios: [], programs: [], projects: [], milestones: [], risks: [], issues: [], people: [], entities: [] };
  const root = checked.root;
  if (root?.kind !== 'map') return model;
  const source: Source = { file, document: documentIndex };
  const reader = new ModelReader(source, model, checked.rejected);
  const rootKeys = rootKinds.filter((key) => root.entries.has(key));
  // With several root entities the document is a schema error; read the first so its ids still resolve.
  const rootKey = rootKeys[0];
  const rootValue = rootKey ? root.entries.get(rootKey)?.value : undefined;
  if (rootValue?.kind === 'map' && !checked.rejected.values.has(rootValue)) {
    if (rootKey === 'portfolio') reader.portfolio(rootValue);
    else if (rootKey === 'program') reader.program(rootValue, undefined);
    else reader.project(rootValue, undefined);
  }
  for (const item of reader.items(root.entries.get('people')?.value)) reader.person(item);
  return finished(model);
}

/** A document's model once read: its lists with nothing in them made the one empty list (most documents define one kind of entity). */
export function finished(model: DocumentModel): DocumentModel {
  const lists = model as unknown as Record<keyof DocumentModel, readonly Entity[]>;
  for (const key of modelLists) if (lists[key].length === 0) lists[key] = none;
  return model;
}

const modelLists = ['portfolios', 'programs', 'projects', 'milestones', 'risks', 'issues', 'people', 'entities'] as const satisfies ReadonlyArray<keyof DocumentModel>;

/**
 * The one empty list that entities and documents hold for a list with nothing in it (most of them: a
 * project's risks, tags, …): no list an entity holds is added to after reading (readonly by type; a
 * test checks it stays empty). Not frozen: V8 walks a frozen array by an iterator object per `for … of`
 * (the analysis walks these lists for every project), a plain one by index.
 */
export const none: readonly never[] = [];

/** A list, or the one empty list. */
export function listOr<T>(list: T[]): readonly T[] {
  return list.length === 0 ? none : list;
}

/** Most entities have nothing invalid: they share one empty set (read.ts alone adds to these sets, while reading). */
export const noneInvalid: ReadonlySet<string> = new Set();

/**
 * A value as written: the offsets of its value and key (not the tree's entry, which is let go once the
 * document is read), the spans made when asked for (most never are).
 */
export class WrittenField<T> implements Field<T> {
  // Declared and assigned (not defined as class fields): one is made per field read.
  declare readonly value: T;
  /** The value's offsets (an edit compares them without making spans). */
  declare readonly start: number;
  declare readonly end: number;
  declare private readonly keyStart: number;
  declare private readonly keyEnd: number;
  constructor(value: T, start: number, end: number, keyStart: number, keyEnd: number) {
    this.value = value;
    this.start = start;
    this.end = end;
    this.keyStart = keyStart;
    this.keyEnd = keyEnd;
  }

  get span(): Span {
    return [this.start, this.end];
  }

  get keySpan(): Span {
    return [this.keyStart, this.keyEnd];
  }

  toJSON(): Field<T> {
    return { value: this.value, span: this.span, keySpan: this.keySpan };
  }
}

/**
 * A reference as written: its place as offsets, the span made when asked for. An edit that only moves it
 * gives it its new place (`moveTo`), so that what links to it keeps linking to it.
 */
export class WrittenReference implements Reference {
  declare readonly name: string;
  declare private start: number;
  declare private end: number;
  declare source: Source;
  constructor(name: string, node: { readonly start: number; readonly end: number }, source: Source) {
    this.name = name;
    this.start = node.start;
    this.end = node.end;
    this.source = source;
  }

  get span(): Span {
    return [this.start, this.end];
  }

  /** Takes the place of the same reference read again. */
  moveTo(read: Reference): void {
    [this.start, this.end] = read.span;
    this.source = read.source;
  }

  toJSON(): Reference {
    return { name: this.name, span: this.span, source: this.source };
  }
}

const scalarValue = (entry: MapEntry): ScalarNode['value'] => (entry.value as ScalarNode).value;
const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Typed access to one mapping's fields; records the keys whose values are unusable or unknown. */
class Fields {
  /** The invalid keys, made when the first one is found. */
  private invalidKeys: Set<string> | undefined;
  /** The entity read from this mapping, once made: it holds the invalid keys (`entity`). */
  owner: { invalid: ReadonlySet<string> } | undefined;

  constructor(
    readonly node: MapNode,
    private readonly source: Source,
    private readonly rejected: Rejected,
  ) {
    const unknown = rejected.keys.get(node);
    if (unknown) this.invalidKeys = new Set(unknown);
  }

  /** The keys whose value is unusable or unknown so far. */
  get invalid(): ReadonlySet<string> {
    return this.invalidKeys ?? noneInvalid;
  }

  /** Records an invalid key (on the entity too, when it is made already). */
  invalidate(key: string): void {
    if (!this.invalidKeys) {
      this.invalidKeys = new Set();
      if (this.owner) this.owner.invalid = this.invalidKeys;
    }
    this.invalidKeys.add(key);
  }

  /** The entry of `key` unless its value is rejected or unknown (then the key is invalid). */
  private entry(key: string): MapEntry | undefined {
    if (this.invalid.has(key)) return undefined;
    const entry = this.node.entries.get(key);
    if (!entry) return undefined;
    if (this.rejected.values.size > 0 && this.rejected.values.has(entry.value)) {
      this.invalidate(key);
      return undefined;
    }
    return entry;
  }

  /** The entry of `key` when its value is a scalar; else undefined (and the key is invalid when written). */
  private scalar(key: string): MapEntry | undefined {
    const entry = this.entry(key);
    if (!entry) return undefined;
    if (entry.value.kind !== 'scalar') {
      this.invalidate(key);
      return undefined;
    }
    return entry;
  }

  /** A value read from `entry` as a field; an unusable one (undefined) makes the key invalid. */
  private field<T>(key: string, entry: MapEntry, value: T | undefined): Field<T> | undefined {
    if (value === undefined) {
      this.invalidate(key);
      return undefined;
    }
    return new WrittenField(value, entry.value.start, entry.value.end, entry.keyStart, entry.keyEnd);
  }

  /** The same, the value alone. */
  private valueOnly<T>(key: string, value: T | undefined): T | undefined {
    if (value === undefined) this.invalidate(key);
    return value;
  }

  text(key: string): string | undefined {
    const entry = this.scalar(key);
    return entry && this.valueOnly(key, asText(scalarValue(entry)));
  }

  textField(key: string): Field<string> | undefined {
    const entry = this.scalar(key);
    return entry && this.field(key, entry, asText(scalarValue(entry)));
  }

  number(key: string, min = -Infinity, max = Infinity): Field<number> | undefined {
    const entry = this.scalar(key);
    if (!entry) return undefined;
    const v = scalarValue(entry);
    return this.field(key, entry, typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : undefined);
  }

  integer(key: string, min: number, max: number): number | undefined {
    const entry = this.scalar(key);
    if (!entry) return undefined;
    const v = scalarValue(entry);
    return this.valueOnly(key, typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined);
  }

  bool(key: string): boolean | undefined {
    const entry = this.scalar(key);
    if (!entry) return undefined;
    const v = scalarValue(entry);
    return this.valueOnly(key, typeof v === 'boolean' ? v : undefined);
  }

  day(key: string): Field<Day> | undefined {
    const entry = this.scalar(key);
    return entry && this.field(key, entry, parseDay(scalarValue(entry)));
  }

  duration(key: string): Field<number> | undefined {
    const entry = this.scalar(key);
    return entry && this.field(key, entry, parseDuration(scalarValue(entry)));
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): Field<T> | undefined {
    const entry = this.scalar(key);
    if (!entry) return undefined;
    const v = scalarValue(entry);
    return this.field(key, entry, allowed.includes(v as T) ? (v as T) : undefined);
  }

  reference(key: string): Reference | undefined {
    const entry = this.scalar(key);
    if (!entry) return undefined;
    const name = this.valueOnly(key, asText(scalarValue(entry)));
    return name ? new WrittenReference(name, entry.value, this.source) : undefined;
  }

  references(key: string): readonly Reference[] {
    const seq = this.sequenceAt(key);
    if (!seq) return none;
    const result: Reference[] = [];
    for (let i = 0; i < seq.items.length; i++) {
      const item = seq.items[i];
      if (item.kind === 'scalar' && typeof item.value === 'string' && item.value !== '' && !this.rejected.values.has(item)) {
        result.push(new WrittenReference(item.value, item, this.source));
      } else {
        this.invalidate(key);
      }
    }
    return listOr(result);
  }

  /** The mappings listed under `key` (items that are not mappings, or rejected, make the key invalid). */
  maps(key: string): readonly MapNode[] {
    const seq = this.sequenceAt(key);
    if (!seq) return none;
    const items = this.itemsOf(seq);
    if (items.length !== seq.items.length) this.invalidate(key);
    return items;
  }

  map(key: string): MapNode | undefined {
    return this.nodeAt(key, 'map');
  }

  private sequenceAt(key: string): (YamlNode & { kind: 'seq' }) | undefined {
    return this.nodeAt(key, 'seq');
  }

  /** The value under `key` when it is of this kind; a value of another kind makes the key invalid. */
  private nodeAt<K extends YamlNode['kind']>(key: string, kind: K): (YamlNode & { kind: K }) | undefined {
    const entry = this.entry(key);
    if (!entry) return undefined;
    if (entry.value.kind !== kind) {
      this.invalidate(key);
      return undefined;
    }
    return entry.value as YamlNode & { kind: K };
  }

  /** The items that are mappings the schema did not reject: the list itself when they all are (as nearly always). */
  private itemsOf(list: YamlNode & { kind: 'seq' }): readonly MapNode[] {
    const items = list.items;
    const rejected = this.rejected.values;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.kind !== 'map' || (rejected.size > 0 && rejected.has(item))) return items.filter((it): it is MapNode => it.kind === 'map' && !rejected.has(it));
    }
    return items as readonly MapNode[];
  }

  /** The entity's id value, else its first key, else the mapping itself. */
  anchor(): Span {
    const id = this.node.entries.get('id');
    if (id && id.value.kind === 'scalar' && id.value.value !== null) return id.value.span;
    const first = entriesOf(this.node)[0] as MapEntry | undefined;
    // An empty mapping (`project: {}`, `- {}`): the mapping itself.
    return first ? first.keySpan : this.node.span;
  }

  /** The id as written, even when the schema rejects it (it still names the entity), unless unknown. */
  id(): string | undefined {
    if (this.invalid.has('id')) return undefined;
    const value = this.node.entries.get('id')?.value;
    if (value?.kind !== 'scalar' || value.value === null) return undefined;
    // YAML reads `id: 2026` as a number; it is still the name people write.
    return writtenName(this.source.file.text, value.value, value.span[0], value.span[1]);
  }
}

/**
 * An entity made from its mapping's fields: the fields every entity shares (kind, source, node, id,
 * anchor, invalid) are written last in each builder's object literal, so that V8 keeps them all in the
 * object (no property added after it is made), and the entity holds the invalid keys found later.
 */
function owned<E extends EntityBase>(f: Fields, e: E): E {
  f.owner = e;
  return e;
}

class ModelReader {
  constructor(
    private readonly source: Source,
    private readonly model: DocumentModel,
    private readonly rejected: Rejected,
  ) {}

  private fields(node: MapNode): Fields {
    return new Fields(node, this.source, this.rejected);
  }

  /** The mappings of a list that the schema did not reject. */
  items(node: YamlNode | undefined): MapNode[] {
    if (node?.kind !== 'seq' || this.rejected.values.has(node)) return [];
    return node.items.filter((item): item is MapNode => item.kind === 'map' && !this.rejected.values.has(item));
  }

  portfolio(node: MapNode): Portfolio {
    const f = this.fields(node);
    const portfolio = owned<Portfolio>(f, {
      name: f.text('name'),
      owner: f.reference('owner'),
      statusDate: f.day('status_date'),
      inlinePrograms: none,
      programs: [],
      kind: 'portfolio',
      source: this.source,
      span: f.node.span,
      id: f.id(),
      anchor: f.anchor(),
      invalid: f.invalid,
    });
    this.model.entities.push(portfolio);
    (portfolio as { inlinePrograms: readonly Program[] }).inlinePrograms = listOr(f.maps('programs').map((item) => this.program(item, portfolio)));
    this.model.portfolios.push(portfolio);
    return portfolio;
  }

  program(node: MapNode, parentPortfolio: Portfolio | undefined): Program {
    const f = this.fields(node);
    const program = owned<Program>(f, {
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
      milestones: none,
      risks: none,
      issues: none,
      inlineProjects: none,
      portfolio: undefined,
      projects: [],
      kind: 'program',
      source: this.source,
      span: f.node.span,
      id: f.id(),
      anchor: f.anchor(),
      invalid: f.invalid,
    });
    this.model.entities.push(program);
    this.children(f, program);
    (program as { inlineProjects: readonly Project[] }).inlineProjects = listOr(f.maps('projects').map((item) => this.project(item, program)));
    this.model.programs.push(program);
    return program;
  }

  project(node: MapNode, parentProgram: Program | undefined): Project {
    const f = this.fields(node);
    const baselineNode = f.map('baseline');
    let baseline: Baseline | undefined;
    if (baselineNode) {
      const b = this.fields(baselineNode);
      baseline = { start: b.day('start'), end: b.day('end'), budget: b.number('budget', 0) };
      if (b.invalid.size > 0) f.invalidate('baseline');
    }
    const project = owned<Project>(f, {
      name: f.text('name'),
      programRef: f.reference('program'),
      parentProgram,
      manager: f.reference('manager'),
      start: f.day('start'),
      end: f.day('end'),
      duration: f.duration('duration'),
      dependsOn: f.references('depends_on'),
      budget: f.number('budget', 0),
      spent: f.number('spent', 0),
      progress: f.number('progress', 0, 100),
      state: f.oneOf('state', projectStates),
      health: f.oneOf('health', healthValues),
      baseline,
      benefits: this.benefits(f),
      milestones: none,
      risks: none,
      issues: none,
      team: this.team(f),
      tags: listOr(f.references('tags').map((tag) => tag.name)),
      program: undefined,
      placedBy: undefined,
      position: -1,
      kind: 'project',
      source: this.source,
      span: f.node.span,
      id: f.id(),
      anchor: f.anchor(),
      invalid: f.invalid,
    });
    this.model.entities.push(project);
    this.children(f, project);
    this.model.projects.push(project);
    return project;
  }

  private team(f: Fields): readonly TeamEntry[] {
    const items = f.maps('team');
    if (items.length === 0) return none;
    const team: TeamEntry[] = [];
    for (let i = 0; i < items.length; i++) {
      const t = this.fields(items[i]);
      const person = t.reference('person');
      const allocation = t.number('allocation', 0, 100)?.value ?? 100;
      if (t.invalid.size > 0) f.invalidate('team');
      if (!person) continue;
      team.push(t.invalid.has('allocation') || t.invalid.has('*') ? { person, allocation, rejected: true as const } : { person, allocation });
    }
    return listOr(team);
  }

  private benefits(f: Fields): readonly Benefit[] {
    const items = f.maps('benefits');
    if (items.length === 0) return none;
    return items.map((item) => {
      const b = this.fields(item);
      const benefit = { name: b.text('name'), value: b.number('value', 0)?.value ?? 0, realized: b.number('realized', 0)?.value };
      if (b.invalid.has('value') || b.invalid.has('realized') || b.invalid.has('*')) f.invalidate('benefits');
      return benefit;
    });
  }

  /** Milestones, risks and issues of a program or project, each added to the document's lists as read. */
  private children(f: Fields, parent: Program | Project): void {
    const lists = parent as { milestones: readonly Milestone[]; risks: readonly Risk[]; issues: readonly Issue[] };
    lists.milestones = this.list(f.maps('milestones'), parent, this.model.milestones, this.milestone);
    lists.risks = this.list(f.maps('risks'), parent, this.model.risks, this.risk);
    lists.issues = this.list(f.maps('issues'), parent, this.model.issues, this.issue);
  }

  /** Reads the items of a list key: each is added to the document's list of its kind and its entities. */
  private list<E extends Milestone | Risk | Issue>(items: readonly MapNode[], parent: Program | Project, all: E[], read: (this: ModelReader, item: Fields, parent: Program | Project) => E): readonly E[] {
    if (items.length === 0) return none;
    const list: E[] = [];
    for (let i = 0; i < items.length; i++) {
      const child = read.call(this, this.fields(items[i]), parent);
      list.push(child);
      this.model.entities.push(child);
      all.push(child);
    }
    return list;
  }

  private milestone(m: Fields, parent: Program | Project): Milestone {
    return owned<Milestone>(m, {
      name: m.text('name'),
      date: m.day('date'),
      done: m.bool('done') ?? false,
      dependsOn: m.references('depends_on'),
      parent,
      placedBy: undefined,
      position: -1,
      kind: 'milestone',
      source: this.source,
      span: m.node.span,
      id: m.id(),
      anchor: m.anchor(),
      invalid: m.invalid,
    });
  }

  private risk(r: Fields, parent: Program | Project): Risk {
    const mitigation = r.text('mitigation');
    return owned<Risk>(r, {
      title: r.text('title'),
      likelihood: r.integer('likelihood', 1, 5),
      impact: r.integer('impact', 1, 5),
      mitigation: mitigation?.trim() ? mitigation : undefined,
      owner: r.reference('owner'),
      open: r.oneOf('state', openOrClosed)?.value !== 'closed',
      parent,
      kind: 'risk',
      source: this.source,
      span: r.node.span,
      id: r.id(),
      anchor: r.anchor(),
      invalid: r.invalid,
    });
  }

  private issue(i: Fields, parent: Program | Project): Issue {
    return owned<Issue>(i, {
      title: i.text('title'),
      severity: i.oneOf('severity', issueSeverities)?.value,
      owner: i.reference('owner'),
      open: i.oneOf('state', openOrClosed)?.value !== 'closed',
      raised: i.day('raised'),
      due: i.day('due'),
      parent,
      kind: 'issue',
      source: this.source,
      span: i.node.span,
      id: i.id(),
      anchor: i.anchor(),
      invalid: i.invalid,
    });
  }

  person(node: MapNode): void {
    const f = this.fields(node);
    const id = f.id();
    if (id === undefined) return;
    const person = owned<Person>(f, {
      name: f.text('name'),
      role: f.text('role'),
      capacity: f.number('capacity', 0)?.value ?? 100,
      kind: 'person',
      source: this.source,
      span: f.node.span,
      id,
      anchor: f.anchor(),
      invalid: f.invalid,
    });
    this.model.people.push(person);
    this.model.entities.push(person);
  }
}
