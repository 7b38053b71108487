/**
 * What the exports are written from (SPEC 12): the index, the schedule and the status date — an
 * `Analysis` is one, and so is the cheaper `PlanWorkspace.scheduleWithErrors` the CLI uses. A project's
 * state and a program's span are worked out here as the rollup works them out (rollup.ts: `earnedValue`
 * and `rollupProgram`), so an export needs no rollup; test/unit/errors.test.ts holds them to it.
 */
import type { Day } from '../base/dates';
import type { Analysis } from '../analysis/workspace';
import type { RollupResult } from '../analysis/rollup';
import { effectiveState } from '../analysis/rules';
import type { Program, Project, ProjectState } from '../model/entities';

export type ExportFigures = Pick<Analysis, 'index' | 'schedule'> & { readonly rollup: Pick<RollupResult, 'statusDate'> };

/** The state of a project: as written, else from its progress and scheduled start at the status date. */
export function projectState(project: Project, figures: ExportFigures): ProjectState {
  return effectiveState(project, figures.schedule.dates.get(project)?.start, figures.rollup.statusDate);
}

/** A program's span: from the first to the last day of its projects that are not cancelled, its and their milestones. */
export function programSpan(program: Program, figures: ExportFigures): { start: Day | null; end: Day | null } {
  let start: Day | null = null;
  let end: Day | null = null;
  const add = (from: Day | undefined, to: Day | undefined) => {
    if (from !== undefined && (start === null || from < start)) start = from;
    if (to !== undefined && (end === null || to > end)) end = to;
  };
  for (const milestone of program.milestones) add(milestone.date?.value, milestone.date?.value);
  for (const project of program.projects) {
    if (projectState(project, figures) === 'cancelled') continue;
    const dates = figures.schedule.dates.get(project);
    add(dates?.start, dates?.end);
    for (const milestone of project.milestones) add(milestone.date?.value, milestone.date?.value);
  }
  return { start, end };
}
