/** `plan-as-code check`: every problem of the plans, compiler-style, as JSON or as SARIF; exit 1 on an error. */
import type { Command } from './command';
import { analyzePaths, noteSettings } from './command';
import { checkJson, checkSarif, checkSummary, checkText } from './format';
import { version } from './version';

export const checkCommand: Command = {
  name: 'check',
  usage: 'check  [paths…] [--format text|json|sarif] [--status-date YYYY-MM-DD] [--max-file-size MB]',
  formats: ['text', 'json', 'sarif'],
  async run(args, io) {
    const { diagnostics, files } = await analyzePaths(args);
    noteSettings(args, io);
    if (args.format === 'json') io.stdout(`${JSON.stringify(checkJson(files.length, diagnostics), null, 2)}\n`);
    else if (args.format === 'sarif') io.stdout(`${JSON.stringify(checkSarif(diagnostics, version), null, 2)}\n`);
    else {
      if (diagnostics.length > 0) io.stdout(`${checkText(diagnostics, io.isTty)}\n`);
      io.stderr(`${checkSummary(files.length, diagnostics)}\n`);
    }
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
};
