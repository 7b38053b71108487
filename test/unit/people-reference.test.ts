/**
 * The load model (SPEC 10) and `overallocated` (SPEC 6) against the independent day-by-day reference
 * (test/reference/people.ts) on random workspaces with teams: every person's projects, segments, periods
 * and peak on both bases, the suggestions, and each warning's file, line, column, person and period.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzePlans, peopleReport } from '../../src/core';
import { toDay } from '../reference/days';
import { teamWorkspace } from '../reference/generate';
import type { Workspace } from '../reference/model';
import { referencePeople, type Basis } from '../reference/people';
import { Rational } from '../reference/rational';
import { reference } from '../reference/spec';
import { toFiles } from '../reference/yaml';

const SEED = 20261011;

/** A percent as the reference writes it (exact decimal text), from the engine's number. */
const exact = (value: number) => Rational.decimal(String(value)).toString();

let withPeriods = 0;
let withSuggestions = 0;

function agrees(workspace: Workspace): void {
  const { files, places } = toFiles(workspace);
  const analysis = analyzePlans(files, { today: toDay(workspace.today), ...(workspace.statusDate !== undefined ? { statusDate: toDay(workspace.statusDate) } : {}) });
  const expected = reference(workspace, places);
  const show = () => files.map((f) => `----- ${f.path}\n${f.text}`).join('\n') + `\nS = ${expected.statusDate}`;
  for (const basis of ['plan', 'forecast'] as Basis[]) {
    const engine = peopleReport(analysis, basis).json;
    const ref = referencePeople(workspace, expected, places, basis);
    const people = engine.people.map((p) => ({
      id: p.id,
      name: p.name,
      capacity: exact(p.capacity!),
      projects: p.projects.map((q) => ({ id: q.id, allocation: exact(q.allocation) })),
      segments: p.segments.map((s) => ({ ...s, load: exact(s.load), projects: [...s.projects] })),
      overallocations: p.overallocations.map((o) => ({ ...o, peak: exact(o.peak), projects: [...o.projects] })),
      peak: exact(p.peak),
    }));
    assert.deepEqual(people, ref.people, `people on the ${basis} basis differ\n${show()}`);
    assert.deepEqual(engine.suggestions.map((s) => ({ ...s })), ref.suggestions, `suggestions on the ${basis} basis differ\n${show()}`);
    if (basis === 'plan') {
      if (ref.warnings.length > 0) withPeriods++;
      if (ref.suggestions.length > 0) withSuggestions++;
      const found = analysis.diagnostics.filter((d) => d.code === 'overallocated');
      const key = (w: { file: string; line: number; column: number }) => `${w.file}:${w.line}:${w.column}`;
      assert.deepEqual(found.map((d) => key({ file: d.file, line: d.range.start.line + 1, column: d.range.start.character + 1 })).sort(), ref.warnings.map(key).sort(), `overallocated places differ\n${show()}`);
      for (const w of ref.warnings) {
        const candidates = found.filter((d) => key({ file: d.file, line: d.range.start.line + 1, column: d.range.start.character + 1 }) === key(w));
        const dates = w.from === w.to ? `on ${w.from}` : `from ${w.from} to ${w.to}`;
        assert.ok(candidates.some((d) => d.message.includes(`'${w.person}'`) && d.message.includes(dates)), `no overallocated at ${key(w)} names ${w.person} ${dates}\n${candidates.map((d) => d.message).join('\n')}\n${show()}`);
      }
    }
  }
}

describe('people and capacity: the engine against a day-by-day reference (SPEC 10)', () => {
  it('agrees on random workspaces with teams (200 runs), with periods and suggestions among them', function () {
    this.timeout(120_000);
    fc.assert(fc.property(teamWorkspace, agrees), { seed: SEED, numRuns: 200 });
    // The property must have met what it checks: periods over capacity and suggestions that resolve them.
    assert.ok(withPeriods >= 20, `only ${withPeriods} runs had a period over capacity`);
    assert.ok(withSuggestions >= 3, `only ${withSuggestions} runs had a suggestion`);
  });
});
