/**
 * The engine's one entry point: plan files in, diagnostics, schedule and rollup out.
 * `PlanWorkspace` keeps each file's parse, schema check and model, keyed by its text, so an edit
 * re-reads one file and re-runs only the workspace-wide analysis.
 */
import { formatDay, today as systemToday, type Day } from '../base/dates';
import { DEFAULT_CURRENCY, defaultThresholds, type HealthThresholds } from '../base/defaults';
import type { PlanDiagnostic } from '../base/diagnostic';
import { messages } from '../base/messages';
import type { DocumentModel, Portfolio, Program, Project } from '../model/entities';
import { diagnosticAt } from '../model/locate';
import { readDocument } from '../model/read';
import { defaultParseLimits, type ParsedFile, type ParseLimits } from '../syntax/nodes';
import { oversizedFile, parsePlanFile } from '../syntax/parser';
import { checkSchema } from '../syntax/schemaCheck';
import { checkSteps } from './checks';
import { withoutFollowOnProblems } from './followOn';
import { indexSteps, type PlanIndex } from './planIndex';
import { rollupSteps, type Rollup, type RollupResult } from './rollup';
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

export interface Analysis {
  /** Files in workspace order (by path). */
  readonly files: readonly ParsedFile[];
  readonly index: PlanIndex;
  readonly schedule: Schedule;
  readonly rollup: RollupResult;
  /** Sorted by file, then its syntax errors first, then line and column. */
  readonly diagnostics: readonly PlanDiagnostic[];
}

interface FileEntry {
  readonly text: string;
  readonly parsed: ParsedFile;
  readonly fileDiagnostics: readonly PlanDiagnostic[];
  readonly models: readonly DocumentModel[];
}

export class PlanWorkspace {
  private readonly files = new Map<string, FileEntry>();

  constructor(private readonly limits: ParseLimits = defaultParseLimits) {}

  /** Adds or replaces a file; does nothing when the text is unchanged. */
  set(path: string, text: string): void {
    if (this.files.get(path)?.text === text) return;
    const parsed = parsePlanFile(path, text, this.limits);
    const fileDiagnostics = [...parsed.diagnostics];
    const models: DocumentModel[] = [];
    parsed.documents.forEach((_, index) => {
      const checked = checkSchema(parsed, index);
      fileDiagnostics.push(...checked.diagnostics);
      models.push(readDocument(parsed, index, checked));
    });
    this.files.set(path, { text, parsed, fileDiagnostics, models });
  }

  /** Records a file that is too large to read, by its size in bytes. */
  setOversized(path: string, size: number): void {
    const parsed = oversizedFile(path, size, this.limits);
    this.files.set(path, { text: `\u0000oversized:${size}`, parsed, fileDiagnostics: parsed.diagnostics, models: [] });
  }

  get maxFileSize(): number {
    return this.limits.maxFileSize;
  }

  delete(path: string): boolean {
    return this.files.delete(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  get paths(): string[] {
    return [...this.files.keys()].sort();
  }

  get size(): number {
    return this.files.size;
  }

  analyze(options: AnalysisOptions = {}): Analysis {
    return runToEnd(this.analyzeSteps(options));
  }

  /**
   * The same analysis as a generator that pauses every few hundred items (see steps.ts). The files are
   * taken when it starts; a change to the workspace meanwhile needs a new analysis.
   */
  *analyzeSteps(options: AnalysisOptions = {}): Steps<Analysis> {
    const entries = this.paths.map((path) => this.files.get(path)!);
    const diagnostics: PlanDiagnostic[] = entries.flatMap((entry) => entry.fileDiagnostics);
    const index = yield* indexSteps(
      entries.flatMap((entry) => entry.models),
      diagnostics,
    );
    const declared = declaredStatusDate(index, options.statusDate === undefined ? diagnostics : undefined);
    const statusDate = options.statusDate ?? declared ?? options.today ?? systemToday();
    const { schedule: plan, rollup } = yield* figureSteps(index, statusDate, options, diagnostics);
    yield* checkSteps(index, plan, rollup, { defaultCurrency: options.defaultCurrency ?? DEFAULT_CURRENCY }, diagnostics);
    yield;
    const shown = withoutFollowOnProblems(entries.map((entry) => entry.parsed), index, diagnostics).sort(compareDiagnostics);
    return { files: entries.map((entry) => entry.parsed), index, schedule: plan, rollup, diagnostics: shown };
  }
}

/**
 * What the analysis derives from the index at a status date: the schedule (with its problems added to
 * `diagnostics`) and the rollup. Public so the bench can time this stage on its own.
 */
export function* figureSteps(index: PlanIndex, statusDate: Day, options: AnalysisOptions, diagnostics: PlanDiagnostic[]): Steps<{ schedule: Schedule; rollup: RollupResult }> {
  // Cancellation is a state, known before the schedule (an explicit state, or progress, decides it).
  const isCancelled = (project: Project) => effectiveState(project, undefined, statusDate) === 'cancelled';
  const schedule = yield* scheduleSteps(index, isCancelled, diagnostics);
  const rollup = yield* rollupSteps(index, schedule, statusDate, options.thresholds ?? defaultThresholds);
  return { schedule, rollup };
}

/** Analyses a set of files once. */
export function analyzePlans(files: ReadonlyArray<{ path: string; text: string }>, options: AnalysisOptions = {}, limits?: ParseLimits): Analysis {
  const workspace = new PlanWorkspace(limits);
  for (const file of files) workspace.set(file.path, file.text);
  return workspace.analyze(options);
}

/**
 * The status date the documents declare (SPEC 5): the latest `status_date` of any portfolio or program,
 * whatever the files are called or their order. With `diagnostics`, each declaration that differs from
 * it gets a status-date-mismatch warning.
 */
function declaredStatusDate(index: PlanIndex, diagnostics: PlanDiagnostic[] | undefined): Day | undefined {
  let latest: { value: Day; holder: Portfolio | Program } | undefined;
  const holders = [...index.portfolios, ...index.programs];
  for (const holder of holders) {
    const declared = holder.statusDate;
    if (declared && (!latest || declared.value > latest.value)) latest = { value: declared.value, holder };
  }
  if (latest && diagnostics) {
    const where = `${latest.holder.kind} '${latest.holder.id ?? '?'}' in ${latest.holder.source.file.path}`;
    for (const holder of holders) {
      const declared = holder.statusDate;
      if (!declared || declared.value === latest.value) continue;
      diagnostics.push(diagnosticAt(holder.source, declared.span, 'status-date-mismatch', messages.statusDateMismatch(formatDay(declared.value), formatDay(latest.value), where)));
    }
  }
  return latest?.value;
}

/** By file; in a file its syntax errors first (SPEC 6), then by place. */
function compareDiagnostics(a: PlanDiagnostic, b: PlanDiagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const syntax = Number(b.code === 'yaml-syntax') - Number(a.code === 'yaml-syntax');
  if (syntax !== 0) return syntax;
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
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
