import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatKeys } from '../../server/crypto/keys.js';
import { postgresTestKeys } from './test-keys.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Runs the real server as its own process, exactly as `npm start` does: the compiled JavaScript
 * in dist/server/ (compiled first when older than the sources), with source maps.
 */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  let out = '';
  // PostgreSQL needs its keys from the environment (decision 044): the ones every test database there uses.
  const keys = /^postgres/.test(env.DATABASE_URL ?? '')
    ? { WHEELHOUSE_ENCRYPTION_KEYS: formatKeys(postgresTestKeys) }
    : {};
  const child = spawn(process.execPath, ['--enable-source-maps', 'scripts/start.mjs'], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'info', ...keys, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Waits for the "ready" log line and returns the port it listens on. */
export async function waitForReady(server: ServerProcess, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = server.output().match(/Wheelhouse is ready at .*?\(port (\d+)/);
    if (match) return Number(match[1]);
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start: ${server.output()}`);
}
