/**
 * The rollup as data and text: the JSON shape of SPEC 7, and Markdown and CSV tables.
 * Shared by the CLI and the roadmap view ("Copy as Markdown", "Copy as CSV").
 */
import { formatDay, parseDay } from '../base/dates';
import type { Portfolio, Program, Project, ProjectState } from '../model/entities';
import type { Figures, MilestoneStatus, Rollup } from '../analysis/rollup';
import type { Analysis } from '../analysis/workspace';
import { displayName, isCritical, programOrder } from './entityView';
import { asPercent, formatGrouped } from './format';

export { asPercent } from './format';

/** The figures as SPEC 7 prints them: the engine's figures with days written as dates. */
export type FiguresJson = Omit<Figures, 'forecastStart' | 'forecastEnd' | 'ieacT'> & {
  /** Projects only. */
  readonly forecastStart?: string | null;
  readonly forecastEnd: string | null;
  readonly ieacT: string | null;
};

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

/** The figures in their JSON shape (a copy: the JSON is handed to other code). */
export function toFiguresJson(f: Figures): FiguresJson {
  const json: FiguresJson = { ...f, forecastStart: day(f.forecastStart), forecastEnd: day(f.forecastEnd), ieacT: day(f.ieacT), risks: { ...f.risks }, issues: { ...f.issues } };
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
  const programRows = (program: ProgramJson) => {
    rows.push({ level: 'program', entry: program });
    for (const id of program.projects) {
      const project = json.projects.find((p) => p.id === id);
      if (project) rows.push({ level: 'project', entry: project });
    }
  };
  for (const group of programOrder(json.portfolios, json.programs)) {
    if (group.portfolio) rows.push({ level: 'portfolio', entry: group.portfolio });
    group.programs.forEach(programRows);
  }
  for (const project of json.projects) if (project.program === null) rows.push({ level: 'project', entry: project });
  return rows;
}

const columns = ['Level', 'Id', 'Name', 'State', 'Start', 'End', 'BAC', 'AC', 'EV', 'PV', 'CPI', 'SPI', 'SPI(t)', 'EAC', 'VAC', 'ROI planned', 'ROI forecast', 'Progress %', 'Forecast start', 'Forecast end', 'Forecast end (ES)', 'Slip (days)', 'Health', 'Declared', 'Risks H/M/L', 'Open issues'];
/** The columns of numbers, right-aligned in Markdown. */
const numberColumns = new Set(['BAC', 'AC', 'EV', 'PV', 'CPI', 'SPI', 'SPI(t)', 'EAC', 'VAC', 'ROI planned', 'ROI forecast', 'Progress %', 'Slip (days)']);

function rowCells(row: TableRow, formatNumber: (value: number | null, digits: number) => string): string[] {
  const f = row.entry.figures;
  const issues = f.issues.critical + f.issues.high + f.issues.medium + f.issues.low;
  return [
    row.level,
    row.entry.id,
    row.entry.name ?? '',
    // A project's state (a cancelled one is shown, counted in no total); programs and portfolios have none.
    'state' in row.entry ? String(row.entry.state) : '',
    row.entry.start ?? '',
    row.entry.end ?? '',
    formatNumber(f.bac, 0),
    formatNumber(f.ac, 0),
    formatNumber(f.ev, 0),
    formatNumber(f.pv, 0),
    formatNumber(f.cpi, 2),
    formatNumber(f.spi, 2),
    formatNumber(f.spiT, 2),
    formatNumber(f.eac, 0),
    formatNumber(f.vac, 0),
    // ROI as a percent, like every view; unknown (no benefit declared) is a dash.
    f.roiPlanned === null ? '—' : `${formatNumber(asPercent(f.roiPlanned), 0)}%`,
    f.roiForecast === null ? '—' : `${formatNumber(asPercent(f.roiForecast), 0)}%`,
    formatNumber(f.progress, 1),
    f.forecastStart ?? '',
    f.forecastEnd ?? '',
    f.ieacT ?? '',
    f.slip === null ? '' : String(f.slip),
    f.health ?? '—',
    f.declaredHealth ?? '',
    `${f.risks.high}/${f.risks.medium}/${f.risks.low}`,
    String(issues),
  ];
}

/** A Markdown table of the rollup (rounded for reading). */
export function rollupMarkdown(json: RollupJson): string {
  const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const format = formatGrouped;
  const lines = [
    `# Rollup at ${json.statusDate}`,
    '',
    `| ${columns.join(' | ')} |`,
    `|${columns.map((column) => (numberColumns.has(column) ? ' ---: ' : ' --- ')).join('|')}|`,
  ];
  for (const row of tableRows(json)) {
    const cells = rowCells(row, format).map(escape);
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

/** CSV (RFC 4180) of the rollup, unrounded; text that a spreadsheet would run as a formula is quoted out. */
export function rollupCsv(json: RollupJson): string {
  const header = ['level', 'id', 'name', 'parent', 'start', 'end', 'state', 'float', 'critical', 'bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'cpi', 'spi', 'es', 'at', 'spiT', 'svT', 'eac', 'etc', 'vac', 'progress', 'forecastStart', 'forecastEnd', 'ieacT', 'slip', 'benefits', 'roiPlannedPercent', 'roiForecastPercent', 'health', 'declaredHealth', 'risksHigh', 'risksMedium', 'risksLow', 'issuesCritical', 'issuesHigh', 'issuesMedium', 'issuesLow'];
  const lines = [header.join(',')];
  for (const row of tableRows(json)) {
    const e = row.entry as EntryJson & Partial<ProjectJson> & Partial<ProgramJson>;
    const f = e.figures;
    const parent = row.level === 'project' ? e.program : row.level === 'program' ? e.portfolio : null;
    const cells: Array<string | number | boolean | null | undefined> = [
      row.level, e.id, e.name, parent, e.start, e.end, e.state, e.float, e.critical,
      f.bac, f.pv, f.ev, f.ac, f.cv, f.sv, f.cpi, f.spi, f.es, f.at, f.spiT, f.svT, f.eac, f.etc, f.vac, f.progress, f.forecastStart, f.forecastEnd, f.ieacT, f.slip, f.benefits,
      asPercent(f.roiPlanned), asPercent(f.roiForecast), f.health, f.declaredHealth,
      f.risks.high, f.risks.medium, f.risks.low, f.issues.critical, f.issues.high, f.issues.medium, f.issues.low,
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
