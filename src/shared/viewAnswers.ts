/**
 * How each of the views' requests (protocol.ts) is answered from an analysis: by the language server,
 * and, in a virtual workspace where the server cannot read the files, by the extension host itself.
 */
import { peopleTreeRows, peopleTreeTooltip, planTreeRows, planTreeTooltip, type Analysis, type TreeRow } from '../core';
import type { InteropRequest, ViewRequest, ViewRequests, ViewRow } from './protocol';

export interface AnswerContext {
  /** The uri of a file by the core's name for it. */
  uriOf(file: string): string | undefined;
  readonly defaultCurrency: string;
}

type Answered = Exclude<ViewRequest, 'planAsCode/reload' | InteropRequest>;

/** Every request but reload, which is about the files, not about an analysis, and Import/Export/Actuals (interopAnswers.ts). */
type Answers = { readonly [M in Answered]: (analysis: Analysis, params: ViewRequests[M]['params'], context: AnswerContext) => ViewRequests[M]['result'] };

export const viewAnswers: Answers = {
  'planAsCode/planTree': (analysis, { parent }, context) => rows(planTreeRows(analysis, parent), context),
  'planAsCode/peopleTree': (analysis, { parent }, context) => rows(peopleTreeRows(analysis, parent), context),
  'planAsCode/planTooltip': (analysis, { id }, context) => planTreeTooltip(analysis, id, context.defaultCurrency) ?? null,
  'planAsCode/peopleTooltip': (analysis, { id }, context) => peopleTreeTooltip(analysis, id, context.defaultCurrency) ?? null,
};

function rows(found: readonly TreeRow[] | undefined, context: AnswerContext): ViewRow[] | null {
  return found ? found.map((row) => viewRow(row, context)) : null;
}

function viewRow(row: TreeRow, context: AnswerContext): ViewRow {
  const { target, ...rest } = row;
  const uri = target && context.uriOf(target.file);
  return uri ? { ...rest, target: { uri, range: target.range, title: target.title } } : rest;
}
