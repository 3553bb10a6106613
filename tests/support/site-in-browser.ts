import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchBrowser } from './browser';
import { serveStatic, type StaticServer } from './server';
import { BASE_PATH, SITE_BASE_DIR } from './astro';
import { builtPages } from './pages';

export interface SiteInBrowser {
  /** Origin and base path of the served site, e.g. "http://127.0.0.1:40123/open-connect-guide/". */
  readonly url: string;
  readonly browser: Browser;
  /** One context for the whole block, made with the options given. */
  readonly context: BrowserContext;
}

/**
 * For the enclosing describe block: serves the project-site build on 127.0.0.1 the way GitHub Pages does,
 * starts Chromium and opens one context; all three stop when the block ends.
 */
export function useSiteInBrowser(
  options: BrowserContextOptions = {},
  prepare?: (context: BrowserContext) => Promise<unknown>,
): SiteInBrowser {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    server = await serveStatic(SITE_BASE_DIR, BASE_PATH);
    browser = await launchBrowser();
    context = await browser.newContext(options);
    await prepare?.(context);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside a test`);
    return value;
  };
  return {
    get url() {
      return ready(server, 'the server').url;
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    get context() {
      return ready(context, 'the browser context');
    },
  };
}

/** Site paths of every page of the project-site build, e.g. "/workload/". */
export function builtPagePaths(): string[] {
  return builtPages(SITE_BASE_DIR).map((p) => p.path);
}

/** Site paths of the chapters and sub-pages: the pages that show one chapter's text (not /all/, which shows them all). */
export function chapterPagePaths(): string[] {
  return builtPages(SITE_BASE_DIR)
    .filter((p) => p.$('main .prose').length === 1)
    .map((p) => p.path);
}

/** Options of a browser context that is a phone: touch, a small screen, a dense display. */
export const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** The shared module every page loads (src/scripts/site/), as the home page of the project-site build names it. */
export function sharedModuleUrlPattern(): RegExp {
  const home = builtPages(SITE_BASE_DIR).find((p) => p.path === '/')!;
  const src = home.$('head script[type="module"][src]').attr('src')!;
  return new RegExp(`${src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
