/**
 * Actuals from finance or a tracker (SPEC 12, `update`): a CSV with one row per project id and any of
 * `progress`, `spent`, `state`, turned into located edits of the plan files. Only the values change:
 * every other byte stays as written; a missing key is one new line at the project's key indent after its
 * last `budget`, `spent` or `progress` line. All or nothing: the first bad row stops everything.
 */
import { formatDay, type Day } from '../base/dates';
import type { Analysis } from '../analysis/workspace';
import type { Portfolio, Program, Project } from '../model/entities';
import { entityNode } from '../model/locate';
import type { Span } from '../base/positions';
import type { AliasedValue, MapNode, ParsedFile } from '../syntax/nodes';
import { hasLoneCarriageReturn } from '../syntax/parser';
import { cellOf, csvMoney, csvPercent, csvState, readCsvTable } from './csvImport';
import { ImportError, yamlNumber } from './imported';

export type ActualsField = 'progress' | 'spent' | 'state' | 'status_date';

export interface ActualsChange {
  /** The project (or, for status_date, program or portfolio) id. */
  readonly id: string;
  readonly field: ActualsField;
  /** The value as written before (null when the key was missing) and after. */
  readonly before: string | null;
  readonly after: string;
  readonly file: string;
  /** The CSV line that asked for it (null for --status-date). */
  readonly line: number | null;
}

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ActualsPlan {
  readonly changes: readonly ActualsChange[];
  /** Edits per file path, in no particular order (apply with `applyEdits`). */
  readonly edits: ReadonlyMap<string, readonly TextEdit[]>;
  /** The CSV's columns that are not read (as written in its header). */
  readonly ignoredColumns: readonly string[];
}

/**
 * The text with the edits made (edits do not overlap). The edits were worked out on the text as parsed,
 * whose lone CR line breaks (classic Mac OS) are LF (parser.ts): a line break they add is the file's own.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  const lineBreak = hasLoneCarriageReturn(text) && !text.includes('\r\n') ? '\r' : undefined;
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + (lineBreak ? edit.text.replace(/\n/g, lineBreak) : edit.text) + result.slice(edit.end);
  return result;
}

/** Offset just after the line holding `offset` (after its line break), or the text's end. */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * The edit that sets `key` of the entity's mapping to `value`: the value in place when the key is
 * written, else a new line (or, in a flow mapping `{ … }`, a new entry before its `}`).
 */
function setKey(file: ParsedFile, node: MapNode, key: string, value: string, after: readonly string[]): { edit: TextEdit; before: string | null; current: string | null } {
  const text = file.text;
  const entry = node.entries.get(key);
  if (entry) {
    const [start, end] = entry.value.span;
    // An alias (`spent: *p`) gives way to the value written out: the value it repeats stays as it is.
    const current = text[start] === '*' && entry.value.kind === 'scalar' ? String(entry.value.value) : text.slice(start, end);
    // A key written without a value (`progress:`, `spent:   # none yet`) takes one apart from its colon and
    // from a comment after it.
    const empty = start === end;
    const gap = empty && text[start - 1] === ':' ? ' ' : '';
    const tail = empty && text[end] === '#' ? ' ' : '';
    return { edit: { start, end, text: gap + value + tail }, before: text.slice(start, end), current };
  }
  if (text[node.span[0]] === '{') {
    const close = text.lastIndexOf('}', node.span[1]);
    let at = close;
    while (at > node.span[0] && /\s/.test(text[at - 1])) at--;
    return { edit: { start: at, end: at, text: `, ${key}: ${value}` }, before: null, current: null };
  }
  const entries = [...node.entries.values()];
  const anchors = entries.filter((e) => after.includes(e.key));
  const anchor = (anchors.length > 0 ? anchors : entries.filter((e) => e.value.kind === 'scalar')).reduce((last, e) => (e.value.span[1] > last.value.span[1] ? e : last));
  const indent = ' '.repeat(columnOf(text, anchor.keySpan[0]));
  const at = lineEnd(text, anchor.value.span[1]);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const needsBreak = at === text.length && !text.endsWith('\n');
  return { edit: { start: at, end: at, text: `${needsBreak ? eol : ''}${indent}${key}: ${value}${needsBreak ? '' : eol}` }, before: null, current: null };
}

/** The alias that repeats a value holding `span` (`&p 40` … `*p`), if any: an edit there would change the repeat too. */
function aliasRepeating(file: ParsedFile, span: Span): AliasedValue | undefined {
  for (const document of file.documents) {
    const repeat = document.aliased.find((a) => a.value[0] <= span[0] && span[1] <= a.value[1]);
    if (repeat) return repeat;
  }
  return undefined;
}

/** Same value as written? (`70` and `70.0` are the same progress; `done` and `"done"` the same state.) */
function sameValue(before: string | null, after: string, field: ActualsField): boolean {
  if (before === null) return false;
  const unquoted = before.replace(/^(["'])(.*)\1$/, '$2').trim();
  if (field === 'state' || field === 'status_date') return unquoted === after;
  return unquoted !== '' && Number(unquoted) === Number(after);
}

export interface ActualsOptions {
  /** The CSV as given, for messages. */
  readonly source: string;
  /** --status-date: rewrite every declared status_date. */
  readonly statusDate?: Day;
}

/** Works out every change the CSV asks for, or throws ImportError naming the first bad row. */
export function planActuals(analysis: Pick<Analysis, 'index'>, csvText: string, options: ActualsOptions): ActualsPlan {
  const { source } = options;
  const table = readCsvTable(csvText, source, ['id', 'progress', 'spent', 'state']);
  if (!table.columns.has('id')) throw new ImportError(`${source}:1: the header has no id column (actuals are one row per project id)`);
  if (!['progress', 'spent', 'state'].some((c) => table.columns.has(c as 'progress'))) {
    throw new ImportError(`${source}:1: the header has none of the columns progress, spent, state`);
  }
  const { index } = analysis;
  const changes: ActualsChange[] = [];
  const edits = new Map<string, TextEdit[]>();
  const add = (file: ParsedFile, node: MapNode, id: string, field: ActualsField, value: string, line: number | null) => {
    const { edit, before, current } = setKey(file, node, field, value, ['budget', 'spent', 'progress']);
    if (sameValue(current, value, field)) return;
    // A value (or the mapping holding it) that an alias repeats would change in both places: refused, not guessed.
    const written = node.entries.get(field)?.value.span;
    const repeat = (written && aliasRepeating(file, written)) ?? aliasRepeating(file, node.span);
    if (repeat) {
      const lineOf = (offset: number) => file.lines.positionAt(offset).line + 1;
      throw new ImportError(
        `${line === null ? '--status-date' : `${source}:${line}`} (${id}): ${file.path}:${lineOf(written?.[0] ?? node.span[0])}: ${field} of ${id} is repeated by the YAML alias ${file.text.slice(repeat.alias[0], repeat.alias[1])} on line ${lineOf(repeat.alias[0])}, which would change too; nothing written (write the value out in place of the alias)`,
      );
    }
    changes.push({ id, field, before, after: value, file: file.path, line });
    const list = edits.get(file.path) ?? [];
    // Two new keys after the same line keep the CSV's column order.
    const same = list.find((e) => e.start === edit.start && e.end === edit.end && e.start === e.end);
    if (same) list[list.indexOf(same)] = { ...same, text: same.text + edit.text };
    else list.push(edit);
    edits.set(file.path, list);
  };

  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const id = cellOf(table, row, 'id');
    const at = `${source}:${row.line}`;
    if (id === undefined) throw new ImportError(`${at}: the row has no id`);
    if (seen.has(id)) throw new ImportError(`${at} (${id}): a second row for ${id} (the first is on line ${seen.get(id)})`);
    seen.set(id, row.line);
    const definitions = index.definitions.get(id) ?? [];
    const projects = definitions.filter((e): e is Project => e.kind === 'project');
    if (projects.length === 0) throw new ImportError(`${at} (${id}): no project has the id ${id}${definitions.length > 0 ? ` (it is a ${definitions[0].kind})` : ''}`);
    if (definitions.length > 1) throw new ImportError(`${at} (${id}): the id ${id} is defined ${definitions.length} times (run check)`);
    const project = projects[0];
    const file = project.source.file;
    const node = entityNode(project);
    const progress = cellOf(table, row, 'progress');
    const spent = cellOf(table, row, 'spent');
    const state = cellOf(table, row, 'state');
    if (progress !== undefined) {
      const value = csvPercent(progress);
      if (value === undefined) throw new ImportError(`${at} (${id}): progress "${progress}" is not a percent from 0 to 100`);
      add(file, node, id, 'progress', yamlNumber(value), row.line);
    }
    if (spent !== undefined) {
      const value = csvMoney(spent);
      if (value === undefined) throw new ImportError(`${at} (${id}): spent "${spent}" is not an amount of money (a number of 0 or more)`);
      add(file, node, id, 'spent', yamlNumber(value), row.line);
    }
    if (state !== undefined) {
      const value = csvState(state);
      if (value === undefined) throw new ImportError(`${at} (${id}): state "${state}" is not a state (planned, active, on-hold, done, cancelled)`);
      add(file, node, id, 'state', value, row.line);
    }
  }
  if (options.statusDate !== undefined) {
    const day = formatDay(options.statusDate);
    const holders: Array<Portfolio | Program> = [...index.portfolios, ...index.programs];
    for (const holder of holders) {
      const node = entityNode(holder);
      if (!holder.statusDate && !node.entries.has('status_date')) continue;
      add(holder.source.file, node, holder.id ?? '?', 'status_date', day, null);
    }
  }
  return { changes, edits, ignoredColumns: table.unknown };
}
