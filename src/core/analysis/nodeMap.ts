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
  /** How many of the nodes are projects (positions 0 to projectCount − 1; milestones after them). */
  readonly projectCount: number;
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
  const positions = new Positions(nodes, projects.length);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    node.placedBy = positions;
    node.position = i;
  }
  return positions;
}

class Positions implements NodePositions {
  private map: Map<Node, number> | undefined;

  constructor(
    readonly nodes: readonly Node[],
    readonly projectCount: number,
  ) {}

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

/**
 * A map from the nodes of an index to values kept by position: the base of NodeMap (a value per node in
 * an array) and of the schedule's and forecast's columns (each figure in a column of numbers, issue 22:
 * 10,000 small objects per analysis, alive as long as it is, are what the garbage collector copies).
 * A subclass says where a value is kept; this class finds the position, counts and iterates.
 */
export abstract class PositionedMap<K extends Node, V> implements WritableMap<K, V> {
  private count = 0;

  constructor(protected readonly positions: NodePositions) {}

  /** Whether the node at `position` has a value. */
  protected abstract holds(position: number): boolean;
  /** The value of the node at `position`, which has one. */
  protected abstract read(position: number): V;
  /** Keeps `value` for the node at `position`. */
  protected abstract write(position: number, value: V): void;
  /** Forgets the value of the node at `position`, which has one. */
  protected abstract clear(position: number): void;

  get size(): number {
    return this.count;
  }

  /** The position of `key` when it has a value, else −1: what the columns' own readers start from. */
  protected held(key: K): number {
    const at = positionIn(this.positions, key);
    return at !== undefined && this.holds(at) ? at : -1;
  }

  get(key: K): V | undefined {
    const at = this.held(key);
    return at < 0 ? undefined : this.read(at);
  }

  has(key: K): boolean {
    return this.held(key) >= 0;
  }

  /** Sets the value of a node of the index; a node the index does not hold is a programming error. */
  set(key: K, value: V): this {
    this.write(this.claim(key), value);
    return this;
  }

  /**
   * The position of `key`, counted as holding a value from now on, which the caller then writes: for a
   * subclass that fills its columns without making a V. A node the index does not hold is a programming error.
   */
  protected claim(key: K): number {
    const at = positionIn(this.positions, key);
    if (at === undefined) throw new Error(`${this.constructor.name}: ${key.kind} '${key.id ?? '?'}' is not in the index`);
    if (!this.holds(at)) this.count++;
    return at;
  }

  /** Sets the value of the node at `position` of the index, which must be a K. */
  setAt(position: number, value: V): void {
    if (!this.holds(position)) this.count++;
    this.write(position, value);
  }

  /** The value of the node at `position` of the index (for loops over the index's own order). */
  at(position: number): V | undefined {
    return this.holds(position) ? this.read(position) : undefined;
  }

  delete(key: K): boolean {
    const at = this.held(key);
    if (at < 0) return false;
    this.clear(at);
    this.count--;
    return true;
  }

  *entries(): MapIterator<[K, V]> {
    const { nodes } = this.positions;
    for (let i = 0; i < nodes.length; i++) if (this.holds(i)) yield [nodes[i] as K, this.read(i)];
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

const absent: unique symbol = Symbol('absent');

/** Any value per node, in one array by position. */
export class NodeMap<K extends Node, V> extends PositionedMap<K, V> {
  private readonly values_: Array<V | typeof absent>;

  constructor(positions: NodePositions) {
    super(positions);
    this.values_ = new Array<V | typeof absent>(positions.nodes.length).fill(absent);
  }

  protected holds(position: number): boolean {
    return this.values_[position] !== absent;
  }

  protected read(position: number): V {
    return this.values_[position] as V;
  }

  protected write(position: number, value: V): void {
    this.values_[position] = value;
  }

  protected clear(position: number): void {
    this.values_[position] = absent;
  }
}

/** A number per project (never NaN), in one column by the project's position in the index. */
export class ProjectNumbers extends PositionedMap<Project, number> {
  /** NaN: none. Projects come first in the index: a row for each. */
  private readonly values_: Float64Array;

  constructor(positions: NodePositions) {
    super(positions);
    this.values_ = dayColumn(positions.projectCount);
  }

  protected holds(position: number): boolean {
    // NaN is never equal to itself; a position past the projects reads undefined.
    const value = this.values_[position];
    return value === value && value !== undefined;
  }

  protected read(position: number): number {
    return this.values_[position];
  }

  protected write(position: number, value: number): void {
    this.values_[position] = value;
  }

  protected clear(position: number): void {
    this.values_[position] = NaN;
  }
}

/**
 * A column of `length` days or figures, each NaN (unknown) to begin with: what the schedule's and the
 * forecast's columns are made of (a JS array of that length is a dictionary until filled, and filling
 * one by push cost 3 ms per analysis for the thirteen columns of 10,000 projects; typed: 0.7 ms).
 */
export function dayColumn(length: number): Float64Array {
  return new Float64Array(length).fill(NaN);
}

/** A column of `length` small whole numbers (kinds, positions), each −1 to begin with. */
export function codeColumn(length: number): Int32Array {
  return new Int32Array(length).fill(-1);
}
