/**
 * vscode-languageserver-protocol (with vscode-jsonrpc and the protocol's types) as a bundle of its own,
 * dist/extensionProtocol.js: the client's bundle takes it from there (esbuild.js), and bundleLoader.ts
 * loads the two one after the other, so that neither is a long task of the extension host.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the modules as they are, not namespace copies of them */
export const main: unknown = require('vscode-languageserver-protocol');
export const node: unknown = require('vscode-languageserver-protocol/node');
