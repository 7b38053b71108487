/**
 * Milestone names on a lane's row of the roadmap: widths estimated without a browser (DejaVu Sans's
 * advances, which err long), each name inside the chart, clear of the marks and of the names before it,
 * right of its marks where it fits whole, else left, else cut on the roomier side.
 */
import { strict as assert } from 'node:assert';
import { fitText, milestoneLabels, textWidth, type RoadmapMilestone } from '../../src/core';

const milestone = (name: string, date: number, forecast: number | null = null): RoadmapMilestone => ({
  key: name,
  id: null,
  name,
  date,
  done: false,
  status: 'planned' as RoadmapMilestone['status'],
  forecast,
  note: null,
  project: null,
  lane: 0,
  source: { file: 'x.plan.yaml', line: 1 } as unknown as RoadmapMilestone['source'],
});

describe('milestone names on the roadmap', () => {
  it('estimates text widths from DejaVu Sans advances', () => {
    // "Gate A" = G .775 + a .613 + t .392 + e .615 + space .318 + A .684 = 3.397 em; at 11 px: 37.367 px.
    assert.ok(Math.abs(textWidth('Gate A', 11) - 37.367) < 1e-9);
    // Whitespace runs count as one space: "a  b" = a .613 + space .318 + b .635 = 1.566 em, 15.66 px at 10.
    assert.ok(Math.abs(textWidth('a \n b', 10) - 15.66) < 1e-9);
    // A wide character counts a whole em.
    assert.equal(textWidth('日本', 11), 22);
  });

  it('cuts a name to the room, ending in an ellipsis, and drops it under four characters', () => {
    assert.equal(fitText('Gate A', 37.4, 11), 'Gate A');
    // At 11 px: the ellipsis 11; G 8.525 (19.525), a 6.743 (26.268), t 4.312 (30.58), e 6.765 (37.345), space 3.498 (40.843).
    assert.equal(fitText('Gate A', 37.35, 11), 'Gate…');
    assert.equal(fitText('Gate A', 37.3, 11), 'Gat…');
    assert.equal(fitText('Gate A', 30.5, 11), '');
    // A cut keeps no space before its ellipsis: "Gate " fits in 41 px (40.843), "A" does not (48.367): "Gate…".
    assert.equal(fitText('Gate Alpha', 41, 11), 'Gate…');
  });

  it('writes a name right of its diamond when it fits whole there', () => {
    // At 1 px a day the diamond of day 10 is centred at 10.5, spans 4.5..16.5; the name starts at 20.5.
    const [label] = milestoneLabels([milestone('Gate A', 10)], 0, 1, 200);
    assert.deepEqual(label, { text: 'Gate A', side: 'right' });
  });

  it('writes a name left of its diamond at the right edge of the chart, where it fits whole', () => {
    // Day 180 at 1 px: diamond 174.5..186.5. Right: from 190.5 to 198 (the edge, 200 − 2): 7.5 px.
    // Left: from 170.5 back to 2: 168.5 px, and "Gate A" needs 37.367.
    const [label] = milestoneLabels([milestone('Gate A', 180)], 0, 1, 200);
    assert.deepEqual(label, { text: 'Gate A', side: 'left' });
  });

  it('keeps a name clear of the next diamond and of the name written before it', () => {
    // Days 10 and 40 at 1 px: diamonds 4.5..16.5 and 34.5..46.5. The first name has 20.5 → 30.5 (10 px)
    // right of it and 2 ← 0.5 (none) left: no name (not even "G…", under four characters).
    // The second has 50.5 → 198 right (147.5 px): "Gate B" whole.
    const labels = milestoneLabels([milestone('Gate A', 10), milestone('Gate B', 40)], 0, 1, 200);
    assert.deepEqual(labels, [undefined, { text: 'Gate B', side: 'right' }]);
    // Day 170 then day 180 at 1 px, 200 wide: diamonds 164.5..176.5 and 174.5..186.5 (they touch).
    // "Alpha": right of it, 180.5 lies on the next diamond: no room; left, 160.5 back to 2: whole there.
    // "Omega": right, 190.5 → 198 is 7.5 px (the ellipsis alone is 11); left, 170.5 lies on Alpha's diamond: none.
    const crowded = milestoneLabels([milestone('Alpha', 170), milestone('Omega', 180)], 0, 1, 200);
    assert.deepEqual(crowded, [{ text: 'Alpha', side: 'left' }, undefined]);
    // Days 100 and 108 at 1 px, 400 wide: diamonds 94.5..106.5 and 102.5..114.5. Right of "Alpha",
    // 110.5 lies on the second diamond: it goes left (90.5 back to 2); "Omega" right, from 118.5.
    const close = milestoneLabels([milestone('Alpha', 100), milestone('Omega', 108)], 0, 1, 400);
    assert.deepEqual(close, [{ text: 'Alpha', side: 'left' }, { text: 'Omega', side: 'right' }]);
  });

  it("writes a late milestone's name after its forecast diamond", () => {
    // Planned day 10, forecast day 100 at 1 px: forecast diamond 94.5..106.5, the name from 110.5.
    const [label] = milestoneLabels([milestone('Sign-off', 10, 100)], 0, 1, 400);
    assert.deepEqual(label, { text: 'Sign-off', side: 'right' });
    // With the chart ending at 130 (edge 128): 17.5 px right of it; left of the planned diamond
    // (from 0.5): none. Cut right: even "S…" needs 6.985 + 11 = 17.985 px: none.
    assert.deepEqual(milestoneLabels([milestone('Sign-off', 10, 100)], 0, 1, 130), [undefined]);
  });
});
