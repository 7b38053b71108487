/**
 * `plan-as-code report`: the steering report (SPEC 9), one self-contained HTML file that reads with
 * scripts disabled and prints on A4 or Letter landscape. Like render, plans with errors still give a
 * report (with a problems banner in it and a note on stderr), exit 0.
 */
import { steeringReportFile } from '../core';
import { analyzePaths, noteErrors, noteSettings, requiredOut, sha256Base64, writeOut, type Command } from './command';

export const reportCommand: Command = {
  name: 'report',
  usage: 'report [paths…] --out FILE [--since REF] [--status-date YYYY-MM-DD]',
  formats: ['html'],
  options: { out: { type: 'string', short: 'o' }, since: { type: 'string' } },
  async run(args, io) {
    const out = requiredOut('report', args.values.out);
    const analysis = await analyzePaths(args);
    noteSettings(args, io);
    // The changes since a revision and the trend come from the plans' git history (SPEC 8), which this
    // build cannot read yet: the report leaves both sections out rather than show anything made up.
    if (args.values.since !== undefined) {
      io.stderr(`plan-as-code: --since ${String(args.values.since)}: the changes and the trend need the plans' history, which this build does not read yet; the report leaves them out\n`);
    }
    const html = steeringReportFile(analysis, { defaultCurrency: args.analysis.defaultCurrency, thresholds: args.analysis.thresholds, sha256Base64 });
    await writeOut(out, html, io);
    noteErrors(analysis, io);
    if (out !== '-') {
      const programs = analysis.index.programs.filter((p) => p.id !== undefined).length;
      io.stderr(`plan-as-code: wrote ${out} (steering report, ${programs} program${programs === 1 ? '' : 's'})\n`);
    }
    return 0;
  },
};
