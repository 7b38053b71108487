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
import type { PlanIndex } from './planIndex';
import type { RollupResult } from './rollup';
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
  /** @internal Exact figures (percent × scale): the capacity, each segment's load and each period's peak, in units. */
  readonly exact: { readonly scale: bigint; readonly capacity: bigint | null; readonly loads: readonly bigint[]; readonly peaks: readonly bigint[] };
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

export type TeamEntries = ReadonlyMap<Person, ReadonlyArray<{ readonly project: Project; readonly entry: TeamEntry }>>;

/** A person's team entries over the workspace, in workspace order; a person defined twice counts at the first definition. */
export function teamEntriesByPerson(index: PlanIndex): Map<Person, Array<{ project: Project; entry: TeamEntry }>> {
  const people = new Map<string, Person>();
  for (const person of index.people) if (!people.has(person.id)) people.set(person.id, person);
  const byPerson = new Map<Person, Array<{ project: Project; entry: TeamEntry }>>();
  for (const project of index.projects) {
    for (const entry of project.team) {
      const person = people.get(entry.person.name);
      if (!person || index.definitions.get(person.id)?.[0] !== person) continue;
      const list = byPerson.get(person);
      if (list) list.push({ project, entry });
      else byPerson.set(person, [{ project, entry }]);
    }
  }
  return byPerson;
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

/** The window a project loads its team on a basis; undefined when it gives no load (cancelled, unscheduled). */
export function loadWindow(project: Project, basis: LoadBasis, inputs: LoadInputs): { start: Day; end: Day } | undefined {
  const result = inputs.rollup.projects.get(project);
  if (!result || result.cancelled) return undefined;
  let start: Day | undefined | null;
  let end: Day | undefined | null;
  if (basis === 'forecast' && result.state !== 'done') {
    start = result.forecast.start;
    end = result.forecast.end;
  } else {
    const dates = inputs.schedule.dates.get(project);
    start = dates?.start;
    end = dates?.end;
  }
  if (start === undefined || start === null || end === undefined || end === null || end < start) return undefined;
  return { start, end };
}

/** Whether a project counts at all (not cancelled). */
function counted(project: Project, inputs: LoadInputs): boolean {
  const result = inputs.rollup.projects.get(project);
  return result !== undefined && !result.cancelled;
}

/** A person's load on a basis: segments, periods over capacity and peak, by a sweep over their entries' start and end events. */
export function personLoad(person: Person, entries: ReadonlyArray<{ project: Project; entry: TeamEntry }>, basis: LoadBasis, inputs: LoadInputs): PersonLoad {
  const capacityKnown = !person.invalid.has('capacity');
  // The person's scale: the least common denominator of their allocations and capacity.
  let scale = 1n;
  const denominator = (value: number) => {
    if (Number.isInteger(value)) return;
    const den = Rational.of(value).den;
    scale = (scale * den) / gcd(scale, den);
  };
  if (capacityKnown) denominator(person.capacity);
  const kept = entries.filter(({ project }) => counted(project, inputs));
  for (const { entry } of kept) if (!entry.rejected) denominator(entry.allocation);
  const unitsOf = (value: number) => (Number.isInteger(value) ? BigInt(value) * scale : (() => {
    const exact = Rational.of(value);
    return (exact.num * scale) / exact.den;
  })());

  const assignments: Assignment[] = kept.map(({ project, entry }) => {
    const window = entry.rejected ? undefined : loadWindow(project, basis, inputs);
    return { project, entry, start: window?.start, end: window?.end, units: entry.rejected ? 0n : unitsOf(entry.allocation) };
  });
  const capacity = capacityKnown ? unitsOf(person.capacity) : null;

  // Events: +units at start, −units the day after the end; the set of projects changes only there.
  const events: Array<{ day: Day; a: Assignment; sign: 1 | -1 }> = [];
  for (const a of assignments) {
    if (a.start === undefined || a.end === undefined || a.units === 0n) continue;
    events.push({ day: a.start, a, sign: 1 }, { day: a.end + 1, a, sign: -1 });
  }
  events.sort((x, y) => x.day - y.day);
  const segments: LoadSegment[] = [];
  const loads: bigint[] = [];
  const active = new Map<Project, number>();
  let load = 0n;
  let openFrom: Day | undefined;
  let openLoad = 0n;
  let openProjects: Project[] = [];
  const close = (until: Day) => {
    if (openFrom === undefined) return;
    segments.push({ from: openFrom, to: until, load: toPercent(openLoad, scale), projects: openProjects });
    loads.push(openLoad);
    openFrom = undefined;
  };
  for (let i = 0; i < events.length; ) {
    const day = events[i].day;
    let changed = false;
    for (; i < events.length && events[i].day === day; i++) {
      const { a, sign } = events[i];
      load += BigInt(sign) * a.units;
      const count = (active.get(a.project) ?? 0) + sign;
      if (count === 0) {
        active.delete(a.project);
        changed = true;
      } else {
        if (count === 1 && sign === 1) changed = true;
        active.set(a.project, count);
      }
    }
    // Two entries of one project share a window: the set (and the load) changes only when a project starts or ends.
    if (!changed) continue;
    close(day - 1);
    if (active.size > 0) {
      openFrom = day;
      openLoad = load;
      openProjects = [...active.keys()].sort((x, y) => compareIds(x.id, y.id));
    }
  }

  const overallocations: Overallocation[] = [];
  const peaks: bigint[] = [];
  let peak = 0n;
  for (let i = 0; i < segments.length; i++) {
    if (loads[i] > peak) peak = loads[i];
    if (capacity === null || loads[i] <= capacity) continue;
    const previous = overallocations.length > 0 ? overallocations[overallocations.length - 1] : undefined;
    if (previous && previous.to + 1 === segments[i].from && loads[i - 1] > capacity) {
      const projects = [...new Set([...previous.projects, ...segments[i].projects])].sort((x, y) => compareIds(x.id, y.id));
      const top = peaks[peaks.length - 1] > loads[i] ? peaks[peaks.length - 1] : loads[i];
      peaks[peaks.length - 1] = top;
      overallocations[overallocations.length - 1] = { from: previous.from, to: segments[i].to, peak: toPercent(top, scale), projects };
    } else {
      peaks.push(loads[i]);
      overallocations.push({ from: segments[i].from, to: segments[i].to, peak: toPercent(loads[i], scale), projects: segments[i].projects });
    }
  }
  return {
    person,
    capacity: capacityKnown ? person.capacity : null,
    assignments,
    segments,
    overallocations,
    peak: toPercent(peak, scale),
    exact: { scale, capacity, loads, peaks },
  };
}

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
  const { segments } = load;
  const { loads, capacity } = load.exact;
  const cap = capacity!;
  const bad = (value: bigint) => value <= cap && value + units > cap;
  // The first segment ending on or after lo.
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (segments[mid].to < lo) low = mid + 1;
    else high = mid;
  }
  let day = lo;
  let i = low;
  const gapBad = bad(0n);
  while (day <= hi) {
    if (i < segments.length && segments[i].from <= day) {
      if (bad(loads[i])) return segments[i].to;
      day = segments[i].to + 1;
      i++;
    } else {
      const gapEnd = i < segments.length ? segments[i].from - 1 : Number.POSITIVE_INFINITY;
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
export function peopleLoad(inputs: LoadInputs, basis: LoadBasis, teamEntries: TeamEntries = teamEntriesByPerson(inputs.index)): PeopleLoad {
  const loads = new Map<Person, PersonLoad>();
  for (const person of registryPeople(inputs.index)) loads.set(person, personLoad(person, teamEntries.get(person) ?? [], basis, inputs));
  const suggestions: LoadSuggestion[] = [];
  if (basis === 'plan') {
    const teamOf = teamLookup(teamEntries);
    for (const load of loads.values()) {
      for (const period of load.overallocations) suggestions.push(...periodSuggestions(load, period, loads, teamOf, inputs));
    }
  }
  return { basis, people: [...loads.values()], suggestions };
}

/** Who is on a project's team (people of the registry, each once). */
export function teamLookup(teamEntries: TeamEntries): (project: Project) => readonly Person[] {
  const byProject = new Map<Project, Person[]>();
  for (const [person, entries] of teamEntries) {
    for (const { project } of entries) {
      const list = byProject.get(project);
      if (!list) byProject.set(project, [person]);
      else if (!list.includes(person)) list.push(person);
    }
  }
  return (project) => byProject.get(project) ?? [];
}

/** The plan-basis loads of everyone with team entries, kept with the analysis for the checks (and updated person by person after an edit). */
export class PlanLoads {
  readonly loads = new Map<Person, PersonLoad>();
  readonly teamOf: (project: Project) => readonly Person[];

  constructor(
    private readonly inputs: LoadInputs,
    readonly teamEntries: TeamEntries,
  ) {
    this.teamOf = teamLookup(teamEntries);
    for (const person of teamEntries.keys()) this.update(person);
  }

  update(person: Person): void {
    const entries = this.teamEntries.get(person);
    if (entries) this.loads.set(person, personLoad(person, entries, 'plan', this.inputs));
  }

  suggestions(load: PersonLoad, period: Overallocation): LoadSuggestion[] {
    return periodSuggestions(load, period, this.loads, this.teamOf, this.inputs);
  }
}
