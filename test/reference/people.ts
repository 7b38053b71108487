/**
 * An independent reference for SPEC 10 (people and capacity), written from the SPEC alone and computed
 * day by day with exact rationals: each person's load on every day of every window, the segments and
 * periods over capacity it makes, the suggestions by trying every k, and where SPEC 6 puts each
 * `overallocated` warning. It reads the projects' dates, states, forecasts and floats from the reference
 * rollup (spec.ts), never from the engine.
 */
import { toDate, toDay, type Day } from './days';
import type { Person, Project, TeamEntry, Workspace } from './model';
import { Rational } from './rational';
import type { Expected } from './spec';
import type { Places } from './yaml';

export type Basis = 'plan' | 'forecast';

export interface RefPerson {
  id: string;
  name: string | null;
  capacity: string;
  projects: Array<{ id: string; allocation: string }>;
  segments: Array<{ from: string; to: string; load: string; projects: string[] }>;
  overallocations: Array<{ from: string; to: string; peak: string; projects: string[] }>;
  peak: string;
}

export interface RefSuggestion {
  person: string;
  from: string;
  to: string;
  project: string;
  shiftDays: number;
}

export interface RefOverallocated {
  file: string;
  line: number;
  column: number;
  person: string;
  from: string;
  to: string;
}

interface Entry {
  project: Project;
  entry: TeamEntry;
  allocation: Rational;
}

const read = (text: string | undefined, fallback: number) => (text === undefined ? Rational.of(fallback) : Rational.decimal(text));

function projectsOf(workspace: Workspace): Project[] {
  const out: Project[] = [];
  for (const file of workspace.files) {
    for (const document of file.documents) {
      if ('portfolio' in document) for (const program of document.portfolio.programs) out.push(...program.projects);
      else if ('program' in document) out.push(...document.program.projects);
      else out.push(document.project);
    }
  }
  return out;
}

export function referencePeople(workspace: Workspace, expected: Expected, places: Places, basis: Basis): { people: RefPerson[]; suggestions: RefSuggestion[]; warnings: RefOverallocated[] } {
  const registry: Person[] = workspace.files.flatMap((f) => f.people ?? []);
  const projects = projectsOf(workspace);
  const info = new Map(expected.projects.map((p) => [p.id, p]));
  const windowOf = (project: Project, shift = 0): [Day, Day] | undefined => {
    const p = info.get(project.id)!;
    if (p.state === 'cancelled') return undefined;
    const forecast = basis === 'forecast' && p.state !== 'done';
    const start = forecast ? p.figures.forecastStart : p.start;
    const end = forecast ? p.figures.forecastEnd : p.end;
    if (!start || !end) return undefined;
    return [toDay(start) + shift, toDay(end) + shift];
  };
  const entriesOf = (person: Person): Entry[] =>
    projects.flatMap((project) =>
      (project.team ?? []).filter((t) => t.person === person.id && info.get(project.id)!.state !== 'cancelled').map((entry) => ({ project, entry, allocation: read(entry.allocation, 100) })),
    );
  /** Day → [load, projects], with one project moved `shift` days. */
  const dayLoads = (person: Person, moved?: { project: Project; shift: number }) => {
    const days = new Map<Day, { load: Rational; projects: Set<string> }>();
    for (const { project, allocation } of entriesOf(person)) {
      const window = windowOf(project, moved?.project === project ? moved.shift : 0);
      if (!window) continue;
      for (let d = window[0]; d <= window[1]; d++) {
        const day = days.get(d) ?? { load: Rational.zero, projects: new Set<string>() };
        day.load = day.load.add(allocation);
        day.projects.add(project.id);
        days.set(d, day);
      }
    }
    return days;
  };
  const capacityOf = (person: Person) => read(person.capacity, 100);
  const overDays = (person: Person, moved?: { project: Project; shift: number }) => {
    const cap = capacityOf(person);
    return new Set([...dayLoads(person, moved)].filter(([, v]) => v.load.gt(cap)).map(([d]) => d));
  };

  const people: RefPerson[] = [];
  const suggestions: RefSuggestion[] = [];
  const warnings: RefOverallocated[] = [];
  const sortedRegistry = [...registry].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const person of sortedRegistry) {
    const cap = capacityOf(person);
    const days = [...dayLoads(person)].sort(([a], [b]) => a - b);
    const segments: RefPerson['segments'] = [];
    let last: { day: Day; key: string } | undefined;
    for (const [d, v] of days) {
      const ids = [...v.projects].sort();
      const key = ids.join(',');
      const open = segments[segments.length - 1];
      if (last && last.day === d - 1 && last.key === key) open.to = toDate(d);
      else segments.push({ from: toDate(d), to: toDate(d), load: v.load.toString(), projects: ids });
      last = { day: d, key };
    }
    const periods: Array<{ from: Day; to: Day; peak: Rational; projects: Set<string> }> = [];
    for (const [d, v] of days) {
      if (!v.load.gt(cap)) continue;
      const open = periods[periods.length - 1];
      if (open && open.to === d - 1) {
        open.to = d;
        if (v.load.gt(open.peak)) open.peak = v.load;
        v.projects.forEach((id) => open.projects.add(id));
      } else periods.push({ from: d, to: d, peak: v.load, projects: new Set(v.projects) });
    }
    const allocations = new Map<string, Rational>();
    for (const { project, allocation } of entriesOf(person)) allocations.set(project.id, (allocations.get(project.id) ?? Rational.zero).add(allocation));
    const peak = days.reduce((top, [, v]) => (v.load.gt(top) ? v.load : top), Rational.zero);
    people.push({
      id: person.id,
      name: person.name ?? null,
      capacity: cap.toString(),
      projects: [...allocations].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, a]) => ({ id, allocation: a.toString() })),
      segments,
      overallocations: periods.map((p) => ({ from: toDate(p.from), to: toDate(p.to), peak: p.peak.toString(), projects: [...p.projects].sort() })),
      peak: peak.toString(),
    });
    if (basis !== 'plan') continue;
    for (const period of periods) {
      // overallocated: on the entry of the involved project that starts last (ties: smallest id).
      const involved = entriesOf(person).filter((e) => period.projects.has(e.project.id));
      const anchor = [...involved].sort((a, b) => toDay(info.get(b.project.id)!.start!) - toDay(info.get(a.project.id)!.start!) || (a.project.id < b.project.id ? -1 : a.project.id > b.project.id ? 1 : 0))[0];
      const place = places.get(anchor.entry)!.get('person')!;
      warnings.push({ file: place.file, line: place.line, column: place.column, person: person.id, from: toDate(period.from), to: toDate(period.to) });
      // Suggestions: every k in 1..float, tried day by day.
      for (const id of [...period.projects].sort()) {
        const p = info.get(id)!;
        if (p.state !== 'planned' || p.float === null || p.float <= 0) continue;
        const project = projects.find((q) => q.id === id)!;
        const team = registry.filter((r) => (project.team ?? []).some((t) => t.person === r.id));
        const before = new Map(team.map((member) => [member.id, overDays(member)]));
        for (let k = 1; k <= p.float; k++) {
          const moved = { project, shift: k };
          const after = overDays(person, moved);
          let ok = true;
          for (let d = period.from; d <= period.to && ok; d++) if (after.has(d)) ok = false;
          for (const member of team) {
            if (!ok) break;
            const was = before.get(member.id)!;
            for (const d of member === person ? after : overDays(member, moved)) {
              if (!was.has(d)) {
                ok = false;
                break;
              }
            }
          }
          if (ok) {
            suggestions.push({ person: person.id, from: toDate(period.from), to: toDate(period.to), project: id, shiftDays: k });
            break;
          }
        }
      }
    }
  }
  return { people, suggestions, warnings };
}
