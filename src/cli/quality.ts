/** `plan-as-code quality`: the schedule-quality metrics of SPEC 11; with --fail, exit 1 when one fails. */
import { qualityFails, qualityMarkdown, qualityText, scheduleQuality, toQualityJson } from '../core';
import type { Command } from './command';
import { analyzePaths, noteErrors } from './command';

export const qualityCommand: Command = {
  name: 'quality',
  usage: 'quality [paths…] [--format text|json|md] [--status-date YYYY-MM-DD] [--fail]',
  formats: ['text', 'json', 'md'],
  options: { fail: { type: 'boolean' } },
  async run(args, io) {
    const analysis = await analyzePaths(args);
    const quality = scheduleQuality(analysis, args.quality);
    if (args.format === 'json') io.stdout(`${JSON.stringify(toQualityJson(quality), null, 2)}\n`);
    else if (args.format === 'md') io.stdout(qualityMarkdown(quality));
    else io.stdout(qualityText(quality));
    noteErrors(analysis, io);
    return args.values.fail === true && qualityFails(quality) ? 1 : 0;
  },
};
