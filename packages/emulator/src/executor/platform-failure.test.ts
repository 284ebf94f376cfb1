import { mkdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describePlatformFailure } from './platform-failure.js';

describe('describePlatformFailure on a full disk', () => {
  it('says the disk is full and what to do when the run directory could not be written (ENOSPC)', async () => {
    const error = await writeFile('/dev/full', 'x').catch((e: unknown) => e);
    const text = describePlatformFailure(error, 'preparing the execution of img');
    expect(text).toMatch(/^preparing the execution of img failed because the disk is full \(ENOSPC/);
    expect(text).toMatch(/free space on that disk, then send the message again$/);
  });

  it("says so too when the engine's own disk is full (its words)", () => {
    const text = describePlatformFailure(
      new Error('(HTTP code 500) server error - mkdir /var/lib/docker/overlay2/x: no space left on device'),
      'creating a container of img',
    );
    expect(text).toMatch(/failed because the disk is full/);
  });

  it('leaves other failures as they were', async () => {
    const error = await mkdir('/proc/nope').catch((e: unknown) => e);
    expect(describePlatformFailure(error, 'preparing')).toMatch(/^preparing failed: /);
  });
});
