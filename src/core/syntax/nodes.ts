/**
 * The located tree that both YAML readers build (the fast reader and the full parser): for every value
 * its span and, for mapping entries, the span of the key, so later stages can report on the narrowest
 * range. Values follow the YAML 1.2 core schema: dates stay strings.
 */
import type { LineIndex, Span } from '../base/positions';
import type { PlanDiagnostic } from '../base/diagnostic';

export interface ScalarNode {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly span: Span;
}
export interface SeqNode {
  readonly kind: 'seq';
  readonly items: readonly YamlNode[];
  readonly span: Span;
}
export interface MapEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: YamlNode;
}
export interface MapNode {
  readonly kind: 'map';
  /** First entry per key (YAML duplicates are a syntax error, reported by the parser). */
  readonly entries: ReadonlyMap<string, MapEntry>;
  readonly span: Span;
}
export type YamlNode = ScalarNode | SeqNode | MapNode;

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
}

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
      for (const [key, entry] of node.entries) result[key] = toPlain(entry.value);
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
