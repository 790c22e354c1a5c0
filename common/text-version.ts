/**
 * The version of a text field is a fingerprint of its text (decision 057): the client sends the
 * version of the text it started editing from, the server compares it with the stored text's.
 * A fingerprint rather than a counter column: any writer that changes the text (a second tab, an
 * accepted suggestion) makes it stale with no column to remember, and it works on sealed columns,
 * which SQL cannot compare.
 */
export function textVersion(text: string): string {
  // cyrb53: a fast 53-bit string hash, plus the length; collisions only matter between two texts
  // of one field, where they are vanishingly rare.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}
