/** A small seeded PRNG (mulberry32): the same seed gives the same sequence, so a fuzz run can be replayed. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `n` random bytes. */
  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = Math.floor(this.next() * 256);
    return b;
  }

  /** A random string of printable ASCII, some letters outside it (as UTF-8 in bodies). */
  text(max: number): string {
    const alphabet = 'abcXYZ019 _-.:/\\"\'{}[]<>%&?=#@!~`|$^*()+,;ünïΩ≈😀\u0000\u202e\n\t';
    const chars = Array.from(alphabet);
    return Array.from({ length: this.int(0, max) }, () => this.pick(chars)).join('');
  }
}
