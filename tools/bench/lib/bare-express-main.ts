/**
 * The API benchmark's reference: a bare Express app in its own process answering the same two routes with the same
 * JSON bodies the emulator answered (given as one JSON argument), and nothing else — no auth, no store, no CORS. Like
 * the emulator it sends no ETag and no X-Powered-By, and it parses the POST's JSON body. Prints its URL; SIGTERM stops.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';

const { getBody, postBody } = JSON.parse(process.argv[2] ?? '{}') as { getBody: unknown; postBody: unknown };
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.get('/actors/v2/:id', (_req, res) => {
  res.json(getBody);
});
app.post('/actors/v2/:id/messages', express.json(), (_req, res) => {
  res.json(postBody);
});
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, pid: process.pid })}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('close', stop); // the parent died without stopping us
process.stdin.resume();
