import fs from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { inject } from 'vitest';
import { toolTestsEnabled } from './tools';

declare module 'vitest' {
  interface ProvidedContext {
    /** The WebSocket endpoint of the Chromium that the e2e project's global setup started, if it did. */
    chromiumEndpoint?: string;
  }
}

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const HAS_BROWSER = fs.existsSync(CHROMIUM_PATH);

const HOW_TO = `Chromium was not found at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: "sudo apt-get install -y chromium") or set CHROMIUM_PATH to a Chromium or Chrome binary.`;

/** Whether the browser tests run: in CI a missing browser fails them (see toolTestsEnabled). */
export function browserTestsEnabled(suite: string): boolean {
  return toolTestsEnabled(`Browser tests (${suite})`, HAS_BROWSER, HOW_TO);
}

const LAUNCH = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * One headless Chromium for a whole test run (the e2e project's global setup starts it, see build-once.ts):
 * every suite connects to it and opens contexts of its own, instead of starting a browser of its own. Suites run
 * one at a time (vitest.config.ts), and a context is as clean as a new browser's profile.
 */
export function startBrowserServer(): Promise<BrowserServer> | undefined {
  return HAS_BROWSER ? chromium.launchServer(LAUNCH) : undefined;
}

/**
 * Headless Chromium with no background networking (this machine has none): the run's shared browser when
 * there is one (closing it then only disconnects), else a browser of its own. Playwright gives every launch a
 * fresh, temporary profile, which is the clean user-data dir the browser needs here.
 */
export function launchBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : chromium.launch(LAUNCH);
}
