import { mkdtempSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startServerProcess, waitForReady, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, testEngine } from '../support/test-database.js';

const running: ServerProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  for (const c of cleanups.splice(0)) await c();
});

async function databaseUrl() {
  if (testEngine() === 'sqlite')
    return join(mkdtempSync(join(tmpdir(), 'wheelhouse-proc-')), 'nested', 'wheelhouse.db');
  const db = await createTestDatabase();
  await db.close();
  cleanups.push(db.drop);
  return db.url;
}

function start(env: Record<string, string>) {
  const server = startServerProcess(env);
  running.push(server);
  return server;
}

it('starts on a new database, migrates it, answers health and serves the web app', async () => {
  const server = start({ PORT: '0', DATABASE_URL: await databaseUrl() });
  const port = await waitForReady(server);
  const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json());
  expect(health).toEqual({ ok: true, db: testEngine() });
  const page = await fetch(`http://127.0.0.1:${port}/some/deep/link`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
});

it('finishes an in-flight request on SIGTERM, then closes the database and exits 0', async () => {
  const server = start({ PORT: '0', DATABASE_URL: await databaseUrl() });
  const port = await waitForReady(server);
  const session = await fetch(`http://127.0.0.1:${port}/api/session`);
  const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
  const cookie = session.headers.getSetCookie()[0]!.split(';')[0]!;
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let response = '';
  socket.on('data', (d) => (response += d));
  const body = '{"email":"nobody@example.com","password":"x"}';
  // Half a request is in flight when the signal arrives; the rest follows after it.
  socket.write(
    `POST /api/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nCookie: ${cookie}\r\nX-CSRF-Token: ${csrf}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  await new Promise((r) => setTimeout(r, 200));
  server.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  expect(server.child.exitCode).toBeNull();
  socket.write(body.slice(10));
  await new Promise<void>((resolve) => socket.once('close', () => resolve()));
  expect(response).toMatch(/^HTTP\/1\.1 401/); // the sign-in was answered, not dropped
  expect(response).toContain('do not match an account');
  expect(await server.exited).toBe(0);
  expect(server.output()).toContain('stopped');
});

// One process per SQLite file; PostgreSQL is built for many instances, so this only applies to SQLite.
if (testEngine() === 'sqlite')
  it('refuses to open a SQLite file another process holds', async () => {
    const url = await databaseUrl();
    const first = start({ PORT: '0', DATABASE_URL: url });
    await waitForReady(first);
    const second = start({ PORT: '0', DATABASE_URL: url });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is in use by another Wheelhouse process');
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

it('stops with one clear line per bad setting', async () => {
  const server = start({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: await databaseUrl() });
  expect(await server.exited).toBe(1);
  expect(server.output()).toContain('Invalid configuration');
  expect(server.output()).toMatch(/PORT: /);
  expect(server.output()).toMatch(/LOG_LEVEL: /);
  expect(server.output()).not.toMatch(/\n\s+at /);
});

it('says in one line that the port is taken, and exits 1 without a stack trace', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', () => resolve()));
  const port = (taken.address() as { port: number }).port;
  try {
    const server = start({ PORT: String(port), DATABASE_URL: await databaseUrl() });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(`Port ${port} is already in use`);
    expect(server.output()).not.toMatch(/\n\s+at /);
  } finally {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  }
}, 60_000);
