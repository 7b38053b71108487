/** A request the client cancelled is answered with RequestCancelled (LSP 3.17), not with a stale result. */
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** Whether the client asked the server to shut down (one server per process). */
let shutDown = false;

/** From now on every request is refused: the client asked the server to shut down. */
export function shuttingDown(): void {
  shutDown = true;
}

/** After `shutdown`, the answer to any request (LSP 3.17: InvalidRequest); before it, undefined. */
export function refusedAfterShutdown(): ResponseError<void> | undefined {
  return shutDown ? new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down: it answers no more requests.') : undefined;
}

/** Runs a handler's work, answering RequestCancelled when the token was cancelled meanwhile (and refusing it after shutdown). */
export async function unlessCancelled<T>(token: CancellationToken, work: () => Promise<T>): Promise<T | ResponseError<void>> {
  const refused = refusedAfterShutdown();
  if (refused) return refused;
  if (token.isCancellationRequested) return cancelled();
  const result = await work();
  return token.isCancellationRequested ? cancelled() : result;
}

/** What a request's params hold (LSP 3.17), by kind of request. */
export type ParamsShape =
  /** textDocument.uri */
  | 'document'
  /** textDocument.uri and a position in it */
  | 'position'
  /** a position, and context.includeDeclaration */
  | 'references'
  /** textDocument.uri, a range and context.diagnostics */
  | 'codeAction'
  /** a query (workspace/symbol) */
  | 'query';

const needed: Record<ParamsShape, string> = {
  document: 'textDocument.uri',
  position: 'textDocument.uri and position',
  references: 'textDocument.uri, position and context.includeDeclaration',
  codeAction: 'textDocument.uri, range and context.diagnostics',
  query: 'query as text',
};

/**
 * Answers a request whose params have the shape its kind needs (else InvalidParams, naming what is
 * missing: a client's mistake is not an internal error), then runs `work` unless cancelled.
 */
export async function answerWellFormed<T>(params: unknown, shape: ParamsShape, token: CancellationToken, work: () => Promise<T>): Promise<T | ResponseError<void>> {
  // After shutdown every request is refused alike (unlessCancelled).
  if (!shutDown && !hasShape(params, shape)) return new ResponseError(ErrorCodes.InvalidParams, `The params are not well-formed: this request needs ${needed[shape]}.`);
  return unlessCancelled(token, work);
}

function hasShape(params: unknown, shape: ParamsShape): boolean {
  if (!isRecord(params)) return false;
  if (shape === 'query') return typeof params.query === 'string';
  if (!isRecord(params.textDocument) || typeof params.textDocument.uri !== 'string') return false;
  switch (shape) {
    case 'document':
      return true;
    case 'position':
      return isPosition(params.position);
    case 'references':
      return isPosition(params.position) && isRecord(params.context) && typeof params.context.includeDeclaration === 'boolean';
    case 'codeAction':
      return isRecord(params.range) && isPosition(params.range.start) && isPosition(params.range.end) && isRecord(params.context) && Array.isArray(params.context.diagnostics);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && isCount(value.line) && isCount(value.character);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
