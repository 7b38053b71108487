/** Health and key figures above each program and project. */
import * as vscode from 'vscode';
import { currencyOf, formatIndex, formatMoney, formatPercent, rollupOf } from '../../core';
import { spanToRange } from '../coreToVscode';
import type { PlanService } from '../planService';

export class PlanCodeLensProvider implements vscode.CodeLensProvider {
  private readonly onDidChangeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.onDidChangeEmitter.event;

  constructor(private readonly plans: PlanService) {}

  refresh(): void {
    this.onDidChangeEmitter.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.plans.config.codeLens || !this.plans.isPlanDocument(document)) return [];
    const analysis = await this.plans.analysis();
    const key = this.plans.keyOf(document.uri);
    const lenses: vscode.CodeLens[] = [];
    for (const entity of [...analysis.index.programs, ...analysis.index.projects]) {
      if (entity.source.file.path !== key) continue;
      const rollup = rollupOf(analysis, entity);
      if (!rollup) continue;
      const f = rollup.figures;
      const currency = currencyOf(entity, this.plans.config.defaultCurrency);
      const title = `$(circle-filled) ${f.health} · ${formatPercent(f.progress)} · CPI ${formatIndex(f.cpi)} · SPI ${formatIndex(f.spi)} · SPI(t) ${formatIndex(f.spiT)} · EAC ${formatMoney(f.eac, currency)}`;
      const line = spanToRange(entity.source.file, entity.node.span).start.line;
      lenses.push(new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title, command: 'planAsCode.openRoadmap', tooltip: 'Open the roadmap' }));
    }
    return lenses;
  }
}
