/**
 * Where the Plans and People views get what they show (SPEC 13): the language server, by the requests of
 * src/shared/protocol.ts, its answers checked before they are drawn. In a virtual workspace, where the
 * server cannot read the files, the extension host answers the same requests from its own analysis.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  analyzedNotification, parseActualsAnswer, parseDescription, parseExportAnswer, parseImportAnswer, parseNull, parseViewRows, type InteropRequest, type ViewRequest,
  type ViewRequests,
} from '../shared/protocol';
import type { Analysis } from '../core';
import type { InteropContext, interopAnswers } from '../shared/interopAnswers';
import { viewAnswers, type AnswerContext } from '../shared/viewAnswers';
import type { PlanService } from './planService';

export interface ViewSource extends vscode.Disposable {
  /** The answer to a view's request; null when there is none (an id no longer in the plans, no server). */
  request<M extends ViewRequest>(method: M, params: ViewRequests[M]['params'], token?: vscode.CancellationToken): Promise<ViewRequests[M]['result']>;
  /** Fires after every analysis of the whole workspace. */
  readonly onDidAnalyze: vscode.Event<void>;
}

const checks: { readonly [M in ViewRequest]: (value: unknown) => ViewRequests[M]['result'] | undefined } = {
  'planAsCode/planTree': parseViewRows,
  'planAsCode/peopleTree': parseViewRows,
  'planAsCode/planTooltip': parseDescription,
  'planAsCode/peopleTooltip': parseDescription,
  'planAsCode/reload': parseNull,
  'planAsCode/export': parseExportAnswer,
  'planAsCode/import': parseImportAnswer,
  'planAsCode/actuals': parseActualsAnswer,
};

const interopRequests: readonly string[] = ['planAsCode/export', 'planAsCode/import', 'planAsCode/actuals'] satisfies InteropRequest[];

/** The views' requests sent to the language server once it has started. */
export class ServerViews implements ViewSource {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidAnalyze = this.emitter.event;
  private readonly listening: vscode.Disposable;

  constructor(
    private readonly client: LanguageClient,
    private readonly started: Promise<void>,
  ) {
    this.listening = client.onNotification(analyzedNotification, () => this.emitter.fire());
  }

  async request<M extends ViewRequest>(method: M, params: ViewRequests[M]['params'], token?: vscode.CancellationToken): Promise<ViewRequests[M]['result']> {
    await this.started;
    // Without a token, not an undefined one: the client would send it as a second param.
    const answer: unknown = await (token ? this.client.sendRequest(method, params, token) : this.client.sendRequest(method, params));
    const checked = checks[method](answer) as ViewRequests[M]['result'] | undefined;
    if (checked === undefined) throw new Error(`Plan as Code: the language server's answer to ${method} is not well-formed`);
    return checked;
  }

  dispose(): void {
    this.listening.dispose();
    this.emitter.dispose();
  }
}

/** The same answers from the extension host's own analysis (a virtual workspace: no language server). */
export class HostViews implements ViewSource {
  readonly onDidAnalyze: vscode.Event<void>;

  /**
   * `interop` loads the answers of Import, Export and Update Actuals: with the commands' code
   * (dist/extensionLazy.js), which has their parsers, never at activation.
   */
  constructor(
    private readonly plans: PlanService,
    private readonly interop: () => Promise<typeof interopAnswers>,
  ) {
    this.onDidAnalyze = (listener, thisArg, disposables) => plans.onDidAnalyze(() => listener.call(thisArg), undefined, disposables);
  }

  async request<M extends ViewRequest>(method: M, params: ViewRequests[M]['params']): Promise<ViewRequests[M]['result']> {
    if (method === 'planAsCode/reload') {
      await this.plans.reload();
      return null as ViewRequests[M]['result'];
    }
    const analysis = await this.plans.analysis();
    const context: AnswerContext = { uriOf: (file) => this.plans.uriOf(file)?.toString(), defaultCurrency: this.plans.config.defaultCurrency };
    if (interopRequests.includes(method)) {
      const answers = await this.interop();
      const interop: InteropContext = {
        ...context,
        keyOf: (uri) => this.plans.keyOf(vscode.Uri.parse(uri)),
        joinUri: (folder, name) => vscode.Uri.joinPath(vscode.Uri.parse(folder), name).toString(),
        analysisOptions: this.plans.config.analysis,
        maxFileSize: this.plans.config.maxFileSize,
      };
      return (answers[method as InteropRequest] as (a: Analysis, p: unknown, c: InteropContext) => unknown)(analysis, params, interop) as ViewRequests[M]['result'];
    }
    const answer = viewAnswers[method as Exclude<ViewRequest, 'planAsCode/reload' | InteropRequest>] as (a: Analysis, p: unknown, c: AnswerContext) => unknown;
    return answer(analysis, params, context) as ViewRequests[M]['result'];
  }

  dispose(): void {}
}
