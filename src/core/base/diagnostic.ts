import type { DiagnosticCode, Severity } from './codes';
import type { Range } from './positions';

/** What the core reports: a problem at a 0-based range of one file. */
export interface PlanDiagnostic {
  readonly file: string;
  readonly range: Range;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  /** Machine-readable detail for quick fixes (e.g. the suggested id). */
  readonly data?: DiagnosticData;
  /** Other places that take part in the problem (VS Code's related information); not in `check --format json`. */
  readonly related?: readonly RelatedLocation[];
  /** What the problem is about where its code and place do not tell (the follow-on filter reads it); shown nowhere. */
  readonly about?: DiagnosticAbout;
}

/**
 * What a problem is about, beyond its code: which date an `unscheduled` project lacks, which dependency
 * a `dependency-violation` ends too late (its id; none when the dependency has no id).
 */
export type DiagnosticAbout = { readonly missing: 'start' | 'end' } | { readonly dependency: string | undefined };

/** A place that takes part in a problem, with what it adds. */
export interface RelatedLocation {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

/** A text edit in a plan file: replace `range` (0-based) with `newText`. */
export interface FileEdit {
  readonly file: string;
  readonly range: Range;
  readonly newText: string;
}

export type DiagnosticData =
  | { readonly kind: 'replace'; readonly replacement: string }
  /** `state`: where the project's state value is written (0-based), the word the fix replaces. */
  | { readonly kind: 'set-state-done'; readonly state?: Range }
  | { readonly kind: 'set-progress-100' }
  /** Quick fixes that each apply edits anywhere in the workspace (each its own action, with its title). */
  | { readonly kind: 'edits'; readonly fixes: ReadonlyArray<{ readonly title: string; readonly edits: readonly FileEdit[] }> };
