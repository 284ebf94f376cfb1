/**
 * hello: a str message in, a greeting in the execution's log out.
 *
 *   curl -X POST "$API/actors/v2/$ACTOR/messages" -d 'message=Ada'
 *   -> log: "Hello, Ada!"
 */
import { z } from 'zod';
import { defineActor } from '@actorkit/runtime';

export default defineActor({
  message: z.string(),
  handler: ({ message, env, log }) => {
    const name = message.trim() || 'world';
    log(`${env.GREETING ?? 'Hello'}, ${name}!`);
  },
});
