/**
 * Where the site is published. GitHub Pages serves a project site at https://OWNER.github.io/REPO/, so the
 * deploy workflow passes SITE_URL (the origin) and BASE_PATH (/REPO/). Locally both default to the root.
 */
export function siteConfig(env: Record<string, string | undefined>): { site: string; base: string } {
  const site = (env['SITE_URL'] || 'http://127.0.0.1:4321').replace(/\/+$/, '');
  let base = env['BASE_PATH'] || '/';
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base))
    throw new Error(`BASE_PATH "${env['BASE_PATH']}" is not a URL path such as "/open-connect-guide/"`);
  return { site, base };
}
