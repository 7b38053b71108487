/**
 * The rollup as data and text: the JSON shape of SPEC 7, and Markdown and CSV tables.
 * Shared by the CLI and the roadmap view ("Copy as Markdown", "Copy as CSV").
 */
import { formatDay, parseDay } from '../base/dates';
import type { Portfolio, Program, Project, ProjectState } from '../model/entities';
import type { Figures, MilestoneStatus, Rollup } from '../analysis/rollup';
import type { Analysis } from '../analysis/workspace';
import { displayName, isCritical, programOrder } from './entityView';
import { csvFigureColumns, figureTable, markdownFigureColumns, type AnyFigureTable, type FiguresJson } from './figureTable';
import { markdownCell } from './markdown';

export { asPercent } from './format';

export type { FiguresJson } from './figureTable';

interface EntryJson {
  id: string;
  name: string | null;
  start: string | null;
  end: string | null;
  figures: FiguresJson;
}
export interface PortfolioJson extends EntryJson {
  programs: string[];
}
export interface ProgramJson extends EntryJson {
  portfolio: string | null;
  projects: string[];
}
export interface ProjectJson extends EntryJson {
  program: string | null;
  state: ProjectState;
  float: number | null;
  critical: boolean;
}
/** A milestone of SPEC 7's top-level `milestones` array. */
export interface MilestoneJson {
  id: string | null;
  name: string;
  owner: { kind: 'project' | 'program'; id: string | null };
  date: string | null;
  done: boolean;
  forecast: string | null;
  status: MilestoneStatus;
}
export interface RollupJson {
  version: 1;
  statusDate: string;
  portfolios: PortfolioJson[];
  programs: ProgramJson[];
  projects: ProjectJson[];
  milestones: MilestoneJson[];
}

const day = (value: number | null | undefined): string | null => (value == null ? null : formatDay(value));
const ids = (entities: ReadonlyArray<{ id: string | undefined }>): string[] => entities.flatMap((e) => (e.id === undefined ? [] : [e.id]));

/**
 * The figures in their JSON shape, SPEC 7's order (a copy: the JSON is handed to other code), read one by
 * one: a project's figures are read from its row of numbers, not own properties — never spread them.
 */
export function toFiguresJson(f: Figures): FiguresJson {
  const json: FiguresJson = {
    bac: f.bac,
    pv: f.pv,
    ev: f.ev,
    ac: f.ac,
    cv: f.cv,
    sv: f.sv,
    cpi: f.cpi,
    spi: f.spi,
    eac: f.eac,
    etc: f.etc,
    vac: f.vac,
    progress: f.progress,
    forecastStart: day(f.forecastStart),
    forecastEnd: day(f.forecastEnd),
    benefits: f.benefits,
    roiPlanned: f.roiPlanned,
    roiForecast: f.roiForecast,
    health: f.health,
    declaredHealth: f.declaredHealth,
    risks: { ...f.risks },
    issues: { ...f.issues },
    // In SPEC 7's order: earned schedule (5.2), then the slip of 5.
    es: f.es,
    at: f.at,
    spiT: f.spiT,
    svT: f.svT,
    ieacT: day(f.ieacT),
    slip: f.slip,
  };
  if (f.forecastStart === undefined) delete (json as { forecastStart?: unknown }).forecastStart;
  return json;
}

function entry(entity: Portfolio | Program | Project, rollup: Rollup): EntryJson {
  return { id: entity.id!, name: entity.name ?? null, start: day(rollup.start), end: day(rollup.end), figures: toFiguresJson(rollup.figures) };
}

/** The rollup in the shape of SPEC 7 (`rollup --format json`). Entities without an id are left out. */
export function toRollupJson(analysis: Analysis): RollupJson {
  const { index, rollup, schedule } = analysis;
  return {
    version: 1,
    statusDate: formatDay(rollup.statusDate),
    portfolios: index.portfolios
      .filter((p) => p.id !== undefined)
      .map((portfolio) => ({ ...entry(portfolio, rollup.portfolios.get(portfolio)!), programs: ids(portfolio.programs) })),
    programs: index.programs
      .filter((p) => p.id !== undefined)
      .map((program) => ({
        ...entry(program, rollup.programs.get(program)!),
        portfolio: program.portfolio?.id ?? null,
        projects: ids(program.projects),
      })),
    projects: index.projects
      .filter((p) => p.id !== undefined)
      .map((project) => {
        const result = rollup.projects.get(project)!;
        const float = schedule.float.get(project);
        return {
          ...entry(project, result),
          program: project.program?.id ?? null,
          state: result.state,
          float: float ?? null,
          critical: isCritical(float),
        };
      }),
    milestones: index.milestones.map((milestone) => {
      const outlook = rollup.milestones.get(milestone)!;
      return {
        id: milestone.id ?? null,
        name: milestone.name ?? milestone.id ?? '',
        owner: { kind: milestone.parent.kind, id: milestone.parent.id ?? null },
        date: day(milestone.date?.value),
        done: milestone.done,
        forecast: day(outlook.forecast),
        status: outlook.status,
      };
    }),
  };
}

/** What a workspace is called: its one portfolio's name, else its one program's, else `fallback`. */
export function workspaceTitle(analysis: Analysis, fallback: string): string {
  const portfolios = analysis.index.portfolios.filter((p) => p.id !== undefined);
  if (portfolios.length === 1) return displayName(portfolios[0]);
  const programs = analysis.index.programs.filter((p) => p.id !== undefined);
  if (portfolios.length === 0 && programs.length === 1) return displayName(programs[0]);
  return fallback;
}

interface TableRow {
  level: 'portfolio' | 'program' | 'project';
  entry: EntryJson;
}

function tableRows(json: RollupJson): TableRow[] {
  const rows: TableRow[] = [];
  // A program's projects by id, each entry once: with an id written twice (an error), both entries, in order.
  const byId = new Map<string, (typeof json.projects)[number][]>();
  for (const project of json.projects) {
    const list = byId.get(project.id);
    if (list) list.push(project);
    else byId.set(project.id, [project]);
  }
  const programRows = (program: ProgramJson) => {
    rows.push({ level: 'program', entry: program });
    for (const id of program.projects) {
      const list = byId.get(id) ?? [];
      const at = list.findIndex((p) => p.program === program.id);
      if (at >= 0) rows.push({ level: 'project', entry: list.splice(at, 1)[0] });
    }
  };
  for (const group of programOrder(json.portfolios, json.programs)) {
    if (group.portfolio) rows.push({ level: 'portfolio', entry: group.portfolio });
    group.programs.forEach(programRows);
  }
  for (const project of json.projects) if (project.program === null) rows.push({ level: 'project', entry: project });
  return rows;
}

/** The entity's columns before the figures' (the figures' come from the figure table, views/figureTable.ts). */
const entityColumns = ['Level', 'Id', 'Name', 'State', 'Start', 'End'];

function entityCells(row: TableRow): string[] {
  return [
    row.level,
    row.entry.id,
    row.entry.name ?? '',
    // A project's state (a cancelled one is shown, counted in no total); programs and portfolios have none.
    'state' in row.entry ? String(row.entry.state) : '',
    row.entry.start ?? '',
    row.entry.end ?? '',
  ];
}

/** A Markdown table of the rollup (rounded for reading); its figure columns are those of `table`. */
export function rollupMarkdown(json: RollupJson, table: AnyFigureTable = figureTable): string {
  const escape = markdownCell;
  const figures = markdownFigureColumns(table);
  const lines = [
    `# Rollup at ${json.statusDate}`,
    '',
    `| ${[...entityColumns, ...figures.map((c) => c.header)].join(' | ')} |`,
    `|${[...entityColumns.map(() => ' --- '), ...figures.map((c) => (c.numeric ? ' ---: ' : ' --- '))].join('|')}|`,
  ];
  for (const row of tableRows(json)) {
    const cells = [...entityCells(row), ...figures.map((c) => c.cell(row.entry.figures))].map(escape);
    if (row.level === 'program') cells[1] = `**${cells[1]}**`;
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (json.milestones.length > 0) {
    lines.push('', '## Milestones', '', '| Milestone | Held by | Due | Forecast | Status | Days late |', '| --- | --- | --- | --- | --- | ---: |');
    for (const m of json.milestones) {
      const late = m.date !== null && m.forecast !== null && !m.done ? daysBetween(m.date, m.forecast) : 0;
      const cells = [m.id ? `${m.name} (${m.id})` : m.name, `${m.owner.kind} ${m.owner.id ?? ''}`.trim(), m.date ?? '', m.forecast ?? '', m.status, late > 0 ? String(late) : ''];
      lines.push(`| ${cells.map(escape).join(' | ')} |`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Days from one `YYYY-MM-DD` to another. */
function daysBetween(from: string, to: string): number {
  return (parseDay(to) ?? 0) - (parseDay(from) ?? 0);
}

/** CSV (RFC 4180) of the rollup, unrounded; text that a spreadsheet would run as a formula is quoted out. Its figure columns are those of `table`. */
export function rollupCsv(json: RollupJson, table: AnyFigureTable = figureTable): string {
  const figures = csvFigureColumns(table);
  const header = ['level', 'id', 'name', 'parent', 'start', 'end', 'state', 'float', 'critical', ...figures.map((c) => c.name)];
  const lines = [header.join(',')];
  for (const row of tableRows(json)) {
    const e = row.entry as EntryJson & Partial<ProjectJson> & Partial<ProgramJson>;
    const f = e.figures;
    const parent = row.level === 'project' ? e.program : row.level === 'program' ? e.portfolio : null;
    const cells: Array<string | number | boolean | null | undefined> = [
      row.level, e.id, e.name, parent, e.start, e.end, e.state, e.float, e.critical,
      ...figures.map((c) => c.value(f)),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
