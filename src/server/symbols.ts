/** The outline (document symbols) and workspace symbols: portfolios, programs, projects and what they hold. */
import { SymbolKind, type Connection, type DocumentSymbol, type Range, type SymbolInformation } from 'vscode-languageserver';
import { outlineChildren, outlineContainer, outlineDetail, outlineName, type Entity } from '../core';
import { answerWellFormed } from './cancel';
import { spanToRange } from './convert';
import type { PlanFiles } from './planFiles';

const symbolKinds: Record<Entity['kind'], SymbolKind> = {
  portfolio: SymbolKind.Package,
  program: SymbolKind.Module,
  project: SymbolKind.Class,
  milestone: SymbolKind.Event,
  risk: SymbolKind.Constant,
  issue: SymbolKind.Object,
  person: SymbolKind.Field,
};


function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

export function registerSymbols(connection: Connection, plans: PlanFiles, hierarchical: boolean): void {
  connection.onDocumentSymbol((params, token) =>
    answerWellFormed(params, 'document', token, async (): Promise<DocumentSymbol[] | SymbolInformation[] | null> => {
      const { uri } = params.textDocument;
      if (!plans.paths.isPlanFile(uri)) return null;
      const analysis = await plans.analysis(token);
      if (!analysis) return null;
      const key = plans.paths.keyOf(uri);
      const inFile = (entity: Entity) => entity.source.file.path === key;
      const { portfolios, programs, projects, people } = analysis.index;
      const roots = [...portfolios, ...programs.filter((p) => !p.parentPortfolio), ...projects.filter((p) => !p.parentProgram), ...people].filter(inFile);
      const symbol = (entity: Entity): DocumentSymbol => {
        const range = spanToRange(entity.source.file, entity.span);
        const anchor = spanToRange(entity.source.file, entity.anchor);
        return {
          name: outlineName(entity),
          detail: outlineDetail(entity),
          kind: symbolKinds[entity.kind],
          range,
          // The selection must lie inside the range (LSP); an id written elsewhere selects the start.
          selectionRange: contains(range, anchor) ? anchor : { start: range.start, end: range.start },
          children: outlineChildren(entity).filter(inFile).map(symbol),
        };
      };
      if (hierarchical) return roots.map(symbol);
      // Clients without hierarchical symbols get a flat list, each naming its container as workspace symbols do.
      const flat: SymbolInformation[] = [];
      const flatten = (entity: Entity) => {
        flat.push({ name: outlineName(entity), kind: symbolKinds[entity.kind], location: { uri, range: spanToRange(entity.source.file, entity.span) }, containerName: outlineContainer(entity) });
        outlineChildren(entity).filter(inFile).forEach(flatten);
      };
      roots.forEach(flatten);
      return flat;
    }),
  );

  connection.onWorkspaceSymbol((params, token) =>
    answerWellFormed(params, 'query', token, async () => {
      const analysis = await plans.analysis(token);
      if (!analysis) return null;
      const query = params.query.toLowerCase();
      const result: SymbolInformation[] = [];
      for (const [id, entities] of analysis.index.definitions) {
        for (const entity of entities) {
          const name = 'name' in entity && entity.name ? entity.name : 'title' in entity && entity.title ? entity.title : '';
          if (!matches(id.toLowerCase(), query) && !matches(name.toLowerCase(), query)) continue;
          const uri = plans.uriOf(entity.source.file.path);
          if (!uri) continue;
          result.push({ name: id, kind: symbolKinds[entity.kind], location: { uri, range: spanToRange(entity.source.file, entity.anchor) }, containerName: outlineContainer(entity) });
        }
      }
      return result;
    }),
  );
}

/** The query's characters appear in order in the text (as editors' symbol search expects). */
function matches(text: string, query: string): boolean {
  let at = 0;
  for (const c of query) {
    at = text.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
