import { MAX_RESULT_BYTES } from '@actorkit/api/container';
import { ResultError } from './errors.js';

/** A JSON value, as `JSON.stringify` writes it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * What `sendResult` takes: bytes as they are, a string as UTF-8, any other JSON value as its JSON text (the Python
 * helper `send_python_result` pickles instead; JavaScript cannot, so read JSON results with `json.loads`).
 */
export type ResultValue = Uint8Array | ArrayBuffer | JsonValue;

/** Encodes one result and checks it fits one datagram (131,072 bytes), before anything is sent. */
export function encodeResult(value: ResultValue): Uint8Array {
  let bytes: Uint8Array;
  if (value instanceof Uint8Array) bytes = value;
  else if (value instanceof ArrayBuffer) bytes = new Uint8Array(value);
  else if (typeof value === 'string') bytes = Buffer.from(value, 'utf8');
  else {
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch (cause) {
      throw new ResultError(`the result cannot be written as JSON: ${(cause as Error).message}`, { cause });
    }
    if (text === undefined)
      throw new ResultError(`a result must be bytes, a string or a JSON value, not ${typeof value}`);
    bytes = Buffer.from(text, 'utf8');
  }
  if (bytes.byteLength > MAX_RESULT_BYTES) {
    throw new ResultError(
      `the result is ${bytes.byteLength} bytes; one result is at most ${MAX_RESULT_BYTES} bytes (one datagram). ` +
        'Split it into several results, or store it elsewhere and send a reference',
    );
  }
  return bytes;
}
