/**
 * People and capacity (SPEC 10): each person's load over time, on the plan basis (the scheduled windows)
 * or the forecast basis, as segments (runs of days with the same projects), the periods over capacity,
 * and, on the plan basis, the suggestions that resolve a period by starting one project later.
 *
 * A person's load is swept over the start and end events of their team entries, never day by day:
 * windows can span years. Loads are exact: every allocation and the capacity are scaled to whole numbers
 * by the person's common denominator (33.3 + 33.3 + 33.4 is exactly 100).
 */
import type { Day } from '../base/dates';
import { Rational } from '../base/exact';
import type { Person, Project, TeamEntry } from '../model/entities';
import type { PlanIndex, TeamPlace } from './planIndex';
import type { ProjectRollup, RollupResult } from './rollup';
import type { Schedule } from './schedule';

export type LoadBasis = 'plan' | 'forecast';

/** A run of days with the same set of contributing projects (load > 0). */
/** A run of days [from, to] and every project with load on any of them, by id. */
export interface LoadRun {
  readonly from: Day;
  readonly to: Day;
  readonly projects: readonly Project[];
}

export interface LoadSegment extends LoadRun {
  /** Percent. */
  readonly load: number;
}

/** A run of days with load above capacity. */
export interface Overallocation extends LoadRun {
  /** The highest load in the run, percent. */
  readonly peak: number;
}

/** A person's team entry on a non-cancelled project, and the days it loads them on the basis (none: unscheduled or rejected). */
export interface Assignment {
  readonly project: Project;
  readonly entry: TeamEntry;
  readonly start: Day | undefined;
  readonly end: Day | undefined;
  /** The allocation in the person's units; 0n for a rejected allocation (no load). */
  readonly units: bigint;
}

export interface PersonLoad {
  readonly person: Person;
  /** Percent; null when the schema rejects the capacity written (then no period is worked out). */
  readonly capacity: number | null;
  /** Team entries on non-cancelled projects, in workspace order. */
  readonly assignments: readonly Assignment[];
  readonly segments: readonly LoadSegment[];
  readonly overallocations: readonly Overallocation[];
  /** The highest load on any day, percent (0 without load). */
  readonly peak: number;
  /**
   * @internal Exact figures (percent × scale): the capacity, each segment's load and each period's peak, in
   * units; and each segment's first and last day (what the suggestions search, without the segments).
   */
  readonly exact: {
    readonly scale: bigint;
    readonly capacity: bigint | null;
    readonly loads: readonly bigint[];
    readonly peaks: readonly bigint[];
    readonly from: readonly Day[];
    readonly to: readonly Day[];
  };
}

/** Start `project` `shiftDays` later: that resolves `person`'s period [from, to] (SPEC 10). */
export interface LoadSuggestion extends Pick<LoadRun, 'from' | 'to'> {
  readonly person: Person;
  readonly project: Project;
  readonly shiftDays: number;
  /** The project's total float (days). */
  readonly float: number;
}

/** What the load model reads from an analysis. */
export interface LoadInputs {
  readonly index: PlanIndex;
  readonly schedule: Schedule;
  readonly rollup: RollupResult;
}

/** The people of the registry, one per id (the first definition), by id. */
export function registryPeople(index: PlanIndex): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (const person of index.people) {
    if (seen.has(person.id) || index.definitions.get(person.id)?.[0] !== person) continue;
    seen.add(person.id);
    out.push(person);
  }
  return out.sort((a, b) => compareIds(a.id, b.id));
}

export function compareIds(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The days a project loads its team. */
interface LoadWindow {
  readonly start: Day;
  readonly end: Day;
}

/** The window a counted (not cancelled) project loads its team on a basis: its forecast's or its schedule's days (no copy), when they make one. */
function windowOf(project: Project, result: ProjectRollup, basis: LoadBasis, inputs: LoadInputs): LoadWindow | undefined {
  const days = basis === 'forecast' && result.state !== 'done' ? result.forecast : inputs.schedule.dates.get(project);
  return days !== undefined && isWindow(days) ? days : undefined;
}

function isWindow(days: { readonly start?: Day | null; readonly end?: Day | null }): days is LoadWindow {
  const { start, end } = days;
  return start !== undefined && start !== null && end !== undefined && end !== null && end >= start;
}

/** A person's load on a basis: segments, periods over capacity and peak, by a sweep over their entries' start and end events. */
export function personLoad(person: Person, entries: readonly TeamPlace[], basis: LoadBasis, inputs: LoadInputs): PersonLoad {
  const capacityKnown = !person.invalid.has('capacity');
  // The person's scale: the least common denominator of their allocations and capacity.
  let scale = 1n;
  const denominator = (value: number) => {
    if (Number.isInteger(value)) return;
    const den = Rational.of(value).den;
    scale = (scale * den) / gcd(scale, den);
  };
  if (capacityKnown) denominator(person.capacity);
  // The entries on projects that count (not cancelled), by their place in `entries`.
  const kept: number[] = [];
  const results = keptResults;
  for (let i = 0; i < entries.length; i++) {
    const result = inputs.rollup.projects.get(entries[i].project);
    if (result === undefined || result.cancelled) continue;
    results[kept.length] = result;
    kept.push(i);
    if (!entries[i].entry.rejected) denominator(entries[i].entry.allocation);
  }
  const unitsOf = (value: number): bigint => {
    if (scale === 1n && Number.isInteger(value) && value >= 0 && value < wholePercents.length) return wholePercents[value];
    if (Number.isInteger(value)) return BigInt(value) * scale;
    const exact = Rational.of(value);
    return (exact.num * scale) / exact.den;
  };

  // The assignments as columns (made into objects only when read: an analysis reads those of the people
  // over capacity): each kept entry's window on the basis (NaN: none) and its allocation in units.
  const windows: number[] = [];
  const units: bigint[] = [];
  for (let k = 0; k < kept.length; k++) {
    const { project, entry } = entries[kept[k]];
    const window = entry.rejected ? undefined : windowOf(project, results[k], basis, inputs);
    windows.push(window?.start ?? Number.NaN, window?.end ?? Number.NaN);
    units.push(entry.rejected ? 0n : unitsOf(entry.allocation));
  }
  results.length = 0;
  const capacity = capacityKnown ? unitsOf(person.capacity) : null;

  // Events: +units at start, −units the day after the end; the set of projects changes only there. Each
  // event is one number, day × perDay + (assignment × 2, + 1 for an end), sorted as numbers: by day, then
  // in the order of the entries. Exact: |day| < 2^22 (years −9999 to 9999) and perDay < 2^31.
  const perDay = Math.max(2, kept.length * 2);
  const events = eventKeys(kept.length * 2);
  let count = 0;
  for (let k = 0; k < kept.length; k++) {
    const start = windows[2 * k];
    if (Number.isNaN(start) || units[k] === 0n) continue;
    events[count++] = start * perDay + k * 2;
    events[count++] = (windows[2 * k + 1] + 1) * perDay + k * 2 + 1;
  }
  events.subarray(0, count).sort();
  // The segments, compact: each one's days and load, and its projects as a run of `involved` (sorted by
  // id only when someone reads the segments or a period: an analysis computes everyone's load and reads
  // only the periods).
  const from: Day[] = [];
  const to: Day[] = [];
  const loads: bigint[] = [];
  const involved: Project[] = [];
  const involvedAt: number[] = [0];
  // The projects with load on the current day and how many of their entries are active (a short list).
  const active: Project[] = [];
  const activeEntries: number[] = [];
  let load = 0n;
  for (let i = 0; i < count; ) {
    const day = Math.floor(events[i] / perDay);
    let changed = false;
    for (; i < count && Math.floor(events[i] / perDay) === day; i++) {
      const code = events[i] - day * perDay;
      const k = code >> 1;
      const project = entries[kept[k]].project;
      const at = active.indexOf(project);
      if ((code & 1) === 0) {
        load += units[k];
        if (at >= 0) activeEntries[at]++;
        else {
          active.push(project);
          activeEntries.push(1);
          changed = true;
        }
      } else {
        load -= units[k];
        if (--activeEntries[at] === 0) {
          // Out of the list by the last one taking its place (its order does not matter: a segment's projects are sorted when made).
          active[at] = active[active.length - 1];
          activeEntries[at] = activeEntries[activeEntries.length - 1];
          active.pop();
          activeEntries.pop();
          changed = true;
        }
      }
    }
    // Two entries of one project share a window: the set (and the load) changes only when a project starts or ends.
    if (!changed) continue;
    if (from.length > to.length) to.push(day - 1);
    if (active.length > 0) {
      from.push(day);
      loads.push(load);
      involved.push(...active);
      involvedAt.push(involved.length);
    }
  }
  const projectsOf = (first: number, last: number): Project[] => {
    const list = involved.slice(involvedAt[first], involvedAt[last + 1]);
    return list.length === 1 ? list : [...new Set(list)].sort((x, y) => compareIds(x.id, y.id));
  };

  const overallocations: Overallocation[] = [];
  const peaks: bigint[] = [];
  let peak = 0n;
  for (let i = 0; i < loads.length; ) {
    if (loads[i] > peak) peak = loads[i];
    if (capacity === null || loads[i] <= capacity) {
      i++;
      continue;
    }
    // A run of adjacent segments over capacity is one period.
    let last = i;
    let top = loads[i];
    while (last + 1 < loads.length && from[last + 1] === to[last] + 1 && loads[last + 1] > capacity) {
      last++;
      if (loads[last] > top) top = loads[last];
    }
    if (top > peak) peak = top;
    peaks.push(top);
    overallocations.push({ from: from[i], to: to[last], peak: toPercent(top, scale), projects: projectsOf(i, last) });
    i = last + 1;
  }
  const assignmentsOf = (): Assignment[] =>
    kept.map((i, k) => {
      const start = windows[2 * k];
      const window = Number.isNaN(start) ? { start: undefined, end: undefined } : { start, end: windows[2 * k + 1] };
      return { project: entries[i].project, entry: entries[i].entry, ...window, units: units[k] };
    });
  return new Load(person, capacityKnown ? person.capacity : null, overallocations, toPercent(peak, scale), { scale, capacity, loads, peaks, from, to }, projectsOf, assignmentsOf);
}

/** The rollups of one person's kept entries at a time (emptied after each person). */
const keptResults: ProjectRollup[] = [];

/** A scratch array for the event keys of one person at a time (grown when needed, never shrunk). */
let scratchKeys = new Float64Array(1024);
function eventKeys(length: number): Float64Array {
  if (scratchKeys.length < length) scratchKeys = new Float64Array(Math.max(length, scratchKeys.length * 2));
  return scratchKeys;
}

/** A person's load; its segments and assignments made when first read. */
class Load implements PersonLoad {
  private made: LoadSegment[] | undefined;
  private madeAssignments: Assignment[] | undefined;

  constructor(
    readonly person: Person,
    readonly capacity: number | null,
    readonly overallocations: readonly Overallocation[],
    readonly peak: number,
    readonly exact: PersonLoad['exact'],
    private readonly projectsOf: (first: number, last: number) => Project[],
    private readonly assignmentsOf: () => Assignment[],
  ) {}

  get assignments(): readonly Assignment[] {
    this.madeAssignments ??= this.assignmentsOf();
    return this.madeAssignments;
  }

  get segments(): readonly LoadSegment[] {
    if (this.made === undefined) {
      const { from, to, loads, scale } = this.exact;
      this.made = loads.map((units, i) => ({ from: from[i], to: to[i], load: toPercent(units, scale), projects: this.projectsOf(i, i) }));
    }
    return this.made;
  }
}

/** 0n … 1000n made once: most allocations and capacities are whole percents (one BigInt fewer per team entry). */
const wholePercents: readonly bigint[] = Array.from({ length: 1001 }, (_, i) => BigInt(i));

function toPercent(units: bigint, scale: bigint): number {
  return scale === 1n ? Number(units) : Number(units) / Number(scale);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** A person's summed allocation (in their units) on a project. */
function unitsOn(load: PersonLoad, project: Project): bigint {
  let units = 0n;
  for (const a of load.assignments) if (a.project === project) units += a.units;
  return units;
}

/**
 * The suggestions for one period of a person (SPEC 10, plan basis): for each involved project in state
 * planned with positive float, the smallest k in 1..float such that, with that project k days later and
 * nothing else moved, (a) no day of the period is over the person's capacity and (b) no one on the
 * project's team has a day over capacity they did not have before. Ordered by project id.
 *
 * (a) holds only when the project covers the whole period (a day of the period outside its old window
 * keeps or gains load) and the peak less its allocation fits: then for every k past the period's end.
 * (b): moving the project later only adds load on the days after its old end, [max(s + k, e + 1), e + k];
 * a day there is new over capacity when cap − a < load ≤ cap. So k jumps past each such day, no day loop.
 */
export function periodSuggestions(load: PersonLoad, period: Overallocation, loads: ReadonlyMap<Person, PersonLoad>, teamOf: (project: Project) => readonly Person[], inputs: LoadInputs): LoadSuggestion[] {
  const out: LoadSuggestion[] = [];
  const capacity = load.exact.capacity;
  if (capacity === null) return out;
  const peak = load.exact.peaks[load.overallocations.indexOf(period)];
  for (const project of period.projects) {
    const float = inputs.schedule.float.get(project);
    const result = inputs.rollup.projects.get(project);
    if (float === undefined || float <= 0 || result?.state !== 'planned') continue;
    const dates = inputs.schedule.dates.get(project);
    if (dates?.start === undefined || dates.end === undefined) continue;
    const { start: s, end: e } = dates;
    if (s > period.from || e < period.to) continue;
    if (peak - unitsOn(load, project) > capacity) continue;
    let k = Math.max(1, period.to - s + 1);
    const team = teamOf(project).map((person) => ({ load: loads.get(person)!, units: unitsOn(loads.get(person)!, project) })).filter((t) => t.load && t.load.exact.capacity !== null && t.units > 0n);
    for (let settled = false; !settled && k <= float; ) {
      settled = true;
      for (const member of team) {
        const bad = firstNewOverDay(member.load, member.units, Math.max(s + k, e + 1), e + k);
        if (bad !== undefined) {
          // Past the end of that run of days: the gained days must start after it.
          k = Math.max(k + 1, bad - s + 1);
          settled = false;
          break;
        }
      }
    }
    if (k <= float) out.push({ person: load.person, from: period.from, to: period.to, project, shiftDays: k, float });
  }
  return out;
}

/**
 * The last day of the first run of days in [lo, hi] where adding `units` would put the person newly over
 * capacity (cap − units < load ≤ cap), or undefined when there is none.
 */
function firstNewOverDay(load: PersonLoad, units: bigint, lo: Day, hi: Day): Day | undefined {
  const { loads, capacity, from, to } = load.exact;
  const cap = capacity!;
  const bad = (value: bigint) => value <= cap && value + units > cap;
  // The first segment ending on or after lo.
  let low = 0;
  let high = loads.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (to[mid] < lo) low = mid + 1;
    else high = mid;
  }
  let day = lo;
  let i = low;
  const gapBad = bad(0n);
  while (day <= hi) {
    if (i < loads.length && from[i] <= day) {
      if (bad(loads[i])) return to[i];
      day = to[i] + 1;
      i++;
    } else {
      const gapEnd = i < loads.length ? from[i] - 1 : Number.POSITIVE_INFINITY;
      if (gapBad) return gapEnd;
      day = gapEnd + 1;
    }
  }
  return undefined;
}

/** Every person's load on a basis, by id (every registry person), and the suggestions (plan basis only). */
export interface PeopleLoad {
  readonly basis: LoadBasis;
  readonly people: readonly PersonLoad[];
  readonly suggestions: readonly LoadSuggestion[];
}

/** The people and their load on a basis, for the views (the `people` command, the report). */
export function peopleLoad(inputs: LoadInputs, basis: LoadBasis): PeopleLoad {
  const { teamEntries } = inputs.index;
  const loads = new Map<Person, PersonLoad>();
  for (const person of registryPeople(inputs.index)) loads.set(person, personLoad(person, teamEntries.get(person) ?? [], basis, inputs));
  const suggestions: LoadSuggestion[] = [];
  if (basis === 'plan') {
    const team = (project: Project) => teamOf(inputs.index, project);
    for (const load of loads.values()) {
      for (const period of load.overallocations) suggestions.push(...periodSuggestions(load, period, loads, team, inputs));
    }
  }
  return { basis, people: [...loads.values()], suggestions };
}

/** Who is on a project's team (people of the registry, each once), worked out when asked (suggestions and edits ask for a few projects). */
export function teamOf(index: PlanIndex, project: Project): Person[] {
  const team: Person[] = [];
  for (const entry of project.team) {
    const person = index.definitions.get(entry.person.name)?.[0];
    if (person?.kind === 'person' && !team.includes(person)) team.push(person);
  }
  return team;
}

/** The plan-basis loads of everyone with team entries, kept with the analysis for the checks (and updated person by person after an edit). */
export class PlanLoads {
  readonly loads = new Map<Person, PersonLoad>();
  readonly teamOf: (project: Project) => readonly Person[];

  constructor(private readonly inputs: LoadInputs) {
    this.teamOf = (project) => teamOf(inputs.index, project);
    for (const person of inputs.index.teamEntries.keys()) this.update(person);
  }

  /** A person's load again (none when no team entry names them now). */
  update(person: Person): void {
    const entries = this.inputs.index.teamEntries.get(person);
    if (entries) this.loads.set(person, personLoad(person, entries, 'plan', this.inputs));
    else this.loads.delete(person);
  }

  suggestions(load: PersonLoad, period: Overallocation): LoadSuggestion[] {
    return periodSuggestions(load, period, this.loads, this.teamOf, this.inputs);
  }
}
