/**
 * A workspace of many people for the People tab at scale (the e2e test and bench/people.bench.mjs):
 * `people` people on projects spread over `weeks` ISO weeks from Monday 2026-01-05, one project spanning
 * them all, every person on a few projects, so the heatmap is people × weeks with some weeks over capacity.
 * Deterministic: the same arguments give the same text.
 */
export function peopleWorkspaceText(people = 1000, weeks = 104): string {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const first = Date.UTC(2026, 0, 5);
  const day = (week: number, offset = 0) => new Date(first + (week * 7 + offset) * 86_400_000).toISOString().slice(0, 10);
  const person = (i: number) => `p${String(i).padStart(4, '0')}`;
  const lines = ['version: 1', 'program:', '  id: load', '  name: Load', '  status_date: 2026-06-01', '  projects:'];
  const projects = Math.max(1, Math.ceil(people / 2));
  for (let j = 0; j < projects; j++) {
    const start = j === 0 ? 0 : Math.floor(random() * (weeks - 4));
    const length = j === 0 ? weeks : 2 + Math.floor(random() * Math.min(30, weeks - start - 1));
    lines.push(`    - id: work-${j}`, `      name: Work ${j}`, `      start: ${day(start)}`, `      end: ${day(start + length - 1, 6)}`, '      team:');
    // Everyone is on two projects; the first project has everyone at 10%.
    const team = j === 0 ? Array.from({ length: people }, (_, i) => i) : [(2 * j) % people, (2 * j + 1) % people, Math.floor(random() * people)];
    for (const i of team) lines.push(`        - { person: ${person(i)}, allocation: ${j === 0 ? 10 : 30 + Math.floor(random() * 5) * 10} }`);
  }
  lines.push('people:');
  for (let i = 0; i < people; i++) lines.push(`  - { id: ${person(i)}, name: Person ${i}${i % 7 === 0 ? ', capacity: 80' : ''} }`);
  return `${lines.join('\n')}\n`;
}
