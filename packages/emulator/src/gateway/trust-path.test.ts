import { describe, expect, it } from 'vitest';
import { CONTAINER_BUNDLE_PATH, mountable, parseProbeOutput, runsNode } from './trust-path.js';

describe('the trust path: which images need their own CA file covered', () => {
  it('takes an image whose program is node (directly or through a shell) for a Node image', () => {
    expect(runsNode({ entrypoint: [], cmd: ['node', '/app/dist/actor.mjs'], env: [] })).toBe(true);
    expect(runsNode({ entrypoint: ['/usr/local/bin/node'], cmd: ['x.js'], env: ['NODE_VERSION=20'] })).toBe(
      true,
    );
    expect(runsNode({ entrypoint: ['/bin/sh', '-c', 'npm start'], cmd: [], env: [] })).toBe(true);
  });

  it('probes everything else, and any image whose environment names Python', () => {
    expect(runsNode({ entrypoint: [], cmd: ['python3', '/actor.py'], env: [] })).toBe(false);
    expect(runsNode({ entrypoint: [], cmd: ['/run.sh'], env: [] })).toBe(false);
    expect(runsNode({ entrypoint: [], cmd: ['node', 'x'], env: ['PYTHONPATH=/app'] })).toBe(false);
    expect(runsNode({ entrypoint: [], cmd: [], env: [] })).toBe(false);
  });

  it("reads the probe's line: certifi's and requests' files, Debian's own left out", () => {
    const pip = '/usr/local/lib/python3.11/site-packages/certifi/cacert.pem';
    expect(parseProbeOutput(`noise\nACTORKIT_PROBE {"certifi": "${pip}", "requests": "${pip}"}\n`)).toEqual({
      python: true,
      paths: [pip],
    });
    expect(parseProbeOutput(`ACTORKIT_PROBE {"certifi": "${CONTAINER_BUNDLE_PATH}"}`)).toEqual({
      python: true,
      paths: [],
    });
    expect(parseProbeOutput('ACTORKIT_PROBE {}')).toEqual({ python: true, paths: [] });
    expect(parseProbeOutput('exec: "python3": executable file not found')).toEqual({
      python: false,
      paths: [],
    });
  });

  it('covers files with a mount, but not files inside an archive', () => {
    expect(mountable('/usr/lib/python3/dist-packages/certifi/cacert.pem')).toBe(true);
    expect(mountable('/app/app.pex/.deps/certifi/cacert.pem')).toBe(false);
    expect(mountable('/opt/lib.zip/certifi/cacert.pem')).toBe(false);
    expect(mountable('certifi/cacert.pem')).toBe(false);
  });
});
