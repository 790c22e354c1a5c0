import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder with package.json: one up from server/ (tsx), two up from dist/server/ (compiled). */
function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}.`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const webDist = join(projectRoot, 'dist', 'web');

/** Builds the web app with Vite when no build is present, so `npm start` works on a fresh clone. */
export async function ensureWebBuild(log: { info: (msg: string) => void }) {
  if (existsSync(join(webDist, 'index.html'))) return;
  log.info('No web build found: building the web app once (about half a minute)…');
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
}
