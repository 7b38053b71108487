/** `plan-as-code rollup`: the figures of every portfolio, program, project and milestone (SPEC 7). */
import { rollupCsv, rollupMarkdown, toRollupJson } from '../core';
import type { Command } from './command';
import { analyzePaths, noteErrors, noteSettings } from './command';

export const rollupCommand: Command = {
  name: 'rollup',
  usage: 'rollup [paths…] [--format json|md|csv]     [--status-date YYYY-MM-DD] [--max-file-size MB]',
  formats: ['json', 'md', 'csv'],
  async run(args, io) {
    const analysis = await analyzePaths(args);
    noteSettings(args, io);
    const json = toRollupJson(analysis);
    if (args.format === 'json') io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    else if (args.format === 'md') io.stdout(rollupMarkdown(json));
    else io.stdout(rollupCsv(json));
    noteErrors(analysis, io);
    return 0;
  },
};
