import { describe, expect, it } from 'vitest';
import { LOCAL_SITE, siteConfig } from '../../../src/lib/site-config';

describe('where the site is published (SITE_URL, BASE_PATH)', () => {
  it('defaults to the local server outside CI', () => {
    expect(siteConfig({})).toEqual({ site: LOCAL_SITE, base: '/' });
  });

  it('takes an origin and a base path, and normalises the slashes', () => {
    expect(siteConfig({ CI: 'true', SITE_URL: 'https://owner.github.io/', BASE_PATH: 'repo' })).toEqual({
      site: 'https://owner.github.io',
      base: '/repo/',
    });
  });

  it('fails in CI without SITE_URL for a build, and only for a build', () => {
    expect(() => siteConfig({ CI: 'true' }, 'build')).toThrow('SITE_URL is not set, and this is a CI build');
    expect(siteConfig({ CI: 'true' }, 'sync')).toEqual({ site: 'http://127.0.0.1:4321', base: '/' });
    expect(siteConfig({ CI: 'true' })).toEqual({ site: 'http://127.0.0.1:4321', base: '/' });
  });

  it('fails on a SITE_URL with a path when BASE_PATH is not set', () => {
    expect(() => siteConfig({ SITE_URL: 'https://owner.github.io/repo' })).toThrow(
      'SITE_URL "https://owner.github.io/repo" has a path ("/repo/") but BASE_PATH is not set: give the origin in SITE_URL and the path in BASE_PATH (SITE_URL=https://owner.github.io BASE_PATH=/repo/)',
    );
  });

  it('fails on a SITE_URL that is not an http(s) URL', () => {
    expect(() => siteConfig({ SITE_URL: 'owner.github.io' })).toThrow('SITE_URL "owner.github.io" is not a URL');
    expect(() => siteConfig({ SITE_URL: 'ftp://owner.github.io' })).toThrow('must be an http or https URL');
  });

  it('fails on a BASE_PATH that climbs out or is not a path', () => {
    expect(() => siteConfig({ BASE_PATH: '/../' })).toThrow(
      'BASE_PATH "/../" is not a URL path such as "/open-connect-guide/"',
    );
    expect(() => siteConfig({ BASE_PATH: '/a/./b/' })).toThrow('BASE_PATH "/a/./b/" is not a URL path');
    expect(() => siteConfig({ BASE_PATH: '/a b/' })).toThrow('BASE_PATH "/a b/" is not a URL path');
  });
});
