/**
 * Every language feature of plan files comes from the language server (SPEC 13): diagnostics, hover,
 * completion, definition, references, rename, symbols, code lenses, quick fixes and semantic tokens.
 * dist/server.js runs as a Node module in its own process (Node IPC); nothing of it runs on the
 * extension host. Plan files are chosen by `planAsCode.files`, as the server chooses them.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { TEAM_SETTINGS_FILE } from '../core';
import type { PlanInitializationOptions } from '../shared/protocol';
import { defaultFilesGlob, explicitSettings, section } from './settings';

export function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const filesGlob = () => vscode.workspace.getConfiguration(section).get<string>('files') || defaultFilesGlob;
  const module = context.asAbsolutePath('dist/server.js');
  // The bench's profiling run (PLAN_BENCH_PROFILE=DIR) profiles the server too: its CPU profile is written there when it exits.
  const profileDir = process.env.PLAN_BENCH_PROFILE;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, ...(profileDir ? { options: { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } } : {}) },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const settingKeys = Object.keys((context.extension.packageJSON as { contributes?: { configuration?: { properties?: object } } }).contributes?.configuration?.properties ?? {})
    .filter((key) => key.startsWith(`${section}.`))
    .map((key) => key.slice(section.length + 1));
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector(filesGlob()),
    outputChannelName: 'Plan as Code Language Server',
    // The Plans and People views ask the server for their rows; it tells us after every analysis. Clean files
    // are not published unless they had problems: VS Code has nothing to clear (protocol.ts).
    initializationOptions: { views: true, publishClean: 'cleared' } satisfies PlanInitializationOptions,
    middleware: {
      workspace: {
        // The settings someone set (user, workspace or folder), not VS Code's defaults: an unset threshold
        // leaves the team's .plan-as-code.yaml in force, in the server as in the CLI.
        configuration: (params, token, next) =>
          params.items.some((item) => item.section === section)
            ? params.items.map((item) => (item.section === section ? explicitSettings(settingKeys, item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : null))
            : next(params, token),
      },
      // The health dot in front of the figures, as VS Code draws icons (other editors get the text only).
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        for (const lens of lenses ?? []) if (lens.command && !lens.command.title.startsWith('$(')) lens.command.title = `$(circle-filled) ${lens.command.title}`;
        return lenses;
      },
    },
  };
  const client = new LanguageClient('planAsCode', 'Plan as Code', serverOptions, clientOptions);
  // Another files glob: the documents the client hands the server change with it.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(`${section}.files`)) return;
      client.clientOptions.documentSelector = selector(filesGlob());
      if (client.isRunning()) void client.restart().catch(() => undefined);
    }),
  );
  return client;
}

/** The plan files and the team's settings file (its unsaved edits count, as for plan files). */
function selector(filesGlob: string): LanguageClientOptions['documentSelector'] {
  return [
    { scheme: 'file', pattern: filesGlob },
    { scheme: 'file', pattern: `**/${TEAM_SETTINGS_FILE}` },
  ];
}
