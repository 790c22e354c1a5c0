import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAddress, maskUrl, parseWebhookUrl, postWebhook, WebhookError } from './webhook-safety.js';

describe('address classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'private'],
    ['fc00::1', 'private'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['172.32.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['2a00:1450:4001::1', 'public'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it('calls every 10.x.y.z private and every 127.x.y.z loopback', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(octet, octet, octet, (a, b, c) => {
        return (
          classifyAddress(`10.${a}.${b}.${c}`) === 'private' &&
          classifyAddress(`127.${a}.${b}.${c}`) === 'loopback'
        );
      }),
    );
  });

  it('never calls an address inside 172.16/12 public, and none just outside it private', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        (b, c, d) => {
          const cls = classifyAddress(`172.${b}.${c}.${d}`);
          return b >= 16 && b <= 31 ? cls === 'private' : cls === 'public';
        },
      ),
    );
  });
});

describe('only global unicast (issue 19, row 16)', () => {
  // The host as a URL writes it: new URL() turns ::127.0.0.1 into ::7f00:1 and so on.
  const hostOf = (literal: string) => new URL(`https://${literal}/hook`).hostname.replace(/^\[|\]$/g, '');

  it.each([
    ['[::127.0.0.1]', 'loopback'],
    ['[::ffff:0:7f00:1]', 'loopback'],
    ['[64:ff9b::7f00:1]', 'loopback'],
    ['[64:ff9b:1::a00:1]', 'private'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['[::ffff:169.254.169.254]', 'link-local'],
    ['[2002:7f00:1::]', 'loopback'],
    ['[fec0::1]', 'private'],
    ['[2001:db8::1]', 'reserved'],
    ['[2001:0:4136:e378::1]', 'reserved'],
    ['[100::1]', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['192.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['[64:ff9b::808:808]', 'public'],
    ['[2002:808:808::1]', 'public'],
    ['[2606:4700::1111]', 'public'],
    ['198.20.0.1', 'public'],
  ])('%s is %s', (literal, cls) => {
    expect(classifyAddress(hostOf(literal))).toBe(cls);
  });

  it('judges every IPv4 address the same in its mapped, translated, compatible and NAT64 forms', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(octet, octet, octet, octet, (a, b, c, d) => {
        const v4 = `${a}.${b}.${c}.${d}`;
        const cls = classifyAddress(v4);
        const forms = [`::ffff:${v4}`, `::ffff:0:${v4}`, `64:ff9b::${v4}`];
        if (a !== 0) forms.push(`::${v4}`);
        return forms.every((f) => classifyAddress(hostOf(`[${f}]`)) === cls);
      }),
    );
  });
});

describe('webhook URLs', () => {
  it('shows only host, an ellipsis and the last four characters', () => {
    const url = 'https://hooks.slack.com/services/T000/B000/XXXXsecretYYYY';
    expect(maskUrl(url)).toBe('hooks.slack.com…YYYY');
    expect(maskUrl(url)).not.toContain('secret');
  });

  it('takes https only, and http only when private targets are allowed', () => {
    expect(() => parseWebhookUrl('http://hooks.example.com/x', false)).toThrow(/https/);
    expect(() => parseWebhookUrl('not a url', false)).toThrow(/not a valid URL/);
    expect(() => parseWebhookUrl('https://user:pw@hooks.example.com/x', false)).toThrow(/user name/);
    expect(parseWebhookUrl('http://127.0.0.1:1/x', true).host).toBe('127.0.0.1:1');
  });
});

describe('postWebhook against a loopback sink', () => {
  let url = '';
  const bodies: unknown[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      bodies.push(JSON.parse(raw));
      if (req.url === '/slow') return; // never answers
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
        return;
      }
      if (req.url === '/big') {
        res.writeHead(200).end('x'.repeat(200 * 1024));
        return;
      }
      res.writeHead(req.url === '/missing' ? 404 : 200).end('ok');
    });
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('refuses a loopback target (by IP and by a name resolving to it) unless allowed', async () => {
    await expect(postWebhook({ url: `${url}/ok`, body: {}, allowPrivate: false })).rejects.toThrow(/https/);
    const port = new URL(url).port;
    for (const target of [`https://127.0.0.1:${port}/ok`, `https://localhost:${port}/ok`]) {
      const error = await postWebhook({ url: target, body: {}, allowPrivate: false }).catch((e) => e);
      expect(error).toBeInstanceOf(WebhookError);
      expect(error.message).toMatch(/loopback/);
      expect(error.permanent).toBe(true);
    }
    expect(bodies).toEqual([]);
    const answer = await postWebhook({ url: `${url}/ok`, body: { text: 'hi' }, allowPrivate: true });
    expect(answer).toEqual({ status: 200, text: 'ok' });
    expect(bodies).toEqual([{ text: 'hi' }]);
  });

  it('reports a 404 and a redirect without following it, and caps a big answer at 64 KB', async () => {
    expect((await postWebhook({ url: `${url}/missing`, body: {}, allowPrivate: true })).status).toBe(404);
    expect((await postWebhook({ url: `${url}/redirect`, body: {}, allowPrivate: true })).status).toBe(302);
    const big = await postWebhook({ url: `${url}/big`, body: {}, allowPrivate: true });
    expect(big.text.length).toBe(64 * 1024);
  });

  it('gives up on a target that does not answer in time', async () => {
    await expect(
      postWebhook({ url: `${url}/slow`, body: {}, allowPrivate: true, timeoutMs: 200 }),
    ).rejects.toThrow(/did not answer within/);
  });
});
