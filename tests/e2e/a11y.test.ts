import { describe, expect, it } from 'vitest';
import { browserTestsEnabled } from '../support/browser';
import { useSiteInBrowser, builtPagePaths } from '../support/site-in-browser';
import { addAxe, axeViolations, emulateScheme, SCHEMES } from '../support/axe';

const pages = builtPagePaths();

/**
 * The rules whose results can change with the colours: the others are the same in every scheme, so they run
 * once per size and these alone in each of light, dark and forced colours.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
/**
 * The one-page edition repeats every chapter's text, each checked in every scheme on its own page: there the
 * colour rules check what is its own (its contents, header, footer), and the other rules the whole page.
 */
const COLOUR_EXCLUDE: Record<string, string[]> = { '/all/': ['.all-chapter'] };

/** The screens of the matrix: two phones, a tablet, two short laptop screens and a large desktop. */
const SIZES = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
  { width: 768, height: 1024 },
  { width: 1280, height: 600 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
/** What every page is checked at: the phone and the desktop layout. */
const PHONE_AND_DESKTOP = [SIZES[1], SIZES[4]];
/**
 * One page of each layout kind, checked at every size: home, a chapter (figures, tables), a sub-page (the
 * longest sidebar), an explorable, the glossary, the sources, search and the 404 page.
 */
const EVERY_SIZE = new Set([
  '/',
  '/open-connect/',
  '/kernel-features/kernel-tls/',
  '/workload/',
  '/glossary/',
  '/sources/',
  '/search/',
  '/404.html',
]);

describe.runIf(browserTestsEnabled('accessibility (axe-core)'))(
  'every page passes axe-core’s WCAG 2.x A and AA rules in light, dark and forced colours, on a phone and a desktop (one page per layout at six sizes)',
  () => {
    const site = useSiteInBrowser({ bypassCSP: true }, addAxe);

    it('checks one page of each layout kind at every size', () => {
      expect(
        [...EVERY_SIZE].filter((p) => !pages.includes(p)),
        'pages that no longer exist',
      ).toEqual([]);
    });

    // Each page is loaded once; the viewport and the emulated media change under it, and axe runs again.
    it.each(pages)('%s', async (sitePath) => {
      const page = await site.context.newPage();
      await page.goto(site.url + sitePath.slice(1));
      const found: string[] = [];
      for (const size of EVERY_SIZE.has(sitePath) ? SIZES : PHONE_AND_DESKTOP) {
        await page.setViewportSize(size);
        const at = `${size.width}×${size.height}`;
        for (const scheme of SCHEMES) {
          await emulateScheme(page, scheme);
          const exclude = COLOUR_EXCLUDE[sitePath] ?? [];
          found.push(...(await axeViolations(page, `${at} ${scheme}`, { rules: COLOUR_RULES, exclude })));
        }
        found.push(...(await axeViolations(page, at, { except: COLOUR_RULES })));
      }
      expect(found.join('\n'), `${found.length} violations`).toBe('');
      await page.close();
    });
  },
);
