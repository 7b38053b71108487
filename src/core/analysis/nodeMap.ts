/**
 * A map from the index's projects and milestones to one analysis's values, kept in an array by each
 * node's position in the index. The schedule, forecast and rollup each fill several of these for all
 * 10,000 projects of a large workspace on every analysis: growing a `Map` that size costs a rehash
 * and a hash-table entry per set, where this costs one lookup of the position (built once per index,
 * and kept while edits change values only). Reads as any `ReadonlyMap`, iterating in index order.
 */
import type { Milestone, Project } from '../model/entities';

export type Node = Project | Milestone;

/** Where each project and milestone of an index is: projects first, then milestones, in workspace order. */
export interface NodePositions {
  readonly nodes: readonly Node[];
  /** Each node's position, made the first time a node placed by a later numbering is looked up here. */
  readonly positionOf: ReadonlyMap<Node, number>;
}

/**
 * Numbers the nodes. Each node also keeps its number and this numbering (`Placed`), so that a lookup by
 * a numbering that placed the node last is two property reads; a lookup by an older numbering (an earlier
 * index still read after the ids changed) finds it in `positionOf`, a map made only then: an analysis
 * numbers 20,000 nodes and almost never reads an older numbering.
 */
export function nodePositions(projects: readonly Project[], milestones: readonly Milestone[]): NodePositions {
  const nodes: Node[] = [...projects, ...milestones];
  const positions = new Positions(nodes);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    node.placedBy = positions;
    node.position = i;
  }
  return positions;
}

class Positions implements NodePositions {
  private map: Map<Node, number> | undefined;

  constructor(readonly nodes: readonly Node[]) {}

  get positionOf(): ReadonlyMap<Node, number> {
    if (this.map === undefined) {
      const { nodes } = this;
      this.map = new Map();
      for (let i = 0; i < nodes.length; i++) this.map.set(nodes[i], i);
    }
    return this.map;
  }
}

/** The position of `node` in `positions`, or undefined if that numbering does not hold it. */
export function positionIn(positions: NodePositions, node: Node): number | undefined {
  return node.placedBy === positions ? node.position : positions.positionOf.get(node);
}

/** A map an analysis fills and an edit updates: a `Map` or a `NodeMap`. */
export interface WritableMap<K, V> extends ReadonlyMap<K, V> {
  set(key: K, value: V): this;
  delete(key: K): boolean;
}

const absent: unique symbol = Symbol('absent');

export class NodeMap<K extends Node, V> implements WritableMap<K, V> {
  private readonly values_: Array<V | typeof absent>;
  private count = 0;

  constructor(private readonly positions: NodePositions) {
    this.values_ = new Array<V | typeof absent>(positions.nodes.length).fill(absent);
  }

  get size(): number {
    return this.count;
  }

  get(key: K): V | undefined {
    const at = positionIn(this.positions, key);
    if (at === undefined) return undefined;
    const value = this.values_[at];
    return value === absent ? undefined : value;
  }

  has(key: K): boolean {
    const at = positionIn(this.positions, key);
    return at !== undefined && this.values_[at] !== absent;
  }

  /** Sets the value of a node of the index; a node the index does not hold is a programming error. */
  set(key: K, value: V): this {
    const at = positionIn(this.positions, key);
    if (at === undefined) throw new Error(`NodeMap: ${key.kind} '${key.id ?? '?'}' is not in the index`);
    if (this.values_[at] === absent) this.count++;
    this.values_[at] = value;
    return this;
  }

  /** The value of the node at `position` of the index (for loops over the index's own order). */
  at(position: number): V | undefined {
    const value = this.values_[position];
    return value === absent ? undefined : value;
  }

  /** Sets the value of the node at `position` of the index, which must be a K. */
  setAt(position: number, value: V): void {
    if (this.values_[position] === absent) this.count++;
    this.values_[position] = value;
  }

  delete(key: K): boolean {
    const at = positionIn(this.positions, key);
    if (at === undefined || this.values_[at] === absent) return false;
    this.values_[at] = absent;
    this.count--;
    return true;
  }

  *entries(): MapIterator<[K, V]> {
    const { nodes } = this.positions;
    for (let i = 0; i < nodes.length; i++) {
      const value = this.values_[i];
      if (value !== absent) yield [nodes[i] as K, value];
    }
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
