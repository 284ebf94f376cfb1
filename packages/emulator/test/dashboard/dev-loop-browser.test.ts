/**
 * The dashboard's dev loop view in Chromium: the events `actorkit dev` publishes (compile, build, fixtures,
 * verdict) reach the page through one server-sent events stream and show as they come, without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { attachDevEvents, DevEventChannel } from '../../src/http/dev-events.js';
import { startTestEmulator, USERS } from '../api/fixture.js';
import { openBrowser, skipWithoutChromium, type Browser } from './browser.js';

describe.skipIf(skipWithoutChromium)('the dev loop in the dashboard', () => {
  let emu: RunningEmulator;
  let browser: Browser;
  const channel = new DevEventChannel();
  let actorId: string;

  beforeAll(async () => {
    emu = await startTestEmulator();
    attachDevEvents(emu, channel);
    actorId = (await emu.client.add({ image: 'actorkit-dev/counter:dev', name: 'counter', stateless: false }))
      .id;
    // what the dev loop said before the page opened is replayed to it
    channel.publish({
      type: 'emulator.ready',
      url: emu.url,
      executor: 'docker',
      note: 'the Docker engine answers',
    });
    channel.publish({ type: 'watching', dir: '/home/dev/counter' });
    browser = await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.[Symbol.asyncDispose]();
    await emu?.dispose();
  });

  it('shows each round as it happens: compile, build, the fixtures with logs, results and state, the verdict', async () => {
    const { page } = browser;
    await page.goto(`${emu.url}/#token=${USERS.admin.token}`);
    await page.getByRole('link', { name: 'Dev loop' }).click();
    await page.getByText('watching /home/dev/counter').waitFor();
    await page.evaluate('window.__noReload = true');

    channel.publish({ type: 'round.started', round: 1, reason: 'first round' });
    channel.publish({ type: 'compile.finished', round: 1, ms: 41, ok: true, diagnostics: [] });
    channel.publish({
      type: 'build.skipped',
      round: 1,
      image: 'actorkit-dev/counter:dev',
      reason: 'image up to date (only source changed)',
    });
    channel.publish({
      type: 'actor.updated',
      round: 1,
      actorId,
      image: 'actorkit-dev/counter:dev',
      revision: 2,
      ms: 9,
    });
    channel.publish({
      type: 'execution.started',
      round: 1,
      executionId: 'exec0000001aA',
      fixture: 'add-one.json',
    });
    const round = page.locator('article[data-round="1"]');
    await expect.poll(() => round.textContent()).toContain('add-one.json');
    expect(await round.locator('[data-testid="verdict"]').textContent()).toBe('running');

    channel.publish({
      type: 'execution.log',
      round: 1,
      executionId: 'exec0000001aA',
      text: 'adding 1 to 41\n',
    });
    await expect.poll(() => round.textContent()).toContain('adding 1 to 41');
    channel.publish({
      type: 'execution.result',
      round: 1,
      executionId: 'exec0000001aA',
      index: 0,
      bytes: 12,
      preview: '{"count":42}',
    });
    channel.publish({
      type: 'execution.completed',
      round: 1,
      executionId: 'exec0000001aA',
      fixture: 'add-one.json',
      status: 'COMPLETE',
      exitCode: 0,
      ms: 412,
      runtimeMs: 388,
    });
    channel.publish({
      type: 'state.changed',
      round: 1,
      executionId: 'exec0000001aA',
      diff: [{ path: 'count', op: 'changed', before: 41, after: 42 }],
    });
    channel.publish({ type: 'typecheck.finished', round: 1, ms: 820, diagnostics: [] });
    channel.publish({ type: 'round.finished', round: 1, ok: true, ms: 1350, failed: 0 });

    await expect.poll(() => round.locator('[data-testid="verdict"]').textContent()).toContain('ok in 1.35 s');
    const text = await round.textContent();
    expect(text).toContain('compiled in 41 ms');
    expect(text).toContain('image up to date');
    expect(text).toContain(`actor ${actorId} updated (revision 2)`);
    expect(text).toContain('{"count":42}');
    expect(text).toContain('~ count: 41 → 42');
    expect(text).toContain('type check clean');
    // the execution links to its page in the dashboard
    expect(await round.getByRole('link', { name: 'exec0000001aA' }).getAttribute('href')).toBe(
      `#/actors/${actorId}/executions/exec0000001aA`,
    );

    // a failing save: the newest round comes first
    channel.publish({ type: 'round.started', round: 2, reason: 'src/actor.ts changed' });
    channel.publish({
      type: 'compile.finished',
      round: 2,
      ms: 30,
      ok: false,
      diagnostics: [{ file: 'src/actor.ts', line: 7, column: 12, message: "Cannot find name 'stat'." }],
    });
    channel.publish({ type: 'round.finished', round: 2, ok: false, ms: 31, failed: 0 });
    const second = page.locator('article[data-round="2"]');
    await expect.poll(() => second.textContent()).toContain("src/actor.ts:7:12 Cannot find name 'stat'.");
    expect(await second.locator('[data-testid="verdict"]').textContent()).toContain('failed');
    expect(await page.locator('article[data-round]').first().getAttribute('data-round')).toBe('2');
    expect(await page.evaluate('window.__noReload === true')).toBe(true);
    await browser.screenshot('dev-loop');
    expect(browser.problems).toEqual([]);
  });
});
