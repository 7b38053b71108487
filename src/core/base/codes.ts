/** The diagnostic codes of SPEC section 6, their severities and one-line descriptions (SARIF rules, docs). */

export const diagnosticCodes = {
  'yaml-syntax': 'error',
  schema: 'error',
  'duplicate-id': 'error',
  'unknown-reference': 'error',
  'dependency-cycle': 'error',
  unscheduled: 'error',
  'date-conflict': 'error',
  'dependency-violation': 'warning',
  'outside-window': 'warning',
  'over-budget': 'warning',
  'forecast-over-budget': 'warning',
  overspent: 'warning',
  'missed-milestone': 'warning',
  'unmitigated-risk': 'warning',
  overallocated: 'warning',
  'status-mismatch': 'warning',
  'progress-mismatch': 'warning',
  'unknown-person': 'warning',
  'currency-mismatch': 'warning',
  'milestone-at-risk': 'warning',
  'status-date-mismatch': 'warning',
  'overdue-issue': 'warning',
} as const;

export type DiagnosticCode = keyof typeof diagnosticCodes;
export type Severity = 'error' | 'warning' | 'information';

export function severityOf(code: DiagnosticCode): Severity {
  return diagnosticCodes[code];
}

/** One line per code, for SARIF rule descriptions and docs. */
export const codeDescriptions: Record<DiagnosticCode, string> = {
  'yaml-syntax': 'The YAML does not parse.',
  schema: 'Wrong type, missing required field, unknown key, bad enum value, invalid date or out-of-range number.',
  'duplicate-id': 'An id is defined more than once in the workspace.',
  'unknown-reference': 'A program, portfolio, depends_on or team person reference names no such entity.',
  'dependency-cycle': 'depends_on links form a cycle.',
  unscheduled: 'The start or end of a project cannot be determined.',
  'date-conflict': 'start, end and duration disagree, or the end is before the start.',
  'dependency-violation': 'An explicit start or milestone date is not after a dependency ends.',
  'outside-window': "A project lies outside its program's window, or a milestone outside its project.",
  'over-budget': "The projects' budgets at completion exceed the program budget.",
  'forecast-over-budget': "The projects' estimates at completion exceed the program budget.",
  overspent: 'Actual cost exceeds the budget at completion of a project.',
  'missed-milestone': 'A milestone date has passed and it is not done.',
  'unmitigated-risk': 'An open high risk has no mitigation.',
  overallocated: "A person's allocations exceed their capacity on some day.",
  'status-mismatch': 'The declared health is better than the computed health.',
  'progress-mismatch': 'The state and the progress disagree.',
  'unknown-person': 'A manager or owner is not a person of the people registry.',
  'currency-mismatch': 'Programs of one portfolio use different currencies.',
  'milestone-at-risk': 'A milestone not yet due is forecast to be late, pushed by a dependency.',
  'status-date-mismatch': "A document's status_date differs from the workspace's status date.",
  'overdue-issue': 'An open issue is past its due date.',
};
