/**
 * How views name and mark an entity (issue 17): one display name rule, one "critical", one "cancelled"
 * and one order of programs under their portfolios — for the reports, the roadmap, the editor and the
 * webview alike. The JSON of SPEC 7 keeps its own fields (a name is `null` there when none is written).
 */
/** Each kind of entity in words, capitalised ("Milestone"). */
export const kindWord: Record<string, string> = {
  portfolio: 'Portfolio',
  program: 'Program',
  project: 'Project',
  milestone: 'Milestone',
  risk: 'Risk',
  issue: 'Issue',
  person: 'Person',
};

/** What a view calls an entity: its name as written, else its id, else its kind ("Milestone"); '' for an entry with neither. */
export function displayName(entity: { readonly kind?: string; readonly name?: string | null; readonly id?: string | null }): string {
  return entity.name ?? entity.id ?? (entity.kind === undefined ? '' : (kindWord[entity.kind] ?? entity.kind));
}

/** On the critical path: no float left (SPEC 4: float ≤ 0); unknown float is not critical. */
export function isCritical(float: number | null | undefined): boolean {
  return float !== null && float !== undefined && float <= 0;
}

/** A cancelled project (v3: shown, counted in no total, asks for no attention): its state (JSON or as written) is cancelled. */
export function isCancelled(entry: object): boolean {
  const state: unknown = 'state' in entry ? entry.state : undefined;
  return (typeof state === 'object' && state !== null && 'value' in state ? state.value : state) === 'cancelled';
}

/** A group of the program order: a portfolio with its programs, or (portfolio null) the programs of no portfolio listed. */
export interface ProgramGroup<Portfolio, Program> {
  readonly portfolio: Portfolio | null;
  readonly programs: Program[];
}

/**
 * The one order programs are shown in: each portfolio in file order with its programs in the order it
 * lists them, then the programs no portfolio lists, in file order. A program listed twice is shown
 * under the first portfolio; `shown` leaves programs out (a filtered view).
 */
export function programOrder<Portfolio extends { readonly programs: readonly string[] }, Program extends { readonly id: string }>(
  portfolios: readonly Portfolio[],
  programs: readonly Program[],
  shown: (program: Program) => boolean = () => true,
): Array<ProgramGroup<Portfolio, Program>> {
  const byId = new Map(programs.map((p) => [p.id, p]));
  const placed = new Set<string>();
  const groups: Array<ProgramGroup<Portfolio, Program>> = portfolios.map((portfolio) => ({
    portfolio,
    programs: portfolio.programs.flatMap((id) => {
      const program = byId.get(id);
      if (!program || placed.has(id) || !shown(program)) return [];
      placed.add(id);
      return [program];
    }),
  }));
  const rest = programs.filter((p) => !placed.has(p.id) && shown(p));
  if (rest.length > 0) groups.push({ portfolio: null, programs: rest });
  return groups;
}
