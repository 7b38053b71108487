/**
 * Cancelled projects stop asking for attention (SPEC 5, "Cancelled projects (v3)"): no problem is
 * reported on a cancelled project or on anything it holds (its milestones, risks, issues, team entries)
 * except the structural ones that say the file itself is wrong. What they would have added above them
 * (sums, health, load, milestone forecasts) is left out where it is computed (rollup.ts, forecast.ts,
 * checks.ts); this leaves out what is reported on them, and a `dependency-violation` whose only cause is
 * a cancelled dependency (engine choice: work that will never be delivered is no dependency to wait for).
 */
import type { DiagnosticCode } from '../base/codes';
import type { PlanDiagnostic } from '../base/diagnostic';
import type { Position } from '../base/positions';
import type { Milestone, Project } from '../model/entities';
import type { PlanIndex } from './planIndex';
import type { RollupResult } from './rollup';
import { endOf, linksOf, type Schedule } from './schedule';

/** The problems still reported on a cancelled project (SPEC 5). */
export const reportedOnCancelled: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'yaml-syntax', 'schema', 'duplicate-id', 'unknown-reference', 'dependency-cycle', 'unscheduled', 'date-conflict',
]);

export function withoutCancelledProblems(diagnostics: readonly PlanDiagnostic[], index: PlanIndex, schedule: Schedule, rollup: RollupResult): PlanDiagnostic[] {
  const spans = new Map<string, Array<{ start: Position; end: Position }>>();
  const cancelled = (project: Project) => rollup.projects.get(project)?.cancelled === true;
  for (const project of index.projects) {
    if (!cancelled(project)) continue;
    const { file } = project.source;
    const list = spans.get(file.path) ?? [];
    list.push({ start: file.lines.positionAt(project.span[0]), end: file.lines.positionAt(project.span[1]) });
    spans.set(file.path, list);
  }
  if (spans.size === 0) return [...diagnostics];
  const moot = mootViolations(index, schedule, cancelled);
  return diagnostics.filter((d) => {
    if (d.code === 'dependency-violation' && moot.has(`${d.file}\u0000${d.range.start.line}:${d.range.start.character}`)) return false;
    if (reportedOnCancelled.has(d.code)) return true;
    const inside = spans.get(d.file)?.some(({ start, end }) => !before(d.range.start, start) && !before(end, d.range.start));
    return !inside;
  });
}

/** Where a dependency-violation is reported only because of cancelled dependencies (SPEC 4's two rules, on the start or the date). */
function mootViolations(index: PlanIndex, schedule: Schedule, cancelled: (project: Project) => boolean): Set<string> {
  const moot = new Set<string>();
  const gone = (target: Project | Milestone) => (target.kind === 'project' ? cancelled(target) : target.parent.kind === 'project' && cancelled(target.parent));
  const check = (node: Project | Milestone, day: number | undefined, span: readonly [number, number] | undefined, violates: (end: number) => boolean) => {
    if (day === undefined || span === undefined) return;
    let byCancelled = false;
    for (const { target } of linksOf(schedule, node)) {
      const end = endOf(target, schedule);
      if (end === undefined || !violates(end)) continue;
      if (!gone(target)) return;
      byCancelled = true;
    }
    if (!byCancelled) return;
    const position = node.source.file.lines.positionAt(span[0]);
    moot.add(`${node.source.file.path}\u0000${position.line}:${position.character}`);
  };
  for (const project of index.projects) check(project, project.start?.value, project.start?.span, (end) => project.start!.value <= end);
  for (const milestone of index.milestones) check(milestone, milestone.date?.value, milestone.date?.span, (end) => end > milestone.date!.value);
  return moot;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
