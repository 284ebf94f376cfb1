import { expect } from 'vitest';
import type { RecordedRequest } from './fake-server.js';
import type { OperationCase } from './operations.js';

/** Asserts that `request` is exactly what `op` must send under the base path `prefix`. */
export function expectRequest(request: RecordedRequest, op: OperationCase, prefix: string): void {
  expect(request.method).toBe(op.method);
  expect(request.path).toBe(prefix + op.path);
  expect(request.query).toEqual(op.query ?? {});
  if (op.bytes) {
    expect(request.headers['content-type']).toBe('application/octet-stream');
    expect(new Uint8Array(request.body)).toEqual(op.bytes);
  } else if (op.json !== undefined) {
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body.toString('utf8'))).toEqual(op.json);
  } else {
    expect(request.body.length).toBe(0);
    expect(request.headers['content-type']).toBeUndefined();
  }
}
