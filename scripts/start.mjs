/* global process, console */
// `npm start` (and `npm run backup/restore/rotate-key`): runs the compiled server from dist/server/, first
// compiling it with esbuild when it is missing or older than its sources (decision 039).
//   node --enable-source-maps scripts/start.mjs [main|backup-cli|rotate-key-cli|--build] [arguments…]
// Plain JavaScript on purpose: it must run before anything is compiled.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'server');
const entries = {
  main: 'server/main.ts',
  'backup-cli': 'server/db/backup-cli.ts',
  'rotate-key-cli': 'server/crypto/rotate-key-cli.ts',
};

/** The newest modification time among the server's sources (tests excluded) and package.json. */
function newestSource() {
  let newest = statSync(join(root, 'package.json')).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
        newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'server'));
  walk(join(root, 'common'));
  return newest;
}

function isStale() {
  const newest = newestSource();
  return Object.keys(entries).some((name) => {
    const out = join(outdir, `${name}.js`);
    return !existsSync(out) || statSync(out).mtimeMs < newest;
  });
}

/**
 * Bundles each entry into one ES module with its source map; packages stay in node_modules.
 * Written to a new folder, then moved file by file, so a server starting at the same moment
 * never reads half a file.
 */
async function build() {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(outdir, { recursive: true });
  // A sibling of dist/server/, so the source maps' relative paths stay right after the move.
  const temporary = mkdtempSync(join(root, 'dist', '.server-build-'));
  try {
    await esbuild({
      absWorkingDir: root,
      entryPoints: entries,
      outdir: temporary,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      logLevel: 'warning',
    });
    for (const file of readdirSync(temporary)) renameSync(join(temporary, file), join(outdir, file));
  } catch {
    // esbuild has printed what failed (file and line); its stack would add nothing.
    console.error('The server could not be compiled (see above).');
    process.exitCode = 1;
    return false;
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  return true;
}

const [entry = 'main', ...rest] = process.argv.slice(2);
if (entry === '--build') {
  if (await build()) console.log(`Compiled the server to ${outdir}.`);
} else if (!(entry in entries)) {
  console.error(`Unknown entry "${entry}": use one of ${Object.keys(entries).join(', ')} or --build.`);
  process.exit(1);
} else {
  if (isStale()) {
    if (entry === 'main') console.log('Compiling the server (once, after each change of its sources)…');
    if (!(await build())) process.exit(1);
  }
  const file = join(outdir, `${entry}.js`);
  // The entry reads its own arguments from process.argv, as if it had been started directly.
  process.argv = [process.argv[0], file, ...rest];
  await import(pathToFileURL(file).href);
}
