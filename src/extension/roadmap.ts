/**
 * The roadmap panel: one webview (opened beside the editor, revealed when already open, restored after
 * a window reload by a serializer) that draws the render model of the latest analysis, which the language
 * server builds (`planAsCode/roadmap`, `planAsCode/peopleHeatmap`): nothing but drawing happens here. The webview runs
 * the extension's own bundle (dist/webview.js) under a strict CSP; its messages are validated before
 * anything happens, and it is sent a new model after every analysis, a burst coalesced into one post.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import {
  htmlPage,
  roadmapBody,
  roadmapOutline,
  roadmapSources,
  rollupCsv,
  rollupMarkdown,
  teamEntryKey,
  type LoadBasis,
  type PeopleHeatmap,
  type RoadmapComparison,
  type RoadmapModel,
  type RoadmapSource,
} from '../core';
import { parseWebviewMessage, type FromWebview, type HeatmapAnswer, type Place, type ToWebview } from '../shared/protocol';
import type { PlanComparison } from './compare';
import { toRange } from './coreToVscode';
import { RowNode } from './tree/rowTree';
import { Throttle } from './throttle';
import type { ViewSource } from './viewSource';
import { WebviewChannel } from './webviewChannel';

export const roadmapViewType = 'planAsCode.roadmap';
/** At most one model per this interval (planService waits ANALYSIS_DELAY_MS, 15 ms, after the last edit before it analyses). */
const POST_INTERVAL_MS = 100;

export interface RenderedReport {
  readonly bars: number;
  readonly drawn: number;
  readonly rows: number;
  /** While comparing: ghost bars and slip labels drawn, table rows with a Δ. */
  readonly ghosts?: number;
  readonly deltas?: number;
  /** When the extension received the report (Date.now()). */
  readonly at: number;
}

/** What the webview last reported drawing on the People tab. */
export interface PeopleRenderedReport {
  readonly basis: LoadBasis;
  readonly people: number;
  readonly cells: number;
  readonly elements: number;
  /** Over-capacity cells drawn: person id, week (YYYY-MM-DD), the text written. */
  readonly over: ReadonlyArray<readonly [string, string, string]>;
  readonly at: number;
}

export class RoadmapPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private channel: WebviewChannel<ToWebview> | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private model: RoadmapModel | undefined;
  private sources = new Map<string, RoadmapSource>();
  /** The uri of each file the model's sources name. */
  private uris: Readonly<Record<string, string>> = {};
  /** Counts the requests for a model (and for a heatmap): an answer to an older one is dropped. */
  private requested = 0;
  private peopleRequested = 0;
  /** Posts the latest analysis's model, at most once per POST_INTERVAL_MS while analyses follow each other. */
  private readonly posting = new Throttle(POST_INTERVAL_MS, () => this.post());
  private readonly subscriptions: vscode.Disposable[];
  /** The last model sent to the webview, with the comparison sent beside it (for tests and diagnostics). */
  lastPosted: { readonly model: RoadmapModel; readonly comparison: RoadmapComparison | null; readonly at: number } | undefined;
  /** What the webview last reported drawing. */
  lastRendered: RenderedReport | undefined;
  /** The basis of the People tab while the page shows it (its heatmap follows every analysis), else null. */
  private peopleBasis: LoadBasis | null = null;
  /** What the clicks in the heatmap last sent may open. */
  private peopleTargets: Pick<HeatmapAnswer, 'people' | 'entries'> | undefined;
  /** The last heatmap sent to the webview (for tests and diagnostics). */
  lastPeoplePosted: { readonly people: PeopleHeatmap; readonly at: number } | undefined;
  /** What the webview last reported drawing on the People tab. */
  lastPeopleRendered: PeopleRenderedReport | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly views: ViewSource,
    private readonly comparison?: PlanComparison,
  ) {
    this.subscriptions = [views.onDidAnalyze(() => this.onAnalysis()), this.posting];
    if (comparison) this.subscriptions.push(comparison.onDidChange(() => this.posting.runNow()));
  }

  /** The open panel, if any. */
  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /**
   * Opens the roadmap beside the active editor, or reveals it where it is. With a program id, the
   * roadmap shows that program only (the user can clear the filter).
   */
  open(program?: string): vscode.WebviewPanel {
    let panel = this.panel;
    if (panel) panel.reveal(undefined, false);
    else {
      panel = vscode.window.createWebviewPanel(roadmapViewType, 'Roadmap', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, this.webviewOptions());
      this.attach(panel);
    }
    if (program !== undefined) this.channel?.send({ type: 'focus', lane: `program:${program}` });
    return panel;
  }

  /** Opens the roadmap (or reveals it) on its People tab. */
  openPeople(): vscode.WebviewPanel {
    const panel = this.open();
    this.channel?.send({ type: 'tab', tab: 'people' });
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
    // A page that has just loaded gets the outline first: it paints the bars before the whole model arrives.
    this.channel = new WebviewChannel<ToWebview>(panel.webview, () => (this.model ? { type: 'outline', outline: roadmapOutline(this.model) } : undefined));
    this.lastRendered = undefined;
    this.lastPeopleRendered = undefined;
    // A new page says which tab it shows (its own state) before it gets a heatmap.
    this.peopleBasis = null;
    this.peopleTargets = undefined;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'images', 'icon.png');
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.handleMessage(message)),
      panel.onDidDispose(() => this.detach(panel)),
    ];
    panel.webview.html = this.html(panel.webview);
    // The channel holds the model until the page says it is ready.
    this.posting.runNow();
  }

  private detach(panel: vscode.WebviewPanel): void {
    if (this.panel !== panel) return;
    for (const disposable of this.panelDisposables) disposable.dispose();
    this.panelDisposables = [];
    this.panel = undefined;
    this.channel = undefined;
    this.posting.cancel();
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(18).toString('base64');
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    return htmlPage({
      title: 'Roadmap',
      csp: {
        'script-src': `'nonce-${nonce}'`,
        'style-src': webview.cspSource,
        'img-src': webview.cspSource,
        'font-src': webview.cspSource,
      },
      styles: [{ href: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString() }],
      body: roadmapBody(),
      scripts: [{ src: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(), nonce }],
    });
  }

  private onAnalysis(): void {
    if (this.panel) this.posting.request();
  }

  /**
   * Asks the server for the model of the latest analysis and, while comparing, its comparison, and sends
   * them (the channel delivers them when the page is ready); an answer overtaken by a newer request is dropped.
   */
  private post(): void {
    if (!this.channel) return;
    const request = ++this.requested;
    void this.views.request('planAsCode/roadmap', {}).then(
      (answer) => {
        if (request !== this.requested || !this.channel || !answer) return;
        const { model, comparison } = answer;
        this.model = model;
        this.sources = roadmapSources(model);
        this.uris = answer.uris;
        this.channel.setState({ type: 'model', model });
        this.channel.setState({ type: 'comparison', comparison });
        this.lastPosted = { model, comparison, at: Date.now() };
      },
      (error: unknown) => console.warn(`Plan as Code: the roadmap: ${error instanceof Error ? error.message : String(error)}`),
    );
    this.postPeople();
  }

  /** While the page shows the People tab: the heatmap of the latest analysis on its basis (worked out only then). */
  private postPeople(): void {
    const basis = this.peopleBasis;
    if (!this.channel || basis === null) return;
    const request = ++this.peopleRequested;
    void this.views.request('planAsCode/peopleHeatmap', { basis }).then(
      (answer) => {
        if (request !== this.peopleRequested || !this.channel || !answer || this.peopleBasis !== basis) return;
        this.peopleTargets = { people: answer.people, entries: answer.entries };
        this.channel.setState({ type: 'people', people: answer.heatmap });
        this.lastPeoplePosted = { people: answer.heatmap, at: Date.now() };
      },
      (error: unknown) => console.warn(`Plan as Code: the People tab: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** Handles one message from the webview; anything malformed, or an id the roadmap does not show, is ignored. */
  async handleMessage(raw: unknown): Promise<void> {
    const message: FromWebview | undefined = parseWebviewMessage(
      raw,
      (id) => this.sources.has(id),
      (person, project) => {
        const targets = this.peopleTargets;
        if (!targets) return false;
        return project === undefined ? Object.hasOwn(targets.people, person) : Object.hasOwn(targets.entries, teamEntryKey(person, project));
      },
    );
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.channel?.pageReady();
        return;
      case 'rendered':
        this.lastRendered = { bars: message.bars, drawn: message.drawn, rows: message.rows, ghosts: message.ghosts, deltas: message.deltas, at: Date.now() };
        return;
      case 'stopComparing':
        this.comparison?.stop();
        return;
      case 'open':
        return this.reveal(this.sources.get(message.id)!);
      case 'people':
        this.peopleBasis = message.basis;
        if (message.basis === null) {
          this.peopleRequested++;
          this.peopleTargets = undefined;
          this.channel?.clearState('people');
        } else this.postPeople();
        return;
      case 'peopleRendered':
        this.lastPeopleRendered = { basis: message.basis, people: message.people, cells: message.cells, elements: message.elements, over: message.over, at: Date.now() };
        return;
      case 'openPerson':
        return this.revealPerson(message.person, message.project);
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
    const known = Object.hasOwn(this.uris, source.file) ? this.uris[source.file] : undefined;
    if (!known) return;
    const uri = vscode.Uri.parse(known);
    const position = new vscode.Position(source.line, source.character);
    const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(position, position), preview: false });
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Opens a person's definition, or their first team entry on a project (its `person:` value selected), as the People view does. */
  private async revealPerson(person: string, project: string | undefined): Promise<void> {
    const targets = this.peopleTargets;
    if (!targets) return;
    const place: Place | undefined =
      project === undefined
        ? Object.hasOwn(targets.people, person) ? targets.people[person] : undefined
        : Object.hasOwn(targets.entries, teamEntryKey(person, project)) ? targets.entries[teamEntryKey(person, project)] : undefined;
    if (!place) return;
    const location = new vscode.Location(vscode.Uri.parse(place.uri), toRange(place.range));
    const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(location.uri, { viewColumn: column, selection: location.range, preview: false });
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel?.dispose();
  }
}

export function registerRoadmap(context: vscode.ExtensionContext, views: ViewSource, comparison?: PlanComparison): RoadmapPanel {
  const roadmap = new RoadmapPanel(context.extensionUri, views, comparison);
  context.subscriptions.push(
    roadmap,
    // From the Plans view's menu on a program the argument is its node; keybindings may pass a program id.
    vscode.commands.registerCommand('planAsCode.openRoadmap', (focus?: unknown) =>
      roadmap.open(focus instanceof RowNode ? (focus.row.contextValue === 'program' ? focus.row.entity : undefined) : typeof focus === 'string' ? focus : undefined)),
    vscode.commands.registerCommand('planAsCode.showPeopleLoad', () => roadmap.openPeople()),
    vscode.window.registerWebviewPanelSerializer(roadmapViewType, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => roadmap.restore(panel),
    }),
  );
  return roadmap;
}
