#!/usr/bin/env node
// The `actorkit` command. It runs the TypeScript source directly: when this Node was not started with the
// workspace's source condition and tsx, it starts one that is, passing arguments, stdio, signals and the exit code.
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const CONDITION = '@actorkit/source';
const MARKER = 'ACTORKIT_CLI_CHILD';

const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
const hasCondition = flags.some(
  (f, i) =>
    f === `--conditions=${CONDITION}` ||
    (f === '--conditions' && flags[i + 1] === CONDITION) ||
    f === `-C${CONDITION}`,
);
const hasTsx = flags.some((f) => /(^|[/\\])tsx([/\\]|$)|^tsx$/.test(f) || f.startsWith('--import=tsx'));

if (process.env[MARKER] === '1' || (hasCondition && hasTsx)) {
  const { main } = await import(pathToFileURL(MAIN).href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  const tsx = import.meta.resolve('tsx');
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      `--conditions=${CONDITION}`,
      '--import',
      tsx,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, [MARKER]: '1' } },
  );
  const forward = (signal) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward(signal));
  child.on('error', (error) => {
    process.stderr.write(`actorkit: could not start Node (${error.message})\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
  });
}
