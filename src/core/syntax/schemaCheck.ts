/**
 * Schema validation of one document with the precompiled validator of `schemas/plan.schema.json`,
 * plus the document rules a JSON Schema cannot say cleanly (exactly one root entity).
 * Each error is mapped to the narrowest range: an unknown key on the key, a missing key on its
 * parent's key, a bad value on the value.
 */
import type { ErrorObject } from 'ajv';
import validatePlan from './generated/planValidator';
import { messages } from '../base/messages';
import type { PlanDiagnostic } from '../base/diagnostic';
import type { Span } from '../base/positions';
import { type MapNode, type ParsedFile, type YamlNode, nodeAtPointer, toPlain } from './nodes';

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

export function checkSchema(file: ParsedFile, documentIndex: number): PlanDiagnostic[] {
  const document = file.documents[documentIndex];
  const root = document?.root;
  if (!document || !root || document.broken) return [];
  const diagnostics: PlanDiagnostic[] = [];
  const report = (span: Span, message: string) =>
    diagnostics.push({ file: file.path, range: file.lines.rangeOf(span), severity: 'error', code: 'schema', message });

  if (root.kind !== 'map') {
    report([root.span[0], root.span[0]], messages.rootNotMapping());
    return diagnostics;
  }
  const present = rootEntityKeys.filter((key) => root.entries.has(key));
  if (present.length > 1) {
    report(root.entries.get(present[1])!.keySpan, messages.severalRootEntities(present));
  } else if (present.length === 0 && !root.entries.has('people')) {
    const first = root.entries.values().next().value;
    report(first ? first.keySpan : [root.span[0], root.span[0]], messages.noRootEntity());
  }

  if (validatePlan(toPlain(root))) return diagnostics;
  const seen = new Set<string>();
  for (const error of validatePlan.errors ?? []) {
    const mapped = mapError(root, error);
    if (!mapped) continue;
    // One message per place: a bad date fails both `pattern` and `format`.
    const key = `${mapped.span[0]}:${mapped.span[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    report(mapped.span, mapped.message);
  }
  return diagnostics;
}

function mapError(root: MapNode, error: ErrorObject): { span: Span; message: string } | undefined {
  const target = nodeAtPointer(root, error.instancePath);
  if (!target) return undefined;
  const where = describe(root, error.instancePath);
  // An empty value (`name:`) has no width of its own: show the problem on its key.
  const valueSpan: Span = target.node.span[1] > target.node.span[0] || !target.keySpan ? target.node.span : target.keySpan;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const entry = target.node.kind === 'map' ? target.node.entries.get(key) : undefined;
      return { span: entry?.keySpan ?? target.node.span, message: messages.unknownKey(key, where) };
    }
    case 'required': {
      const key = String(params.missingProperty);
      return { span: target.keySpan ?? firstKeySpan(target.node), message: messages.missingKey(key, where) };
    }
    case 'type':
      return { span: valueSpan, message: messages.wrongType(article(String(params.type)), where) };
    case 'enum':
      return { span: valueSpan, message: messages.badEnum((params.allowedValues as string[]) ?? [], where) };
    case 'format':
      return { span: valueSpan, message: messages.badDate(where) };
    case 'pattern':
      return { span: valueSpan, message: messages.badPattern(where, patternHint(error.instancePath)) };
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

function firstKeySpan(node: YamlNode): Span {
  if (node.kind === 'map') {
    const first = node.entries.values().next().value;
    if (first) return first.keySpan;
  }
  return [node.span[0], node.span[0]];
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

function patternHint(pointer: string): string {
  const key = pointer.split('/').filter((s) => !/^\d+$/.test(s)).pop() ?? '';
  if (key === 'duration') return "must be a number of days or weeks (at most 6 digits), like '90d' or '8w'";
  if (key === 'currency') return "must be an ISO 4217 code, like 'USD'";
  if (/(^|_)(start|end|date|raised|due)$/.test(key)) return 'must be a date written YYYY-MM-DD';
  return 'must be an id: letters, digits, and _ . - (not first)';
}

/** Names the value at a pointer the way a person would: "progress of project 'auth'". */
function describe(root: MapNode, pointer: string): string {
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
        entity = named(segment, node);
        field = undefined;
      } else {
        field = field === 'baseline' ? `baseline ${segment}` : segment;
        listKey = segment;
      }
    } else if (node.kind === 'seq') {
      node = node.items[Number(segment)];
      if (listKey && itemKinds[listKey]) {
        entity = named(itemKinds[listKey], node);
        field = undefined;
      } else {
        field = `${field ?? 'item'} item ${Number(segment) + 1}`;
      }
    }
  }
  return field ? `${field} of ${entity}` : entity;
}

function named(kind: string, node: YamlNode | undefined): string {
  if (node?.kind !== 'map') return kind;
  for (const key of ['id', 'name', 'title', 'person']) {
    const value = node.entries.get(key)?.value;
    if (value?.kind === 'scalar' && value.value !== null && value.value !== '') return `${kind} '${String(value.value)}'`;
  }
  return kind;
}
