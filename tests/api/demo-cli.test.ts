import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

/** `npm run demo` on a fresh SQLite file (the engine does not matter to what it prints). */
async function demo(env: Record<string, string>) {
  const file = join(mkdtempSync(join(tmpdir(), 'wheelhouse-demo-')), 'demo.db');
  const { stdout } = await run('npx', ['tsx', 'server/features/people/demo/cli.ts'], {
    env: { ...process.env, PUBLIC_URL: '', PORT: '', ...env, DATABASE_URL: file },
    timeout: 120_000,
  });
  return stdout;
}

it('npm run demo prints the address the server will answer on: PORT, or PUBLIC_URL when set', async () => {
  expect(await demo({ PORT: '4123' })).toContain('open http://localhost:4123/sign-in and sign in as:');
  expect(await demo({ PORT: '4123', PUBLIC_URL: 'https://coach.example.com/' })).toContain(
    'open https://coach.example.com/sign-in and sign in as:',
  );
}, 240_000);
