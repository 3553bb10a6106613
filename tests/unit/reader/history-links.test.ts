import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyUrl, humanDay, lastChange, repositoryUrl } from '../../../src/lib/git-dates';

describe('where a page’s history is browsed', () => {
  const env = { GITHUB_REPOSITORY: 'owner/guide' };

  it('uses the branch Actions builds, but main for a tag, and encodes the branch and each part of the path', () => {
    expect(historyUrl('content/a b.mdx', { env: { ...env, GITHUB_REF_NAME: 'feature/x' } })).toBe(
      'https://github.com/owner/guide/commits/feature%2Fx/content/a%20b.mdx',
    );
    expect(historyUrl('content/a.mdx', { env: { ...env, GITHUB_REF_NAME: 'v1.0', GITHUB_REF_TYPE: 'tag' } })).toBe(
      'https://github.com/owner/guide/commits/main/content/a.mdx',
    );
    expect(historyUrl('content/a.mdx', { env })).toBe('https://github.com/owner/guide/commits/main/content/a.mdx');
    expect(historyUrl(['content', 'x.mdx'].join(path.sep), { env })).toMatch(/\/commits\/main\/content\/x\.mdx$/);
  });

  it('takes the server Actions names, without its trailing slashes', () => {
    expect(repositoryUrl({ ...env, GITHUB_SERVER_URL: 'https://github.example.com//' })).toBe(
      'https://github.example.com/owner/guide',
    );
    expect(repositoryUrl({ ...env, GITHUB_SERVER_URL: '' })).toBe('https://github.com/owner/guide');
  });

  it('falls back to package.json when the environment names no repository of the right form', () => {
    expect(repositoryUrl({ GITHUB_REPOSITORY: 'not a repo' }, 'github:owner/guide')).toBe(
      'https://github.com/owner/guide',
    );
    expect(repositoryUrl({ GITHUB_REPOSITORY: 'a/b/c' })).toBeUndefined();
    expect(repositoryUrl({}, 'ssh://git@github.com/owner/guide.git')).toBe('https://github.com/owner/guide');
    expect(repositoryUrl({}, 'https://github.com/owner/guide/')).toBe('https://github.com/owner/guide');
    expect(repositoryUrl({}, 'https://github.com/owner/guide/tree/main')).toBeUndefined();
    expect(repositoryUrl({}, 'owner/guide/extra')).toBeUndefined();
    expect(repositoryUrl({}, { url: 42 })).toBeUndefined();
    expect(repositoryUrl({}, undefined)).toBeUndefined();
  });

  it('says "file not found" for a file in a folder that does not exist, and writes every month', () => {
    expect(lastChange('/no/such/folder/x.mdx')).toEqual({ known: false, reason: 'file not found' });
    expect(['01', '06', '12'].map((m) => humanDay(`2026-${m}-09`))).toEqual([
      '9 January 2026',
      '9 June 2026',
      '9 December 2026',
    ]);
  });
});
