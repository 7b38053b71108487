/**
 * A steering committee's workspace for the report's print tests: one portfolio of 12 programs, each
 * with 3–5 projects (some late, some over budget), milestones (some missed or at risk), risks and
 * issues; and a git history of it where several commits share a day. Deterministic: the same every run.
 */
import { GitFixture } from '../utils/plans';

export const STATUS_DATE = '2026-06-01';

const themes = ['Payments', 'Identity', 'Data platform', 'Mobile apps', 'Search', 'Customer care', 'Supply chain', 'Finance systems', 'Security', 'Marketing tech', 'Workplace IT', 'Logistics'];
const verbs = ['Migrate', 'Rebuild', 'Launch', 'Harden', 'Automate'];

export interface SteeringPrograms {
  readonly files: Record<string, string>;
  /** Program ids and names, in file order. */
  readonly programs: ReadonlyArray<{ id: string; name: string }>;
}

/** The workspace at a step of its history (0 = the first commit): later steps spend more and progress more. */
export function steeringPrograms(count = 12, step = 3): SteeringPrograms {
  const files: Record<string, string> = {};
  const programs: Array<{ id: string; name: string }> = [];
  const lines = ['portfolio:', '  id: group', '  name: Group portfolio', '  programs:'];
  for (let p = 0; p < count; p++) {
    const id = `prog-${p + 1}`;
    const name = `${themes[p % themes.length]} modernisation`;
    programs.push({ id, name });
    lines.push(`    - id: ${id}`, `      name: ${name}`, `      manager: Manager ${p + 1}`, '      milestones:');
    lines.push(`        - { id: ${id}-gate, name: ${themes[p % themes.length]} go-live gate, date: 2026-0${6 + (p % 3)}-1${p % 10} }`);
    lines.push('      risks:', `        - { id: ${id}-r1, title: Vendor for ${themes[p % themes.length]} slips, likelihood: ${2 + (p % 4)}, impact: 4, mitigation: Second source, owner: Owner ${p} }`);
    lines.push('      issues:', `        - { id: ${id}-i1, title: Environment for ${themes[p % themes.length]} not ready, severity: ${['low', 'medium', 'high'][p % 3]}, due: 2026-05-2${p % 9} }`);
    lines.push('      projects:');
    const projects = 3 + (p % 3);
    for (let j = 0; j < projects; j++) {
      const start = `2026-0${1 + ((p + j) % 4)}-0${5 + (j % 4)}`;
      const weeks = 10 + ((p * 7 + j * 5) % 18);
      const budget = (20 + ((p * 13 + j * 7) % 60)) * 10_000;
      // Some projects lag: progress below the time elapsed, cost above the value earned.
      const lag = (p + j) % 4 === 0 ? 0.6 : (p + j) % 4 === 1 ? 0.9 : 1;
      const progress = Math.min(95, Math.round((30 + ((p * 11 + j * 17) % 50)) * lag * (0.7 + 0.1 * step)));
      const spent = Math.round((budget * progress * (lag < 1 ? 1.25 : 0.95)) / 100);
      lines.push(
        `        - id: ${id}-p${j + 1}`,
        `          name: ${verbs[(p + j) % verbs.length]} ${themes[p % themes.length].toLowerCase()} service ${j + 1}`,
        `          start: ${start}`,
        `          duration: ${weeks}w`,
        `          budget: ${budget}`,
        `          spent: ${spent}`,
        `          progress: ${progress}`,
      );
      if (j === 0) lines.push('          milestones:', `            - { id: ${id}-p1-m, name: First release of ${themes[p % themes.length]}, date: 2026-0${5 + (p % 2)}-2${p % 8} }`);
    }
  }
  files['portfolio.plan.yaml'] = `${lines.join('\n')}\n`;
  return { files, programs };
}

/** The dates of the history's commits: several on one day (they must be drawn apart). */
export const HISTORY_DATES = ['2026-03-02', '2026-03-02', '2026-03-02', '2026-03-16', '2026-04-01', '2026-04-01'];

/** A git repository holding the workspace, one commit per date (step i at HISTORY_DATES[i]), each with its own subject. */
export function steeringHistory(count = 12): { git: GitFixture; subjects: string[] } {
  const git = new GitFixture();
  const subjects: string[] = [];
  HISTORY_DATES.forEach((date, i) => {
    const subject = `Re-plan ${i + 1}: progress of the week`;
    git.write(steeringPrograms(count, i).files).commit(subject, date);
    subjects.push(subject);
  });
  return { git, subjects };
}
