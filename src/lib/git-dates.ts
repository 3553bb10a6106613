import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** When a file last changed, as far as the repository's history can tell. */
export type LastChange =
  | { known: true; date: string; commit: string }
  /** `reason` is shown to readers: history missing, shallow, or the file never committed. */
  | { known: false; reason: string };

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const shallowCache = new Map<string, Set<string>>();

/** Commits at the shallow boundary of a clone (empty for a full clone). */
function shallowBoundary(cwd: string): Set<string> {
  const hit = shallowCache.get(cwd);
  if (hit) return hit;
  const file = git(['rev-parse', '--path-format=absolute', '--git-path', 'shallow'], cwd);
  const commits = new Set(
    file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split(/\s+/).filter(Boolean) : [],
  );
  shallowCache.set(cwd, commits);
  return commits;
}

/**
 * The committer date (ISO 8601, with the committer's offset) of the newest commit that touched `file`.
 * The working tree's state is ignored on purpose: two builds of one commit must be byte-identical, so the
 * date comes from history, never from the clock or the file's mtime.
 *
 * Not known when git or the repository is missing, when the file was never committed, or when the newest
 * commit touching it is the boundary of a shallow clone (`actions/checkout` fetches one commit by default):
 * that commit shows every file as added, so its date says nothing about this file.
 */
export function lastChange(file: string): LastChange {
  const absolute = path.resolve(file);
  const cwd = path.dirname(absolute);
  if (!fs.existsSync(cwd)) return { known: false, reason: 'file not found' };
  const root = toplevel(cwd);
  if (root === undefined) return { known: false, reason: 'no git history' };
  const newest = history(root).get(path.relative(root, absolute).split(path.sep).join('/'));
  if (!newest) return { known: false, reason: 'not yet committed' };
  if (shallowBoundary(root).has(newest.commit)) return { known: false, reason: 'history too shallow' };
  return { known: true, ...newest };
}

const toplevels = new Map<string, string | undefined>();

/**
 * The working tree a folder belongs to, or undefined outside git. Asked of git once per working tree, not per
 * folder: a folder inside a tree already known, with no `.git` of its own on the way up, belongs to it.
 */
function toplevel(cwd: string): string | undefined {
  if (toplevels.has(cwd)) return toplevels.get(cwd);
  for (let dir = cwd; ;) {
    if (toplevels.get(dir) === dir) {
      toplevels.set(cwd, dir);
      return dir;
    }
    if (fs.existsSync(path.join(dir, '.git'))) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const root = git(['rev-parse', '--show-toplevel'], cwd);
  toplevels.set(cwd, root);
  if (root !== undefined) toplevels.set(root, root);
  return root;
}

const histories = new Map<string, Map<string, { commit: string; date: string }>>();

/**
 * The newest commit that touched each file of a repository, from one `git log` for all files (not one process
 * per page): commits come newest first, so a file's first appearance is its last change.
 */
function history(root: string): Map<string, { commit: string; date: string }> {
  let map = histories.get(root);
  if (map) return map;
  map = new Map();
  const out = git(['log', '--format=%x00%H %cI', '--name-only', '--no-renames'], root) ?? '';
  for (const entry of out.split('\0').slice(1)) {
    const [head = '', ...files] = entry.split('\n');
    const [commit = '', date = ''] = head.split(' ');
    for (const f of files) if (f && !map.has(f)) map.set(f, { commit, date });
  }
  histories.set(root, map);
  return map;
}

/** "2026-11-20" from "2026-11-20T09:14:03+01:00": the date as the committer wrote it, with no time zone shift. */
export function isoDay(date: string): string {
  return date.slice(0, 10);
}

/**
 * Where a file's change history is browsed, or undefined when the repository is not known. GitHub Actions
 * sets GITHUB_REPOSITORY (and GITHUB_SERVER_URL); elsewhere package.json's "repository" may name it.
 */
export function historyUrl(
  relativeFile: string,
  { env = process.env, repository }: { env?: Record<string, string | undefined>; repository?: unknown } = {},
): string | undefined {
  const repo = repositoryUrl(env, repository);
  if (!repo) return undefined;
  const branch = env['GITHUB_REF_NAME'] && env['GITHUB_REF_TYPE'] !== 'tag' ? env['GITHUB_REF_NAME'] : 'main';
  const file = relativeFile.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
  return `${repo}/commits/${encodeURIComponent(branch)}/${file}`;
}

/** https://github.com/OWNER/REPO from the environment or a package.json "repository" field, if either names one. */
export function repositoryUrl(env: Record<string, string | undefined>, repository?: unknown): string | undefined {
  if (env['GITHUB_REPOSITORY'] && /^[\w.-]+\/[\w.-]+$/.test(env['GITHUB_REPOSITORY'])) {
    return `${(env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, '')}/${env['GITHUB_REPOSITORY']}`;
  }
  const raw = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof raw !== 'string') return undefined;
  const match =
    raw.match(/^(?:git\+)?(?:https?:\/\/|git@|ssh:\/\/git@)github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/) ??
    raw.match(/^(?:github:)?([\w.-]+)\/([\w.-]+)$/);
  return match ? `https://github.com/${match[1]}/${match[2]}` : undefined;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "20 November 2026" from "2026-11-20", with no Date object, so that no time zone can shift the day. */
export function humanDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}
