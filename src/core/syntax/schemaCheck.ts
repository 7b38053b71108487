/**
 * Schema validation of one document with the precompiled validator of `schemas/plan.schema.json`,
 * plus the document rules a JSON Schema cannot say cleanly (exactly one root entity).
 * Each error is mapped to the narrowest range: an unknown key on the key, a missing key on its
 * parent's key, a bad value on the value.
 */
import type { ErrorObject } from 'ajv';
import validatePlan from './generated/planValidator';
import { planKeys } from './generated/planKeys';
import { messages } from '../base/messages';
import type { DiagnosticData, PlanDiagnostic } from '../base/diagnostic';
import type { Span } from '../base/positions';
import { closestName } from '../base/suggestions';
import { numberHint } from './numberHint';
import { validTree } from './treeSchema';
import { Entries, Entry, type MapEntry, MapOf, type MapNode, nothingRejected, type ParsedFile, type PlanDocument, type Rejected, type YamlNode, nodeAtPointer, toPlain, writtenName } from './nodes';

const rootEntityKeys = ['portfolio', 'program', 'project'];

/** What a list key holds, to name the entity of an error. */
const itemKinds: Record<string, string> = {
  programs: 'program',
  projects: 'project',
  milestones: 'milestone',
  risks: 'risk',
  issues: 'issue',
  benefits: 'benefit',
  team: 'team entry',
  people: 'person',
};

export interface SchemaCheck {
  readonly diagnostics: PlanDiagnostic[];
  /** The root as the model reads it: a misspelt root key (`programme:`) stands under the key it was meant to be. */
  readonly root: YamlNode | undefined;
  /** What the model must not read: what the schema rejects, and keys whose value is unknown. */
  readonly rejected: Rejected;
}

export function checkSchema(file: ParsedFile, documentIndex: number): SchemaCheck {
  const document = file.documents[documentIndex];
  const written = document?.root;
  if (!document || !written) return { diagnostics: [], root: written, rejected: nothingRejected };
  // What the model must not read: the keys of lines that could not be read, then what the schema rejects.
  const rejectedSoFar = (): { values: Set<YamlNode>; keys: Map<MapNode, Set<string>> } => {
    const rejected = { values: new Set<YamlNode>(), keys: new Map<MapNode, Set<string>>() };
    for (const [map, keys] of document.damage) rejected.keys.set(map, new Set(keys));
    return rejected;
  };
  const unreadOnly = () => (document.damage.size === 0 ? nothingRejected : rejectedSoFar());
  if (document.broken) return { diagnostics: [], root: written, rejected: unreadOnly() };

  const diagnostics: PlanDiagnostic[] = [];
  const report = (span: Span, message: string, data?: DiagnosticData) => {
    const diagnostic: PlanDiagnostic = { file: file.path, range: file.lines.rangeOf(span), severity: 'error', code: 'schema', message };
    diagnostics.push(data ? { ...diagnostic, data } : diagnostic);
  };

  if (written.kind !== 'map') {
    report(firstLine(written.span, file.text), messages.rootNotMapping());
    return { diagnostics, root: written, rejected: unreadOnly() };
  }
  const typo = rootTypo(written);
  const root = typo ? typo.root : written;
  if (typo) report(typo.entry.keySpan, messages.unknownKeyDidYouMean(typo.entry.key, 'the document', typo.meant), { kind: 'replace', replacement: typo.meant });
  const present = rootEntityKeys.filter((key) => root.entries.has(key));
  const rootDamage = document.damage.get(written);
  if (present.length > 1) {
    report(root.entries.get(present[1])!.keySpan, messages.severalRootEntities(present));
  } else if (present.length === 0 && !root.entries.has('people') && !(rootDamage && [...rootDamage].some((k) => k === '*' || rootEntityKeys.includes(k)))) {
    const first = root.entries.values().next().value;
    report(first ? first.keySpan : [root.span[0], root.span[0]], messages.noRootEntity());
  }

  // A valid document (nearly all) is checked on its tree; the validator, on a plain copy, reports the problems of the others.
  if (validTree(root) || validatePlan(toPlain(root))) return { diagnostics, root, rejected: unreadOnly() };
  const rejected = rejectedSoFar();
  const seen = new Set<string>();
  // Unknown keys first: the key a misspelt one was meant to be is then not also reported missing.
  const errors = [...(validatePlan.errors ?? [])].sort((a, b) => Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties'));
  // The keys a mapping lacks, said in one error at its place (each missing key is its own `required` error).
  const missing = new Map<string, { span: Span; keys: string[]; where: string }>();
  for (const error of errors) {
    const mapped = mapError(root, error, document, rejected, file.text);
    if (!mapped) continue;
    // One message per place: a bad date fails both `pattern` and `format`.
    const key = `${mapped.span[0]}:${mapped.span[1]}`;
    if (mapped.missing) {
      const group = missing.get(key);
      if (group) group.keys.push(mapped.missing.key);
      else if (!seen.has(key)) missing.set(key, { span: mapped.span, keys: [mapped.missing.key], where: mapped.missing.where });
      seen.add(key);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    report(mapped.span, mapped.message, mapped.data);
  }
  for (const { span, keys, where } of missing.values()) report(span, messages.missingKeys(keys, where));
  return { diagnostics, root, rejected };
}

/**
 * A document with no portfolio, program or project but a key that is a likely typo of one
 * (`programme:`): read as that entity, so its ids still resolve and one error says what to write.
 */
function rootTypo(root: MapNode): { root: MapNode; entry: MapEntry; meant: string } | undefined {
  if (rootEntityKeys.some((key) => root.entries.has(key))) return undefined;
  for (const entry of root.entries.values()) {
    if (planKeys.document.keys.includes(entry.key) || entry.key.startsWith('x-')) continue;
    const meant = closestName(entry.key, rootEntityKeys);
    if (!meant) continue;
    const entries = new Entries();
    for (const other of root.entries.values()) entries.add(other === entry ? new Entry(meant, entry.keySpan[0], entry.keySpan[1], entry.value) : other);
    return { root: new MapOf(entries, root.span[0], root.span[1]), entry, meant };
  }
  return undefined;
}

function mapError(
  root: MapNode,
  error: ErrorObject,
  document: PlanDocument,
  rejected: { values: Set<YamlNode>; keys: Map<MapNode, Set<string>> },
  text: string,
): { span: Span; message: string; data?: DiagnosticData; missing?: { key: string; where: string } } | undefined {
  const target = nodeAtPointer(root, error.instancePath);
  if (!target) return undefined;
  const where = describe(root, error.instancePath, text);
  // An empty value (`name:`) has no width of its own: show the problem on its key; an empty list item (`-`), on its dash.
  const valueSpan: Span = target.node.span[1] > target.node.span[0] ? target.node.span : target.keySpan ?? dashBefore(target.node.span, text);
  const params = error.params as Record<string, unknown>;
  const kind = kindAt(error.instancePath);
  if (error.keyword !== 'required' && error.keyword !== 'additionalProperties') rejected.values.add(target.node);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const entry = target.node.kind === 'map' ? target.node.entries.get(key) : undefined;
      const span = entry?.keySpan ?? target.node.span;
      const known = kind ? planKeys[kind].keys : [];
      const meant = target.node.kind === 'map' ? closestName(key, known.filter((k) => !(target.node as MapNode).entries.has(k))) : undefined;
      if (!meant) return { span, message: messages.unknownKey(key, where) };
      // The value was meant for that key: it is unknown there, not absent.
      const keys = rejected.keys.get(target.node as MapNode) ?? new Set<string>();
      keys.add(meant);
      rejected.keys.set(target.node as MapNode, keys);
      return { span, message: messages.unknownKeyDidYouMean(key, where, meant), data: { kind: 'replace', replacement: meant } };
    }
    case 'required': {
      const key = String(params.missingProperty);
      // A line of this mapping that could not be read may well be the missing key: the syntax error says it.
      const damage = target.node.kind === 'map' ? document.damage.get(target.node) : undefined;
      if (damage && [...damage].some((k) => k === '*' || k === key || !(kind && planKeys[kind].keys.includes(k)))) return undefined;
      // Written misspelt: the unknown key's error says what to write.
      if (target.node.kind === 'map' && rejected.keys.get(target.node)?.has(key)) return undefined;
      return { span: target.keySpan ?? firstKeySpan(target.node), message: messages.missingKey(key, where), missing: { key, where } };
    }
    case 'type': {
      const expected = article(String(params.type));
      const hint = /number|integer/.test(String(params.type)) && target.node.kind === 'scalar' && typeof target.node.value === 'string' ? numberHint(target.node.value) : undefined;
      if (hint) return { span: valueSpan, message: messages.numberAsText(where, expected, hint.written, hint.reasons), data: { kind: 'replace', replacement: hint.written } };
      // A date, a duration or a currency written as something else than text: what to write, not "text".
      const key = error.instancePath.split('/').filter((s) => !/^\d+$/.test(s)).pop() ?? '';
      if (params.type === 'string' && /^(duration|currency)$|(^|_)(start|end|date|raised|due)$/.test(key)) {
        const days = key === 'duration' && target.node.kind === 'scalar' && typeof target.node.value === 'number' && Number.isInteger(target.node.value) && target.node.value > 0 ? `${target.node.value}d` : undefined;
        return { span: valueSpan, message: messages.badPattern(where, patternHint(error.instancePath, target.node)), ...(days ? { data: { kind: 'replace' as const, replacement: days } } : {}) };
      }
      return { span: valueSpan, message: messages.wrongType(expected, where) };
    }
    case 'enum': {
      const allowed = ((params.allowedValues as unknown[]) ?? []).map(String);
      // A near miss (`gren`, `Done`, `in progress`): the value meant, with the fix that writes it.
      const written = target.node.kind === 'scalar' && typeof target.node.value === 'string' ? target.node.value : undefined;
      const meant = written === undefined ? undefined : closestName(written.replace(/[\s_]+/g, '-'), allowed);
      if (meant !== undefined) return { span: valueSpan, message: messages.badEnumDidYouMean(allowed, where, meant), data: { kind: 'replace', replacement: meant } };
      return { span: valueSpan, message: messages.badEnum(allowed, where) };
    }
    case 'format':
      return { span: valueSpan, message: messages.badDate(where) };
    case 'pattern':
      return { span: valueSpan, message: messages.badPattern(where, patternHint(error.instancePath, target.node)) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        span: valueSpan,
        message: messages.outOfRange(where, String(params.comparison), Number(params.limit)),
      };
    case 'const':
      return { span: valueSpan, message: messages.badConst(where, params.allowedValue) };
    case 'minLength':
      return { span: valueSpan, message: messages.schemaOther(where, 'must not be empty') };
    default:
      return { span: valueSpan, message: messages.schemaOther(where, error.message ?? 'is not valid') };
  }
}

/** The kind of mapping (a key of `planKeys`) a JSON pointer names, following the schema's nesting. */
function kindAt(pointer: string): string | undefined {
  let kind: string | undefined = 'document';
  for (const segment of pointer === '' ? [] : pointer.slice(1).split('/')) {
    if (/^\d+$/.test(segment)) continue; // an item of a list: the list key said what it holds
    kind = kind === undefined ? undefined : planKeys[kind]?.children[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return kind;
}

/** The `-` of an empty list item written at `start`, else the empty span itself. */
function dashBefore(span: Span, text: string): Span {
  let at = span[0];
  while (at > 0 && (text.charCodeAt(at - 1) === 32 || text.charCodeAt(at - 1) === 9)) at--;
  return at > 0 && text.charCodeAt(at - 1) === 45 ? [at - 1, at] : span;
}

/** A mapping's first key; an empty one (`{}`), or a value that is no mapping, itself. */
function firstKeySpan(node: YamlNode): Span {
  if (node.kind === 'map') {
    const first = node.entries.values().next().value;
    if (first) return first.keySpan;
  }
  return node.span;
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function patternHint(pointer: string, node: YamlNode): string {
  const key = pointer.split('/').filter((s) => !/^\d+$/.test(s)).pop() ?? '';
  if (key === 'duration') {
    const rule = "a whole number of days or weeks from 1 to 999999, like '90d' or '8w'";
    // `0d`, `0w`, `0`: the pattern's first digit is 1 to 9 because a project lasts at least a day.
    const zero = node.kind === 'scalar' && /^0+[dw]?$/.test(String(node.value));
    return zero ? `must be at least 1 day (${rule})` : `must be ${rule}`;
  }
  if (key === 'currency') return "must be an ISO 4217 code, like 'USD'";
  if (/(^|_)(start|end|date|raised|due)$/.test(key)) return 'must be a date written YYYY-MM-DD';
  return 'must be an id: letters, digits, and _ . - (not first)';
}

/** Names the value at a pointer the way a person would: "progress of project 'auth'". */
function describe(root: MapNode, pointer: string, text: string): string {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/');
  let node: YamlNode | undefined = root;
  let entity = 'the document';
  let field: string | undefined;
  let listKey: string | undefined;
  for (const segment of segments) {
    if (!node) break;
    if (node.kind === 'map') {
      const entry: { value: YamlNode } | undefined = node.entries.get(segment);
      node = entry?.value;
      if (rootEntityKeys.includes(segment) && field === undefined && entity === 'the document') {
        entity = named(segment, node, text);
        field = undefined;
      } else {
        field = field === 'baseline' ? `baseline ${segment}` : segment;
        listKey = segment;
      }
    } else if (node.kind === 'seq') {
      node = node.items[Number(segment)];
      if (listKey && itemKinds[listKey]) {
        entity = named(itemKinds[listKey], node, text);
        field = undefined;
      } else {
        field = `${field ?? 'item'} item ${Number(segment) + 1}`;
      }
    }
  }
  return field ? `${field} of ${entity}` : entity;
}

/** "project 'auth'": the kind and its id (else name, title, person) as written (`id: 0x1F` is 0x1F, not 31). */
function named(kind: string, node: YamlNode | undefined, text: string): string {
  if (node?.kind !== 'map') return kind;
  for (const key of ['id', 'name', 'title', 'person']) {
    const value = node.entries.get(key)?.value;
    if (value?.kind !== 'scalar' || value.value === null || value.value === '') continue;
    return `${kind} '${writtenName(text, value.value, value.span[0], value.span[1])}'`;
  }
  return kind;
}

/** A span cut at the end of its first line: a document that is a long list is shown by its first line. */
function firstLine([start, end]: Span, text: string): Span {
  const lineEnd = text.slice(start, end).search(/\r?\n/);
  return lineEnd < 0 ? [start, end] : [start, start + lineEnd];
}
