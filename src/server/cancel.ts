/** A request the client cancelled is answered with RequestCancelled (LSP 3.17), not with a stale result. */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** Runs a handler's work, answering RequestCancelled when the token was cancelled meanwhile. */
export async function unlessCancelled<T>(token: CancellationToken, work: () => Promise<T>): Promise<T | ResponseError<void>> {
  if (token.isCancellationRequested) return cancelled();
  const result = await work();
  return token.isCancellationRequested ? cancelled() : result;
}
