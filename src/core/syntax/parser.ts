/**
 * YAML text → the located tree of `nodes.ts`, one per document: the fast reader for plain block YAML,
 * else the `yaml` package (with its exact error messages). Never throws, whatever the text.
 */
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, type Node as AstNode, parseAllDocuments } from 'yaml';
import { LineIndex, type Span } from '../base/positions';
import { messages } from '../base/messages';
import type { PlanDiagnostic } from '../base/diagnostic';
import { fastReadYaml } from './fastReader';
import { defaultParseLimits, type MapEntry, type ParsedFile, type ParseLimits, type PlanDocument, type ScalarNode, type YamlNode } from './nodes';

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

/** Parses one plan file. Never throws for any input text. */
export function parsePlanFile(path: string, rawText: string, limits: ParseLimits = defaultParseLimits): ParsedFile {
  // Editors hide the byte order mark; columns must match what they show.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = new LineIndex(text);
  const diagnostics: PlanDiagnostic[] = [];
  const report = (span: Span, message: string) =>
    diagnostics.push({ file: path, range: lines.rangeOf(span), severity: 'error', code: 'yaml-syntax', message });

  if (text.length > limits.maxFileSize) {
    report([0, 0], messages.fileTooLarge(text.length, limits.maxFileSize));
    return { path, text, lines, documents: [], diagnostics };
  }

  if (limits.fast !== false) {
    const fast = fastReadYaml(text, limits.maxDepth);
    if (fast) {
      const documents = fast.map((document, index): PlanDocument => ({ index, root: document.root, span: document.span, broken: false }));
      return { path, text, lines, documents, diagnostics };
    }
  }

  if (nestingDepth(text, limits.maxDepth * 2) > limits.maxDepth * 2) {
    // The YAML parser recurses; very deep nesting can exhaust the stack or worse. Refuse it up front.
    report([0, 0], messages.tooDeep(limits.maxDepth));
    return { path, text, lines, documents: [], diagnostics };
  }

  const documents: PlanDocument[] = [];
  let yamlDocuments: Document.Parsed[];
  try {
    yamlDocuments = parseAllDocuments(text, { prettyErrors: false, schema: 'core', uniqueKeys: true, merge: false }) as Document.Parsed[];
  } catch (error) {
    report([0, 0], messages.yamlSyntax(error instanceof Error ? error.message : String(error)));
    return { path, text, lines, documents, diagnostics };
  }
  if (!Array.isArray(yamlDocuments)) yamlDocuments = [];

  yamlDocuments.forEach((doc, index) => {
    for (const error of doc.errors) report([error.pos[0], Math.max(error.pos[0], error.pos[1])], messages.yamlSyntax(error.message));
    const span: Span = [doc.range[0], doc.range[2]];
    let root: YamlNode | undefined;
    try {
      root = doc.contents ? new TreeBuilder(doc, limits).build(doc.contents as AstNode) : undefined;
    } catch (error) {
      if (!(error instanceof ReadLimitError)) throw error;
      report(doc.contents?.range ? [doc.contents.range[0], doc.contents.range[0]] : span, error.message);
      documents.push({ index, root: undefined, span, broken: true });
      return;
    }
    if (root?.kind === 'scalar' && root.value === null) root = undefined; // an empty or comment-only document
    documents.push({ index, root, span, broken: doc.errors.length > 0 });
  });
  return { path, text, lines, documents, diagnostics };
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

  constructor(
    private readonly doc: Document.Parsed,
    private readonly limits: ParseLimits,
  ) {}

  build(node: AstNode): YamlNode {
    return this.convert(node, 0, false);
  }

  private convert(node: AstNode | null | undefined, depth: number, viaAlias: boolean, fallback: Span = [0, 0]): YamlNode {
    if (depth > this.limits.maxDepth) throw new ReadLimitError(messages.tooDeep(this.limits.maxDepth));
    if (viaAlias && ++this.expansions > this.limits.maxAliasExpansion) {
      throw new ReadLimitError(messages.tooManyAliases(this.limits.maxAliasExpansion));
    }
    if (node == null) return { kind: 'scalar', value: null, span: fallback };
    const span: Span = node.range ? [node.range[0], node.range[1]] : fallback;
    if (isAlias(node)) {
      const target = (node as Alias).resolve(this.doc);
      const resolved = this.convert(target as AstNode | undefined, depth + 1, true, span);
      // Report problems in an aliased value where the alias is written.
      return relocate(resolved, span);
    }
    if (isScalar(node)) return { kind: 'scalar', value: plainScalar(node.value), span };
    if (isSeq(node)) {
      const items = node.items.map((item) => this.convert(item as AstNode, depth + 1, viaAlias, span));
      return { kind: 'seq', items, span: node.flow ? span : [span[0], items.length > 0 ? items[items.length - 1].span[1] : span[0]] };
    }
    if (isMap(node)) {
      const entries = new Map<string, MapEntry>();
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
          throw new ReadLimitError(messages.complexKey());
        }
        const value = this.convert(pair.value as AstNode | null, depth + 1, viaAlias, [keySpan[1], keySpan[1]]);
        if (!entries.has(key)) entries.set(key, { key, keySpan, value });
        end = Math.max(end, value.span[1], keySpan[1]);
      }
      // A block collection ends where its last value ends (not at the next line), as the fast reader says.
      return { kind: 'map', entries, span: node.flow ? span : [span[0], end] };
    }
    return { kind: 'scalar', value: null, span };
  }
}

function plainScalar(value: unknown): ScalarNode['value'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

function relocate(node: YamlNode, span: Span): YamlNode {
  return { ...node, span };
}

