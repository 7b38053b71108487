/**
 * Standard output for every command (main.ts's `processIo`): one writer. A reader that goes away before
 * the end — `plan-as-code export … --out - | head -1`, a pager closed early — is not a fault: the rest of
 * the output is dropped quietly and the command ends with its own exit code, never with a stack trace
 * (like other Unix tools). Any other failure to write (a full disk: ENOSPC) is one line on stderr and
 * exit 2 (`failed`).
 */
export class OutputWriter {
  /** The reader went away or writing failed: nothing more is written. */
  private closed = false;
  private listening = false;
  /** Why writing failed, when it did for another reason than the reader going away. */
  failure: string | undefined;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly onFailure: (message: string) => void,
  ) {}

  readonly write = (text: string): void => {
    if (this.closed) return;
    if (!this.listening) {
      this.listening = true;
      this.stream.on('error', (error: NodeJS.ErrnoException) => this.failed(error));
    }
    try {
      this.stream.write(text);
    } catch (error) {
      this.failed(error as NodeJS.ErrnoException);
    }
  };

  private failed(error: NodeJS.ErrnoException): void {
    const first = !this.closed;
    this.closed = true;
    if (!first || readerGone(error)) return;
    this.failure = `standard output: cannot write (${error.code ?? error.message})`;
    this.onFailure(this.failure);
  }
}

/** The reader closed its end of the pipe (EPIPE), or the stream was closed after that. */
function readerGone(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || error.code === 'ERR_STREAM_WRITE_AFTER_END';
}
