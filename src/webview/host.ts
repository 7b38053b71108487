/**
 * Where the roadmap runs: inside a VS Code webview (messages to and from the extension, state kept by
 * VS Code across reloads) or in an exported HTML file (the model embedded in the page, no extension).
 */
import { joinRoadmap, type LoadBasis, type PeopleHeatmap, type RoadmapComparison, type RoadmapDetails, type RoadmapModel, type RoadmapOutline, type RoadmapPoster, rollupCsv, rollupMarkdown } from '../core';
import type { CopyFormat, FromWebview, RoadmapTab, ToWebview } from '../shared/protocol';
import { whenPainted } from './paint';

/** What a host tells the app. */
export interface HostListener {
  /** The first frame's part of a model: the bars, before their figures (a whole model follows). */
  outline(outline: RoadmapOutline): void;
  /** A whole model: once for an export, on every analysis in VS Code. */
  model(model: RoadmapModel): void;
  /** Show one lane only (VS Code only). */
  focus(lane: string): void;
  /** The compared revision changed, or comparing stopped (VS Code only). */
  comparison(comparison: RoadmapComparison | null): void;
  /** The whole model cannot come (an exported file cut short). */
  failed(message: string): void;
  /** The People tab's heatmap, on the basis asked for (VS Code only). */
  people(heatmap: PeopleHeatmap): void;
  /** Show a tab (VS Code only). */
  tab(tab: RoadmapTab): void;
}

export interface Host {
  readonly kind: 'vscode' | 'export';
  /** Starts telling `listener` what to show. */
  listen(listener: HostListener): void;
  /** Stops comparing with another revision (VS Code only). */
  stopComparing(): void;
  /** Reveals where an id is defined (VS Code only). */
  open(id: string): void;
  /** Copies the rollup table; resolves to a short confirmation. */
  copy(format: CopyFormat, model: RoadmapModel): Promise<string>;
  rendered(message: Extract<FromWebview, { type: 'rendered' }>): void;
  /** Whether the host can show the People tab (the extension works out its heatmap; an export has none). */
  readonly hasPeople: boolean;
  /** Asks for the People tab's heatmap on a basis, now and after every analysis; null: the tab is not shown. */
  people(basis: LoadBasis | null): void;
  /** Reveals a person's definition or, with a project, their team entry on it. */
  openPerson(person: string, project?: string): void;
  peopleRendered(message: Extract<FromWebview, { type: 'peopleRendered' }>): void;
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
    listen(listener) {
      window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
        const message = event.data;
        if (!message || typeof message !== 'object') return;
        if (message.type === 'outline' && message.outline?.version === 1) {
          performance.mark('roadmap:data');
          listener.outline(message.outline);
        } else if (message.type === 'model' && message.model && message.model.version === 1) {
          performance.mark('roadmap:data');
          listener.model(message.model);
        } else if (message.type === 'focus' && typeof message.lane === 'string') {
          listener.focus(message.lane);
        } else if (message.type === 'comparison' && (message.comparison === null || message.comparison?.version === 1)) {
          listener.comparison(message.comparison);
        } else if (message.type === 'people' && message.people?.version === 1) {
          performance.mark('people:data');
          listener.people(message.people);
        } else if (message.type === 'tab' && (message.tab === 'people' || message.tab === 'timeline')) {
          listener.tab(message.tab);
        }
      });
      // Listening: the extension's channel now sends the outline and the model (again after every reload of this page).
      api.postMessage({ type: 'ready' });
    },
    open: (id) => api.postMessage({ type: 'open', id }),
    stopComparing: () => api.postMessage({ type: 'stopComparing' }),
    copy: async (format) => {
      api.postMessage({ type: 'copy', format });
      return copied(format);
    },
    rendered: (message) => api.postMessage(message),
    hasPeople: true,
    people: (basis) => api.postMessage({ type: 'people', basis }),
    openPerson: (person, project) => api.postMessage(project === undefined ? { type: 'openPerson', person } : { type: 'openPerson', person, project }),
    peopleRendered: (message) => api.postMessage(message),
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}

/** The poster block of an exported file (`roadmap-poster`), if it has one this page can draw. */
export function readPoster(element: HTMLElement | null): RoadmapPoster | undefined {
  if (!element) return undefined;
  try {
    const poster = JSON.parse(element.textContent ?? 'null') as RoadmapPoster | null;
    return poster?.version === 1 && poster.outline?.version === 1 ? poster : undefined;
  } catch {
    // Drawn without a poster: the outline and the details say what is wrong, if anything is.
    return undefined;
  }
}

/**
 * The exported file: the model in data blocks before this script — the outline (`roadmap-outline`,
 * JSON) is parsed and drawn first (after the poster, when the file has one: main.ts); the details
 * (`roadmap-details`, gzipped JSON in base64) are unpacked once that frame is on screen.
 */
export function exportHost(outlineElement: HTMLElement): Host {
  let state: unknown;
  return {
    kind: 'export',
    listen(listener) {
      // After a poster, its data was the first the page had.
      if (performance.getEntriesByName('roadmap:data').length === 0) performance.mark('roadmap:data');
      const outline = JSON.parse(outlineElement.textContent ?? 'null') as RoadmapOutline;
      listener.outline(outline);
      const details = async () => {
        performance.mark('roadmap:details');
        try {
          listener.model(joinRoadmap(outline, await readDetails(document.getElementById('roadmap-details'))));
        } catch (error) {
          listener.failed(error instanceof Error ? error.message : String(error));
        }
      };
      // Reading the details while the bars are painted would take the CPU that paints them.
      requestAnimationFrame(() => whenPainted(() => whenLoaded(() => void details())));
    },
    open: () => {},
    stopComparing: () => {},
    copy: async (format, model) => {
      const text = format === 'csv' ? rollupCsv(model.rollup) : rollupMarkdown(model.rollup);
      await writeClipboard(text);
      return copied(format);
    },
    rendered: () => {},
    hasPeople: false,
    people: () => {},
    openPerson: () => {},
    peopleRendered: () => {},
    getState: () => state,
    setState: (next) => {
      state = next;
    },
  };
}

/** The details block of an exported file: gzipped JSON in base64. */
async function readDetails(element: HTMLElement | null): Promise<RoadmapDetails> {
  if (!element) throw new Error('The figures are missing from this file (it was cut short?): write it again with plan-as-code render.');
  if (typeof DecompressionStream === 'undefined') throw new Error('This browser cannot unpack the figures of this file: open it in a current Chrome, Edge, Firefox or Safari.');
  const binary = atob(element.textContent ?? '');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const json = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  return JSON.parse(json) as RoadmapDetails;
}

/** Calls back once the HTML parser has read the whole page. */
function whenLoaded(then: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then, { once: true });
  else then();
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
