/**
 * `plan-as-code-lsp` (and `plan-as-code lsp --stdio`): the language server over standard input and output,
 * or over Node's IPC channel with `--node-ipc` (how the VS Code extension starts it, as a Node module).
 * The console goes to the client's log (window/logMessage): stdout carries only JSON-RPC.
 */
import { createConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';

const otherTransports = ['--socket', '--pipe'];

/** Starts the server on stdio (or Node IPC); returns 2 (bad usage) when asked for another transport. */
export function runServer(args: readonly string[]): number {
  const other = args.find((arg) => otherTransports.some((t) => arg === t || arg.startsWith(`${t}=`)));
  if (other) {
    process.stderr.write(`plan-as-code lsp: only --stdio and --node-ipc are supported (not ${other})\n`);
    return 2;
  }
  const ipc = args.includes('--node-ipc');
  if (ipc && !process.send) {
    process.stderr.write('plan-as-code lsp: --node-ipc needs a parent that forked this process with an IPC channel\n');
    return 2;
  }
  // The streams themselves (not readers over them): the connection then exits when stdin closes.
  const connection = ipc ? createConnection(new IPCMessageReader(process), new IPCMessageWriter(process)) : createConnection(process.stdin, process.stdout);
  const toLog = (write: (message: string) => void) => (...values: unknown[]) => write(values.map(String).join(' '));
  console.log = toLog((m) => connection.console.log(m));
  console.info = toLog((m) => connection.console.info(m));
  console.warn = toLog((m) => connection.console.warn(m));
  console.error = toLog((m) => connection.console.error(m));
  console.debug = toLog((m) => connection.console.log(m));
  startServer(connection);
  return 0;
}

if (require.main === module) {
  const code = runServer(process.argv.slice(2));
  if (code !== 0) process.exit(code);
}
