/**
 * The engine's one entry point: plan files in, diagnostics, schedule and rollup out.
 * `PlanWorkspace` keeps each file's parse, schema check and model, keyed by its text, so an edit
 * re-reads one file; and the last analysis, so an edit of values derives again only what it reaches.
 */
import { today as systemToday, type Day } from '../base/dates';
import { DEFAULT_CURRENCY, defaultThresholds, type HealthThresholds } from '../base/defaults';
import type { PlanDiagnostic } from '../base/diagnostic';
import { pushAll } from '../base/lists';
import type { DocumentModel, Person, Portfolio, Program, Project } from '../model/entities';
import { readDocument } from '../model/read';
import { readPlanText } from '../model/readText';
import { defaultParseLimits, type ParsedFile, type ParseLimits } from '../syntax/nodes';
import { oversizedFile, parsePlanFile, releaseTree } from '../syntax/parser';
import { checkSchema } from '../syntax/schemaCheck';
import { withoutCancelledProblems } from './cancelled';
import type { CheckContext } from './checks';
import { errorsOf } from './errors';
import { withoutFollowOnProblems } from './followOn';
import { DiagnosticUnits, dependentsOf, recheck, refreshInPlace, structureKey, updateForValues, type AnalysisState, type Edit } from './incremental';
import { PlanLoads, type PersonLoad } from './people';
import { indexSteps, type PlanIndex } from './planIndex';
import { rollupSteps, type Rollup, type RollupResult, type RollupState } from './rollup';
import { effectiveState } from './rules';
import { scheduleSteps, type Schedule } from './schedule';
import { runToEnd, type Steps } from './steps';

export interface AnalysisOptions {
  /** The status date S; else the plans' own status_date; else today. */
  readonly statusDate?: Day;
  readonly thresholds?: HealthThresholds;
  /** Currency of programs that name none (ISO 4217). */
  readonly defaultCurrency?: string;
  /** For tests: what "today" is. */
  readonly today?: Day;
}

/** What an editor (the VS Code extension, the language server) reads plans with: the same keys in both (section `planAsCode`). */
export interface EditorSettings {
  readonly filesGlob: string;
  readonly analysis: AnalysisOptions;
  /** Currency of programs that name none. */
  readonly defaultCurrency: string;
  readonly codeLens: boolean;
  readonly maxFileSize: number;
  /** False when another YAML tool (Red Hat YAML) already reports schema problems from the contributed schema. */
  readonly schemaDiagnostics: boolean;
}

/**
 * What the engine derived from the files. It describes the workspace until the next analysis of the same
 * `PlanWorkspace`: an incremental analysis after an edit of values updates the entities, maps and sums
 * in place (the views then read the new analysis). Whoever keeps figures across analyses — a comparison
 * with another revision, say — copies them out first.
 */
export interface Analysis {
  /** Files in workspace order (by path). */
  readonly files: readonly ParsedFile[];
  readonly index: PlanIndex;
  readonly schedule: Schedule;
  readonly rollup: RollupResult;
  /** Sorted by file, then its syntax errors first, then line and column. */
  readonly diagnostics: readonly PlanDiagnostic[];
  /**
   * The plan-basis load of everyone with team entries, as the checks read it (SPEC 10): a person's load is
   * a new object when an edit changed it, the same object otherwise (until the next analysis).
   */
  readonly planLoads: ReadonlyMap<Person, PersonLoad>;
}

interface FileEntry {
  readonly text: string;
  readonly parsed: ParsedFile;
  readonly fileDiagnostics: readonly PlanDiagnostic[];
  readonly models: readonly DocumentModel[];
  /** What in the file shapes the index (incremental.ts), worked out when first compared: equal keys mean an edit of values only. */
  structure?: string;
  readonly broken: boolean;
  /** Some entity of the file has an invalid field (followOn.ts): none, nearly always. */
  readonly invalid: boolean;
}

function structureOf(entry: FileEntry): string {
  return (entry.structure ??= structureKey(entry.models));
}

const noProblems: readonly PlanDiagnostic[] = [];

/** The last analysis and what it was computed from, for the next one. */
interface Previous {
  readonly optionsKey: string;
  /** The files it analysed (entries hold the models the index links). */
  readonly entries: ReadonlyMap<string, FileEntry>;
  readonly state: AnalysisState;
  readonly analysis: Analysis;
}

/** How the last analysis was made: from scratch, from the one before (an edit of values), or not at all (nothing changed). */
export type AnalysisKind = 'full' | 'incremental' | 'unchanged';

export class PlanWorkspace {
  private readonly files = new Map<string, FileEntry>();
  /** The paths, sorted (workspace order), while no file is added or removed. */
  private sortedPaths: string[] | undefined;
  /** Files set since the last analysis. */
  private readonly dirty = new Set<string>();
  private previous: Previous | undefined;
  /** How the last analysis was made (for tests and the bench). */
  lastAnalysis: AnalysisKind | undefined;

  constructor(private readonly limits: ParseLimits = defaultParseLimits) {}

  /** Adds or replaces a file; does nothing when the text is unchanged. */
  set(path: string, text: string): void {
    if (this.files.get(path)?.text === text) return;
    if (!this.files.has(path)) this.sortedPaths = undefined;
    this.dirty.add(path);
    // Nearly every file: its entities straight from the text, nothing wrong in it (model/readText.ts).
    const read = readPlanText(path, text, this.limits);
    if (read) {
      this.files.set(path, { text, parsed: read.parsed, fileDiagnostics: noProblems, models: read.models, broken: false, invalid: false });
      return;
    }
    const parsed = parsePlanFile(path, text, this.limits);
    const fileDiagnostics = [...parsed.diagnostics];
    const models: DocumentModel[] = [];
    parsed.documents.forEach((_, index) => {
      const checked = checkSchema(parsed, index);
      pushAll(fileDiagnostics, checked.diagnostics);
      models.push(readDocument(parsed, index, checked));
    });
    const invalid = models.some((model) => model.entities.some((entity) => entity.invalid.size > 0));
    const broken = parsed.documents.some((d) => d.broken);
    releaseTree(parsed);
    this.files.set(path, { text, parsed, fileDiagnostics, models, broken, invalid });
  }

  /** Records a file that is too large to read, by its size in bytes. */
  setOversized(path: string, size: number): void {
    if (!this.files.has(path)) this.sortedPaths = undefined;
    this.dirty.add(path);
    const parsed = oversizedFile(path, size, this.limits);
    this.files.set(path, { text: `\u0000oversized:${size}`, parsed, fileDiagnostics: parsed.diagnostics, models: [], structure: '', broken: false, invalid: false });
  }

  get maxFileSize(): number {
    return this.limits.maxFileSize;
  }

  delete(path: string): boolean {
    this.sortedPaths = undefined;
    this.dirty.add(path);
    return this.files.delete(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  get paths(): string[] {
    this.sortedPaths ??= [...this.files.keys()].sort();
    return [...this.sortedPaths];
  }

  get size(): number {
    return this.files.size;
  }

  analyze(options: AnalysisOptions = {}): Analysis {
    return runToEnd(this.analyzeSteps(options));
  }

  /**
   * The same analysis as a generator that pauses every few hundred items (see steps.ts). The files are
   * taken when it starts; a change to the workspace meanwhile needs a new analysis. After an edit of
   * values only, it derives again just what the edit reaches (incremental.ts), in one step.
   */
  *analyzeSteps(options: AnalysisOptions = {}): Steps<Analysis> {
    const incremental = this.analyzeIncrementally(options);
    if (incremental) return incremental;
    return yield* this.analyzeFully(options);
  }

  /**
   * The figures only — index, schedule and rollup, no problems — the same as `analyze` gives, for callers
   * that read the rollup of many revisions in turn (the trend). The next `analyze` is a full one.
   */
  figures(options: AnalysisOptions = {}): Pick<Analysis, 'index' | 'schedule' | 'rollup'> {
    const entries = this.paths.map((path) => this.files.get(path)!);
    this.previous = undefined;
    this.dirty.clear();
    const index = runToEnd(indexSteps(entries.flatMap((entry) => entry.models)));
    const statusDate = options.statusDate ?? declaredStatusDate(index)?.value ?? options.today ?? systemToday();
    const { schedule, rollup } = runToEnd(figureStates(index, statusDate, options.thresholds ?? defaultThresholds));
    return { index, schedule, rollup: rollup.result };
  }

  /**
   * The index, the schedule and the status date (what an export is written from), and the errors
   * (errors.ts) found without the rollup and the checks that only warn: every error `analyze` shows is
   * among them, so none here means `analyze` shows none. The next `analyze` is a full one.
   */
  scheduleWithErrors(options: AnalysisOptions = {}): Pick<Analysis, 'index' | 'schedule'> & { rollup: { statusDate: Day }; errors: PlanDiagnostic[] } {
    const entries = this.paths.map((path) => this.files.get(path)!);
    this.previous = undefined;
    this.dirty.clear();
    const index = runToEnd(indexSteps(entries.flatMap((entry) => entry.models)));
    const statusDate = options.statusDate ?? declaredStatusDate(index)?.value ?? options.today ?? systemToday();
    // The schedule as figureStates makes it.
    const schedule = runToEnd(scheduleSteps(index, (project) => effectiveState(project, undefined, statusDate) === 'cancelled'));
    return { index, schedule, rollup: { statusDate }, errors: errorsOf(entries.flatMap((entry) => entry.fileDiagnostics), index, schedule) };
  }

  /** Analyses everything again, whatever the last analysis was. */
  *analyzeFully(options: AnalysisOptions = {}): Steps<Analysis> {
    const paths = this.paths;
    const entries = paths.map((path) => this.files.get(path)!);
    this.previous = undefined;
    this.dirty.clear();
    const index = yield* indexSteps(entries.flatMap((entry) => entry.models));
    const today = options.today ?? systemToday();
    const declared = declaredStatusDate(index);
    const statusDate = options.statusDate ?? declared?.value ?? today;
    const thresholds = options.thresholds ?? defaultThresholds;
    const { schedule, rollup } = yield* figureStates(index, statusDate, thresholds);
    yield;
    const teamEntries = index.teamEntries;
    const people = new PlanLoads({ index, schedule, rollup: rollup.result });
    yield;
    const context: CheckContext = {
      index,
      schedule,
      rollup: rollup.result,
      defaultCurrency: options.defaultCurrency ?? DEFAULT_CURRENCY,
      declaredStatusDate: declared,
      people,
    };
    const units = new DiagnosticUnits();
    units.global = [...index.duplicateDiagnostics, ...schedule.cycleDiagnostics];
    const state: AnalysisState = {
      index, schedule, rollup, units, context, thresholds, statusDate,
      dependents: lazily(() => dependentsOf(schedule)),
      people: new Map([...teamEntries.keys()].map((person) => [person.id, person])),
      atRisk: new Set(),
    };
    // Everything is dirty: every unit of problems.
    yield* recheck(state, {
      references: index.entities,
      dated: index.positions.nodes,
      projects: index.projects,
      milestones: index.milestones,
      programs: index.programs,
      portfolios: index.portfolios,
      people: teamEntries.keys(),
      issues: index.issues,
      risks: index.risks,
    });
    yield;
    const analysis = this.assemble(entries, state);
    this.previous = { optionsKey: optionsKey(options, today), entries: new Map(paths.map((path, i) => [path, entries[i]])), state, analysis };
    this.lastAnalysis = 'full';
    return analysis;
  }

  /**
   * The analysis after an edit of values only, derived from the last one; undefined when the edit is
   * more than that (files added or removed, ids or references changed, other options, another status
   * date), and then the caller analyses in full.
   */
  private analyzeIncrementally(options: AnalysisOptions): Analysis | undefined {
    const previous = this.previous;
    if (!previous) return undefined;
    const today = options.today ?? systemToday();
    if (optionsKey(options, today) !== previous.optionsKey) return undefined;
    if (this.files.size !== previous.entries.size) return undefined;
    const changed: Array<[string, FileEntry, FileEntry]> = [];
    for (const path of this.dirty) {
      const entry = this.files.get(path);
      const before = previous.entries.get(path);
      if (!entry || !before) return undefined;
      if (before === entry) continue;
      if (entry.broken || before.broken || structureOf(entry) !== structureOf(before)) return undefined;
      changed.push([path, before, entry]);
    }
    this.dirty.clear();
    if (changed.length === 0) {
      this.lastAnalysis = 'unchanged';
      return previous.analysis;
    }
    // From here on the old entities take the new values: a fall back to the full analysis rereads them.
    const edited: Edit = { entities: [], moved: [], reallocated: new Set(), relinked: [], renamed: [] };
    const entries = previous.entries as Map<string, FileEntry>;
    for (const [path, before, entry] of changed) {
      const edit = refreshInPlace(before.models, entry.models);
      pushAll(edited.entities, edit.entities);
      pushAll(edited.moved, edit.moved);
      for (const project of edit.reallocated) edited.reallocated.add(project);
      pushAll(edited.relinked, edit.relinked);
      pushAll(edited.renamed, edit.renamed);
      // The old entities, now with the new values: the same structure as the new text.
      const merged: FileEntry = { ...entry, models: before.models, structure: structureOf(entry) };
      this.files.set(path, merged);
      entries.set(path, merged);
    }
    const { state } = previous;
    const statusDate = options.statusDate ?? declaredStatusDate(state.index)?.value ?? today;
    if (statusDate !== state.statusDate || !updateForValues(state, edited)) {
      this.previous = undefined;
      return undefined;
    }
    const analysis = this.assemble((this.sortedPaths ??= [...this.files.keys()].sort()).map((path) => entries.get(path)!), state);
    this.previous = { ...previous, analysis };
    this.lastAnalysis = 'incremental';
    return analysis;
  }

  /** The analysis of the state: every file's problems and every unit's, as people should see them. */
  private assemble(entries: readonly FileEntry[], state: AnalysisState): Analysis {
    const files = entries.map((entry) => entry.parsed);
    const diagnostics: PlanDiagnostic[] = [];
    for (const entry of entries) for (const d of entry.fileDiagnostics) diagnostics.push(d);
    for (const d of state.units.all()) diagnostics.push(d);
    const broken = entries.filter((entry) => entry.broken).map((entry) => entry.parsed);
    const kept = withoutFollowOnProblems(broken, state.index, state.rollup.result, diagnostics, entries.some((entry) => entry.invalid));
    const shown = withoutRepeats(withoutCancelledProblems(kept, state.index, state.schedule, state.rollup.result).sort(compareDiagnostics));
    return { files, index: state.index, schedule: state.schedule, rollup: state.rollup.result, diagnostics: shown, planLoads: state.context.people.loads };
  }
}

/**
 * The problems said once: the same problem at the same place (`depends_on: [a, a]` violated twice, an
 * entity repeated by an alias) is one mistake. Sorted: a repeat follows what it repeats.
 */
function withoutRepeats(sorted: PlanDiagnostic[]): PlanDiagnostic[] {
  let kept = 0;
  for (let i = 0; i < sorted.length; i++) {
    const d = sorted[i];
    const last = kept > 0 ? sorted[kept - 1] : undefined;
    if (last && compareDiagnostics(last, d) === 0 && last.severity === d.severity) continue;
    sorted[kept++] = d;
  }
  sorted.length = kept;
  return sorted;
}

/** A value worked out the first time it is asked for (the CLI analyses once and never asks). */
function lazily<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

/** What must be equal for an analysis to follow from the last one. */
function optionsKey(options: AnalysisOptions, today: Day): string {
  return JSON.stringify([options.statusDate ?? null, options.thresholds ?? null, options.defaultCurrency ?? null, today]);
}

/** The schedule and the rollup of an index at a status date, with what the rollup was computed from. */
function* figureStates(index: PlanIndex, statusDate: Day, thresholds: HealthThresholds): Steps<{ schedule: Schedule; rollup: RollupState }> {
  // Cancellation is a state, known before the schedule (an explicit state, or progress, decides it).
  const isCancelled = (project: Project) => effectiveState(project, undefined, statusDate) === 'cancelled';
  const schedule = yield* scheduleSteps(index, isCancelled);
  const rollup = yield* rollupSteps(index, schedule, statusDate, thresholds);
  return { schedule, rollup };
}

/**
 * What the analysis derives from the index at a status date: the schedule, then the forecast and the
 * rollup (rollupSteps). Public so the bench can time this stage on its own.
 */
export function* figureSteps(index: PlanIndex, statusDate: Day, options: AnalysisOptions = {}): Steps<{ schedule: Schedule; rollup: RollupResult }> {
  const { schedule, rollup } = yield* figureStates(index, statusDate, options.thresholds ?? defaultThresholds);
  return { schedule, rollup: rollup.result };
}

/** Analyses a set of files once. */
export function analyzePlans(files: ReadonlyArray<{ path: string; text: string }>, options: AnalysisOptions = {}, limits?: ParseLimits): Analysis {
  const workspace = new PlanWorkspace(limits);
  for (const file of files) workspace.set(file.path, file.text);
  return workspace.analyze(options);
}

/**
 * The errors `analyze` shows for a set of files (sorted as there): the full analysis runs only when the
 * search for errors without the warnings (`PlanWorkspace.scheduleWithErrors`) finds some.
 */
export function planErrors(files: ReadonlyArray<{ path: string; text: string }>, options: AnalysisOptions = {}, limits?: ParseLimits): PlanDiagnostic[] {
  const workspace = new PlanWorkspace(limits);
  for (const file of files) workspace.set(file.path, file.text);
  if (workspace.scheduleWithErrors(options).errors.length === 0) return [];
  return workspace.analyze(options).diagnostics.filter((d) => d.severity === 'error');
}

/**
 * The status date the documents declare (SPEC 5): the latest `status_date` of any portfolio or program,
 * whatever the files are called or their order, and where it is declared (for status-date-mismatch).
 */
function declaredStatusDate(index: PlanIndex): { value: Day; where: string } | undefined {
  let latest: { value: Day; holder: Portfolio | Program } | undefined;
  for (const holder of [...index.portfolios, ...index.programs]) {
    const declared = holder.statusDate;
    if (declared && (!latest || declared.value > latest.value)) latest = { value: declared.value, holder };
  }
  return latest && { value: latest.value, where: `${latest.holder.kind} '${latest.holder.id ?? '?'}' in ${latest.holder.source.file.path}` };
}

/**
 * By file; in a file its syntax errors first (SPEC 6); then by line and column, code and message, so the
 * order never depends on how problems were found.
 */
function compareDiagnostics(a: PlanDiagnostic, b: PlanDiagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const syntax = Number(b.code === 'yaml-syntax') - Number(a.code === 'yaml-syntax');
  if (syntax !== 0) return syntax;
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0) ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character
  );
}

/** The rollup of a portfolio, program or project. */
export function rollupOf(analysis: Analysis, entity: Portfolio | Program | Project): Rollup | undefined {
  switch (entity.kind) {
    case 'portfolio':
      return analysis.rollup.portfolios.get(entity);
    case 'program':
      return analysis.rollup.programs.get(entity);
    case 'project':
      return analysis.rollup.projects.get(entity);
  }
}
