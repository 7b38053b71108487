/**
 * Reading a spreadsheet or tracker export (CSV) into an import (SPEC 12): the first row is the header,
 * columns by name in any case; one row per project. Also the shared CSV reading of `update`.
 */
import { parse } from 'csv-parse/sync';
import { parseDay, type Day } from '../base/dates';
import type { ProjectState } from '../model/entities';
import { IdAllocator, ImportError, planIdPattern, rejectCycles, type ImportedPlan, type ImportedProgram, type ImportedProject } from './imported';

/** The import's columns, in the order `export --format csv` writes them. */
export const csvColumns = ['id', 'name', 'program', 'start', 'end', 'duration', 'depends_on', 'budget', 'spent', 'progress', 'state', 'manager'] as const;
export type CsvColumn = (typeof csvColumns)[number];

/** Other names trackers give the same columns (Jira: Issue key, Summary, Status, Start date, Due date). */
const aliases: Record<string, CsvColumn> = {
  key: 'id',
  'issue key': 'id',
  summary: 'name',
  title: 'name',
  status: 'state',
  'start date': 'start',
  'due date': 'end',
  finish: 'end',
  'depends on': 'depends_on',
  dependencies: 'depends_on',
  predecessors: 'depends_on',
  cost: 'budget',
  'actual cost': 'spent',
  '% complete': 'progress',
  'percent complete': 'progress',
};

export interface CsvTable {
  /** Column index by column name, for the known columns. */
  readonly columns: ReadonlyMap<CsvColumn, number>;
  readonly unknown: readonly string[];
  /** Data rows with their 1-based line in the file. */
  readonly rows: ReadonlyArray<{ readonly line: number; readonly cells: readonly string[] }>;
}

function delimiterOf(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const outside = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: outside.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}

/** Reads the CSV (quotes, embedded newlines, a BOM; `,`, `;` or tab) with its header; throws one line naming the place. */
export function readCsvTable(text: string, source: string, wanted: readonly CsvColumn[] = csvColumns): CsvTable {
  // A NUL byte is in no text file: an MS Project .mpp, an Excel .xlsx (a zip), a PDF…
  const nul = text.slice(0, 65536).indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    throw new ImportError(`${source}:${line}: not MS Project XML or CSV but a binary file (an .mpp or .xlsx? Save it as XML from MS Project, as CSV from a spreadsheet)`);
  }
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as never;
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    throw new ImportError(`${source}:${e.lines ?? 1}: not readable as CSV: ${csvProblems[e.code ?? ''] ?? e.message.replace(/\s+at line \d+.*$/s, '')}`);
  }
  if (records.length === 0) throw new ImportError(`${source}:1: empty: expected a header row (columns such as ${wanted.slice(0, 5).join(', ')})`);
  if (records.length === 1) throw new ImportError(`${source}:1: a header and no rows: nothing to read`);
  const header = records[0].record.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' '));
  const columns = new Map<CsvColumn, number>();
  const unknown: string[] = [];
  header.forEach((name, index) => {
    const column = (wanted as readonly string[]).includes(name.replace(/ /g, '_')) ? (name.replace(/ /g, '_') as CsvColumn) : aliases[name];
    if (column && wanted.includes(column) && !columns.has(column)) columns.set(column, index);
    else if (name !== '') unknown.push(records[0].record[index].trim());
  });
  if (columns.size === 0) {
    throw new ImportError(`${source}:1: no header row: expected columns such as ${wanted.slice(0, 5).join(', ')} (the first row reads "${records[0].record.slice(0, 4).join(', ')}")`);
  }
  return { columns, unknown, rows: records.slice(1).map((r) => ({ line: r.info.lines, cells: r.record })) };
}

export function cellOf(table: CsvTable, row: { readonly cells: readonly string[] }, column: CsvColumn): string | undefined {
  const index = table.columns.get(column);
  const cell = index === undefined ? undefined : row.cells[index];
  const value = cell?.trim();
  if (value === undefined || value === '') return undefined;
  // `'=…`: what export writes so that spreadsheets never run a cell as a formula (csvCell); the cell's own
  // leading tab is kept then.
  return /^\s*'[=+\-@\t\r']/.test(cell!) ? cell!.replace(/^\s*'/, '').trimEnd() : value;
}

/** What csv-parse's errors mean, in the words of someone who wrote the file. */
const csvProblems: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: 'a quoted cell goes on after its closing quote (a cell in quotes ends at the quote before a comma; write "" for a quote inside it)',
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed (a quote opens it and none ends it before the end of the file)',
  INVALID_OPENING_QUOTE: 'a quote inside a cell that is not in quotes (put the cell in quotes and write "" for the quote)',
};

/** A date cell: `YYYY-MM-DD`, also with a time after it (`2026-03-02T09:00`, `2026-03-02 09:00`) or with `/`. */
export function csvDay(text: string): Day | undefined {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/.exec(text.trim());
  return match ? parseDay(`${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`) : undefined;
}

/** Money as a spreadsheet writes it: `1250`, `1,250.00`, `$1,250`, `1 250`. Undefined when it is not. */
export function csvMoney(text: string): number | undefined {
  const cleaned = text.replace(/[\s$€£¥]|^[A-Z]{3}\s*/g, '');
  if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const amount = Number(cleaned.replace(/,/g, ''));
  // Digits beyond what a number holds (read as Infinity) are no amount.
  return Number.isFinite(amount) ? amount : undefined;
}

/** Percent: `70`, `70%`, `70.5`. */
export function csvPercent(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  return n >= 0 && n <= 100 ? n : undefined;
}

const stateWords: Record<string, ProjectState> = {
  planned: 'planned',
  'to do': 'planned',
  todo: 'planned',
  backlog: 'planned',
  open: 'planned',
  'not started': 'planned',
  active: 'active',
  'in progress': 'active',
  started: 'active',
  'on-hold': 'on-hold',
  'on hold': 'on-hold',
  blocked: 'on-hold',
  done: 'done',
  closed: 'done',
  resolved: 'done',
  complete: 'done',
  completed: 'done',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  "won't do": 'cancelled',
};

/** A state cell: the plan's states, or what trackers call them (To Do, In Progress, Done, Blocked…). */
export function csvState(text: string): ProjectState | undefined {
  return stateWords[text.trim().toLowerCase().replace(/[_\s]+/g, ' ')];
}

export interface CsvImportOptions {
  readonly source: string;
  readonly fileId: string;
  /** Where rows without a program go (else they are projects outside any program). */
  readonly program?: string;
}

/** Reads a CSV of projects. Throws ImportError (one line, file and row) on bad input. */
export function importCsv(text: string, options: CsvImportOptions, ids: IdAllocator): ImportedPlan {
  const { source } = options;
  const table = readCsvTable(text, source);
  if (!table.columns.has('id') && !table.columns.has('name')) {
    throw new ImportError(`${source}:1: the header has neither an id nor a name column (found ${[...table.columns.keys()].join(', ')})`);
  }
  const notCarried = table.unknown.length > 0 ? [`columns ${table.unknown.map((c) => `"${c}"`).join(', ')}: not plan fields`] : [];
  const at = (line: number) => `${source}:${line}`;

  // Ids first: written ids are kept (and must be valid and unique), the rest come from the names.
  const written = new Map<string, number>();
  for (const row of table.rows) {
    const id = cellOf(table, row, 'id');
    if (id === undefined) continue;
    if (!planIdPattern.test(id)) throw new ImportError(`${at(row.line)}: id "${id}" is not an id (letters, digits, '_', '.', '-', starting with a letter or digit)`);
    if (written.has(id)) throw new ImportError(`${at(row.line)}: id ${id} is already the id of the row on line ${written.get(id)}`);
    if (!ids.reserve(id)) throw new ImportError(`${at(row.line)}: id ${id} is already taken by another imported file`);
    written.set(id, row.line);
  }
  const programs = new Map<string, ImportedProgram>();
  const standalone: ImportedProject[] = [];
  const byName = new Map<string, string>();
  const pending: Array<{ project: ImportedProject; deps: string[]; line: number }> = [];
  for (const row of table.rows) {
    const given = cellOf(table, row, 'id');
    const name = cellOf(table, row, 'name') ?? given;
    if (name === undefined) throw new ImportError(`${at(row.line)}: the row has neither an id nor a name`);
    const id = given ?? ids.fromName(name, 'project');
    if (!byName.has(name)) byName.set(name, id);
    const project: ImportedProject = { id, name, dependsOn: [], team: [], milestones: [] };
    const label = `${at(row.line)} (${id})`;
    const dateCell = (column: 'start' | 'end') => {
      const cell = cellOf(table, row, column);
      if (cell === undefined) return undefined;
      const day = csvDay(cell);
      if (day === undefined) throw new ImportError(`${label}: ${column} "${cell}" is not a date (expected YYYY-MM-DD)`);
      return day;
    };
    project.start = dateCell('start');
    project.end = dateCell('end');
    const durationCell = cellOf(table, row, 'duration');
    if (durationCell !== undefined) {
      const match = /^(\d+)\s*([dw]|days?|weeks?)?$/i.exec(durationCell);
      const days = match ? Number(match[1]) * (/^w/i.test(match[2] ?? '') ? 7 : 1) : NaN;
      if (!(days >= 1 && days <= 999999)) throw new ImportError(`${label}: duration "${durationCell}" is not a number of days (like 30d or 8w)`);
      project.duration = days;
    }
    if (project.start !== undefined && project.end !== undefined && project.end < project.start) {
      throw new ImportError(`${label}: end ${cellOf(table, row, 'end')} is before start ${cellOf(table, row, 'start')}`);
    }
    if (project.start !== undefined && project.end !== undefined && project.duration !== undefined) {
      if (project.end - project.start + 1 !== project.duration) throw new ImportError(`${label}: start, end and duration disagree (${project.end - project.start + 1} days from start to end, duration ${durationCell})`);
      project.duration = undefined;
    }
    if (project.end !== undefined) project.duration = undefined;
    const money = (column: 'budget' | 'spent') => {
      const cell = cellOf(table, row, column);
      if (cell === undefined) return undefined;
      const value = csvMoney(cell);
      if (value === undefined) throw new ImportError(`${label}: ${column} "${cell}" is not an amount of money (a number of 0 or more)`);
      return value;
    };
    project.budget = money('budget');
    project.spent = money('spent');
    const progressCell = cellOf(table, row, 'progress');
    if (progressCell !== undefined) {
      project.progress = csvPercent(progressCell);
      if (project.progress === undefined) throw new ImportError(`${label}: progress "${progressCell}" is not a percent from 0 to 100`);
    }
    const stateCell = cellOf(table, row, 'state');
    if (stateCell !== undefined) {
      project.state = csvState(stateCell);
      if (project.state === undefined) throw new ImportError(`${label}: state "${stateCell}" is not a state (planned, active, on-hold, done, cancelled)`);
    }
    project.manager = cellOf(table, row, 'manager');
    const deps = (cellOf(table, row, 'depends_on') ?? '').split(/[;,\s]+/).filter((d) => d !== '');
    if (project.start === undefined && deps.length === 0) throw new ImportError(`${label}: no start and no depends_on: the project cannot be scheduled`);
    if (project.end === undefined && project.duration === undefined) throw new ImportError(`${label}: no end and no duration: the project cannot be scheduled`);
    pending.push({ project, deps, line: row.line });
    const programId = cellOf(table, row, 'program') ?? options.program;
    if (programId === undefined) {
      standalone.push(project);
      continue;
    }
    if (!planIdPattern.test(programId)) throw new ImportError(`${label}: program "${programId}" is not an id`);
    let program = programs.get(programId);
    if (!program) {
      if (written.has(programId)) throw new ImportError(`${label}: program ${programId} is the id of the project on line ${written.get(programId)}`);
      if (!ids.reserve(programId)) throw new ImportError(`${label}: program ${programId} is already taken by another imported file`);
      program = { id: programId, name: programId, projects: [], milestones: [] };
      programs.set(programId, program);
    }
    program.projects.push(project);
  }
  // Dependencies by id, else by a row's name.
  const rowIds = new Set(pending.map((p) => p.project.id));
  for (const { project, deps, line } of pending) {
    for (const dep of deps) {
      const target = rowIds.has(dep) ? dep : byName.get(dep);
      if (target === undefined) notCarried.push(`${at(line)} (${project.id}): depends_on ${dep} names no row of the file: left out`);
      else if (target !== project.id && !project.dependsOn.includes(target)) project.dependsOn.push(target);
    }
    if (project.start === undefined && project.dependsOn.length === 0) {
      throw new ImportError(`${at(line)} (${project.id}): no start, and its depends_on (${deps.join(', ')}) names no other row of the file: the project cannot be scheduled`);
    }
  }
  const plan: ImportedPlan = { source, standaloneName: options.fileId, programs: [...programs.values()], projects: standalone, people: [], notCarried };
  const lineOf = new Map(pending.map((p) => [p.project.id, p.line]));
  rejectCycles(plan, (id) => (lineOf.has(id) ? `line ${lineOf.get(id)}` : undefined), (id) => lineOf.get(id));
  return plan;
}
