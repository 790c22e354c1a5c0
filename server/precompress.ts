import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text assets worth compressing; images and fonts of the build are compressed already. */
export const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.map',
  '.webmanifest',
]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Writes `file.br` (brotli, best quality) and `file.gz` (gzip -9) beside every compressible file
 * of the built web app, so the server sends compressed assets without compressing per request
 * (decision 039). A copy that would not be smaller is not written.
 */
export function precompressDirectory(dir: string) {
  const written: { file: string; bytes: number; br: number; gzip: number }[] = [];
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
    written.push({ file, bytes: raw.length, br: br.length, gzip: gz.length });
  }
  return written;
}

/** Vite plugin: after every build, the brotli and gzip copies of the output (see precompressDirectory). */
export function precompress() {
  return {
    name: 'wheelhouse-precompress',
    apply: 'build' as const,
    writeBundle(options: { dir?: string }) {
      if (options.dir) precompressDirectory(options.dir);
    },
  };
}
