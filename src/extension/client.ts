/**
 * The language server's client (languageClient.ts, with vscode-languageclient), built as its own bundle
 * (dist/extensionClient.js, see esbuild.js) and loaded right after activation returns (loadLazy.ts):
 * loading it is most of what activation would otherwise cost.
 */
export { startLanguageClient } from './languageClient';
