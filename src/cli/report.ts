/**
 * `plan-as-code report`: the steering report (SPEC 9), one self-contained HTML file that reads with
 * scripts disabled and prints on A4 or Letter landscape. Like render, plans with errors still give a
 * report (with a problems banner in it and a note on stderr), exit 0.
 */
import { defaultParseLimits, planSnapshot, plural, steeringReportFile, today, type Analysis, type PlanDiffJson, type ReportTrend } from '../core';
import { analyzePaths, noteErrors, noteSettings, requiredOut, sha256Base64, writeOut, type Command, type CommandArgs } from './command';
import { gitUsage, PlanHistory } from '../node/planHistory';
import { changesSince, defaultReportBase, REPORT_TREND_COMMITS } from '../node/reportHistory';
import { trendOf } from './trend';

export const reportCommand: Command = {
  name: 'report',
  usage: 'report [paths…] --out FILE [--since REF (default: the newest tag, else a commit 30+ days old)] [--status-date YYYY-MM-DD]',
  formats: ['html'],
  options: { out: { type: 'string', short: 'o' }, since: { type: 'string' } },
  takes: { out: 'a file (- for standard output)', since: 'a revision (a branch, tag or commit)' },
  async run(args, io) {
    const out = requiredOut('report', args.values.out);
    const analysis = await analyzePaths(args);
    const { changes, trend } = await plansOverTime(analysis, args);
    noteSettings(args, io);
    const html = steeringReportFile(analysis, { defaultCurrency: args.analysis.defaultCurrency, thresholds: args.analysis.thresholds, qualityThresholds: args.quality, sha256Base64, changes, trend });
    await writeOut(out, html, io);
    noteErrors(analysis, io);
    if (out !== '-') {
      const programs = analysis.index.programs.filter((p) => p.id !== undefined).length;
      io.stderr(`plan-as-code: wrote ${out} (steering report, ${plural(programs, 'program')})\n`);
    }
    return 0;
  },
};

/**
 * The plans' history for the report (SPEC 8 and 9): the changes since --since (its revision against the
 * files on disk; bad usage when there is no such revision or no repository), or without it since the
 * newest tag, else the newest commit at least 30 days old (left out when there is neither); and the trend
 * of the newest commits that changed a plan — both left out when the plans are not in a git repository.
 */
async function plansOverTime(analysis: Analysis, args: CommandArgs): Promise<{ changes?: PlanDiffJson; trend?: ReportTrend }> {
  const since = typeof args.values.since === 'string' ? args.values.since : undefined;
  let history: PlanHistory;
  try {
    history = await gitUsage(() => PlanHistory.open(args));
  } catch (error) {
    if (since !== undefined) throw error;
    return {};
  }
  const limits = { ...defaultParseLimits, maxFileSize: args.maxFileSize };
  // The files on disk are the head: the report's own analysis, taken as plain data.
  const head = () => planSnapshot(analysis);
  let changes: PlanDiffJson | undefined;
  if (since !== undefined) {
    const base = { ref: since, commit: await history.commitOf(since) };
    changes = await gitUsage(() => changesSince(history, base, head(), args.analysis, limits));
  } else {
    // A base chosen for the reader, not asked for: when git cannot give it, the report goes without it.
    const base = await defaultReportBase(history.repository, args.analysis.today ?? today()).catch(() => undefined);
    if (base) changes = await changesSince(history, base, head(), args.analysis, limits).catch(() => undefined);
  }
  try {
    // Each point at its own status date rule (SPEC 8: the commit's date standing for today), whatever
    // status date the report itself is judged at.
    const { trend, subjects } = await trendOf(history, { ...args, analysis: { ...args.analysis, statusDate: undefined } }, REPORT_TREND_COMMITS);
    // Each point with its commit's subject: the report names the commit on hover and in its table.
    return { changes, trend: { commits: trend.commits.map((point) => ({ ...point, subject: subjects.get(point.commit) ?? '' })) } };
  } catch (error) {
    // No commit yet, say: the trend has no point, and the report is still worth writing.
    if (since !== undefined) throw error;
    return { changes };
  }
}
