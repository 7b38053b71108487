/**
 * Earned schedule (SPEC 5.2): schedule performance measured in days, for one project or a set of them
 * (a program's, a portfolio's non-cancelled projects).
 *
 * The planned value curve PV(x) is piecewise linear with its breaks at whole days (every project's
 * window starts and ends on one), so ES — the smallest x with PV(x) ≥ EV — lies in the first whole-day
 * segment [k − 1, k] whose end reaches EV, found by walking the days (or bisecting them, for a very long
 * plan), and is interpolated inside it. Figures are
 * floats; every decision (which segment, the whole-day count of ieacT) is made exactly where the float is
 * within a hair of the boundary, from the values as written (see base/exact.ts).
 */
import type { Day } from '../base/dates';
import { ceilExactly, compareExactly, Rational } from '../base/exact';
import type { Field, ProjectState } from '../model/entities';

/** The earned-schedule figures of one project, program or portfolio; all null where undefined. */
export interface EarnedSchedule {
  /** Earned schedule: the days of the plan the work done is worth. */
  readonly es: number | null;
  /** Actual time: days from the start of the plan to the status date (0 before it starts). */
  readonly at: number | null;
  /** ES / AT. */
  readonly spiT: number | null;
  /** ES − AT, in days. */
  readonly svT: number | null;
  /** The forecast end by earned schedule: PS + ceil(PD / spiT) − 1. */
  readonly ieacT: Day | null;
}

export const noEarnedSchedule: EarnedSchedule = { es: null, at: null, spiT: null, svT: null, ieacT: null };

/** What earned schedule needs of a project (its earned value or rollup has it). */
export interface ScheduledWork {
  readonly state: ProjectState;
  /** The planned window [ps, pe] of SPEC 5. */
  readonly plannedStart: Day | null;
  readonly plannedEnd: Day | null;
  readonly terms: {
    readonly bac: number;
    /** Percent complete that earns value (100 when done). */
    readonly percent: number;
    readonly written: { readonly text: string; readonly bac?: Field<number>; readonly percent?: Field<number> };
  };
}

/** Counts in the set: not cancelled, with a planned window. A project without one has no planned value curve. */
function counts(work: ScheduledWork): boolean {
  return work.state !== 'cancelled' && work.plannedStart !== null && work.plannedEnd !== null && work.plannedEnd >= work.plannedStart;
}

/** One project: ES = PD × progress / 100 (its curve is a straight line over its window). */
export function projectEarnedSchedule(work: ScheduledWork, statusDate: Day): EarnedSchedule {
  if (!counts(work)) return noEarnedSchedule;
  const ps = work.plannedStart!;
  const pd = work.plannedEnd! - ps + 1;
  const percent = work.terms.percent;
  const es = (pd * percent) / 100;
  const at = Math.max(0, statusDate - ps + 1);
  if (at === 0) return { es, at, spiT: null, svT: null, ieacT: null };
  // PD / SPI(t) = PD × AT / ES = 100 × AT / progress: in whole numbers when progress is one (the usual case).
  let ieacT: Day | null = null;
  if (work.state !== 'done' && percent > 0) {
    const days = Number.isInteger(percent) ? Math.floor((100 * at + percent - 1) / percent) : ceilExactly((100 * at) / percent, () => Rational.of(100 * at).div(exactPercent(work)));
    ieacT = ps + days - 1;
  }
  return { es, at, spiT: es / at, svT: es - at, ieacT };
}

/** A set of projects (cancelled ones and ones without a planned window are left out). */
export function setEarnedSchedule(parts: readonly ScheduledWork[], statusDate: Day): EarnedSchedule {
  let PS = Infinity;
  let PE = -Infinity;
  let counted = 0;
  let only: ScheduledWork | undefined;
  let budgeted = false;
  let allDone = true;
  // Indexed loops: a portfolio's set runs over thousands of projects, once, before it is optimised (where
  // `for … of` makes an iterator result per item).
  for (let p = 0; p < parts.length; p++) {
    const work = parts[p];
    if (!counts(work)) continue;
    counted++;
    only = work;
    if (work.plannedStart! < PS) PS = work.plannedStart!;
    if (work.plannedEnd! > PE) PE = work.plannedEnd!;
    if (work.terms.bac !== 0) budgeted = true;
    if (work.state !== 'done') allDone = false;
  }
  if (counted === 0) return noEarnedSchedule;
  // One project's curve is its own, whatever its weight.
  if (counted === 1) return projectEarnedSchedule(only!, statusDate);

  const PD = PE - PS + 1;
  // Each counted project's offset from PS, window length and weight, in flat arrays.
  const offsets = scratch.take(0, counted);
  const lengths = scratch.take(1, counted);
  const weights = scratch.take(2, counted);
  const shares = scratch.take(3, counted);
  let ev = 0;
  let i = 0;
  for (let p = 0; p < parts.length; p++) {
    const work = parts[p];
    if (!counts(work)) continue;
    offsets[i] = work.plannedStart! - PS;
    lengths[i] = work.plannedEnd! - work.plannedStart! + 1;
    // Where Σ BAC = 0 every project weighs 1 (SPEC 5.2).
    weights[i] = budgeted ? work.terms.bac : 1;
    shares[i] = work.terms.percent / 100;
    ev += weights[i] * shares[i];
    i++;
  }
  const exact = new ExactCurve(parts, PS, budgeted);
  const reaches = (value: number, x: number) => compareExactly(value, () => exact.pv(x), ev, () => exact.ev()) >= 0;
  // The smallest whole day k with PV(k) ≥ EV (PV(PD) is the whole weight, which EV never exceeds).
  const k = PD <= WALK_DAYS_PER_PROJECT * counted + WALK_DAYS ? walk(offsets, lengths, weights, PD, reaches) : bisect(offsets, lengths, weights, PD, reaches);
  if (k === 0) return figures(PS, PD, statusDate, 0, allDone, () => Rational.zero);
  // Inside [k − 1, k]: EV − PV(k − 1) over the slope, each summed project by project, so that a large finished
  // project (earned and planned alike) adds exactly 0 instead of the rounding of a difference of large sums.
  let gap = 0;
  let slope = 0;
  for (let j = 0; j < counted; j++) {
    const done = k - 1 - offsets[j];
    gap += weights[j] * (shares[j] - (done <= 0 ? 0 : done >= lengths[j] ? 1 : done / lengths[j]));
    if (done >= 0 && done < lengths[j]) slope += weights[j] / lengths[j];
  }
  const es = k - 1 + (slope > 0 ? Math.min(1, Math.max(0, gap / slope)) : 1);
  return figures(PS, PD, statusDate, es, allDone, () => {
    const from = exact.pv(k - 1);
    return Rational.of(k - 1).add(exact.ev().sub(from).div(exact.pv(k).sub(from)));
  });
}

/**
 * Working arrays of doubles kept from one set to the next (a portfolio's is recomputed after every edit:
 * fresh memory for five arrays of its projects each time cost more than the sums). A view of the first
 * `length` doubles is handed out; its contents are what the last user left.
 */
class Scratch {
  private readonly buffers: Float64Array[] = [];

  take(slot: number, length: number): Float64Array {
    let buffer = this.buffers[slot];
    if (!buffer || buffer.length < length) {
      buffer = new Float64Array(Math.max(length, 2 * (buffer?.length ?? 0)));
      this.buffers[slot] = buffer;
    }
    return buffer.subarray(0, length);
  }
}
const scratch = new Scratch();

/** Plans up to this many days (per project, plus a constant) are walked day by day; longer ones are bisected. */
const WALK_DAYS_PER_PROJECT = 8;
const WALK_DAYS = 4096;

type Reaches = (pv: number, x: number) => boolean;

/** Day by day from PS, each day adding the rate of the windows open on it: O(projects + days). */
function walk(offsets: Float64Array, lengths: Float64Array, weights: Float64Array, PD: number, reaches: Reaches): number {
  if (reaches(0, 0)) return 0;
  const change = scratch.take(4, PD + 1).fill(0);
  for (let j = 0; j < offsets.length; j++) {
    const rate = weights[j] / lengths[j];
    change[offsets[j]] += rate;
    change[offsets[j] + lengths[j]] -= rate;
  }
  let rate = 0;
  let value = 0;
  for (let day = 0; day < PD; day++) {
    rate += change[day];
    const next = value + rate;
    if (reaches(next, day + 1)) return day + 1;
    value = next;
  }
  return PD;
}

/** Bisection over the whole days, each step summing the curve at one day: O(projects × log days). */
function bisect(offsets: Float64Array, lengths: Float64Array, weights: Float64Array, PD: number, reaches: Reaches): number {
  const pv = (x: number): number => {
    let total = 0;
    for (let j = 0; j < offsets.length; j++) {
      const done = x - offsets[j];
      if (done <= 0) continue;
      total += done >= lengths[j] ? weights[j] : (weights[j] * done) / lengths[j];
    }
    return total;
  };
  let low = 0;
  let high = PD;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (reaches(pv(mid), mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

const HUNDRED = Rational.of(100);

/** AT, SPI(t), SV(t) and IEAC(t) from ES; `exactEs` gives ES exactly for the whole-day count of IEAC(t). */
function figures(PS: Day, PD: number, statusDate: Day, es: number, allDone: boolean, exactEs: () => Rational): EarnedSchedule {
  const at = Math.max(0, statusDate - PS + 1);
  if (at === 0) return { es, at, spiT: null, svT: null, ieacT: null };
  const spiT = es / at;
  // PD / SPI(t) = PD × AT / ES, a whole number of days more often than not: its ceiling decided exactly.
  const ieacT = allDone || !(es > 0) ? null : PS + ceilExactly((PD * at) / es, () => Rational.of(PD * at).div(exactEs())) - 1;
  return { es, at, spiT, svT: es - at, ieacT };
}

function writtenValue(text: string, field: Field<number> | undefined, value: number): Rational {
  return Rational.written(field ? text.slice(field.span[0], field.span[1]) : undefined, value);
}

function exactPercent(work: ScheduledWork): Rational {
  return writtenValue(work.terms.written.text, work.terms.written.percent, work.terms.percent);
}

/**
 * PV at whole days and EV of a set, exactly. Only asked for at a tie, so it is built lazily; terms are
 * summed per denominator first (few distinct window lengths), which keeps the big integers small.
 */
class ExactCurve {
  private weights: Rational[] | undefined;
  private evValue: Rational | undefined;
  private countedParts: ScheduledWork[] | undefined;

  constructor(
    private readonly parts: readonly ScheduledWork[],
    private readonly PS: Day,
    private readonly budgeted: boolean,
  ) {}

  private get counted(): ScheduledWork[] {
    return (this.countedParts ??= this.parts.filter(counts));
  }

  private weightsOf(): Rational[] {
    return (this.weights ??= this.counted.map((work) => (this.budgeted ? writtenValue(work.terms.written.text, work.terms.written.bac, work.terms.bac) : Rational.of(1))));
  }

  ev(): Rational {
    if (this.evValue) return this.evValue;
    const weights = this.weightsOf();
    const sum = new FractionSum();
    this.counted.forEach((work, i) => sum.add(weights[i].mul(exactPercent(work)).div(HUNDRED)));
    return (this.evValue = sum.total());
  }

  pv(x: number): Rational {
    const weights = this.weightsOf();
    const sum = new FractionSum();
    this.counted.forEach((work, i) => {
      const done = x - (work.plannedStart! - this.PS);
      if (done <= 0) return;
      const days = work.plannedEnd! - work.plannedStart! + 1;
      sum.add(done >= days ? weights[i] : weights[i].mul(Rational.fraction(BigInt(done), BigInt(days))));
    });
    return sum.total();
  }
}

/** A sum of fractions kept as one numerator per denominator until the end. */
class FractionSum {
  private readonly byDenominator = new Map<bigint, bigint>();

  add(value: Rational): void {
    this.byDenominator.set(value.den, (this.byDenominator.get(value.den) ?? 0n) + value.num);
  }

  total(): Rational {
    let total = Rational.zero;
    for (const [den, num] of this.byDenominator) total = total.add(Rational.fraction(num, den));
    return total;
  }
}
