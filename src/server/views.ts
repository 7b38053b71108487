/**
 * The VS Code extension's views ask the server for what they show (SPEC 13): the Plans and People views'
 * rows and tooltips, answered from the analysis of every change so far (src/shared/viewAnswers.ts).
 * Params are checked first (src/shared/protocol.ts). After each analysis a client that asked for it
 * (`initializationOptions.views`) is told, so its views fetch again.
 */
import { ErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import * as path from 'node:path';
import { interopAnswers, type InteropContext } from '../shared/interopAnswers';
import {
  analyzedNotification, parseActualsParams, parseExportParams, parseImportParams, parseReloadParams, parseTooltipParams, parseTreeParams, type InteropRequest,
  type ViewRequest, type ViewRequests,
} from '../shared/protocol';
import { viewAnswers, type AnswerContext } from '../shared/viewAnswers';
import { unlessCancelled } from './cancel';
import { pathToUri, uriToPath } from './paths';
import type { PlanFiles } from './planFiles';

const parsers: { readonly [M in ViewRequest]: (value: unknown) => ViewRequests[M]['params'] | undefined } = {
  'planAsCode/planTree': parseTreeParams,
  'planAsCode/peopleTree': parseTreeParams,
  'planAsCode/planTooltip': parseTooltipParams,
  'planAsCode/peopleTooltip': parseTooltipParams,
  'planAsCode/reload': parseReloadParams,
  'planAsCode/export': parseExportParams,
  'planAsCode/import': parseImportParams,
  'planAsCode/actuals': parseActualsParams,
};

export function registerViews(connection: Connection, plans: PlanFiles, notify: boolean): void {
  const context: AnswerContext = {
    uriOf: (file) => plans.uriOf(file),
    get defaultCurrency() {
      return plans.settings.defaultCurrency;
    },
  };
  for (const method of Object.keys(viewAnswers) as Array<keyof typeof viewAnswers>) handle(connection, plans, method, context);
  const interop: InteropContext = {
    uriOf: (file) => plans.uriOf(file),
    get defaultCurrency() {
      return plans.settings.defaultCurrency;
    },
    keyOf: (uri) => plans.paths.keyOf(uri),
    joinUri,
    get analysisOptions() {
      return plans.settings.analysis;
    },
    get maxFileSize() {
      return plans.settings.maxFileSize;
    },
  };
  for (const method of Object.keys(interopAnswers) as InteropRequest[]) handleInterop(connection, plans, method, interop);
  connection.onRequest('planAsCode/reload', async (value: unknown) => {
    const params = parsers['planAsCode/reload'](value);
    if (!params) return new ResponseError(ErrorCodes.InvalidParams, 'planAsCode/reload: the params are not well-formed');
    await plans.reload(params.unsaved);
    await plans.analysis();
    return null;
  });
  if (notify) plans.onDidAnalyze(() => void connection.sendNotification(analyzedNotification).catch(() => undefined));
}

function handle<M extends keyof typeof viewAnswers>(connection: Connection, plans: PlanFiles, method: M, context: AnswerContext): void {
  const parse = parsers[method] as (value: unknown) => ViewRequests[M]['params'] | undefined;
  const answer = viewAnswers[method] as (analysis: Parameters<(typeof viewAnswers)[M]>[0], params: ViewRequests[M]['params'], context: AnswerContext) => ViewRequests[M]['result'];
  connection.onRequest(method, (value: unknown, token: CancellationToken) => {
    const params = parse(value);
    if (!params) return new ResponseError(ErrorCodes.InvalidParams, `${method}: the params are not well-formed`);
    return unlessCancelled(token, async () => {
      const analysis = await plans.analysis(token);
      return analysis ? answer(analysis, params, context) : null;
    });
  });
}

/** Import, Export and Update Actuals: the same checks and waits as the views' requests. */
function handleInterop<M extends InteropRequest>(connection: Connection, plans: PlanFiles, method: M, context: InteropContext): void {
  const parse = parsers[method] as (value: unknown) => ViewRequests[M]['params'] | undefined;
  const answer = interopAnswers[method] as (analysis: Parameters<(typeof interopAnswers)[M]>[0], params: ViewRequests[M]['params'], context: InteropContext) => ViewRequests[M]['result'];
  connection.onRequest(method, (value: unknown, token: CancellationToken) => {
    const params = parse(value);
    if (!params) return new ResponseError(ErrorCodes.InvalidParams, `${method}: the params are not well-formed`);
    return unlessCancelled(token, async () => {
      const analysis = await plans.analysis(token);
      return analysis ? answer(analysis, params, context) : null;
    });
  });
}

/** The uri of `name` inside the folder `folder` (a `file:` uri through the disk's path, else by its text). */
function joinUri(folder: string, name: string): string {
  const onDisk = uriToPath(folder);
  return onDisk === undefined ? `${folder.replace(/\/+$/, '')}/${encodeURIComponent(name)}` : pathToUri(path.join(onDisk, name));
}
