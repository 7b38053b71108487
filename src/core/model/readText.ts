/**
 * Entities straight from the text, in one pass, for the plain block YAML that plans are written in: the
 * fast reader's steps (syntax/fastReader.ts) read the lines, the schema is checked key by key as they are
 * read (each value against its property's part of plan.schema.json, compiled by syntax/treeSchema.ts), and
 * each mapping's values go into a draft reused for every mapping at its depth, from which its entity is
 * made when the mapping ends. No located tree, no plain copy and no second walk for the schema.
 *
 * It reads only what is certainly valid and means exactly what `readDocument` would make of it: at
 * anything else — a key the schema does not know, a value it rejects, a missing required key, a value
 * read.ts would not use, a form the fast reader does not read — it gives up, and the file is read the
 * full way (tree, schema check with its diagnostics, read.ts). test/unit/readText.test.ts holds both ways
 * to the same entities on generated and fuzzed files.
 */
import { parseDay, parseDuration } from '../base/dates';
import type { Span } from '../base/positions';
import { FastReader, GiveUp, giveUp, keyEnd, skipSpaces } from '../syntax/fastReader';
import { planSchema } from '../syntax/generated/planSchema';
import { entriesOf, type MapNode, type ParsedFile, type ParseLimits, type ScalarNode, type SeqNode, writtenName, type YamlNode } from '../syntax/nodes';
import { bytesAbove, fastReadLater, hasLoneCarriageReturn, utf16Encoding } from '../syntax/parser';
import { type Check, planCheckOf } from '../syntax/treeSchema';
import {
  healthValues, issueSeverities, projectStates,
  type Baseline, type Benefit, type DocumentModel, type Issue, type Milestone, type Person, type Portfolio, type Program, type Project,
  type Reference, type Risk, type Source, type TeamEntry,
} from './entities';
import { finished, listOr, none, noneInvalid, openOrClosed, WrittenField, WrittenReference } from './read';

/** A file's entities read in one pass, or undefined when the file must be read the full way. */
export function readPlanText(path: string, text: string, limits: ParseLimits): { parsed: ParsedFile; models: DocumentModel[] } | undefined {
  // A byte order mark, lone CR line breaks, a file over the size limit or saved as UTF-16, or the fast reader turned off: parsePlanFile's business.
  if (limits.fast === false || bytesAbove(text, limits.maxFileSize) !== undefined || text.charCodeAt(0) === 0xfeff || hasLoneCarriageReturn(text) || utf16Encoding(text) !== undefined) return undefined;
  const parsed = fastReadLater(path, text, limits.maxDepth);
  try {
    const reader = new TextReader(text, limits.maxDepth, parsed);
    return { parsed, models: reader.documents((r, index) => r.document(index)).map((document) => document.root) };
  } catch (error) {
    if (error instanceof GiveUp || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** What one mapping held, by its kind's slots: read into, then made into its entity (or team entry, benefit, baseline). */
class Draft {
  /** A bit per slot written. */
  present = 0;
  /** Per slot: the value's node (Scalar or Seq), or what its list or mapping was made into. */
  readonly value: unknown[] = [];
  readonly keyStart = new Int32Array(32);
  readonly keyEnd = new Int32Array(32);
  /** The `x-` keys (checked for duplicates like any key). */
  readonly extensions: string[] = [];
  start = 0;
  end = 0;
  firstKeyStart = 0;
  firstKeyEnd = 0;

  has(slot: number): boolean {
    return ((this.present >>> slot) & 1) === 1;
  }
}

/** How a key of a kind is read: its slot, and either the check of its value or the kind of the mappings it holds. */
interface Rule {
  readonly slot: number;
  readonly check: Check;
  /** The kind of the mapping (or, when `list`, of the list of mappings) under the key. */
  readonly of: Kind | undefined;
  readonly list: boolean;
}

/** A mapping of plan.schema.json read in one pass: the document or one of its object definitions. */
interface Kind {
  readonly rules: Map<string, Rule>;
  /** The bits of the required keys. */
  readonly required: number;
  /** Each key's slot. */
  readonly slots: Record<string, number>;
  readonly build: (d: Draft, reader: TextReader) => unknown;
}

/** The drafts, one per depth of mapping, shared by every file read (reading is synchronous and never nested). */
const drafts: Draft[] = [];

class TextReader extends FastReader {
  /** How many mappings are being read (the draft of each). */
  private level = 0;
  /** Where the last value read ends. */
  private valueEnd = 0;
  source: Source;

  constructor(
    text: string,
    maxDepth: number,
    private readonly file: ParsedFile,
  ) {
    super(text, maxDepth);
    this.source = { file, document: 0 };
  }

  /** One document's model; its root is read as `block(0)` reads it. */
  document(index: number): DocumentModel {
    this.source = { file: this.file, document: index };
    const kind = kinds.document ?? giveUp();
    const line = this.peek();
    if (this.lines.indent[line] !== 0 || ++this.depth > this.maxDepth || this.startsSequence(line)) giveUp();
    const model = this.mappingOf(kind, 0, this.lines.start[line]) as DocumentModel;
    this.depth--;
    return model;
  }

  /** A block mapping of `kind` whose first key starts at `from` at column `indent`, as `mapping` reads it, made into what its kind makes. */
  private mappingOf(kind: Kind, indent: number, from: number): unknown {
    const text = this.text;
    const d = (drafts[this.level] ??= new Draft());
    this.level++;
    d.present = 0;
    d.extensions.length = 0;
    let end = from;
    for (let first = true; ; first = false) {
      const key = this.nextKey(indent, from, first);
      if (key === undefined) break;
      const { keyStart, colon, lineEnd } = this;
      if (first) {
        d.firstKeyStart = keyStart;
        d.firstKeyEnd = colon;
      }
      const valueStart = skipSpaces(text, colon + 1, lineEnd);
      const onItsLine = !this.endsLine(valueStart, lineEnd);
      const rule = kind.rules.get(key);
      let valueEnd: number;
      if (rule === undefined) {
        // Keys starting with x- are allowed anywhere, whatever their value; any other is the schema's error.
        if (!key.startsWith('x-') || d.extensions.includes(key)) giveUp();
        d.extensions.push(key);
        valueEnd = this.value(indent, valueStart, lineEnd, onItsLine).end;
      } else {
        const slot = rule.slot;
        if (d.has(slot)) giveUp();
        d.present |= 1 << slot;
        d.keyStart[slot] = keyStart;
        d.keyEnd[slot] = colon;
        if (rule.of === undefined) {
          const value = this.value(indent, valueStart, lineEnd, onItsLine);
          if (!rule.check(value)) giveUp();
          d.value[slot] = value;
          valueEnd = value.end;
        } else if (onItsLine) {
          // A flow mapping (`baseline: { … }`) or a flow list of them (`benefits: [{ … }]`, `risks: []`).
          const value = this.value(indent, valueStart, lineEnd, true);
          d.value[slot] = this.flowValue(rule, value);
          valueEnd = value.end;
        } else {
          d.value[slot] = rule.list ? this.listBelow(rule, indent) : this.mappingBelow(rule.of, indent);
          valueEnd = this.valueEnd;
        }
      }
      // Every value ends after its key's colon: the mapping ends where its last value does.
      end = valueEnd;
    }
    if ((d.present & kind.required) !== kind.required) giveUp();
    d.start = from;
    d.end = end;
    const made = kind.build(d, this);
    this.level--;
    this.valueEnd = end;
    return made;
  }

  /** What a flow value under a key of mappings is made into: its mapping, or its list of mappings. */
  private flowValue(rule: Rule, value: YamlNode): unknown {
    const kind = rule.of!;
    if (!rule.list) return value.kind === 'map' ? this.flowMapping(kind, value) : giveUp();
    if (value.kind !== 'seq') return giveUp();
    if (value.items.length === 0) return none;
    return value.items.map((item) => (item.kind === 'map' ? this.flowMapping(kind, item) : giveUp()));
  }

  /**
   * A flow mapping of `kind` (`- { id: p1, name: Ann }`), read by the fast reader, made like a block
   * one; a list or mapping in it, but for an empty list, is left to the full way.
   */
  private flowMapping(kind: Kind, node: MapNode): unknown {
    const d = (drafts[this.level] ??= new Draft());
    this.level++;
    d.present = 0;
    d.extensions.length = 0;
    const entries = entriesOf(node);
    d.firstKeyStart = entries.length > 0 ? entries[0].keyStart : node.start;
    d.firstKeyEnd = entries.length > 0 ? entries[0].keyEnd : node.end;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const rule = kind.rules.get(entry.key);
      if (rule === undefined) {
        if (!entry.key.startsWith('x-') || d.extensions.includes(entry.key)) giveUp();
        d.extensions.push(entry.key);
        continue;
      }
      const slot = rule.slot;
      if (d.has(slot)) giveUp();
      d.present |= 1 << slot;
      d.keyStart[slot] = entry.keyStart;
      d.keyEnd[slot] = entry.keyEnd;
      const value = entry.value;
      if (rule.of === undefined) {
        if (!rule.check(value)) giveUp();
        d.value[slot] = value;
      } else {
        if (!rule.list || value.kind !== 'seq' || value.items.length !== 0) giveUp();
        d.value[slot] = none;
      }
    }
    if ((d.present & kind.required) !== kind.required) giveUp();
    d.start = node.start;
    d.end = node.end;
    const made = kind.build(d, this);
    this.level--;
    return made;
  }

  /** A value as the fast reader reads it: on its line (a block scalar on the lines below), or the block below. */
  private value(indent: number, valueStart: number, lineEnd: number, onItsLine: boolean): YamlNode {
    return onItsLine ? this.lineValue(valueStart, lineEnd, indent) : this.below(indent, valueStart, true);
  }

  /** The mapping of `kind` below a key with nothing after it, where `below` and `block` would read it. */
  private mappingBelow(kind: Kind, indent: number): unknown {
    this.index++;
    const next = this.peek();
    // Nothing below (null) or a list at the key's column: not a mapping.
    if (next === -1 || this.lines.indent[next] <= indent) giveUp();
    const at = this.lines.indent[next];
    if (++this.depth > this.maxDepth || this.startsSequence(next)) giveUp();
    const made = this.mappingOf(kind, at, this.lines.start[next] + at);
    this.depth--;
    return made;
  }

  /** The list of mappings of the rule's kind below a key with nothing after it, where `below` (and `block`) would read it. */
  private listBelow(rule: Rule, indent: number): unknown {
    const kind = rule.of!;
    this.index++;
    const next = this.peek();
    if (next !== -1 && this.lines.indent[next] > indent) {
      if (this.text.charCodeAt(this.lines.start[next] + this.lines.indent[next]) === 91) {
        // A flow list on the lines below (as a formatter writes a long one), read as `block` reads it.
        const value = this.block(this.lines.indent[next], indent);
        this.valueEnd = value.end;
        return this.flowValue(rule, value);
      }
      if (++this.depth > this.maxDepth || !this.startsSequence(next)) giveUp();
      const list = this.list(kind, this.lines.indent[next]);
      this.depth--;
      return list;
    }
    if (next !== -1 && this.lines.indent[next] === indent && this.startsSequence(next)) return this.list(kind, indent);
    return giveUp();
  }

  /** A block sequence of mappings of `kind`, dashes at column `indent`, as `sequence` reads it. */
  private list(kind: Kind, indent: number): unknown[] {
    const items: unknown[] = [];
    const lines = this.lines;
    let end = -1;
    for (let line = this.nextItem(indent); line !== -1; line = this.nextItem(indent)) {
      const lineStart = lines.start[line];
      const lineEnd = lines.end[line];
      const itemStart = skipSpaces(this.text, lineStart + indent + 1, lineEnd);
      if (this.text.charCodeAt(itemStart) === 123) {
        // `- { … }`, read as `sequence` reads it.
        const item = this.inline(itemStart, lineEnd, indent);
        this.index++;
        items.push(item.kind === 'map' ? this.flowMapping(kind, item) : giveUp());
        end = item.end;
        continue;
      }
      // An item that is not a mapping starting on the dash's line: the full way.
      if (this.endsLine(itemStart, lineEnd) || keyEnd(this.text, itemStart, lineEnd) === -1 || ++this.depth > this.maxDepth) giveUp();
      items.push(this.mappingOf(kind, itemStart - lineStart, itemStart));
      this.depth--;
      end = this.valueEnd;
    }
    this.valueEnd = end;
    return items.slice();
  }
}

// ---- What a draft's slots hold, as read.ts's `Fields` reads them (what it would not use: give up) ----

function scalar(d: Draft, slot: number): ScalarNode | undefined {
  return d.has(slot) ? (d.value[slot] as ScalarNode) : undefined;
}

function field<T>(d: Draft, slot: number, value: T | undefined): WrittenField<T> | undefined {
  if (value === undefined) return giveUp();
  const node = d.value[slot] as ScalarNode;
  return new WrittenField(value, node.start, node.end, d.keyStart[slot], d.keyEnd[slot]);
}

function text(d: Draft, slot: number): string | undefined {
  const node = scalar(d, slot);
  if (!node) return undefined;
  return typeof node.value === 'string' ? node.value : giveUp();
}

function textField(d: Draft, slot: number): WrittenField<string> | undefined {
  return d.has(slot) ? field(d, slot, text(d, slot)) : undefined;
}

function numberValue(d: Draft, slot: number, min: number, max: number): number | undefined {
  const node = scalar(d, slot);
  if (!node) return undefined;
  const v = node.value;
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : giveUp();
}

function number(d: Draft, slot: number, min: number, max = Infinity): WrittenField<number> | undefined {
  return d.has(slot) ? field(d, slot, numberValue(d, slot, min, max)) : undefined;
}

function integer(d: Draft, slot: number, min: number, max: number): number | undefined {
  const v = numberValue(d, slot, min, max);
  return v === undefined || Number.isInteger(v) ? v : giveUp();
}

function bool(d: Draft, slot: number): boolean | undefined {
  const node = scalar(d, slot);
  if (!node) return undefined;
  return typeof node.value === 'boolean' ? node.value : giveUp();
}

function day(d: Draft, slot: number): WrittenField<number> | undefined {
  return d.has(slot) ? field(d, slot, parseDay(scalar(d, slot)!.value)) : undefined;
}

function duration(d: Draft, slot: number): WrittenField<number> | undefined {
  return d.has(slot) ? field(d, slot, parseDuration(scalar(d, slot)!.value)) : undefined;
}

function oneOf<T extends string>(d: Draft, slot: number, allowed: readonly T[]): WrittenField<T> | undefined {
  if (!d.has(slot)) return undefined;
  const v = scalar(d, slot)!.value;
  return field(d, slot, allowed.includes(v as T) ? (v as T) : undefined);
}

function reference(d: Draft, slot: number, source: Source): Reference | undefined {
  const node = scalar(d, slot);
  const name = text(d, slot);
  return name ? new WrittenReference(name, node!, source) : undefined;
}

function references(d: Draft, slot: number, source: Source): readonly Reference[] {
  if (!d.has(slot)) return none;
  const items = (d.value[slot] as SeqNode).items;
  const result = items.map((item) => {
    const name = item.kind === 'scalar' ? item.value : undefined;
    // read.ts makes the key invalid for an item that is not a text or is empty.
    if (typeof name !== 'string' || name === '') return giveUp();
    return new WrittenReference(name, item, source);
  });
  return listOr(result);
}

/** What a list or mapping slot was made into. */
function made<T>(d: Draft, slot: number): T | undefined {
  return d.has(slot) ? (d.value[slot] as T) : undefined;
}

/** What a list slot was made into: `none` when it is not written or empty (`[]`: flowValue), else never empty (a block list has an item). */
function madeList<T>(d: Draft, slot: number): readonly T[] {
  return d.has(slot) ? (d.value[slot] as readonly T[]) : none;
}

// ---- The entities, as read.ts's `ModelReader` makes them (the same fields, in the same order) ----

/** The id as written, a number too (`id: 2026`: YAML reads a number). */
function id(d: Draft, slot: number, source: Source): string | undefined {
  const node = scalar(d, slot);
  return !node || node.value === null ? undefined : writtenName(source.file.text, node.value, node.start, node.end);
}

function anchor(d: Draft, slot: number): Span {
  const node = scalar(d, slot);
  return node && node.value !== null ? [node.start, node.end] : [d.firstKeyStart, d.firstKeyEnd];
}

/** Gives entities read before the entity that holds them that entity (as `parent`, `parentProgram` or `parentPortfolio`). */
function adopt(children: readonly object[], parent: object, key = 'parent'): void {
  for (let i = 0; i < children.length; i++) (children[i] as Record<string, unknown>)[key] = parent;
}

type Children = { milestones: readonly Milestone[]; risks: readonly Risk[]; issues: readonly Issue[] };

function withChildren(d: Draft, s: Record<string, number>, parent: Program | Project): void {
  const lists = parent as Children;
  lists.milestones = madeList<Milestone>(d, s.milestones);
  lists.risks = madeList<Risk>(d, s.risks);
  lists.issues = madeList<Issue>(d, s.issues);
  adopt(lists.milestones, parent);
  adopt(lists.risks, parent);
  adopt(lists.issues, parent);
}

const builders: Record<string, (d: Draft, reader: TextReader, s: Record<string, number>) => unknown> = {
  document(d, _reader, s) {
    const model: DocumentModel = { portfolios: [], programs: [], projects: [], milestones: [], risks: [], issues: [], people: [], entities: [] };
    const roots = Number(d.has(s.portfolio)) + Number(d.has(s.program)) + Number(d.has(s.project));
    // Several root entities, or none and no people: the schema check's errors.
    if (roots > 1 || (roots === 0 && !d.has(s.people))) giveUp();
    if (d.has(s.portfolio)) addPortfolio(model, d.value[s.portfolio] as Portfolio);
    else if (d.has(s.program)) addProgram(model, d.value[s.program] as Program);
    else if (d.has(s.project)) addProject(model, d.value[s.project] as Project);
    for (const person of madeList<Person>(d, s.people)) {
      model.people.push(person);
      model.entities.push(person);
    }
    return finished(model);
  },

  portfolio(d, reader, s): Portfolio {
    const source = reader.source;
    const portfolio: Portfolio = {
      name: text(d, s.name),
      owner: reference(d, s.owner, source),
      statusDate: day(d, s.status_date),
      inlinePrograms: none,
      programs: [],
      kind: 'portfolio',
      source,
      span: [d.start, d.end],
      id: id(d, s.id, source),
      anchor: anchor(d, s.id),
      invalid: noneInvalid,
    };
    const programs = madeList<Program>(d, s.programs);
    adopt(programs, portfolio, 'parentPortfolio');
    (portfolio as { inlinePrograms: readonly Program[] }).inlinePrograms = programs;
    return portfolio;
  },

  program(d, reader, s): Program {
    const source = reader.source;
    const program: Program = {
      name: text(d, s.name),
      manager: reference(d, s.manager, source),
      portfolioRef: reference(d, s.portfolio, source),
      parentPortfolio: undefined,
      goal: text(d, s.goal),
      budget: number(d, s.budget, 0),
      currency: textField(d, s.currency),
      start: day(d, s.start),
      end: day(d, s.end),
      health: oneOf(d, s.health, healthValues),
      statusDate: day(d, s.status_date),
      benefits: madeList<Benefit>(d, s.benefits),
      milestones: none,
      risks: none,
      issues: none,
      inlineProjects: none,
      portfolio: undefined,
      projects: [],
      kind: 'program',
      source,
      span: [d.start, d.end],
      id: id(d, s.id, source),
      anchor: anchor(d, s.id),
      invalid: noneInvalid,
    };
    withChildren(d, s, program);
    const projects = madeList<Project>(d, s.projects);
    adopt(projects, program, 'parentProgram');
    (program as { inlineProjects: readonly Project[] }).inlineProjects = projects;
    return program;
  },

  project(d, reader, s): Project {
    const source = reader.source;
    const project: Project = {
      name: text(d, s.name),
      programRef: reference(d, s.program, source),
      parentProgram: undefined,
      manager: reference(d, s.manager, source),
      start: day(d, s.start),
      end: day(d, s.end),
      duration: duration(d, s.duration),
      dependsOn: references(d, s.depends_on, source),
      budget: number(d, s.budget, 0),
      spent: number(d, s.spent, 0),
      progress: number(d, s.progress, 0, 100),
      state: oneOf(d, s.state, projectStates),
      health: oneOf(d, s.health, healthValues),
      baseline: made<Baseline>(d, s.baseline),
      benefits: madeList<Benefit>(d, s.benefits),
      milestones: none,
      risks: none,
      issues: none,
      team: madeList<TeamEntry>(d, s.team),
      tags: listOr(references(d, s.tags, source).map((tag) => tag.name)),
      program: undefined,
      placedBy: undefined,
      position: -1,
      kind: 'project',
      source,
      span: [d.start, d.end],
      id: id(d, s.id, source),
      anchor: anchor(d, s.id),
      invalid: noneInvalid,
    };
    withChildren(d, s, project);
    return project;
  },

  baseline(d, _reader, s): Baseline {
    return { start: day(d, s.start), end: day(d, s.end), budget: number(d, s.budget, 0) };
  },

  teamEntry(d, reader, s): TeamEntry {
    const person = reference(d, s.person, reader.source);
    const allocation = numberValue(d, s.allocation, 0, 100) ?? 100;
    // read.ts leaves out an entry without a person; the schema requires one that names an id.
    return person ? { person, allocation } : giveUp();
  },

  benefit(d, _reader, s): Benefit {
    return { name: text(d, s.name), value: numberValue(d, s.value, 0, Infinity) ?? 0, realized: numberValue(d, s.realized, 0, Infinity) };
  },

  milestone(d, reader, s): Milestone {
    const source = reader.source;
    return {
      name: text(d, s.name),
      date: day(d, s.date),
      done: bool(d, s.done) ?? false,
      dependsOn: references(d, s.depends_on, source),
      parent: undefined as unknown as Program,
      placedBy: undefined,
      position: -1,
      kind: 'milestone',
      source,
      span: [d.start, d.end],
      id: id(d, s.id, source),
      anchor: anchor(d, s.id),
      invalid: noneInvalid,
    };
  },

  risk(d, reader, s): Risk {
    const source = reader.source;
    const mitigation = text(d, s.mitigation);
    return {
      title: text(d, s.title),
      likelihood: integer(d, s.likelihood, 1, 5),
      impact: integer(d, s.impact, 1, 5),
      mitigation: mitigation?.trim() ? mitigation : undefined,
      owner: reference(d, s.owner, source),
      open: oneOf(d, s.state, openOrClosed)?.value !== 'closed',
      parent: undefined as unknown as Program,
      kind: 'risk',
      source,
      span: [d.start, d.end],
      id: id(d, s.id, source),
      anchor: anchor(d, s.id),
      invalid: noneInvalid,
    };
  },

  issue(d, reader, s): Issue {
    const source = reader.source;
    return {
      title: text(d, s.title),
      severity: oneOf(d, s.severity, issueSeverities)?.value,
      owner: reference(d, s.owner, source),
      open: oneOf(d, s.state, openOrClosed)?.value !== 'closed',
      raised: day(d, s.raised),
      due: day(d, s.due),
      parent: undefined as unknown as Program,
      kind: 'issue',
      source,
      span: [d.start, d.end],
      id: id(d, s.id, source),
      anchor: anchor(d, s.id),
      invalid: noneInvalid,
    };
  },

  person(d, reader, s): Person {
    const personId = id(d, s.id, reader.source) ?? giveUp();
    return {
      name: text(d, s.name),
      role: text(d, s.role),
      capacity: numberValue(d, s.capacity, 0, Infinity) ?? 100,
      kind: 'person',
      source: reader.source,
      span: [d.start, d.end],
      id: personId,
      anchor: anchor(d, s.id),
      invalid: noneInvalid,
    };
  },
};

// ---- A document's lists, in the order read.ts fills them (each entity, then what it holds) ----

function addPortfolio(model: DocumentModel, portfolio: Portfolio): void {
  model.entities.push(portfolio);
  for (const program of portfolio.inlinePrograms) addProgram(model, program);
  model.portfolios.push(portfolio);
}

function addProgram(model: DocumentModel, program: Program): void {
  model.entities.push(program);
  addChildren(model, program);
  for (const project of program.inlineProjects) addProject(model, project);
  model.programs.push(program);
}

function addProject(model: DocumentModel, project: Project): void {
  model.entities.push(project);
  addChildren(model, project);
  model.projects.push(project);
}

function addChildren(model: DocumentModel, parent: Program | Project): void {
  for (const milestone of parent.milestones) {
    model.entities.push(milestone);
    model.milestones.push(milestone);
  }
  for (const risk of parent.risks) {
    model.entities.push(risk);
    model.risks.push(risk);
  }
  for (const issue of parent.issues) {
    model.entities.push(issue);
    model.issues.push(issue);
  }
}

// ---- The kinds, from plan.schema.json ----

/** Keywords that never make a value invalid (as treeSchema.ts counts them). */
const inert = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'definitions']);

type SchemaPart = Readonly<Record<string, unknown>>;

/** The definition a part is a bare `$ref` to (annotations aside), if it is one. */
function refTo(part: SchemaPart): string | undefined {
  const keys = Object.keys(part).filter((k) => !inert.has(k));
  const ref = part.$ref;
  return keys.length === 1 && typeof ref === 'string' && ref.startsWith('#/definitions/') ? ref.slice(14) : undefined;
}

/** What `{ type: array, items: { $ref } }` lists (annotations aside), if a part is that. */
function listOf(part: SchemaPart): string | undefined {
  const keys = Object.keys(part).filter((k) => !inert.has(k));
  const items = part.items as SchemaPart | undefined;
  return keys.length === 2 && part.type === 'array' && items !== null && typeof items === 'object' ? refTo(items) : undefined;
}

/**
 * The kinds, each from its schema: an object of `properties` whose other keys are exactly the `x-` ones
 * (`patternProperties: { "^x-": {} }`, `additionalProperties: false`). A definition of another shape
 * is not read in one pass (a test checks that every kind is).
 */
function kindsOf(schema: SchemaPart): Record<string, Kind> {
  const definitions = schema.definitions as Record<string, SchemaPart>;
  const parts: Record<string, SchemaPart> = { document: schema };
  for (const name of Object.keys(builders)) if (name !== 'document') parts[name] = definitions[name];
  const kinds: Record<string, Kind> = {};
  const readable = (part: SchemaPart | undefined): part is SchemaPart => {
    if (!part) return false;
    const keys = Object.keys(part).filter((k) => !inert.has(k));
    const x = part.patternProperties as SchemaPart | undefined;
    return (
      keys.every((k) => ['type', 'properties', 'patternProperties', 'additionalProperties', 'required'].includes(k)) &&
      part.type === 'object' && part.additionalProperties === false &&
      x !== undefined && Object.keys(x).length === 1 && JSON.stringify(x['^x-']) === '{}'
    );
  };
  for (const [name, part] of Object.entries(parts)) {
    if (!readable(part)) continue;
    const slots: Record<string, number> = {};
    Object.keys((part.properties ?? {}) as SchemaPart).forEach((key, slot) => (slots[key] = slot));
    if (Object.keys(slots).length > 31) continue;
    const requiredKeys = (part.required ?? []) as string[];
    // A required key that is not a property: the schema can never be met.
    if (!requiredKeys.every((key) => key in slots)) continue;
    const required = requiredKeys.reduce((bits, key) => bits | (1 << slots[key]), 0);
    const build = builders[name];
    kinds[name] = { rules: new Map(), required, slots, build: (d, reader) => build(d, reader, slots) };
  }
  for (const [name, kind] of Object.entries(kinds)) {
    for (const [key, sub] of Object.entries(parts[name].properties as Record<string, SchemaPart>)) {
      const slot = kind.slots[key];
      const listed = listOf(sub);
      const single = refTo(sub);
      const target = listed ?? single;
      const of = target === undefined ? undefined : kinds[target];
      if (of) kind.rules.set(key, { slot, check: acceptAll, of, list: listed !== undefined });
      // A mapping of a kind that is not read in one pass: given up on where it is met.
      else if (target !== undefined && target in builders) kind.rules.set(key, { slot, check: rejectAll, of: undefined, list: false });
      else kind.rules.set(key, { slot, check: planCheckOf(sub), of: undefined, list: false });
    }
  }
  return kinds;
}

const acceptAll: Check = () => true;
const rejectAll: Check = () => false;

export const kinds = kindsOf(planSchema as SchemaPart);

/** For a test: the kinds the schema has that this reader cannot read (none, as the schema stands). */
export function unreadKinds(): string[] {
  return Object.keys(builders).filter((name) => !kinds[name]);
}
