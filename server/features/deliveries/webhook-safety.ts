import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * Outgoing webhook calls (Slack, Teams) with the care a server owes its network: https only,
 * the host resolved here and every address checked (no loopback, private, link-local,
 * unspecified or multicast target unless ALLOW_PRIVATE_WEBHOOKS), the connection made to the
 * address that was checked (no second lookup), redirects not followed, a short timeout and a
 * size cap on the answer. The URL is a secret: it is never logged nor shown back in full.
 */

export type AddressClass =
  'public' | 'loopback' | 'private' | 'shared' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

const ranges: [Exclude<AddressClass, 'public'>, 'ipv4' | 'ipv6', string, number][] = [
  ['unspecified', 'ipv4', '0.0.0.0', 8],
  ['loopback', 'ipv4', '127.0.0.0', 8],
  ['private', 'ipv4', '10.0.0.0', 8],
  ['private', 'ipv4', '172.16.0.0', 12],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['shared', 'ipv4', '100.64.0.0', 10],
  ['link-local', 'ipv4', '169.254.0.0', 16],
  ['multicast', 'ipv4', '224.0.0.0', 4],
  ['reserved', 'ipv4', '240.0.0.0', 4],
  ['unspecified', 'ipv6', '::', 128],
  ['loopback', 'ipv6', '::1', 128],
  ['private', 'ipv6', 'fc00::', 7],
  ['link-local', 'ipv6', 'fe80::', 10],
  ['multicast', 'ipv6', 'ff00::', 8],
];

const lists = new Map<AddressClass, BlockList>();
for (const [cls, type, net, prefix] of ranges) {
  const list = lists.get(cls) ?? new BlockList();
  list.addSubnet(net, prefix, type);
  lists.set(cls, list);
}

/** What kind of address an IP literal is; anything not plain 'public' is refused by default. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 0) return 'reserved';
  if (family === 6) {
    // ::ffff:10.0.0.1 (IPv4-mapped) is the IPv4 address in disguise.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return classifyAddress(mapped[1]!);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [cls, list] of lists) if (list.check(address, type)) return cls;
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
}): Promise<{ status: number; text: string }> {
  const url = parseWebhookUrl(input.url, input.allowPrivate);
  const target = await resolveSafely(url, input.allowPrivate);
  const payload = Buffer.from(JSON.stringify(input.body));
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
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
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
