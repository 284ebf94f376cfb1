import { expect } from 'vitest';
import type { z } from 'zod';

/** Asserts that `schema` rejects `input` with an issue at exactly `path`, and returns that issue's message. */
export function expectIssueAt(
  schema: z.ZodType,
  input: unknown,
  path: PropertyKey[],
  message?: RegExp,
): string {
  const result = schema.safeParse(input);
  expect(result.success, `expected ${JSON.stringify(input)} to be rejected`).toBe(false);
  const issues = result.error?.issues ?? [];
  const issue = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
  expect(issue, `no issue at ${JSON.stringify(path)}; issues: ${JSON.stringify(issues)}`).toBeDefined();
  if (message) expect(issue?.message).toMatch(message);
  return issue?.message ?? '';
}
