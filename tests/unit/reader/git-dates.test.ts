import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyUrl, humanDay, isoDay, lastChange, repositoryUrl } from '../../../src/lib/git-dates';

// A real repository made for the test: two commits with fixed dates, a file never committed, a shallow clone.
describe('lastChange', () => {
  let dir: string;
  const git = (cwd: string, args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd,
      stdio: 'pipe',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.org',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.org',
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: dir,
      },
    });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-git-'));
    fs.mkdirSync(path.join(dir, 'repo/chapters'), { recursive: true });
    const repo = path.join(dir, 'repo');
    git(repo, ['init', '-q', '-b', 'main']);
    fs.writeFileSync(path.join(repo, 'chapters/old.mdx'), 'old\n');
    fs.writeFileSync(path.join(repo, 'chapters/new.mdx'), 'first\n');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'first'], '2024-03-01T10:00:00+01:00');
    fs.writeFileSync(path.join(repo, 'chapters/new.mdx'), 'second\n');
    git(repo, ['commit', '-q', '-am', 'second'], '2025-06-15T23:30:00-07:00');
    fs.writeFileSync(path.join(repo, 'chapters/draft.mdx'), 'not committed\n');
    git(dir, ['clone', '-q', '--depth', '1', `file://${repo}`, 'shallow']);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the committer date of the newest commit that touched the file, with its offset', () => {
    expect(lastChange(path.join(dir, 'repo/chapters/new.mdx'))).toMatchObject({
      known: true,
      date: '2025-06-15T23:30:00-07:00',
    });
    expect(lastChange(path.join(dir, 'repo/chapters/old.mdx'))).toMatchObject({
      known: true,
      date: '2024-03-01T10:00:00+01:00',
    });
  });

  it('ignores uncommitted changes, so that a build depends on history only', () => {
    fs.writeFileSync(path.join(dir, 'repo/chapters/old.mdx'), 'edited, not committed\n');
    expect(lastChange(path.join(dir, 'repo/chapters/old.mdx'))).toMatchObject({
      known: true,
      date: '2024-03-01T10:00:00+01:00',
    });
  });

  it('says "not yet committed" for a file without history', () => {
    expect(lastChange(path.join(dir, 'repo/chapters/draft.mdx'))).toEqual({
      known: false,
      reason: 'not yet committed',
    });
  });

  it('does not trust the boundary commit of a shallow clone', () => {
    // In a clone of depth 1 the only commit shows every file as added: old.mdx did not change then.
    expect(lastChange(path.join(dir, 'shallow/chapters/old.mdx'))).toEqual({
      known: false,
      reason: 'history too shallow',
    });
  });

  it('says "no git history" outside a repository', () => {
    fs.writeFileSync(path.join(dir, 'loose.mdx'), 'x\n');
    expect(lastChange(path.join(dir, 'loose.mdx'))).toEqual({ known: false, reason: 'no git history' });
  });
});

describe('dates for readers', () => {
  it('keeps the day the committer wrote, whatever the time zone', () => {
    expect(isoDay('2025-06-15T23:30:00-07:00')).toBe('2025-06-15');
    expect(humanDay('2025-06-15')).toBe('15 June 2025');
    expect(humanDay('2026-01-02')).toBe('2 January 2026');
  });
});

describe('historyUrl', () => {
  it('links to the file’s commits on GitHub when Actions names the repository', () => {
    expect(
      historyUrl('content/chapters/kernel-features/kernel-tls.mdx', {
        env: { GITHUB_REPOSITORY: 'owner/guide', GITHUB_REF_NAME: 'main' },
      }),
    ).toBe('https://github.com/owner/guide/commits/main/content/chapters/kernel-features/kernel-tls.mdx');
  });
  it('reads package.json’s "repository" field in its usual forms', () => {
    for (const repository of [
      'https://github.com/owner/guide',
      'git+https://github.com/owner/guide.git',
      { type: 'git', url: 'git@github.com:owner/guide.git' },
      'github:owner/guide',
    ]) {
      expect(repositoryUrl({}, repository)).toBe('https://github.com/owner/guide');
    }
  });
  it('gives no link when the repository is not known', () => {
    expect(historyUrl('content/chapters/x.mdx', { env: {} })).toBeUndefined();
    expect(repositoryUrl({}, 'https://gitlab.com/owner/guide')).toBeUndefined();
  });
});
