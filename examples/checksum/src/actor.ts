/**
 * checksum: a binary message in, its sha256 (hex) out as one result through the results socket.
 *
 *   curl -X POST "$API/actors/v2/$ACTOR/messages" -H 'Content-Type: application/octet-stream' --data-binary @file
 *   curl "$API/actors/v2/$ACTOR/executions/$EXECUTION/results"   # -> 64 hex characters
 */
import { createHash } from 'node:crypto';
import { defineActor } from '@actorkit/runtime';

export default defineActor({
  handler: async ({ binary, log }) => {
    const bytes = await binary();
    const digest = createHash('sha256').update(bytes).digest('hex');
    log(`sha256 of ${bytes.length} bytes: ${digest}`);
    return { result: digest };
  },
});
