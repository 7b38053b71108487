/**
 * The views' requests answered on the extension host from its own analysis (PlanService): only where the
 * language server cannot run (a virtual workspace: no folder on disk). Part of dist/extensionLazy.js.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core';
import { interopAnswers, type InteropContext } from '../shared/interopAnswers';
import type { AnalyzedParams, ComparedParams, InteropRequest, ViewRequest, ViewRequests } from '../shared/protocol';
import { reportAnswer, viewAnswers, type AnswerContext } from '../shared/viewAnswers';
import type { PlanService } from './planService';
import type { ViewSource } from './viewSource';

/** The same answers as the server's, from the extension host's own analysis. */
export class HostViews implements ViewSource {
  readonly onDidAnalyze: vscode.Event<AnalyzedParams>;
  /** Nothing is compared here: comparing runs git, and a virtual workspace has no folder on disk. */
  readonly onDidCompare: vscode.Event<ComparedParams> = () => ({ dispose() {} });

  constructor(private readonly plans: PlanService) {
    this.onDidAnalyze = (listener, thisArg, disposables) => plans.onDidAnalyze(() => listener.call(thisArg, {}), undefined, disposables);
  }

  async request<M extends ViewRequest>(method: M, params: ViewRequests[M]['params']): Promise<ViewRequests[M]['result']> {
    if (method === 'planAsCode/reload') {
      await this.plans.reload();
      return null as ViewRequests[M]['result'];
    }
    if (method === 'planAsCode/compareChoices' || method === 'planAsCode/compare') throw new Error('the workspace has no folder on disk, so there is no git history to compare with');
    if (method === 'planAsCode/report') return reportAnswer(await this.plans.analysis(), this.plans.config) as ViewRequests[M]['result'];
    const analysis = await this.plans.analysis();
    const { defaultCurrency, quality } = this.plans.config;
    const context: AnswerContext = { uriOf: (file) => this.plans.uriOf(file)?.toString(), defaultCurrency, quality, comparisonFor: () => null };
    if (Object.hasOwn(interopAnswers, method)) {
      const interop: InteropContext = {
        ...context,
        keyOf: (uri) => this.plans.keyOf(vscode.Uri.parse(uri)),
        joinUri: (folder, name) => vscode.Uri.joinPath(vscode.Uri.parse(folder), name).toString(),
        analysisOptions: this.plans.config.analysis,
        maxFileSize: this.plans.config.maxFileSize,
      };
      return (interopAnswers[method as InteropRequest] as (a: Analysis, p: unknown, c: InteropContext) => unknown)(analysis, params, interop) as ViewRequests[M]['result'];
    }
    const answer = viewAnswers[method as keyof typeof viewAnswers] as (a: Analysis, p: unknown, c: AnswerContext) => unknown;
    return answer(analysis, params, context) as ViewRequests[M]['result'];
  }

  dispose(): void {}
}
