/**
 * The VS Code extension's views ask the server for what they show (SPEC 13): the Plans and People views'
 * rows and tooltips, the roadmap's model and the People tab's heatmap, answered from the analysis of every
 * change so far (src/shared/viewAnswers.ts); the roadmap compared with another revision (comparison.ts);
 * a reload from disk; Import, Export and Update Actuals (src/shared/interopAnswers.ts). Params are checked first (src/shared/protocol.ts). After each analysis a client
 * that asked for it (`initializationOptions.views`) is told, so its views fetch again.
 */
import * as path from 'node:path';
import { ErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { UnreadableRevisionError } from '../core';
import { GitError } from '../node/git';
import {
  analyzedNotification,
  comparedNotification,
  viewRequestChecks,
  type AnalyzedParams,
  type ComparedParams,
  type InteropRequest,
  type ViewRequest,
  type ViewRequests,
} from '../shared/protocol';
import { interopAnswers, type InteropContext } from '../shared/interopAnswers';
import { viewAnswers, type AnswerContext } from '../shared/viewAnswers';
import { refusedAfterShutdown, unlessCancelled } from './cancel';
import { ServerComparison } from './comparison';
import { pathToUri, uriToPath } from './paths';
import type { PlanFiles } from './planFiles';
import { steeringReport } from './report';

type Params<M extends ViewRequest> = ViewRequests[M]['params'];


export function registerViews(connection: Connection, plans: PlanFiles, notify: boolean): { dispose(): void } {
  const comparison = new ServerComparison(plans, (compared, problem) => {
    if (!notify) return;
    const params: ComparedParams = problem === undefined ? { compared } : { compared, problem };
    void connection.sendNotification(comparedNotification, params).catch(() => undefined);
  });
  // One context for every answer: the views' (AnswerContext) and Import, Export and Update Actuals' (SPEC 12).
  const context: InteropContext = {
    uriOf: (file) => plans.uriOf(file),
    get defaultCurrency() {
      return plans.settings.defaultCurrency;
    },
    get quality() {
      return plans.settings.quality;
    },
    comparisonFor: (analysis) => comparison.comparisonFor(analysis),
    keyOf: (uri) => plans.paths.keyOf(uri),
    joinUri,
    get analysisOptions() {
      return plans.settings.analysis;
    },
    get maxFileSize() {
      return plans.settings.maxFileSize;
    },
  };
  // The People view's rows as last answered, by parent ('' for the top rows): after an analysis, the same
  // answers mean the client need not fetch and draw the view again (see AnalyzedParams).
  const peopleAnswered = new Map<string, string>();
  for (const method of Object.keys(viewAnswers) as Array<keyof typeof viewAnswers>) {
    const answer = viewAnswers[method] as (analysis: Parameters<(typeof viewAnswers)[typeof method]>[0], params: unknown, context: AnswerContext) => unknown;
    handle(connection, method, (params, token) =>
      unlessCancelled(token, async () => {
        const analysis = await plans.analysis(token);
        if (!analysis) return null;
        const result = answer(analysis, params, context);
        if (method === 'planAsCode/peopleTree') peopleAnswered.set((params as { parent?: string }).parent ?? '', JSON.stringify(result));
        return result;
      }),
    );
  }
  /** True when every People view answer the client holds is what this analysis gives (none held: unknown, so false). */
  const peopleUnchanged = (analysis: Parameters<typeof viewAnswers['planAsCode/peopleTree']>[0]): boolean => {
    if (peopleAnswered.size === 0) return false;
    for (const [parent, json] of peopleAnswered) {
      if (JSON.stringify(viewAnswers['planAsCode/peopleTree'](analysis, parent ? { parent } : {}, context)) !== json) {
        // The client fetches again (if the view is shown) and tells us what it holds.
        peopleAnswered.clear();
        return false;
      }
    }
    return true;
  };
  // Import, Export and Update Actuals (SPEC 12): the same checks and waits.
  for (const method of Object.keys(interopAnswers) as InteropRequest[]) {
    const answer = interopAnswers[method] as (analysis: Parameters<(typeof interopAnswers)[typeof method]>[0], params: unknown, context: InteropContext) => unknown;
    handle(connection, method, (params, token) =>
      unlessCancelled(token, async () => {
        const analysis = await plans.analysis(token);
        return analysis ? answer(analysis, params, context) : null;
      }),
    );
  }
  handle(connection, 'planAsCode/reload', async ({ unsaved }) => {
    await plans.reload(unsaved);
    await plans.analysis();
    return null;
  });
  handle(connection, 'planAsCode/compareChoices', ({ gitPath }) => gitAnswer(() => comparison.choices(gitPath)));
  handle(connection, 'planAsCode/compare', ({ ref, gitPath }) =>
    gitAnswer(async () => {
      if (ref === null) {
        comparison.stop();
        return null;
      }
      return comparison.compareWith(ref, gitPath);
    }),
  );
  handle(connection, 'planAsCode/report', ({ history }, token) =>
    unlessCancelled(token, async () => {
      const analysis = await plans.analysis(token);
      return analysis ? steeringReport(plans, comparison, analysis, history) : null;
    }),
  );
  if (notify) {
    plans.onDidAnalyze((analysis) => {
      const params: AnalyzedParams = peopleUnchanged(analysis) ? { unchanged: ['people'] } : {};
      void connection.sendNotification(analyzedNotification, params).catch(() => undefined);
    });
  }
  return comparison;
}

/** Registers a request's handler behind its params' check (InvalidParams when they are not well-formed). */
function handle<M extends ViewRequest>(connection: Connection, method: M, answer: (params: Params<M>, token: CancellationToken) => Promise<unknown>): void {
  const parse = viewRequestChecks[method].params as (value: unknown) => Params<M> | undefined;
  connection.onRequest(method, (value: unknown, token: CancellationToken) => {
    const refused = refusedAfterShutdown();
    if (refused) return refused;
    const params = parse(value);
    if (!params) return new ResponseError(ErrorCodes.InvalidParams, `${method}: the params are not well-formed`);
    return answer(params, token);
  });
}

/** Git's refusal (not a repository, an unknown ref, git not found) as an error whose message is for a person. */
async function gitAnswer<T>(work: () => Promise<T>): Promise<T | ResponseError<void>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GitError || error instanceof UnreadableRevisionError) return new ResponseError(ErrorCodes.InvalidRequest, error.message);
    throw error;
  }
}

/** The uri of `name` inside the folder `folder` (a `file:` uri through the disk's path, else by its text). */
function joinUri(folder: string, name: string): string {
  const onDisk = uriToPath(folder);
  return onDisk === undefined ? `${folder.replace(/\/+$/, '')}/${encodeURIComponent(name)}` : pathToUri(path.join(onDisk, name));
}
