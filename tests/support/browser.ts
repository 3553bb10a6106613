import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const HAS_BROWSER = fs.existsSync(CHROMIUM_PATH);

const HOW_TO = `Chromium was not found at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: "sudo apt-get install -y chromium") or set CHROMIUM_PATH to a Chromium or Chrome binary.`;

/**
 * Whether the browser tests run. In CI a missing browser is a failure, never a skip; elsewhere the tests
 * are skipped and the run says which and how to get the browser.
 */
export function browserTestsEnabled(suite: string): boolean {
  if (HAS_BROWSER) return true;
  if (process.env['CI']) throw new Error(`Browser tests are required in CI. ${HOW_TO}`);
  console.warn(`\n[browser tests skipped] ${suite}: ${HOW_TO}\n`);
  return false;
}

/**
 * Launches headless Chromium with no background networking (this machine has none). Playwright gives every
 * launch a fresh, temporary profile, which is the clean user-data dir the browser needs here.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
  });
}
