/**
 * A fast reader for the plain block YAML that plan files are almost always written in: block mappings
 * and sequences, plain and quoted one-line scalars (double-quoted ones with their escapes), as a key's
 * value also literal and folded block scalars (`description: >-`) and plain scalars that go on over the
 * lines below, flow lists and mappings (over several lines too, as a formatter writes a long one), comments
 * and `---` documents. It builds the same located tree as the full parser (`parser.ts`), about 20× faster,
 * and gives up (returns undefined) on anything else — anchors, tags, multi-line quoted scalars,
 * escapes YAML does not have, tabs, duplicate keys, odd indentation, the rarer forms of block and
 * multi-line plain scalars — so the full YAML parser, with its exact error messages, reads those files.
 */
import type { Span } from '../base/positions';
import { Entries, Entry, MapOf, Scalar, Seq } from './nodes';

/** The nodes this reader builds (their offsets are fields, not arrays). */
type Node = Scalar | Seq | MapOf;

export interface FastDocument {
  readonly root: Node | undefined;
  readonly span: Span;
}

export class GiveUp extends Error {}
export const giveUp = (): never => {
  throw new GiveUp();
};

/**
 * The end of a block key at `from` (`[A-Za-z_][A-Za-z0-9_.-]*` followed by `:` and a space or the line
 * end), or -1: what `/^([A-Za-z_][A-Za-z0-9_.-]*):(?=[ \r]|$)/` matches, without a substring and a match per line.
 */
export function keyEnd(text: string, from: number, lineEnd: number): number {
  let c = text.charCodeAt(from);
  if (!(from < lineEnd && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95))) return -1;
  let i = from + 1;
  for (; i < lineEnd; i++) {
    c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45)) break;
  }
  if (i >= lineEnd || c !== 58) return -1;
  const after = i + 1;
  // `(?=[ \r]|$)`: the line ends before a `\r\n` too, so the `\r` case is the line end.
  return after === lineEnd || text.charCodeAt(after) === 32 || text.charCodeAt(after) === 13 ? i : -1;
}

/**
 * The keys plans are written with, so that each file's keys share one string each, found by a hash of
 * their characters (no string is cut from the text for a key seen before).
 */
const keyStrings = new Map<number, string[]>();
let keyCount = 0;
function keyString(text: string, from: number, to: number): string {
  let hash = to - from;
  for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  const known = keyStrings.get(hash);
  if (known !== undefined) {
    for (let k = 0; k < known.length; k++) if (known[k].length === to - from && text.startsWith(known[k], from)) return known[k];
  }
  const key = text.slice(from, to);
  if (keyCount < 4096) {
    keyCount++;
    if (known) known.push(key);
    else keyStrings.set(hash, [key]);
  }
  return key;
}
const RESERVED_KEY = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;

/** A key the core schema reads as a boolean or null: the regular expression only for `tr…`, `fa…`, `nu…` in any case. */
export function reservedKey(key: string): boolean {
  if (key.length !== 4 && key.length !== 5) return false;
  const first = key.charCodeAt(0) | 32;
  const second = key.charCodeAt(1) | 32;
  const maybe = (first === 116 && second === 114) || (first === 102 && second === 97) || (first === 110 && second === 117);
  return maybe && RESERVED_KEY.test(key);
}

/**
 * Whether a plain scalar may start at `from`: a letter, digit, `_ . ~ / ( + $`, anything beyond ASCII, or
 * `-` before a character that is not white space (`/[A-Za-z0-9_.~/(+$\u00a0-\uffff]|-[^\s]/y`, tested by
 * character code); on YAML's indicators we give up.
 */
export function plainStart(text: string, from: number): boolean {
  const c = text.charCodeAt(from);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0xa0) return true;
  if (c === 95 || c === 46 || c === 126 || c === 47 || c === 40 || c === 43 || c === 36) return true;
  return c === 45 && from + 1 < text.length && !WHITE_SPACE.test(text[from + 1]);
}
const WHITE_SPACE = /\s/;

/** Reads `text` (no BOM) into documents, or returns undefined when the full parser must read it. */
export function fastReadYaml(text: string, maxDepth: number): FastDocument[] | undefined {
  try {
    return new FastReader(text, maxDepth).trees();
  } catch (error) {
    if (error instanceof GiveUp || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** A line's offsets, kept in typed arrays (one allocation per file, not one object per line). */
class Lines {
  /** Offset of the first character of each line. */
  readonly start: Int32Array;
  /** Offset of the line end (the `\n`, or `\r` of `\r\n`, or the text end). */
  readonly end: Int32Array;
  /** Columns of leading spaces; -1 for a blank or comment-only line. */
  readonly indent: Int32Array;
  readonly count: number;

  constructor(text: string) {
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    this.start = new Int32Array(count);
    this.end = new Int32Array(count);
    this.indent = new Int32Array(count);
    let line = 0;
    for (let start = 0; start <= text.length; ) {
      let next = text.indexOf('\n', start);
      if (next === -1) next = text.length;
      const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      let indent = start;
      while (indent < end && text.charCodeAt(indent) === 32) indent++;
      const first = indent < end ? text.charCodeAt(indent) : -1;
      this.start[line] = start;
      this.end[line] = end;
      this.indent[line] = first === -1 || first === 35 ? -1 : indent - start;
      line++;
      if (next === text.length) break;
      start = next + 1;
    }
    this.count = line;
  }
}

/**
 * The reader itself. Its steps are open to a reader that reads the same text into something else
 * (model/readText.ts reads entities straight from it): what it accepts, it accepts exactly here.
 */
export class FastReader {
  protected readonly lines: Lines;
  /** The current line. */
  protected index = 0;
  protected depth = 0;
  /** The entries of the mappings being read, innermost last: each mapping's go into an array of their exact size. */
  private readonly stack: Entry[] = [];

  constructor(
    protected readonly text: string,
    protected readonly maxDepth: number,
  ) {
    // Tabs are legal in some places and not others; the full parser knows which.
    if (text.includes('\t')) giveUp();
    this.lines = new Lines(text);
  }

  /** The documents with content as trees. */
  trees(): FastDocument[] {
    return this.documents((reader) => reader.block(0));
  }

  /** The documents with content, in order (empty and comment-only documents are left out), each root read by `readRoot`. */
  documents<R, T extends FastReader>(this: T, readRoot: (reader: T, index: number) => R): Array<{ root: R; span: Span }> {
    const documents: Array<{ root: R; span: Span }> = [];
    const lines = this.lines;
    let docStart = 0;
    while (this.index < lines.count) {
      const line = this.index;
      const indent = lines.indent[line];
      if (indent === -1) {
        this.index++;
        continue;
      }
      const start = lines.start[line];
      if (this.text.startsWith('---', start)) {
        if (!/^---\s*(?:#.*)?$/.test(this.text.slice(start, lines.end[line]))) giveUp();
        docStart = start;
        this.index++;
        continue;
      }
      if (indent !== 0 || this.text.startsWith('%', start) || this.text.startsWith('...', start)) giveUp();
      const root = readRoot(this, documents.length);
      const next = this.index < lines.count ? this.index : -1;
      // A root block ends only at a document marker or the end of the text.
      if (next !== -1 && !this.text.startsWith('---', lines.start[next])) giveUp();
      const end = next !== -1 ? lines.start[next] : this.text.length;
      documents.push({ root, span: [docStart, end] });
      docStart = end;
    }
    return documents;
  }

  protected startsSequence(line: number): boolean {
    const at = this.lines.start[line] + this.lines.indent[line];
    return this.text.charCodeAt(at) === 45 && (at + 1 === this.lines.end[line] || this.text.charCodeAt(at + 1) === 32);
  }

  /** Skips blank and comment lines; the next content line or -1. */
  protected peek(): number {
    const lines = this.lines;
    while (this.index < lines.count) {
      const indent = lines.indent[this.index];
      if (indent !== -1) {
        if (indent === 0 && this.text.startsWith('---', lines.start[this.index])) return -1;
        return this.index;
      }
      this.index++;
    }
    return -1;
  }

  /** A block node whose first line is the current one, at `indent`. */
  protected block(indent: number, parentIndent = -1): Node {
    const line = this.peek();
    if (this.lines.indent[line] !== indent || ++this.depth > this.maxDepth) giveUp();
    const at = this.lines.start[line] + indent;
    const c = this.text.charCodeAt(at);
    let node: Node;
    if (c === 91 || c === 123) {
      // A flow list or mapping on the lines below a key (where a formatter puts a long one).
      node = this.inline(at, this.lines.end[line], parentIndent);
      this.index++;
    } else {
      node = this.startsSequence(line) ? this.sequence(indent) : this.mapping(indent, at);
    }
    this.depth--;
    return node;
  }

  /** Where the key `nextKey` found last starts, its colon, and the end of its line. */
  protected keyStart = 0;
  protected colon = 0;
  protected lineEnd = 0;

  /**
   * The next key of a block mapping at column `indent` (the first one at `from`, on the current line), or
   * undefined where the mapping ends; its place in `keyStart`, `colon` and `lineEnd`.
   */
  protected nextKey(indent: number, from: number, first: boolean): string | undefined {
    const lines = this.lines;
    const line = first ? this.index : this.peek();
    if (line === -1) return undefined;
    const lineEnd = lines.end[line];
    if (!first) {
      if (lines.indent[line] < indent) return undefined;
      if (lines.indent[line] > indent) giveUp();
      if (this.startsSequence(line)) return undefined;
    }
    const keyStart = first ? from : lines.start[line] + indent;
    const colon = keyEnd(this.text, keyStart, lineEnd);
    if (colon === -1) giveUp();
    this.keyStart = keyStart;
    this.colon = colon;
    this.lineEnd = lineEnd;
    return keyString(this.text, keyStart, colon);
  }

  /** A block mapping whose first key starts at `from` (on the current line) at column `indent`. */
  protected mapping(indent: number, from: number): MapOf {
    const stack = this.stack;
    const base = stack.length;
    /** The keys so far, once there are many (else a scan of the stack finds a duplicate). */
    let keys: Set<string> | undefined;
    let end = from;
    for (let first = true; ; first = false) {
      const key = this.nextKey(indent, from, first);
      if (key === undefined) break;
      const { keyStart, colon, lineEnd } = this;
      if (reservedKey(key)) giveUp();
      const valueStart = skipSpaces(this.text, colon + 1, lineEnd);
      let value: Node;
      if (this.endsLine(valueStart, lineEnd)) {
        value = this.below(indent, valueStart, true);
      } else {
        value = this.lineValue(valueStart, lineEnd, indent);
      }
      if (keys) {
        if (keys.has(key)) giveUp();
        keys.add(key);
      } else {
        for (let i = base; i < stack.length; i++) if (stack[i].key === key) giveUp();
        if (stack.length - base >= 16) keys = new Set(stack.slice(base).map((e) => e.key)).add(key);
      }
      stack.push(new Entry(key, keyStart, colon, value));
      end = Math.max(value.end, colon);
    }
    const entries = new Entries(stack.slice(base));
    stack.length = base;
    return new MapOf(entries, from, end);
  }

  /** True when nothing but a comment follows `at` on its line. */
  protected endsLine(at: number, lineEnd: number): boolean {
    return at === lineEnd || this.text.charCodeAt(at) === 35; // '#'
  }

  /**
   * The value of a key or dash with nothing after it on its line (at `at`, column `indent`): the block
   * indented below it, a sequence at the key's own column when `sequenceAtColumn`, or else null.
   */
  protected below(indent: number, at: number, sequenceAtColumn: boolean): Node {
    this.index++;
    const next = this.peek();
    if (next !== -1 && this.lines.indent[next] > indent) return this.block(this.lines.indent[next], indent);
    if (sequenceAtColumn && next !== -1 && this.lines.indent[next] === indent && this.startsSequence(next)) return this.sequence(indent);
    return new Scalar(null, at, at);
  }

  /** The line of the next item of a block sequence whose dashes stand at column `indent`, or -1 where the sequence ends. */
  protected nextItem(indent: number): number {
    const lines = this.lines;
    const line = this.peek();
    if (line === -1 || lines.indent[line] < indent) return -1;
    if (lines.indent[line] > indent || !this.startsSequence(line)) {
      if (lines.indent[line] === indent) return -1;
      giveUp();
    }
    return line;
  }

  /** A block sequence whose dashes stand at column `indent`. */
  protected sequence(indent: number): Seq {
    const items: Node[] = [];
    const lines = this.lines;
    let start = -1;
    let end = -1;
    for (let line = this.nextItem(indent); line !== -1; line = this.nextItem(indent)) {
      const lineStart = lines.start[line];
      const lineEnd = lines.end[line];
      const dash = lineStart + indent;
      if (start === -1) start = dash;
      const itemStart = skipSpaces(this.text, dash + 1, lineEnd);
      let item: Node;
      if (this.endsLine(itemStart, lineEnd)) {
        item = this.below(indent, itemStart, false);
      } else if (keyEnd(this.text, itemStart, lineEnd) !== -1) {
        if (++this.depth > this.maxDepth) giveUp();
        item = this.mapping(itemStart - lineStart, itemStart);
        this.depth--;
      } else if (this.text.charCodeAt(itemStart) === 45 && this.text.charCodeAt(itemStart + 1) === 32) {
        giveUp();
      } else {
        item = this.inline(itemStart, lineEnd, indent);
        this.index++;
      }
      items.push(item!);
      end = item!.end;
    }
    // An array of the exact size is kept (a grown one has room for more).
    return new Seq(items.slice(), start, end);
  }

  /**
   * The value of a key of a block mapping at column `indent`, written after it on its line: a block
   * scalar (`|`, `>`) on the lines below, or a value on this line alone. Moves past the lines it takes.
   */
  protected lineValue(from: number, lineEnd: number, indent: number): Node {
    const c = this.text.charCodeAt(from);
    if (c === 124 || c === 62) return this.blockScalar(from, lineEnd, indent);
    const value = this.inline(from, lineEnd, indent);
    this.index++;
    // A plain scalar with nothing after it on its line may go on over the lines below.
    const plain = c !== 34 && c !== 39 && c !== 91 && c !== 123;
    return plain && skipSpaces(this.text, value.end, lineEnd) === lineEnd ? this.plainLines(value as Scalar, indent) : value;
  }

  /**
   * A plain scalar, the value of a key of a mapping at column `indent`, with the lines below it that go
   * on with it (indented more than `indent`), folded as YAML 1.2 folds them: a line break to a space, each
   * empty line between to a line break. A line that goes on with an indicator, a comment or a `: ` is the
   * full parser's. The scalar itself when no line goes on with it.
   */
  private plainLines(first: Scalar, indent: number): Scalar {
    const text = this.text;
    const lines = this.lines;
    // Nearly always: the next line holds the next key, or less.
    const next = this.index;
    if (next < lines.count && lines.indent[next] !== -1 && lines.indent[next] <= indent) return first;
    let value: string | undefined;
    let end = first.end;
    let empties = 0;
    for (let line = next; line < lines.count && lines.start[line] < text.length; line++) {
      const start = lines.start[line];
      const lineEnd = lines.end[line];
      const at = skipSpaces(text, start, lineEnd);
      if (at === lineEnd) {
        empties++;
        continue;
      }
      if (at - start <= indent) break;
      if (continuationStops(text.charCodeAt(at))) giveUp();
      let contentEnd = lineEnd;
      while (text.charCodeAt(contentEnd - 1) === 32) contentEnd--;
      const content = text.slice(at, contentEnd);
      if (content.includes(': ') || content.includes(' #') || content.endsWith(':')) giveUp();
      value = (value ?? text.slice(first.start, first.end)) + (empties === 0 ? ' ' : '\n'.repeat(empties)) + content;
      end = contentEnd;
      empties = 0;
      this.index = line + 1;
    }
    return value === undefined ? first : new Scalar(value, first.start, end);
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `from`, the value of a key of a
   * mapping at column `indent`, as YAML 1.2 reads it: its lines are those below indented as the first
   * of them is (more than `indent`); the line breaks kept (literal) or folded to spaces (folded), the
   * last one kept once (clip), dropped (`-`) or kept with the empty lines after it (`+`). Its span ends,
   * like the full parser's, with its last line's text (not after the line breaks). Gives up on
   * what plans seldom hold: an indentation indicator, empty lines before the first line or more indented
   * than it, a folded line more indented than the first, an empty scalar, the text's end without a line
   * break after `+`.
   */
  private blockScalar(from: number, lineEnd: number, indent: number): Scalar {
    const text = this.text;
    const lines = this.lines;
    const folded = text.charCodeAt(from) === 62;
    let at = from + 1;
    const chomp = text.charCodeAt(at);
    const keep = chomp === 43; // +
    const strip = chomp === 45; // -
    if (keep || strip) at++;
    // After the indicators: spaces, then a comment or the line end (an indentation digit: the full way).
    const after = skipSpaces(text, at, lineEnd);
    if (after !== lineEnd && !(text.charCodeAt(after) === 35 && after > at)) giveUp();
    const header = this.index;
    let contentIndent = -1;
    let last = -1; // the last line of text
    let empties = 0; // empty lines since the last line of text
    let value = '';
    for (let line = header + 1; line < lines.count; line++) {
      const start = lines.start[line];
      const end = lines.end[line];
      // The empty "line" after a final line break is the text's end, not a line.
      if (start === text.length) break;
      const spaces = skipSpaces(text, start, end) - start;
      if (start + spaces === end) {
        // An empty line: before the first line of text, or more indented than it, the full way.
        if (contentIndent === -1 || spaces > contentIndent) giveUp();
        empties++;
        continue;
      }
      if (contentIndent === -1) {
        if (spaces <= indent) giveUp(); // an empty scalar
        contentIndent = spaces;
      } else if (spaces < contentIndent) {
        break;
      } else if (spaces > contentIndent && folded) {
        giveUp(); // a more indented line of a folded scalar keeps its line breaks: the full way
      }
      const content = text.slice(start + contentIndent, end);
      if (last === -1) value = content;
      else if (folded) value += (empties === 0 ? ' ' : '\n'.repeat(empties)) + content;
      else value += '\n'.repeat(empties + 1) + content;
      last = line;
      empties = 0;
    }
    if (last === -1) giveUp();
    const next = last + 1 + empties;
    // Where it ends: after its last line's line break (the text's end when there is none), after the empty lines for `+`.
    const endLine = keep ? next : last + 1;
    // `+` at the text's end without a line break after its last line: the full way.
    if (keep && next >= lines.count) giveUp();
    const end = endLine < lines.count ? lines.start[endLine] : text.length;
    if (keep) value += '\n'.repeat(empties + 1);
    else if (!strip) value += '\n';
    this.index = last + 1;
    // Its span ends with its text, not after the line breaks that follow (as the full parser's, parser.ts).
    return new Scalar(value, from, textEnd(text, from, end));
  }

  /** A value written on one line from `from`: a scalar or a flow collection, then only a comment. */
  protected inline(from: number, lineEnd: number, indent = -1): Node {
    const c = this.text.charCodeAt(from);
    let node: Node;
    if (c === 91 || c === 123) {
      this.flowEnd = lineEnd;
      this.flowIndent = indent;
      node = this.flow(from);
      // The line it closes on (the current one: `index` moved with it).
      lineEnd = this.flowEnd;
    } else if (c === 34 || c === 39) {
      node = this.quoted(from, lineEnd);
    } else {
      return plainScalar(this.text, from, lineEnd, false);
    }
    const after = skipSpaces(this.text, node.end, lineEnd);
    if (after !== lineEnd && !(this.text.charCodeAt(after) === 35 && after > 0 && this.text.charCodeAt(after - 1) === 32)) giveUp();
    return node;
  }

  /** A quoted scalar from `from`; it ends at its `end`. */
  private quoted(from: number, lineEnd: number): Scalar {
    const quote = this.text[from];
    if (quote === '"') return this.doubleQuoted(from, lineEnd);
    let value = '';
    let i = from + 1;
    for (;;) {
      const close = this.text.indexOf(quote, i);
      if (close === -1 || close >= lineEnd) giveUp();
      const part = this.text.slice(i, close);
      value += part;
      if (quote === "'" && this.text[close + 1] === "'") {
        value += "'";
        i = close + 2;
        continue;
      }
      return new Scalar(value, from, close + 1);
    }
  }

  /**
   * A double-quoted scalar from `from`, closed on its line, its escapes read as YAML 1.2 reads them
   * (`\\"`, `\\n`, `\\u00e9`, …); a line continuation, or an escape YAML does not have, is the full parser's.
   */
  private doubleQuoted(from: number, lineEnd: number): Scalar {
    const text = this.text;
    let value = '';
    let run = from + 1;
    for (let i = run; ; ) {
      if (i >= lineEnd) giveUp();
      const c = text.charCodeAt(i);
      if (c === 34) return new Scalar(value + text.slice(run, i), from, i + 1);
      if (c !== 92) {
        i++;
        continue;
      }
      value += text.slice(run, i);
      if (i + 1 >= lineEnd) giveUp();
      const e = text.charCodeAt(i + 1);
      const simple = escapes.get(e);
      if (simple !== undefined) {
        value += simple;
        i += 2;
      } else {
        const digits = e === 120 ? 2 : e === 117 ? 4 : e === 85 ? 8 : giveUp(); // x, u, U
        const hex = text.slice(i + 2, i + 2 + digits);
        if (i + 2 + digits > lineEnd || !HEX_DIGITS.test(hex) || hex.length !== digits) giveUp();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) giveUp();
        value += String.fromCodePoint(code);
        i += 2 + digits;
      }
      run = i;
    }
  }

  /** The end of the line a flow collection is being read on, and the column its lines must be indented past (-1: one line only). */
  protected flowEnd = 0;
  private flowIndent = -1;

  /**
   * `[a, "b"]` or `{ k: v, k2: [x, y] }`, nested; it ends at its `end`. On one line, or over the lines
   * below when `flowIndent` allows (each indented past it: comments and empty lines between are spaces),
   * `index` and `flowEnd` then on the line it closes on. A scalar going on over lines is the full parser's.
   */
  private flow(from: number): Node {
    if (++this.depth > this.maxDepth) giveUp();
    const text = this.text;
    const isMap = text.charCodeAt(from) === 123;
    const close = isMap ? 125 : 93;
    const items: Node[] = [];
    const entries = new Entries();
    const done = (end: number): Node => {
      this.depth--;
      return isMap ? new MapOf(entries, from, end) : new Seq(items, from, end);
    };
    let i = this.flowSpace(from + 1);
    if (text.charCodeAt(i) === close) return done(i + 1);
    for (;;) {
      if (i >= this.flowEnd) giveUp();
      let key = '';
      let keyStart = -1;
      if (isMap) {
        const colon = keyEnd(text, i, this.flowEnd);
        if (colon === -1) giveUp();
        key = keyString(text, i, colon);
        if (reservedKey(key) || entries.has(key)) giveUp();
        keyStart = i;
        const line = this.index;
        i = this.flowSpace(colon + 1);
        // A key with no value before a line break: the full parser's.
        if (this.index !== line && (text.charCodeAt(i) === 44 || text.charCodeAt(i) === close)) giveUp();
      }
      let node: Node;
      const c = text.charCodeAt(i);
      if (c === 34 || c === 39) {
        node = this.quoted(i, this.flowEnd);
      } else if (c === 91 || c === 123) {
        node = this.flow(i);
      } else if (isMap && (c === 44 || c === close)) {
        node = new Scalar(null, i, i);
      } else {
        node = plainScalar(text, i, this.flowEnd, true);
      }
      if (isMap) entries.add(new Entry(key, keyStart, keyStart + key.length, node));
      else items.push(node);
      i = this.flowSpace(node.end);
      const next = text.charCodeAt(i);
      if (next === close) return done(i + 1);
      if (next !== 44) giveUp();
      i = this.flowSpace(i + 1);
      // A comma after the last item (as Prettier writes a long list over lines) is allowed.
      if (text.charCodeAt(i) === close) return done(i + 1);
    }
  }

  /**
   * Past the spaces from `at` inside a flow collection; at its line's end or at a comment, when it may go
   * on over lines, on to the next line that holds anything (indented past `flowIndent`, or the full parser's).
   */
  private flowSpace(at: number): number {
    const text = this.text;
    const lines = this.lines;
    at = skipSpaces(text, at, this.flowEnd);
    while (at === this.flowEnd || (text.charCodeAt(at) === 35 && text.charCodeAt(at - 1) === 32)) {
      if (this.flowIndent < 0) return at;
      const line = ++this.index;
      if (line >= lines.count || lines.start[line] >= text.length) giveUp();
      const start = lines.start[line];
      this.flowEnd = lines.end[line];
      at = skipSpaces(text, start, this.flowEnd);
      if (at === this.flowEnd) continue; // an empty line
      if (text.charCodeAt(at) === 35) {
        at = this.flowEnd; // a comment line
        continue;
      }
      if (at - start <= this.flowIndent) giveUp();
    }
    return at;
  }
}

/** YAML 1.2's one-character escapes in a double-quoted scalar, by the character after the backslash. */
const escapes = new Map<number, string>(
  Object.entries({ '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' }).map(
    ([char, value]) => [char.charCodeAt(0), value],
  ),
);
const HEX_DIGITS = /^[0-9a-fA-F]*$/;

export function skipSpaces(text: string, from: number, end: number): number {
  while (from < end && text.charCodeAt(from) === 32) from++;
  return from;
}

/** A plain scalar from `from`, ending before trailing spaces or a comment. */
function plainScalar(text: string, from: number, lineEnd: number, inFlow: boolean): Scalar {
  if (!plainStart(text, from)) giveUp();
  let end = from;
  let i = from;
  for (; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 && text.charCodeAt(i - 1) === 32) break; // ` #` starts a comment
    if (c === 58 && (i + 1 === lineEnd || text.charCodeAt(i + 1) === 32 || (inFlow && isFlowIndicator(text.charCodeAt(i + 1))))) giveUp();
    if (inFlow && isFlowIndicator(c)) break;
    if (c !== 32) end = i + 1;
  }
  if (end === from) giveUp();
  return new Scalar(end - from <= 15 ? (digitsValue(text, from, end) ?? resolvePlain(text.slice(from, end))) : resolvePlain(text.slice(from, end)), from, end);
}

/**
 * The number written by the ASCII digits from `from` to `end` (at most 15: exact as a double, as
 * parseInt reads it), or undefined when one is not a digit: what `resolvePlain` gives, without cutting a string.
 */
function digitsValue(text: string, from: number, end: number): number | undefined {
  let n = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    n = n * 10 + c;
  }
  return n;
}

/** A character that a line going on with a plain scalar may not start with here: an indicator, a quote, a comment. */
function continuationStops(c: number): boolean {
  // - ? : , [ ] { } # & * ! | > ' " % @ `
  return c === 45 || c === 63 || c === 58 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 35 || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96;
}

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

// A regular expression written in a function is a new object each time the function runs: these run
// for every scalar of a workspace, so they are made once.
const NULL = /^(?:[Nn]ull|NULL)$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const OCTAL = /^0o[0-7]+$/;
const INTEGER = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INFINITY_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const DECIMAL = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The YAML 1.2 core schema, as the `yaml` package resolves plain scalars. */
export function resolvePlain(text: string): string | number | boolean | null {
  const c = text.charCodeAt(0);
  // Only scalars starting like a number, `.`, `~`, or a letter of null/true/false can be anything but text.
  if (c === 126 && text.length === 1) return null;
  // null, true and false start with their letter, in either case (`| 32` makes an ASCII letter lower case).
  const lower = c | 32;
  if (lower === 110 && NULL.test(text)) return null;
  if (lower === 116 && TRUE.test(text)) return true;
  if (lower === 102 && FALSE.test(text)) return false;
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    // In a number a `-` after the first character follows the exponent's `e`: a date (`2026-01-05`) is text.
    const dash = text.indexOf('-', 1);
    if (dash > 0 && (text.charCodeAt(dash - 1) | 32) !== 101) return text;
    if (OCTAL.test(text)) return parseInt(text.slice(2), 8);
    if (INTEGER.test(text)) return parseInt(text, 10);
    if (HEX.test(text)) return parseInt(text.slice(2), 16);
    if (INFINITY_OR_NAN.test(text)) {
      return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
    }
    if (EXPONENT.test(text)) return parseFloat(text);
    if (DECIMAL.test(text)) return parseFloat(text);
  }
  return text;
}

/** Where the text between `start` and `end` ends, without the spaces, tabs and line breaks after it. */
export function textEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    end--;
  }
  return end;
}
