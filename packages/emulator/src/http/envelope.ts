import type { Response } from 'express';
import { toKeyCase, type Envelope, type KeyCase } from '@actorkit/api';

/** Written in every envelope's `version`. */
export const EMULATOR_VERSION = 'actorkit-emulator-0.1.0';

export interface ReplyOptions {
  keyCase: KeyCase;
}

/** Answers 200 with the success envelope, the result's keys in the server's case (user data left alone). */
export function reply(res: Response, options: ReplyOptions, result: unknown, message: string): void {
  const body: Envelope = {
    result: toKeyCase(result, options.keyCase),
    status: 'success',
    message,
    version: EMULATOR_VERSION,
  };
  res.status(200).json(body);
}

/** Answers an error envelope: `result` null and a message that says what was wrong and how to fix it. */
export function replyError(res: Response, status: number, message: string): void {
  const body: Envelope = { result: null, status: 'error', message, version: EMULATOR_VERSION };
  res.status(status).json(body);
}
