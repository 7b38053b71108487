/**
 * The workspace's projects as CSV (SPEC 12): one row per project with the import's columns, so that
 * `import` of it gives back the projects. Dates are the scheduled ones, written out.
 */
import { formatDay } from '../base/dates';
import type { ExportFigures } from './figures';
import { csvColumns } from './csvImport';
import type { ExportResult } from './mspdiExport';
import { yamlNumber } from './imported';

/** A CSV cell: quoted when it holds a separator, a quote or a line break; a leading =, +, - or @ is quoted too, so spreadsheets never run it. */
export function csvCell(text: string): string {
  // A spreadsheet runs a cell that starts with = + - @ (or a tab, a carriage return) as a formula: such a
  // cell is written after a `'` — but for a plain number (`-5`) — and so is one that starts with `'`
  // itself, so that import, which takes one `'` off, gives back what was written.
  const guarded = (/^[=+\-@\t\r']/.test(text) && !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) ? `'${text}` : text;
  return /[",;\n\r]/.test(guarded) || guarded !== text ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function exportCsv(analysis: ExportFigures): ExportResult {
  const notes: string[] = [];
  const { index, schedule } = analysis;
  const lines = [csvColumns.join(',')];
  const ids = new Set(index.projects.map((p) => p.id));
  let milestoneLinks = 0;
  for (const project of index.projects) {
    const dates = schedule.dates.get(project);
    const deps = project.dependsOn.map((d) => d.name).filter((d) => ids.has(d));
    milestoneLinks += project.dependsOn.length - deps.length;
    const cells: Record<(typeof csvColumns)[number], string> = {
      id: project.id ?? '',
      name: project.name ?? '',
      program: project.program?.id ?? project.programRef?.name ?? '',
      start: dates?.start !== undefined ? formatDay(dates.start) : '',
      end: dates?.end !== undefined ? formatDay(dates.end) : '',
      duration: dates?.start === undefined && project.duration ? `${project.duration.value}d` : '',
      depends_on: deps.join(';'),
      budget: project.budget ? yamlNumber(project.budget.value) : '',
      spent: project.spent ? yamlNumber(project.spent.value) : '',
      progress: project.progress ? yamlNumber(project.progress.value) : '',
      state: project.state?.value ?? '',
      manager: project.manager?.name ?? '',
    };
    lines.push(csvColumns.map((c) => csvCell(cells[c])).join(','));
  }
  if (milestoneLinks > 0) notes.push(`${milestoneLinks} dependencies on milestones: CSV has one row per project (the dates are written out, so the schedule is kept)`);
  notes.push('milestones, baselines, teams, people, risks, issues and benefits are not in the CSV (use --format mspdi to keep milestones, baselines and teams)');
  return { text: `${lines.join('\n')}\n`, notes };
}
