import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Files of a folder, as site paths (`/icons/icon-192.png`). */
function sitePaths(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sitePaths(join(dir, entry.name), root)
      : ['/' + relative(root, join(dir, entry.name)).split(sep).join('/')],
  );
}

const contentOf = (item: unknown) => {
  const { code, source } = item as { code?: string; source?: string | Uint8Array };
  return code ?? source ?? '';
};

/**
 * Vite plugin: writes /sw.js from web/sw.js with the build's file list (to cache) and a build id
 * (a hash of those names, so every deploy that changes a file gives the browser a new worker).
 * Written by hand instead of vite-plugin-pwa/Workbox: decision 058.
 */
export function serviceWorker({ template, publicDir }: { template: string; publicDir: string }) {
  return {
    name: 'wheelhouse-service-worker',
    apply: 'build' as const,
    // After Vite dropped its empty CSS-only chunks, so every listed file exists.
    writeBundle(options: { dir?: string }, bundle: Record<string, unknown>) {
      const dir = options.dir;
      if (!dir) return;
      const built = Object.keys(bundle)
        .filter((name) => name !== 'index.html' && !name.startsWith('.vite/') && existsSync(join(dir, name)))
        .map((name) => `/${name}`);
      const files = [...built, ...sitePaths(publicDir)].sort();
      // The id changes when any file does: built ones by content, public ones (not hashed) too.
      const hash = createHash('sha256');
      for (const [name, item] of Object.entries(bundle)) hash.update(name).update(contentOf(item));
      for (const path of sitePaths(publicDir)) hash.update(path).update(readFileSync(join(publicDir, path)));
      const build = hash.digest('hex').slice(0, 12);
      const source = readFileSync(template, 'utf8')
        .replace("'__WHEELHOUSE_BUILD__'", `'${build}'`)
        .replace('= __WHEELHOUSE_FILES__;', `= ${JSON.stringify(files)};`);
      writeFileSync(join(dir, 'sw.js'), source);
    },
  };
}
