import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { DASHBOARD_CSP, DEV_EVENTS_PATH } from '../../src/http/dashboard.js';
import { attachDevEvents, DevEventChannel } from '../../src/http/dev-events.js';
import { raw, startTestEmulator, USERS } from '../api/fixture.js';

/** A GET that keeps the response open, for the event stream: answers its status, headers and text so far. */
function openStream(url: string, headers: Record<string, string>) {
  let text = '';
  let resolveHead: (v: { status: number; headers: Record<string, unknown> }) => void;
  const head = new Promise<{ status: number; headers: Record<string, unknown> }>((r) => (resolveHead = r));
  let ended!: () => void;
  const end = new Promise<void>((r) => (ended = r));
  const req = request(url, { headers }, (res) => {
    resolveHead({ status: res.statusCode ?? 0, headers: res.headers });
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => ended());
  });
  req.end();
  return { head, end, text: () => text, close: () => req.destroy() };
}

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the dashboard route', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  it('serves the page at / with a strict Content-Security-Policy and no inline script', async () => {
    const res = await raw(emu, 'GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(DASHBOARD_CSP);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    // every script is a file of the page's own: none is inline
    const scripts = [...res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\/_actorkit\/ui\/[^"]+\.js"/);
      expect(body!.trim()).toBe('');
    }
    expect(res.text).not.toMatch(/\sstyle=|<style/);
  });

  it('serves the hashed assets for good, gzipped, and answers 304 to a browser that has the page', async () => {
    const page = await raw(emu, 'GET', '/');
    const script = /src="([^"]+\.js)"/.exec(page.text)![1]!;
    const asset = await raw(emu, 'GET', script, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    const again = await raw(emu, 'GET', '/', { headers: { 'if-none-match': page.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('keeps the page small: what a load fetches is under 150 kB gzipped', async () => {
    const page = await raw(emu, 'GET', '/');
    const files = [...page.text.matchAll(/(?:src|href)="(\/_actorkit\/ui\/[^"]+)"/g)].map((m) => m[1]!);
    let total = 0;
    for (const path of files) {
      const res = await fetch(emu.url + path, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).toBe(200);
      total += Number(res.headers.get('content-length'));
      expect(res.headers.get('content-encoding') ?? 'gzip').toBe('gzip');
    }
    total += Number(page.headers.get('content-length') ?? page.text.length);
    expect(total).toBeLessThan(150 * 1024);
  });

  it('leaves the API as it was: no credentials is still refused, an unknown asset is the API 404', async () => {
    const api = await raw(emu, 'GET', '/actors/v2');
    expect(api.status).toBeGreaterThanOrEqual(400);
    expect(api.json?.status).toBe('error');
    const missing = await raw(emu, 'GET', '/_actorkit/ui/nothing-here.js');
    expect(missing.status).toBe(404);
    const listed = await raw(emu, 'GET', '/actors/v2', { token: USERS.admin.token });
    expect(listed.status).toBe(200);
  });

  it('refuses the page through a name that is not the emulator’s (DNS rebinding)', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = request(`${emu.url}/`, { headers: { host: 'attacker.example:8000' } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(res).toBe(403);
  });

  it('answers 204 on the dev events path when no dev loop is attached', async () => {
    const res = await raw(emu, 'GET', DEV_EVENTS_PATH, { token: USERS.admin.token });
    expect(res.status).toBe(204);
  });
});

describe('the dev loop event stream', () => {
  let emu: RunningEmulator;
  const channel = new DevEventChannel();
  beforeAll(async () => {
    emu = await startTestEmulator();
    attachDevEvents(emu, channel);
  });
  afterAll(() => emu.dispose());

  it('needs a known bearer token', async () => {
    expect((await raw(emu, 'GET', DEV_EVENTS_PATH)).status).toBe(401);
    expect((await raw(emu, 'GET', DEV_EVENTS_PATH, { token: 'not-a-token-of-ours' })).status).toBe(401);
  });

  it('replays what was published, then streams each new event as it comes', async () => {
    channel.publish({ type: 'round.started', round: 1, reason: 'first round' });
    const stream = openStream(`${emu.url}${DEV_EVENTS_PATH}`, {
      authorization: `Bearer ${USERS.alice.token}`,
    });
    const head = await stream.head;
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/event-stream/);
    await until(() => stream.text().includes('"round.started"'), 'the replay');
    expect(stream.text()).toMatch(/^retry: \d+\nevent: hello\n/);
    channel.publish({ type: 'round.finished', round: 1, ok: true, ms: 12, failed: 0 });
    await until(() => stream.text().includes('"round.finished"'), 'the live event');
    expect(stream.text()).toContain('event: dev\nid: 2\ndata: {"type":"round.finished"');
    stream.close();
    await until(() => channel.listening === 0, 'the listener going away');
  });

  it('ends open streams at once when the emulator stops', async () => {
    const own = await startTestEmulator();
    const mine = new DevEventChannel();
    attachDevEvents(own, mine);
    const stream = openStream(`${own.url}${DEV_EVENTS_PATH}`, {
      authorization: `Bearer ${USERS.admin.token}`,
    });
    expect((await stream.head).status).toBe(200);
    const started = Date.now();
    await own.dispose();
    await stream.end;
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
