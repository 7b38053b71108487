/**
 * The layout mistakes people make in block YAML, found line by line: a tab used as indentation, a key
 * or list item indented unlike its neighbours, a key written without its ':' or the space after it,
 * ': ' or a reserved first character (`@`, a backtick) in a plain value, text after a list's or quote's
 * end, a list, mapping or quote left open on its line. For each: one message on the offending line, the
 * text that fixes it, and how to read the line meanwhile (an edit of the text), so the rest of the
 * document reads as it was meant.
 *
 * Only run on text the YAML parser rejected (see recovery.ts): valid YAML is never second-guessed. The
 * scan follows the block structure (a stack of open mappings and lists by column), skips what it does
 * not judge (block scalars, multi-line flow collections and quotes, complex keys) and leaves whatever
 * it cannot place to the parser.
 */
import type { Span } from '../base/positions';
import { messages } from '../base/messages';

/** Replace `[start, end)` of the text with `text`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface LayoutMistake {
  /** What to underline (original offsets): the indentation and the key or dash, or the open text. */
  readonly span: Span;
  readonly message: string;
  /** What the span should say instead (a quick fix); absent when there is no one obvious fix. */
  readonly fix?: string;
  /** How the line is read meanwhile. */
  readonly edit: Edit;
  /** Set when the line is not read: the key it was meant to give ('*' when unknown). */
  readonly lost?: string;
}

interface Level {
  col: number;
  readonly kind: 'map' | 'seq';
  /** The last key written at this level (maps), to say what to line a key up with. */
  lastKey?: string;
  /** The line that opened the level, and how many lines stand at it. */
  readonly firstLine: number;
  lines: number;
}

/** A line read at another indentation than written: the lines nested under it move with it. */
interface Shift {
  /** The column it was written at: only lines written deeper than this can be nested under it. */
  readonly above: number;
  readonly delta: number;
}

/** A line that opened a block (`key:` or `-` with nothing after): what its children must be deeper than. */
interface Opener {
  readonly col: number;
  /** `key:` (a list may then start at the key's own column) rather than `-` or the document start. */
  readonly byKey: boolean;
}

interface Line {
  readonly start: number;
  /** End of the line's text (before `\r\n` or `\n`). */
  readonly end: number;
  /** First character after the leading spaces and tabs. */
  readonly content: number;
  readonly hasTab: boolean;
}

/** `key:` at the start of a line: quoted, or plain (spaces allowed inside, as YAML does). */
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:,[\]{}"'&*!|>%@`?-][^:#]*?|-[^\s:]+)[ \t]*:(?=[ \t]|$)/;
const WORD_THEN_VALUE = /^([A-Za-z_][A-Za-z0-9_.-]*)[ \t]+([^\s#:][^#]*?)\s*(?:#.*)?$/;
const TAB_WIDTHS = [2, 4, 8];

/**
 * The layout mistakes of `text`, and the edits that move the lines nested under a line read at
 * another indentation along with it (no mistake of their own).
 */
export function findLayoutMistakes(text: string): { mistakes: LayoutMistake[]; moves: Edit[] } {
  return new LayoutScan(text).run();
}

class LayoutScan {
  private readonly lines: Line[] = [];
  private readonly mistakes: LayoutMistake[] = [];
  private readonly moves: Edit[] = [];
  /** The shifts in effect at the current line, innermost last. */
  private shifts: Shift[] = [];
  /** How far the current line is read from where it is written (its nested text moves with it). */
  private lineDelta = 0;
  private stack: Level[] = [];
  private opener: Opener | undefined;
  /** A plain scalar ended the last entry at this column: deeper lines that are not keys continue it. */
  private continuesAbove: number | undefined;

  constructor(private readonly text: string) {
    for (let start = 0; start <= text.length; ) {
      let next = text.indexOf('\n', start);
      if (next === -1) next = text.length;
      const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      let content = start;
      let hasTab = false;
      for (; content < end; content++) {
        const c = text.charCodeAt(content);
        if (c === 9) hasTab = true;
        else if (c !== 32) break;
      }
      this.lines.push({ start, end, content, hasTab });
      if (next === text.length) break;
      start = next + 1;
    }
  }

  run(): { mistakes: LayoutMistake[]; moves: Edit[] } {
    this.startDocument();
    for (let i = 0; i < this.lines.length; i++) i = this.line(i);
    return { mistakes: this.mistakes, moves: this.moves };
  }

  /** Line `i` is read `delta` columns from where it is written, with no mistake of its own. */
  private move(i: number, delta: number): void {
    const line = this.lines[i];
    if (delta === 0 || line.hasTab || line.content === line.end) return;
    this.moves.push({ start: line.start, end: line.content, text: ' '.repeat(Math.max(0, line.content - line.start + delta)) });
  }

  private startDocument(): void {
    this.shifts = [];
    this.stack = [];
    this.opener = { col: -1, byKey: false };
    this.continuesAbove = undefined;
  }

  /** Reads line `i`; returns the index of the last line it consumed. */
  private line(i: number): number {
    const line = this.lines[i];
    const { text } = this;
    if (line.content === line.end || text.charCodeAt(line.content) === 35) return i; // blank or comment
    if (line.content === line.start && /^(?:---|\.\.\.)(?:[ \t]|$)/.test(text.slice(line.start, line.end))) {
      this.startDocument();
      return i;
    }
    if (line.content === line.start && text.charCodeAt(line.start) === 37) return i; // a %directive
    const shape = this.shapeAt(line.content, line.end);
    if (shape === 'other') return i; // `?` complex keys and the like: the parser's business

    const kind = shape === 'dash' ? 'seq' : 'map';
    const written = line.content - line.start;
    // Under a line read at another indentation, a line moves with it — unless it fits as written.
    while (this.shifts.length > 0 && (line.hasTab || written <= this.shifts[this.shifts.length - 1].above)) this.shifts.pop();
    let col = written;
    if (this.shifts.length > 0) {
      if (shape !== 'scalar' && this.fits(written, kind)) this.shifts = [];
      else col = written + this.shifts[this.shifts.length - 1].delta;
    }
    this.lineDelta = col - written;
    if (shape === 'scalar') {
      this.move(i, this.lineDelta);
      return this.scalarLine(i, col);
    }

    let target = col;
    if (line.hasTab) {
      const placed = this.placeTabbed(i, kind);
      if (placed === undefined) return i;
      target = placed.col;
      this.report(i, messages.tabIndent(target, placed.sibling), target);
      this.lineDelta = 0; // what is nested under a tabbed line is judged on its own
    } else {
      const placed = this.place(i, col, kind);
      if (placed === undefined) return i;
      if (placed.col !== col) {
        target = placed.col;
        const key = shape === 'dash' ? undefined : this.keyAt(line.content, line.end)?.name;
        this.report(i, key === undefined ? messages.misindentedItem(written, target) : messages.misindentedKey(key, written, target, placed.sibling), target);
      } else {
        this.move(i, this.lineDelta);
      }
      this.lineDelta = target - written;
      if (this.lineDelta !== 0) this.shifts.push({ above: written, delta: this.lineDelta });
    }
    return this.entries(i, line.content, target);
  }

  /** Whether a line at `col` of `kind` stands where the structure has room for it, as it is. */
  private fits(col: number, kind: Level['kind']): boolean {
    const opener = this.opener;
    if (opener && (col > opener.col || (col === opener.col && kind === 'seq' && opener.byKey))) return true;
    return this.stack.some((l) => l.col === col && l.kind === kind);
  }

  /** The entries written on line `i` from `at` (column `col`, already placed): dashes, then a key or a scalar. */
  private entries(i: number, at: number, col: number): number {
    const line = this.lines[i];
    const { text } = this;
    // `- - key: v`: each dash opens a list item, the last one holds what follows.
    while (text.charCodeAt(at) === 45 && (at + 1 === line.end || /[ \t]/.test(text[at + 1]))) {
      const inner = skipBlanks(text, at + 1, line.end);
      if (inner === line.end || text.charCodeAt(inner) === 35) {
        this.opener = { col, byKey: false };
        this.continuesAbove = undefined;
        return i;
      }
      const innerCol = col + (inner - at);
      const shape = this.shapeAt(inner, line.end);
      if (shape === 'dash') this.stack.push({ col: innerCol, kind: 'seq', firstLine: i, lines: 1 });
      else if (shape === 'key') this.stack.push({ col: innerCol, kind: 'map', firstLine: i, lines: 1 });
      else return this.value(i, inner, col);
      at = inner;
      col = innerCol;
    }
    const key = this.keyAt(at, line.end)!;
    this.stack[this.stack.length - 1].lastKey = key.name;
    return this.value(i, key.valueStart, col, key.name);
  }

  /** The value from `at` on line `i` of an entry at column `col`: what the following lines may be. */
  private value(i: number, at: number, col: number, key?: string): number {
    const line = this.lines[i];
    const { text } = this;
    this.continuesAbove = undefined;
    // Anchors and tags say nothing about layout.
    while (/[&!]/.test(text[at] ?? '')) {
      while (at < line.end && !/[ \t]/.test(text[at])) at++;
      at = skipBlanks(text, at, line.end);
    }
    if (at === line.end || text.charCodeAt(at) === 35) {
      this.opener = { col, byKey: key !== undefined };
      return i;
    }
    this.opener = undefined;
    const c = text[at];
    if (c === '|' || c === '>') return this.skipDeeper(i, col - this.lineDelta); // block scalar: its lines are text
    if (c === '@' || c === '`') {
      // Reserved in YAML: `owner: @alice` needs quotes.
      const end = trimmedEnd(text, at, line.end, true);
      const quoted = `'${text.slice(at, end).replace(/'/g, "''")}'`;
      this.mistakes.push({ span: [at, end], message: messages.reservedStart(c), fix: quoted, edit: { start: at, end, text: quoted } });
      return i;
    }
    if (c === '[' || c === '{' || c === '"' || c === "'") {
      const open = stillOpen(text, at, line.end);
      if (open.closers.length === 0) {
        // Closed, but more written after it on the line (`[a, b]]`, `"Beta" release`).
        const rest = skipBlanks(text, open.closedAt!, line.end);
        const end = trimmedEnd(text, at, line.end, true);
        if (rest < end) {
          const closer = text[open.closedAt! - 1];
          this.mistakes.push({ span: [rest, end], message: messages.textAfterClose(closer), fix: '', edit: { start: open.closedAt!, end, text: '' } });
        }
        return i;
      }
      // Open at the end of the line: continued on deeper lines, or left open by mistake.
      const next = this.nextContent(i);
      if (next !== undefined && this.colOf(next) > col - this.lineDelta && !this.lines[next].hasTab) return this.skipUntilClosed(next, open.closers);
      const closing = [...open.closers].reverse().join('');
      const quote = open.closers[0] === '"' || open.closers[0] === "'";
      const end = trimmedEnd(text, at, line.end, !quote);
      this.mistakes.push({
        span: [at, end],
        message: quote ? messages.unclosedQuote(open.closers[0]) : messages.unclosedFlow(open.bracket!, closing),
        fix: text.slice(at, end) + closing,
        edit: { start: end, end, text: closing },
      });
      return i;
    }
    // A plain value with ': ' in it reads as a mapping inside a value: it needs quotes.
    const end = trimmedEnd(text, at, line.end, true);
    const value = text.slice(at, end);
    if (key !== undefined && /:(?:[ \t]|$)/.test(value) && c !== '*') {
      const quoted = `'${value.replace(/'/g, "''")}'`;
      this.mistakes.push({ span: [at, end], message: messages.colonInValue(key), fix: quoted, edit: { start: at, end, text: quoted } });
    }
    this.continuesAbove = col;
    return i;
  }

  /** A line that is neither a key nor a list item. */
  private scalarLine(i: number, col: number): number {
    const line = this.lines[i];
    const { text } = this;
    if (this.opener && col > this.opener.col && !line.hasTab) {
      this.opener = undefined; // `key:` then its value on the next line
      this.continuesAbove = col;
      return i;
    }
    if (this.continuesAbove !== undefined && col > this.continuesAbove) return i; // a plain scalar goes on
    const level = line.hasTab ? undefined : this.stack.find((l) => l.col === col && l.kind === 'map');
    if (!level) return i;
    // A line in a mapping that is not `key: value`: most likely the ':' or the space after it is missing.
    const end = trimmedEnd(text, line.content, line.end, true);
    this.opener = undefined;
    this.continuesAbove = undefined;
    const glued = /^([A-Za-z_][A-Za-z0-9_.-]*):(\S.*)$/.exec(text.slice(line.content, end));
    if (glued) {
      const colon = line.content + glued[1].length + 1;
      this.mistakes.push({ span: [line.content, end], message: messages.missingSpace(glued[1], glued[2]), fix: `${glued[1]}: ${glued[2]}`, edit: { start: colon, end: colon, text: ' ' } });
      this.continuesAbove = col;
      return i;
    }
    const words = WORD_THEN_VALUE.exec(text.slice(line.content, line.end));
    this.mistakes.push({
      span: [line.content, end],
      message: words ? messages.missingColon(words[1], words[2]) : messages.notAnEntry(),
      fix: words ? `${words[1]}: ${words[2]}` : undefined,
      edit: { start: line.content, end: line.end, text: '' }, // recovery.ts puts a placeholder key here
      lost: words ? words[1] : '*',
    });
    return i;
  }

  /**
   * Where line `i`, at `col`, of `kind` belongs: the new level of an open block, a sibling, or — when no
   * level is at its column — the nearest level of its kind (the deeper of two equally near). When the
   * line just before opened its level and this line and the next agree on another column, that first
   * line is the one out of line.
   */
  private place(i: number, col: number, kind: Level['kind']): { col: number; sibling?: string } | undefined {
    const opener = this.opener;
    this.opener = undefined;
    this.continuesAbove = undefined;
    if (opener && (col > opener.col || (col === opener.col && kind === 'seq' && opener.byKey))) {
      this.stack.push({ col, kind, firstLine: i, lines: 1 });
      return { col };
    }
    const same = this.stack.findIndex((l) => l.col === col && l.kind === kind);
    if (same !== -1) {
      this.stack.length = same + 1;
      this.stack[same].lines++;
      return { col };
    }
    // In line with a list where a key is due, or the reverse: no telling what was meant.
    if (this.stack.some((l) => l.col === col)) return undefined;
    const top = this.stack.length - 1;
    const parentCol = top > 0 ? this.stack[top - 1].col : -1;
    const level = this.stack[top];
    if (level && level.kind === kind && level.lines === 1 && this.previousContent(i) === level.firstLine && parentCol < col && col < level.col) {
      const next = this.nextContent(i);
      if (next !== undefined && !this.lines[next].hasTab && this.colOf(next) === col) {
        this.blameFirst(level, col, i);
        return { col };
      }
    }
    let best = -1;
    for (let j = 0; j < this.stack.length; j++) {
      const l = this.stack[j];
      if (l.kind !== kind) continue;
      if (best === -1 || Math.abs(l.col - col) <= Math.abs(this.stack[best].col - col)) best = j;
    }
    if (best === -1) return undefined;
    const chosen = this.stack[best];
    this.stack.length = best + 1;
    chosen.lines++;
    return { col: chosen.col, sibling: chosen.lastKey };
  }

  /** The first line of `level` is the one out of line: it moves to `col`, where line `i` stands. */
  private blameFirst(level: Level, col: number, i: number): void {
    const first = this.lines[level.firstLine];
    const written = first.content - first.start;
    const key = this.keyAt(first.content, first.end)?.name;
    const below = this.keyAt(this.lines[i].content, this.lines[i].end)?.name;
    this.report(level.firstLine, key === undefined ? messages.misindentedItem(written, col) : messages.misindentedKey(key, written, col, below, 'below'), col);
    level.col = col;
    level.lines++;
  }

  /**
   * Where a tab-indented line belongs: among the levels it could line up with (the new level of an
   * open block first, then the open levels from the innermost out), the first whose column the tabs
   * would give at a tab width of 2, 4 or 8; else the innermost.
   */
  private placeTabbed(i: number, kind: Level['kind']): { col: number; sibling?: string } | undefined {
    const line = this.lines[i];
    const widths = TAB_WIDTHS.map((width) => visualWidth(this.text, line.start, line.content, width));
    const candidates: Array<{ col: number; level?: number }> = [];
    const opener = this.opener;
    if (opener) {
      const next = this.nextContent(i);
      const nextCol = next !== undefined && !this.lines[next].hasTab ? this.colOf(next) : undefined;
      candidates.push({ col: nextCol !== undefined && nextCol > opener.col ? nextCol : opener.col < 0 ? 0 : opener.col + 2 });
    }
    for (let j = this.stack.length - 1; j >= 0; j--) if (this.stack[j].kind === kind) candidates.push({ col: this.stack[j].col, level: j });
    if (candidates.length === 0) return undefined;
    const chosen = candidates.find((c) => widths.includes(c.col)) ?? candidates[0];
    this.opener = undefined;
    this.continuesAbove = undefined;
    if (chosen.level === undefined) {
      this.stack.push({ col: chosen.col, kind, firstLine: i, lines: 1 });
      return { col: chosen.col };
    }
    const level = this.stack[chosen.level];
    this.stack.length = chosen.level + 1;
    level.lines++;
    return { col: level.col, sibling: level.lastKey };
  }

  /** Reports line `i` as indented wrongly, read as indented `target` spaces. */
  private report(i: number, message: string, target: number): void {
    const line = this.lines[i];
    const key = this.keyAt(line.content, line.end);
    const end = key ? line.content + key.name.length : line.content + 1;
    const indent = ' '.repeat(target);
    this.mistakes.push({
      span: [line.start, Math.min(end, line.end)],
      message,
      fix: indent + this.text.slice(line.content, Math.min(end, line.end)),
      edit: { start: line.start, end: line.content, text: indent },
    });
  }

  private shapeAt(at: number, end: number): 'dash' | 'key' | 'scalar' | 'other' {
    const c = this.text.charCodeAt(at);
    if (c === 45 && (at + 1 === end || /[ \t]/.test(this.text[at + 1]))) return 'dash';
    if (c === 63 && (at + 1 === end || /[ \t]/.test(this.text[at + 1]))) return 'other';
    return KEY.test(this.text.slice(at, end)) ? 'key' : 'scalar';
  }

  private keyAt(at: number, end: number): { name: string; valueStart: number } | undefined {
    const match = KEY.exec(this.text.slice(at, end));
    if (!match) return undefined;
    const raw = match[1];
    const name = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
    return { name, valueStart: skipBlanks(this.text, at + match[0].length, end) };
  }

  private colOf(i: number): number {
    return this.lines[i].content - this.lines[i].start;
  }

  /** The line with content before line `i`, if any. */
  private previousContent(i: number): number | undefined {
    for (let j = i - 1; j >= 0; j--) {
      const line = this.lines[j];
      if (line.content !== line.end && this.text.charCodeAt(line.content) !== 35) return j;
    }
    return undefined;
  }

  /** The next line with content (not blank, not a comment), if any. */
  private nextContent(i: number): number | undefined {
    for (let j = i + 1; j < this.lines.length; j++) {
      const line = this.lines[j];
      if (line.content !== line.end && this.text.charCodeAt(line.content) !== 35) return j;
    }
    return undefined;
  }

  /** Skips the lines written deeper than `written` (and blank lines) after line `i`: a block scalar's text. */
  private skipDeeper(i: number, written: number): number {
    let last = i;
    for (let j = i + 1; j < this.lines.length; j++) {
      const line = this.lines[j];
      if (line.content === line.end) continue;
      if (line.hasTab || this.colOf(j) <= written) break;
      this.move(j, this.lineDelta);
      last = j;
    }
    return last;
  }

  /** Skips lines from `from` until the brackets and quotes still open (`closers`, innermost last) close. */
  private skipUntilClosed(from: number, closers: readonly string[]): number {
    const depth = [...closers];
    for (let j = from; j < this.lines.length; j++) {
      const line = this.lines[j];
      for (let k = line.content; k < line.end && depth.length > 0; k++) {
        const c = this.text[k];
        const top = depth[depth.length - 1];
        if (top === '"' || top === "'") {
          if (c === '\\' && top === '"') k++;
          else if (c === top) depth.pop();
        } else if (c === '#' && (k === line.content || /[ \t]/.test(this.text[k - 1]))) break;
        else if (c === '"' || c === "'") depth.push(c);
        else if (c === '[') depth.push(']');
        else if (c === '{') depth.push('}');
        else if (c === top) depth.pop();
      }
      this.move(j, this.lineDelta);
      if (depth.length === 0) return j;
    }
    return this.lines.length - 1;
  }
}

function skipBlanks(text: string, from: number, end: number): number {
  while (from < end && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
  return from;
}

/** The column the leading spaces and tabs of a line reach at a tab width. */
function visualWidth(text: string, start: number, end: number, tabWidth: number): number {
  let width = 0;
  for (let k = start; k < end; k++) width = text.charCodeAt(k) === 9 ? (Math.floor(width / tabWidth) + 1) * tabWidth : width + 1;
  return width;
}

/**
 * What the flow collection or quote starting at `at` leaves open at the end of its line: the closers
 * it still waits for, innermost last, and its first bracket; or, when it closes, where.
 */
function stillOpen(text: string, at: number, end: number): { closers: string[]; bracket?: string; closedAt?: number } {
  const closers: string[] = [];
  let bracket: string | undefined;
  for (let k = at; k < end; k++) {
    const c = text[k];
    const top = closers[closers.length - 1];
    if (top === '"' || top === "'") {
      if (c === '\\' && top === '"') k++;
      else if (c === top) {
        if (top === "'" && text[k + 1] === "'") k++;
        else closers.pop();
      }
    } else if (c === '#' && k > at && /[ \t]/.test(text[k - 1])) {
      break;
    } else if (c === '"' || c === "'") {
      if (closers.length === 0 && k !== at) continue; // a quote inside a plain scalar
      closers.push(c);
    } else if (c === '[' || c === '{') {
      bracket ??= c;
      closers.push(c === '[' ? ']' : '}');
    } else if (c === top) {
      closers.pop();
    }
    if (closers.length === 0) return { closers, closedAt: k + 1 };
  }
  return { closers, bracket };
}

/** The end of the text from `at` on its line, before trailing blanks (and a ` #` comment when `comments`). */
function trimmedEnd(text: string, at: number, end: number, comments: boolean): number {
  let stop = end;
  if (comments) {
    for (let k = at + 1; k < end; k++) {
      if (text.charCodeAt(k) === 35 && /[ \t]/.test(text[k - 1])) {
        stop = k;
        break;
      }
    }
  }
  while (stop > at && /[ \t]/.test(text[stop - 1])) stop--;
  return stop;
}
