/**
 * Field-by-field comparison of the engine's rollup JSON (SPEC 7) and diagnostics with the reference
 * (spec.ts): every difference as one line naming the field, the engine's value and the reference's.
 */
import type { Rational } from './rational';
import type { Expected, ExpectedDiagnostic, Figures } from './spec';

/** A diagnostic as the engine reports it (0-based range, as in the public API's PlanDiagnostic). */
export interface ActualDiagnostic {
  readonly file: string;
  readonly code: string;
  readonly message: string;
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

/** The rollup JSON, read as plain data (SPEC 7), so the comparison assumes nothing about the engine's types. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A field to leave out of the comparison: see test/unit/reference.test.ts, KNOWN MISMATCH. */
export interface Exclusion {
  /** Matches the field's path, e.g. `programs[pg3].figures.forecastEnd`. */
  readonly path: RegExp;
  /** Leave it out only when this holds (the situation the mismatch is about); `reference` is the reference's value. */
  readonly when?: (context: { readonly expected: Expected; readonly id: string; readonly reference: unknown }) => boolean;
}

const RELATIVE = 1e-9;

export interface Difference {
  readonly path: string;
  readonly engine: string;
  readonly reference: string;
}

class Comparison {
  readonly differences: Difference[] = [];
  constructor(
    private readonly expected: Expected,
    private readonly exclusions: readonly Exclusion[],
  ) {}

  private excluded(path: string, id: string, reference: unknown): boolean {
    return this.exclusions.some((e) => e.path.test(path) && (e.when === undefined || e.when({ expected: this.expected, id, reference })));
  }

  private report(path: string, id: string, engine: unknown, reference: unknown, shown: string): void {
    if (!this.excluded(path, id, reference)) this.differences.push({ path, engine: JSON.stringify(engine), reference: shown });
  }

  /** Dates, ids, names, health, status, state, booleans, counts: exactly. */
  exact(path: string, id: string, engine: Json | undefined, reference: unknown): void {
    if (JSON.stringify(engine) !== JSON.stringify(reference)) this.report(path, id, engine, reference, JSON.stringify(reference));
  }

  /**
   * A number against the exact value: relative tolerance 1e-9, measured against `scale` (the size of the
   * figures a difference such as CV or SV is taken from, so a float residue of a cancelled difference
   * is not a mismatch).
   */
  number(path: string, id: string, engine: Json | undefined, reference: Rational | null, scale = 0): void {
    if (reference === null) {
      if (engine !== null) this.report(path, id, engine, reference, 'null');
      return;
    }
    const value = reference.toNumber();
    const ok = typeof engine === 'number' && Math.abs(engine - value) <= RELATIVE * Math.max(Math.abs(engine), Math.abs(value), scale);
    if (!ok) this.report(path, id, engine, reference, `${reference.toString()} (≈ ${value})`);
  }

  figures(prefix: string, id: string, engine: JsonObject, reference: Figures, isProject: boolean): void {
    const money = Math.max(...[reference.bac, reference.pv, reference.ev, reference.ac, reference.eac].map((q) => Math.abs(q.toNumber())));
    const at = (key: string) => `${prefix}.figures.${key}`;
    for (const key of ['bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'eac', 'etc', 'vac'] as const) this.number(at(key), id, engine[key], reference[key], money);
    for (const key of ['cpi', 'spi', 'progress'] as const) this.number(at(key), id, engine[key], reference[key]);
    this.number(at('benefits'), id, engine.benefits, reference.benefits);
    // ROI is (benefits − X) / X: a residue of the subtraction is relative to benefits / X.
    for (const [key, divisor] of [
      ['roiPlanned', reference.bac],
      ['roiForecast', reference.eac],
    ] as const) {
      const scale = divisor.isZero() ? 0 : Math.abs(reference.benefits.div(divisor).toNumber());
      this.number(at(key), id, engine[key], reference[key], scale);
    }
    if (isProject) this.exact(at('forecastStart'), id, engine.forecastStart, reference.forecastStart);
    else if ('forecastStart' in engine) this.report(at('forecastStart'), id, engine.forecastStart, undefined, '(absent: projects only)');
    for (const key of ['forecastEnd', 'health', 'declaredHealth', 'slip'] as const) this.exact(at(key), id, engine[key], reference[key]);
    // Earned schedule (SPEC 5.2): days and an index; SV(t) is a difference of day counts of size AT.
    for (const key of ['es', 'at', 'spiT'] as const) this.number(at(key), id, engine[key], reference[key]);
    this.number(at('svT'), id, engine.svT, reference.svT, reference.at === null ? 0 : Math.abs(reference.at.toNumber()));
    this.exact(at('ieacT'), id, engine.ieacT, reference.ieacT);
    for (const key of ['high', 'medium', 'low'] as const) this.exact(at(`risks.${key}`), id, (engine.risks as JsonObject | undefined)?.[key], reference.risks[key]);
    for (const key of ['critical', 'high', 'medium', 'low'] as const) this.exact(at(`issues.${key}`), id, (engine.issues as JsonObject | undefined)?.[key], reference.issues[key]);
  }

  /** Entries of one kind, matched by `key` (their order is not part of SPEC 7). */
  entries<T extends object>(kind: string, engine: Json | undefined, reference: readonly T[], key: (entry: T) => string, engineKey: (entry: JsonObject) => string, each: (prefix: string, id: string, engine: JsonObject, reference: T) => void): void {
    const list = Array.isArray(engine) ? (engine as JsonObject[]) : [];
    if (!Array.isArray(engine)) this.report(kind, '', engine, undefined, '(an array)');
    const byKey = new Map(list.map((entry) => [engineKey(entry), entry]));
    this.exact(`${kind} (keys)`, '', [...byKey.keys()].sort(), reference.map(key).sort());
    for (const entry of reference) {
      const id = key(entry);
      const found = byKey.get(id);
      if (found) each(`${kind}[${id}]`, id, found, entry);
    }
  }
}

/** Every field of SPEC 7's rollup JSON where the engine and the reference differ. */
export function compareRollup(engine: JsonObject, expected: Expected, exclusions: readonly Exclusion[]): Difference[] {
  const c = new Comparison(expected, exclusions);
  c.exact('statusDate', '', engine.statusDate, expected.statusDate);
  const common = (prefix: string, id: string, e: JsonObject, r: { name: string; start: string | null; end: string | null }) => {
    c.exact(`${prefix}.name`, id, e.name, r.name);
    c.exact(`${prefix}.start`, id, e.start, r.start);
    c.exact(`${prefix}.end`, id, e.end, r.end);
  };
  const sorted = (value: Json | undefined) => (Array.isArray(value) ? [...value].sort() : value);
  c.entries('portfolios', engine.portfolios, expected.portfolios, (p) => p.id, (e) => String(e.id), (prefix, id, e, r) => {
    common(prefix, id, e, r);
    c.figures(prefix, id, e.figures as JsonObject, r.figures, false);
    c.exact(`${prefix}.programs`, id, sorted(e.programs), [...r.programs].sort());
  });
  c.entries('programs', engine.programs, expected.programs, (p) => p.id, (e) => String(e.id), (prefix, id, e, r) => {
    common(prefix, id, e, r);
    c.figures(prefix, id, e.figures as JsonObject, r.figures, false);
    c.exact(`${prefix}.portfolio`, id, e.portfolio, r.portfolio);
    c.exact(`${prefix}.projects`, id, sorted(e.projects), [...r.projects].sort());
  });
  c.entries('projects', engine.projects, expected.projects, (p) => p.id, (e) => String(e.id), (prefix, id, e, r) => {
    common(prefix, id, e, r);
    c.figures(prefix, id, e.figures as JsonObject, r.figures, true);
    c.exact(`${prefix}.program`, id, e.program, r.program);
    c.exact(`${prefix}.state`, id, e.state, r.state);
    c.exact(`${prefix}.float`, id, e.float, r.float);
    c.exact(`${prefix}.critical`, id, e.critical, r.critical);
  });
  // Milestone names are unique in generated workspaces; ids are optional.
  c.entries('milestones', engine.milestones, expected.milestones, (m) => m.name, (e) => String(e.name), (prefix, id, e, r) => {
    for (const key of ['id', 'owner', 'date', 'done', 'forecast', 'status'] as const) c.exact(`${prefix}.${key}`, id, e[key], r[key]);
  });
  return c.differences;
}

const placeOf = (d: { file: string; line: number; column: number }) => `${d.file}:${d.line}:${d.column}`;

/**
 * The diagnostics of the reference's codes (less the `ignored` ones) that the engine reports where the
 * reference does not (`extra`), that the reference expects but the engine does not report (`missing`),
 * as `code file:line:column`, and those found whose message does not name what it must (`unnamed`).
 */
export function compareDiagnostics(
  engine: readonly ActualDiagnostic[],
  all: readonly ExpectedDiagnostic[],
  ignored: readonly string[] = [],
): { missing: string[]; extra: string[]; unnamed: string[] } {
  const codes = new Set(['milestone-at-risk', 'status-date-mismatch', 'overdue-issue', 'over-budget', 'forecast-over-budget', 'overspent', 'status-mismatch'].filter((code) => !ignored.includes(code)));
  const key = (d: { code: string; file: string; line: number; column: number }) => `${d.code} ${placeOf(d)}`;
  const actual = engine
    .filter((d) => codes.has(d.code))
    .map((d) => ({ key: key({ code: d.code, file: d.file, line: d.range.start.line + 1, column: d.range.start.character + 1 }), message: d.message }));
  const missing = all.filter((d) => codes.has(d.code));
  const extra: string[] = [];
  const unnamed: string[] = [];
  for (const found of actual) {
    const i = missing.findIndex((d) => key(d) === found.key);
    if (i < 0) {
      extra.push(found.key);
      continue;
    }
    const [wanted] = missing.splice(i, 1);
    for (const group of wanted.mentions) {
      if (!group.some((text) => found.message.includes(text))) unnamed.push(`${found.key}: "${found.message}" names none of ${JSON.stringify(group)}`);
    }
  }
  return { missing: missing.map((d) => `${key(d)} (${d.about})`), extra, unnamed };
}
