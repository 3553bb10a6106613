import { describe, expect, it } from 'vitest';
import { LOCAL_SITE, SiteConfigError, siteConfig } from '../../../src/lib/site-config';

const LOCAL = { site: LOCAL_SITE, base: '/' };
const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error('no error');
};

describe('when a build counts as a CI build', () => {
  it('not outside CI, nor when CI is "false" or empty', () => {
    expect(siteConfig({}, 'build')).toEqual(LOCAL);
    expect(siteConfig({ CI: 'false' }, 'build')).toEqual(LOCAL);
    expect(siteConfig({ CI: '' }, 'build')).toEqual(LOCAL);
  });

  it('in CI, where a build with SITE_URL set goes ahead', () => {
    expect(siteConfig({ CI: '1', SITE_URL: 'https://owner.github.io' }, 'build')).toEqual({
      site: 'https://owner.github.io',
      base: '/',
    });
    expect(() => siteConfig({ CI: '1' }, 'build')).toThrow(SiteConfigError);
  });
});

describe('SITE_URL and BASE_PATH as a workflow may write them', () => {
  it('takes a SITE_URL of only spaces for no SITE_URL', () => {
    expect(siteConfig({ SITE_URL: '  ' }, 'build')).toEqual(LOCAL);
    expect(() => siteConfig({ CI: 'true', SITE_URL: '  ' }, 'build')).toThrow('SITE_URL is not set');
  });

  it('ignores spaces around BASE_PATH and adds the slashes it lacks', () => {
    expect(siteConfig({ BASE_PATH: ' /repo/ ' }).base).toBe('/repo/');
    expect(siteConfig({ BASE_PATH: '  ' }).base).toBe('/');
    expect(siteConfig({ BASE_PATH: 'repo/' }).base).toBe('/repo/');
    expect(siteConfig({ BASE_PATH: '/repo' }).base).toBe('/repo/');
  });

  it('takes an origin with a doubled trailing slash for the origin', () => {
    expect(siteConfig({ SITE_URL: 'https://owner.github.io//' })).toEqual({
      site: 'https://owner.github.io',
      base: '/',
    });
  });

  it('allows dots inside a path segment', () => {
    expect(siteConfig({ BASE_PATH: '/guide.v2/' }).base).toBe('/guide.v2/');
  });

  it('refuses schemes that only end in http', () => {
    expect(() => siteConfig({ SITE_URL: 'git+https://owner.github.io' })).toThrow(
      'SITE_URL "git+https://owner.github.io" must be an http or https URL',
    );
  });
});

describe('a bad setting', () => {
  it('fails with an error that says it is the site’s configuration', () => {
    const error = thrown(() => siteConfig({ SITE_URL: 'ftp://owner.github.io' }));
    expect(error).toBeInstanceOf(SiteConfigError);
    expect(String(error)).toMatch(/^SiteConfigError: SITE_URL "ftp:\/\/owner.github.io"/);
  });
});
