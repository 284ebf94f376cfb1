// The fault suite's actor, driven by its environment (runs in the actorkit-bench/faults image):
//   MARK_FILE=path     first, append one line `<execution id> <MSG>` (a bind-mounted file: proves each run, and order)
//   LINGER_MS=n        wait n ms
//   LOG_BYTES=n        write n bytes to stdout, honouring back-pressure (a log flood)
//   RESULTS=n          send n small results ("result <i>")
//   OVERSIZE=n         send one n-byte result (over the 131,072-byte cap), then one small result ("after oversize")
//   MEM_MB=n           allocate and touch n MiB, 16 MiB at a time (a memory hog)
//   COUNT_STATE=1      MSG is "<client>:<seq>": check seq follows the state's last seq for that client, and store the
//                      new state through the API with the execution's token
//   FOREVER=1          then never exit
//   EXIT=n             exit code (default 0)
import { appendFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';

const env = process.env;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function sendResults(payloads) {
  const { DgramSocket } = createRequire(import.meta.url)('node-unix-socket');
  const socket = new DgramSocket();
  let failed = 0;
  for (const bytes of payloads) {
    const error = await new Promise((resolve) =>
      socket.sendTo(bytes, 0, bytes.length, '/_abaco_results.sock', resolve),
    );
    if (error) {
      failed += 1;
      process.stderr.write(`a ${bytes.length}-byte result could not be sent: ${error.message}\n`);
    }
  }
  socket.close();
  return failed;
}

function readState(text) {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    // not JSON: the Python literal the service writes by default ({'total': 3, 'last': {'c0': 2}})
    return JSON.parse(
      text
        .replaceAll("'", '"')
        .replaceAll('True', 'true')
        .replaceAll('False', 'false')
        .replaceAll('None', 'null'),
    );
  }
}

async function countState() {
  const [client, seqText] = (env.MSG ?? '').split(':');
  const seq = Number(seqText);
  const state = readState(env._abaco_actor_state);
  const last = state.last ?? {};
  const expected = (last[client] ?? -1) + 1;
  const next = {
    total: (state.total ?? 0) + 1,
    disorder: (state.disorder ?? 0) + (seq === expected ? 0 : 1),
    last: { ...last, [client]: seq },
  };
  // node:http(s) rather than fetch: it loads faster, and every execution pays for the load. The API server is
  // https://localhost behind the emulator's gateway, or the emulator's own http URL without it.
  const body = JSON.stringify(next);
  const request = env._abaco_api_server.startsWith('https:') ? httpsRequest : httpRequest;
  const status = await new Promise((resolve, reject) => {
    const req = request(`${env._abaco_api_server}/actors/v2/${env._abaco_actor_id}/state`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${env._abaco_access_token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
  if (status !== 200) throw new Error(`updating the state failed: HTTP ${status}`);
  process.stdout.write(`${client}:${seq} total ${next.total}\n`);
}

if (env.MARK_FILE) appendFileSync(env.MARK_FILE, `${env._abaco_execution_id} ${env.MSG ?? ''}\n`);
if (env.LINGER_MS) await sleep(Number(env.LINGER_MS));
if (env.LOG_BYTES) {
  const piece = Buffer.alloc(65536, 'x');
  for (let left = Number(env.LOG_BYTES); left > 0; left -= piece.length) {
    if (!process.stdout.write(left >= piece.length ? piece : piece.subarray(0, left))) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  }
}
let failed = 0;
if (env.RESULTS)
  failed += await sendResults(
    Array.from({ length: Number(env.RESULTS) }, (_, i) => Buffer.from(`result ${i}`)),
  );
if (env.OVERSIZE)
  failed += await sendResults([Buffer.alloc(Number(env.OVERSIZE), 7), Buffer.from('after oversize')]);
if (env.MEM_MB) {
  const held = [];
  for (let mb = 0; mb < Number(env.MEM_MB); mb += 16) {
    held.push(Buffer.alloc(16 * 2 ** 20, 1));
    process.stdout.write(`holding ${mb + 16} MiB\n`);
  }
  process.stdout.write(`held ${held.length * 16} MiB without being stopped\n`);
}
if (env.COUNT_STATE === '1') await countState();
if (env.FOREVER === '1') {
  process.stdout.write('running forever\n');
  setInterval(() => undefined, 1 << 30);
} else {
  process.exitCode = Number(env.EXIT ?? 0) || (failed ? 4 : 0);
}
