/**
 * The roadmap webview's entry point, bundled by esbuild into dist/webview.js (browser IIFE). The same
 * bundle runs inside VS Code and inlined in `plan-as-code render --format html`.
 */
import './roadmap.css';
import { RoadmapApp } from './app';
import { exportHost, readPoster, vscodeHost } from './host';

const outline = document.getElementById('roadmap-outline');
const root = document.getElementById('roadmap-app') ?? document.body;
const host = outline ? exportHost(outline) : vscodeHost();
document.body.classList.add(host.kind === 'export' ? 'export' : 'in-vscode');
const app = new RoadmapApp(root, host);
const listen = () =>
  host.listen({
    outline: (value) => app.showOutline(value),
    model: (model) => app.setModel(model),
    focus: (lane) => app.focusLane(lane),
    comparison: (comparison) => app.setComparison(comparison),
    failed: (message) => app.showFailure(message),
    people: (heatmap) => app.setPeople(heatmap),
    tab: (tab) => app.showTab(tab),
  });
// An exported file of a large plan carries its first screen apart: painted on a canvas first, then the
// outline is read and drawn once that frame is on screen.
const poster = outline ? readPoster(document.getElementById('roadmap-poster')) : undefined;
if (poster) {
  performance.mark('roadmap:data');
  // Then the outline, at once when the poster cannot be painted.
  app.showPoster(poster, listen);
} else {
  listen();
}
