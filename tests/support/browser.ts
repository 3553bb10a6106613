import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { toolTestsEnabled } from './tools';

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const HAS_BROWSER = fs.existsSync(CHROMIUM_PATH);

const HOW_TO = `Chromium was not found at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: "sudo apt-get install -y chromium") or set CHROMIUM_PATH to a Chromium or Chrome binary.`;

/** Whether the browser tests run: in CI a missing browser fails them (see toolTestsEnabled). */
export function browserTestsEnabled(suite: string): boolean {
  return toolTestsEnabled(`Browser tests (${suite})`, HAS_BROWSER, HOW_TO);
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
