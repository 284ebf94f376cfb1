import { writeFileSync } from 'node:fs';
import type { Actor, ActorsClient, SyncResult } from '@actorkit/api';
import { CommandError } from '../command-error.js';
import { drainResults, executionExitCode, executionLine, followExecution } from '../execution-watch.js';
import { bytesAsText, printJson, printText } from '../format.js';
import type { Output } from '../output.js';

/** Bytes for JSON output: text when they are text, else base64. */
export function bytesForJson(bytes: Uint8Array): { text: string } | { base64: string } {
  const text = bytesAsText(bytes);
  return text !== null ? { text } : { base64: Buffer.from(bytes).toString('base64') };
}

/** Prints bytes as text, or says how many binary bytes there are and how to get them. */
function printBytes(out: Output, bytes: Uint8Array, how: string): void {
  const text = bytesAsText(bytes);
  if (text !== null) printText(out, text);
  else out.hint(`  (${bytes.length} bytes of binary data; ${how})`);
}

export function printSyncAnswer(
  out: Output,
  o: { answer: SyncResult; ref: string; json: boolean; file: string | undefined },
): number {
  const { answer } = o;
  const kind = answer.contentType.startsWith('application/octet-stream') ? 'result' : 'logs';
  if (o.file !== undefined) {
    try {
      writeFileSync(o.file, answer.body);
    } catch (cause) {
      throw new CommandError(`the answer could not be written to ${o.file}: ${(cause as Error).message}`, {
        cause,
      });
    }
  }
  if (o.json) {
    printJson(out, {
      executionId: answer.executionId,
      contentType: answer.contentType,
      kind,
      ...bytesForJson(answer.body),
    });
    return 0;
  }
  const what =
    kind === 'result' ? `its first result (${answer.body.length} bytes)` : 'its logs (it sent no result)';
  out.ok(`execution ${answer.executionId ?? '(id not given)'} answered with ${what}`);
  if (o.file !== undefined) out.hint(`  written to ${o.file}`);
  else printBytes(out, answer.body, 'write them to a file with --out <file>');
  if (answer.executionId)
    out.hint(`  status and exit code: ${out.code(`actorkit logs ${o.ref} ${answer.executionId}`)}`);
  return 0;
}

export async function printWaited(
  out: Output,
  o: {
    client: ActorsClient;
    actor: Actor;
    executionId: string;
    ref: string;
    json: boolean;
    timeoutMs: number;
  },
): Promise<number> {
  const { client, actor, executionId } = o;
  if (!o.json)
    out.hint(
      `sent to ${actor.name ?? actor.id} (${actor.id}): execution ${executionId}; waiting for it to end`,
    );
  const execution = await followExecution(client, actor.id, executionId, { timeoutMs: o.timeoutMs });
  const { logs } = await client.getExecutionLogs(actor.id, executionId);
  const results = await drainResults(client, actor.id, executionId);
  const code = executionExitCode(execution);
  if (o.json) {
    printJson(out, { execution, logs, results: results.map(bytesForJson) });
    return code;
  }
  if (code === 0) out.ok(`execution ${executionId}: ${executionLine(execution)}`);
  else out.warn(`execution ${executionId}: ${executionLine(execution)}`);
  out.heading('logs');
  if (logs) printText(out, logs);
  else out.hint('  (none)');
  out.heading(`results (${results.length})`);
  results.forEach((r) => printBytes(out, r, '-o json gives them as base64'));
  return code;
}
