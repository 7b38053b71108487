/**
 * The roadmap compared with another revision (SPEC 8, `Plan: Compare Roadmap With…`): what the roadmap
 * draws over the live plan — the other revision's window of each project that moved, as a ghost bar
 * with its slip labelled — the Δ columns of the rollup table and the list of changes. Plain JSON, built
 * from a comparison (`diffPlans`), posted to the webview beside the render model.
 */
import { monthEnd, monthStart, parseDay, type Day } from '../base/dates';
import type { Health } from '../model/entities';
import type { PlanDiff, UndertakingChangeJson } from '../history/diff';
import { changeSections, formatDayDelta, sideName, statusDatesText, type ChangeSection } from '../views/historyReport';
import type { RoadmapModel } from './model';

/** A project's window in the other revision, drawn behind its bar. */
export interface RoadmapGhost {
  readonly id: string;
  /** The other revision's scheduled window; null for a project that is new. */
  readonly start: Day | null;
  readonly end: Day | null;
  /** "+32 d" (the planned end moved), "forecast +11 d" (only the forecast moved), or "new". */
  readonly label: string;
  /** True when the end or forecast moved later. */
  readonly slipped: boolean;
}

/** The Δ cells of a project's or program's row in the rollup table. */
export interface RoadmapDelta {
  readonly kind: 'project' | 'program';
  readonly id: string;
  readonly change: 'added' | 'changed';
  readonly end: number | null;
  readonly forecastEnd: number | null;
  readonly bac: number | null;
  readonly eac: number | null;
  readonly healthBefore: Health | null;
  /** Null for a cancelled project (v3). */
  readonly healthAfter: Health | null;
}

export type RoadmapComparison = Readonly<{
  version: 1;
  /** The other revision as people read it: "HEAD (1a2b3c4)". */
  label: string;
  ref: string;
  commit: string;
  /** "status date 2026-09-30", or "status date 2026-09-30 → 2026-10-31". */
  statusDates: string;
  ghosts: readonly RoadmapGhost[];
  deltas: readonly RoadmapDelta[];
  /** Every change in words, by kind. */
  changes: readonly ChangeSection[];
  /** Entities listed in the comparison (removed ones included). */
  count: number;
}>;

const day = (text: string | null): Day | null => (text === null ? null : (parseDay(text) ?? null));

function ghostOf(change: UndertakingChangeJson): RoadmapGhost | undefined {
  if (change.change === 'added') return { id: change.id!, start: null, end: null, label: 'new', slipped: false };
  if (change.change !== 'changed') return undefined;
  const { delta, base } = change;
  const moved = (delta.start ?? 0) !== 0 || (delta.end ?? 0) !== 0;
  const forecastMoved = (delta.forecastEnd ?? 0) !== 0;
  if (!moved && !forecastMoved) return undefined;
  const label = (delta.end ?? 0) !== 0 ? formatDayDelta(delta.end) : moved ? `start ${formatDayDelta(delta.start)}` : `forecast ${formatDayDelta(delta.forecastEnd)}`;
  return { id: change.id!, start: day(base!.start), end: day(base!.end), label, slipped: (delta.end ?? 0) > 0 || (delta.forecastEnd ?? 0) > 0 };
}

/** What the roadmap shows of a comparison with the revision named `ref` (its base side). */
export function roadmapComparison(diff: PlanDiff): RoadmapComparison {
  const deltas: RoadmapDelta[] = [];
  for (const [kind, changes] of [['project', diff.projects], ['program', diff.programs]] as const) {
    for (const c of changes) {
      if (c.change === 'removed' || c.id === null) continue;
      deltas.push({
        kind,
        id: c.id,
        change: c.change,
        end: c.delta.end,
        forecastEnd: c.delta.forecastEnd,
        bac: c.delta.bac,
        eac: c.delta.eac,
        healthBefore: c.base?.health ?? null,
        healthAfter: c.head!.health,
      });
    }
  }
  const changes = changeSections(diff);
  return {
    version: 1,
    label: sideName(diff.base),
    ref: diff.base.ref ?? '',
    commit: diff.base.commit ?? '',
    statusDates: statusDatesText(diff),
    ghosts: diff.projects.flatMap((c) => ghostOf(c) ?? []),
    deltas,
    changes,
    count: changes.reduce((n, section) => n + section.entries.length, 0),
  };
}

/** The model's time range widened to the ghosts, so the other revision's windows are in view. */
export function comparedRange(model: RoadmapModel, comparison: RoadmapComparison | null): RoadmapModel['range'] {
  let { start, end } = model.range;
  for (const ghost of comparison?.ghosts ?? []) {
    if (ghost.start !== null && ghost.start - 7 < start) start = monthStart(ghost.start - 7);
    if (ghost.end !== null && ghost.end + 7 > end) end = monthEnd(ghost.end + 7);
  }
  return { start, end };
}
