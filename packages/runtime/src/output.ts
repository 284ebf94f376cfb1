import type { LogSink } from './platform.js';

/**
 * The one place the runtime writes to the process's stdout and stderr: inside a container these are the
 * execution's logs, by the service's contract. (Pipes and files are written synchronously on Linux, so nothing is
 * lost when the process exits right after.)
 */
export const processOutput: LogSink = {
  write(stream, text) {
    (stream === 'stdout' ? process.stdout : process.stderr).write(text);
  },
};
