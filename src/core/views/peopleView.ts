/**
 * A person's load as the editor shows it (SPEC 10 "In VS Code"): the People view's rows (person ›
 * projects with allocation) and a person's hover — the peak against capacity and the periods over
 * capacity, on the plan basis (the basis of `overallocated`). Read from the load model (analysis/people.ts).
 */
import { formatDay } from '../base/dates';
import { personLoad, registryPeople, type PersonLoad } from '../analysis/people';
import type { Analysis } from '../analysis/workspace';
import type { Person, Project, TeamEntry } from '../model/entities';
import { periodLine, periodText } from './peopleReport';

export type PersonProjectView = Readonly<{
  project: Project;
  /** The summed allocation of the person's valid entries on it, percent. */
  allocation: number;
  /** The person's team entries on it, in the order written (the first is where a click goes). */
  entries: readonly TeamEntry[];
}>;

export type PersonView = Readonly<{
  person: Person;
  load: PersonLoad;
  /** Non-cancelled projects the person is on, by id. */
  projects: readonly PersonProjectView[];
  overloaded: boolean;
  /** "peak 110% of 100% · over 3–20 Apr 2026" / "peak 60% of 100%" / "no team entry". */
  summary: string;
  /** Each period over capacity: "3–20 Apr 2026: 110% on Shop rebuild, Web". */
  periods: readonly string[];
}>;

const byId = (a: string | undefined, b: string | undefined) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

function viewOf(load: PersonLoad): PersonView {
  const byProject = new Map<Project, { units: bigint; entries: TeamEntry[] }>();
  for (const a of load.assignments) {
    const row = byProject.get(a.project) ?? { units: 0n, entries: [] };
    row.entries.push(a.entry);
    if (!a.entry.rejected) row.units += a.units;
    byProject.set(a.project, row);
  }
  const projects = [...byProject]
    .map(([project, row]) => ({ project, allocation: Number(row.units) / Number(load.exact.scale), entries: row.entries }))
    .sort((a, b) => byId(a.project.id, b.project.id));
  const periods = load.overallocations.map((o) => periodLine(formatDay(o.from), formatDay(o.to), o.peak, o.projects.map((p) => p.name ?? p.id ?? '?')));
  const over = load.overallocations;
  let summary: string;
  if (load.assignments.length === 0) summary = 'no team entry';
  else if (load.capacity === null) summary = `peak ${load.peak}%, capacity not valid`;
  else {
    summary = `peak ${load.peak}% of ${load.capacity}%`;
    if (over.length > 0) summary += ` · over ${periodText(formatDay(over[0].from), formatDay(over[0].to))}${over.length > 1 ? ` and ${over.length - 1} more` : ''}`;
  }
  return { person: load.person, load, projects, overloaded: over.length > 0, summary, periods };
}

/** Each load's view, made once: an analysis after an edit keeps the loads the edit did not change. */
const viewsOfLoads = new WeakMap<PersonLoad, PersonView>();

function cachedViewOf(load: PersonLoad): PersonView {
  let view = viewsOfLoads.get(load);
  if (!view) viewsOfLoads.set(load, (view = viewOf(load)));
  return view;
}

/**
 * Everyone of the registry on the plan basis: those over capacity first, each group by id. The loads are
 * the analysis's own (those the checks read), so this is a walk over views already made for the people
 * whose load an edit did not change.
 */
export function peopleView(analysis: Analysis): PersonView[] {
  const views = registryPeople(analysis.index).map((person) =>
    cachedViewOf(analysis.planLoads.get(person) ?? personLoad(person, analysis.index.teamEntries.get(person) ?? [], 'plan', analysis)),
  );
  return [...views.filter((v) => v.overloaded), ...views.filter((v) => !v.overloaded)];
}

/** One person's load on the plan basis (for a hover). */
export function personView(analysis: Analysis, person: Person): PersonView {
  return viewOf(personLoad(person, analysis.index.teamEntries.get(person) ?? [], 'plan', analysis));
}
