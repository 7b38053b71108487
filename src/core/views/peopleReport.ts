/**
 * People and capacity (SPEC 10) as the `people` command prints it: JSON, Markdown and CSV, and the week
 * grid the HTML heatmap (documents/peopleHtml.ts) draws. All of it is read from the load model
 * (analysis/people.ts) of one analysis on one basis.
 */
import { calendarOf, formatDay, parseDay, type Day } from '../base/dates';
import { plural } from '../base/messages';
import { peopleLoad, type LoadBasis, type PeopleLoad, type PersonLoad } from '../analysis/people';
import type { Analysis } from '../analysis/workspace';
import { displayName } from './entityView';
import { csvCell } from './rollupReport';
import { markdownCell } from './markdown';

/** A run of days and its projects' ids, as `people --format json` writes it. */
export interface PeopleRunJson {
  readonly from: string;
  readonly to: string;
  readonly projects: readonly string[];
}

export interface PeopleSegmentJson extends PeopleRunJson {
  readonly load: number;
}

export interface PeopleOverallocationJson extends PeopleRunJson {
  readonly peak: number;
}

export interface PersonJson {
  readonly id: string;
  readonly name: string | null;
  readonly role: string | null;
  /** Null when the schema rejects the capacity written (then no period is worked out). */
  readonly capacity: number | null;
  readonly projects: ReadonlyArray<{ readonly id: string; readonly allocation: number }>;
  readonly segments: readonly PeopleSegmentJson[];
  readonly overallocations: readonly PeopleOverallocationJson[];
  readonly peak: number;
}

export interface SuggestionJson {
  readonly person: string;
  readonly from: string;
  readonly to: string;
  readonly project: string;
  readonly shiftDays: number;
}

/** `people --format json` (SPEC 10). */
export interface PeopleJson {
  readonly version: 1;
  readonly statusDate: string;
  readonly basis: LoadBasis;
  readonly people: readonly PersonJson[];
  readonly suggestions: readonly SuggestionJson[];
}

/** The JSON and what the other formats add to it: names and the float behind each suggestion. */
export interface PeopleReport {
  readonly json: PeopleJson;
  readonly projectNames: ReadonlyMap<string, string>;
  /** The float of each suggested project, in the order of `json.suggestions`. */
  readonly floats: readonly number[];
  /** Whether each suggested project's start follows its depends_on (no start of its own to move), in that order. */
  readonly startFollowsDependencies: readonly boolean[];
}

const ids = (projects: ReadonlyArray<{ id: string | undefined }>) => projects.map((p) => p.id ?? '?');

function personJson(load: PersonLoad): PersonJson {
  const allocations = new Map<string, bigint>();
  for (const a of load.assignments) {
    if (a.entry.rejected) continue;
    const id = a.project.id ?? '?';
    allocations.set(id, (allocations.get(id) ?? 0n) + a.units);
  }
  const percent = (units: bigint) => Number(units) / Number(load.exact.scale);
  return {
    id: load.person.id,
    name: load.person.name ?? null,
    role: load.person.role ?? null,
    capacity: load.capacity,
    projects: [...allocations].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, units]) => ({ id, allocation: percent(units) })),
    segments: load.segments.map((s) => ({ from: formatDay(s.from), to: formatDay(s.to), load: s.load, projects: ids(s.projects) })),
    overallocations: load.overallocations.map((o) => ({ from: formatDay(o.from), to: formatDay(o.to), peak: o.peak, projects: ids(o.projects) })),
    peak: load.peak,
  };
}

/** Everyone of the registry, by id, on a basis; suggestions on the plan basis only. */
export function peopleReport(analysis: Analysis, basis: LoadBasis): PeopleReport {
  return peopleReportOf(analysis, peopleLoad(analysis, basis));
}

/** The report of a load model already worked out (its people in the same order). */
export function peopleReportOf(analysis: Analysis, model: PeopleLoad): PeopleReport {
  const { basis } = model;
  const projectNames = new Map<string, string>();
  for (const project of analysis.index.projects) if (project.id !== undefined && !projectNames.has(project.id)) projectNames.set(project.id, displayName(project));
  return {
    json: {
      version: 1,
      statusDate: formatDay(analysis.rollup.statusDate),
      basis,
      people: model.people.map(personJson),
      suggestions: model.suggestions.map((s) => ({ person: s.person.id, from: formatDay(s.from), to: formatDay(s.to), project: s.project.id ?? '?', shiftDays: s.shiftDays })),
    },
    projectNames,
    floats: model.suggestions.map((s) => s.float),
    startFollowsDependencies: model.suggestions.map((s) => !s.project.start),
  };
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3–20 Apr", "28 Mar – 5 Apr", "28 Dec 2026 – 5 Jan 2027": a period as people say it. */
export function periodText(from: string, to: string): string {
  const a = calendarOf(parseDay(from)!);
  const b = calendarOf(parseDay(to)!);
  if (from === to) return `${a.date} ${monthNames[a.month]} ${a.year}`;
  if (a.year !== b.year) return `${a.date} ${monthNames[a.month]} ${a.year} – ${b.date} ${monthNames[b.month]} ${b.year}`;
  if (a.month !== b.month) return `${a.date} ${monthNames[a.month]} – ${b.date} ${monthNames[b.month]} ${b.year}`;
  return `${a.date}–${b.date} ${monthNames[a.month]} ${a.year}`;
}

/** "3–20 Apr 2026: 110% on Shop rebuild, Web": a period over capacity, its peak and its projects. */
export function periodLine(from: string, to: string, peak: number, projectNames: readonly string[]): string {
  return `${periodText(from, to)}: ${peak}% on ${projectNames.join(', ')}`;
}

/** "start Shop rebuild 9 days later: resolves Olga 3–20 Apr 2026, within its 21 days of float". */
export function suggestionText(report: PeopleReport, index: number): string {
  const s = report.json.suggestions[index];
  const person = report.json.people.find((p) => p.id === s.person);
  const move = report.startFollowsDependencies[index] ? ', but its start follows its depends_on: move what it depends on, or give it a start' : '';
  return `start ${report.projectNames.get(s.project) ?? s.project} ${plural(s.shiftDays, 'day')} later: resolves ${person?.name ?? s.person} ${periodText(s.from, s.to)}, within its ${plural(report.floats[index], 'day')} of float${move}`;
}

/** Days of a person over capacity on the basis. */
export function daysOver(person: PersonJson): number {
  return person.overallocations.reduce((sum, o) => sum + parseDay(o.to)! - parseDay(o.from)! + 1, 0);
}

const cell = markdownCell;

/** One row per person (capacity, peak, days over capacity, the periods), then the suggestions. */
export function peopleMarkdown(report: PeopleReport): string {
  const { json } = report;
  const lines = [
    `# People and capacity (${json.basis} basis, status date ${json.statusDate})`,
    '',
    '| Person | Role | Capacity | Peak | Days over | Periods over capacity |',
    '|---|---|--:|--:|--:|---|',
  ];
  for (const p of json.people) {
    const periods = p.overallocations.map((o) => `${periodText(o.from, o.to)}: ${o.peak}% (${o.projects.join(', ')})`).join('; ');
    lines.push(`| ${cell(p.name ? `${p.name} (${p.id})` : p.id)} | ${cell(p.role ?? '')} | ${p.capacity === null ? '—' : `${p.capacity}%`} | ${p.peak}% | ${daysOver(p)} | ${cell(periods || '—')} |`);
  }
  lines.push('', '## Suggestions', '');
  if (json.basis !== 'plan') lines.push('Suggestions are worked out on the plan basis (`--basis plan`).');
  else if (json.suggestions.length === 0) lines.push('None: no period over capacity can be resolved by starting one planned project later within its float.');
  else json.suggestions.forEach((_, i) => lines.push(`- ${cell(suggestionText(report, i))}`));
  return `${lines.join('\n')}\n`;
}

/** The Monday of a day's ISO week (1970-01-01, day 0, was a Thursday). */
export function mondayOf(day: Day): Day {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** "16 Nov": the label of a week (its Monday). */
export function weekLabel(monday: Day): string {
  const { date, month } = calendarOf(monday);
  return `${date} ${monthNames[month]}`;
}

/** How a week's peak stands against the capacity: none, up to half, up to capacity, at capacity, over. */
export type LoadLevel = 'none' | 'low' | 'ok' | 'full' | 'over' | 'unknown';

export function loadLevel(peak: number, capacity: number | null): LoadLevel {
  if (peak === 0) return 'none';
  if (capacity === null) return 'unknown';
  if (peak > capacity) return 'over';
  if (peak === capacity) return 'full';
  return peak * 2 <= capacity ? 'low' : 'ok';
}

/** The weeks (Mondays) that hold any load, from the first to the last, and each person's peak per week. */
export interface WeekGrid {
  readonly weeks: readonly Day[];
  /** Per person (in the JSON's order), the week's peak load, percent. */
  readonly peaks: ReadonlyArray<readonly number[]>;
}

/** At most this many weeks (ten years) from the first week with load: a forecast far in the future does not make a grid of millions. */
export const MAX_WEEKS = 520;

export function weekGrid(json: PeopleJson, maxWeeks = MAX_WEEKS): WeekGrid & { readonly truncated: boolean } {
  // A day past 9999-12-31 (a duration of thousands of years) is written with five digits and reads as no
  // day: it lies beyond any grid, which stops at maxWeeks.
  const dayOf = (text: string) => parseDay(text) ?? Number.POSITIVE_INFINITY;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const p of json.people) {
    for (const s of p.segments) {
      first = Math.min(first, dayOf(s.from));
      last = Math.max(last, dayOf(s.to));
    }
  }
  if (first > last || !Number.isFinite(first)) return { weeks: [], peaks: json.people.map(() => []), truncated: false };
  const start = mondayOf(first);
  const count = Number.isFinite(last) ? Math.floor((mondayOf(last) - start) / 7) + 1 : Number.POSITIVE_INFINITY;
  const shown = Math.min(count, maxWeeks);
  const weeks = Array.from({ length: shown }, (_, i) => start + i * 7);
  const weekOf = (day: number) => (Number.isFinite(day) ? Math.floor((mondayOf(day) - start) / 7) : Number.POSITIVE_INFINITY);
  const peaks = json.people.map((p) => {
    const row = new Array<number>(shown).fill(0);
    for (const s of p.segments) {
      const from = weekOf(dayOf(s.from));
      const to = Math.min(shown - 1, weekOf(dayOf(s.to)));
      for (let w = from; w <= to; w++) if (s.load > row[w]) row[w] = s.load;
    }
    return row;
  });
  return { weeks, peaks, truncated: count > shown };
}

/** One row per person and ISO week (its Monday) with the week's peak load; every week from the first with load to the last (at most MAX_WEEKS). */
export function peopleCsv(report: PeopleReport): string {
  const { json } = report;
  const grid = weekGrid(json);
  const lines = [['person', 'name', 'week', 'peak', 'capacity'].join(',')];
  json.people.forEach((p, i) => {
    grid.weeks.forEach((week, w) => lines.push([p.id, p.name, formatDay(week), grid.peaks[i][w], p.capacity].map(csvCell).join(',')));
  });
  return lines.join('\r\n') + '\r\n';
}
