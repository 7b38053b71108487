/** Health and key figures above each program and project. */
import type { CodeLens, Connection } from 'vscode-languageserver';
import { currencyOf, formatIndex, formatMoney, formatPercent, rollupOf } from '../core';
import { answerWellFormed } from './cancel';
import { spanToRange } from './convert';
import type { PlanFiles } from './planFiles';

export function registerCodeLens(connection: Connection, plans: PlanFiles): void {
  connection.onCodeLens((params, token) =>
    answerWellFormed(params, 'document', token, async () => {
      const { uri } = params.textDocument;
      if (!plans.paths.isPlanFile(uri)) return [];
      const analysis = await plans.analysis(token);
      if (!analysis || !plans.settings.codeLens) return [];
      const key = plans.paths.keyOf(uri);
      const lenses: CodeLens[] = [];
      for (const entity of [...analysis.index.programs, ...analysis.index.projects]) {
        if (entity.source.file.path !== key) continue;
        const rollup = rollupOf(analysis, entity);
        if (!rollup) continue;
        const f = rollup.figures;
        const currency = currencyOf(entity, plans.settings.defaultCurrency);
        const title = `${f.health ?? 'cancelled'} · ${formatPercent(f.progress)} · CPI ${formatIndex(f.cpi)} · SPI ${formatIndex(f.spi)} · SPI(t) ${formatIndex(f.spiT)} · EAC ${formatMoney(f.eac, currency)}`;
        const line = spanToRange(entity.source.file, entity.span).start.line;
        // The VS Code extension's command (it opens the roadmap); other editors show the title only.
        lenses.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title, command: 'planAsCode.openRoadmap', arguments: [entity.id] } });
      }
      return lenses;
    }),
  );
}
