/**
 * Debian's Chromium driven by playwright-core. Missing Chromium skips browser tests on a
 * developer's machine with a message, and fails them in CI (CI=true), where .ci/run
 * installs it.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const inCi = process.env.CI === 'true' || process.env.CI === '1';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
if (!chromiumAvailable) {
  const message = `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (inCi) throw new Error(`${message}: CI must run the browser tests.`);
  process.stderr.write(`\n[newsdesk tests] ${message}: browser tests are SKIPPED on this machine.\n\n`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
