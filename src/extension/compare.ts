/**
 * `Plan: Compare Roadmap With…` and `Plan: Stop Comparing` (SPEC 8): the roadmap against the plans at
 * another revision. The language server reads the other revision from git (with the user's `git.path`),
 * analyses it and compares every analysis of the live plans with it, so edits show at once — comparing
 * with HEAD is the what-if of the uncommitted changes; when the ref moves (a commit, a checkout) it reads
 * it again and says so (src/server/comparison.ts). Here: the choice of the revision (a quick pick of what
 * the server lists), the status bar, and the window getting focus back (git run elsewhere) asking the
 * server to look again. VS Code's Git extension is not used. In Restricted Mode the comparison is
 * unavailable, with a message saying why, and the server is never asked to run git.
 */
import * as vscode from 'vscode';
import type { CompareChoices } from '../shared/protocol';
import type { ViewSource } from './viewSource';

/** The revision the roadmap is compared with. */
export interface ComparedRevision {
  readonly ref: string;
  readonly commit: string;
  /** When the extension heard of it (Date.now()), for tests. */
  readonly at: number;
}

export const restrictedModeMessage =
  'Comparing the roadmap with another revision is not available in Restricted Mode: it runs git, and a repository can configure git to run programs. Trust this workspace to compare.';

/** `git.path` as the user set it (user settings only: a workspace must not choose the program that runs). */
function userGitPath(): string | undefined {
  const inspected = vscode.workspace.getConfiguration('git').inspect<string | string[] | null>('path');
  const value = inspected?.globalValue;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first : undefined;
}

/** The `git` the server runs, as a request's params: the user's `git.path`, when set. */
export function gitParams(): { gitPath?: string } {
  const gitPath = userGitPath();
  return gitPath === undefined ? {} : { gitPath };
}

/** The git call's refusal as the server said it (its message is for a person). */
function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class PlanComparison implements vscode.Disposable {
  private readonly onDidChangeEmitter = new vscode.EventEmitter<void>();
  /** Fires when comparing starts, stops or reads the other revision again. */
  readonly onDidChange = this.onDidChangeEmitter.event;
  private revision: ComparedRevision | undefined;
  /** Counts starts and stops: an answer to a request sent before the latest of them changes nothing. */
  private generation = 0;
  private readonly status = vscode.window.createStatusBarItem('planAsCode.comparing', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly views: ViewSource,
    /** Whether the workspace is trusted (a parameter for tests: the workbench under test always trusts it). */
    private readonly isTrusted: () => boolean = () => vscode.workspace.isTrusted,
  ) {
    this.status.name = 'Plan comparison';
    this.status.command = 'planAsCode.stopComparing';
    this.subscriptions = [
      views.onDidCompare(({ compared, problem }) => {
        if (!this.revision) return;
        if (compared === null) {
          if (problem) void vscode.window.showWarningMessage(`Plan: ${problem}`);
          this.clear();
        } else this.show(compared.ref, compared.commit);
      }),
      // Git run elsewhere: the server reads the ref again (nothing when it has not moved).
      vscode.window.onDidChangeWindowState((state) => {
        const revision = this.revision;
        if (!state.focused || !revision || !this.isTrusted()) return;
        const generation = this.generation;
        void this.views.request('planAsCode/compare', { ref: revision.ref, ...gitParams() }).then(
          (compared) => {
            if (generation === this.generation && compared) this.show(compared.ref, compared.commit);
          },
          () => undefined,
        );
      }),
    ];
  }

  /** The revision compared with, if any. */
  get current(): ComparedRevision | undefined {
    return this.revision;
  }

  /** Starts comparing with `ref` (asks for one when not given); false when nothing was compared. */
  async compareWith(ref?: string): Promise<boolean> {
    if (!this.isTrusted()) {
      void vscode.window.showWarningMessage(restrictedModeMessage);
      return false;
    }
    try {
      const chosen = ref ?? (await this.pick());
      if (chosen === undefined) return false;
      const generation = ++this.generation;
      const compared = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading the plans at ${chosen}` }, () =>
        this.views.request('planAsCode/compare', { ref: chosen, ...gitParams() }),
      );
      if (generation !== this.generation || !compared) return false;
      this.show(compared.ref, compared.commit);
      return true;
    } catch (error) {
      void vscode.window.showErrorMessage(`Plan: Compare Roadmap With…: ${reason(error)}`);
      return false;
    }
  }

  stop(): void {
    this.generation++;
    if (!this.revision) return;
    void this.views.request('planAsCode/compare', { ref: null }).catch(() => undefined);
    this.clear();
  }

  /** Shows what is compared (a new object only when the ref or commit changed). */
  private show(ref: string, commit: string): void {
    if (this.revision?.ref === ref && this.revision.commit === commit) return;
    this.revision = { ref, commit, at: Date.now() };
    this.status.text = `$(git-compare) ${ref}`;
    this.status.tooltip = `The roadmap is compared with the plans at ${ref} (${commit.slice(0, 7)}). Click to stop comparing.`;
    this.status.show();
    void vscode.commands.executeCommand('setContext', 'planAsCode.comparing', true);
    this.onDidChangeEmitter.fire();
  }

  private clear(): void {
    this.revision = undefined;
    this.status.hide();
    void vscode.commands.executeCommand('setContext', 'planAsCode.comparing', false);
    this.onDidChangeEmitter.fire();
  }

  /** A quick pick of HEAD, branches, tags and the recent commits that changed plans (listed by the server); the ref chosen or typed. */
  private async pick(): Promise<string | undefined> {
    type Item = vscode.QuickPickItem & { ref?: string };
    const quickPick = vscode.window.createQuickPick<Item>();
    quickPick.title = 'Compare the roadmap with…';
    quickPick.placeholder = 'A branch, tag or commit (or type any ref, such as HEAD~3)';
    quickPick.matchOnDescription = true;
    quickPick.busy = true;
    const head: vscode.QuickPickItem & { ref: string } = { label: '$(git-commit) HEAD', description: 'the last commit: shows your uncommitted changes', ref: 'HEAD' };
    quickPick.items = [head];
    const load = (async () => {
      const { refs, commits }: CompareChoices = await this.views.request('planAsCode/compareChoices', gitParams());
      const section = (label: string): Item => ({ label, kind: vscode.QuickPickItemKind.Separator });
      const of = (kind: string, icon: string): Item[] =>
        refs.filter((r) => r.kind === kind).map((r) => ({ label: `$(${icon}) ${r.name}`, description: r.commit.slice(0, 7), ref: r.name }));
      const items: Item[] = [
        head,
        section('Branches'),
        ...of('branch', 'git-branch'),
        ...of('remote', 'cloud'),
        section('Tags'),
        ...of('tag', 'tag'),
        section('Commits that changed plans'),
        ...commits.map((c) => ({ label: `$(git-commit) ${c.commit.slice(0, 7)}`, description: `${c.date} ${c.subject}`, ref: c.commit })),
      ];
      // A section heading only above something.
      const separator = (item: Item | undefined) => item?.kind === vscode.QuickPickItemKind.Separator;
      quickPick.items = items.filter((item, i) => !separator(item) || (items[i + 1] !== undefined && !separator(items[i + 1])));
    })();
    void load.catch(() => undefined).finally(() => (quickPick.busy = false));
    return new Promise<string | undefined>((resolve) => {
      quickPick.onDidAccept(() => {
        const item = quickPick.selectedItems[0];
        // Nothing matches what was typed: take it as a ref.
        resolve(item?.ref ?? (quickPick.value.trim() || undefined));
        quickPick.hide();
      });
      quickPick.onDidHide(() => {
        resolve(undefined);
        quickPick.dispose();
      });
      quickPick.show();
    });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.status.dispose();
    this.onDidChangeEmitter.dispose();
  }
}

export function registerComparison(context: vscode.ExtensionContext, views: ViewSource): PlanComparison {
  const comparison = new PlanComparison(views);
  context.subscriptions.push(
    comparison,
    // A ref as the argument (keybindings, tests) asks nothing; from a menu the argument is not a string.
    vscode.commands.registerCommand('planAsCode.compareWith', async (ref?: unknown) => {
      const compared = await comparison.compareWith(typeof ref === 'string' && ref.trim() !== '' ? ref : undefined);
      if (compared) await vscode.commands.executeCommand('planAsCode.openRoadmap');
      return compared;
    }),
    vscode.commands.registerCommand('planAsCode.stopComparing', () => comparison.stop()),
  );
  return comparison;
}
