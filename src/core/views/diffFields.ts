/**
 * The one table of the compared fields of SPEC 8's diff as people read them: each field's label, how
 * its value and its difference are written, and what a move of it means (a slip, a re-plan, an approved
 * budget change, a forecast cost change). Every diff output (text, Markdown, the steering report's
 * changes, the roadmap's list of changes) writes fields through it, never by their JSON names.
 */
import type { MilestoneValuesJson, UndertakingValuesJson } from '../history/diff';
import { figureTable } from './figureTable';
import { digitsApart, fixedNumber } from '../base/numbers';
import { dateText, formatDayDelta, formatGrouped, formatMoney, formatMoneyDelta, formatPercent } from './format';

export { dateText, formatDayDelta, formatMoneyDelta } from './format';
import { milestoneStatusText } from './forecastText';

/** A percent-point difference with its sign: "+12 pts". */
export function formatPointsDelta(value: number | null): string {
  if (value === null) return '—';
  // To a tenth; a change smaller than that with the digits that show it (+0.04 pts, not 0 pts).
  let digits = 1;
  while (digits < 4 && value !== 0 && Number(fixedNumber(Math.abs(value), digits)) === 0) digits++;
  const rounded = Number(fixedNumber(value, digits));
  return `${rounded > 0 ? '+' : ''}${rounded === 0 ? 0 : rounded} pts`;
}

/**
 * What a move of a field means to a program manager (SPEC 8, v3): a later forecast end is a slip (what
 * `--fail-on-slip` counts), an earlier one is pulled in; a moved planned date is a re-plan; a changed
 * budget or BAC is an approved budget change; a changed EAC is a forecast cost change.
 */
export type ChangeMeaning = 'slip' | 'pulled in' | 're-plan' | 'approved budget' | 'forecast cost';

export interface DiffField<V> {
  readonly label: string;
  readonly value: (value: V) => string;
  /**
   * The value with `digits` more decimals, for a change whose two sides `value` writes alike ("56% → 56%
   * (+0.1 pts)" is "56.4% → 56.5%"); absent where `value` never hides a change (dates, states).
   */
  readonly precise?: (value: V, digits: number) => string;
  /** Whether a side that is not whole has both sides written with decimals (a progress of 56.4% → 56.5%, not 56% → 57%). */
  readonly decimalsWhenFractional?: boolean;
  /** How the difference (head − base) reads; absent for fields without one (health, state). */
  readonly delta?: (delta: number | null) => string;
  /** What a move by `delta` means; absent when a move is just a change. */
  readonly meaning?: (delta: number) => ChangeMeaning;
}

const forecastMove = (delta: number): ChangeMeaning => (delta > 0 ? 'slip' : 'pulled in');
const replan = (): ChangeMeaning => 're-plan';
const day: DiffField<string | null> = { label: '', value: dateText, delta: formatDayDelta };
const money: DiffField<number | null> = { label: '', value: (v) => formatMoney(v), delta: formatMoneyDelta, precise: (v, digits) => (v === null ? '—' : formatGrouped(v, digits - 1)) };

/**
 * A project's or program's fields (SPEC 8): every field of the JSON has its entry, so a new one cannot go
 * unlabelled; a field that is a figure is labelled as the figure table names it.
 */
export const undertakingFields: { readonly [K in keyof UndertakingValuesJson]-?: DiffField<UndertakingValuesJson[K]> } = {
  start: { ...day, label: 'Start', meaning: replan },
  end: { ...day, label: 'Planned end', meaning: replan },
  forecastEnd: { ...day, label: figureTable.forecastEnd.short, meaning: forecastMove },
  // Earned schedule's forecast end: told, not counted as a slip (a slip is what --fail-on-slip counts).
  ieacT: { label: figureTable.ieacT.short, value: (v) => dateText(v ?? null), delta: formatDayDelta },
  bac: { ...money, label: figureTable.bac.short, meaning: () => 'approved budget' },
  budget: { ...money, label: 'Budget', meaning: () => 'approved budget' },
  eac: { ...money, label: figureTable.eac.short, meaning: () => 'forecast cost' },
  progress: { label: figureTable.progress.short, value: (p) => formatPercent(p), delta: formatPointsDelta, precise: (p, digits) => (p === null ? '—' : `${fixedNumber(p, digits)}%`), decimalsWhenFractional: true },
  health: { label: figureTable.health.short, value: (h) => figureTable.health.format(h, '') },
  state: { label: 'State', value: (s) => s ?? '—' },
};

/** A milestone's fields (SPEC 8). */
export const milestoneFields: { readonly [K in keyof MilestoneValuesJson]: DiffField<MilestoneValuesJson[K]> } = {
  date: { ...day, label: 'Due', meaning: replan },
  forecast: { ...day, label: 'Forecast', meaning: forecastMove },
  status: { label: 'Status', value: (s) => milestoneStatusText[s] },
  done: { label: 'Done', value: (d) => (d ? 'yes' : 'no') },
};

/** The fields of a table in the order it lists them. */
export const undertakingFieldOrder = Object.keys(undertakingFields) as ReadonlyArray<keyof UndertakingValuesJson>;
export const milestoneFieldOrder = Object.keys(milestoneFields) as ReadonlyArray<keyof MilestoneValuesJson>;

/** One field that changed, in words. */
export interface FieldChange {
  readonly key: string;
  readonly meaning: ChangeMeaning | null;
  /** "Budget 1.2M → 1.5M (+300k)". */
  readonly text: string;
}

/** A field's change as "Label before → after (delta)"; the delta left out when it has none or either side is missing. */
export function fieldChange<V>(key: string, field: DiffField<V>, before: V, after: V, delta: number | null | undefined): FieldChange {
  const moved = field.delta && delta !== null && delta !== undefined ? ` (${field.delta(delta)})` : '';
  let [from, to] = [field.value(before), field.value(after)];
  const whole = (value: unknown) => typeof value !== 'number' || Number.isInteger(value);
  if (field.precise && field.decimalsWhenFractional && !(whole(before) && whole(after))) [from, to] = [field.precise(before, 1), field.precise(after, 1)];
  // Two sides written alike though they differ: with the decimals that tell them apart.
  if (field.precise && from === to && before !== after) {
    const digits = digitsApart(before, after, 1, 4, field.precise);
    [from, to] = [field.precise(before, digits), field.precise(after, digits)];
  }
  return {
    key,
    meaning: field.meaning && typeof delta === 'number' && delta !== 0 ? field.meaning(delta) : null,
    text: `${field.label} ${from} → ${to}${moved}`,
  };
}

/** The change as a line: "slip: Forecast end 2026-01-10 → 2026-01-14 (+4 d)", "Health amber → red". */
export const fieldChangeText = (change: FieldChange) => (change.meaning ? `${change.meaning}: ${change.text}` : change.text);
