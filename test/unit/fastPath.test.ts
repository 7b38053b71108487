// The fast path (the fast reader, also inside the recovery) and the full path (the `yaml` package and the
// recovery alone) must give the same entities, positions, diagnostics and figures for any plan text:
// generated plan files, near-misses the fast reader must hand over (tabs, anchors, block scalars, escapes,
// odd indentation, duplicate keys) and what it reads itself (comments, quotes, flow lists and maps, CRLF).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultParseLimits, PlanWorkspace, type Analysis } from '../../src/core';
import { fastReadYaml } from '../../src/core/syntax/fastReader';

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
