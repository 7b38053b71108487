/**
 * Running one command, as both CLI bundles that run commands do (quick.ts, main.ts): standard output,
 * reading a command's arguments, how a failure is reported and the process's exit code.
 */
import { parseArgs } from 'node:util';
import { commandArgs, commonOptions, type Command, type Io } from './command';
import { UsageError } from '../node/files';
import { OutputWriter } from './output';

/** Every command's standard output (output.ts): a reader that goes away ends the output quietly; a full disk is exit 2. */
export const stdout = new OutputWriter(process.stdout, (message) => {
  process.stderr.write(`plan-as-code: ${message}\n`);
  process.exitCode = 2;
});

export const processIo: Io = {
  stdout: stdout.write,
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

/** Runs a command line as this process's: its exit code, or 2 when standard output failed. */
export function runAsProcess(run: (argv: readonly string[], io: Io) => Promise<number>, argv: readonly string[]): void {
  void run(argv, processIo).then((code) => {
    process.exitCode = stdout.failure ? 2 : code;
  });
}

/** A run that threw: a usage error is one line and exit 2; anything else is an internal error, exit 3. */
export function failure(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.stderr(`plan-as-code: ${error.message}\n`);
    return 2;
  }
  const detail = error instanceof Error ? (process.env.PLAN_AS_CODE_DEBUG ? error.stack : error.message) : String(error);
  io.stderr(`plan-as-code: internal error: ${detail}\nPlease report this with the plan file that caused it.\n`);
  return 3;
}

/** Runs `command` on the arguments after its name: checks them (a mistake names what it takes) and the format; `help` answers --help. */
export async function runCommand(command: Command, args: readonly string[], io: Io, help: () => number | Promise<number>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { ...commonOptions, ...command.options } });
  } catch (error) {
    const takes = Object.keys({ ...commonOptions, ...command.options }).map((o) => `--${o}`).join(', ');
    const unknown = /Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    throw new UsageError(unknown ? `${command.name} has no option ${unknown} (it takes ${takes})` : (error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return help();
  const format = typeof values.format === 'string' ? values.format : command.formats[0];
  if (!command.formats.includes(format)) {
    throw new UsageError(`--format ${format} is not a format of ${command.name} (expected ${command.formats.join(', ')})`);
  }
  return command.run(commandArgs(values, positionals, format, (message) => io.stderr(`plan-as-code: ${message}\n`)), io);
}
