// A 24-commit git history of the L workspace for the `diff` and `trend` figures: the generated plans,
// then 23 weekly steering meetings, each moving the status date a week, the progress and spend of 20
// projects, one program's budget, and every sixth meeting renaming a file. Deterministic (fixed
// dates and identity, no user or system git configuration), written once into bench/work/L-history.
//
//   node bench/history.mjs [outDir]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.mjs';

export const HISTORY_COMMITS = 24;
/** Changes when the history's recipe changes, so that an old copy is rebuilt. */
const RECIPE = 'plan-bench-history v1';

const day0 = Date.UTC(2026, 8, 30);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

function gitEnv(date) {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`,
    GIT_COMMITTER_DATE: `${date}T12:00:00+00:00`,
  };
}

/** The first match of `pattern` in the file replaced by `replace(match)`. */
function editFile(full, pattern, replace) {
  const text = readFileSync(full, 'utf8');
  writeFileSync(full, text.replace(pattern, replace));
}

/** Writes the history unless `dir` already holds this recipe's history; returns its facts. */
export function ensureHistory(dir) {
  const git = (args, date = iso(day0)) => execFileSync('git', args, { cwd: dir, env: gitEnv(date), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (existsSync(join(dir, '.git'))) {
    try {
      const subject = git(['log', '-1', '--format=%s']).trim();
      const count = Number(git(['rev-list', '--count', 'HEAD']).trim());
      const clean = git(['status', '--porcelain']).trim() === '';
      if (subject.endsWith(`(${RECIPE})`) && count === HISTORY_COMMITS && clean) return { dir, commits: count };
    } catch {
      // Rebuild below.
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = generateWorkspace('L');
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'Plans as generated']);
  const projectFiles = files.map((f) => f.path).filter((p) => p.startsWith('projects/'));
  for (let meeting = 1; meeting < HISTORY_COMMITS; meeting++) {
    const date = iso(day0 + meeting * 7 * 86_400_000);
    editFile(join(dir, 'portfolio.plan.yaml'), /status_date: \d{4}-\d{2}-\d{2}/, () => `status_date: ${date}`);
    for (let i = 0; i < 20; i++) {
      const path = projectFiles[(meeting * 97 + i * 131) % projectFiles.length];
      const full = join(dir, path);
      if (!existsSync(full)) continue;
      editFile(full, /progress: (\d+)/, (_, p) => `progress: ${Math.min(100, Number(p) + 5)}`);
      editFile(full, /spent: (\d+)/, (_, s) => `spent: ${Number(s) + 1000 * meeting}`);
    }
    editFile(join(dir, 'programs', `prog-${meeting % 30}.plan.yaml`), /budget: (\d+)/, (_, b) => `budget: ${Math.round(Number(b) * 1.01)}`);
    if (meeting % 6 === 0) {
      const from = projectFiles[meeting * 7];
      const to = from.replace(/team-(\d+)/, 'renamed-$1');
      if (existsSync(join(dir, from))) {
        renameSync(join(dir, from), join(dir, to));
        projectFiles[meeting * 7] = to;
      }
    }
    git(['add', '-A'], date);
    const last = meeting === HISTORY_COMMITS - 1;
    git(['commit', '-q', '-m', `Steering meeting ${meeting}${last ? ` (${RECIPE})` : ''}`], date);
  }
  return { dir, commits: HISTORY_COMMITS };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), 'work', 'L-history');
  console.log(ensureHistory(out));
}
