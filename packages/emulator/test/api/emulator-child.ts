/**
 * Runs an emulator on the data directory given as the first argument and prints one JSON line with its URL and
 * token. Used by the restart tests, which kill it with SIGKILL. Run with
 * `node --conditions=@actorkit/source --import tsx test/api/emulator-child.ts <dir>`.
 */
import { startEmulator } from '../../src/index.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: emulator-child.ts <data-dir>');
const emu = await startEmulator({
  dataDir,
  port: 0,
  user: 'owner',
  users: [{ name: 'alice', token: 'alice-token-0123456789' }],
});
process.stdout.write(`${JSON.stringify({ url: emu.url, token: emu.token, pid: process.pid })}\n`);
const stop = () => void emu.dispose().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
