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
  readonly col: number;
  readonly kind: 'map' | 'seq';
  /** The last key written at this level (maps), to say what to line a key up with. */
  lastKey?: string;
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
    if (line.content > line.start && /^---(?:[ \t]*(?:#.*)?)$/.test(text.slice(line.content, line.end))) {
      // `---` starts a document only at the start of its line.
      this.mistakes.push({ span: [line.start, line.content + 3], message: messages.indentedDocumentStart(), fix: '---', edit: { start: line.start, end: line.content, text: '' } });
      this.startDocument();
      return i;
    }
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
        this.report(i, key === undefined ? messages.misindentedItem(written, target) : messages.misindentedKey(key, written, target, placed.sibling, placed.below ? 'below' : 'above'), target);
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
      if (shape === 'dash') this.stack.push({ col: innerCol, kind: 'seq' });
      else if (shape === 'key') this.stack.push({ col: innerCol, kind: 'map' });
      else if (this.itemKeyFollows(i, inner - line.start)) {
        // `- id:psp` or `- id psp` with keys under it: a mapping item whose first key is written wrong.
        this.stack.push({ col: innerCol, kind: 'map' });
        return this.brokenEntry(i, inner, innerCol);
      } else return this.value(i, inner, col);
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
    if (key !== undefined && c !== '|' && c !== '>' && this.hasEntriesUnder(i, col)) {
      // `project: "` or `team: none` with entries under it: the value is the mistake; read it as `key:`.
      const end = trimmedEnd(text, at, line.end, true);
      let colon = at; // just after the ':', before the blanks
      while (colon > line.start && /[ \t]/.test(text[colon - 1])) colon--;
      this.mistakes.push({ span: [at, end], message: messages.valueWithEntries(key, text.slice(at, end)), fix: '', edit: { start: colon, end, text: '' } });
      this.opener = { col, byKey: true };
      return i;
    }
    if (c === '|' || c === '>') {
      // Block text: its header is '|' or '>' with at most an indentation digit and '+' or '-'.
      const header = /^[|>][1-9+-]{0,2}/.exec(text.slice(at, line.end))![0];
      const rest = skipBlanks(text, at + header.length, line.end);
      const end = trimmedEnd(text, at, line.end, true);
      if (rest < end && text.charCodeAt(rest) !== 35) {
        this.mistakes.push({ span: [at + header.length, end], message: messages.textAfterBlockHeader(header), fix: '', edit: { start: at + header.length, end, text: '' } });
      }
      return this.skipDeeper(i, col);
    }
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
      // Open at the end of the line: continued on deeper lines (and closed there), or left open by mistake.
      const next = this.nextContent(i);
      // Text in quotes that goes on with `key:` lines is rather a quote left open.
      const quoted = open.closers[0] === '"' || open.closers[0] === "'";
      const structure = next !== undefined && this.shapeAt(this.lines[next].content, this.lines[next].end) !== 'scalar';
      if (next !== undefined && this.colOf(next) > col - this.lineDelta && !this.lines[next].hasTab && !(quoted && structure)) {
        const closedOn = this.closingLine(next, open.closers);
        if (closedOn !== undefined) {
          for (let j = next; j <= closedOn; j++) this.move(j, this.lineDelta);
          return closedOn;
        }
      }
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

  /**
   * Whether entries (keys or list items) are written under line `i` (an entry at `col` with a value):
   * two or more lines deeper than it, the first of them 2 or more deeper — a single line 1 deeper is
   * rather a sibling out of line.
   */
  private hasEntriesUnder(i: number, col: number): boolean {
    const first = this.nextContent(i);
    if (first === undefined || this.lines[first].hasTab) return false;
    const shape = this.shapeAt(this.lines[first].content, this.lines[first].end);
    const written = col - this.lineDelta;
    if (shape === 'scalar' || shape === 'other' || this.colOf(first) < written + 2) return false;
    const second = this.nextContent(first);
    return second !== undefined && (this.lines[second].hasTab || this.colOf(second) > written);
  }

  /** A line that is neither a key nor a list item. */
  private scalarLine(i: number, col: number): number {
    const line = this.lines[i];
    if (this.opener && col > this.opener.col && !line.hasTab) {
      // `key:` then its value on the next line — unless keys follow at its column: then it is the first
      // entry of a mapping, written wrong.
      this.opener = undefined;
      if (!this.itemKeyFollows(i, line.content - line.start)) {
        this.continuesAbove = col;
        return i;
      }
      this.stack.push({ col, kind: 'map' });
    }
    if (this.continuesAbove !== undefined && col > this.continuesAbove) return i; // a plain scalar goes on
    const level = line.hasTab ? -1 : this.stack.findIndex((l) => l.col === col && l.kind === 'map');
    if (level === -1) return i;
    this.stack.length = level + 1;
    return this.brokenEntry(i, line.content, col);
  }

  /** Whether the line after line `i` is a key written at `written` spaces: then line `i` begins that mapping. */
  private itemKeyFollows(i: number, written: number): boolean {
    const next = this.nextContent(i);
    return next !== undefined && !this.lines[next].hasTab && this.colOf(next) === written && this.shapeAt(this.lines[next].content, this.lines[next].end) === 'key';
  }

  /** An entry of a mapping, from `at` on line `i` (column `col`), that is not `key: value`: most likely the ':' or the space after it is missing. */
  private brokenEntry(i: number, at: number, col: number): number {
    const line = this.lines[i];
    const { text } = this;
    const end = trimmedEnd(text, at, line.end, true);
    this.opener = undefined;
    this.continuesAbove = undefined;
    const glued = /^([A-Za-z_][A-Za-z0-9_.-]*):([\w"'[{(.$€£+-].*)$/.exec(text.slice(at, end));
    if (glued) {
      const colon = at + glued[1].length + 1;
      this.stack[this.stack.length - 1].lastKey = glued[1];
      this.mistakes.push({ span: [at, end], message: messages.missingSpace(glued[1], glued[2]), fix: `${glued[1]}: ${glued[2]}`, edit: { start: colon, end: colon, text: ' ' } });
      this.continuesAbove = col;
      return i;
    }
    const lone = /^([A-Za-z_][A-Za-z0-9_.-]*)$/.exec(text.slice(at, end));
    const next = this.nextContent(i);
    if (lone && next !== undefined && !this.lines[next].hasTab && this.colOf(next) > at - line.start) {
      // `milestones` with its list under it: the ':' is all that is missing.
      const colon = at + lone[1].length;
      this.stack[this.stack.length - 1].lastKey = lone[1];
      this.mistakes.push({ span: [at, end], message: messages.missingColonOfBlock(lone[1]), fix: `${lone[1]}:`, edit: { start: colon, end: colon, text: ':' } });
      this.opener = { col, byKey: true };
      return i;
    }
    const words = WORD_THEN_VALUE.exec(text.slice(at, line.end));
    // The lines written under it are not read either (nor judged): its placeholder takes them all.
    let last = i;
    for (let j = i + 1; j < this.lines.length; j++) {
      const under = this.lines[j];
      if (under.content === under.end) continue;
      if (!under.hasTab && this.colOf(j) <= at - line.start) break;
      last = j;
    }
    this.mistakes.push({
      span: [at, end],
      message: words ? messages.missingColon(words[1], words[2]) : messages.notAnEntry(),
      fix: words ? `${words[1]}: ${words[2]}` : undefined,
      edit: { start: at, end: this.lines[last].end, text: '' }, // recovery.ts puts a placeholder key here
      lost: words ? words[1] : '*',
    });
    return last;
  }

  /**
   * Where line `i`, at `col`, of `kind` belongs: the new level of an open block (at the column most of
   * its entries share), a sibling, or — when no level is at its column — the nearest level of its kind
   * (the deeper of two equally near).
   */
  private place(i: number, col: number, kind: Level['kind']): { col: number; sibling?: string; below?: boolean } | undefined {
    const opener = this.opener;
    this.opener = undefined;
    this.continuesAbove = undefined;
    if (opener && (col > opener.col || (col === opener.col && kind === 'seq' && opener.byKey))) {
      const shared = this.sharedColumn(i, col, opener.col, kind);
      this.stack.push({ col: shared.col, kind });
      return shared.col === col ? { col } : { col: shared.col, sibling: shared.sibling, below: true };
    }
    const same = this.stack.findIndex((l) => l.col === col && l.kind === kind);
    if (same !== -1) {
      this.stack.length = same + 1;
      return { col };
    }
    // In line with a list where a key is due, or the reverse: no telling what was meant.
    if (this.stack.some((l) => l.col === col)) return undefined;
    let best = -1;
    for (let j = 0; j < this.stack.length; j++) {
      const l = this.stack[j];
      if (l.kind !== kind) continue;
      if (best === -1 || Math.abs(l.col - col) <= Math.abs(this.stack[best].col - col)) best = j;
    }
    if (best === -1) return undefined;
    const chosen = this.stack[best];
    this.stack.length = best + 1;
    return { col: chosen.col, sibling: chosen.lastKey };
  }

  /**
   * The column of a new block whose first entry (line `i`) stands at `col`: the column most of its
   * entries of that kind share, from 2 spaces less to 1 more (deeper lines are nested ones), when the
   * first is alone at its column; else `col`. With the key of the first entry there, to line up with.
   */
  private sharedColumn(i: number, col: number, openerCol: number, kind: Level['kind']): { col: number; sibling?: string } {
    const written = this.lines[i].content - this.lines[i].start;
    const counts = new Map<number, { count: number; sibling?: string }>();
    for (let j = i + 1; j < this.lines.length; j++) {
      const line = this.lines[j];
      if (line.content === line.end || this.text.charCodeAt(line.content) === 35 || line.hasTab) continue;
      const at = this.colOf(j);
      if (at <= openerCol) break;
      if (at < written - 2 || at > written + 1) continue;
      const shape = this.shapeAt(line.content, line.end);
      if ((shape === 'dash') !== (kind === 'seq') || shape === 'scalar' || shape === 'other') continue;
      const entry = counts.get(at) ?? { count: 0, sibling: kind === 'map' ? this.keyAt(line.content, line.end)?.name : undefined };
      entry.count++;
      counts.set(at, entry);
    }
    if (counts.has(written)) return { col };
    // A document's keys start at column 0 when any does.
    if (openerCol < 0 && counts.has(0)) return { col: col - written, sibling: counts.get(0)!.sibling };
    // A list item's own keys, on the lines after it, say where its dash belongs: one vote per key.
    if (kind === 'seq') this.voteByItemKeys(i, openerCol, counts);
    // Two entries that disagree: the one 2 spaces in from the block's key is right.
    const standard = openerCol < 0 ? 0 : openerCol + 2;
    let best: { at: number; count: number; sibling?: string } | undefined;
    for (const [at, entry] of counts) {
      if (at < openerCol || (at === openerCol && kind === 'map')) continue;
      const enough = entry.count >= 2 || (at === standard && written !== standard);
      if (enough && (!best || entry.count > best.count)) best = { at, ...entry };
    }
    return best ? { col: best.at + (col - written), sibling: best.sibling } : { col };
  }

  /** Adds, for the list item on line `i`, a vote per key line under it for the column its dash would then stand at. */
  private voteByItemKeys(i: number, openerCol: number, counts: Map<number, { count: number; sibling?: string }>): void {
    const line = this.lines[i];
    const written = line.content - line.start;
    const inner = this.itemIndent(line);
    if (inner === 0) return;
    let keysAt: number | undefined;
    let keys = 0;
    for (let j = i + 1; j < this.lines.length; j++) {
      const next = this.lines[j];
      if (next.content === next.end || this.text.charCodeAt(next.content) === 35) continue;
      if (next.hasTab || this.shapeAt(next.content, next.end) !== 'key') break;
      const at = this.colOf(j);
      if (at <= written || (keysAt !== undefined && at !== keysAt)) break;
      keysAt = at;
      keys++;
    }
    if (keysAt === undefined) return;
    const dash = keysAt - inner;
    if (dash === written || dash < openerCol || dash < written - 2 || dash > written + 1) return;
    counts.set(dash, { count: (counts.get(dash)?.count ?? 0) + keys, sibling: counts.get(dash)?.sibling });
  }

  /**
   * Where a tab-indented line belongs. Right after `key:`, it is the first child: at the column the next
   * line gives, else 2 deeper. Otherwise it lines up with an open level of its kind: the one at as many
   * spaces as written before the tab; for a `key:` with lines under it, the deepest left of them; else
   * the innermost (the line above's).
   */
  private placeTabbed(i: number, kind: Level['kind']): { col: number; sibling?: string } | undefined {
    const line = this.lines[i];
    const opener = this.opener;
    this.opener = undefined;
    this.continuesAbove = undefined;
    const next = this.nextContent(i);
    const nextCol = next !== undefined && !this.lines[next].hasTab ? this.colOf(next) : undefined;
    if (opener) {
      // Less the `- ` before this line's key, for a list item: the next line is that item's next key.
      const col = nextCol !== undefined && nextCol - this.itemIndent(line) > opener.col ? nextCol - this.itemIndent(line) : opener.col < 0 ? 0 : opener.col + 2;
      this.stack.push({ col, kind });
      return { col };
    }
    const levels = this.stack.map((level, j) => ({ level, j })).filter(({ level }) => level.kind === kind);
    if (levels.length === 0) return undefined;
    const spaces = this.text.slice(line.start, line.content).indexOf('\t');
    // A tabbed `key:` with lines under it stands left of them (or at their column, for a list).
    const key = this.keyAt(line.content, line.end);
    const opens = key !== undefined && (key.valueStart === line.end || this.text.charCodeAt(key.valueStart) === 35) && nextCol !== undefined;
    const nextIsItem = next !== undefined && this.shapeAt(this.lines[next].content, this.lines[next].end) === 'dash';
    const holding = opens ? levels.filter(({ level }) => level.col < nextCol! || (nextIsItem && level.col === nextCol)) : [];
    const chosen = levels.find(({ level }) => spaces > 0 && level.col === spaces) ?? holding[holding.length - 1] ?? levels[levels.length - 1];
    this.stack.length = chosen.j + 1;
    return { col: chosen.level.col, sibling: chosen.level.lastKey };
  }

  /** How far a list item's key stands from its dash (`- key:` → 2); 0 for any other line. */
  private itemIndent(line: Line): number {
    let at = line.content;
    while (this.text.charCodeAt(at) === 45 && (at + 1 === line.end || /[ \t]/.test(this.text[at + 1]))) at = skipBlanks(this.text, at + 1, line.end);
    return at - line.content;
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

  /**
   * Skips a block scalar's text after line `i`: the lines deeper than `col`, the column its key is read
   * at (and blank lines). Its indentation is its own business, but for tabs and a first line alone
   * deeper than the rest.
   */
  private skipDeeper(i: number, col: number): number {
    const mended = this.textIndentFirst(i, col);
    let last = i;
    let indent = mended?.indent; // the text's indentation, from its first line written with spaces
    for (let j = i + 1; j < this.lines.length; j++) {
      const line = this.lines[j];
      if (line.content === line.end) continue;
      if (line.hasTab) {
        // A tab in the text's indentation (spaces, then a tab, are text): read at the text's indentation.
        const spaces = this.text.slice(line.start, line.content).indexOf('\t');
        const blockIndent = indent ?? this.blockIndent(j, col);
        if (spaces >= blockIndent) {
          last = j;
          continue;
        }
        // Part of the text when text follows it; or when text came before it, unless it looks like the next key.
        const next = this.nextContent(j);
        const textFollows = next !== undefined && !this.lines[next].hasTab && this.colOf(next) > col;
        if (!textFollows && (last === i || this.shapeAt(line.content, line.end) !== 'scalar')) break;
        this.report(j, messages.tabIndent(blockIndent), blockIndent);
        last = j;
        continue;
      }
      if (this.colOf(j) <= col || this.endsText(j, indent)) break;
      if (indent !== undefined && this.colOf(j) < indent) {
        // A line of the text left of its first line: read at the text's indentation.
        this.mistakes.push({
          span: [line.start, Math.min(line.end, line.content + 1)],
          message: messages.misindentedTextLine(this.colOf(j), indent),
          fix: ' '.repeat(indent) + this.text[line.content],
          edit: { start: line.start, end: line.content, text: ' '.repeat(indent) },
        });
      }
      indent ??= this.colOf(j);
      last = j;
    }
    return last;
  }

  /** A key or list item left of the text's indentation ends the text (it is a misplaced entry, not text). */
  private endsText(j: number, indent: number | undefined): boolean {
    const line = this.lines[j];
    return indent !== undefined && this.colOf(j) < indent && this.shapeAt(line.content, line.end) !== 'scalar';
  }

  /**
   * A block scalar's text takes its indentation from its first line; when that line alone is deeper
   * than the lines after it (two or more of them agreeing), it is the one out of line (one error, read
   * at theirs). Otherwise a later line left of the first is the one out of line (skipDeeper).
   */
  private textIndentFirst(i: number, col: number): { line: number; indent: number } | undefined {
    const first = this.nextContent(i);
    if (first === undefined || this.lines[first].hasTab || this.colOf(first) <= col) return undefined;
    let least: number | undefined;
    let agreeing = 0;
    for (let j = first + 1; j < this.lines.length; j++) {
      const line = this.lines[j];
      if (line.content === line.end) continue;
      if (line.hasTab || this.colOf(j) <= col || this.endsText(j, this.colOf(first))) break;
      if (this.colOf(j) === least) agreeing++;
      else if (least === undefined || this.colOf(j) < least) {
        least = this.colOf(j);
        agreeing = 1;
      }
    }
    // Only when it is the one out of line: at least two lines after it agree on less.
    if (least === undefined || least >= this.colOf(first) || agreeing < 2) return undefined;
    const line = this.lines[first];
    const target = least;
    this.mistakes.push({
      span: [line.start, Math.min(line.end, line.content + 1)],
      message: messages.misindentedText(this.colOf(first), least),
      fix: ' '.repeat(target) + this.text[line.content],
      edit: { start: line.start, end: line.content, text: ' '.repeat(target) },
    });
    return { line: first, indent: least };
  }

  /** The indentation of a block scalar's text: its first line written with spaces after line `j`, else 2 deeper than its key. */
  private blockIndent(j: number, col: number): number {
    for (let k = j + 1; k < this.lines.length; k++) {
      const line = this.lines[k];
      if (line.content === line.end || line.hasTab) continue;
      return this.colOf(k) > col ? this.colOf(k) : col + 2;
    }
    return col + 2;
  }

  /** The line from `from` on where the brackets and quotes still open (`closers`, innermost last) close; undefined when none does. */
  private closingLine(from: number, closers: readonly string[]): number | undefined {
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
      if (depth.length === 0) return j;
    }
    return undefined;
  }
}

function skipBlanks(text: string, from: number, end: number): number {
  while (from < end && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
  return from;
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
