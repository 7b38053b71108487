/**
 * Reading plans from git (SPEC 8) through the `git` on PATH (or the one given), for the CLI and the
 * extension. Every command is a process started with an argument array, never a shell. Only git's
 * plumbing for objects is used — `rev-parse`, `ls-tree`, `cat-file --batch` (raw blobs: no filters,
 * no textconv), `log`, `for-each-ref` — with the settings that could run something a repository
 * configures (fsmonitor, hooks, signature checks, fetching missing objects) turned off.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { BlobContent } from '../core';
import { decodePlanText } from './files';

/** Git could not be run, or said no: the message is one line for a person. */
export class GitError extends Error {
  constructor(
    message: string,
    /** Git's exit code; undefined when git could not be started. */
    readonly exitCode?: number,
  ) {
    super(message);
  }
}

/** Settings for every git command: nothing a repository configures gets to run. */
const safety = [
  '-c', 'core.fsmonitor=false',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'log.showSignature=false',
  '-c', 'log.follow=false',
  // A partial clone fetches missing objects on demand: never from here.
  '-c', 'protocol.allow=never',
  '--no-pager',
  '--no-optional-locks',
];

function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', LANGUAGE: 'C' };
  // Pathspecs are written here with their magic (glob, literal, exclude): the caller's environment must not change how they read.
  for (const name of ['GIT_LITERAL_PATHSPECS', 'GIT_GLOB_PATHSPECS', 'GIT_NOGLOB_PATHSPECS', 'GIT_ICASE_PATHSPECS', 'GIT_EXTERNAL_DIFF', 'GIT_PAGER']) delete env[name];
  return env;
}

/** A tree entry of a commit that is a regular file. */
export interface TreeFile {
  /** Path from the repository root, `/` separators. */
  readonly path: string;
  readonly blob: string;
}

/** A commit of a first-parent history. */
export interface GitCommit {
  readonly commit: string;
  /** Committer date, `YYYY-MM-DD` in the committer's own time zone. */
  readonly date: string;
  readonly subject: string;
}

export interface GitRef {
  readonly name: string;
  readonly kind: 'branch' | 'remote' | 'tag';
  readonly commit: string;
}

/** What git said, in one line: its first fatal or error line, else its first line that is not a warning. */
function firstLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const said = lines.find((line) => /^(fatal|error): /.test(line)) ?? lines.find((line) => !/^(warning|hint): /.test(line)) ?? lines[0] ?? '';
  return said.replace(/^(fatal|error): /, '');
}

export class GitRepository {
  private readonly env = gitEnvironment();

  private constructor(
    /** The repository's top folder (the work tree), as git reports it. */
    readonly root: string,
    private readonly gitPath: string,
  ) {}

  /** The repository holding `folder`; a GitError when git is missing or the folder is in no repository. */
  static async open(folder: string, gitPath = 'git'): Promise<GitRepository> {
    const probe = new GitRepository(folder, gitPath);
    let out: string;
    try {
      out = await probe.run(['rev-parse', '--show-toplevel']);
    } catch (error) {
      if (error instanceof GitError && /not a git repository/i.test(error.message)) throw new GitError(`${folder} is not in a git repository (diff and trend read the plans' history from git)`);
      throw error;
    }
    return new GitRepository(out.trim(), gitPath);
  }

  /** Runs git with these arguments in the repository; stdout as text, or a GitError with git's first line. */
  run(args: readonly string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(this.gitPath, [...safety, ...args], { cwd: this.root, env: this.env, encoding: 'utf8', maxBuffer: 1 << 30, windowsHide: true }, (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        reject(this.failure(error, stderr, `git ${args[0]}`));
      });
    });
  }

  private failure(error: { code?: string | number | null; message: string }, stderr: string, command = 'git'): GitError {
    if (typeof error.code === 'number') return new GitError(firstLine(stderr) || `${command} exited with ${error.code}`, error.code);
    if (error.code === 'ENOENT') return new GitError(`git was not found (${this.gitPath}): comparing plans over time needs git`);
    return new GitError(`${command} failed: ${firstLine(stderr) || firstLine(error.message)}`);
  }

  /** The full id of the commit a ref names (branch, tag, sha, `HEAD~3`); a GitError naming the ref when there is none. */
  async commitOf(ref: string): Promise<string> {
    if (ref === '' || /[\0\n]/.test(ref)) throw new GitError(`'${ref.replace(/[\0\n]/g, ' ')}' is not a revision`);
    try {
      return (await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
    } catch (error) {
      if (!(error instanceof GitError) || error.exitCode === undefined) throw error;
      const shallow = (await this.run(['rev-parse', '--is-shallow-repository']).catch(() => '')).trim() === 'true';
      const unborn = ref === 'HEAD' && (await this.run(['rev-parse', '--verify', '--quiet', 'HEAD']).then(() => false, () => true));
      if (unborn) throw new GitError(`HEAD: the repository at ${this.root} has no commits yet`);
      throw new GitError(
        shallow
          ? `unknown revision '${ref}': this is a shallow clone and its history may stop before it (git fetch --unshallow, or fetch-depth: 0 in CI)`
          : `unknown revision '${ref}' (not a branch, tag or commit of the repository at ${this.root})`,
      );
    }
  }

  /** Every regular file of a commit's tree (symbolic links and submodules left out). */
  async treeFiles(commit: string): Promise<TreeFile[]> {
    const out = await this.run(['ls-tree', '-r', '-z', '--full-tree', commit]);
    const files: TreeFile[] = [];
    for (const record of out.split('\0')) {
      if (record === '') continue;
      const tab = record.indexOf('\t');
      const [mode, type, blob] = record.slice(0, tab).split(' ');
      if (type === 'blob' && (mode === '100644' || mode === '100755')) files.push({ path: record.slice(tab + 1), blob });
    }
    return files;
  }

  /**
   * The contents of blobs through one `git cat-file --batch` (raw bytes as stored, decoded as UTF-8 like a
   * file on disk). A blob over `maxSize` bytes is skipped while it streams by and reported by its size;
   * a missing one (a partial clone) is left out of the map.
   */
  blobs(ids: readonly string[], maxSize: number): Promise<Map<string, BlobContent>> {
    const contents = new Map<string, BlobContent>();
    if (ids.length === 0) return Promise.resolve(contents);
    return new Promise((resolve, reject) => {
      const child = spawn(this.gitPath, [...safety, 'cat-file', '--batch'], { cwd: this.root, env: this.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
      const parser = new BatchParser(maxSize, contents);
      let stderr = '';
      let failed: Error | undefined;
      child.stdout.on('data', (chunk: Buffer) => {
        try {
          parser.push(chunk);
        } catch (error) {
          failed ??= error as Error;
          child.kill();
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.stdin.on('error', () => undefined); // git ended early: its exit says why
      child.on('error', (error) => reject(this.failure(error, stderr)));
      child.on('close', (code) => {
        if (failed) reject(failed);
        else if (code !== 0 && /promisor remote/.test(stderr)) {
          const blob = /fetch ([0-9a-f]+) from promisor/.exec(stderr)?.[1] ?? '?';
          reject(new GitError(`a plan file's content (blob ${blob}) is not in this partial clone, and is not fetched from here: fetch it (git fetch --refetch) or clone without --filter`, code ?? undefined));
        } else if (code !== 0) reject(new GitError(firstLine(stderr) || `git cat-file exited with ${code}`, code ?? undefined));
        else if (!parser.idle) reject(new GitError('git cat-file ended in the middle of a blob'));
        else resolve(contents);
      });
      child.stdin.end(ids.join('\n') + '\n');
    });
  }

  /** The repository's git folders: its own (HEAD lives there) and the common one (refs; differs in a linked worktree). */
  async gitDirs(): Promise<string[]> {
    const [own, common] = (await this.run(['rev-parse', '--absolute-git-dir', '--git-common-dir'])).split('\n');
    return [...new Set([own, path.resolve(this.root, common)])];
  }

  /** True when the repository is a shallow clone (its history stops early). */
  async isShallow(): Promise<boolean> {
    return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  /**
   * The first-parent history from `commit`, newest first, of the commits that changed a path matching
   * the pathspecs (git's magic pathspecs), at most `max` of them when given.
   */
  async firstParentHistory(commit: string, pathspecs: readonly string[], max?: number): Promise<GitCommit[]> {
    const args = ['log', '--first-parent', '--no-decorate', '--format=%H%x1f%cI%x1f%s%x1e'];
    if (max !== undefined) args.push(`--max-count=${max}`);
    args.push('--end-of-options', commit, '--', ...pathspecs);
    const out = await this.run(args);
    return out
      .split('\x1e')
      .map((record) => record.replace(/^\n/, ''))
      .filter((record) => record !== '')
      .map((record) => {
        const [id, date, subject] = record.split('\x1f');
        return { commit: id, date: date.slice(0, 10), subject: subject ?? '' };
      });
  }

  /** Local branches, remote branches and tags, with the commit each names. */
  async refs(): Promise<GitRef[]> {
    const out = await this.run(['for-each-ref', '--format=%(refname)%00%(refname:short)%00%(objectname)%00%(*objectname)', 'refs/heads', 'refs/remotes', 'refs/tags']);
    const refs: GitRef[] = [];
    for (const line of out.split('\n')) {
      if (line === '') continue;
      const [full, name, object, peeled] = line.split('\0');
      const kind = full.startsWith('refs/heads/') ? 'branch' : full.startsWith('refs/tags/') ? 'tag' : 'remote';
      if (kind === 'remote' && full.endsWith('/HEAD')) continue;
      refs.push({ name, kind, commit: peeled || object });
    }
    return refs;
  }
}

/** Reads `git cat-file --batch` output as it streams: a header line, then exactly `size` bytes and a newline. */
class BatchParser {
  private pending: Buffer = Buffer.alloc(0);
  private body: { id: string; size: number; remaining: number; chunks: Buffer[] | undefined } | undefined;

  constructor(
    private readonly maxSize: number,
    private readonly contents: Map<string, BlobContent>,
  ) {}

  get idle(): boolean {
    return this.body === undefined && this.pending.length === 0;
  }

  push(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    for (;;) {
      if (!this.body) {
        const newline = this.pending.indexOf(10);
        if (newline < 0) return;
        const header = this.pending.toString('utf8', 0, newline);
        this.pending = this.pending.subarray(newline + 1);
        const found = /^([0-9a-f]+) (\S+) (\d+)$/.exec(header);
        if (!found) {
          if (/ missing$/.test(header)) continue;
          throw new GitError(`git cat-file: unexpected answer '${header.slice(0, 80)}'`);
        }
        if (found[2] !== 'blob') throw new GitError(`git cat-file: ${found[1]} is a ${found[2]}, not a file`);
        const size = Number(found[3]);
        this.body = { id: found[1], size, remaining: size + 1, chunks: size > this.maxSize ? undefined : [] };
      }
      const take = Math.min(this.body.remaining, this.pending.length);
      if (take === 0) return;
      this.body.chunks?.push(this.pending.subarray(0, take));
      this.pending = this.pending.subarray(take);
      this.body.remaining -= take;
      if (this.body.remaining > 0) return;
      const { id, size, chunks } = this.body;
      this.body = undefined;
      this.contents.set(id, chunks ? decodePlanText(Buffer.concat(chunks).subarray(0, size)) : { oversized: size });
    }
  }
}

/** The id git gives these bytes as a blob (`git hash-object`), in the repository's hash (SHA-1 or SHA-256, told by the length of its ids). */
export function blobId(bytes: Uint8Array, idLength = 40): string {
  return createHash(idLength === 64 ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}

/** `*`, `?`, `[` and `\` written literally inside a glob pathspec. */
export const globLiteral = (text: string): string => text.replace(/[*?[\\]/g, (c) => `\\${c}`);

/**
 * Git pathspecs of the files a glob matches under a folder of the repository (`''`: its root):
 * `**\/*.plan.{yaml,yml}` under `plans` → `:(glob)plans/**\/*.plan.yaml`, `:(glob)plans/**\/*.plan.yml`
 * (git's globs have no braces, so they are expanded).
 */
export function globPathspecs(glob: string, folder: string): string[] {
  const under = folder === '' ? '' : `${globLiteral(folder)}/`;
  return expandBraces(glob).map((one) => `:(glob)${under}${one}`);
}

function expandBraces(glob: string): string[] {
  const match = /\{([^{}]*)\}/.exec(glob);
  if (!match) return [glob];
  return match[1].split(',').flatMap((part) => expandBraces(glob.slice(0, match.index) + part + glob.slice(match.index + match[0].length)));
}
