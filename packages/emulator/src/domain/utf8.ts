/** The length of a UTF-8 sequence from its lead byte; 1 for a byte that cannot lead one (it stands alone). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if ((lead & 0xe0) === 0xc0) return 2;
  if ((lead & 0xf0) === 0xe0) return 3;
  if ((lead & 0xf8) === 0xf0) return 4;
  return 1;
}

/**
 * The largest length `<= limit` at which `bytes` can be cut without splitting a UTF-8 character: the bytes before it
 * decode on their own, and the rest starts with a whole character. Invalid bytes count as whole characters.
 */
export function utf8Boundary(bytes: Uint8Array, limit: number = bytes.length): number {
  const end = Math.max(0, Math.min(limit, bytes.length));
  let start = end - 1;
  while (start >= 0 && end - start < 4 && (bytes[start]! & 0xc0) === 0x80) start -= 1;
  if (start < 0 || (bytes[start]! & 0xc0) === 0x80) return end; // no lead byte in reach: nothing to keep whole
  return start + sequenceLength(bytes[start]!) > end ? start : end;
}
