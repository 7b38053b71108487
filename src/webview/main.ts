/**
 * The roadmap webview's entry point, bundled by esbuild into dist/webview.js (browser IIFE). The same
 * bundle runs inside VS Code and inlined in `plan-as-code render --format html`.
 */
import './roadmap.css';
import { RoadmapApp } from './app';
import { exportHost, vscodeHost } from './host';

const data = document.getElementById('roadmap-data');
const root = document.getElementById('roadmap-app') ?? document.body;
const host = data ? exportHost(data) : vscodeHost();
document.body.classList.add(host.kind === 'export' ? 'export' : 'in-vscode');
const app = new RoadmapApp(root, host);
host.listen(
  (model) => app.setModel(model),
  (lane) => app.focusLane(lane),
  (comparison) => app.setComparison(comparison),
);
