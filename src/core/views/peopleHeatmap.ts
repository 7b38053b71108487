/**
 * The roadmap panel's People tab (SPEC 10 "In VS Code"): the heatmap of `people --format html` — the same
 * people, weeks and week peaks (peopleReport.ts's `weekGrid`) — as data for the webview, each cell written
 * as a percent of the person's capacity, the people over capacity first, each person's projects with the
 * weeks they load them (a cell's hover), the periods and the suggestions in words. Plain JSON: posted to
 * the webview, which only draws it. What a click opens (the person, a team entry) stays beside it.
 */
import { formatDay, parseDay, type Day } from '../base/dates';
import { fixedNumber } from '../base/numbers';
import { peopleLoad, type LoadBasis } from '../analysis/people';
import type { Analysis } from '../analysis/workspace';
import type { Person, TeamEntry } from '../model/entities';
import { displayName } from './entityView';
import { loadLevel, mondayOf, peopleReportOf, periodLine, suggestionText, weekGrid, type LoadLevel, type PersonJson } from './peopleReport';

/** A project of a person in the heatmap: the person's summed allocation on it and the weeks it loads them. */
export interface HeatmapAssignment {
  /** Index into `PeopleHeatmap.projects`. */
  readonly project: number;
  /** Percent. */
  readonly allocation: number;
  /** The first and last week (indices into `weeks`, inclusive) with load from it on the basis; -1 when none is shown. */
  readonly from: number;
  readonly to: number;
}

export type HeatmapPerson = Readonly<{
  id: string;
  /** The display name (the id when no name is declared). */
  name: string;
  role: string | null;
  /** Percent; null when the schema rejects the capacity written. */
  capacity: number | null;
  /** The highest load on any day, percent of a full-time person. */
  peak: number;
  overloaded: boolean;
  /** Per week: the week's peak load, percent of a full-time person (the values of `people --format html`). */
  loads: readonly number[];
  /** Per week: that peak written as a percent of the person's capacity ("120%"), '' without load. */
  cells: readonly string[];
  /** Per week: how the peak stands against the capacity. */
  levels: readonly LoadLevel[];
  /** By project id. */
  projects: readonly HeatmapAssignment[];
  /** Each period over capacity in words: "14–28 Nov 2026: 120% on Checkout v2, Real-time fraud scoring". */
  periods: readonly string[];
}>;

export interface PeopleHeatmap {
  readonly version: 1;
  readonly basis: LoadBasis;
  readonly statusDate: Day;
  /** The Mondays of the weeks shown: every week from the first with load to the last (at most MAX_WEEKS). */
  readonly weeks: readonly Day[];
  /** True when there were more weeks with load than are shown. */
  readonly truncated: boolean;
  readonly projects: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** Those over capacity first, each group by id. */
  readonly people: readonly HeatmapPerson[];
  /** On the plan basis: "start Real-time fraud scoring 15 days later: resolves Olga Ivanova 14–28 Nov 2026, …". */
  readonly suggestions: ReadonlyArray<{ readonly person: string; readonly project: string; readonly text: string }>;
}

/** What a click in the heatmap opens: a person's definition, or their first team entry on a project. */
export interface PeopleHeatmapTargets {
  readonly people: ReadonlyMap<string, Person>;
  /** By `teamEntryKey(person, project)`. */
  readonly entries: ReadonlyMap<string, TeamEntry>;
}

export const teamEntryKey = (person: string, project: string): string => `${person}\n${project}`;

/**
 * A week's peak as a percent of the capacity: whole, unless rounding would say 100% of a week that is
 * over or under capacity (then with the decimals that show which). Capacity 0: any load is "over". A
 * week of no load is 0% (SPEC 10: the value always written, not only a colour).
 */
export function capacityPercent(peak: number, capacity: number | null, level: LoadLevel = loadLevel(peak, capacity)): string {
  if (peak === 0) return '0%';
  if (capacity === null) return `${fixedNumber(peak, 0)}%`;
  if (capacity === 0) return 'over';
  const value = (peak * 100) / capacity;
  let digits = 0;
  let text = fixedNumber(value, digits);
  const misleading = (t: string) => (level === 'over' ? Number(t) <= 100 : level !== 'full' && Number(t) >= 100);
  while (digits < 3 && misleading(text)) text = fixedNumber(value, ++digits);
  return `${text}%`;
}

/** The heatmap of everyone of the registry on a basis, and what its clicks open. */
export function peopleHeatmap(analysis: Analysis, basis: LoadBasis): { heatmap: PeopleHeatmap; targets: PeopleHeatmapTargets } {
  const model = peopleLoad(analysis, basis);
  const report = peopleReportOf(analysis, model);
  const { json } = report;
  const grid = weekGrid(json);
  const start = grid.weeks[0] ?? 0;
  const weekOf = (day: string) => Math.floor((mondayOf(parseDay(day)!) - start) / 7);
  const last = grid.weeks.length - 1;

  const projectIndex = new Map<string, number>();
  const projects: Array<{ id: string; name: string }> = [];
  const indexOf = (id: string) => {
    let index = projectIndex.get(id);
    if (index === undefined) {
      index = projects.length;
      projectIndex.set(id, index);
      projects.push({ id, name: report.projectNames.get(id) ?? id });
    }
    return index;
  };

  const people = new Map<string, Person>();
  const entries = new Map<string, TeamEntry>();
  for (const load of model.people) {
    if (!people.has(load.person.id)) people.set(load.person.id, load.person);
    for (const a of load.assignments) {
      const key = teamEntryKey(load.person.id, a.project.id ?? '?');
      if (!entries.has(key)) entries.set(key, a.entry);
    }
  }

  const personOf = (p: PersonJson, i: number): HeatmapPerson => {
    const spans = new Map<string, { from: number; to: number }>();
    for (const s of p.segments) {
      const from = weekOf(s.from);
      const to = Math.min(last, weekOf(s.to));
      if (from > last) continue;
      for (const id of s.projects) {
        const span = spans.get(id);
        if (!span) spans.set(id, { from, to });
        else {
          span.from = Math.min(span.from, from);
          span.to = Math.max(span.to, to);
        }
      }
    }
    const loads = grid.peaks[i];
    const levels = loads.map((peak) => loadLevel(peak, p.capacity));
    // A person's weeks repeat a few loads: each is written once.
    const written = new Map<number, string>();
    const cellOf = (peak: number, w: number) => {
      let text = written.get(peak);
      if (text === undefined) written.set(peak, (text = capacityPercent(peak, p.capacity, levels[w])));
      return text;
    };
    return {
      id: p.id,
      name: displayName(p),
      role: p.role,
      capacity: p.capacity,
      peak: p.peak,
      overloaded: p.overallocations.length > 0,
      loads,
      cells: loads.map(cellOf),
      levels,
      projects: p.projects.map((project) => {
        const span = spans.get(project.id);
        return { project: indexOf(project.id), allocation: project.allocation, from: span?.from ?? -1, to: span?.to ?? -1 };
      }),
      periods: p.overallocations.map((o) => periodLine(o.from, o.to, o.peak, o.projects.map((id) => report.projectNames.get(id) ?? id))),
    };
  };
  const all = json.people.map(personOf);

  return {
    heatmap: {
      version: 1,
      basis,
      statusDate: analysis.rollup.statusDate,
      weeks: grid.weeks,
      truncated: grid.truncated,
      projects,
      people: [...all.filter((p) => p.overloaded), ...all.filter((p) => !p.overloaded)],
      suggestions: json.suggestions.map((s, i) => ({ person: s.person, project: s.project, text: suggestionText(report, i) })),
    },
    targets: { people, entries },
  };
}

/** "120% of capacity, over capacity (load 120%, capacity 100%)": a cell's load in words. */
export function heatmapCellLoad(person: HeatmapPerson, w: number): string {
  const load = person.loads[w];
  if (load === 0) return 'no load';
  if (person.capacity === null) return `load ${load}%, capacity not valid`;
  if (person.capacity === 0) return `load ${load}%, over capacity 0% (any load is over)`;
  const over = person.levels[w] === 'over' ? ', over capacity' : '';
  return `${person.cells[w]} of capacity${over} (load ${load}%, capacity ${person.capacity}%)`;
}

/** "Olga Ivanova, week of 2026-11-16: 120% of capacity, over capacity (load 120%, capacity 100%)": a cell in words. */
export function heatmapCellText(person: HeatmapPerson, week: Day, w: number): string {
  return `${person.name}, week of ${formatDay(week)}: ${heatmapCellLoad(person, w)}`;
}
