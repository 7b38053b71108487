/**
 * `plan-as-code report`: the steering report (SPEC 9), one self-contained HTML file that reads with
 * scripts disabled and prints on A4 or Letter landscape. Like render, plans with errors still give a
 * report (with a problems banner in it and a note on stderr), exit 0.
 */
import { defaultParseLimits, diffPlans, planSnapshot, RevisionWorkspace, steeringReportFile, toDiffJson, type Analysis, type PlanDiffJson, type TrendJson } from '../core';
import { analyzePaths, noteErrors, noteSettings, requiredOut, sha256Base64, writeOut, type Command, type CommandArgs } from './command';
import { gitUsage, PlanHistory } from './planHistory';
import { trendOf } from './trend';

/** How many commits the report's trend charts show. */
const TREND_COMMITS = 24;

export const reportCommand: Command = {
  name: 'report',
  usage: 'report [paths…] --out FILE [--since REF] [--status-date YYYY-MM-DD]',
  formats: ['html'],
  options: { out: { type: 'string', short: 'o' }, since: { type: 'string' } },
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
      io.stderr(`plan-as-code: wrote ${out} (steering report, ${programs} program${programs === 1 ? '' : 's'})\n`);
    }
    return 0;
  },
};

/**
 * The plans' history for the report (SPEC 8 and 9): the changes since --since (its revision against the
 * files on disk; bad usage when there is no such revision or no repository) and the trend of the newest
 * commits that changed a plan — both left out when the plans are not in a git repository.
 */
async function plansOverTime(analysis: Analysis, args: CommandArgs): Promise<{ changes?: PlanDiffJson; trend?: TrendJson }> {
  const since = typeof args.values.since === 'string' ? args.values.since : undefined;
  let history: PlanHistory;
  try {
    history = await gitUsage(() => PlanHistory.open(args));
  } catch (error) {
    if (since !== undefined) throw error;
    return {};
  }
  let changes: PlanDiffJson | undefined;
  if (since !== undefined) {
    const commit = await history.commitOf(since);
    // The files on disk are the head: the report's own analysis, taken as plain data.
    const head = planSnapshot(analysis);
    const workspace = new RevisionWorkspace(history, { ...defaultParseLimits, maxFileSize: args.maxFileSize });
    const base = planSnapshot(await gitUsage(async () => workspace.analyze(await history.files(commit), args.analysis)));
    changes = toDiffJson(diffPlans(base, head, { base: { ref: since, commit }, head: { ref: null, commit: null } }));
  }
  try {
    const { trend } = await trendOf(history, args, TREND_COMMITS);
    return { changes, trend };
  } catch (error) {
    // No commit yet, say: the trend has no point, and the report is still worth writing.
    if (since !== undefined) throw error;
    return { changes };
  }
}
