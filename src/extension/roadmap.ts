/**
 * The roadmap panel. Until the roadmap view lands, the command opens a panel that says so and shows
 * the workspace's headline figures as plain text.
 */
import * as vscode from 'vscode';
import { formatIndex, formatMoney, toRollupJson, type Analysis } from '../core';
import type { PlanService } from './planService';

export function registerRoadmap(context: vscode.ExtensionContext, plans: PlanService): void {
  let panel: vscode.WebviewPanel | undefined;
  const render = (analysis: Analysis) => {
    if (!panel) return;
    const json = toRollupJson(analysis);
    const lines = json.programs.map(
      (p) => `${p.id}: BAC ${formatMoney(p.figures.bac)} · CPI ${formatIndex(p.figures.cpi)} · SPI ${formatIndex(p.figures.spi)} · ${p.figures.health}`,
    );
    panel.webview.html = placeholderHtml(json.statusDate, lines);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('planAsCode.openRoadmap', async () => {
      if (panel) {
        panel.reveal(vscode.ViewColumn.Beside);
        return panel;
      }
      panel = vscode.window.createWebviewPanel('planAsCode.roadmap', 'Plan Roadmap', vscode.ViewColumn.Beside, { enableScripts: false, localResourceRoots: [] });
      panel.onDidDispose(() => (panel = undefined));
      render(await plans.analysis());
      return panel;
    }),
    plans.onDidAnalyze(render),
  );
}

function placeholderHtml(statusDate: string, lines: readonly string[]): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>Plan Roadmap</title><style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:1em}</style></head>
<body><h1>Roadmap</h1><p>The timeline view is not built yet; it arrives with the roadmap issue. Figures at ${escape(statusDate)}:</p>
<ul>${lines.map((line) => `<li>${escape(line)}</li>`).join('')}</ul></body></html>`;
}
