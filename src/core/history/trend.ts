/**
 * The plans over time (SPEC 8, `trend`): the rollup of each commit that changed a plan file, with that
 * commit's date standing for "today", as points newest first.
 */
import { formatDay, type Day } from '../base/dates';
import type { Health } from '../model/entities';
import type { Rollup } from '../analysis/rollup';
import type { Analysis, AnalysisOptions } from '../analysis/workspace';
import type { ParseLimits } from '../syntax/nodes';
import { RevisionWorkspace, type RevisionReader } from './revisions';

/** A portfolio's or program's figures at one commit. */
export interface TrendFiguresJson {
  id: string;
  bac: number;
  eac: number;
  ev: number;
  pv: number | null;
  ac: number;
  cpi: number | null;
  spi: number | null;
  /** SPI by earned schedule (SPEC 5.2), beside SPI. */
  spiT: number | null;
  progress: number | null;
  forecastEnd: string | null;
  health: Health | null;
}

export interface TrendPointJson {
  commit: string;
  /** The commit's date (committer date, in the committer's time zone), `YYYY-MM-DD`. */
  date: string;
  statusDate: string;
  portfolios: TrendFiguresJson[];
  programs: TrendFiguresJson[];
}

/** `trend --format json` (SPEC 8): newest first. */
export interface TrendJson {
  version: 1;
  commits: TrendPointJson[];
}

/** A commit of the history, as the caller listed it. */
export interface HistoryCommit {
  readonly commit: string;
  /** Its date, standing for "today" in its analysis. */
  readonly date: Day;
}

function trendFigures(id: string, rollup: Rollup): TrendFiguresJson {
  const f = rollup.figures;
  return {
    id,
    bac: f.bac,
    eac: f.eac,
    ev: f.ev,
    pv: f.pv,
    ac: f.ac,
    cpi: f.cpi,
    spi: f.spi,
    spiT: f.spiT,
    progress: f.progress,
    forecastEnd: f.forecastEnd === null ? null : formatDay(f.forecastEnd),
    health: f.health,
  };
}

/** One point of the trend: the rollup of a commit's analysis (entities without an id left out, as in the rollup). */
export function trendPoint(commit: HistoryCommit, analysis: Pick<Analysis, 'index' | 'rollup'>): TrendPointJson {
  const { index, rollup } = analysis;
  return {
    commit: commit.commit,
    date: formatDay(commit.date),
    statusDate: formatDay(rollup.statusDate),
    portfolios: index.portfolios.flatMap((p) => (p.id === undefined ? [] : [trendFigures(p.id, rollup.portfolios.get(p)!)])),
    programs: index.programs.flatMap((p) => (p.id === undefined ? [] : [trendFigures(p.id, rollup.programs.get(p)!)])),
  };
}

/**
 * The trend over these commits (newest first, as given): each commit's plan files analysed with its own
 * status date rule and its date as today, unless `options` sets a status date. A file unchanged from
 * the commit analysed before is not read or parsed again.
 */
export async function planTrend(reader: RevisionReader, commits: readonly HistoryCommit[], options: AnalysisOptions = {}, limits?: ParseLimits): Promise<TrendJson> {
  const workspace = new RevisionWorkspace(reader, limits);
  const points: TrendPointJson[] = [];
  for (const commit of commits) {
    // The figures only: a trend shows no problems, and the checks would be a third of the time.
    const figures = await workspace.figures(await reader.files(commit.commit), { ...options, today: commit.date });
    points.push(trendPoint(commit, figures));
  }
  return { version: 1, commits: points };
}
