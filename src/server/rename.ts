/** Rename an id everywhere it is written, as one workspace edit; prepareRename gives the id's range and text. */
import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection, type TextEdit } from 'vscode-languageserver';
import { idPattern, occurrencesOf, yamlId } from '../core';
import { answerWellFormed } from './cancel';
import { occurrenceLocation, spanToRange } from './convert';
import { occurrenceUnder } from './occurrences';
import type { PlanFiles } from './planFiles';

export function registerRename(connection: Connection, plans: PlanFiles): void {
  connection.onPrepareRename((params, token) =>
    answerWellFormed(params, 'position', token, async () => {
      const found = await occurrenceUnder(plans, params.textDocument.uri, params.position, token);
      // null: nothing to rename here (the client says so in its own words).
      if (!found) return null;
      return { range: spanToRange(found.occurrence.file, found.occurrence.span), placeholder: found.occurrence.id };
    }),
  );
  connection.onRenameRequest((params, token) =>
    answerWellFormed(params, 'position', token, async () => {
      const found = await occurrenceUnder(plans, params.textDocument.uri, params.position, token);
      if (!found) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Rename works on the id of a portfolio, program, project, milestone, risk, issue or person.');
      const { newName } = params;
      if (typeof newName !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'A rename needs newName, the new id as text.');
      if (!idPattern.test(newName)) throw new ResponseError(LSPErrorCodes.RequestFailed, `'${newName}' is not a valid id: use letters, digits, and _ . - (not first).`);
      const taken = found.analysis.index.definitions.get(newName);
      if (newName !== found.occurrence.id && taken) throw new ResponseError(LSPErrorCodes.RequestFailed, `'${newName}' is already the id of another ${taken[0].kind}.`);
      const changes: Record<string, TextEdit[]> = {};
      for (const occurrence of occurrencesOf(found.analysis, found.occurrence.id)) {
        const location = occurrenceLocation(plans, occurrence);
        // Written so that YAML reads it back as the same text: `2026`, `true`, `1.10` as they are would be a
        // number, a boolean, 1.1 (the id's span holds its quotes, if it had any).
        if (location) (changes[location.uri] ??= []).push({ range: location.range, newText: yamlId(newName) });
      }
      return { changes };
    }),
  );
}
