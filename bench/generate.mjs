// Seeded synthetic plan workspaces for benchmarks: S (≈20 files, 200 projects), M (≈300 files, 2,000
// projects), L (≈3,000 files, 10,000 projects, 4–5 MB). Realistic: programs with inline projects in
// ~60 KB program files, standalone project files (several documents each), dependencies within and
// across programs, milestones, risks, issues, people with allocations, a portfolio.
//
//   node bench/generate.mjs L [outDir]     (default outDir: bench/work/L)
import { Buffer } from 'node:buffer';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const sizes = {
  S: { programs: 2, inlinePerProgram: 40, standaloneFiles: 18, perFile: 7, people: 40 },
  M: { programs: 6, inlinePerProgram: 100, standaloneFiles: 290, perFile: 5, people: 200 },
  L: { programs: 30, inlinePerProgram: 150, standaloneFiles: 2960, perFile: 1.86, people: 800 },
};

/** mulberry32: small, fast, good enough for test data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day0 = Date.UTC(2026, 0, 5) / 86_400_000;
const iso = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const words = ['platform', 'billing', 'search', 'mobile', 'data', 'identity', 'edge', 'payments', 'catalog', 'growth', 'infra', 'support', 'ledger', 'risk', 'supply'];
const verbs = ['Migrate', 'Rebuild', 'Launch', 'Harden', 'Automate', 'Consolidate', 'Modernise', 'Scale', 'Retire', 'Integrate'];

/** Generates one workspace in memory: [{ path, text }]. */
export function generateWorkspace(sizeName, seed = 42) {
  const size = sizes[sizeName];
  if (!size) throw new Error(`unknown size ${sizeName} (S, M or L)`);
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const files = [];
  const people = Array.from({ length: size.people }, (_, i) => `p${i}`);
  const programIds = Array.from({ length: size.programs }, (_, i) => `prog-${i}`);
  /** Projects so far per program, for dependencies on earlier ones (keeps the network acyclic). */
  const projectsByProgram = programIds.map(() => []);
  let projectCount = 0;
  /** Scheduled end day of each project, so milestones fall inside their project. */
  const endOf = new Map();
  const statusDay = Date.UTC(2026, 8, 30) / 86_400_000;

  const projectYaml = (indent, programIndex, standalone) => {
    const id = `prj-${projectCount++}`;
    const pad = ' '.repeat(indent);
    const earlier = projectsByProgram[programIndex];
    const lines = [`${pad}id: ${id}`, `${pad}name: ${pick(verbs)} ${pick(words)} ${pick(words)} ${projectCount}`];
    if (standalone) lines.push(`${pad}program: ${programIds[programIndex]}`);
    lines.push(`${pad}manager: ${pick(people)}`);
    const deps = [];
    if (earlier.length > 0 && rnd() < 0.6) deps.push(earlier[earlier.length - 1 - Math.floor(rnd() * Math.min(20, earlier.length))]);
    if (rnd() < 0.1 && programIndex > 0 && projectsByProgram[programIndex - 1].length > 0) deps.push(pick(projectsByProgram[programIndex - 1]));
    let start;
    if (deps.length > 0) {
      lines.push(`${pad}depends_on: [${[...new Set(deps)].join(', ')}]`);
      start = Math.max(...deps.map((d) => endOf.get(d))) + 1;
    } else {
      start = day0 + int(0, 500);
      lines.push(`${pad}start: ${iso(start)}`);
    }
    const weeks = int(2, 20);
    const end = start + weeks * 7 - 1;
    endOf.set(id, end);
    lines.push(`${pad}duration: ${weeks}w`);
    const budget = int(5, 90) * 10_000;
    // Progress roughly follows elapsed time, cost roughly follows progress: a plan in decent shape.
    const elapsed = Math.min(1, Math.max(0, (statusDay - start + 1) / (end - start + 1)));
    const progress = Math.min(100, Math.round(100 * elapsed * (0.9 + rnd() * 0.2)));
    lines.push(`${pad}budget: ${budget}`, `${pad}spent: ${Math.round((budget * progress * (0.85 + rnd() * 0.2)) / 100)}`, `${pad}progress: ${progress}`);
    if (rnd() < 0.3) lines.push(`${pad}health: ${pick(['amber', 'red'])}`);
    if (rnd() < 0.2) lines.push(`${pad}baseline: { budget: ${budget}, start: ${iso(day0 + int(0, 400))}, end: ${iso(day0 + int(420, 700))} }`);
    lines.push(`${pad}team:`, `${pad}  - person: ${pick(people)}`, `${pad}    allocation: ${int(1, 4) * 10}`);
    if (rnd() < 0.4) {
      const date = start + int(0, end - start);
      lines.push(`${pad}milestones:`, `${pad}  - id: ${id}-m1`, `${pad}    name: ${pick(words)} ready`, `${pad}    date: ${iso(date)}`);
      if (date < statusDay && rnd() < 0.95) lines.push(`${pad}    done: true`);
    }
    if (rnd() < 0.5) {
      lines.push(
        `${pad}risks:`,
        `${pad}  - title: ${pick(words)} dependency slips`,
        `${pad}    likelihood: ${int(1, 5)}`,
        `${pad}    impact: ${int(1, 5)}`,
        `${pad}    mitigation: Weekly check-in with the ${pick(words)} team`,
      );
    }
    if (rnd() < 0.2) lines.push(`${pad}issues:`, `${pad}  - title: ${pick(words)} environment unstable`, `${pad}    severity: ${pick(['low', 'medium', 'high'])}`);
    earlier.push(id);
    return lines.join('\n');
  };

  files.push({
    path: 'portfolio.plan.yaml',
    text: [
      'version: 1',
      'portfolio:',
      '  id: enterprise',
      '  name: Enterprise portfolio',
      '  status_date: 2026-09-30',
      'people:',
      ...people.map((p) => `  - { id: ${p}, name: Person ${p.slice(1)}, capacity: 1000 }`),
    ].join('\n') + '\n',
  });
  programIds.forEach((programId, p) => {
    const projects = Array.from({ length: size.inlinePerProgram }, () => `    - ${projectYaml(6, p, false).trimStart()}`);
    files.push({
      path: `programs/${programId}.plan.yaml`,
      text: [
        'version: 1',
        'program:',
        `  id: ${programId}`,
        `  name: ${pick(words)} program ${p}`,
        `  manager: ${pick(people)}`,
        '  portfolio: enterprise',
        `  budget: ${size.inlinePerProgram * 2_000_000}`,
        '  currency: USD',
        '  benefits:',
        `    - { name: Cost savings, value: ${int(10, 90) * 1_000_000} }`,
        '  projects:',
        ...projects,
      ].join('\n') + '\n',
    });
  });
  let carry = 0;
  for (let f = 0; f < size.standaloneFiles; f++) {
    carry += size.perFile;
    const count = Math.floor(carry);
    carry -= count;
    const docs = Array.from({ length: Math.max(1, count) }, () => `version: 1\nproject:\n${projectYaml(2, int(0, size.programs - 1), true)}\n`);
    files.push({ path: `projects/${String(Math.floor(f / 100)).padStart(2, '0')}/team-${f}.plan.yaml`, text: docs.join('---\n') });
  }
  return files;
}

export function writeWorkspace(files, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  for (const file of files) {
    const full = join(outDir, file.path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, file.text);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizeName = process.argv[2] ?? 'S';
  const out = process.argv[3] ?? join(dirname(fileURLToPath(import.meta.url)), 'work', sizeName);
  const files = generateWorkspace(sizeName);
  writeWorkspace(files, out);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const projects = files.reduce((n, f) => n + (f.text.match(/^\s*(?:- )?id: prj-\d+$/gm) ?? []).length, 0);
  console.log(`${sizeName}: ${files.length} files, ${projects} projects, ${(bytes / 1e6).toFixed(2)} MB → ${out}`);
}
