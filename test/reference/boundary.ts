/**
 * BOUNDARY workspaces: valid plans whose figures land exactly on a threshold or a whole day with values
 * that are not exact in binary floating point, where an engine computing in floats without care gets
 * SPEC 5's "exact rationals on the values as written" wrong:
 *
 * - spi:      a project's SPI exactly 0.90, 0.95 or 1 (or a ten-thousandth of a percent of progress
 *             off), e.g. budget 1000, a 30-day window, progress 75 on day 25 → SPI 0.75 / (25/30) = 0.9;
 *             at SPI 1 an active project forecasts its scheduled end, not ps + ceil(window / SPI) − 1;
 * - cpi:      a project's CPI exactly 0.90 or 0.95 (spent = earned value / CPI, to the written digit);
 * - sums:     a program's or a portfolio's CPI or SPI exactly 0.90 / 0.95 from the sums of projects with
 *             cent values (10000.04 and 5000.01 …) whose own indices are elsewhere;
 * - budget:   a program budget equal to ΣBAC and ΣEAC to the cent, or one cent above or below
 *             (10000.04 + 5000.01 against 15000.05), plus a cancelled project that must not count;
 * - forecast: an active project whose window / SPI is a whole number of days (30 days at SPI 15/16 is
 *             32 days, not 33), a planned successor pushed by it, and milestones due on the day that
 *             forecast ends (on track) or the day before (at risk), on S (not missed) and before S.
 *
 * The status date S is given on the command line, or declared by a portfolio or a program (the latest
 * of several declared dates wins).
 */
import fc from 'fast-check';
import { toDate, toDay, type Day } from './days';
import { centsText, decimalText } from './generate';
import type { Document, Milestone, PlanFileModel, Portfolio, Program, Project, Workspace } from './model';
import { Rational } from './rational';

const BASE: Day = toDay('2026-03-02');
const FILES = ['boundary/one.plan.yaml', 'boundary/two.plan.yaml', 'three.plan.yml'];
const R90 = Rational.ratio(9, 10);
const R95 = Rational.ratio(19, 20);
const hundred = Rational.hundred;

/** A piece of a boundary workspace, built once S and fresh ids are known. */
type Piece = (S: Day, fresh: (prefix: string) => string) => { program: Omit<Program, 'id' | 'name'>; extraPrograms?: Program[] };

const emptyProgram = (): Omit<Program, 'id' | 'name'> => ({ benefits: [], milestones: [], risks: [], issues: [], projects: [] });
const project = (id: string, fields: Partial<Project>): Project => ({ id, name: `Project ${id}`, benefits: [], milestones: [], risks: [], issues: [], ...fields });

/** Window W days, S on day d of it (d > W: after it), progress p % such that SPI = r exactly (0.9, 0.95, 1); p with at most 4 decimals. */
const spiCases: Array<{ W: number; d: number; r: Rational; progress: string }> = [];
for (let W = 5; W <= 120; W++) {
  for (let d = 1; d <= W + 20; d += d > W ? 7 : 1) {
    for (const r of [R90, R95, Rational.one]) {
      const p = hundred.mul(r).mul(Rational.ratio(Math.min(d, W), W));
      const text = decimalText(p, 4);
      if (text !== undefined) spiCases.push({ W, d, r, progress: text });
    }
  }
}

/** Window W, S on day d, forecast window k days (SPI = W/k < 1): progress 100 × min(d, W) / k with at most 4 decimals. */
const forecastCases: Array<{ W: number; d: number; k: number; progress: string }> = [];
for (let W = 4; W <= 60; W++) {
  for (let d = 1; d <= W + 10; d += 3) {
    for (let k = W + 1; k <= 3 * W; k++) {
      const text = decimalText(Rational.ratio(100 * Math.min(d, W), k), 4);
      if (text !== undefined) forecastCases.push({ W, d, k, progress: text });
    }
  }
}

const cents = fc.oneof(
  fc.integer({ min: 1, max: 10_000_000 }),
  fc.constantFrom(10_000_04, 5_000_01, 15_000_05, 1_000_10, 333_33, 100_01),
  fc.integer({ min: 1, max: 90_000_000_000_000 }), // up to 900 billion, to the cent
);
/** Budgets whose prime factors are 2 and 5 only, so a progress derived from them is a finite decimal. */
const niceBudget = fc.constantFrom(1000, 2000, 2500, 4000, 5000, 8000, 10000, 12500, 20000, 25000, 40000, 50000, 100000, 3200);
const ratioChoice = fc.constantFrom(R90, R95);
/** 0: exactly on the threshold; ±1: one unit of the last written digit off. */
const nudge = fc.constantFrom(0, 0, 0, 1, -1);
const activeState = fc.constantFrom<Project['state']>(undefined, 'active', 'on-hold');

/** A project's SPI on the threshold: budget any cents, its own window or a baseline window. */
const spiPiece: fc.Arbitrary<Piece> = fc
  .record({ c: fc.constantFrom(...spiCases), budget: cents, nudge, baseline: fc.boolean(), state: activeState, cpiOne: fc.boolean() })
  .map(({ c, budget, nudge, baseline, state, cpiOne }) => (S, fresh) => {
    const ps = S - c.d + 1;
    const progress = Rational.decimal(c.progress).add(Rational.ratio(nudge, 10_000));
    const p = progress.gt(hundred) || progress.lt(Rational.zero) ? Rational.decimal(c.progress) : progress;
    const ev = Rational.decimal(centsText(budget)).mul(p).div(hundred);
    const window = { start: toDate(ps), end: toDate(ps + c.W - 1) };
    const fields: Partial<Project> = {
      // With a baseline, the schedule is elsewhere: the planned window is the baseline's.
      ...(baseline ? { start: toDate(ps + 3), duration: `${c.W + 5}d`, baseline: { ...window, budget: centsText(budget) } } : { ...window, budget: centsText(budget) }),
      progress: p.toString(),
      ...(state ? { state } : {}),
      // spent = EV (CPI exactly 1) or a round figure.
      spent: cpiOne ? (decimalText(ev, 8) ?? '0') : centsText(Math.max(1, Math.floor(budget / 4))),
    };
    return { program: { ...emptyProgram(), projects: [project(fresh('spi'), fields)] } };
  });

/** A project's CPI on the threshold: spent = EV / r written exactly (the budget's cents are a multiple of 9 or 19). */
const cpiPiece: fc.Arbitrary<Piece> = fc
  .record({ k: fc.integer({ min: 1, max: 200_000 }), progress: fc.integer({ min: 1, max: 10_000 }), r: ratioChoice, nudge, state: activeState, W: fc.integer({ min: 10, max: 90 }), future: fc.boolean() })
  .map(({ k, progress, r, nudge, state, W, future }) => (S, fresh) => {
    const budgetCents = k * (r === R90 ? 9 : 19);
    const budget = Rational.ratio(budgetCents, 100);
    const p = Rational.ratio(progress, 100);
    const spent = budget.mul(p).div(hundred).div(r).add(Rational.ratio(nudge, 1_000_000));
    const fields: Partial<Project> = {
      // Starting after S: PV = 0 and SPI is null, so CPI alone decides; or S after the window (SPI = progress).
      start: toDate(future ? S + 1 : S - W),
      end: toDate(future ? S + W : S - 1),
      budget: budget.toString(),
      progress: p.toString(),
      spent: decimalText(spent, 6) ?? '0',
      ...(state ? { state } : {}),
    };
    return { program: { ...emptyProgram(), projects: [project(fresh('cpi'), fields)] } };
  });

/**
 * A program whose summed CPI (or SPI) is exactly r: a first project of any cents, a second one with a
 * budget whose progress is derived from the rest. Both in one program, or (portfolio) in two programs
 * of one portfolio, so it is the portfolio's sum that is on the threshold.
 */
const sumPiece: fc.Arbitrary<Piece> = fc
  .record({
    index: fc.constantFrom<'cpi' | 'spi'>('cpi', 'spi'),
    r: ratioChoice,
    budget1: cents,
    progress1: fc.integer({ min: 0, max: 100 }),
    spent1: cents,
    budget2: niceBudget,
    spent2: cents,
    W: fc.constantFrom(10, 16, 20, 25, 32, 40, 50, 64, 80, 100),
    d1: fc.integer({ min: 1, max: 100 }),
    d2: fc.integer({ min: 1, max: 100 }),
    nudge,
    split: fc.boolean(),
  })
  .filter(({ index, r, budget1, progress1, spent1, budget2, spent2, W, d1, d2 }) => {
    const derived = sumProgress(index, r, budget1, progress1, spent1, budget2, spent2, W, d1, d2);
    return derived !== undefined;
  })
  .map((c) => (S, fresh) => {
    const progress2 = sumProgress(c.index, c.r, c.budget1, c.progress1, c.spent1, c.budget2, c.spent2, c.W, c.d1, c.d2)!;
    const nudged = progress2.add(Rational.ratio(c.nudge, 10_000));
    const p2 = nudged.lt(Rational.zero) || nudged.gt(hundred) ? progress2 : nudged;
    const first = project(fresh('sum'), {
      start: toDate(S - Math.min(c.d1, c.W) + 1),
      duration: `${c.W}d`,
      budget: centsText(c.budget1),
      progress: String(c.progress1),
      spent: centsText(c.spent1),
      state: 'active',
    });
    const second = project(fresh('sum'), {
      start: toDate(S - Math.min(c.d2, c.W) + 1),
      end: toDate(S - Math.min(c.d2, c.W) + c.W),
      budget: String(c.budget2),
      progress: decimalText(p2, 8)!,
      spent: centsText(c.spent2),
      state: 'on-hold',
    });
    if (!c.split) return { program: { ...emptyProgram(), projects: [first, second] } };
    const other: Program = { id: fresh('sumpg'), name: 'Second half of a portfolio sum', ...emptyProgram(), projects: [second] };
    return { program: { ...emptyProgram(), projects: [first] }, extraPrograms: [other] };
  });

/**
 * The progress (percent) of the second project that puts the summed index exactly on r, with the
 * planned windows [S − min(d, W) + 1, … + W − 1] (so PV = BAC × min(d, W) / W), when it is a decimal
 * with at most 8 places within 0..100.
 */
function sumProgress(index: 'cpi' | 'spi', r: Rational, budget1: number, progress1: number, spent1: number, budget2: number, spent2: number, W: number, d1: number, d2: number): Rational | undefined {
  const bac1 = Rational.ratio(budget1, 100);
  const bac2 = Rational.decimal(String(budget2));
  const ev1 = bac1.mul(Rational.of(progress1)).div(hundred);
  const pv = (bac: Rational, d: number) => bac.mul(Rational.ratio(Math.min(d, W), W));
  const divisor = index === 'cpi' ? Rational.ratio(spent1 + spent2, 100) : pv(bac1, d1).add(pv(bac2, d2));
  const ev2 = r.mul(divisor).sub(ev1);
  const p2 = ev2.mul(hundred).div(bac2);
  if (p2.lt(Rational.zero) || p2.gt(hundred) || decimalText(p2, 8) === undefined) return undefined;
  return p2;
}

/** Program budget = ΣBAC (= ΣEAC: every CPI is 1) plus −1, 0 or +1 cent, beside a cancelled project. */
const budgetPiece: fc.Arbitrary<Piece> = fc
  .record({ budgets: fc.array(cents, { minLength: 1, maxLength: 3 }), progress: fc.integer({ min: 1, max: 100 }), delta: fc.constantFrom(-1, 0, 0, 1), cancelled: cents })
  .map(({ budgets, progress, delta, cancelled }) => (S, fresh) => {
    const projects = budgets.map((b) =>
      project(fresh('bud'), {
        start: toDate(S - 20),
        duration: '8w',
        budget: centsText(b),
        progress: String(progress),
        spent: decimalText(Rational.ratio(b, 100).mul(Rational.of(progress)).div(hundred), 6)!,
      }),
    );
    projects.push(project(fresh('bud'), { start: toDate(S - 20), duration: '2w', budget: centsText(cancelled), state: 'cancelled', spent: centsText(cancelled) }));
    const total = budgets.reduce((a, b) => a + b, 0) + delta;
    return { program: { ...emptyProgram(), budget: centsText(Math.max(0, total)), projects } };
  });

/** An active project whose forecast is a whole number of days, what it pushes, and milestones on the edges. */
const forecastPiece: fc.Arbitrary<Piece> = fc
  .record({ c: fc.constantFrom(...forecastCases), budget: cents, after: fc.integer({ min: 1, max: 30 }), length: fc.integer({ min: 1, max: 40 }), state: activeState })
  .map(({ c, budget, after, length, state }) => (S, fresh) => {
    const ps = S - c.d + 1;
    const forecastEnd = Math.max(ps + c.k - 1, S);
    const slow = project(fresh('slow'), {
      start: toDate(ps),
      end: toDate(ps + c.W - 1),
      budget: centsText(budget),
      progress: c.progress,
      ...(state ? { state } : {}),
    });
    const successor = project(fresh('next'), { depends_on: [slow.id], duration: `${length}d` });
    const milestone = (name: string, date: Day, depends_on?: string[]): Milestone => {
      const id = fresh('ms');
      return { id, name: `${name} (${id})`, date: toDate(date), ...(depends_on ? { depends_on } : {}) };
    };
    // Due some days after the successor's scheduled end (the day after the slow project's, plus its length).
    successor.milestones = [milestone('Successor ends', ps + c.W + length - 1 + after, [successor.id])];
    const milestones = [
      milestone('On the forecast day', forecastEnd, [slow.id]),
      milestone('The day before the forecast', forecastEnd - 1, [slow.id]),
      milestone('Due on S', S),
      milestone('Due the day before S', S - 1),
    ];
    return { program: { ...emptyProgram(), milestones, projects: [slow, successor] } };
  });

const piece = fc.oneof(spiPiece, cpiPiece, sumPiece, budgetPiece, forecastPiece);

export const boundaryWorkspace: fc.Arbitrary<Workspace> = fc
  .record({
    S: fc.integer({ min: 0, max: 250 }),
    /** option: --status-date; portfolio / program: declared there (with an earlier date elsewhere). */
    declare: fc.constantFrom<'option' | 'portfolio' | 'program'>('option', 'portfolio', 'program'),
    earlier: fc.integer({ min: 1, max: 40 }),
    pieces: fc.array(fc.record({ piece, inPortfolio: fc.boolean(), file: fc.nat() }), { minLength: 1, maxLength: 4 }),
    fileCount: fc.integer({ min: 1, max: FILES.length }),
  })
  .map(({ S: offset, declare, earlier, pieces, fileCount }) => {
    const S = BASE + offset;
    let counter = 0;
    const fresh = (prefix: string) => `${prefix}${++counter}`;
    const files: PlanFileModel[] = FILES.slice(0, fileCount).map((path) => ({ path, documents: [] }));
    const add = (file: number, document: Document) => files[file % files.length].documents.push(document);
    const portfolio: Portfolio = { id: 'board', name: 'Boundary portfolio', programs: [] };
    pieces.forEach(({ piece, inPortfolio, file }, i) => {
      const built = piece(S, fresh);
      const program: Program = { id: fresh('pg'), name: `Boundary program ${i + 1}`, ...built.program };
      const all = [program, ...(built.extraPrograms ?? [])];
      for (const p of all) {
        // A split sum belongs in the portfolio, so the portfolio's figures are the ones on the threshold.
        if (inPortfolio || built.extraPrograms) portfolio.programs.push(p);
        else add(file, { program: p });
      }
    });
    if (declare === 'portfolio') portfolio.status_date = toDate(S);
    const firstProgram = portfolio.programs[0] ?? files.flatMap((f) => f.documents).map((d) => ('program' in d ? d.program : undefined)).find(Boolean);
    if (declare === 'program' && firstProgram) firstProgram.status_date = toDate(S);
    // Another document declares an earlier date: the latest wins (and the earlier one is warned about).
    if (declare !== 'option') {
      files[files.length - 1].documents.push({ program: { id: fresh('early'), name: 'Reports early', status_date: toDate(S - earlier), ...emptyProgram() } });
    }
    if (portfolio.programs.length > 0 || declare === 'portfolio') files[0].documents.unshift({ portfolio });
    const workspace: Workspace = { files: files.filter((f) => f.documents.length > 0), today: toDate(BASE + 400) };
    if (declare === 'option' || (declare === 'program' && !firstProgram)) workspace.statusDate = toDate(S);
    return workspace;
  });
