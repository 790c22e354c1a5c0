/**
 * The two SCIM filters identity providers send to find a person before creating them (RFC 7644
 * 3.4.2.2): `userName eq "…"` and `externalId eq "…"`. Attribute and operator names are
 * case-insensitive; anything else is refused as invalidFilter rather than guessed at.
 */
export type ScimFilter = { attribute: 'userName' | 'externalId'; value: string };

export function parseScimFilter(filter: string): ScimFilter | null {
  const m = /^\s*(userName|externalId)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  if (!m) return null;
  const attribute = m[1]!.toLowerCase() === 'username' ? 'userName' : 'externalId';
  return { attribute, value: m[2]!.replace(/\\(.)/g, '$1') };
}
