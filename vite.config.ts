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
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
