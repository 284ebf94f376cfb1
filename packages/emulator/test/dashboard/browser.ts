import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); no browser is ever downloaded. */
export const CHROMIUM = process.env.ACTORKIT_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Outside CI a machine without Chromium skips these tests; in CI (`CI=true`) it fails them. */
export const skipWithoutChromium = !hasChromium && process.env.CI !== 'true';

/**
 * Where the tests leave their screenshots: docs/dashboard/ (shown in the README) when ACTORKIT_SCREENSHOTS=docs,
 * otherwise a folder under the system's temp directory, so a test run leaves the working tree as it was.
 */
export const SCREENSHOT_DIR =
  process.env.ACTORKIT_SCREENSHOTS === 'docs'
    ? fileURLToPath(new URL('../../../../docs/dashboard/', import.meta.url))
    : join(tmpdir(), 'actorkit-dashboard-screenshots');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser extends AsyncDisposable {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations the page reported. */
  problems: string[];
  screenshot(name: string): Promise<string>;
}

/** Headless Chromium with a fresh profile, one page at 1280×800, and the page's problems collected. */
export async function openBrowser(options: { width?: number; height?: number } = {}): Promise<Browser> {
  if (!hasChromium) throw new Error(`these tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = await mkdtemp(join(tmpdir(), 'actorkit-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    timezoneId: 'UTC',
    locale: 'en-GB',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) {
      const at = m.location();
      problems.push(`console: ${m.text()} (${at.url}:${at.lineNumber})`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    page,
    problems,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async [Symbol.asyncDispose]() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
