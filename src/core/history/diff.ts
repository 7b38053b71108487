/**
 * What changed between two revisions of the plans (SPEC 8, `diff --format json`): projects, programs
 * and milestones with their values on each side and the differences, risks and issues opened, closed,
 * added, removed or re-rated. Entities are matched by id, so renaming or moving a file changes nothing.
 */
import { formatDay, type Day } from '../base/dates';
import { compareExactly, Rational } from '../base/exact';
import type { Health, IssueSeverity, ProjectState } from '../model/entities';
import type { MilestoneStatus } from '../analysis/rollup';
import type { RiskLevel } from '../analysis/rules';
import { exactMoney, type Holder, type IssueState, type MilestoneState, type OpenState, type PlanSnapshot, type RiskState, type UndertakingState } from './snapshot';

/** One side of a comparison: a ref as given and the commit it names, or the files on disk (both null). */
export interface DiffSideJson {
  ref: string | null;
  commit: string | null;
  statusDate: string;
}

export type EntityChangeKind = 'added' | 'removed' | 'changed';

/** A project's or program's compared values (programs: state null). */
export interface UndertakingValuesJson {
  start: string | null;
  end: string | null;
  forecastEnd: string | null;
  /** Earned schedule's forecast end: shown in the text and Markdown, left out of SPEC 8's JSON. */
  ieacT?: string | null;
  bac: number;
  /** The declared budget (SPEC 8, v3), null when none is declared. */
  budget: number | null;
  eac: number;
  progress: number | null;
  health: Health | null;
  state: ProjectState | null;
}
/** Head − base: days for the dates, differences for the numbers; null where either side is null. */
export interface UndertakingDeltaJson {
  start: number | null;
  end: number | null;
  forecastEnd: number | null;
  ieacT?: number | null;
  bac: number | null;
  budget: number | null;
  eac: number | null;
  progress: number | null;
}
export interface MilestoneValuesJson {
  date: string | null;
  forecast: string | null;
  status: MilestoneStatus;
  done: boolean;
}
export interface MilestoneDeltaJson {
  date: number | null;
  forecast: number | null;
}

export interface EntityChangeJson<Values, Delta> {
  id: string | null;
  name: string | null;
  change: EntityChangeKind;
  base: Values | null;
  head: Values | null;
  delta: Delta;
}
export type UndertakingChangeJson = EntityChangeJson<UndertakingValuesJson, UndertakingDeltaJson>;
export type MilestoneChangeJson = EntityChangeJson<MilestoneValuesJson, MilestoneDeltaJson>;
/** A milestone's change with the program or project that holds it (for the text views; not in the JSON). */
export interface MilestoneChange extends MilestoneChangeJson {
  owner: Holder;
}

export type ItemChangeKind = 'opened' | 'closed' | 'added' | 'removed' | 'changed';
export interface ItemChangeJson<Values> {
  owner: Holder;
  id: string | null;
  title: string | null;
  change: ItemChangeKind;
  base: Values | null;
  head: Values | null;
}
export type RiskChangeJson = ItemChangeJson<{ level: RiskLevel | null; state: OpenState }>;
export type IssueChangeJson = ItemChangeJson<{ severity: IssueSeverity | null; state: OpenState }>;

/** `diff --format json` (SPEC 8). */
export interface PlanDiffJson {
  version: 1;
  base: DiffSideJson;
  head: DiffSideJson;
  projects: UndertakingChangeJson[];
  programs: UndertakingChangeJson[];
  milestones: MilestoneChangeJson[];
  risks: RiskChangeJson[];
  issues: IssueChangeJson[];
}

/** The comparison as the views read it: the JSON shape, with each milestone's holder. */
export interface PlanDiff extends PlanDiffJson {
  milestones: MilestoneChange[];
}

/** Where a side of the comparison comes from. */
export interface RevisionLabel {
  /** The ref as the user wrote it (`HEAD`, `origin/main`, a sha); null for the files on disk. */
  readonly ref: string | null;
  /** The full commit id it resolved to; null for the files on disk. */
  readonly commit: string | null;
}

const day = (value: Day | null): string | null => (value === null ? null : formatDay(value));
const difference = (head: number | null, base: number | null): number | null => (head === null || base === null ? null : head - base);

/**
 * Head − base of an amount or a percentage as written, exactly: 0.3 − 0.2 is 0.1, not floating point's
 * 0.09999999999999998 (each read as its shortest decimal, as `Rational.of` does).
 */
function decimalDifference(head: number | null, base: number | null): number | null {
  if (head === null || base === null) return null;
  if (!Number.isFinite(head) || !Number.isFinite(base)) return head - base;
  return Rational.of(head).sub(Rational.of(base)).toNumber();
}

/**
 * Whether BAC (or EAC) is the same on both sides, exactly (SPEC 5): a program's sum that floating point
 * rounds differently only because its projects come in another order (a renamed file) is the same.
 */
function sameMoney(a: UndertakingState, b: UndertakingState, key: 'bac' | 'eac'): boolean {
  if (a[key] === b[key]) return true;
  const exactA = exactMoney(a);
  const exactB = exactMoney(b);
  if (!exactA || !exactB) return false;
  return compareExactly(a[key], () => exactA[key], b[key], () => exactB[key]) === 0;
}

/** Head − base of BAC or EAC, from the sums as written where the snapshot has them: 0 when they are exactly the same. */
function moneyDifference(head: UndertakingState | undefined, base: UndertakingState | undefined, key: 'bac' | 'eac'): number | null {
  if (!head || !base) return null;
  if (sameMoney(head, base, key)) return 0;
  const exactHead = exactMoney(head);
  const exactBase = exactMoney(base);
  return exactHead && exactBase ? exactHead[key].sub(exactBase[key]).toNumber() : decimalDifference(head[key], base[key]);
}

/** Pairs the entries of both sides by key; an entry whose key repeats on a side pairs with the same occurrence on the other. */
function match<T>(base: readonly T[], head: readonly T[], key: (item: T) => string): Array<[T | undefined, T | undefined]> {
  const heads = new Map<string, T[]>();
  for (const item of head) {
    const k = key(item);
    const list = heads.get(k);
    if (list) list.push(item);
    else heads.set(k, [item]);
  }
  const pairs: Array<[T | undefined, T | undefined]> = [];
  for (const item of base) pairs.push([item, heads.get(key(item))?.shift()]);
  for (const list of heads.values()) for (const item of list) pairs.push([undefined, item]);
  return pairs;
}

const holderKey = (holder: Holder) => `${holder.kind}\u0000${holder.id ?? ''}`;
/** By id; else by holder and name (milestones) or title (risks, issues). */
const itemKey = (id: string | null, holder: Holder, name: string | null) =>
  id !== null ? `#${id}` : `@${holderKey(holder)}\u0000${name ?? ''}`;

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** SPEC 8: order is by id; entries without one come after, by holder (kind, id) and then name or title. */
function byId(a: { id: string | null; owner?: Holder; name?: string | null; title?: string | null }, b: typeof a): number {
  return (
    compareText(a.id, b.id) ||
    compareText(a.owner?.kind ?? null, b.owner?.kind ?? null) ||
    compareText(a.owner?.id ?? null, b.owner?.id ?? null) ||
    compareText(a.name ?? a.title ?? null, b.name ?? b.title ?? null)
  );
}

function sameValues<T extends object>(a: T, b: T): boolean {
  return (Object.keys(a) as Array<keyof T>).every((key) => a[key] === b[key]);
}

/** What a comparison of one kind compares, and how it writes it. */
interface Compared<S, Values, Delta> {
  /** True when every compared value is equal (the same answer as comparing `values` of both, without building them). */
  readonly same: (a: S, b: S) => boolean;
  readonly values: (state: S) => Values;
  readonly delta: (base: S | undefined, head: S | undefined) => Delta;
  readonly naming: (state: S) => { id: string | null; name: string | null };
}

function entityChange<S, Values, Delta>(base: S | undefined, head: S | undefined, compared: Compared<S, Values, Delta>): EntityChangeJson<Values, Delta> | undefined {
  if (base !== undefined && head !== undefined && compared.same(base, head)) return undefined;
  const change: EntityChangeKind = base === undefined ? 'added' : head === undefined ? 'removed' : 'changed';
  return {
    ...compared.naming((head ?? base)!),
    change,
    base: base === undefined ? null : compared.values(base),
    head: head === undefined ? null : compared.values(head),
    delta: compared.delta(base, head),
  };
}

const undertakingValues = (s: UndertakingState): UndertakingValuesJson => ({
  start: day(s.start),
  end: day(s.end),
  forecastEnd: day(s.forecastEnd),
  ieacT: day(s.ieacT),
  bac: s.bac,
  budget: s.budget,
  eac: s.eac,
  progress: s.progress,
  health: s.health,
  state: s.state,
});
const undertakingDelta = (base: UndertakingState | undefined, head: UndertakingState | undefined): UndertakingDeltaJson => ({
  start: difference(head?.start ?? null, base?.start ?? null),
  end: difference(head?.end ?? null, base?.end ?? null),
  forecastEnd: difference(head?.forecastEnd ?? null, base?.forecastEnd ?? null),
  ieacT: difference(head?.ieacT ?? null, base?.ieacT ?? null),
  bac: moneyDifference(head, base, 'bac'),
  budget: decimalDifference(head?.budget ?? null, base?.budget ?? null),
  eac: moneyDifference(head, base, 'eac'),
  progress: decimalDifference(head?.progress ?? null, base?.progress ?? null),
});
const milestoneValues = (m: MilestoneState): MilestoneValuesJson => ({ date: day(m.date), forecast: day(m.forecast), status: m.status, done: m.done });
const milestoneDelta = (base: MilestoneState | undefined, head: MilestoneState | undefined): MilestoneDeltaJson => ({
  date: difference(head?.date ?? null, base?.date ?? null),
  forecast: difference(head?.forecast ?? null, base?.forecast ?? null),
});

const undertakings: Compared<UndertakingState, UndertakingValuesJson, UndertakingDeltaJson> = {
  same: (a, b) =>
    a.start === b.start && a.end === b.end && a.forecastEnd === b.forecastEnd && sameMoney(a, b, 'bac') && a.budget === b.budget && sameMoney(a, b, 'eac') && a.progress === b.progress && a.health === b.health && a.state === b.state,
  values: undertakingValues,
  delta: undertakingDelta,
  naming: (s) => ({ id: s.id, name: s.name }),
};

const milestones: Compared<MilestoneState, MilestoneValuesJson, MilestoneDeltaJson> = {
  same: (a, b) => a.date === b.date && a.forecast === b.forecast && a.status === b.status && a.done === b.done,
  values: milestoneValues,
  delta: milestoneDelta,
  naming: (m) => ({ id: m.id, name: m.name }),
};

function undertakingChanges(base: readonly UndertakingState[], head: readonly UndertakingState[]): UndertakingChangeJson[] {
  return match(base, head, (s) => s.id)
    .flatMap(([b, h]) => entityChange(b, h, undertakings) ?? [])
    .sort(byId);
}

function milestoneChanges(base: readonly MilestoneState[], head: readonly MilestoneState[]): MilestoneChange[] {
  return match(base, head, (m) => itemKey(m.id, m.owner, m.name))
    .flatMap(([b, h]) => {
      const change = entityChange(b, h, milestones);
      return change ? [{ ...change, owner: (h ?? b)!.owner }] : [];
    })
    .sort(byId);
}

function itemChanges<S extends RiskState | IssueState, Values extends { state: OpenState }>(
  base: readonly S[],
  head: readonly S[],
  values: (item: S) => Values,
): Array<ItemChangeJson<Values>> {
  const changes: Array<ItemChangeJson<Values>> = [];
  for (const [b, h] of match(base, head, (item) => itemKey(item.id, item.owner, item.title))) {
    const before = b === undefined ? null : values(b);
    const after = h === undefined ? null : values(h);
    let change: ItemChangeKind;
    if (!before) change = 'added';
    else if (!after) change = 'removed';
    else if (before.state !== after.state) change = after.state === 'open' ? 'opened' : 'closed';
    else if (!sameValues(before, after)) change = 'changed';
    else continue;
    const { owner, id, title } = (h ?? b)!;
    changes.push({ owner, id, title, change, base: before, head: after });
  }
  return changes.sort(byId);
}

/** The comparison of two snapshots. */
export function diffPlans(base: PlanSnapshot, head: PlanSnapshot, sides: { base: RevisionLabel; head: RevisionLabel }): PlanDiff {
  return {
    version: 1,
    base: { ref: sides.base.ref, commit: sides.base.commit, statusDate: formatDay(base.statusDate) },
    head: { ref: sides.head.ref, commit: sides.head.commit, statusDate: formatDay(head.statusDate) },
    projects: undertakingChanges(base.projects, head.projects),
    programs: undertakingChanges(base.programs, head.programs),
    milestones: milestoneChanges(base.milestones, head.milestones),
    risks: itemChanges(base.risks, head.risks, (r: RiskState) => ({ level: r.level, state: r.state })),
    issues: itemChanges(base.issues, head.issues, (i: IssueState) => ({ severity: i.severity, state: i.state })),
  };
}

/** The comparison in the shape of `diff --format json`: exactly SPEC 8's fields. */
export function toDiffJson(diff: PlanDiff): PlanDiffJson {
  // SPEC 8's fields exactly: earned schedule's forecast end is told in words only.
  const specFields = (change: UndertakingChangeJson): UndertakingChangeJson => ({
    ...change,
    base: change.base && withoutIeacT(change.base),
    head: change.head && withoutIeacT(change.head),
    delta: withoutIeacT(change.delta),
  });
  return {
    ...diff,
    projects: diff.projects.map(specFields),
    programs: diff.programs.map(specFields),
    milestones: diff.milestones.map(({ id, name, change, base, head, delta }) => ({ id, name, change, base, head, delta })),
  };
}

function withoutIeacT<T extends { ieacT?: unknown }>(values: T): T {
  const { ieacT: _ieacT, ...rest } = values;
  return rest as T;
}

/** A project's forecast end or a milestone's forecast that moved later by more than `days` (`--fail-on-slip`). */
export interface Slip {
  readonly kind: 'project' | 'milestone';
  readonly id: string | null;
  readonly name: string | null;
  readonly days: number;
}

export function slipsOver(diff: PlanDiff, days: number): Slip[] {
  const slips: Slip[] = [];
  for (const p of diff.projects) if (p.delta.forecastEnd !== null && p.delta.forecastEnd > days) slips.push({ kind: 'project', id: p.id, name: p.name, days: p.delta.forecastEnd });
  for (const m of diff.milestones) if (m.delta.forecast !== null && m.delta.forecast > days) slips.push({ kind: 'milestone', id: m.id, name: m.name, days: m.delta.forecast });
  return slips.sort((a, b) => b.days - a.days);
}
