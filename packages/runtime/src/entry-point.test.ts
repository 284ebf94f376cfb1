import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { callerFile, isProcessEntry } from './entry-point.js';

const dir = mkdtempSync(join(tmpdir(), 'actorkit-entry-'));
const file = join(dir, 'actor.mjs');
writeFileSync(file, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isProcessEntry', () => {
  it('is true for the script node was started with, as a path or a file URL', () => {
    expect(isProcessEntry(pathToFileURL(file).href, file)).toBe(true);
    expect(isProcessEntry(file, file)).toBe(true);
  });

  it('sees through symbolic links and an entry given without its extension', () => {
    const link = join(dir, 'link.mjs');
    symlinkSync(file, link);
    expect(isProcessEntry(pathToFileURL(file).href, link)).toBe(true);
    expect(isProcessEntry(pathToFileURL(file).href, join(dir, 'actor'))).toBe(true);
  });

  it('is false for any other module, and when either side is unknown', () => {
    expect(isProcessEntry(pathToFileURL(join(dir, 'other.mjs')).href, file)).toBe(false);
    expect(isProcessEntry(undefined, file)).toBe(false);
    expect(isProcessEntry(file, undefined)).toBe(false);
  });
});

describe('callerFile', () => {
  it('names the module that called the given function', () => {
    function probe(): string | undefined {
      return callerFile(probe);
    }
    expect(probe()).toMatch(/entry-point\.test\.ts$/);
  });
});
