import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../scripts/bench/dev.ts';
import { isolatedRoot, ROOT, TEST_TMP } from '../support/astro';

const GOOD = path.join(ROOT, 'tests/fixtures/good');
const WORK = path.join(TEST_TMP, 'dev-content');
const CONTENT = path.join(WORK, 'content');

/** Fetches a page until `ready` holds for it (the dev server picks up new files a moment after they are saved). */
async function until(
  server: DevServer,
  sitePath: string,
  ready: (page: { status: number; body: string }) => boolean,
  timeoutMs = 60_000,
): Promise<{ status: number; body: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await server.get(sitePath);
    if (ready(page) || Date.now() > deadline) return page;
    await new Promise((r) => setTimeout(r, 200));
  }
}

// One lifetime of the content in `astro dev`: what an author adds shows at the next fetch, without a restart.
// On a copy of the good fixture (GUIDE_CONTENT_DIR), never the real content/.
describe('astro dev sees new content without a restart', () => {
  let server: DevServer;
  beforeAll(async () => {
    fs.rmSync(WORK, { recursive: true, force: true });
    fs.cpSync(GOOD, CONTENT, { recursive: true });
    server = await startDevServer(
      {
        GUIDE_CONTENT_DIR: CONTENT,
        GUIDE_CACHE_DIR: path.join(WORK, 'cache'),
        GUIDE_CARD_CACHE: path.join(WORK, 'cards'),
        BASE_PATH: '/',
      },
      { root: isolatedRoot('dev-content') },
    );
    expect((await server.get('/parent/')).status).toBe(200);
  }, 240_000);
  afterAll(() => server?.stop());

  it('a new glossary term and a new chapter that uses it: the chapter is served with the term', async () => {
    fs.appendFileSync(
      path.join(CONTENT, 'glossary/terms.yaml'),
      '- id: quokka\n  term: Quokka\n  definition: A small marsupial that a test adds to the glossary.\n',
    );
    fs.writeFileSync(
      path.join(CONTENT, 'chapters/added.mdx'),
      '---\ntitle: An added chapter\ndescription: A chapter that a test adds while the dev server runs, to see it served.\norder: 2\n---\n\n## Marsupials\n\nA :term[Quokka] lives on an island.\n',
    );
    const page = await until(server, '/added/', (p) => p.status === 200 && p.body.includes('/glossary/#quokka'));
    expect(page.status, page.body.slice(0, 2000)).toBe(200);
    expect(page.body).toContain('href="/glossary/#quokka"');
    expect(page.body).toContain('A small marsupial that a test adds to the glossary.');
    const glossary = await until(server, '/glossary/', (p) => p.body.includes('id="quokka"'));
    expect(glossary.body).toContain('id="quokka"');
  }, 120_000);

  it('a new heading in one chapter and a link to it from another: both pages are served', async () => {
    fs.appendFileSync(path.join(CONTENT, 'chapters/parent/index.mdx'), '\n## Third section\n\nMore text.\n');
    fs.appendFileSync(
      path.join(CONTENT, 'chapters/parent/child.mdx'),
      '\nSee [the third section](/parent/#third-section).\n',
    );
    const child = await until(
      server,
      '/parent/child/',
      (p) => p.status === 200 && p.body.includes('href="/parent/#third-section"'),
    );
    expect(child.status, child.body.slice(0, 2000)).toBe(200);
    expect(child.body).toContain('href="/parent/#third-section"');
    const parent = await until(server, '/parent/', (p) => p.body.includes('id="third-section"'));
    expect(parent.status).toBe(200);
    expect(parent.body).toContain('id="third-section"');
  }, 120_000);
});
