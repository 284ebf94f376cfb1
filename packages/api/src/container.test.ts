import { describe, expect, it } from 'vitest';
import {
  ABACO_ENV,
  BINARY_DATA_PATH,
  MAX_RESULT_BYTES,
  RESERVED_ENV_NAMES,
  RESULTS_SOCKET_PATH,
} from './container.js';

describe('container contract', () => {
  it('reserves both spellings of the content type, the configs and every platform variable', () => {
    expect(RESERVED_ENV_NAMES.has('_abaco_Content_Type')).toBe(true);
    expect(RESERVED_ENV_NAMES.has('_abaco_Content-Type')).toBe(true);
    expect(RESERVED_ENV_NAMES.has('_actor_configs')).toBe(true);
    expect(RESERVED_ENV_NAMES.size).toBe(Object.keys(ABACO_ENV).length);
    expect(RESERVED_ENV_NAMES.has('MY_VAR')).toBe(false);
  });

  it('places binary input and results where the service does', () => {
    expect([BINARY_DATA_PATH, RESULTS_SOCKET_PATH, MAX_RESULT_BYTES]).toEqual([
      '/_abaco_binary_data',
      '/_abaco_results.sock',
      131_072,
    ]);
  });
});
