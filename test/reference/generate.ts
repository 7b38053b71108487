/**
 * fast-check generators of VALID workspaces (no errors: no cycles, no unknown references, no duplicate
 * ids, every project scheduled, no date conflicts) spread over several files, for the reference test.
 *
 * - `randomWorkspace`: portfolios, programs and projects with realistic values (money with up to two
 *   decimals, progress with decimals, durations in days and weeks, baselines, dependencies between
 *   projects and milestones across programs, every state), status dates declared on some portfolios
 *   and programs, and sometimes `--status-date`.
 * - `boundaryWorkspace`: workspaces where an SPI or CPI, of a project or of a program's sums, is exactly
 *   0.90 or 0.95 (or a hair off) with values that are not exact in binary, program budgets equal to the
 *   sum of their projects' to the cent, forecasts whose day count (window / SPI) is a whole number, and
 *   milestones on the day their dependency's forecast ends.
 *
 * Both are built from a plain record of choices (fast-check shrinks the record), turned into a model by
 * a deterministic builder: dependencies are picks among what was created before, so there is no cycle
 * and no unknown reference whatever the picks are.
 */
import fc from 'fast-check';
import { toDate, toDay, type Day } from './days';
import type { Benefit, Document, Issue, Milestone, PlanFileModel, Portfolio, Program, Project, Rag, Risk, Severity, State, Workspace } from './model';
import { Rational } from './rational';

/** The days every generated date counts from: one per workspace, so some plans span 29 February 2028. */
const BASES: readonly Day[] = ['2026-01-05', '2027-10-18', '2025-12-29'].map(toDay);
const STATES: readonly State[] = ['planned', 'active', 'on-hold', 'done', 'cancelled'];
const RAGS: readonly Rag[] = ['green', 'amber', 'red'];
const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
const PEOPLE = ['ann', 'bob'];
const FILE_NAMES = ['plans/alpha.plan.yaml', 'plans/beta.plan.yml', 'gamma.plan.yaml', 'teams/delta/delta.plan.yaml', 'omega.plan.yaml'];

/** Money written with up to two decimals: 1234, 1234.5, 1234.56. */
export function centsText(cents: number): string {
  return Rational.ratio(cents, 100).toString();
}

/** The exact decimal text of a rational when it has at most `places` decimals, else undefined. */
export function decimalText(value: Rational, places: number): string | undefined {
  const scaled = value.mul(Rational.of(10n ** BigInt(places)));
  return scaled.den === 1n ? value.toString() : undefined;
}

// ---------------------------------------------------------------------------------------------------
// The record of choices

/** `undefined` (the key is not written) once in `freq` draws. */
const option = <T>(arb: fc.Arbitrary<T>, freq = 2) => fc.option(arb, { nil: undefined, freq });
const money = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 5_000 }).map((k) => k * 100_00), weight: 3 }, // round hundreds
  { arbitrary: fc.integer({ min: 0, max: 50_000_000 }), weight: 3 }, // any cents up to 500,000
  { arbitrary: fc.integer({ min: 0, max: 90_000_000_000_000 }), weight: 1 }, // up to 900 billion, to the cent
);
const progress = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((p) => p * 100),
  fc.integer({ min: 0, max: 10_000 }), // hundredths of a percent
  fc.constant(10_000),
);

const riskChoice = fc.record({
  likelihood: fc.integer({ min: 1, max: 5 }),
  impact: fc.integer({ min: 1, max: 5 }),
  mitigated: fc.boolean(),
  state: option(fc.constantFrom<'open' | 'closed'>('open', 'closed')),
});
const issueChoice = fc.record({
  severity: fc.constantFrom(...SEVERITIES),
  state: option(fc.constantFrom<'open' | 'closed'>('open', 'closed')),
  due: option(fc.integer({ min: 0, max: 420 })),
  withId: fc.boolean(),
});
const milestoneChoice = fc.record({
  /** Days from the holder's start (a project's) or from the base day (a program's). */
  offset: fc.integer({ min: -10, max: 200 }),
  done: option(fc.boolean()),
  deps: fc.array(fc.nat(), { maxLength: 2 }),
  withId: fc.boolean(),
});
const projectChoice = fc.record({
  startOffset: fc.integer({ min: 0, max: 330 }),
  explicitStart: fc.boolean(),
  deps: fc.array(fc.nat(), { maxLength: 3 }),
  length: fc.integer({ min: 1, max: 120 }),
  weeks: fc.boolean(),
  endMode: fc.constantFrom<'duration' | 'end' | 'both'>('duration', 'end', 'both'),
  budget: option(money, 5),
  spent: option(money, 4),
  /** When given, spent is this percentage of the earned value (a realistic CPI near 1) instead. */
  spentPercentOfEarned: option(fc.integer({ min: 70, max: 130 })),
  progress: option(progress, 5),
  state: option(fc.constantFrom(...STATES), 3),
  health: option(fc.constantFrom(...RAGS)),
  baseline: option(
    fc.record({
      startShift: option(fc.integer({ min: -15, max: 15 })),
      endShift: option(fc.integer({ min: -20, max: 40 })),
      budget: option(money),
    }),
  ),
  benefits: fc.array(fc.record({ value: money, realized: option(money, 3) }), { maxLength: 2 }),
  milestones: fc.array(milestoneChoice, { maxLength: 2 }),
  risks: fc.array(riskChoice, { maxLength: 2 }),
  issues: fc.array(issueChoice, { maxLength: 2 }),
  /** Which program holds it (modulo programs + 1: the last means none). */
  home: fc.nat(),
  nested: fc.boolean(),
  /** Team entries (people of the registry), for schedule quality's missing-resources. */
  team: option(fc.uniqueArray(fc.constantFrom(...PEOPLE), { minLength: 1, maxLength: 2 })),
  /** A nested project that also names its program (SPEC 3: allowed when it agrees). */
  repeatsProgram: fc.boolean(),
  file: fc.nat(),
});
const programChoice = fc.record({
  budget: option(money),
  window: fc.boolean(),
  /** Where a window ends, in days from the base day (around the forecasts, for schedule quality's cpli). */
  windowEnd: fc.integer({ min: 0, max: 700 }),
  health: option(fc.constantFrom(...RAGS)),
  statusDate: option(fc.integer({ min: 30, max: 400 })),
  benefits: fc.array(fc.record({ value: money, realized: option(money, 3) }), { maxLength: 2 }),
  milestones: fc.array(fc.record({ position: fc.nat(), milestone: milestoneChoice }), { maxLength: 2 }),
  risks: fc.array(riskChoice, { maxLength: 2 }),
  issues: fc.array(issueChoice, { maxLength: 2 }),
  /** Which portfolio holds it (modulo portfolios + 1: the last means none). */
  home: fc.nat(),
  nested: fc.boolean(),
  file: fc.nat(),
});
const portfolioChoice = fc.record({ statusDate: option(fc.integer({ min: 30, max: 400 })), file: fc.nat() });

export const workspaceChoices = fc.record({
  portfolios: fc.array(portfolioChoice, { maxLength: 2 }),
  programs: fc.array(programChoice, { maxLength: 4 }),
  projects: fc.array(projectChoice, { minLength: 1, maxLength: 10 }),
  fileCount: fc.integer({ min: 1, max: FILE_NAMES.length }),
  statusDate: option(fc.integer({ min: 0, max: 420 })),
  today: fc.integer({ min: 0, max: 420 }),
  base: fc.nat(BASES.length - 1),
});
export type WorkspaceChoices = typeof workspaceChoices extends fc.Arbitrary<infer T> ? T : never;
type ProjectChoice = WorkspaceChoices['projects'][number];
type MilestoneChoice = ProjectChoice['milestones'][number];

// ---------------------------------------------------------------------------------------------------
// Building a model from the choices

const risksOf = (choices: ProjectChoice['risks'], owner: string): Risk[] =>
  choices.map((r, i) => ({
    title: `Risk ${i + 1} of ${owner}`,
    likelihood: r.likelihood,
    impact: r.impact,
    ...(r.mitigated ? { mitigation: 'Watch it weekly' } : {}),
    ...(r.state ? { state: r.state } : {}),
  }));

const benefitsOf = (choices: ReadonlyArray<{ value: number; realized?: number }>): Benefit[] =>
  choices.map((c, i) => ({ name: `Benefit ${i + 1}`, value: centsText(c.value), ...(c.realized !== undefined ? { realized: centsText(c.realized) } : {}) }));

/** Files by index, documents appended in creation order; files without documents are dropped. */
class Layout {
  private readonly files: PlanFileModel[];
  constructor(count: number) {
    this.files = FILE_NAMES.slice(0, count).map((path) => ({ path, documents: [] }));
  }
  add(file: number, document: Document): void {
    this.files[file % this.files.length].documents.push(document);
  }
  result(): PlanFileModel[] {
    return this.files.filter((f) => f.documents.length > 0);
  }
}

export function buildWorkspace(choices: WorkspaceChoices): Workspace {
  const base = BASES[choices.base];
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}${++counter}`;
  /** Ids that can be depended on so far, with their scheduled end (a project's) or date (a milestone's). */
  const created: Array<{ id: string; end: Day }> = [];
  const pick = (picks: readonly number[]): string[] | undefined => {
    if (created.length === 0 || picks.length === 0) return undefined;
    return [...new Set(picks.map((j) => created[j % created.length].id))];
  };
  const endOf = (id: string) => created.find((c) => c.id === id)!.end;

  const issuesOf = (list: ProjectChoice['issues'], owner: string): Issue[] =>
    list.map((i, k) => ({
      ...(i.withId ? { id: fresh('is') } : {}),
      title: `Issue ${k + 1} of ${owner}`,
      severity: i.severity,
      ...(i.state ? { state: i.state } : {}),
      ...(i.due !== undefined ? { due: toDate(base + i.due) } : {}),
    }));
  const milestoneOf = (m: MilestoneChoice, from: Day): Milestone => {
    const date = from + m.offset;
    const milestone: Milestone = {
      ...(m.withId ? { id: fresh('ms') } : {}),
      name: `Milestone ${++counter}`,
      date: toDate(date),
      ...(m.done !== undefined ? { done: m.done } : {}),
    };
    const deps = pick(m.deps);
    if (deps) milestone.depends_on = deps;
    if (milestone.id) created.push({ id: milestone.id, end: date });
    return milestone;
  };

  const portfolios: Portfolio[] = choices.portfolios.map((c) => ({
    id: fresh('pf'),
    name: `Portfolio ${counter}`,
    ...(c.statusDate !== undefined ? { status_date: toDate(base + c.statusDate) } : {}),
    programs: [],
  }));
  const programs: Program[] = choices.programs.map((c) => {
    const id = fresh('pg');
    return {
      id,
      name: `Program ${id}`,
      ...(c.budget !== undefined ? { budget: centsText(c.budget) } : {}),
      ...(c.window ? { start: toDate(base - 30), end: toDate(base + c.windowEnd) } : {}),
      ...(c.health ? { health: c.health } : {}),
      ...(c.statusDate !== undefined ? { status_date: toDate(base + c.statusDate) } : {}),
      benefits: benefitsOf(c.benefits),
      milestones: [],
      risks: risksOf(c.risks, id),
      issues: [],
      projects: [],
    };
  });

  // Projects in order, each followed by its milestones; a program's milestones come in at their position.
  const programMilestones = choices.programs.flatMap((c, i) => c.milestones.map((m) => ({ program: i, ...m })));
  const projects: Project[] = [];
  const placeProgramMilestones = (position: number) => {
    for (const m of programMilestones) {
      if (m.position % (choices.projects.length + 1) === position) programs[m.program].milestones.push(milestoneOf(m.milestone, base));
    }
  };
  choices.projects.forEach((c, index) => {
    placeProgramMilestones(index);
    const id = fresh('pr');
    const deps = pick(c.deps);
    const days = c.weeks ? Math.ceil(c.length / 7) * 7 : c.length;
    const duration = c.weeks ? `${days / 7}w` : `${days}d`;
    const explicit = c.explicitStart || !deps;
    const start = explicit ? base + c.startOffset : Math.max(...deps!.map(endOf)) + 1;
    const end = start + days - 1;
    const project: Project = { id, name: `Project ${id}`, benefits: benefitsOf(c.benefits), milestones: [], risks: risksOf(c.risks, id), issues: [] };
    if (explicit) project.start = toDate(start);
    if (deps) project.depends_on = deps;
    // 'both' without an explicit start writes end and duration (they agree with the computed start).
    if (c.endMode !== 'end') project.duration = duration;
    if (c.endMode !== 'duration') project.end = toDate(end);
    if (c.budget !== undefined) project.budget = centsText(c.budget);
    if (c.spent !== undefined) project.spent = centsText(c.spent);
    if (c.progress !== undefined) project.progress = Rational.ratio(c.progress, 100).toString();
    if (c.spentPercentOfEarned !== undefined && c.budget !== undefined && c.progress !== undefined) {
      // budget (cents) × progress (hundredths of a percent) / 10000 × percent / 100, to the cent.
      project.spent = centsText(Math.round((c.budget * c.progress * c.spentPercentOfEarned) / 1_000_000));
    }
    if (c.state) project.state = c.state;
    if (c.health) project.health = c.health;
    // Team entries by person id, the allocation left at its default (100).
    if (c.team) project.team = c.team.map((person) => ({ person }));
    if (c.baseline) {
      const bs = c.baseline.startShift === undefined ? undefined : start + c.baseline.startShift;
      let be = c.baseline.endShift === undefined ? undefined : end + c.baseline.endShift;
      // The planned window must not end before it starts (that is a date-conflict error).
      if (be !== undefined && be < (bs ?? start)) be = undefined;
      const bsOk = bs !== undefined && bs <= (be ?? end) ? bs : undefined;
      project.baseline = {
        ...(bsOk !== undefined ? { start: toDate(bsOk) } : {}),
        ...(be !== undefined ? { end: toDate(be) } : {}),
        ...(c.baseline.budget !== undefined ? { budget: centsText(c.baseline.budget) } : {}),
      };
      if (Object.keys(project.baseline).length === 0) delete project.baseline;
    }
    created.push({ id, end });
    project.milestones = c.milestones.map((m) => milestoneOf(m, start));
    project.issues = issuesOf(c.issues, id);
    projects.push(project);
  });
  placeProgramMilestones(choices.projects.length);
  choices.programs.forEach((c, i) => (programs[i].issues = issuesOf(c.issues, programs[i].id)));

  // Where each entity is written.
  const layout = new Layout(choices.fileCount);
  const programDocuments: Array<{ file: number; program: Program }> = [];
  choices.programs.forEach((c, i) => {
    const program = programs[i];
    const home = c.home % (portfolios.length + 1);
    if (home < portfolios.length && c.nested) portfolios[home].programs.push(program);
    else {
      if (home < portfolios.length) program.portfolio = portfolios[home].id;
      programDocuments.push({ file: c.file, program });
    }
  });
  const projectDocuments: Array<{ file: number; project: Project }> = [];
  choices.projects.forEach((c, i) => {
    const project = projects[i];
    const home = c.home % (programs.length + 1);
    if (home < programs.length && c.nested) {
      programs[home].projects.push(project);
      if (c.repeatsProgram) project.program = programs[home].id;
    } else {
      if (home < programs.length) project.program = programs[home].id;
      projectDocuments.push({ file: c.file, project });
    }
  });
  choices.portfolios.forEach((c, i) => layout.add(c.file, { portfolio: portfolios[i] }));
  for (const d of programDocuments) layout.add(d.file, { program: d.program });
  for (const d of projectDocuments) layout.add(d.file, { project: d.project });

  return {
    files: layout.result(),
    ...(choices.projects.some((c) => c.team) ? { people: PEOPLE } : {}),
    ...(choices.statusDate !== undefined ? { statusDate: toDate(base + choices.statusDate) } : {}),
    today: toDate(base + choices.today),
  };
}

export const randomWorkspace: fc.Arbitrary<Workspace> = workspaceChoices.map(buildWorkspace);

// ---------------------------------------------------------------------------------------------------
// Teams (SPEC 10): the random workspace with a people registry and team entries on its projects. A
// separate arbitrary, so that `randomWorkspace` draws exactly what it drew before.

const CAPACITIES = ['100', '80', '50', '120', '0', '33.3'] as const;
const ALLOCATIONS = ['100', '50', '60', '40', '25', '33.3', '33.4', '12.5', '1'] as const;

export const teamChoices = fc.record({
  people: fc.array(fc.record({ capacity: option(fc.nat(CAPACITIES.length - 1), 3), named: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  /** Per project (by position, cycling), its team: a person (modulo people) and an allocation (absent: 100). */
  teams: fc.array(fc.array(fc.record({ person: fc.nat(), allocation: option(fc.nat(ALLOCATIONS.length - 1), 4) }), { maxLength: 3 }), { minLength: 1, maxLength: 10 }),
  /** Which file holds the registry. */
  file: fc.nat(),
});
export type TeamChoices = typeof teamChoices extends fc.Arbitrary<infer T> ? T : never;

/** Adds the people and teams to a built workspace (in place) and returns it. */
export function withTeams(workspace: Workspace, choices: TeamChoices): Workspace {
  const people = choices.people.map((c, i) => ({
    id: `person${i + 1}`,
    ...(c.named ? { name: `Person ${i + 1}` } : {}),
    ...(c.capacity !== undefined ? { capacity: CAPACITIES[c.capacity] } : {}),
  }));
  const projects: Project[] = [];
  const visit = (list: readonly Project[]) => projects.push(...list);
  for (const file of workspace.files) {
    for (const document of file.documents) {
      if ('portfolio' in document) for (const program of document.portfolio.programs) visit(program.projects);
      else if ('program' in document) visit(document.program.projects);
      else visit([document.project]);
    }
  }
  // These teams replace any the random workspace gave (the quality reference's, by id only), and its registry with them.
  delete workspace.people;
  projects.forEach((project, i) => {
    const team = choices.teams[i % choices.teams.length];
    delete project.team;
    if (team.length === 0) return;
    project.team = team.map((t) => ({ person: people[t.person % people.length].id, ...(t.allocation !== undefined ? { allocation: ALLOCATIONS[t.allocation] } : {}) }));
  });
  workspace.files[choices.file % workspace.files.length].people = people;
  return workspace;
}

export const teamWorkspace: fc.Arbitrary<Workspace> = fc.tuple(workspaceChoices, teamChoices).map(([w, t]) => withTeams(buildWorkspace(w), t));

// ---------------------------------------------------------------------------------------------------
// Rejected budgets (SPEC 6): the random workspace with some projects' budgets written so that the schema
// rejects them — misspelt, or a value that is not a budget. A separate arbitrary, like the teams.

/** How a budget is written so that the schema rejects it: under a misspelt key, or as text, or negative. */
const REJECTED_BUDGETS: ReadonlyArray<{ key: string; text: (cents: string) => string }> = [
  { key: 'budgte', text: (cents) => cents },
  { key: 'budget', text: (cents) => `${cents.replace(/\.\d+$/, '')},000` },
  { key: 'budget', text: (cents) => `${cents}k` },
  { key: 'budget', text: (cents) => `-1${cents}` },
];

export const rejectedBudgetChoices = fc.record({
  /** Per project (by position, cycling): its budget as written (absent: kept), one of REJECTED_BUDGETS. */
  rejected: fc.array(option(fc.nat(REJECTED_BUDGETS.length - 1), 2), { minLength: 1, maxLength: 6 }),
  /** A declared health on every project and program that has none, so that status-mismatch is often in play. */
  declare: fc.constantFrom<Rag>(...RAGS),
});
export type RejectedBudgetChoices = typeof rejectedBudgetChoices extends fc.Arbitrary<infer T> ? T : never;

/** Rejects the budgets chosen (a project without a budget gets one to reject) and declares healths, in place. */
export function withRejectedBudgets(workspace: Workspace, choices: RejectedBudgetChoices): Workspace {
  const projects: Project[] = [];
  const programs: Program[] = [];
  const visitProgram = (program: Program) => {
    programs.push(program);
    projects.push(...program.projects);
  };
  for (const file of workspace.files) {
    for (const document of file.documents) {
      if ('portfolio' in document) document.portfolio.programs.forEach(visitProgram);
      else if ('program' in document) visitProgram(document.program);
      else projects.push(document.project);
    }
  }
  projects.forEach((project, i) => {
    project.health ??= choices.declare;
    const how = choices.rejected[i % choices.rejected.length];
    if (how === undefined) return;
    const written = REJECTED_BUDGETS[how];
    project.rejectedBudget = { key: written.key, text: written.text(project.budget ?? '1500') };
    delete project.budget;
  });
  for (const program of programs) program.health ??= choices.declare;
  return workspace;
}

export const rejectedBudgetWorkspace: fc.Arbitrary<Workspace> = fc
  .tuple(workspaceChoices, rejectedBudgetChoices)
  .map(([w, r]) => withRejectedBudgets(buildWorkspace(w), r));
