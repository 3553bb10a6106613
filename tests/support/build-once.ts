import { buildSite, SITE_ROOT_DIR, SITE_BASE_DIR, BASE_PATH } from './astro';

/** Builds the real site once for all site and browser tests: under "/" and under a project-site base path. */
export default function setup() {
  for (const [outDir, base] of [
    [SITE_ROOT_DIR, '/'],
    [SITE_BASE_DIR, BASE_PATH],
  ] as const) {
    const { status, output } = buildSite({ outDir, base });
    if (status !== 0) throw new Error(`The site failed to build under base ${base}:\n${output.slice(-4000)}`);
  }
}
