import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * Outgoing webhook calls (Slack, Teams) with the care a server owes its network: https only,
 * the host resolved here and every address checked (only global unicast: no loopback, private,
 * link-local, unspecified, multicast or reserved target unless ALLOW_PRIVATE_WEBHOOKS), the connection made to the
 * address that was checked (no second lookup), redirects not followed, a short timeout and a
 * size cap on the answer. The URL is a secret: it is never logged nor shown back in full.
 */

export type AddressClass =
  'public' | 'loopback' | 'private' | 'shared' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

type Blocked = Exclude<AddressClass, 'public'>;

/**
 * IPv4 outside global unicast (RFC 6890 special-purpose registry): everything here is refused.
 * IPv6 is judged by its class instead (only 2000::/3 is global unicast), after unwrapping the
 * forms that carry an IPv4 address inside (mapped, compatible, translated, NAT64, 6to4).
 */
const ipv4Ranges: [Blocked, string, number][] = [
  ['unspecified', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['shared', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  ['link-local', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['reserved', '192.0.0.0', 24], // IETF protocol assignments
  ['reserved', '192.0.2.0', 24], // documentation
  ['reserved', '192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['private', '192.168.0.0', 16],
  ['reserved', '198.18.0.0', 15], // benchmarking
  ['reserved', '198.51.100.0', 24], // documentation
  ['reserved', '203.0.113.0', 24], // documentation
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4], // future use and broadcast
];
const ipv4Lists = new Map<Blocked, BlockList>();
for (const [cls, net, prefix] of ipv4Ranges) {
  const list = ipv4Lists.get(cls) ?? new BlockList();
  list.addSubnet(net, prefix, 'ipv4');
  ipv4Lists.set(cls, list);
}

/** The 16 bytes of an IPv6 literal (isIP said 6), zone dropped; a trailing dotted IPv4 is read too. */
function ipv6Bytes(address: string): number[] {
  let text = address.split('%')[0]!.toLowerCase();
  const tail: number[] = [];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    tail.push(...dotted.slice(1).map(Number));
    text = text.slice(0, dotted.index) + '0:0';
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const groups = (s: string | undefined) =>
    s
      ? s
          .split(':')
          .filter(Boolean)
          .map((g) => parseInt(g, 16))
      : [];
  const left = groups(head);
  const right = groups(rest);
  const words = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = words.flatMap((w) => [w >> 8, w & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

const startsWith = (bytes: number[], prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const zeros = (n: number) => Array<number>(n).fill(0);

/** The IPv4 address an IPv6 one carries, when it is one of the forms that reach an IPv4 host. */
function embeddedIpv4(bytes: number[]): string | null {
  const v4 = (at: number) => bytes.slice(at, at + 4).join('.');
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff])) return v4(12); // ::ffff:a.b.c.d (mapped)
  if (startsWith(bytes, [...zeros(8), 0xff, 0xff, 0, 0])) return v4(12); // ::ffff:0:a.b.c.d (translated)
  if (startsWith(bytes, zeros(12)) && !startsWith(bytes, zeros(15))) return v4(12); // ::a.b.c.d (compatible)
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, ...zeros(8)])) return v4(12); // 64:ff9b::/96 (NAT64)
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01])) return v4(12); // 64:ff9b:1::/48 (local NAT64)
  if (startsWith(bytes, [0x20, 0x02])) return v4(2); // 2002::/16 (6to4)
  return null;
}

function classifyIpv6(address: string): AddressClass {
  const bytes = ipv6Bytes(address);
  const inner = embeddedIpv4(bytes);
  if (inner) return classifyAddress(inner);
  if (bytes.every((b) => b === 0)) return 'unspecified';
  if (startsWith(bytes, [...zeros(15), 1])) return 'loopback';
  if (bytes[0] === 0xff) return 'multicast';
  if (bytes[0] === 0xfe && (bytes[1]! & 0xc0) === 0x80) return 'link-local';
  if ((bytes[0]! & 0xfe) === 0xfc || (bytes[0] === 0xfe && (bytes[1]! & 0xc0) === 0xc0)) return 'private'; // ULA, site-local
  // Global unicast is 2000::/3, less its special-purpose blocks: Teredo and other IETF
  // assignments (2001::/23), documentation (2001:db8::/32, 3fff::/20).
  if ((bytes[0]! & 0xe0) !== 0x20) return 'reserved';
  if (bytes[0] === 0x20 && bytes[1] === 0x01 && bytes[2]! <= 0x01) return 'reserved';
  if (startsWith(bytes, [0x20, 0x01, 0x0d, 0xb8])) return 'reserved';
  if (bytes[0] === 0x3f && (bytes[1]! & 0xf0) === 0xf0) return 'reserved';
  return 'public';
}

/** What kind of address an IP literal is; anything not plain 'public' (global unicast) is refused by default. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address.split('%')[0]!);
  if (family === 0) return 'reserved';
  if (family === 6) return classifyIpv6(address);
  for (const [cls, list] of ipv4Lists) if (list.check(address, 'ipv4')) return cls;
  return 'public';
}

const classWords: Record<Exclude<AddressClass, 'public'>, string> = {
  loopback: 'this server itself (loopback)',
  private: 'a private network address',
  shared: 'a shared (carrier-grade NAT) address',
  'link-local': 'a link-local address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
};

/** A webhook call refused or failed; `message` is a short human reason (no URL in it). */
export class WebhookError extends Error {
  constructor(
    message: string,
    /** Trying again will not help (the address is refused, the URL is malformed). */
    readonly permanent = false,
  ) {
    super(message);
  }
}

/** "hooks.slack.com…a1b2": enough to recognise a URL, never enough to use it. */
export function maskUrl(url: string): string {
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    host = 'invalid address';
  }
  return `${host}…${url.slice(-4)}`;
}

/** The parts of the check that need no network: a URL, https (http only for private targets). */
export function parseWebhookUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookError('is not a valid URL (it should start with https://)', true);
  }
  const httpAllowed = allowPrivate && url.protocol === 'http:';
  if (url.protocol !== 'https:' && !httpAllowed) throw new WebhookError('must be an https:// address', true);
  if (url.username || url.password) throw new WebhookError('must not contain a user name or password', true);
  return url;
}

/** Resolves the host once and checks every address it has; answers the one to connect to. */
export async function resolveSafely(
  url: URL,
  allowPrivate: boolean,
): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new WebhookError(`the host ${url.hostname} could not be found`);
    }
  }
  if (addresses.length === 0) throw new WebhookError(`the host ${url.hostname} could not be found`);
  if (!allowPrivate) {
    for (const a of addresses) {
      const cls = classifyAddress(a.address);
      if (cls !== 'public')
        throw new WebhookError(
          `points at ${classWords[cls]}, which Wheelhouse does not call (an operator can allow it with ALLOW_PRIVATE_WEBHOOKS)`,
          true,
        );
    }
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

export const webhookTimeoutMs = 5_000;
export const webhookAnswerCap = 64 * 1024;

/**
 * POSTs JSON to a checked webhook; resolves with the status and (at most 64 KB of) the answer.
 * Throws WebhookError when refused, unreachable or too slow.
 */
export async function postWebhook(input: {
  url: string;
  body: unknown;
  allowPrivate: boolean;
  timeoutMs?: number;
  /** Bytes and headers to send instead of JSON (Web Push's encrypted message, decision 061). */
  raw?: { body: Buffer; headers: Record<string, string> };
}): Promise<{ status: number; text: string }> {
  const url = parseWebhookUrl(input.url, input.allowPrivate);
  const target = await resolveSafely(url, input.allowPrivate);
  const payload = input.raw?.body ?? Buffer.from(JSON.stringify(input.body));
  const headers = input.raw?.headers ?? { 'content-type': 'application/json' };
  const client = url.protocol === 'https:' ? https : http;
  const timeoutMs = input.timeoutMs ?? webhookTimeoutMs;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: WebhookError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': payload.length },
        // Connect to the address that was checked: no second lookup that could answer differently.
        lookup: ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
          if (options?.all) cb(null, [target]);
          else cb(null, target.address, target.family);
        }) as never,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        };
        res.on('data', (chunk: Buffer) => {
          if (size >= webhookAnswerCap) return;
          const room = webhookAnswerCap - size;
          chunks.push(chunk.subarray(0, room));
          size += Math.min(room, chunk.length);
          if (size >= webhookAnswerCap) {
            done();
            res.destroy();
          }
        });
        res.on('end', done);
        res.on('error', () => done());
      },
    );
    const timer = setTimeout(
      () => fail(new WebhookError(`did not answer within ${Math.round(timeoutMs / 1000)} seconds`)),
      timeoutMs,
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'ECONNREFUSED'
          ? 'refused the connection'
          : error.code?.startsWith('ERR_TLS') || error.code?.includes('CERT')
            ? 'has a certificate Wheelhouse cannot trust'
            : 'could not be reached';
      fail(new WebhookError(reason));
    });
    req.end(payload);
  });
}
