/**
 * check, rollup, quality and people — what CI runs on every push — in a bundle of their own
 * (dist/cliQuick.js, which bin.ts loads for them): without the roadmap, the reports, git and the MS Project
 * and CSV readers, which a `check` would otherwise compile before it starts. --help is main.ts's.
 */
import { checkCommand } from './check';
import type { Io } from './command';
import type * as Main from './main';
import { failure, processIo, runAsProcess, runCommand } from './dispatch';
import { peopleCommand } from './people';
import { qualityCommand } from './quality';
import { rollupCommand } from './rollup';

export const quickCommands = [checkCommand, rollupCommand, qualityCommand, peopleCommand];

/**
 * The whole command line, as main.ts reads it, loaded now: a plain `require` (esbuild.js makes it one of
 * dist/cliAll.js; a dynamic `import()` of a CommonJS file goes through Node's ESM loader, which scans the
 * whole file first).
 */
function whole(argv: readonly string[], io: Io): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./main') as typeof Main).main(argv, io);
}

/** Runs one of the four commands (anything else goes to main.ts). */
export async function quick(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = quickCommands.find((c) => c.name === name);
  try {
    return await (command ? runCommand(command, rest, io, () => whole(argv, io)) : whole(argv, io));
  } catch (error) {
    return failure(error, io);
  }
}

/** Runs the command line of this process. */
export function runProcess(argv: readonly string[]): void {
  runAsProcess(quick, argv);
}
