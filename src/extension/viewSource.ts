/**
 * Where the Plans and People views get what they show (SPEC 13): the language server, by the requests of
 * src/shared/protocol.ts, its answers checked before they are drawn. In a virtual workspace, where the
 * server cannot read the files, the extension host answers the same requests from its own analysis
 * (hostViews.ts, in the bundle loaded on first use).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  analyzedNotification,
  comparedNotification,
  parseAnalyzedParams,
  parseComparedParams,
  viewRequestChecks,
  type AnalyzedParams,
  type ComparedParams,
  type ViewRequest,
  type ViewRequests,
} from '../shared/protocol';

export interface ViewSource extends vscode.Disposable {
  /** The answer to a view's request; null when there is none (an id no longer in the plans, no server). */
  request<M extends ViewRequest>(method: M, params: ViewRequests[M]['params'], token?: vscode.CancellationToken): Promise<ViewRequests[M]['result']>;
  /** Fires after every analysis of the whole workspace, saying which views' rows are the same as last fetched. */
  readonly onDidAnalyze: vscode.Event<AnalyzedParams>;
  /** Fires when what the roadmap is compared with changes on its own (the ref moved, or is gone). */
  readonly onDidCompare: vscode.Event<ComparedParams>;
}


/** The views' requests sent to the language server once it has started. */
export class ServerViews implements ViewSource {
  private readonly emitter = new vscode.EventEmitter<AnalyzedParams>();
  readonly onDidAnalyze = this.emitter.event;
  private readonly compareEmitter = new vscode.EventEmitter<ComparedParams>();
  readonly onDidCompare = this.compareEmitter.event;
  private listening: vscode.Disposable[] = [];
  /** The client once it has started (its notifications heard from before the start). */
  private readonly started: Promise<LanguageClient>;

  /** `client`: the language server's client, made (not started) right after activation. */
  constructor(client: Promise<LanguageClient>) {
    this.started = client.then(async (made) => {
      this.listening = [
        made.onNotification(analyzedNotification, (params: unknown) => this.emitter.fire(parseAnalyzedParams(params))),
        made.onNotification(comparedNotification, (params: unknown) => {
          const parsed = parseComparedParams(params);
          if (parsed) this.compareEmitter.fire(parsed);
        }),
      ];
      await new Promise<void>((resolve) => setImmediate(resolve));
      await made.start();
      return made;
    });
  }

  /** Resolves once the server has started; rejects when it could not. */
  get ready(): Promise<unknown> {
    return this.started;
  }

  async request<M extends ViewRequest>(method: M, params: ViewRequests[M]['params'], token?: vscode.CancellationToken): Promise<ViewRequests[M]['result']> {
    const client = await this.started;
    // Without a token, not an undefined one: the client would send it as a second param.
    const answer: unknown = await (token ? client.sendRequest(method, params, token) : client.sendRequest(method, params));
    const checked = viewRequestChecks[method].result(answer) as ViewRequests[M]['result'] | undefined;
    if (checked === undefined) throw new Error(`Plan as Code: the language server's answer to ${method} is not well-formed`);
    return checked;
  }

  dispose(): void {
    for (const listening of this.listening) listening.dispose();
    this.emitter.dispose();
    this.compareEmitter.dispose();
  }
}
