// The fast path (the fast reader, also inside the recovery) and the full path (the `yaml` package and the
// recovery alone) must give the same entities, positions, diagnostics and figures for any plan text:
// generated plan files, near-misses the fast reader must hand over (tabs, anchors, block scalars, escapes,
// odd indentation, duplicate keys) and what it reads itself (comments, quotes, flow lists and maps, CRLF).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultParseLimits, PlanWorkspace, toFiguresJson, type Analysis, type Figures } from '../../src/core';
import { fastReadYaml } from '../../src/core/syntax/fastReader';
import { Entries, Entry, MapOf, Scalar, Seq, toPlain, type YamlNode } from '../../src/core/syntax/nodes';
import { parsePlanFile } from '../../src/core/syntax/parser';
import { treeCheckOf, validTree } from '../../src/core/syntax/treeSchema';
import Ajv from 'ajv';
import validatePlan from '../../src/core/syntax/generated/planValidator';

const options = { statusDate: 20_600, today: 20_600 };

function analyse(files: ReadonlyArray<readonly [string, string]>, fast: boolean): Analysis {
  const workspace = new PlanWorkspace({ ...defaultParseLimits, fast });
  for (const [path, text] of files) workspace.set(path, text);
  return workspace.analyze(options);
}

type Entityish = { kind: string; id?: string; source: { file: { path: string }; document: number }; anchor: readonly number[] };

const isEntity = (v: object): v is Entityish => 'kind' in v && 'source' in v && 'anchor' in v && 'invalid' in v;
const label = (e: Entityish) => `${e.kind}:${e.id ?? '?'}@${e.source.file.path}#${e.source.document}:${e.anchor[0]}-${e.anchor[1]}`;

/** A comparable picture of a value: entities by label (expanded at the top), spans as numbers, sets sorted. */
function picture(value: unknown, top = false): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'number' && Number.isNaN(value) ? 'NaN' : value;
  if (Array.isArray(value)) return value.map((v) => picture(v));
  if (value instanceof Set) return [...value].map((v) => JSON.stringify(picture(v))).sort();
  if (value instanceof Map) return [...value].map(([k, v]) => [picture(k), picture(v)]);
  const v = value as Record<string, unknown>;
  if (isEntity(value) && !top) return label(value);
  if ('value' in v && 'span' in v && 'keySpan' in v) return { value: picture(v.value), span: [...(v.span as number[])], keySpan: [...(v.keySpan as number[])] };
  if ('name' in v && 'span' in v && 'source' in v && !('kind' in v)) return { ref: v.name, span: [...(v.span as number[])] };
  if ('kind' in v && 'span' in v && !('source' in v)) {
    // A node of the located tree: where it is and what it holds.
    const node = v as { kind: string; span: number[]; value?: unknown };
    return { node: node.kind, span: [...node.span], value: node.kind === 'scalar' ? picture(node.value) : undefined };
  }
  if ('file' in v && 'document' in v && Object.keys(v).length === 2) return `${(v.file as { path: string }).path}#${v.document}`;
  if ('path' in v && 'text' in v && 'lines' in v) return `file ${v.path}`;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v).sort()) if (key !== 'placedBy') out[key] = picture(v[key]);
  // A rollup's figures, each of them, and its reasons (a project's are read from its row of numbers and
  // put together when asked, not own properties), and a concern's words.
  if ('figures' in v) out.figures = picture(toFiguresJson(v.figures as Figures));
  if ('healthReasons' in v) out.healthReasons = picture(v.healthReasons);
  if ('level' in v && 'basis' in v && 'text' in v) out.text = v.text;
  return out;
}

function agree(files: ReadonlyArray<readonly [string, string]>): void {
  const fast = analyse(files, true);
  const full = analyse(files, false);
  const where = `for the files:\n${files.map(([path, text]) => `--- ${path}\n${text}`).join('\n')}`;
  assert.deepStrictEqual(fast.diagnostics, full.diagnostics, `diagnostics differ ${where}`);
  assert.deepStrictEqual(
    fast.index.entities.map((e) => picture(e, true)),
    full.index.entities.map((e) => picture(e, true)),
    `entities differ ${where}`,
  );
  assert.deepStrictEqual(picture(fast.schedule.dates), picture(full.schedule.dates), `schedule differs ${where}`);
  assert.deepStrictEqual(picture(fast.rollup), picture(full.rollup), `rollup differs ${where}`);
}

const id = fc.constantFrom('a', 'b', 'c', 'p-1', 'p_2', 'x.y', 'prog', 'alice', 'bob');
const day = fc.constantFrom('2026-01-05', '2026-02-30', '2026-3-1', '2026-06-01', 'soon');
const number = fc.constantFrom('0', '50', '100', '120', '-5', '1.5', '1e3', '"40"', "'7'", '1,000', '0x10', '.inf', '~', 'null');
const text = fc.constantFrom('Alpha', 'Beta release', '"quoted"', "'single'", "'it''s'", '"a # b"', 'a #comment', 'é ü', 'yes', '[x, y]', '{ a: 1 }', '');

/** One project as the lines of a block mapping, first line without the dash. */
const project = fc
  .record({
    id,
    name: text,
    start: day,
    duration: fc.constantFrom('8w', '30d', '3 weeks', '12'),
    depends: fc.array(id, { maxLength: 3 }),
    flowDepends: fc.boolean(),
    budget: number,
    spent: number,
    progress: number,
    state: fc.constantFrom('planned', 'active', 'done', 'cancelled', 'unknown'),
    person: id,
    allocation: number,
    milestone: fc.option(fc.record({ id, date: day, done: fc.constantFrom('true', 'false', 'maybe') }), { nil: undefined }),
    risk: fc.boolean(),
  })
  .map((p) => {
    const lines = [`id: ${p.id}`, `name: ${p.name}`, `start: ${p.start}`, `duration: ${p.duration}`];
    if (p.depends.length > 0) {
      if (p.flowDepends) lines.push(`depends_on: [${p.depends.join(', ')}]`);
      else lines.push('depends_on:', ...p.depends.map((d) => `  - ${d}`));
    }
    lines.push(`budget: ${p.budget}`, `spent: ${p.spent}`, `progress: ${p.progress}`, `state: ${p.state}`, 'team:', `  - person: ${p.person}`, `    allocation: ${p.allocation}`);
    if (p.milestone) lines.push('milestones:', `  - id: ${p.milestone.id}`, `    date: ${p.milestone.date}`, `    done: ${p.milestone.done}`);
    if (p.risk) lines.push('risks:', '  - title: Supplier late', '    likelihood: 3', '    impact: 6');
    return lines;
  });

const programFile = fc.tuple(id, fc.array(project, { minLength: 1, maxLength: 4 })).map(([programId, projects]) => [
  'program:',
  `  id: ${programId}`,
  '  name: Programme',
  '  budget: 500000',
  '  projects:',
  ...projects.flatMap((lines) => lines.map((line, i) => `${i === 0 ? '    - ' : '      '}${line}`)),
]);

const projectFile = project.map((lines) => ['project:', ...lines.map((line) => `  ${line}`), 'people:', '  - id: alice', '    capacity: 80', '  - id: bob']);

/** What a person might write instead: each one either read by the fast reader or handed to the full parser. */
const nearMisses = [
  'tab', 'anchor', 'flow-map', 'indent', 'outdent', 'comment', 'comment-line', 'double-quote', 'escape', 'single-quote',
  'duplicate', 'block-scalar', 'trailing-space', 'document', 'empty-value', 'colon-in-value', 'dash-only', 'bom',
] as const;

function nearMiss(lines: string[], kind: (typeof nearMisses)[number], at: number): string[] {
  const out = [...lines];
  const i = at % out.length;
  const line = out[i];
  const indent = /^ */.exec(line)![0];
  const body = line.slice(indent.length);
  const keyValue = /^(- )?([A-Za-z_][\w.-]*): (.+)$/.exec(body);
  switch (kind) {
    case 'tab':
      out[i] = indent.length >= 2 ? `\t${line.slice(2)}` : `${line}\t`;
      break;
    case 'anchor':
      if (keyValue) {
        out[i] = `${indent}${keyValue[1] ?? ''}${keyValue[2]}: &v ${keyValue[3]}`;
        out.push(`x-copy: *v`);
      }
      break;
    case 'flow-map':
      out[i] = `${line} `;
      out.push('x-extra: { a: 1, b: [x, "y"], c: }');
      break;
    case 'indent':
      out[i] = ` ${line}`;
      break;
    case 'outdent':
      out[i] = line.slice(1);
      break;
    case 'comment':
      out[i] = `${line} # note: here`;
      break;
    case 'comment-line':
      out.splice(i, 0, `${indent}# a comment`);
      break;
    case 'double-quote':
      if (keyValue) out[i] = `${indent}${keyValue[1] ?? ''}${keyValue[2]}: "${keyValue[3].replace(/"/g, '')}"`;
      break;
    case 'escape':
      if (keyValue) out[i] = `${indent}${keyValue[1] ?? ''}${keyValue[2]}: "a\\tb"`;
      break;
    case 'single-quote':
      if (keyValue) out[i] = `${indent}${keyValue[1] ?? ''}${keyValue[2]}: '${keyValue[3].replace(/'/g, "''")}'`;
      break;
    case 'duplicate':
      out.splice(i, 0, line.replace('- ', '  '));
      break;
    case 'block-scalar':
      if (keyValue) out.splice(i, 1, `${indent}${keyValue[1] ?? ''}${keyValue[2]}: |`, `${indent}    ${keyValue[3]}`);
      break;
    case 'trailing-space':
      out[i] = `${line}   `;
      break;
    case 'document':
      out.splice(i, 0, '---');
      break;
    case 'empty-value':
      if (keyValue) out[i] = `${indent}${keyValue[1] ?? ''}${keyValue[2]}:`;
      break;
    case 'colon-in-value':
      if (keyValue) out[i] = `${indent}${keyValue[1] ?? ''}${keyValue[2]}: a: b`;
      break;
    case 'dash-only':
      out.splice(i, 0, `${indent}-`);
      break;
    case 'bom':
      out[0] = `\uFEFF${out[0]}`;
      break;
  }
  return out;
}

const plan = fc
  .tuple(
    programFile,
    projectFile,
    fc.array(fc.tuple(fc.constantFrom(...nearMisses), fc.nat(), fc.boolean()), { maxLength: 3 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([program, single, misses, eol]): Array<readonly [string, string]> => {
    let a = program;
    let b = single;
    for (const [kind, at, first] of misses) {
      if (first) a = nearMiss(a, kind, at);
      else b = nearMiss(b, kind, at);
    }
    return [
      ['a/program.plan.yaml', a.join(eol) + eol],
      ['b/project.plan.yaml', b.join(eol) + eol],
    ];
  });

describe('fast path and full path agree (entities, positions, diagnostics, figures)', function () {
  // Each run analyses two workspaces; a few hundred runs take 10–20 s on a busy machine.
  this.timeout(120_000);

  it('on generated plan files with near-misses (property)', () => {
    let files = 0;
    let fastRead = 0;
    fc.assert(
      fc.property(plan, (plans) => {
        agree(plans);
        for (const [, text] of plans) {
          files++;
          if (fastReadYaml(text.replace(/^\uFEFF/, ''), defaultParseLimits.maxDepth)) fastRead++;
        }
      }),
      { numRuns: 150, seed: 20261205 },
    );
    // Both kinds are tried: files the fast reader reads and files it hands to the full parser.
    assert.ok(fastRead > files * 0.3 && fastRead < files * 0.9, `the fast reader read ${fastRead} of ${files} files`);
  });

  it('on generated plan files with random edits (property)', () => {
    const edit = fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(' ', ':', '-', '#', '"', "'", '[', ']', '{', '}', ',', '\n', '&', '*', '!', '|', '\t', 'x', '  '), fc.constantFrom('insert', 'delete', 'replace'));
    fc.assert(
      fc.property(plan, fc.array(edit, { minLength: 1, maxLength: 3 }), (files, edits) => {
        const [[path, first], second] = files;
        let text = first;
        for (const [at, length, char, kind] of edits) {
          const i = at % (text.length + 1);
          if (kind === 'insert') text = text.slice(0, i) + char + text.slice(i);
          else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + 1 + length);
          else text = text.slice(0, i) + char + text.slice(i + 1);
        }
        agree([[path, text], second]);
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('on a generated workspace (every file read by the fast reader)', async () => {
    const { generateWorkspace } = await import('../../bench/generate.mjs');
    const files = (generateWorkspace('S', 11) as Array<{ path: string; text: string }>).map((f) => [f.path, f.text] as const);
    agree(files);
  });
});

/** The tree of a plain value (positions do not matter to the schema). */
function treeOf(value: unknown): YamlNode {
  if (Array.isArray(value)) return new Seq(value.map(treeOf), 0, 0);
  if (value !== null && typeof value === 'object') {
    const entries = new Entries();
    for (const [key, v] of Object.entries(value)) entries.add(new Entry(key, 0, 0, treeOf(v)));
    return new MapOf(entries, 0, 0);
  }
  return new Scalar(value as string | number | boolean | null, 0, 0);
}

/** Numbers the tree check leaves to the validator. */
function hasNonFinite(node: YamlNode): boolean {
  if (node.kind === 'scalar') return typeof node.value === 'number' && !Number.isFinite(node.value);
  if (node.kind === 'seq') return node.items.some(hasNonFinite);
  return [...node.entries.values()].some((e) => e.key === '__proto__' || hasNonFinite(e.value));
}

/** The tree check says valid exactly when the validator does (it may leave non-finite numbers to it). */
function treeAgrees(root: YamlNode, seen: { valid: number; invalid: number }): void {
  const onTree = validTree(root);
  const byAjv = validatePlan(toPlain(root));
  if (onTree) assert.ok(byAjv, `valid on the tree, not for the validator: ${JSON.stringify(toPlain(root))}`);
  else if (byAjv) assert.ok(hasNonFinite(root), `valid for the validator, not on the tree: ${JSON.stringify(toPlain(root))}`);
  if (byAjv) seen.valid++;
  else seen.invalid++;
}

/** Valid documents of every entity, to mutate. */
const validPlans: unknown[] = [
  {
    version: 1,
    portfolio: { id: 'pf', name: 'Portfolio', owner: 'alice', status_date: '2026-03-31', 'x-note': [1, { a: null }], programs: [{ id: 'pg', name: 'P' }] },
    people: [{ id: 'alice', name: 'Alice', role: 'PM', capacity: 80 }],
  },
  {
    program: {
      id: 'prog', name: 'Programme', manager: 'bob', portfolio: 'pf', goal: 'g', budget: 1000, currency: 'EUR', start: '2026-01-05', end: '2024-02-29',
      health: 'amber', status_date: '2026-02-01', benefits: [{ name: 'b', value: 10, realized: 2.5 }],
      milestones: [{ id: 'm1', name: 'M', date: '2026-06-30', done: true, depends_on: ['a'] }],
      risks: [{ id: 'r1', title: 'R', likelihood: 1, impact: 5, mitigation: 'm', owner: 'o', state: 'open' }],
      issues: [{ id: 'i1', title: 'I', severity: 'critical', owner: 'o', state: 'closed', raised: '2026-01-01', due: '2026-12-31' }],
      projects: [
        {
          id: 'a', name: 'A', program: 'prog', manager: 'm', start: '2026-01-05', end: '2026-02-05', duration: '8w', depends_on: ['b.c'], budget: 0, spent: 3,
          progress: 100, state: 'on-hold', health: 'green', baseline: { start: '2026-01-05', end: '2026-03-01', budget: 5 },
          team: [{ person: 'p1', allocation: 1 }, { person: 'p2' }], tags: ['t', ''], 'x-y': 'z',
        },
      ],
    },
  },
  { project: { id: 'solo', name: 'Solo', duration: '999999d', progress: 0, tags: [] } },
];

/** Values to put anywhere: of every type, on both sides of each limit of the schema. */
const someValue = fc.constantFrom<unknown>(
  'a', '', 'é', '\u{1F600}', '-x', 'p-1', 'USD', 'usd', 'green', 'blue', 'open', 'low', 'planned', '8w', '0d', '1234567d', '2026-01-05',
  '2026-02-29', '2024-02-29', '2026-13-01', '2026-1-5', 0, 1, 5, 6, 1.5, -1, 100, 101, true, false, null, [], ['a'], [1], {}, { id: 'x', name: 'n' },
  { name: 'n', date: '2026-01-05' }, { person: 'p', allocation: 100 }, Infinity, NaN,
);
const someKey = fc.constantFrom('id', 'name', 'title', 'date', 'value', 'person', 'allocation', 'likelihood', 'severity', 'start', 'budget', 'x-a', 'nmae', 'toString', '__proto__');

type Mutation = readonly [number, 'delete' | 'set' | 'add', unknown, string];

/** Applies a mutation at the `at`-th mapping or list (in document order) of a deep copy of `plan`. */
function mutate(plan: unknown, [at, kind, value, key]: Mutation): unknown {
  const copy = structuredClone(plan);
  const holders: Array<Record<string, unknown> | unknown[]> = [];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    holders.push(v as Record<string, unknown>);
    for (const child of Object.values(v)) walk(child);
  };
  walk(copy);
  const holder = holders[at % holders.length];
  const keys = Object.keys(holder);
  const existing = keys.length > 0 ? keys[at % keys.length] : undefined;
  if (Array.isArray(holder)) {
    if (kind === 'delete' && existing !== undefined) holder.splice(Number(existing), 1);
    else if (kind === 'set' && existing !== undefined) holder[Number(existing)] = value;
    else holder.push(value);
  } else if (kind === 'delete' && existing !== undefined) {
    delete holder[existing];
  } else if (kind === 'set' && existing !== undefined) {
    holder[existing] = value;
  } else {
    Object.defineProperty(holder, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

describe('the schema checked on the located tree agrees with the validator', () => {
  it('on valid plans with random changes (property)', () => {
    const seen = { valid: 0, invalid: 0 };
    const mutation = fc.tuple(fc.nat(), fc.constantFrom('delete' as const, 'set' as const, 'add' as const), someValue, someKey);
    fc.assert(
      fc.property(fc.nat(validPlans.length - 1), fc.array(mutation, { maxLength: 2 }), (which, mutations) => {
        const plan = mutations.reduce((p, m) => mutate(p, m), validPlans[which]);
        treeAgrees(treeOf(plan), seen);
      }),
      { numRuns: 3000, seed: 7 },
    );
    assert.ok(seen.valid > 300 && seen.invalid > 300, `valid ${seen.valid}, invalid ${seen.invalid}`);
  });

  it('on generated plan files with near-misses, as either reader reads them (property)', () => {
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(plan, fc.boolean(), (plans, fast) => {
        for (const [path, text] of plans) {
          for (const document of parsePlanFile(path, text, { ...defaultParseLimits, fast }).documents) {
            if (document.root?.kind === 'map') treeAgrees(document.root, seen);
          }
        }
      }),
      { numRuns: 300, seed: 11 },
    );
    assert.ok(seen.valid > 0 && seen.invalid > 100, `valid ${seen.valid}, invalid ${seen.invalid}`);
  });

  it('leaves to the validator what a plain copy reads differently: `__proto__` keys, inherited names', () => {
    const schema = { type: 'object', properties: { toString: { type: 'string' } }, additionalProperties: { type: 'object', required: ['id'] } };
    const ajv = new Ajv({ allErrors: true, strict: false }).compile(schema);
    // Ajv reads `toString` of any object (inherited), and a `__proto__` key is no own key of the plain copy.
    const withProto = new MapOf(new Entries([new Entry('__proto__', 0, 0, treeOf({ a: 1 }))]), 0, 0);
    assert.equal(ajv(toPlain(withProto)), false);
    assert.equal(treeCheckOf(schema)(withProto), false);
    assert.equal(treeCheckOf({ type: 'object', additionalProperties: true })(withProto), false);
    assert.equal(treeCheckOf(schema)(treeOf({})), false);
    assert.equal(treeCheckOf({ type: 'object', properties: { id: { type: 'string' } } })(treeOf({})), true);
    // A keyword it does not know: not sure.
    assert.equal(treeCheckOf({ type: 'string', maxLength: 3 })(treeOf('ab')), false);
  });

  it('finds every document of a generated workspace valid (the validator is not needed)', async () => {
    const { generateWorkspace } = await import('../../bench/generate.mjs');
    let documents = 0;
    for (const { path, text } of generateWorkspace('S', 11) as Array<{ path: string; text: string }>) {
      for (const document of parsePlanFile(path, text).documents) {
        documents++;
        assert.ok(document.root && validTree(document.root) && validatePlan(toPlain(document.root)), path);
      }
    }
    assert.ok(documents > 50);
  });
});
