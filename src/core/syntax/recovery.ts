/**
 * Reading a plan file the YAML parser rejected (SPEC 6: "a document that does not fully parse is still
 * indexed from what the parser recovered"), one error per mistake, on the offending line:
 *
 * 1. The layout mistakes (layout.ts) are read as meant: a tab or a wrong indentation as the
 *    neighbours' indentation, an open list or quote as closed, a key without ':' as not there.
 * 2. A line the parser still rejects is not read (its content, and what is nested under it, gives
 *    way to a placeholder key), and the text is parsed again, a few rounds at most.
 * 3. The tree of that text is mapped back to the offsets of the file as written.
 *
 * A line that is not read leaves its mapping's `damage` (nodes.ts): the key it was meant to give is
 * unknown there, so nothing downstream mistakes it for absent. When the rounds do not end in text the
 * parser accepts, the documents that still have errors are `broken`.
 */
import type { Span } from '../base/positions';
import { messages } from '../base/messages';
import { type Edit, findLayoutMistakes } from './layout';
import { type AliasedValue, Entries, Entry, MapOf, type MapNode, noDamage, type PlanDocument, Scalar, Seq, type YamlNode } from './nodes';

/** What one reading of a text gives: documents, the parser's errors, and read limits hit. */
export interface YamlRead {
  readonly documents: ReadonlyArray<{ readonly root: YamlNode | undefined; readonly span: Span; readonly errors: number; readonly limited: boolean; readonly aliased: readonly AliasedValue[] }>;
  readonly errors: ReadonlyArray<{ readonly span: Span; readonly message: string; readonly code: string }>;
  readonly limits: ReadonlyArray<{ readonly span: Span; readonly message: string }>;
}

export interface SyntaxProblem {
  readonly span: Span;
  readonly message: string;
  /** The text that fixes the span, when there is one obvious fix. */
  readonly fix?: string;
}

export interface Recovered {
  readonly documents: PlanDocument[];
  /** yaml-syntax problems (and read limits), in the offsets of the text as written. */
  readonly problems: SyntaxProblem[];
}

/** A line that is not read is replaced by this key (an extension key, ignored by the schema) and a number. */
const UNREAD = 'x-plan-as-code-unread-';
const ROUNDS = 8;
/** Characters parsed again, at most, over all rounds: 8 rounds up to 256 KB, 1 round at 2 MB, none above. */
const ROUND_BUDGET = 2 * 1024 * 1024;
const KEY_TOKEN = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:#][^:#]*?)[ \t]*:(?=[ \t]|$)/;

/** Reads `text`, which `first` (its reading) found errors in, as well as it can be read. */
export function recoverYaml(text: string, first: YamlRead, read: (text: string) => YamlRead): Recovered {
  return new Recovery(text, first, read).run();
}

class Recovery {
  private readonly lineStarts: number[] = [0];
  private readonly problems: SyntaxProblem[] = [];
  private readonly reportedLines = new Set<number>();
  private readonly unreadLines = new Set<number>();
  /** Placeholder key → the key its line was meant to give ('*' when unknown). */
  private readonly unread = new Map<string, string>();
  private edits: Edit[] = [];

  constructor(
    private readonly text: string,
    private readonly first: YamlRead,
    private readonly read: (text: string) => YamlRead,
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  run(): Recovered {
    let current = this.first;
    let edited: EditedText | undefined;

    const { mistakes, moves } = findLayoutMistakes(this.text);
    if (mistakes.length > 0) {
      this.edits = [...mistakes.map((m) => (m.lost === undefined ? m.edit : { ...m.edit, text: this.placeholder(m.lost) })), ...moves];
      this.edits.sort((a, b) => a.start - b.start);
      const attempt = new EditedText(this.text, this.edits);
      const reading = this.read(attempt.text);
      // The layout reading must not make things worse than the parser's own (a misjudged layout).
      if (reading.errors.length <= this.first.errors.length) {
        current = reading;
        edited = attempt;
        for (const m of mistakes) {
          this.problems.push({ span: m.span, message: m.message, fix: m.fix });
          const line = this.lineOf(m.span[0]);
          this.reportedLines.add(line);
          if (m.lost !== undefined) this.unreadLines.add(line);
        }
      } else {
        this.edits = [];
        this.unread.clear();
      }
    }

    // One line per document and round: the errors after the first are often its echoes. Each round
    // parses the whole text again, so a large file gets fewer rounds.
    const rounds = Math.min(ROUNDS, Math.floor(ROUND_BUDGET / Math.max(1, this.text.length)));
    for (let round = 0; round < rounds && current.errors.length > 0; round++) {
      let progress = false;
      for (const error of firstPerDocument(current)) {
        const at = edited ? edited.toOriginal(error.span[0]) : error.span[0];
        if (this.skipLine(at, error.code, error.message)) progress = true;
      }
      if (!progress) break;
      edited = new EditedText(this.text, this.edits);
      current = this.read(edited.text);
    }

    // What the rounds could not mend is reported as the parser says it: the first error of each document.
    const toOriginal = edited ? (offset: number) => edited.toOriginal(offset) : (offset: number) => offset;
    for (const error of firstPerDocument(current)) {
      const start = toOriginal(error.span[0]);
      this.report([start, Math.max(start, toOriginal(error.span[1]))], messages.yamlSyntax(messages.yamlDetail(error.code, error.message)));
    }
    for (const limit of current.limits) this.problems.push({ span: [toOriginal(limit.span[0]), toOriginal(limit.span[1])], message: limit.message });

    const documents = current.documents.map((document, index): PlanDocument => {
      const damage = new Map<MapNode, ReadonlySet<string>>();
      const root = document.root && edited ? rebuild(document.root, toOriginal, this.unread, damage) : document.root;
      return {
        index,
        root,
        span: [toOriginal(document.span[0]), toOriginal(document.span[1])],
        broken: document.errors > 0 || document.limited,
        damage: damage.size > 0 ? damage : noDamage,
        aliased:
          edited && document.aliased.length > 0
            ? document.aliased.map((a) => ({ value: [toOriginal(a.value[0]), toOriginal(a.value[1])], alias: [toOriginal(a.alias[0]), toOriginal(a.alias[1])] }))
            : document.aliased,
      };
    });
    this.problems.sort((a, b) => a.span[0] - b.span[0]);
    return { documents, problems: this.problems };
  }

  /** Stops reading the line at `offset` (a key written twice: that key); false when that cannot help. */
  private skipLine(offset: number, code: string, detail: string): boolean {
    const line = this.lineOf(offset);
    if (this.unreadLines.has(line)) return false;
    const lineStart = this.lineStarts[line];
    const lineEnd = this.lineEnd(line);
    let content = lineStart;
    while (content < lineEnd && /[ \t]/.test(this.text[content])) content++;
    // Keep the dashes of list items, so the list keeps its shape (unless there is nothing after them).
    const first = content;
    while (this.text[content] === '-' && (content + 1 >= lineEnd || /[ \t]/.test(this.text[content + 1]))) {
      content++;
      while (content < lineEnd && /[ \t]/.test(this.text[content])) content++;
    }
    if (content >= lineEnd || this.text[content] === '#') content = first;
    if (content >= lineEnd || this.text[content] === '#') return false;
    if (content === lineStart && /^(?:---|\.\.\.)/.test(this.text.slice(content, content + 3))) return false;
    this.unreadLines.add(line);

    const key = KEY_TOKEN.exec(this.text.slice(code === 'DUPLICATE_KEY' ? offset : content, lineEnd));
    if (code === 'DUPLICATE_KEY' && key) {
      const name = unquote(key[1]);
      this.replace({ start: offset, end: offset + key[1].length, text: this.placeholder(name).slice(0, -1) });
      this.report([offset, offset + key[1].length], messages.duplicateKey(name));
      return true;
    }
    const word = /^([A-Za-z_][A-Za-z0-9_.-]*)(?=[\s:]|$)/.exec(this.text.slice(content, lineEnd));
    const placeholder = this.placeholder(key ? unquote(key[1]) : (word?.[1] ?? '*'));
    const indent = this.text.slice(lineStart, first);
    if (indent.includes('\t')) {
      // Tabs cannot indent even a placeholder: it takes the indentation of the line above.
      const spaces = ' '.repeat(this.indentAbove(line));
      this.replace({ start: lineStart, end: lineEnd, text: spaces + this.text.slice(first, content) + placeholder });
    } else {
      this.replace({ start: content, end: lineEnd, text: placeholder });
    }
    // At the error when it is on the line's text, else from where the text starts.
    const from = Math.max(offset, first);
    this.report([from, Math.max(from, lineEnd)], messages.unreadLine(messages.yamlDetail(code, detail)));
    return true;
  }

  /** The spaces before the text of the nearest line above with text (not a comment), written with spaces only. */
  private indentAbove(line: number): number {
    for (let above = line - 1; above >= 0; above--) {
      const text = this.text.slice(this.lineStarts[above], this.lineEnd(above));
      const match = /^( *)([^\s#])/.exec(text);
      if (match) return match[1].length;
    }
    return 0;
  }

  /** Adds an edit, dropping the edits it overlaps (a line not read needs no other mending). */
  private replace(edit: Edit): void {
    const overlaps = (e: Edit) => (e.start === e.end ? e.start >= edit.start && e.start <= edit.end : e.start < edit.end && e.end > edit.start);
    this.edits = this.edits.filter((e) => !overlaps(e));
    this.edits.push(edit);
    this.edits.sort((a, b) => a.start - b.start);
  }

  private report(span: Span, message: string): void {
    const line = this.lineOf(span[0]);
    if (this.reportedLines.has(line)) return;
    this.reportedLines.add(line);
    this.problems.push({ span, message });
  }

  private placeholder(lost: string): string {
    const key = `${UNREAD}${this.unread.size}`;
    this.unread.set(key, lost);
    return `${key}:`;
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return next > this.lineStarts[line] && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }
}

/** The first parser error of each document (documents are read one after another). */
function firstPerDocument(reading: YamlRead): Array<YamlRead['errors'][number]> {
  const firsts: Array<YamlRead['errors'][number]> = [];
  let end = -1;
  for (const error of reading.errors) {
    if (error.span[0] < end) continue;
    firsts.push(error);
    end = reading.documents.find((d) => d.span[0] <= error.span[0] && error.span[0] < d.span[1])?.span[1] ?? Infinity;
  }
  return firsts;
}

function unquote(key: string): string {
  return key.startsWith('"') || key.startsWith("'") ? key.slice(1, -1) : key;
}

/** A text with edits applied, mapping offsets in it back to the text as written. */
class EditedText {
  readonly text: string;
  /** Per edit, in order: where its new text starts in the edited text. */
  private readonly starts: number[] = [];

  constructor(
    original: string,
    private readonly edits: readonly Edit[],
  ) {
    let out = '';
    let from = 0;
    for (const edit of edits) {
      out += original.slice(from, edit.start);
      this.starts.push(out.length);
      out += edit.text;
      from = edit.end;
    }
    this.text = out + original.slice(from);
  }

  toOriginal(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found === -1) return offset;
    const edit = this.edits[found];
    const inside = offset - this.starts[found];
    if (inside < edit.text.length) return edit.start + Math.min(inside, edit.end - edit.start);
    return edit.end + (inside - edit.text.length);
  }
}

/**
 * The tree in the offsets of the text as written, without the placeholders of unread lines: each
 * mapping that had one is recorded in `damage` with the keys those lines were meant to give. A mapping
 * left with nothing but placeholders is itself unread (its key is lost in its parent).
 */
function rebuild(node: YamlNode, at: (offset: number) => number, unread: ReadonlyMap<string, string>, damage: Map<MapNode, ReadonlySet<string>>): YamlNode | undefined {
  const start = at(node.span[0]);
  const end = at(node.span[1]);
  switch (node.kind) {
    case 'scalar':
      return new Scalar(node.value, start, end);
    case 'seq': {
      const items: YamlNode[] = [];
      for (const item of node.items) {
        const rebuilt = rebuild(item, at, unread, damage);
        if (rebuilt) items.push(rebuilt);
      }
      return new Seq(items, start, end);
    }
    case 'map': {
      const entries = new Entries();
      const lost = new Set<string>();
      for (const [key, entry] of node.entries) {
        const meant = unread.get(key);
        if (meant !== undefined) {
          lost.add(meant);
          continue;
        }
        const value = rebuild(entry.value, at, unread, damage);
        if (!value) {
          lost.add(key);
          continue;
        }
        const keySpan = entry.keySpan;
        entries.add(new Entry(key, at(keySpan[0]), at(keySpan[1]), value));
      }
      if (entries.size === 0 && lost.size > 0) return undefined;
      const map = new MapOf(entries, start, end);
      if (lost.size > 0) damage.set(map, lost);
      return map;
    }
  }
}
