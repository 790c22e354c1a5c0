import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const webDist = join(projectRoot, 'dist', 'web');

/** Builds the web app with Vite when no build is present, so `npm start` works on a fresh clone. */
export async function ensureWebBuild(log: { info: (msg: string) => void }) {
  if (existsSync(join(webDist, 'index.html'))) return;
  log.info('No web build found: building the web app once (about half a minute)…');
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}
