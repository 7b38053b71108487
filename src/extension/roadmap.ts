/**
 * The roadmap panel: one webview (opened beside the editor, revealed when already open, restored after
 * a window reload by a serializer) that draws the render model of the latest analysis. The webview runs
 * the extension's own bundle (dist/webview.js) under a strict CSP; its messages are validated before
 * anything happens, and it is sent a new model after every analysis, a burst coalesced into one post.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Analysis } from '../core';
import { buildRoadmap, roadmapSources, type RoadmapModel, type RoadmapSource } from '../core/roadmap';
import { rollupCsv, rollupMarkdown } from '../core/report';
import { parseWebviewMessage, type FromWebview, type ToWebview } from '../shared/protocol';
import type { PlanService } from './planService';

export const roadmapViewType = 'planAsCode.roadmap';
/** At most one model per this interval; planService already waits 120 ms after the last edit. */
const POST_INTERVAL_MS = 100;

export interface RenderedReport {
  readonly bars: number;
  readonly drawn: number;
  readonly rows: number;
  /** When the extension received the report (Date.now()). */
  readonly at: number;
}

export class RoadmapPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private ready = false;
  private model: RoadmapModel | undefined;
  private sources = new Map<string, RoadmapSource>();
  private lastPost = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;
  /** The last model sent to the webview (for tests and diagnostics). */
  lastPosted: { readonly model: RoadmapModel; readonly at: number } | undefined;
  /** What the webview last reported drawing. */
  lastRendered: RenderedReport | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly plans: PlanService,
  ) {
    this.subscription = plans.onDidAnalyze((analysis) => this.onAnalysis(analysis));
  }

  /** The open panel, if any. */
  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens the roadmap beside the active editor, or reveals it where it is. */
  open(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(roadmapViewType, 'Roadmap', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, this.webviewOptions());
    this.attach(panel);
    return panel;
  }

  /** Adopts a panel VS Code restores after a reload (the webview's own state comes back through getState). */
  restore(panel: vscode.WebviewPanel): void {
    if (this.panel && this.panel !== panel) this.panel.dispose();
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')] };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    this.lastRendered = undefined;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'images', 'icon.png');
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.handleMessage(message)),
      // A hidden webview is torn down (no retainContextWhenHidden); it asks again with 'ready' when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.detach(panel)),
    ];
    panel.webview.html = this.html(panel.webview);
  }

  private detach(panel: vscode.WebviewPanel): void {
    if (this.panel !== panel) return;
    for (const disposable of this.panelDisposables) disposable.dispose();
    this.panelDisposables = [];
    this.panel = undefined;
    this.ready = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(18).toString('base64');
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css'));
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
<title>Roadmap</title>
</head>
<body>
<div id="roadmap-app"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private onAnalysis(_analysis: Analysis): void {
    if (!this.panel || !this.ready) return;
    const wait = this.lastPost + POST_INTERVAL_MS - Date.now();
    if (wait <= 0) this.post();
    else this.timer ??= setTimeout(() => this.post(), wait);
  }

  private post(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const analysis = this.plans.latest;
    if (!this.panel || !this.ready || !analysis) return;
    this.lastPost = Date.now();
    this.show(buildRoadmap(analysis));
  }

  private show(model: RoadmapModel): void {
    this.model = model;
    this.sources = roadmapSources(model);
    const message: ToWebview = { type: 'model', model };
    void this.panel?.webview.postMessage(message);
    this.lastPosted = { model, at: Date.now() };
  }

  /** Handles one message from the webview; anything malformed, or an id the roadmap does not show, is ignored. */
  async handleMessage(raw: unknown): Promise<void> {
    const message: FromWebview | undefined = parseWebviewMessage(raw, (id) => this.sources.has(id));
    if (!message) return;
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        const analysis = await this.plans.analysis();
        if (this.ready && this.panel) {
          this.lastPost = Date.now();
          this.show(buildRoadmap(analysis));
        }
        return;
      }
      case 'rendered':
        this.lastRendered = { bars: message.bars, drawn: message.drawn, rows: message.rows, at: Date.now() };
        return;
      case 'open':
        return this.reveal(this.sources.get(message.id)!);
      case 'copy': {
        if (!this.model) return;
        const text = message.format === 'csv' ? rollupCsv(this.model.rollup) : rollupMarkdown(this.model.rollup);
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage(`$(check) Rollup copied as ${message.format === 'csv' ? 'CSV' : 'Markdown'}`, 3000);
        return;
      }
    }
  }

  /** Opens the file at the definition, in the editor group beside the roadmap. */
  private async reveal(source: RoadmapSource): Promise<void> {
    const uri = this.plans.uriOf(source.file);
    if (!uri) return;
    const position = new vscode.Position(source.line, source.character);
    const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(position, position), preview: false });
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
    clearTimeout(this.timer);
  }
}

export function registerRoadmap(context: vscode.ExtensionContext, plans: PlanService): RoadmapPanel {
  const roadmap = new RoadmapPanel(context.extensionUri, plans);
  context.subscriptions.push(
    roadmap,
    vscode.commands.registerCommand('planAsCode.openRoadmap', () => roadmap.open()),
    vscode.window.registerWebviewPanelSerializer(roadmapViewType, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => roadmap.restore(panel),
    }),
  );
  return roadmap;
}
