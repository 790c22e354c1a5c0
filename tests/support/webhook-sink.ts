import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  path: string;
  body: any;
}

/**
 * A real HTTP server on loopback standing in for Slack and Teams: records each body it gets.
 * Paths under /missing answer 404, under /broken 500; anything else 200 (Teams' 202 under /teams).
 */
export async function startWebhookSink() {
  const received: ReceivedHook[] = [];
  /** A test may make the sink take a body and never answer (the sender dies waiting). */
  const control: { hold: (body: any) => boolean } = { hold: () => false };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // kept as text
      }
      received.push({ path: req.url ?? '', body });
      if (control.hold(body)) return;
      const status = req.url?.startsWith('/missing')
        ? 404
        : req.url?.startsWith('/broken')
          ? 500
          : req.url?.startsWith('/teams')
            ? 202
            : 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no_service');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
