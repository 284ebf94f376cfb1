import type { RequestHandler } from 'express';
import { replyNull } from './envelope.js';

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

/** Every response carries the CORS headers; OPTIONS is answered on every path, before authentication. */
export function cors(): RequestHandler {
  return (req, res, next) => {
    const jwtHeaders = (req.get('access-control-request-headers') ?? '').trim();
    res.set({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': jwtHeaders ? `${ALLOWED_HEADERS}, ${jwtHeaders}` : ALLOWED_HEADERS,
      'Access-Control-Expose-Headers': 'X-Request-Id, X-Abaco-Execution-Id, ETag, Preference-Applied',
      'Access-Control-Max-Age': '600',
    });
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    res.set('Allow', 'GET, POST, PUT, DELETE, OPTIONS');
    replyNull(res, 'OK');
  };
}
