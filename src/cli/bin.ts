/**
 * The `plan-as-code` executable (dist/cli.js): it only picks the bundle that runs the command line.
 * check, rollup, quality and people — what CI runs on every push — are quick.ts's (dist/cliQuick.js);
 * every other command, --help and a mistyped command are main.ts's (dist/cliAll.js). Each command runs
 * wholly inside one bundle, so no object of one bundle's copy of the core meets the other's.
 */
import type { Io } from './command';
import type * as Main from './main';
import type * as Quick from './quick';
import { version } from './version';

/** The commands quick.ts runs (`quickCommands`; a unit test checks both name the same). */
export const quickNames: ReadonlySet<string> = new Set(['check', 'rollup', 'quality', 'people']);

interface Cli {
  run(argv: readonly string[], io?: Io): Promise<number>;
  runProcess(argv: readonly string[]): void;
}

/**
 * The bundle for a command line, loaded now: a plain `require` (esbuild.js makes `./quick` and `./main`
 * requires of dist/cliQuick.js and dist/cliAll.js; a dynamic `import()` of a CommonJS file goes through
 * Node's ESM loader, which scans the whole file first).
 */
function cliFor(argv: readonly string[]): Cli {
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (quickNames.has(argv[0])) {
    const { quick, runProcess } = require('./quick') as typeof Quick;
    return { run: quick, runProcess };
  }
  const { main, runProcess } = require('./main') as typeof Main;
  return { run: main, runProcess };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** The command line run in this process with `io` (the tests' way in; the executable's is below). */
export function bin(argv: readonly string[], io?: Io): Promise<number> {
  return cliFor(argv).run(argv, io);
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(`${version}\n`);
  } else {
    let cli: Cli | undefined;
    try {
      cli = cliFor(argv);
    } catch (error) {
      // A bundle missing beside this one: a broken install, said in one line (as dispatch.ts's `failure`
      // says an internal error; loading it here would load the core this file exists to put off).
      process.stderr.write(`plan-as-code: internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
      process.exitCode = 3;
    }
    cli?.runProcess(argv);
  }
}
