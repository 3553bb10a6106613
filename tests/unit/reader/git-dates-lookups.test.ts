import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Every git command run, to count them: the build looks up the last change of every chapter page.
vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  return { ...actual, execFileSync: vi.fn(actual.execFileSync) };
});
const { execFileSync } = await import('node:child_process');
const { lastChange, repositoryUrl } = await import('../../../src/lib/git-dates');

describe('looking up last changes', () => {
  let dir: string;
  const git = (cwd: string, args: string[]) =>
    execFileSync('git', args, {
      cwd,
      stdio: 'pipe',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.org',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.org',
        GIT_AUTHOR_DATE: '2024-03-01T10:00:00+01:00',
        GIT_COMMITTER_DATE: '2024-03-01T10:00:00+01:00',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: dir,
      },
    });
  const gitCalls = () => vi.mocked(execFileSync).mock.calls.filter(([command]) => command === 'git');

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-git-lookups-'));
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(path.join(repo, 'chapters/part'), { recursive: true });
    git(repo, ['init', '-q', '-b', 'main']);
    for (const file of ['chapters/a.mdx', 'chapters/b.mdx', 'chapters/part/c.mdx']) {
      fs.writeFileSync(path.join(repo, file), `${file}\n`);
    }
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'first']);
    fs.mkdirSync(path.join(dir, 'empty'));
    git(path.join(dir, 'empty'), ['init', '-q', '-b', 'main']);
    fs.writeFileSync(path.join(dir, 'empty/draft.mdx'), 'draft\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs git a few times per repository, not once per file, and not again for a file looked up before', () => {
    const files = ['chapters/a.mdx', 'chapters/b.mdx', 'chapters/part/c.mdx'].map((f) => path.join(dir, 'repo', f));
    const before = gitCalls().length;
    const first = files.map((f) => lastChange(f));
    expect(first.every((c) => c.known && c.date === '2024-03-01T10:00:00+01:00')).toBe(true);
    const calls = gitCalls().slice(before);
    // One history for all files, one look at the shallow boundary, and the working tree of each folder.
    expect(calls.filter(([, args]) => args?.[0] === 'log')).toHaveLength(1);
    expect(calls.length).toBeLessThanOrEqual(4);
    const again = gitCalls().length;
    expect(files.map((f) => lastChange(f))).toEqual(first);
    expect(gitCalls().length).toBe(again);
  });

  it('says "not yet committed" in a repository that has no commit yet', () => {
    expect(lastChange(path.join(dir, 'empty/draft.mdx'))).toEqual({ known: false, reason: 'not yet committed' });
  });

  it('says "file not found" for a file in a folder that does not exist', () => {
    expect(lastChange(path.join(dir, 'nowhere/x.mdx'))).toEqual({ known: false, reason: 'file not found' });
  });
});

describe('the repository named by package.json', () => {
  it('accepts an http:// address and the bare owner/name shorthand npm reads as GitHub', () => {
    expect(repositoryUrl({}, 'http://github.com/owner/guide')).toBe('https://github.com/owner/guide');
    expect(repositoryUrl({}, 'owner/guide')).toBe('https://github.com/owner/guide');
    expect(repositoryUrl({}, { url: 'git+ssh://git@github.com/owner/guide.git' })).toBe(
      'https://github.com/owner/guide',
    );
  });

  it('is not read from an address elsewhere that only mentions a GitHub one', () => {
    expect(repositoryUrl({}, 'https://example.org/redirect?to=https://github.com/owner/guide')).toBeUndefined();
    expect(repositoryUrl({}, 'https://gitlab.com/owner/guide')).toBeUndefined();
  });
});
