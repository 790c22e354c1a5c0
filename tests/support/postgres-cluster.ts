import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster from the local binaries on a loopback port. PostgreSQL refuses
 * to run as root, so as root it runs as the `postgres` user.
 */
export async function startPostgresCluster(): Promise<{
  url: string;
  /** Stops the cluster and removes its files. */
  stop: () => void;
  /**
   * Stops the server (fast shutdown: sessions are ended, as in a restart); files and port stay.
   * Asynchronous, so the test's own traffic keeps flowing while PostgreSQL goes down.
   */
  takeDown: () => Promise<void>;
  /** Starts the server again on the same port, after takeDown. */
  bringUp: () => Promise<void>;
}> {
  // In memory (tmpfs) where there is one: with fsync off nothing waits for the disk, but the
  // kernel still wrote every test database's pages back to it in the background.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'wheelhouse-pg-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? lookupPostgresUser() : null;
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  const command = (cmd: string, args: string[]) =>
    owner ? (['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const) : ([cmd, args] as const);
  const run = (cmd: string, args: string[]) => {
    const full = command(cmd, args);
    const result = spawnSync(full[0], full[1], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  const runAsync = (cmd: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const full = command(cmd, args);
      const child = spawn(full[0], full[1], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed: ${out}`))));
    });
  const port = await freePort();
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const startArgs = () => [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-t',
    '60',
    'start',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 -c max_connections=200`,
  ];
  run('pg_ctl', startArgs());
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    takeDown: () => runAsync('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    bringUp: () => runAsync('pg_ctl', startArgs()),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already down (a test failed between takeDown and bringUp): only the files remain.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function lookupPostgresUser() {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'PostgreSQL will not run as root and there is no `postgres` user. Create one (useradd postgres) or set TEST_DATABASE_URL.',
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
