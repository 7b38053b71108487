/** Core ranges (0-based, like VS Code's; see core/base/positions.ts) and diagnostics as VS Code types, in one place. */
import * as vscode from 'vscode';
import type { ParsedFile, PlanDiagnostic, Range, Span } from '../core';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function spanToRange(file: ParsedFile, span: Span): vscode.Range {
  return toRange(file.lines.rangeOf(span));
}

const severities = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
} as const;

/** Diagnostics keep their quick-fix data alongside (vscode.Diagnostic has no field for it). */
export const diagnosticData = new WeakMap<vscode.Diagnostic, NonNullable<PlanDiagnostic['data']>>();

/** `uriOf` turns the core's file paths into URIs, for the related places (other team entries of an overallocation). */
export function toDiagnostic(d: PlanDiagnostic, uriOf?: (file: string) => vscode.Uri | undefined): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, severities[d.severity]);
  diagnostic.source = 'plan-as-code';
  diagnostic.code = d.code;
  if (d.data) diagnosticData.set(diagnostic, d.data);
  if (d.related && uriOf) {
    const related = d.related.flatMap((r) => {
      const uri = uriOf(r.file);
      return uri ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message)] : [];
    });
    if (related.length > 0) diagnostic.relatedInformation = related;
  }
  return diagnostic;
}
