/**
 * What is written where: id definitions and references by position, for go to definition, references,
 * rename, hover and completion. Offsets are into the file text as the core parsed it (no BOM).
 */
import { writtenReferences, type PlanIndex, type ResolvedReference } from '../analysis/planIndex';
import type { Analysis } from '../analysis/workspace';
import type { Span } from '../base/positions';
import type { Entity, EntityKind, Reference } from '../model/entities';
import type { ParsedFile } from '../syntax/nodes';

export interface Occurrence {
  readonly id: string;
  readonly file: ParsedFile;
  readonly span: Span;
  /** The entity the id names (the first definition when duplicated), if any. */
  readonly entity: Entity | undefined;
  readonly isDefinition: boolean;
}

/** Every definition and reference of ids in a file, in text order. */
export function occurrencesInFile(analysis: Analysis, path: string): Occurrence[] {
  const written = writtenIn(analysis.index, path);
  const result: Occurrence[] = [];
  for (const [id, entity] of written.definitions) result.push({ id, file: entity.source.file, span: entity.anchor, entity, isDefinition: true });
  for (const { reference, target } of written.references) result.push(referenceOccurrence(reference, target));
  return result.sort((a, b) => a.span[0] - b.span[0]);
}

interface WrittenInFile {
  readonly definitions: Array<[string, Entity]>;
  readonly references: ResolvedReference[];
}

/**
 * The definitions and references of a file, found once per list of references of an index rather than on
 * every call (the semantic tokens, hover and completion ask again and again for the few files open). An
 * index outlives edits of values: the incremental analysis keeps it, and its entities and references,
 * updating their positions in place; spans are read at each call. An edit that names other ids in a
 * depends_on, a manager or an owner gives the index a new list of references: what is found is kept by
 * that list.
 */
const writtenByReferences = new WeakMap<readonly ResolvedReference[], Map<string, WrittenInFile>>();

function writtenIn(index: PlanIndex, path: string): WrittenInFile {
  const references = writtenReferences(index);
  let files = writtenByReferences.get(references);
  if (!files) writtenByReferences.set(references, (files = new Map()));
  let written = files.get(path);
  if (written) return written;
  written = { definitions: [], references: [] };
  // Every entity with an id is a definition of it (planIndex.ts).
  for (const entity of index.entities) if (entity.id !== undefined && entity.source.file.path === path) written.definitions.push([entity.id, entity]);
  for (const resolved of references) if (resolved.reference.source.file.path === path) written.references.push(resolved);
  files.set(path, written);
  return written;
}

/** The id definition or reference under an offset. */
export function occurrenceAt(analysis: Analysis, path: string, offset: number): Occurrence | undefined {
  return occurrencesInFile(analysis, path).find((o) => o.span[0] <= offset && offset <= o.span[1]);
}

/** Every place an id is written: its definitions, then its references (across files). */
export function occurrencesOf(analysis: Analysis, id: string): Occurrence[] {
  const definitions = (analysis.index.definitions.get(id) ?? []).map(
    (entity): Occurrence => ({ id, file: entity.source.file, span: entity.anchor, entity, isDefinition: true }),
  );
  const references = writtenReferences(analysis.index)
    .filter(({ reference }) => reference.name === id)
    .map(({ reference, target }) => referenceOccurrence(reference, target));
  // Each place once: a list reached through an alias (`depends_on: *deps`) is read again for every
  // entity that repeats it, with the same places — a rename would edit them twice.
  const seen = new Set<string>();
  return [...definitions, ...references].filter((o) => {
    const place = `${o.span[0]}:${o.span[1]}:${o.file.path}`;
    if (seen.has(place)) return false;
    seen.add(place);
    return true;
  });
}

function referenceOccurrence(reference: Reference, target: Entity | undefined): Occurrence {
  return { id: reference.name, file: reference.source.file, span: reference.span, entity: target, isDefinition: false };
}

/** Ids of the given kinds (for completion), first definitions only, in workspace order. */
export function idsOfKind(analysis: Analysis, kinds: readonly EntityKind[]): Entity[] {
  const result: Entity[] = [];
  for (const entities of analysis.index.definitions.values()) if (kinds.includes(entities[0].kind)) result.push(entities[0]);
  return result;
}

export const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
