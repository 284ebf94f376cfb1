import { parseArgs } from 'node:util';
import { COMMANDS } from './commands/index.js';
import { createOutput, type Output } from './output.js';
import { packageVersion } from './package-version.js';
import { UsageError } from './usage-error.js';

const HELP = `Usage: actorkit <command> [options]

Write, run and test actors for Abaco and Tapis Actors, locally.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "actorkit <command> --help" for a command's options.`;

/** Runs the CLI; answers the exit code (0 success, 1 failure, 2 usage error). */
export async function main(argv: string[], out: Output = createOutput()): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    strict: false,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
  });
  const name = positionals[0];
  if (!name || argv[0]?.startsWith('-')) {
    if (values.version) {
      out.line(`actorkit ${await packageVersion()}`);
      return 0;
    }
    out.line(HELP);
    return values.help ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    out.error(
      `unknown command "${name}"; the commands are: ${Object.keys(COMMANDS).join(', ')}. Run "actorkit --help".`,
    );
    return 2;
  }
  try {
    // only the command that runs is loaded: its own module, and what it imports
    const run = await entry.load();
    return await run(argv.slice(argv.indexOf(name) + 1), out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`${error.message}. Run "actorkit ${name} --help" for the options.`);
      return 2;
    }
    out.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) process.exitCode = await main(process.argv.slice(2));
