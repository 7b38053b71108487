/**
 * Source positions.
 *
 * Inside the core every position is **0-based** (line and character, in UTF-16 code units, like VS Code
 * and LSP). The CLI shows 1-based lines and columns; it converts with {@link toOneBased}, the only place
 * that does.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A half-open span of UTF-16 offsets into a file's text, as the YAML parser reports them. */
export type Span = readonly [start: number, end: number];

/** Maps offsets to positions for one file's text (binary search over line starts, found when first asked for). */
export class LineIndex {
  private starts: Int32Array | undefined;
  private readonly length: number;

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  private get lineStarts(): Int32Array {
    if (this.starts) return this.starts;
    const text = this.text;
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
    return (this.starts = starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset; offsets outside the text (a parser pointing past its end) are clamped to it. */
  positionAt(offset: number): Position {
    offset = Math.min(Math.max(0, offset), this.length);
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.max(0, offset - starts[low]) };
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span[0]), end: this.positionAt(span[1]) };
  }
}

/** 1-based line and column, for people and for the CLI's output formats. */
export function toOneBased(position: Position): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}
