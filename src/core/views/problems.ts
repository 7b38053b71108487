/**
 * The plans' problems in brief, for the exports that must not look healthy when the plans are broken
 * (the steering report and the roadmap HTML show a banner from it): counts by severity, the files with
 * errors, and the first errors with where they are (1-based, as people and the CLI read them).
 */
import type { PlanDiagnostic } from '../base/diagnostic';
import { plural } from '../base/messages';
import { toOneBased } from '../base/positions';
import type { DiagnosticCode } from '../base/codes';

export interface ProblemLine {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly code: DiagnosticCode;
  readonly message: string;
}

export interface ProblemSummary {
  readonly errors: number;
  readonly warnings: number;
  /** Files with at least one error, in workspace order. */
  readonly filesWithErrors: readonly string[];
  /** The first errors in file, line and column order (at most the limit asked for). */
  readonly firstErrors: readonly ProblemLine[];
}

/** How many errors a banner names by default. */
export const BANNER_ERRORS = 5;

/** Counts and the first errors of a sorted list of diagnostics (an analysis' `diagnostics`). */
export function summarizeProblems(diagnostics: readonly PlanDiagnostic[], limit = BANNER_ERRORS): ProblemSummary {
  let errors = 0;
  let warnings = 0;
  const files: string[] = [];
  const firstErrors: ProblemLine[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'warning') warnings++;
    if (diagnostic.severity !== 'error') continue;
    errors++;
    if (files[files.length - 1] !== diagnostic.file && !files.includes(diagnostic.file)) files.push(diagnostic.file);
    if (firstErrors.length < limit) {
      const { line, column } = toOneBased(diagnostic.range.start);
      firstErrors.push({ file: diagnostic.file, line, column, code: diagnostic.code, message: diagnostic.message });
    }
  }
  return { errors, warnings, filesWithErrors: files, firstErrors };
}

/** "3 errors in 2 files, 4 warnings". */
export function problemCountsText(summary: ProblemSummary): string {
  const files = summary.filesWithErrors.length;
  const errors = summary.errors > 0 ? `${plural(summary.errors, 'error', true)} in ${plural(files, 'file', true)}` : 'no errors';
  return `${errors}, ${plural(summary.warnings, 'warning', true)}`;
}
