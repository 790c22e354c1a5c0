import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './server/precompress.js';
import { serviceWorker } from './server/service-worker-plugin.js';

export default defineConfig({
  root: 'web',
  plugins: [
    react(),
    serviceWorker({
      template: fileURLToPath(new URL('web/sw.js', import.meta.url)),
      publicDir: fileURLToPath(new URL('web/public', import.meta.url)),
    }),
    precompress(),
  ],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // .vite/manifest.json: the entry-chunk budget test reads it (web/src/entry-chunk.test.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        // React in a chunk of its own: the same file from deploy to deploy (cached), and the app's
        // entry chunk small (decision 065).
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
