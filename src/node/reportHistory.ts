/**
 * The history sections of the steering report (SPEC 9) — the changes since a revision and the trend —
 * for the CLI's `report` and VS Code's `Plan: Export Steering Report` alike: which revision the changes
 * are since when none is given (the newest tag, else the newest commit at least 30 days old), the changes
 * since it against the plans as they are now, and the trend of the newest commits that changed a plan.
 */
import {
  diffPlans, formatDay, parseDay, planSnapshot, planTrend, RevisionWorkspace, toDiffJson,
  type AnalysisOptions, type Day, type ParseLimits, type PlanDiffJson, type PlanSnapshot, type RevisionReader, type TrendJson,
} from '../core';
import type { GitRepository } from './git';

/** How old a commit must be (days before today) to stand for "a month ago" when no tag is found. */
export const REPORT_SINCE_DAYS = 30;
/** How many commits the report's trend charts show. */
export const REPORT_TREND_COMMITS = 24;

/** The revision the report's changes are since: a ref as it is shown, and its commit. */
export interface ReportBase {
  readonly ref: string;
  readonly commit: string;
}

/** Where the plans of other revisions come from: the repository, its plan files at a commit, their blobs. */
export interface PlanHistorySource extends RevisionReader {
  readonly repository: GitRepository;
  /** Git pathspecs of the plan files, for the trend's `git log`. */
  readonly pathspecs: readonly string[];
}

/**
 * The revision a report's changes are since when none is given (SPEC 9): the newest tag of the current
 * branch's history (by its date: the tagger's for an annotated tag, the commit's for a light one), else
 * the newest first-parent commit at least 30 days old on `today` (its committer's day, as in `trend`;
 * SPEC 9: "at least 30 days old", whatever status date the plans are judged at); undefined when there is
 * neither (a young repository, no commit yet).
 */
export async function defaultReportBase(repository: GitRepository, today: Day): Promise<ReportBase | undefined> {
  let head: string;
  try {
    head = await repository.commitOf('HEAD');
  } catch {
    return undefined;
  }
  const tags = await repository.run(['for-each-ref', `--merged=${head}`, '--sort=-creatordate', '--count=1', '--format=%(refname)%00%(refname:short)', 'refs/tags']);
  const [full, short] = tags.split('\n')[0].split('\0');
  if (full) return { ref: short || full, commit: await repository.commitOf(full) };

  const cutoff = formatDay(today - REPORT_SINCE_DAYS);
  // Git's --before is an instant: the day after the cutoff, noon at UTC+14 and beyond, holds every commit
  // made on or before the cutoff day in its committer's own zone; the day itself is then checked exactly.
  const before = `${formatDay(today - REPORT_SINCE_DAYS + 1)}T14:00:00Z`;
  const log = await repository.run(['log', '--first-parent', '--no-decorate', '--format=%H%x1f%cI', `--before=${before}`, '--max-count=1000', '--end-of-options', head]);
  for (const line of log.split('\n')) {
    const [commit, date] = line.split('\x1f');
    if (commit && date && date.slice(0, 10) <= cutoff) return { ref: commit.slice(0, 7), commit };
  }
  return undefined;
}

/** The changes since `base` (SPEC 8's diff JSON): its plans, analysed as they were, against `head` (the plans now). */
export async function changesSince(source: PlanHistorySource, base: ReportBase, head: PlanSnapshot, options: AnalysisOptions, limits: ParseLimits): Promise<PlanDiffJson> {
  const workspace = new RevisionWorkspace(source, limits);
  const then = planSnapshot(await workspace.analyze(await source.files(base.commit), options));
  return toDiffJson(diffPlans(then, head, { base: { ref: base.ref, commit: base.commit }, head: { ref: null, commit: null } }));
}

/** The trend of the newest `max` first-parent commits of HEAD that changed a plan file (SPEC 8), newest first. */
export async function recentTrend(source: PlanHistorySource, options: AnalysisOptions, limits: ParseLimits, max = REPORT_TREND_COMMITS): Promise<TrendJson> {
  const head = await source.repository.commitOf('HEAD');
  const listed = await source.repository.firstParentHistory(head, source.pathspecs, max);
  return planTrend(source, listed.map((c) => ({ commit: c.commit, date: parseDay(c.date)! })), options, limits);
}
