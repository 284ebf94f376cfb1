import { readFile } from 'node:fs/promises';

export interface Mark {
  executionId: string;
  message: string;
}

/** The lines the fault actor appended to its mark file (one per run that started), in the order they were written. */
export async function readMarks(file: string): Promise<Mark[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(' ');
      return { executionId: line.slice(0, space), message: line.slice(space + 1) };
    });
}

/** How many times each execution id started. */
export function runsPerExecution(marks: Mark[]): Map<string, number> {
  const runs = new Map<string, number>();
  for (const m of marks) runs.set(m.executionId, (runs.get(m.executionId) ?? 0) + 1);
  return runs;
}
