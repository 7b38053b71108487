/**
 * YAML text → the located tree of `nodes.ts`, one per document: the fast reader for plain block YAML,
 * else the `yaml` package; text the parser rejects is read as well as it can be (recovery.ts), each
 * mistake reported once on its line. Never throws, whatever the text.
 */
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, type Node as AstNode, parseAllDocuments } from 'yaml';
import { LineIndex, type Span } from '../base/positions';
import { messages } from '../base/messages';
import type { PlanDiagnostic } from '../base/diagnostic';
import { type FastDocument, fastReadYaml, textEnd } from './fastReader';
import { type AliasedValue, defaultParseLimits, Entries, Entry, MapOf, noAliases, noDamage, Scalar, Seq, type ParsedFile, type ParseLimits, type PlanDocument, type ScalarNode, type YamlNode } from './nodes';
import { recoverYaml, type YamlRead } from './recovery';

class ReadLimitError extends Error {}

/** A file too large to read: reported, not parsed (the caller need not even load its text). */
export function oversizedFile(path: string, size: number, limits: ParseLimits = defaultParseLimits): ParsedFile {
  const lines = new LineIndex('');
  const diagnostic: PlanDiagnostic = {
    file: path,
    range: lines.rangeOf([0, 0]),
    severity: 'error',
    code: 'yaml-syntax',
    message: messages.fileTooLarge(size, limits.maxFileSize),
  };
  return { path, text: '', lines, documents: [], diagnostics: [diagnostic] };
}

/** A line break written as a lone CR (classic Mac OS) is one in YAML 1.2 and in every editor: made LF, which keeps every offset. */
export function withLineFeeds(text: string): string {
  return hasLoneCarriageReturn(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Whether a text has a CR that is not part of a CRLF. */
export function hasLoneCarriageReturn(text: string): boolean {
  return text.indexOf('\r') >= 0 && /\r(?!\n)/.test(text);
}

/** The length of a text in UTF-8 bytes (a lone surrogate as U+FFFD, as TextEncoder writes it). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // Two units, four bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * The text's size in UTF-8 bytes when it is above `limit`, else undefined. The limit is in bytes, as a
 * file on disk is measured (an open document's text is UTF-16): counted only when its length cannot
 * tell (a UTF-16 unit is at least one byte and at most three).
 */
export function bytesAbove(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = utf8Length(text);
  return bytes > limit ? bytes : undefined;
}

/**
 * The encoding of a file saved as UTF-16, else undefined. Plan files are read as UTF-8 (node/files.ts),
 * which makes its byte order mark (FF FE or FE FF) two U+FFFD, and every other character of its ASCII
 * text a NUL: after the mark for big-endian, before it for little-endian.
 */
export function utf16Encoding(text: string): string | undefined {
  if (text.charCodeAt(0) !== 0xfffd || text.charCodeAt(1) !== 0xfffd) return undefined;
  if (text.length === 2) return 'UTF-16';
  if (text.charCodeAt(2) === 0 && text.charCodeAt(3) !== 0) return 'UTF-16 (big-endian)';
  if (text.charCodeAt(2) !== 0 && text.charCodeAt(3) === 0) return 'UTF-16 (little-endian)';
  return undefined;
}

/** Parses one plan file. Never throws for any input text. */
export function parsePlanFile(path: string, rawText: string, limits: ParseLimits = defaultParseLimits): ParsedFile {
  // Editors hide the byte order mark; columns must match what they show.
  const text = withLineFeeds(rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText);
  const lines = new LineIndex(text);
  const diagnostics: PlanDiagnostic[] = [];
  const report = (span: Span, message: string, fix?: string) => {
    const diagnostic: PlanDiagnostic = { file: path, range: lines.rangeOf(span), severity: 'error', code: 'yaml-syntax', message };
    diagnostics.push(fix === undefined ? diagnostic : { ...diagnostic, data: { kind: 'replace', replacement: fix } });
  };

  const bytes = bytesAbove(rawText, limits.maxFileSize);
  if (bytes !== undefined) {
    report([0, 0], messages.fileTooLarge(bytes, limits.maxFileSize));
    return { path, text, lines, documents: [], diagnostics };
  }
  const encoding = utf16Encoding(text);
  if (encoding !== undefined) {
    report([0, 0], messages.notUtf8(encoding));
    return { path, text, lines, documents: [], diagnostics };
  }

  if (limits.fast !== false) {
    const fast = fastReadYaml(text, limits.maxDepth);
    if (fast) return new FastReadFile(path, text, lines, fastDocuments(fast), limits.maxDepth);
  }

  const first = readYaml(text, limits, false);
  if (first.errors.length === 0) {
    for (const limit of first.limits) report(limit.span, limit.message);
    const documents = first.documents.map(
      (document, index): PlanDocument => ({ index, root: document.root, span: document.span, broken: document.limited, damage: noDamage, aliased: document.aliased }),
    );
    return { path, text, lines, documents, diagnostics };
  }
  const recovered = recoverYaml(text, first, (edited) => readYaml(edited, limits, limits.fast !== false));
  for (const problem of recovered.problems) report(problem.span, problem.message, problem.fix);
  return { path, text, lines, documents: recovered.documents, diagnostics };
}

function fastDocumentsOr(read: readonly FastDocument[] | undefined, otherwise: () => readonly PlanDocument[]): readonly PlanDocument[] {
  return read ? fastDocuments(read) : otherwise();
}

/**
 * A file read without its tree (its entities read straight from the text: model/readText.ts): its tree is
 * read from the text when first asked for, like a released one.
 */
export function fastReadLater(path: string, text: string, maxDepth: number): ParsedFile {
  return new FastReadFile(path, text, new LineIndex(text), undefined, maxDepth);
}

function fastDocuments(read: readonly FastDocument[]): PlanDocument[] {
  return read.map((document, index): PlanDocument => ({ index, root: document.root, span: document.span, broken: false, damage: noDamage, aliased: noAliases }));
}

/**
 * A file the fast reader read, without a problem. Its tree is needed while its entities are read, and
 * then seldom (an import of actuals finds the mappings it edits): `releaseTree` lets it go, and it is read
 * again from the text when next asked for. The entities keep their places as offsets, so a workspace
 * of 10,000 projects does not hold ~30 MB of tree, nor does the garbage collector copy it.
 */
class FastReadFile implements ParsedFile {
  declare readonly path: string;
  declare readonly text: string;
  declare readonly lines: LineIndex;
  declare readonly diagnostics: readonly PlanDiagnostic[];
  declare private tree: readonly PlanDocument[] | undefined;
  declare private readonly maxDepth: number;
  constructor(path: string, text: string, lines: LineIndex, tree: readonly PlanDocument[] | undefined, maxDepth: number) {
    this.path = path;
    this.text = text;
    this.lines = lines;
    this.diagnostics = noDiagnostics;
    this.tree = tree;
    this.maxDepth = maxDepth;
  }

  get documents(): readonly PlanDocument[] {
    // The fast reader read the text (or model/readText.ts, which reads only what the fast reader reads)
    // without a problem before: it reads the same again. Were it ever not to, the full parser reads it.
    return (this.tree ??= fastDocumentsOr(fastReadYaml(this.text, this.maxDepth), () => parsePlanFile(this.path, this.text, { ...defaultParseLimits, maxDepth: this.maxDepth, fast: false }).documents));
  }

  releaseTree(): void {
    this.tree = undefined;
  }
}

const noDiagnostics: readonly PlanDiagnostic[] = [];

/** Lets a file's tree go once its entities are read, when it can be read again from the text (see `FastReadFile`). */
export function releaseTree(file: ParsedFile): void {
  if (file instanceof FastReadFile) file.releaseTree();
}

/** One reading of a text: the fast reader when allowed (it reads only error-free text), else the `yaml` package. */
function readYaml(text: string, limits: ParseLimits, fast: boolean): YamlRead {
  if (fast) {
    const documents = fastReadYaml(text, limits.maxDepth);
    if (documents) return { documents: documents.map((d) => ({ ...d, errors: 0, limited: false, aliased: noAliases })), errors: [], limits: [] };
  }
  if (nestingDepth(text, limits.maxDepth * 2) > limits.maxDepth * 2) {
    // The YAML parser recurses; very deep nesting can exhaust the stack or worse. Refuse it up front.
    return { documents: [], errors: [], limits: [{ span: [0, 0], message: messages.tooDeep(limits.maxDepth) }] };
  }
  let yamlDocuments: Document.Parsed[];
  try {
    yamlDocuments = parseAllDocuments(text, { prettyErrors: false, schema: 'core', uniqueKeys: true, merge: false }) as Document.Parsed[];
  } catch (error) {
    return { documents: [], errors: [], limits: [{ span: [0, 0], message: messages.yamlSyntax(error instanceof Error ? error.message : String(error)) }] };
  }
  if (!Array.isArray(yamlDocuments)) yamlDocuments = [];

  const documents: Array<YamlRead['documents'][number]> = [];
  const errors: Array<YamlRead['errors'][number]> = [];
  const found: Array<YamlRead['limits'][number]> = [];
  for (const doc of yamlDocuments) {
    for (const error of doc.errors) errors.push({ span: [error.pos[0], Math.max(error.pos[0], error.pos[1])], message: error.message, code: error.code });
    const span: Span = [doc.range[0], doc.range[2]];
    let root: YamlNode | undefined;
    let aliased: readonly AliasedValue[] = noAliases;
    try {
      // Keys that are not plain scalars are reported only in an otherwise sound document: else they are
      // the parser's guesses around another error.
      const builder = new TreeBuilder(doc, text, limits, doc.errors.length > 0 ? undefined : found);
      root = doc.contents ? builder.build(doc.contents as AstNode) : undefined;
      if (builder.aliased.length > 0) aliased = builder.aliased;
    } catch (error) {
      if (!(error instanceof ReadLimitError)) throw error;
      found.push({ span: doc.contents?.range ? [doc.contents.range[0], doc.contents.range[0]] : span, message: error.message });
      documents.push({ root: undefined, span, errors: doc.errors.length, limited: true, aliased: noAliases });
      continue;
    }
    if (root?.kind === 'scalar' && root.value === null) root = undefined; // an empty or comment-only document
    documents.push({ root, span, errors: doc.errors.length, limited: false, aliased });
  }
  return { documents, errors, limits: found };
}

/**
 * An upper bound of how deep the text nests: flow brackets plus block indentation levels (dashes that
 * open a nested sequence on the same line count too). Stops counting past `stopAt`.
 */
export function nestingDepth(text: string, stopAt: number): number {
  let flow = 0;
  let deepest = 0;
  const indents: number[] = [];
  let lineStart = true;
  let column = 0;
  /** `- ` and `? ` indicators at the start of this line: each opens one more level. */
  let indicators = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (lineStart) {
      if (c === 32 || c === 9) {
        column++;
        continue;
      }
      if ((c === 45 || c === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10 || i + 1 >= text.length)) {
        indicators++;
        column++;
        continue;
      }
      lineStart = false;
      if (c !== 35 && c !== 13 && (c !== 10 || indicators > 0)) {
        while (indents.length > 0 && indents[indents.length - 1] >= column) indents.pop();
        indents.push(column);
      }
    }
    if (c === 10) {
      const depth = flow + indents.length + indicators;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
      lineStart = true;
      column = 0;
      indicators = 0;
      continue;
    }
    if (c === 91 || c === 123) flow++;
    else if ((c === 93 || c === 125) && flow > 0) flow--;
    const depth = flow + indents.length + indicators;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > stopAt) return deepest;
    }
  }
  return deepest;
}

/** Converts the `yaml` AST into {@link YamlNode}s, resolving aliases within limits. */
class TreeBuilder {
  private expansions = 0;
  /** Each value an alias repeats, with the alias (an alias within a repeated value once per repeat). */
  readonly aliased: AliasedValue[] = [];

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly limits: ParseLimits,
    /** Where to report keys that are not plain scalars (their entries are left out); undefined: say nothing. */
    private readonly complexKeys: Array<{ span: Span; message: string }> | undefined,
  ) {}

  build(node: AstNode): YamlNode {
    return this.convert(node, 0, false);
  }

  private convert(node: AstNode | null | undefined, depth: number, viaAlias: boolean, fallback: Span = [0, 0]): YamlNode {
    if (depth > this.limits.maxDepth) throw new ReadLimitError(messages.tooDeep(this.limits.maxDepth));
    if (viaAlias && ++this.expansions > this.limits.maxAliasExpansion) {
      throw new ReadLimitError(messages.tooManyAliases(this.limits.maxAliasExpansion));
    }
    if (node == null) return new Scalar(null, fallback[0], fallback[1]);
    const span: Span = node.range ? [node.range[0], node.range[1]] : fallback;
    if (isAlias(node)) {
      const target = (node as Alias).resolve(this.doc);
      // YAML 1.2: an alias to no anchor is an error (the parser reads it as null and says nothing).
      if (target === undefined) this.complexKeys?.push({ span, message: messages.unresolvedAlias((node as Alias).source) });
      const resolved = this.convert(target as AstNode | undefined, depth + 1, true, span);
      if (target !== undefined) this.aliased.push({ value: resolved.span, alias: span });
      // Report problems in an aliased value where the alias is written.
      return relocate(resolved, span);
    }
    if (isScalar(node)) {
      // A block scalar (| or >) ends with its text, not after the line breaks that follow it.
      const end = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? textEnd(this.text, span[0], span[1]) : span[1];
      return new Scalar(plainScalar(node.value), span[0], end);
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => this.convert(item as AstNode, depth + 1, viaAlias, span));
      return new Seq(items, span[0], node.flow ? span[1] : items.length > 0 ? items[items.length - 1].span[1] : span[0]);
    }
    if (isMap(node)) {
      const entries = new Entries();
      let end = span[0];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as AstNode | null;
        let key: string;
        let keySpan: Span;
        if (keyNode == null) {
          key = '';
          keySpan = [span[0], span[0]];
        } else if (isScalar(keyNode)) {
          key = String(keyNode.value ?? '');
          keySpan = keyNode.range ? [keyNode.range[0], keyNode.range[1]] : span;
        } else {
          const at: Span = keyNode.range ? [keyNode.range[0], keyNode.range[1]] : span;
          this.complexKeys?.push({ span: at, message: messages.complexKey() });
          continue;
        }
        const value = this.convert(pair.value as AstNode | null, depth + 1, viaAlias, [keySpan[1], keySpan[1]]);
        entries.add(new Entry(key, keySpan[0], keySpan[1], value));
        end = Math.max(end, value.span[1], keySpan[1]);
      }
      // A block collection ends where its last value ends (not at the next line), as the fast reader says.
      return new MapOf(entries, span[0], node.flow ? span[1] : end);
    }
    return new Scalar(null, span[0], span[1]);
  }
}

function plainScalar(value: unknown): ScalarNode['value'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

function relocate(node: YamlNode, span: Span): YamlNode {
  switch (node.kind) {
    case 'scalar':
      return new Scalar(node.value, span[0], span[1]);
    case 'seq':
      return new Seq(node.items, span[0], span[1]);
    case 'map':
      return new MapOf(node.entries as Entries, span[0], span[1]);
  }
}

