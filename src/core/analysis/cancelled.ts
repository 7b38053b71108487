/**
 * Cancelled projects stop asking for attention (SPEC 5, "Cancelled projects (v3)"): no problem is
 * reported on a cancelled project or on anything it holds (its milestones, risks, issues, team entries)
 * except the structural ones that say the file itself is wrong. What they would have added above them
 * (sums, health, load, milestone forecasts) is left out where it is computed (rollup.ts, forecast.ts,
 * checks.ts); this leaves out what is reported on them.
 */
import type { DiagnosticCode } from '../base/codes';
import type { PlanDiagnostic } from '../base/diagnostic';
import type { Position } from '../base/positions';
import type { PlanIndex } from './planIndex';
import type { RollupResult } from './rollup';

/** The problems still reported on a cancelled project (SPEC 5). */
export const reportedOnCancelled: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'yaml-syntax', 'schema', 'duplicate-id', 'unknown-reference', 'dependency-cycle', 'unscheduled', 'date-conflict',
]);

export function withoutCancelledProblems(diagnostics: readonly PlanDiagnostic[], index: PlanIndex, rollup: RollupResult): PlanDiagnostic[] {
  const spans = new Map<string, Array<{ start: Position; end: Position }>>();
  for (const project of index.projects) {
    if (!rollup.projects.get(project)?.cancelled) continue;
    const { file } = project.source;
    const list = spans.get(file.path) ?? [];
    list.push({ start: file.lines.positionAt(project.node.span[0]), end: file.lines.positionAt(project.node.span[1]) });
    spans.set(file.path, list);
  }
  if (spans.size === 0) return [...diagnostics];
  return diagnostics.filter((d) => {
    if (reportedOnCancelled.has(d.code)) return true;
    const inside = spans.get(d.file)?.some(({ start, end }) => !before(d.range.start, start) && !before(end, d.range.start));
    return !inside;
  });
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
