import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DgramSocket } from 'node-unix-socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionEnv } from '../test/memory-platform.js';

const actorFile = fileURLToPath(new URL('../test/fixtures/reverse-actor.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'actorkit-process-'));
const requests: { method?: string; url?: string; authorization?: string; body: string }[] = [];
const datagrams: Buffer[] = [];
let server: Server;
let receiver: DgramSocket;
let origin: string;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          status: 'success',
          message: '',
          version: 'test',
          result: { actorId: 'ACTOR00000001', state: JSON.parse(body) },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver = new DgramSocket();
  receiver.on('data', (data: Buffer) => datagrams.push(data));
  receiver.bind(join(dir, 'results.sock'));
});

afterAll(async () => {
  receiver.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function runActorProcess(
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=@actorkit/source', '--import', 'tsx', actorFile], {
    env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('an actor module run as a program', () => {
  it('runs itself: reads the FIFO, sends the result datagram, stores state over HTTP, exits 0', async () => {
    const fifo = join(dir, 'binary');
    execFileSync('mkfifo', [fifo]);
    const holder = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    writeSync(writer, Buffer.from('abcdef'));
    closeSync(writer);
    const binary = 'application/octet-stream';
    const datagram = new Promise((resolve) => receiver.once('data', resolve));
    const { code, stdout, stderr } = await runActorProcess(
      executionEnv({
        MSG: undefined,
        _abaco_Content_Type: binary,
        '_abaco_Content-Type': binary,
        _abaco_api_server: origin,
        ACTORKIT_BINARY_DATA_PATH: fifo,
        ACTORKIT_RESULTS_SOCKET_PATH: join(dir, 'results.sock'),
      }),
    );
    closeSync(holder);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^got 6 bytes\n\[actorkit\] execution EXEC000000001 of test-actor done in \d+ ms: message application\/octet-stream, 1 result, state stored\n$/,
    );
    await datagram;
    expect(datagrams.map((d) => d.toString())).toEqual(['fedcba']);
    expect(requests).toEqual([
      {
        method: 'POST',
        url: '/actors/v2/ACTOR00000001/state',
        authorization: 'Bearer token-abc',
        body: '{"length":6}',
      },
    ]);
  });

  it('exits 2 with the missing variable on stderr', async () => {
    const { code, stdout, stderr } = await runActorProcess(executionEnv({ _abaco_execution_id: undefined }));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /failed \(exit 2, \d+ ms\): ActorEnvironmentError: _abaco_execution_id: is not set/,
    );
  });
});
