/**
 * Where the roadmap runs: inside a VS Code webview (messages to and from the extension, state kept by
 * VS Code across reloads) or in an exported HTML file (the model embedded in the page, no extension).
 */
import { type RoadmapComparison, type RoadmapModel, rollupCsv, rollupMarkdown } from '../core';
import type { CopyFormat, FromWebview, ToWebview } from '../shared/protocol';

export interface Host {
  readonly kind: 'vscode' | 'export';
  /**
   * Calls `onModel` with each model (once for an export, on every analysis in VS Code), `onFocus`
   * when VS Code asks to show one lane, and `onComparison` when the compared revision changes (VS Code only).
   */
  listen(onModel: (model: RoadmapModel) => void, onFocus: (lane: string) => void, onComparison?: (comparison: RoadmapComparison | null) => void): void;
  /** Stops comparing with another revision (VS Code only). */
  stopComparing(): void;
  /** Reveals where an id is defined (VS Code only). */
  open(id: string): void;
  /** Copies the rollup table; resolves to a short confirmation. */
  copy(format: CopyFormat, model: RoadmapModel): Promise<string>;
  rendered(message: Extract<FromWebview, { type: 'rendered' }>): void;
  getState(): unknown;
  setState(state: unknown): void;
}

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const copied = (format: CopyFormat) => `Rollup copied as ${format === 'csv' ? 'CSV' : 'Markdown'}`;

export function vscodeHost(): Host {
  const api = acquireVsCodeApi();
  return {
    kind: 'vscode',
    listen(onModel, onFocus, onComparison) {
      window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
        const message = event.data;
        if (!message || typeof message !== 'object') return;
        if (message.type === 'model' && message.model && message.model.version === 1) {
          performance.mark('roadmap:data');
          onModel(message.model);
        } else if (message.type === 'focus' && typeof message.lane === 'string') {
          onFocus(message.lane);
        } else if (message.type === 'comparison' && (message.comparison === null || message.comparison?.version === 1)) {
          onComparison?.(message.comparison);
        }
      });
      // Listening: the extension's channel now sends the model (again after every reload of this page).
      api.postMessage({ type: 'ready' });
    },
    open: (id) => api.postMessage({ type: 'open', id }),
    stopComparing: () => api.postMessage({ type: 'stopComparing' }),
    copy: async (format) => {
      api.postMessage({ type: 'copy', format });
      return copied(format);
    },
    rendered: (message) => api.postMessage(message),
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}

/** The exported file: the model is the JSON of `<script type="application/json" id="roadmap-data">`. */
export function exportHost(dataElement: HTMLElement): Host {
  let state: unknown;
  return {
    kind: 'export',
    listen(onModel) {
      performance.mark('roadmap:data');
      onModel(JSON.parse(dataElement.textContent ?? 'null') as RoadmapModel);
    },
    open: () => {},
    stopComparing: () => {},
    copy: async (format, model) => {
      const text = format === 'csv' ? rollupCsv(model.rollup) : rollupMarkdown(model.rollup);
      await writeClipboard(text);
      return copied(format);
    },
    rendered: () => {},
    getState: () => state,
    setState: (next) => {
      state = next;
    },
  };
}

async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // A file:// page may not get the async clipboard; fall back to a selected text area.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('the browser refused to copy');
}
