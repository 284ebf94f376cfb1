import { describe, expect, it } from 'vitest';
import { LogDemuxer, type LogStreamName } from './log-demux.js';

function frame(stream: number, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

function collect(): { chunks: [LogStreamName, string][]; demuxer: LogDemuxer } {
  const chunks: [LogStreamName, string][] = [];
  return { chunks, demuxer: new LogDemuxer((s, b) => chunks.push([s, Buffer.from(b).toString()])) };
}

describe('LogDemuxer', () => {
  it('splits frames into stdout and stderr, several frames in one chunk', () => {
    const { chunks, demuxer } = collect();
    demuxer.push(Buffer.concat([frame(1, 'out1'), frame(2, 'err1'), frame(1, 'out2')]));
    expect(chunks).toEqual([
      ['stdout', 'out1'],
      ['stderr', 'err1'],
      ['stdout', 'out2'],
    ]);
  });

  it('passes payload on as it arrives, with headers split across chunks', () => {
    const { chunks, demuxer } = collect();
    const bytes = Buffer.concat([frame(2, 'hello world'), frame(1, 'x')]);
    const cuts = [3, 10, 14, 22, bytes.length];
    let from = 0;
    for (const to of cuts) {
      demuxer.push(bytes.subarray(from, to));
      from = to;
    }
    expect(chunks.map(([s]) => s)).toEqual(['stderr', 'stderr', 'stderr', 'stdout']);
    expect(chunks.map(([, t]) => t).join('')).toBe('hello worldx');
    expect(chunks[0]).toEqual(['stderr', 'he']); // not held back until the frame is whole
  });

  it('passes a stream that is not multiplexed through as stdout', () => {
    const { chunks, demuxer } = collect();
    demuxer.push(Buffer.from('plain tty output'));
    demuxer.push(Buffer.from(' more'));
    expect(chunks.map(([, t]) => t).join('')).toBe('plain tty output more');
    expect(new Set(chunks.map(([s]) => s))).toEqual(new Set(['stdout']));
  });
});
