/** Where an entity or a value is written, as a diagnostic, a `file:line:col` text or a 0-based position. */
import { severityOf, type DiagnosticCode } from '../base/codes';
import type { DiagnosticAbout, DiagnosticData, PlanDiagnostic } from '../base/diagnostic';
import { toOneBased, type Position, type Span } from '../base/positions';
import { entriesOf, type MapNode, type YamlNode } from '../syntax/nodes';
import type { Entity, Source } from './entities';

/** A problem at a span of an entity's source. */
export function diagnosticAt(source: Source, span: Span, code: DiagnosticCode, message: string, data?: DiagnosticData, about?: DiagnosticAbout): PlanDiagnostic {
  const diagnostic: { -readonly [K in keyof PlanDiagnostic]: PlanDiagnostic[K] } = {
    file: source.file.path,
    range: source.file.lines.rangeOf(span),
    severity: severityOf(code),
    code,
    message,
  };
  if (data) diagnostic.data = data;
  if (about) diagnostic.about = about;
  return diagnostic;
}

/** `file:line:col` (1-based), for messages that point at another place. */
export function locationText(source: Source, span: Span): string {
  const { line, column } = toOneBased(source.file.lines.positionAt(span[0]));
  return `${source.file.path}:${line}:${column}`;
}

/** Where an entity is defined: its file path and the 0-based position of its id (or first key). */
export function entityPosition(entity: Entity): { file: string } & Position {
  const position = entity.source.file.lines.positionAt(entity.anchor[0]);
  return { file: entity.source.file.path, line: position.line, character: position.character };
}

/**
 * The mapping an entity is read from, in its file's tree (read again from the text when the tree was let
 * go): the node that starts and ends where the entity does, found by descending through the nodes that
 * hold its start.
 */
export function entityNode(entity: Entity): MapNode {
  const [start, end] = entity.span;
  let node = entity.source.file.documents[entity.source.document]?.root;
  while (node) {
    if (node.kind === 'map' && node.start === start && node.end === end) return node;
    const children: readonly YamlNode[] = node.kind === 'map' ? entriesOf(node).map((entry) => entry.value) : node.kind === 'seq' ? node.items : [];
    node = children.find((child) => child.start <= start && end <= child.end);
  }
  throw new Error(`${entity.source.file.path}: the ${entity.kind} ${entity.id ?? ''} is not where it was read`);
}
