import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { replyError, replyNull } from './envelope.js';

/**
 * Who may reach the emulator from a browser, and by which names. It runs on a developer's machine with the Docker
 * engine behind it, so a web page the developer visits must not be able to drive it (CORS), nor reach it through a
 * name that resolves to 127.0.0.1 (DNS rebinding).
 */
export interface OriginPolicy {
  /** Origins a browser page may call from, besides the emulator's own (`--cors-origin`, repeatable). */
  allowedOrigins: readonly string[];
  /** Host names the emulator answers to, besides localhost, IP literals and the bound address (`--allowed-host`). `*` allows any. */
  allowedHosts: readonly string[];
  /** The address the server is bound to. */
  boundHost: string;
}

export const DEFAULT_ORIGIN_POLICY: OriginPolicy = {
  allowedOrigins: [],
  allowedHosts: [],
  boundHost: '127.0.0.1',
};

const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Content-Length',
  'X-Tapis-Token',
  'X-Jwt-Assertion-*',
  'X-Request-Id',
  'If-None-Match',
  'Prefer',
].join(', ');

/** `example.com:8000` → `example.com`; `[::1]:8000` → `::1`. Lower case. */
export function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

/** Whether a Host header names this emulator: localhost, an IP literal, the bound address, or an allowed name. */
export function hostAllowed(policy: OriginPolicy, hostHeader: string | undefined): boolean {
  if (hostHeader === undefined || hostHeader === '') return true; // HTTP/1.0 clients; no browser sends none
  if (policy.allowedHosts.includes('*')) return true;
  const name = hostnameOf(hostHeader);
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) !== 0) return true; // rebinding needs a name that resolves; an address literal is no name
  if (name === policy.boundHost.toLowerCase()) return true;
  return policy.allowedHosts.some((allowed) => allowed.toLowerCase() === name);
}

/** An origin is allowed when it is the emulator's own (same host as the request) or listed. */
export function originAllowed(policy: OriginPolicy, origin: string, hostHeader: string | undefined): boolean {
  if (policy.allowedOrigins.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch (cause) {
    void cause; // `null` (sandboxed frames, file://) and other non-URLs are foreign
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return hostHeader !== undefined && url.host.toLowerCase() === hostHeader.trim().toLowerCase();
}

/**
 * Refuses, before anything else runs, a request whose Host is not a name of this emulator (403) or that carries an
 * Origin that is not allowed (403, preflights included), saying which flag allows it. An allowed origin gets the
 * CORS headers for itself, never `*`; OPTIONS is answered here.
 */
export function originPolicy(policy: OriginPolicy): RequestHandler {
  return (req, res, next) => {
    const host = req.get('host');
    if (!hostAllowed(policy, host)) {
      replyError(
        res,
        403,
        `Host ${JSON.stringify(host)} is not a name of this emulator, so the request was refused (protection against DNS rebinding). If you reach the emulator by that name, start it with --allowed-host ${hostnameOf(host ?? '')}.`,
      );
      return;
    }
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin !== undefined) {
      if (!originAllowed(policy, origin, host)) {
        replyError(
          res,
          403,
          `Origin ${origin} may not call this emulator from a browser, so the request was refused. If that page is yours, start the emulator with --cors-origin ${origin}.`,
        );
        return;
      }
      const asked = (req.get('access-control-request-headers') ?? '').trim();
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': asked ? `${ALLOWED_HEADERS}, ${asked}` : ALLOWED_HEADERS,
        'Access-Control-Expose-Headers': 'X-Request-Id, X-Abaco-Execution-Id, ETag, Preference-Applied',
        'Access-Control-Max-Age': '600',
      });
    }
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    res.set('Allow', 'GET, POST, PUT, DELETE, OPTIONS');
    replyNull(res, 'OK');
  };
}
