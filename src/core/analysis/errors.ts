/**
 * The errors among the problems of an analysis, found without the checks that only warn (SPEC 6: the
 * codes of severity error). Errors come from the files (syntax, schema), the index (duplicate ids,
 * references), the schedule (cycles, unscheduled projects, dates that conflict) and a program's window;
 * the warnings need the rollup, the forecast and the people's loads, which this leaves out. For callers
 * that only need to know whether the plans pass (`import`) or the figures and whether to say the plans
 * have errors (`export`): `analyze` shows a subset of these (it leaves out follow-ons), so none here
 * means none there, and they analyse in full only when there are some.
 */
import type { PlanDiagnostic } from '../base/diagnostic';
import { programWindow } from './checks';
import { referenceProblems, type PlanIndex } from './planIndex';
import { projectDateChecks, type Schedule } from './schedule';

export function errorsOf(fileDiagnostics: Iterable<PlanDiagnostic>, index: PlanIndex, schedule: Schedule): PlanDiagnostic[] {
  const errors: PlanDiagnostic[] = [];
  const keep = (problems: Iterable<PlanDiagnostic>) => {
    for (const d of problems) if (d.severity === 'error') errors.push(d);
  };
  keep(fileDiagnostics);
  keep(index.duplicateDiagnostics);
  keep(schedule.cycleDiagnostics);
  for (const entity of index.entities) keep(referenceProblems(entity, index));
  for (const project of index.projects) keep(projectDateChecks(project, schedule));
  const window: PlanDiagnostic[] = [];
  for (const program of index.programs) programWindow(program, schedule, window);
  keep(window);
  return errors;
}
