import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mergeHtml, mergedHref, type MergedTarget } from '../../../src/lib/merge-html';

const BASE = '/guide/';
const targets = new Map<string, MergedTarget>([
  ['/', { prefix: 'home' }],
  ['/glossary/', { prefix: 'glossary' }],
]);

describe('mergeHtml, on the edges of what it prefixes', () => {
  it('prefixes each id of a list given as text, and leaves an empty one empty', () => {
    expect(
      mergeHtml('<input aria-errormessage="err-a  err-b" aria-details="d1 d2"><input aria-errormessage="">', {
        prefix: 'p',
      }),
    ).toBe('<input aria-errormessage="p--err-a p--err-b" aria-details="p--d1 p--d2"><input aria-errormessage="">');
  });

  it('leaves a bare "#" (back to the top) alone, and rewrites a link to a page that ends in "#"', () => {
    const seen: string[] = [];
    const rewriteHref = (href: string) => {
      seen.push(href);
      return mergedHref(href, BASE, targets);
    };
    expect(mergeHtml('<a href="#">top</a><a href="/guide/#">home</a>', { prefix: 'p', rewriteHref })).toBe(
      '<a href="#">top</a><a href="#home">home</a>',
    );
    expect(seen).toEqual(['/guide/#']);
  });

  it('moves only headings down a level', () => {
    expect(
      mergeHtml('<section><h2>A</h2><p>text</p><header>h</header><hgroup><h3>B</h3></hgroup></section>', {
        prefix: 'p',
        demote: 1,
      }),
    ).toBe('<section><h3>A</h3><p>text</p><header>h</header><hgroup><h4>B</h4></hgroup></section>');
  });
});

describe('mergeHtml, rewriting tags in the text as it was written', () => {
  it('keeps a self-closed SVG element self-closed, so that what follows it is not taken inside it', () => {
    expect(
      mergeHtml('<svg><linearGradient id="g"/><use xlink:href="#g"/><rect fill="url(#g)"/></svg>', { prefix: 'p' }),
    ).toBe('<svg><linearGradient id="p--g"/><use xlink:href="#p--g"/><rect fill="url(#g)"/></svg>');
  });

  it('writes the values it changes with their characters escaped, and copies all it does not change', () => {
    const rewriteHref = (href: string) => (href === '/guide/?a=1&b="2"' ? '/x/?a=1&b="2"' : undefined);
    expect(
      mergeHtml(
        '<p title="a &amp; b">1 &lt; 2 &amp;&amp; &#x27;x&#x27;</p><a href=\'/guide/?a=1&amp;b="2"\' hidden>l</a>',
        { prefix: 'p', rewriteHref },
      ),
    ).toBe(
      '<p title="a &amp; b">1 &lt; 2 &amp;&amp; &#x27;x&#x27;</p><a href="/x/?a=1&amp;b=&quot;2&quot;" hidden="">l</a>',
    );
  });

  it('drops a script whole, markup-like text in it included, and keeps what follows', () => {
    expect(
      mergeHtml('<div id="a"><script>if (a < b) document.write("</div><p id=\'x\'>")</script><p id="b">b</p></div>', {
        prefix: 'p',
      }),
    ).toBe('<div id="p--a"><p id="p--b">b</p></div>');
  });

  it('moves down only the headings that were written, not the ones the parser closes itself', () => {
    expect(mergeHtml('<h2 id="a">A</h2><h3>B', { prefix: 'p', demote: 1 })).toBe('<h3 id="p--a">A</h3><h4>B');
  });
});

describe('mergedHref, for links outside the guide', () => {
  it('does not take a link to another site on the same host for a page of the guide', () => {
    // "/other/" is as long as "/guide/": without the base check its rest would read as the glossary.
    expect(mergedHref('/other/glossary/', BASE, targets)).toBeUndefined();
    expect(mergedHref('/guide/glossary/', BASE, targets)).toBe('#glossary');
  });
});

// Fresh copies of the module, each to read "its own source and the lockfile" once, on its first merge, while
// the test makes fs.readFileSync return what it wants for them. Imported here, not in the tests, so that the
// module's own loading stays outside every test.
const CACHE = path.resolve('.tmp/merge-html-edges');
process.env['GUIDE_CACHE_DIR'] = CACHE;
const fresh: (typeof import('../../../src/lib/merge-html'))['cachedMerge'][] = [];
for (let i = 0; i < 14; i++) {
  vi.resetModules();
  fresh.push((await import('../../../src/lib/merge-html')).cachedMerge);
}

describe('the key of a merged page kept on disk', () => {
  const SOURCE = 'src/lib/merge-html.ts';
  const LOCK = 'package-lock.json';
  type Files = Record<string, string | undefined>;

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Makes fs.readFileSync read these as the module's source and the lockfile (undefined: missing). */
  function withFiles(files: Files) {
    vi.restoreAllMocks();
    const readFileSync = fs.readFileSync.bind(fs);
    vi.spyOn(fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, options?: unknown) => {
      if (typeof file === 'string' && file in files) {
        const text = files[file];
        if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
        return text;
      }
      return readFileSync(file, options as BufferEncoding);
    }) as typeof fs.readFileSync);
  }

  /** Whether merging with the files and arguments `after`, once merged with `before`, merged again. */
  function mergesAgain(before: [Files, string, string], after: [Files, string, string]) {
    fs.rmSync(CACHE, { recursive: true, force: true });
    let merges = 0;
    const merge = () => `merged ${++merges}`;
    for (const [files, html, context] of [before, after]) {
      const cachedMerge = fresh.pop();
      if (!cachedMerge) throw new Error('too few fresh copies of the module');
      withFiles(files);
      cachedMerge(html, context, merge);
    }
    return merges === 2;
  }

  const files = { [SOURCE]: 'code', [LOCK]: 'lock' };

  it('stays the same while this module and the lockfile do', () => {
    expect(mergesAgain([files, '<p>x</p>', 'ctx'], [{ ...files }, '<p>x</p>', 'ctx'])).toBe(false);
  });

  it('changes when this module’s source or the lockfile (the HTML parser’s version) changes', () => {
    expect(mergesAgain([files, '<p>x</p>', 'ctx'], [{ ...files, [SOURCE]: 'code, edited' }, '<p>x</p>', 'ctx'])).toBe(
      true,
    );
    expect(mergesAgain([files, '<p>x</p>', 'ctx'], [{ ...files, [LOCK]: 'lock, edited' }, '<p>x</p>', 'ctx'])).toBe(
      true,
    );
  });

  it('tells a missing lockfile from an empty one', () => {
    expect(
      mergesAgain([{ ...files, [LOCK]: '' }, '<p>x</p>', 'ctx'], [{ ...files, [LOCK]: undefined }, '<p>x</p>', 'ctx']),
    ).toBe(true);
  });

  it('keeps its parts apart: text moved from one part to the next is a change', () => {
    expect(
      mergesAgain(
        [{ [SOURCE]: 'ab', [LOCK]: 'c' }, '<p>x</p>', 'ctx'],
        [{ [SOURCE]: 'a', [LOCK]: 'bc' }, '<p>x</p>', 'ctx'],
      ),
    ).toBe(true);
    expect(mergesAgain([{ ...files, [LOCK]: 'lockX' }, '<p>x</p>', 'ctx'], [files, '<p>x</p>', 'Xctx'])).toBe(true);
    expect(mergesAgain([files, 'bc', 'a'], [files, 'c', 'ab'])).toBe(true);
  });
});
