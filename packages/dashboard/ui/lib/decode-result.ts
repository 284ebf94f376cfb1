/**
 * What an execution's result is. Results are raw bytes: @actorkit/runtime sends strings as UTF-8 and other values
 * as JSON; the real service's Python helper (`send_python_result`) pickles, which a browser cannot read, so a
 * pickle is named with its protocol and shown as bytes.
 */

export type DecodedResult =
  | { kind: 'empty'; size: 0 }
  | { kind: 'json'; size: number; value: unknown; pretty: string }
  | { kind: 'text'; size: number; text: string }
  | { kind: 'pickle'; size: number; protocol: number; hex: string }
  | { kind: 'bytes'; size: number; hex: string };

const HEX_LIMIT = 1024;

/** Lines of 16 bytes: offset, hex, and the printable ASCII beside them. */
export function hexDump(bytes: Uint8Array, limit = HEX_LIMIT): string {
  const lines: string[] = [];
  const shown = bytes.subarray(0, limit);
  for (let off = 0; off < shown.length; off += 16) {
    const row = shown.subarray(off, off + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(6, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > limit) lines.push(`… ${bytes.length - limit} more bytes`);
  return lines.join('\n');
}

/** Python's pickle protocols 2 to 5 start with PROTO (0x80) and the protocol number, and end with STOP ('.'). */
function pickleProtocol(bytes: Uint8Array): number | null {
  if (bytes.length < 3 || bytes[0] !== 0x80) return null;
  const protocol = bytes[1]!;
  return protocol >= 2 && protocol <= 5 && bytes[bytes.length - 1] === 0x2e ? protocol : null;
}

function printable(text: string): boolean {
  // Control characters other than tab, newline and carriage return mean bytes, not text.
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return false;
  }
  return true;
}

export function decodeResult(bytes: Uint8Array): DecodedResult {
  const size = bytes.length;
  if (size === 0) return { kind: 'empty', size: 0 };
  const protocol = pickleProtocol(bytes);
  if (protocol !== null) return { kind: 'pickle', size, protocol, hex: hexDump(bytes) };
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    void cause; // not UTF-8: shown as bytes below
  }
  if (text === null || !printable(text)) return { kind: 'bytes', size, hex: hexDump(bytes) };
  const trimmed = text.trim();
  if (/^[[{"]/.test(trimmed) || /^(-?\d|true$|false$|null$)/.test(trimmed)) {
    try {
      const value: unknown = JSON.parse(trimmed);
      return { kind: 'json', size, value, pretty: JSON.stringify(value, null, 2) };
    } catch (cause) {
      void cause; // text that only looks like JSON
    }
  }
  return { kind: 'text', size, text };
}
