/**
 * The dashboard in a real browser (Debian's Chromium, driven by playwright-core), against a real emulator whose
 * executions run as local processes: what a developer does with it, step by step, with screenshots for the README.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createExecutor } from '../../src/executor/create-executor.js';
import type { Executor } from '../../src/executor/executor.js';
import { startEmulator, type RunningEmulator } from '../../src/start-emulator.js';
import { executorWorkerPool } from '../../src/workers/executor-pool-factory.js';
import { waitForReady } from '../engine/wait-for.js';
import { openBrowser, skipWithoutChromium, type Browser } from './browser.js';
import { bundleDashboardActor, type FixtureActor } from './fixture-actor.js';

const TOKEN = 'dashboard-token-0123456789';

interface Shift {
  value: number;
  sources: string[];
}

/**
 * Starts recording the page's layout shifts (not those right after input), with the elements that moved. Written
 * as page source: it runs in the browser, whose DOM types this package does not compile against.
 */
async function startShiftWatch(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__shifts.push({
          value: e.value,
          sources: (e.sources || []).map((s) => {
            const el = s.node instanceof Element ? s.node : s.node && s.node.parentElement;
            const holder = el && el.closest('[class]');
            return el ? el.tagName.toLowerCase() + '.' + el.className + ' in ' + (holder ? holder.className : '') : '?';
          }),
        });
      }
    }).observe({ type: 'layout-shift' });
  })()`);
}

function shifts(page: Page): Promise<Shift[]> {
  return page.evaluate<Shift[]>('window.__shifts');
}

/** Whether the page is still the one loaded at the start (a reload would drop the mark). */
function markPage(page: Page): Promise<unknown> {
  return page.evaluate('window.__noReload = true');
}
function stillMarked(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('window.__noReload === true');
}

describe.skipIf(skipWithoutChromium)('the dashboard in Chromium', () => {
  let executor: Executor;
  let emu: RunningEmulator;
  let fixture: FixtureActor;
  let browser: Browser;
  let actorId: string;

  beforeAll(async () => {
    fixture = await bundleDashboardActor();
    ({ executor } = await createExecutor('process'));
    emu = await startEmulator({
      inMemory: true,
      user: 'dev',
      token: TOKEN,
      executor,
      workerPool: executorWorkerPool({ cronIntervalMs: 0, messageFormat: 'json' }),
    });
    const actor = await emu.client.add({
      image: 'actorkit-test/greeter:latest',
      name: 'greeter',
      stateless: false,
      token: true, // it stores its state through the API
      defaultEnvironment: fixture.environment,
    });
    actorId = actor.id;
    await waitForReady(emu.client, actorId);
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.[Symbol.asyncDispose]();
    await emu?.dispose();
    await executor?.[Symbol.asyncDispose]();
    await fixture?.[Symbol.asyncDispose]();
  });

  it('opens the printed URL, keeps the token for the tab and takes it out of the address bar', async () => {
    const { page } = browser;
    await page.goto(`${emu.url}/#token=${TOKEN}`);
    await page.locator('table[data-testid="actors"] tr[data-actor]').first().waitFor();
    expect(page.url()).not.toContain(TOKEN);
    expect(page.url()).toBe(`${emu.url}/#/`);
    expect(await page.evaluate("sessionStorage.getItem('actorkit.dashboard.token')")).toBe(TOKEN);
  });

  it('shows the registered actor with its status, image, workers and queue', async () => {
    const { page } = browser;
    const row = page.locator(`tr[data-actor="${actorId}"]`);
    await expect.poll(() => row.textContent()).toContain('greeter');
    expect(await row.textContent()).toContain('READY');
    expect(await row.textContent()).toContain('actorkit-test/greeter:latest');
    await browser.screenshot('actors');
  });

  it('is usable from the keyboard: the actor opens with Enter', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'greeter' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/actors\/[^/]+\/executions$/);
    await page.locator('nav.tabs a[data-tab="send"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#json-body').waitFor();
  });

  it('validates JSON before sending it', async () => {
    const { page } = browser;
    await page.locator('#json-body').fill('{"greet": "ada",');
    await expect.poll(() => page.locator('#json-error').textContent()).not.toBe('Valid JSON.');
    expect(await page.locator('#send-button').isDisabled()).toBe(true);
    await page.locator('#json-body').fill('{"greet": "ada", "steps": 4, "pauseMs": 400}');
    await expect.poll(() => page.locator('#json-error').textContent()).toBe('Valid JSON.');
    expect(await page.locator('#send-button').isDisabled()).toBe(false);
    await browser.screenshot('send');
  });

  it('sends the JSON message and follows its execution SUBMITTED → RUNNING → COMPLETE, logs and state diff, without a reload', async () => {
    const { page } = browser;
    await markPage(page);
    // A message ahead of it keeps it queued for a while (the actor is stateful: one execution at a time).
    await emu.client.sendMessage(actorId, { holdMs: 2500 });
    await page.locator('#send-button').click();
    await page.waitForURL(/#\/actors\/[^/]+\/executions\/[A-Za-z0-9]+$/);
    const executionId = decodeURIComponent(page.url().split('/').pop()!);
    const status = page.locator('[data-testid="execution-status"]');

    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('SUBMITTED');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('RUNNING');
    await startShiftWatch(page);
    const logs = page.locator('[data-testid="logs"]');
    await expect.poll(() => logs.textContent(), { timeout: 10_000 }).toContain('step 1 of 4: hello ada');
    // the log grows while it runs, and the page shows it as it grows
    await expect.poll(() => logs.textContent(), { timeout: 10_000 }).toContain('step 2 of 4');
    expect(await status.textContent()).toBe('RUNNING');
    await browser.screenshot('execution-running');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('COMPLETE');
    const moved = await shifts(page);
    expect(moved.filter((s) => s.sources.some((src) => /execution|logs|after|facts/.test(src)))).toEqual([]);

    expect(await logs.textContent()).toContain('step 4 of 4: hello ada');
    const seen = await page
      .locator('[data-testid="seen-statuses"] li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-status')));
    expect(seen).toEqual(['SUBMITTED', 'RUNNING', 'COMPLETE']);
    const diff = page.locator('[data-testid="state-diff"]');
    // the state was {} before: both keys are new
    await expect.poll(() => diff.textContent(), { timeout: 10_000 }).toContain('+ count = 1');
    expect(await diff.textContent()).toContain('+ greeted = ["ada"]');
    const results = page.locator('[data-testid="results"]');
    await expect.poll(() => results.textContent(), { timeout: 10_000 }).toContain('"greeting": "hello ada"');
    expect(await results.textContent()).toContain('JSON');
    expect(await stillMarked(page)).toBe(true);
    await page.locator('.after').scrollIntoViewIfNeeded();
    await browser.screenshot('execution');

    // what the page showed is what the API says
    const execution = await emu.client.getExecution(actorId, executionId);
    expect(execution).toMatchObject({ status: 'COMPLETE', exitCode: 0 });
    expect((await emu.client.getState(actorId)).state).toMatchObject({ count: 1, greeted: ['ada'] });
  }, 90_000);

  it('creates a nonce, copies its message URL, and deletes it after asking', async () => {
    const { page, context } = browser;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: emu.url });
    await page.locator('nav.tabs a[data-tab="nonces"]').click();
    await page.locator('#create-nonce').click();
    const row = page.locator('table[data-testid="nonces"] tr[data-nonce]');
    await row.first().waitFor();
    const nonceId = (await row.first().getAttribute('data-nonce'))!;
    expect((await emu.client.listNonces(actorId)).map((n) => n.id)).toEqual([nonceId]);
    await browser.screenshot('nonces');

    await row.first().getByRole('button', { name: 'Copy message URL' }).click();
    await expect.poll(() => row.first().getByRole('button', { name: 'Copied' }).count()).toBe(1);
    const url = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(url).toBe(`${emu.url}/actors/v2/${actorId}/messages?x-nonce=${encodeURIComponent(nonceId)}`);
    // the copied URL works without a token
    const sent = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ greet: 'nonce', steps: 0 }),
    });
    expect(sent.status).toBe(200);

    // Escape cancels: nothing is deleted
    await row.first().getByRole('button', { name: 'Delete' }).click();
    const dialog = page.locator('dialog.confirm');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(nonceId);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await emu.client.listNonces(actorId)).length).toBe(1);
    // confirmed: gone, from the page and from the API
    await row.first().getByRole('button', { name: 'Delete' }).click();
    await page.locator('#confirm-action').click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    expect(await emu.client.listNonces(actorId)).toEqual([]);
  }, 30_000);

  it('sends a synchronous message and shows its result at once', async () => {
    const { page } = browser;
    await page.locator('nav.tabs a[data-tab="send"]').click();
    await page.locator('#json-body').fill('{"greet": "sync", "steps": 0}');
    await page.getByLabel(/Synchronous/).check();
    await page.locator('#send-button').click();
    const answer = page.locator('.sync-answer');
    await expect.poll(() => answer.textContent(), { timeout: 20_000 }).toContain('"greeting": "hello sync"');
  }, 30_000);

  it('shows the state, permissions and workers, and manages aliases', async () => {
    const { page } = browser;
    await page.locator('nav.tabs a[data-tab="state"]').click();
    await expect.poll(() => page.locator('pre.json').textContent()).toContain('"count"');
    await page.locator('nav.tabs a[data-tab="permissions"]').click();
    await expect.poll(() => page.locator('table.grid').textContent()).toContain('UPDATE');
    await page.locator('nav.tabs a[data-tab="workers"]').click();
    await expect.poll(() => page.locator('table.grid tbody tr').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Aliases' }).click();
    const form = page.locator('form[aria-label="add an alias"]');
    await form.locator('input').fill('greeter-alias');
    await form.locator('select').selectOption(actorId);
    await page.getByRole('button', { name: 'Add alias' }).click();
    await expect.poll(() => page.locator('table.grid').textContent()).toContain('greeter-alias');
    expect((await emu.client.listAliases()).map((a) => a.alias)).toContain('greeter-alias');
    await page
      .getByRole('row', { name: /greeter-alias/ })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.locator('#confirm-action').click();
    await expect.poll(async () => (await emu.client.listAliases()).length).toBe(0);

    await page.getByRole('link', { name: 'Configs' }).click();
    await page.getByRole('heading', { name: 'Configs' }).waitFor();
    await page.goto(`${emu.url}/#/actors/${actorId}/executions`);
    await page.locator('table[data-testid="executions"]').waitFor();
  }, 30_000);

  it('reads well in a narrow window', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 420, height: 800 });
    await page.locator('nav.tabs a[data-tab="executions"]').click();
    await page.locator('table[data-testid="executions"]').waitFor();
    // nothing wider than the window: no sideways scrolling of the page
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await browser.screenshot('narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('asks for a token when the URL carries none, and refuses a wrong one', async () => {
    const other = await browser.context.newPage();
    try {
      await other.goto(`${emu.url}/`);
      await other.locator('#token').fill('not-the-token');
      await other.keyboard.press('Enter');
      await expect.poll(() => other.getByRole('alert').first().textContent()).toContain('does not know');
      await other.locator('#token').fill(TOKEN);
      await other.keyboard.press('Enter');
      await other.locator(`tr[data-actor="${actorId}"]`).waitFor();
    } finally {
      await other.close();
    }
  });

  it('reported no error and no Content-Security-Policy violation', async () => {
    expect(browser.problems).toEqual([]);
  });
});
