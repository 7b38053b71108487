/**
 * The located tree that both YAML readers build (the fast reader and the full parser): for every value
 * its span and, for mapping entries, the span of the key, so later stages can report on the narrowest
 * range. Values follow the YAML 1.2 core schema: dates stay strings.
 */
import type { LineIndex, Span } from '../base/positions';
import type { PlanDiagnostic } from '../base/diagnostic';

/** Where a node is written: its offsets, and the span they make (a new array each time it is asked for). */
interface NodePlace {
  readonly start: number;
  readonly end: number;
  readonly span: Span;
}
export interface ScalarNode extends NodePlace {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
}
export interface SeqNode extends NodePlace {
  readonly kind: 'seq';
  readonly items: readonly YamlNode[];
}
export interface MapEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly keySpan: Span;
  readonly value: YamlNode;
}
export interface MapNode extends NodePlace {
  readonly kind: 'map';
  /** First entry per key (YAML duplicates are a syntax error, reported by the parser). */
  readonly entries: ReadonlyMap<string, MapEntry>;
}
export type YamlNode = ScalarNode | SeqNode | MapNode;

/*
 * The classes both readers build the tree with. A large workspace has hundreds of thousands of nodes, kept
 * as long as their file: each holds its offsets as two numbers (no array per span, made only when asked
 * for), its kind on the prototype, and a mapping its entries in one array (`Entries`), not a `Map`.
 */

/*
 * Fields are `declare`d and assigned in the constructors: the build's target (ES2022) would otherwise
 * define each field on every node before the constructor assigns it, a slower way to make an object.
 */

/** Where a node stands in its text: two offsets, the span made only when asked for. */
abstract class Located {
  declare readonly start: number;
  declare readonly end: number;
  constructor(start: number, end: number) {
    this.start = start;
    this.end = end;
  }
  get span(): Span {
    return [this.start, this.end];
  }
  /** The node as JSON: its kind, what it holds, its span. */
  toJSON(): object {
    const node = this as unknown as YamlNode;
    const held = node.kind === 'scalar' ? { value: node.value } : node.kind === 'seq' ? { items: node.items } : { entries: [...node.entries.values()] };
    return { kind: node.kind, ...held, span: this.span };
  }
}

export class Scalar extends Located implements ScalarNode {
  declare readonly kind: 'scalar';
  declare readonly value: string | number | boolean | null;
  constructor(value: string | number | boolean | null, start: number, end: number) {
    super(start, end);
    this.value = value;
  }
}

export class Seq extends Located implements SeqNode {
  declare readonly kind: 'seq';
  declare readonly items: readonly YamlNode[];
  constructor(items: readonly YamlNode[], start: number, end: number) {
    super(start, end);
    this.items = items;
  }
}

export class MapOf extends Located implements MapNode {
  declare readonly kind: 'map';
  declare readonly entries: Entries;
  constructor(entries: Entries, start: number, end: number) {
    super(start, end);
    this.entries = entries;
  }
}

// The kind on the prototype: one word shared by every node of a class, not a field of each.
for (const [node, kind] of [[Scalar, 'scalar'], [Seq, 'seq'], [MapOf, 'map']] as const) Object.defineProperty(node.prototype, 'kind', { value: kind });

export class Entry implements MapEntry {
  declare readonly key: string;
  declare readonly keyStart: number;
  declare readonly keyEnd: number;
  declare readonly value: YamlNode;
  constructor(key: string, keyStart: number, keyEnd: number, value: YamlNode) {
    this.key = key;
    this.keyStart = keyStart;
    this.keyEnd = keyEnd;
    this.value = value;
  }
  get keySpan(): Span {
    return [this.keyStart, this.keyEnd];
  }
  toJSON(): object {
    return { key: this.key, keySpan: this.keySpan, value: this.value };
  }
}

/** Above this many keys a mapping also keeps a `Map` from key to entry; below, a scan of the array is as fast. */
const indexFrom = 24;

/** The entries of a mapping, in order, first entry per key: a `ReadonlyMap` kept in one array. */
export class Entries implements ReadonlyMap<string, MapEntry> {
  declare private readonly list: MapEntry[];
  declare private index: Map<string, MapEntry> | undefined;

  /** `list`: entries with distinct keys, taken over (the fast reader hands over an array of the exact size). */
  constructor(list: MapEntry[] = []) {
    this.list = list;
    this.index = list.length >= indexFrom ? new Map(list.map((e) => [e.key, e])) : undefined;
  }

  /** Adds an entry unless its key is there already; false when it was. */
  add(entry: MapEntry): boolean {
    if (this.has(entry.key)) return false;
    this.list.push(entry);
    if (this.index) this.index.set(entry.key, entry);
    else if (this.list.length >= indexFrom) this.index = new Map(this.list.map((e) => [e.key, e]));
    return true;
  }

  get size(): number {
    return this.list.length;
  }

  /** The entries in order, as the array they are kept in (read it, never change it). */
  get all(): readonly MapEntry[] {
    return this.list;
  }

  get(key: string): MapEntry | undefined {
    if (this.index) return this.index.get(key);
    const list = this.list;
    for (let i = 0; i < list.length; i++) if (list[i].key === key) return list[i];
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  *entries(): MapIterator<[string, MapEntry]> {
    for (const entry of this.list) yield [entry.key, entry];
  }

  *keys(): MapIterator<string> {
    for (const entry of this.list) yield entry.key;
  }

  values(): MapIterator<MapEntry> {
    return this.list.values();
  }

  [Symbol.iterator](): MapIterator<[string, MapEntry]> {
    return this.entries();
  }

  forEach(callback: (value: MapEntry, key: string, map: ReadonlyMap<string, MapEntry>) => void, thisArg?: unknown): void {
    for (const entry of this.list) callback.call(thisArg, entry, entry.key, this);
  }

  get [Symbol.toStringTag](): string {
    return 'Entries';
  }
}

export interface PlanDocument {
  /** 0-based position of the document in its file. */
  readonly index: number;
  readonly root: YamlNode | undefined;
  readonly span: Span;
  /** True when the YAML has errors the reader could not recover from: the tree is the parser's best effort. */
  readonly broken: boolean;
  /**
   * Mappings that had a line the reader could not read (recovery.ts), with the keys those lines were
   * meant to give ('*' when unknown): their values are unknown, not absent.
   */
  readonly damage: ReadonlyMap<MapNode, ReadonlySet<string>>;
  /** The values YAML aliases repeat (the fast reader reads no alias): an edit inside one changes its repeats too. */
  readonly aliased: readonly AliasedValue[];
}

/** A value written once with an anchor (`&p 40`) and repeated by an alias (`*p`): both places. */
export interface AliasedValue {
  readonly value: Span;
  readonly alias: Span;
}

export const noAliases: readonly AliasedValue[] = [];

/** What the model must not read from a document (SPEC 6: a value the schema rejects is not used further). */
export interface Rejected {
  /** Values the schema rejects. */
  readonly values: ReadonlySet<YamlNode>;
  /** Per mapping, keys whose value is unknown: written misspelt (as an unknown key), or on a line that could not be read. */
  readonly keys: ReadonlyMap<MapNode, ReadonlySet<string>>;
}

export const nothingRejected: Rejected = { values: new Set(), keys: new Map() };

/** The damage of a document read without trouble. */
export const noDamage: ReadonlyMap<MapNode, ReadonlySet<string>> = new Map();

export type ParsedFile = Readonly<{
  path: string;
  text: string;
  lines: LineIndex;
  documents: readonly PlanDocument[];
  /** yaml-syntax (and read-limit) diagnostics. */
  diagnostics: readonly PlanDiagnostic[];
}>;

export type ParseLimits = Readonly<{
  /** Largest file read, in UTF-16 code units (≈ bytes for plan text). */
  maxFileSize: number;
  /** Most values an alias may expand to, per document. */
  maxAliasExpansion: number;
  /** Deepest nesting read. */
  maxDepth: number;
  /** Try the fast reader first (off only to compare the two in tests). */
  fast?: boolean;
}>;

export const defaultParseLimits: ParseLimits = { maxFileSize: 5 * 1024 * 1024, maxAliasExpansion: 10_000, maxDepth: 64 };

/** The entries of a mapping in order, without an iterator (both readers keep them in `Entries`). */
/**
 * A scalar that names something (an id, a name) as it is written: a string as read; a number YAML read
 * from `id: 2026` as its text (`0x1F`, `1.10`); an alias (`*x`) as the value it repeats.
 */
export function writtenName(text: string, value: string | number | boolean, start: number, end: number): string {
  if (typeof value === 'string') return value;
  const written = text.slice(start, end);
  return written.startsWith('*') ? String(value) : written;
}

export function entriesOf(node: MapNode): readonly MapEntry[] {
  return node.entries instanceof Entries ? node.entries.all : [...node.entries.values()];
}

/** The plain JSON value of a node, for schema validation. */
export function toPlain(node: YamlNode | undefined): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const result: Record<string, unknown> = {};
      for (const entry of node.entries.values()) result[entry.key] = toPlain(entry.value);
      return result;
    }
  }
}

/** The node at a JSON pointer (as Ajv reports `instancePath`), with the key span of its entry. */
export function nodeAtPointer(root: YamlNode | undefined, pointer: string): { node: YamlNode; keySpan?: Span } | undefined {
  if (!root) return undefined;
  let node: YamlNode = root;
  let keySpan: Span | undefined;
  if (pointer === '') return { node };
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node.kind === 'map') {
      const entry = node.entries.get(segment);
      if (!entry) return undefined;
      node = entry.value;
      keySpan = entry.keySpan;
    } else if (node.kind === 'seq') {
      const item: YamlNode | undefined = node.items[Number(segment)];
      if (!item) return undefined;
      node = item;
      keySpan = undefined;
    } else {
      return undefined;
    }
  }
  return { node, keySpan };
}
