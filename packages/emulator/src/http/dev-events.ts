/**
 * Events a tool running beside the emulator publishes for the dashboard, e.g. `actorkit dev`'s rounds (compile,
 * build, fixtures, verdict). The emulator does not know their shapes: it keeps the recent ones for a page that
 * connects late and passes each on, as server-sent events. The coupling points one way: the harness imports this,
 * the emulator imports nothing of the harness.
 */

/** What the dashboard's event stream reads. */
export interface DevEventSource {
  /** The events kept so far, oldest first: replayed to a page that opens later. */
  history(): readonly object[];
  /** Calls `listener` with each event published from now on; answers the function that stops it. */
  subscribe(listener: (event: object) => void): () => void;
}

export interface DevEventChannelOptions {
  /** At most this many events are kept for replay. Default 2000. */
  keepEvents?: number;
  /** At most about this many bytes of events (as JSON) are kept for replay. Default 2 MB. */
  keepBytes?: number;
}

/** A publisher and a source in one: `publish` from the tool, the dashboard subscribes. */
export class DevEventChannel implements DevEventSource {
  private readonly kept: { event: object; bytes: number }[] = [];
  private keptBytes = 0;
  private readonly listeners = new Set<(event: object) => void>();
  private readonly keepEvents: number;
  private readonly keepBytes: number;

  constructor(options: DevEventChannelOptions = {}) {
    this.keepEvents = options.keepEvents ?? 2000;
    this.keepBytes = options.keepBytes ?? 2_000_000;
  }

  publish(event: object): void {
    const bytes = JSON.stringify(event)?.length ?? 0;
    this.kept.push({ event, bytes });
    this.keptBytes += bytes;
    while (this.kept.length > 1 && (this.kept.length > this.keepEvents || this.keptBytes > this.keepBytes)) {
      this.keptBytes -= this.kept.shift()!.bytes;
    }
    for (const listener of [...this.listeners]) listener(event);
  }

  history(): readonly object[] {
    return this.kept.map((k) => k.event);
  }

  subscribe(listener: (event: object) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many pages listen now (tests, and a tool that skips work nobody watches). */
  get listening(): number {
    return this.listeners.size;
  }
}

const attached = new WeakMap<object, DevEventSource>();

/**
 * Shows `source`'s events on the dashboard of a running emulator (`startEmulator`'s answer), at
 * `/_actorkit/dev/events`. `actorkit dev` attaches its dev loop's events to the emulator it starts; an emulator
 * with nothing attached answers that path 204. Answers the function that detaches it.
 */
export function attachDevEvents(emulator: { store: object }, source: DevEventSource): () => void {
  attached.set(emulator.store, source);
  return () => {
    if (attached.get(emulator.store) === source) attached.delete(emulator.store);
  };
}

/** The source attached to the emulator whose store this is, if any. */
export function devEventsOf(store: object): DevEventSource | null {
  return attached.get(store) ?? null;
}
