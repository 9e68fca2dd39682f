// Launches Debian's Chromium through playwright-core (a downloaded browser cannot work here).
// When /usr/bin/chromium is missing the e2e tests fail in CI (CI=true) with a clear message and
// are skipped locally with one.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.DATELINE_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join('test-output', 'screenshots');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/** The browser, or undefined when the test was skipped because Chromium is not installed. */
export async function launchOrSkip(t: TestContext): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) {
    const msg = `Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y chromium' (or set DATELINE_CHROMIUM)`;
    if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`e2e tests need a browser in CI. ${msg}`);
    t.skip(msg);
    return undefined;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}
