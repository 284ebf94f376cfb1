import { readFileSync } from 'node:fs';
import type { MessageBody } from '@actorkit/api';
import { resolveActor } from '../actor-ref.js';
import { clientCommand } from '../client-command.js';
import { CONNECTION_HELP } from '../connection.js';
import { envArguments, jsonArgument } from '../json-input.js';
import { UsageError } from '../usage-error.js';
import { printSyncAnswer, printWaited } from './send-output.js';

export const SEND_HELP = `Usage: actorkit send <actor> [message] [options]

Sends a message to an actor and prints the execution it started. <actor> is an actor id, an alias, an actor
folder (the actor \`actorkit dev\` or \`actorkit deploy\` registered from it) or an actor's name.

Message (one of):
  [message]               a text message (the service's "str" content type; MSG holds it)
  --json <json|@file>     a JSON message (application/json), inline or from a file
  --binary <file>         a file's bytes as a binary message (application/octet-stream)

Options (-o json for machine output; here --json is the message):
  --env <NAME=value>      a variable for this execution only (repeatable; overrides defaultEnvironment)
  --wait                  wait until the execution ends, then print its status, exit code, logs and results;
                          exit 1 unless it completed with exit code 0
  --sync                  a synchronous message (_abaco_synchronous=true): the service answers with the first
                          result, or the logs when there is none (needs an emulator that runs executions)
  --out <file>            with --sync: write the answer's bytes to a file instead of printing them
  --timeout <seconds>     how long --wait and --sync wait (default 300)
  -h, --help              show this help

${CONNECTION_HELP}

Examples:
  actorkit send hello Ada
  actorkit send hello Ada --env GREETING=Bonjour --wait
  actorkit send counter --json '{"op": "add", "by": 2}' --wait
  actorkit send counter --json @fixtures/add-two.json
  actorkit send checksum --binary ./photo.jpg --sync
  actorkit send ./examples/hello Grace --api http://127.0.0.1:8000 --token $TOKEN -o json`;

const OPTIONS = {
  json: { type: 'string' },
  binary: { type: 'string' },
  env: { type: 'string', multiple: true },
  wait: { type: 'boolean' },
  sync: { type: 'boolean' },
  out: { type: 'string' },
  timeout: { type: 'string' },
} as const;

function seconds(value: string | undefined): number {
  if (value === undefined) return 300;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--timeout must be a positive number of seconds, got "${value}"`, 'send');
  return n;
}

type Body = { kind: 'message'; body: MessageBody } | { kind: 'binary'; bytes: Uint8Array };

function messageFrom(text: string | undefined, json: string | undefined, binary: string | undefined): Body {
  const given = [
    text !== undefined && 'a text message',
    json !== undefined && '--json',
    binary !== undefined && '--binary',
  ].filter(Boolean);
  if (given.length === 0) {
    throw new UsageError(
      'give a message: text (actorkit send <actor> "hello"), --json \'{"k": 1}\' or --binary <file>',
      'send',
    );
  }
  if (given.length > 1) throw new UsageError(`give one message, not ${given.join(' and ')}`, 'send');
  if (binary !== undefined) {
    try {
      return { kind: 'binary', bytes: new Uint8Array(readFileSync(binary)) };
    } catch (cause) {
      throw new UsageError(
        `--binary ${binary} could not be read (${(cause as NodeJS.ErrnoException).code ?? cause}); give a readable file`,
        'send',
      );
    }
  }
  if (json !== undefined) {
    const value = jsonArgument('--json', json, 'send');
    if (typeof value === 'string') {
      throw new UsageError(
        '--json got a JSON string; send text as the message itself: actorkit send <actor> "text"',
        'send',
      );
    }
    return { kind: 'message', body: value as MessageBody };
  }
  return { kind: 'message', body: text! };
}

export const send = clientCommand({
  name: 'send',
  help: SEND_HELP,
  options: OPTIONS,
  positionals: { min: 1, max: 2, names: '<actor> and an optional text message' },
  timeoutMs: (values) => (values.sync ? seconds(values.timeout) * 1000 + 5000 : undefined),
  async run({ conn, values, positionals, out }) {
    const [ref, text] = positionals as [string, string | undefined];
    if (values.sync && values.wait)
      throw new UsageError('--sync already waits; give --sync or --wait, not both', 'send');
    if (values.out !== undefined && !values.sync) throw new UsageError('--out goes with --sync', 'send');
    const timeoutS = seconds(values.timeout);
    const env = envArguments(values.env, 'send');
    const message = messageFrom(text, values.json, values.binary);
    const { json } = conn;
    const { client } = conn;
    const actor = await resolveActor(client, ref);
    if (values.sync) {
      const answer = await client.sendSynchronousMessage(
        actor.id,
        message.kind === 'binary' ? message.bytes : message.body,
        env,
      );
      return printSyncAnswer(out, { answer, ref, json, file: values.out });
    }
    const sent =
      message.kind === 'binary'
        ? await client.sendBinaryMessage(actor.id, message.bytes, env)
        : await client.sendMessage(actor.id, message.body, env);
    if (!values.wait) {
      if (json) {
        out.line(JSON.stringify(sent, null, 2));
        return 0;
      }
      out.ok(`sent to ${actor.name ?? actor.id} (${actor.id}): execution ${sent.executionId}`);
      out.hint(`  its log:        ${out.code(`actorkit logs ${ref} ${sent.executionId} --follow`)}`);
      out.hint(`  its executions: ${out.code(`actorkit executions ${ref}`)}`);
      return 0;
    }
    return printWaited(out, {
      client,
      actor,
      executionId: sent.executionId,
      ref,
      json,
      timeoutMs: timeoutS * 1000,
    });
  },
});
