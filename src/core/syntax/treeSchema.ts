/**
 * The schema checked on the located tree itself, for the common case of a valid document: no plain copy
 * of the document is made for the validator. It answers only "valid for sure" (true) or "not sure"
 * (false); on false the caller runs the precompiled Ajv validator on the plain copy, which alone reports
 * problems, so diagnostics cannot differ. It knows the keywords plan.schema.json uses, each exactly as
 * Ajv reads it; a keyword it does not know, a non-finite number or a `__proto__` key make it not sure.
 */
import { parseDay } from '../base/dates';
import { planSchema } from './generated/planSchema';
import { entriesOf, type YamlNode } from './nodes';

/** True: the node is valid for sure; false: invalid, or not sure. */
export type Check = (node: YamlNode) => boolean;

const notSure: Check = () => false;
const anything: Check = () => true;

/** What Ajv's `date` format (ajv-formats, full) accepts: YYYY-MM-DD of a real calendar day — what parseDay reads (test/unit/dates.test.ts, fastPath.test.ts). */
const isDate = (text: string): boolean => parseDay(text) !== undefined;

/** Length in code points, as Ajv counts for `minLength`. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

type Scalar = string | number | boolean | null;
const isScalar = (v: unknown): v is Scalar => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The keywords of a schema that only annotate or hold definitions: they never make a value invalid. */
const inert = new Set(['$schema', '$id', 'definitions', '$comment', 'title', 'description', 'default', 'examples']);

class Compiler {
  private readonly refs = new Map<string, Check>();

  constructor(private readonly root: Readonly<Record<string, unknown>>) {}

  /** The check of a `$ref` to `#/definitions/<name>`, compiled once, resolved lazily (definitions refer to each other). */
  private ref(ref: unknown): Check {
    if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return notSure;
    const known = this.refs.get(ref);
    if (known) return known;
    let compiled: Check | undefined;
    const lazy: Check = (node) => (compiled ??= this.compile((this.root.definitions as Record<string, unknown> | undefined)?.[ref.slice(14)]))(node);
    this.refs.set(ref, lazy);
    return lazy;
  }

  compile(schema: unknown): Check {
    if (schema === true) return anything;
    if (schema === false || schema === null || typeof schema !== 'object' || Array.isArray(schema)) return notSure;
    const s = schema as Record<string, unknown>;
    const checks: Check[] = [];
    for (const keyword of Object.keys(s)) {
      if (inert.has(keyword)) continue;
      const check = this.keyword(keyword, s[keyword], s);
      if (!check) return notSure;
      if (check !== anything) checks.push(check);
    }
    if (checks.length === 0) return anything;
    if (checks.length === 1) return checks[0];
    return (node) => {
      for (let i = 0; i < checks.length; i++) if (!checks[i](node)) return false;
      return true;
    };
  }

  /** One keyword's check; undefined for a keyword (or form of it) not handled here. */
  private keyword(keyword: string, value: unknown, schema: Record<string, unknown>): Check | undefined {
    switch (keyword) {
      case '$ref':
        return this.ref(value);
      case 'type':
        return typeCheck(value);
      case 'properties':
      case 'patternProperties':
      case 'additionalProperties':
        // Checked together, once, under `properties` (or whichever of the three comes first).
        return keyword === firstOf(schema, ['properties', 'patternProperties', 'additionalProperties']) ? this.object(schema) : anything;
      case 'required': {
        if (!Array.isArray(value) || !value.every((k) => typeof k === 'string')) return undefined;
        const keys = value as string[];
        return (node) => {
          if (node.kind !== 'map') return true;
          for (const key of keys) if (!node.entries.has(key)) return false;
          return true;
        };
      }
      case 'items': {
        if (Array.isArray(value)) return undefined;
        const item = this.compile(value);
        return (node) => {
          if (node.kind !== 'seq') return true;
          for (const i of node.items) if (!item(i)) return false;
          return true;
        };
      }
      case 'pattern': {
        if (typeof value !== 'string') return undefined;
        const re = new RegExp(value, 'u');
        return onString((text) => re.test(text));
      }
      case 'format':
        return value === 'date' ? onString(isDate) : undefined;
      case 'minLength':
        return typeof value === 'number' ? onString((text) => codePoints(text) >= value) : undefined;
      case 'minimum':
        return typeof value === 'number' ? onNumber((n) => n >= value) : undefined;
      case 'maximum':
        return typeof value === 'number' ? onNumber((n) => n <= value) : undefined;
      case 'enum': {
        if (!Array.isArray(value) || !value.every(isScalar)) return undefined;
        const allowed = value as Scalar[];
        return (node) => node.kind === 'scalar' && allowed.includes(node.value);
      }
      case 'const': {
        if (!isScalar(value)) return undefined;
        return (node) => node.kind === 'scalar' && node.value === value;
      }
      default:
        return undefined;
    }
  }

  /** `properties`, `patternProperties` and `additionalProperties` of one schema, on each entry of a mapping. */
  private object(schema: Record<string, unknown>): Check | undefined {
    const properties = schema.properties ?? {};
    const patterns = schema.patternProperties ?? {};
    const additional = schema.additionalProperties ?? true;
    if (typeof properties !== 'object' || properties === null || typeof patterns !== 'object' || patterns === null) return undefined;
    const byKey = new Map<string, Check>();
    for (const [key, sub] of Object.entries(properties)) {
      // Ajv reads `data.key`: a name an object inherits (`toString`) would read differently here.
      if (key in Object.prototype) return undefined;
      byKey.set(key, this.compile(sub));
    }
    const byPattern = Object.entries(patterns).map(([pattern, sub]) => [new RegExp(pattern, 'u'), this.compile(sub)] as const);
    const rest = additional === false ? undefined : this.compile(additional);
    return (node) => {
      if (node.kind !== 'map') return true;
      const entries = entriesOf(node);
      for (let e = 0; e < entries.length; e++) {
        const entry = entries[e];
        const key = entry.key;
        // A plain object has no own `__proto__` key: leave such a document to the validator.
        if (key === '__proto__') return false;
        const known = byKey.get(key);
        let matched = known !== undefined;
        if (known && !known(entry.value)) return false;
        for (let p = 0; p < byPattern.length; p++) {
          if (!byPattern[p][0].test(key)) continue;
          matched = true;
          if (!byPattern[p][1](entry.value)) return false;
        }
        if (!matched && !(rest && rest(entry.value))) return false;
      }
      return true;
    };
  }
}

function firstOf(schema: Record<string, unknown>, keywords: readonly string[]): string | undefined {
  return Object.keys(schema).find((k) => keywords.includes(k));
}

function onString(test: (text: string) => boolean): Check {
  return (node) => node.kind !== 'scalar' || typeof node.value !== 'string' || test(node.value);
}

/** Numbers must be finite (Ajv's checks of NaN and infinities are left to it). */
function onNumber(test: (n: number) => boolean): Check {
  return (node) => node.kind !== 'scalar' || typeof node.value !== 'number' || (Number.isFinite(node.value) && test(node.value));
}

function typeCheck(type: unknown): Check | undefined {
  switch (type) {
    case 'object':
      return (node) => node.kind === 'map';
    case 'array':
      return (node) => node.kind === 'seq';
    case 'string':
      return (node) => node.kind === 'scalar' && typeof node.value === 'string';
    case 'number':
      return (node) => node.kind === 'scalar' && typeof node.value === 'number' && Number.isFinite(node.value);
    case 'integer':
      return (node) => node.kind === 'scalar' && Number.isInteger(node.value);
    case 'boolean':
      return (node) => node.kind === 'scalar' && typeof node.value === 'boolean';
    case 'null':
      return (node) => node.kind === 'scalar' && node.value === null;
    default:
      return undefined;
  }
}

/**
 * True when the document root (as the model reads it) is valid against plan.schema.json for sure; false
 * when it is not, or when this check cannot tell (then Ajv decides, on the plain copy).
 */
const planCompiler = new Compiler(planSchema);
export const validTree: Check = planCompiler.compile(planSchema);

/** The check of one part of plan.schema.json (a property's schema), its `$ref`s resolved in the whole schema. */
export function planCheckOf(part: unknown): Check {
  return planCompiler.compile(part);
}

/** For tests: the same check against another schema. */
export function treeCheckOf(schema: Readonly<Record<string, unknown>>): Check {
  return new Compiler(schema).compile(schema);
}
