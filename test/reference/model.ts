/**
 * A workspace in memory, as the plan files write it (SPEC 2 and 3): the generator builds one, `toFiles`
 * writes it as YAML and the reference (spec.ts) computes from it. Numbers are kept as the decimal text
 * written in the file, so the reference can read them exactly; dates as `YYYY-MM-DD`.
 */

export type State = 'planned' | 'active' | 'on-hold' | 'done' | 'cancelled';
export type Rag = 'green' | 'amber' | 'red';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type OpenClosed = 'open' | 'closed';

export interface Milestone {
  id?: string;
  name: string;
  date: string;
  done?: boolean;
  depends_on?: string[];
}

export interface Risk {
  id?: string;
  title: string;
  likelihood: number;
  impact: number;
  mitigation?: string;
  state?: OpenClosed;
}

export interface Issue {
  id?: string;
  title: string;
  severity: Severity;
  state?: OpenClosed;
  due?: string;
}

export interface Benefit {
  name: string;
  value: string;
  /** Realised so far: not part of any figure (SPEC 5 sums `value`). */
  realized?: string;
}

export interface Baseline {
  start?: string;
  end?: string;
  budget?: string;
}

export interface Project {
  id: string;
  name: string;
  /** The `program:` reference: a project's program when it is not nested; a nested one may repeat its program's id. */
  program?: string;
  start?: string;
  end?: string;
  /** `Nd` or `Nw`. */
  duration?: string;
  depends_on?: string[];
  budget?: string;
  /**
   * A budget the schema rejects (SPEC 6), written instead of `budget`: under `key` (misspelt, or
   * `budget` itself) as `text`. It is no figure's input: the project has no budget.
   */
  rejectedBudget?: { key: string; text: string };
  spent?: string;
  progress?: string;
  state?: State;
  health?: Rag;
  baseline?: Baseline;
  benefits: Benefit[];
  milestones: Milestone[];
  risks: Risk[];
  issues: Issue[];
  /** SPEC 10: people on the project; allocation as written (absent: 100). */
  team?: TeamEntry[];
}

export interface TeamEntry {
  person: string;
  allocation?: string;
}

/** A person of the registry; capacity as written (absent: 100). */
export interface Person {
  id: string;
  name?: string;
  capacity?: string;
}

export interface Program {
  id: string;
  name: string;
  /** The `portfolio:` reference, written only on a program that is not nested in its portfolio. */
  portfolio?: string;
  budget?: string;
  start?: string;
  end?: string;
  health?: Rag;
  status_date?: string;
  benefits: Benefit[];
  milestones: Milestone[];
  risks: Risk[];
  issues: Issue[];
  /** Inline projects. */
  projects: Project[];
}

export interface Portfolio {
  id: string;
  name: string;
  status_date?: string;
  /** Inline programs. */
  programs: Program[];
}

export type Document = { portfolio: Portfolio } | { program: Program } | { project: Project };

export interface PlanFileModel {
  path: string;
  documents: Document[];
  /** A people registry, written as a document of its own after the others. */
  people?: Person[];
}

export interface Workspace {
  files: PlanFileModel[];
  /** `--status-date`, when given. */
  statusDate?: string;
  /** What the run takes as today (passed to the engine, so the test never depends on the clock). */
  today: string;
  /** Person ids of a people registry, written to a file of its own when given (team entries name them). */
  people?: string[];
}
