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
}

export type DiagnosticData =
  | { readonly kind: 'replace'; readonly replacement: string }
  | { readonly kind: 'set-state-done' }
  | { readonly kind: 'set-progress-100' };
