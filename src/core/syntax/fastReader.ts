/**
 * A fast reader for the plain block YAML that plan files are almost always written in: block mappings
 * and sequences, plain and quoted one-line scalars, one-line flow lists and mappings of scalars,
 * comments and `---` documents. It builds the same located tree as the full parser (`parser.ts`), about
 * 20× faster, and gives up (returns undefined) on anything else — anchors, tags, block scalars,
 * multi-line scalars or flow collections, escapes, tabs, duplicate keys, odd indentation — so the full
 * YAML parser, with its exact error messages, reads those files.
 */
import type { Span } from '../base/positions';
import type { MapEntry, MapNode, ScalarNode, SeqNode, YamlNode } from './nodes';

export interface FastDocument {
  readonly root: YamlNode | undefined;
  readonly span: Span;
}

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

const KEY = /^([A-Za-z_][A-Za-z0-9_.-]*):(?=[ \r]|$)/;
const RESERVED_KEY = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;
/** Plain scalars may start with these (and anything beyond ASCII); YAML indicators make us give up. */
const PLAIN_START = /^[A-Za-z0-9_.~/(+$\u00a0-\uffff]|^-[^\s]/;

/** Reads `text` (no BOM) into documents, or returns undefined when the full parser must read it. */
export function fastReadYaml(text: string, maxDepth: number): FastDocument[] | undefined {
  try {
    return new FastReader(text, maxDepth).documents();
  } catch (error) {
    if (error instanceof GiveUp || error instanceof RangeError) return undefined;
    throw error;
  }
}

interface Line {
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset of the line end (the `\n`, or `\r` of `\r\n`, or the text end). */
  readonly end: number;
  /** Columns of leading spaces. */
  readonly indent: number;
  /** Blank or comment only. */
  readonly empty: boolean;
}

class FastReader {
  private readonly lines: Line[] = [];
  private index = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    // Tabs are legal in some places and not others; the full parser knows which.
    if (text.includes('\t')) giveUp();
    for (let start = 0; start <= text.length; ) {
      let next = text.indexOf('\n', start);
      if (next === -1) next = text.length;
      const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      let indent = start;
      while (indent < end && text.charCodeAt(indent) === 32) indent++;
      const first = indent < end ? text.charCodeAt(indent) : -1;
      this.lines.push({ start, end, indent: indent - start, empty: first === -1 || first === 35 });
      if (next === text.length) break;
      start = next + 1;
    }
  }

  /** The documents with content, in order (empty and comment-only documents are left out). */
  documents(): FastDocument[] {
    const documents: FastDocument[] = [];
    let docStart = 0;
    while (this.index < this.lines.length) {
      const line = this.lines[this.index];
      if (line.empty) {
        this.index++;
        continue;
      }
      const content = this.text.slice(line.start, line.end);
      if (content.startsWith('---')) {
        if (!/^---\s*(?:#.*)?$/.test(content)) giveUp();
        docStart = line.start;
        this.index++;
        continue;
      }
      if (line.indent !== 0 || content.startsWith('%') || content.startsWith('...')) giveUp();
      const root = this.block(0);
      const next = this.index < this.lines.length ? this.lines[this.index] : undefined;
      // A root block ends only at a document marker or the end of the text.
      if (next && !this.text.startsWith('---', next.start)) giveUp();
      const end = next ? next.start : this.text.length;
      documents.push({ root, span: [docStart, end] });
      docStart = end;
    }
    return documents;
  }

  private startsSequence(line: Line): boolean {
    const at = line.start + line.indent;
    return this.text.charCodeAt(at) === 45 && (at + 1 === line.end || this.text.charCodeAt(at + 1) === 32);
  }

  /** Skips blank and comment lines; the next content line or undefined. */
  private peek(): Line | undefined {
    while (this.index < this.lines.length) {
      const line = this.lines[this.index];
      if (!line.empty) {
        if (line.indent === 0 && this.text.startsWith('---', line.start)) return undefined;
        return line;
      }
      this.index++;
    }
    return undefined;
  }

  /** A block node whose first line is the current one, at `indent`. */
  private block(indent: number): YamlNode {
    const line = this.peek()!;
    if (line.indent !== indent || ++this.depth > this.maxDepth) giveUp();
    const node = this.startsSequence(line) ? this.sequence(indent) : this.mapping(indent, line.start + indent);
    this.depth--;
    return node;
  }

  /** A block mapping whose first key starts at `from` (on the current line) at column `indent`. */
  private mapping(indent: number, from: number): MapNode {
    const entries = new Map<string, MapEntry>();
    let first = true;
    let end = from;
    for (;;) {
      const line = first ? this.lines[this.index] : this.peek();
      if (!line) break;
      if (!first) {
        if (line.indent < indent) break;
        if (line.indent > indent) giveUp();
        if (this.startsSequence(line)) break;
      }
      const keyStart = first ? from : line.start + indent;
      first = false;
      const match = KEY.exec(this.text.slice(keyStart, line.end));
      if (!match || RESERVED_KEY.test(match[1])) giveUp();
      const key = match![1];
      if (entries.has(key)) giveUp();
      const keySpan: Span = [keyStart, keyStart + key.length];
      const colon = keyStart + key.length;
      const valueStart = skipSpaces(this.text, colon + 1, line.end);
      let value: YamlNode;
      if (this.endsLine(valueStart, line.end)) {
        value = this.below(indent, valueStart, true);
      } else {
        value = this.inline(valueStart, line.end);
        this.index++;
      }
      entries.set(key, { key, keySpan, value });
      end = Math.max(value.span[1], keySpan[1]);
    }
    return { kind: 'map', entries, span: [from, end] };
  }

  /** True when nothing but a comment follows `at` on its line. */
  private endsLine(at: number, lineEnd: number): boolean {
    return at === lineEnd || this.text.charCodeAt(at) === 35; // '#'
  }

  /**
   * The value of a key or dash with nothing after it on its line (at `at`, column `indent`): the block
   * indented below it, a sequence at the key's own column when `sequenceAtColumn`, or else null.
   */
  private below(indent: number, at: number, sequenceAtColumn: boolean): YamlNode {
    this.index++;
    const next = this.peek();
    if (next && next.indent > indent) return this.block(next.indent);
    if (sequenceAtColumn && next && next.indent === indent && this.startsSequence(next)) return this.sequence(indent);
    return { kind: 'scalar', value: null, span: [at, at] };
  }

  /** A block sequence whose dashes stand at column `indent`. */
  private sequence(indent: number): SeqNode {
    const items: YamlNode[] = [];
    let start = -1;
    let end = -1;
    for (;;) {
      const line = this.peek();
      if (!line || line.indent < indent) break;
      if (line.indent > indent || !this.startsSequence(line)) {
        if (line.indent === indent) break;
        giveUp();
      }
      const dash = line.start + indent;
      if (start === -1) start = dash;
      const itemStart = skipSpaces(this.text, dash + 1, line.end);
      let item: YamlNode;
      if (this.endsLine(itemStart, line.end)) {
        item = this.below(indent, itemStart, false);
      } else if (KEY.test(this.text.slice(itemStart, line.end))) {
        if (++this.depth > this.maxDepth) giveUp();
        item = this.mapping(itemStart - line.start, itemStart);
        this.depth--;
      } else if (this.text.charCodeAt(itemStart) === 45 && this.text.charCodeAt(itemStart + 1) === 32) {
        giveUp();
      } else {
        item = this.inline(itemStart, line.end);
        this.index++;
      }
      items.push(item!);
      end = item!.span[1];
    }
    return { kind: 'seq', items, span: [start, end] };
  }

  /** A value written on one line from `from`: a scalar or a flow collection, then only a comment. */
  private inline(from: number, lineEnd: number): YamlNode {
    const c = this.text.charCodeAt(from);
    let node: YamlNode;
    let after: number;
    if (c === 91 || c === 123) {
      [node, after] = this.flow(from, lineEnd);
    } else if (c === 34 || c === 39) {
      [node, after] = this.quoted(from, lineEnd);
    } else {
      const [value, end] = plainScalar(this.text, from, lineEnd, false);
      return { kind: 'scalar', value: resolvePlain(value), span: [from, end] };
    }
    after = skipSpaces(this.text, after, lineEnd);
    if (after !== lineEnd && !(this.text.charCodeAt(after) === 35 && after > 0 && this.text.charCodeAt(after - 1) === 32)) giveUp();
    return node;
  }

  private quoted(from: number, lineEnd: number): [ScalarNode, number] {
    const quote = this.text[from];
    let value = '';
    let i = from + 1;
    for (;;) {
      const close = this.text.indexOf(quote, i);
      if (close === -1 || close >= lineEnd) giveUp();
      const part = this.text.slice(i, close);
      if (quote === '"' && part.includes('\\')) giveUp();
      value += part;
      if (quote === "'" && this.text[close + 1] === "'") {
        value += "'";
        i = close + 2;
        continue;
      }
      return [{ kind: 'scalar', value, span: [from, close + 1] }, close + 1];
    }
  }

  /** `[a, "b"]` or `{ k: v, k2: [x, y] }`, nested, on one line. */
  private flow(from: number, lineEnd: number): [YamlNode, number] {
    if (++this.depth > this.maxDepth) giveUp();
    const isMap = this.text.charCodeAt(from) === 123;
    const close = isMap ? 125 : 93;
    const items: YamlNode[] = [];
    const entries = new Map<string, MapEntry>();
    const done = (end: number): [YamlNode, number] => {
      this.depth--;
      const span: Span = [from, end];
      return [isMap ? { kind: 'map', entries, span } : { kind: 'seq', items, span }, end];
    };
    let i = skipSpaces(this.text, from + 1, lineEnd);
    if (this.text.charCodeAt(i) === close) return done(i + 1);
    for (;;) {
      if (i >= lineEnd) giveUp();
      let key: string | undefined;
      let keySpan: Span | undefined;
      if (isMap) {
        const match = KEY.exec(this.text.slice(i, lineEnd));
        if (!match || RESERVED_KEY.test(match[1]) || entries.has(match[1])) giveUp();
        key = match![1];
        keySpan = [i, i + key.length];
        i = skipSpaces(this.text, i + key.length + 1, lineEnd);
      }
      let node: YamlNode;
      const c = this.text.charCodeAt(i);
      if (c === 34 || c === 39) {
        [node, i] = this.quoted(i, lineEnd);
      } else if (c === 91 || c === 123) {
        [node, i] = this.flow(i, lineEnd);
      } else if (isMap && (c === 44 || c === close)) {
        node = { kind: 'scalar', value: null, span: [i, i] };
      } else {
        const [value, end] = plainScalar(this.text, i, lineEnd, true);
        node = { kind: 'scalar', value: resolvePlain(value), span: [i, end] };
        i = end;
      }
      if (isMap) entries.set(key!, { key: key!, keySpan: keySpan!, value: node });
      else items.push(node);
      i = skipSpaces(this.text, i, lineEnd);
      const next = this.text.charCodeAt(i);
      if (next === close) return done(i + 1);
      if (next !== 44) giveUp();
      i = skipSpaces(this.text, i + 1, lineEnd);
      if (this.text.charCodeAt(i) === close) giveUp(); // a trailing comma: let the full parser decide
    }
  }
}

function skipSpaces(text: string, from: number, end: number): number {
  while (from < end && text.charCodeAt(from) === 32) from++;
  return from;
}

/** A plain scalar from `from`: its text and end offset (before trailing spaces or a comment). */
function plainScalar(text: string, from: number, lineEnd: number, inFlow: boolean): [string, number] {
  if (!PLAIN_START.test(text.slice(from, from + 2))) giveUp();
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
  return [text.slice(from, end), end];
}

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/** The YAML 1.2 core schema, as the `yaml` package resolves plain scalars. */
export function resolvePlain(text: string): string | number | boolean | null {
  const c = text.charCodeAt(0);
  // Only scalars starting like a number, `.`, `~`, or a letter of null/true/false can be anything but text.
  if (c === 126 && text.length === 1) return null;
  if (/^(?:[Nn]ull|NULL)$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
    if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
    if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
    if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
      return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
    }
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  }
  return text;
}
