import { defineConfig } from 'vite';

// The site is static and needs no network at run time: everything it plays is synthesized.
export default defineConfig({
  server: { host: '127.0.0.1' },
  build: { target: 'es2022', outDir: 'dist', sourcemap: true },
  worker: { format: 'es' },
});
