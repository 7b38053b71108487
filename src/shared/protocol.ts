/**
 * Every message between the extension and the roadmap webview: one union each way, keyed on `type`.
 * Messages from the webview are untrusted input: `parseWebviewMessage` accepts only well-formed ones
 * and, for `open`, only ids the roadmap actually shows.
 */
import type { RoadmapComparison, RoadmapModel, RoadmapOutline } from '../core';

/** Extension → webview. */
export type ToWebview =
  /** The first frame's part of the model: sent to a page that has just said `ready`, before the model. */
  | { readonly type: 'outline'; readonly outline: RoadmapOutline }
  /** The roadmap to draw (state: the page always has the latest). */
  | { readonly type: 'model'; readonly model: RoadmapModel }
  /** Show one lane only (`program:<id>`), as the Plans view's "Open Roadmap" on a program asks (an event). */
  | { readonly type: 'focus'; readonly lane: string }
  /** The revision the roadmap is compared with, or null when not comparing (state, sent with each model). */
  | { readonly type: 'comparison'; readonly comparison: RoadmapComparison | null };

export type CopyFormat = 'markdown' | 'csv';

/** Webview → extension. */
export type FromWebview =
  /** The script is running and wants the model. */
  | { readonly type: 'ready' }
  /** Reveal where a project, program or milestone is defined. */
  | { readonly type: 'open'; readonly id: string }
  /** Put the rollup table on the clipboard. */
  | { readonly type: 'copy'; readonly format: CopyFormat }
  /**
   * A model was drawn: how many project bars it has and how many bar elements are in the DOM; while
   * comparing, how many ghost bars and slip labels are drawn and how many table rows have Δ cells.
   */
  | { readonly type: 'rendered'; readonly bars: number; readonly drawn: number; readonly rows: number; readonly ghosts?: number; readonly deltas?: number }
  /** The user stopped comparing from the page. */
  | { readonly type: 'stopComparing' };

const MAX_ID_LENGTH = 1000;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000_000;

/**
 * The message, when it is one the webview may send and every field is as expected; else undefined.
 * `isKnownId` says whether an id is one the roadmap shows (others are never opened).
 */
export function parseWebviewMessage(value: unknown, isKnownId: (id: string) => boolean): FromWebview | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  // Own properties only: a structured clone is a plain object, and nothing may come from a prototype.
  const message: Record<string, unknown> = Object.fromEntries(Object.entries(value));
  const keys = Object.keys(message);
  const only = (...allowed: string[]) => keys.every((key) => allowed.includes(key));
  switch (message.type) {
    case 'ready':
      return only('type') ? { type: 'ready' } : undefined;
    case 'open':
      return only('type', 'id') && typeof message.id === 'string' && message.id.length <= MAX_ID_LENGTH && isKnownId(message.id)
        ? { type: 'open', id: message.id }
        : undefined;
    case 'copy':
      return only('type', 'format') && (message.format === 'markdown' || message.format === 'csv') ? { type: 'copy', format: message.format } : undefined;
    case 'rendered': {
      if (!only('type', 'bars', 'drawn', 'rows', 'ghosts', 'deltas') || !isCount(message.bars) || !isCount(message.drawn) || !isCount(message.rows)) return undefined;
      const counts = { type: 'rendered' as const, bars: message.bars, drawn: message.drawn, rows: message.rows };
      if (message.ghosts === undefined && message.deltas === undefined) return counts;
      return isCount(message.ghosts) && isCount(message.deltas) ? { ...counts, ghosts: message.ghosts, deltas: message.deltas } : undefined;
    }
    case 'stopComparing':
      return only('type') ? { type: 'stopComparing' } : undefined;
    default:
      return undefined;
  }
}
