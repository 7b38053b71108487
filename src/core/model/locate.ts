/** Where an entity or a value is written, as a diagnostic, a `file:line:col` text or a 0-based position. */
import { severityOf, type DiagnosticCode } from '../base/codes';
import type { DiagnosticData, PlanDiagnostic } from '../base/diagnostic';
import { toOneBased, type Position, type Span } from '../base/positions';
import type { Entity, Source } from './entities';

/** A problem at a span of an entity's source. */
export function diagnosticAt(source: Source, span: Span, code: DiagnosticCode, message: string, data?: DiagnosticData): PlanDiagnostic {
  const diagnostic: { -readonly [K in keyof PlanDiagnostic]: PlanDiagnostic[K] } = {
    file: source.file.path,
    range: source.file.lines.rangeOf(span),
    severity: severityOf(code),
    code,
    message,
  };
  if (data) diagnostic.data = data;
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
