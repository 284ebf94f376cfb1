import type { ActorNonce, MessageContentType } from '@actorkit/api';

/** A message the actor sent to another actor. */
export interface SentMessage {
  /** The actor id or alias it was sent to. */
  to: string;
  contentType: MessageContentType;
  /** The text (str), the value (application/json) or the bytes (application/octet-stream). */
  message: unknown;
  environment: Record<string, string>;
  /** The execution id the (pretend) service answered with. */
  executionId: string;
}

/** What one invocation did, whichever tier ran it: in process now, in a real container later. */
export interface InvocationResult {
  /** 0 done; 1 the handler or a platform call failed; 2 bad input (see @actorkit/runtime). */
  exitCode: number;
  /** The error that ended the run, when it failed in process (a container tier has only the logs). */
  error?: Error;
  executionId: string;
  /** The state after the run: the last one the actor stored, else the one it started with. */
  state: unknown;
  /** Every state the actor stored, in order. */
  stateUpdates: unknown[];
  /** The results, one per datagram, as bytes. */
  results: Uint8Array[];
  /** The results decoded as UTF-8. */
  resultsText: string[];
  /** The results decoded as JSON; throws naming the first result that is not JSON. */
  resultsJson(): unknown[];
  /** stdout and stderr, interleaved as written: the execution's logs. */
  logs: string;
  stdout: string;
  stderr: string;
  messagesSent: SentMessage[];
  noncesCreated: ActorNonce[];
  noncesDeleted: string[];
  durationMs: number;
}

export type InvocationData = Omit<InvocationResult, 'resultsText' | 'resultsJson'>;

const decoder = new TextDecoder();

/** Completes the data of a run into an `InvocationResult` (the decoding helpers), for every tier alike. */
export function createInvocationResult(data: InvocationData): InvocationResult {
  const resultsText = data.results.map((bytes) => decoder.decode(bytes));
  return {
    ...data,
    resultsText,
    resultsJson: () =>
      resultsText.map((text, index) => {
        try {
          return JSON.parse(text) as unknown;
        } catch (cause) {
          throw new Error(
            `result ${index} is not JSON (${(cause as Error).message}): ${JSON.stringify(text.slice(0, 60))}`,
            {
              cause,
            },
          );
        }
      }),
  };
}
