import { defineConfig } from 'vite';

// The site is static and needs no network at run time: everything it plays is synthesized.
export default defineConfig({
  server: { host: '127.0.0.1' },
  build: { target: 'es2022', outDir: 'dist', sourcemap: true },
  worker: { format: 'es' },
  // Pre-bundled together at start-up, so that a dependency found late never makes the dev server
  // re-bundle mid-session (which loads a second copy of @codemirror/state and reloads the page).
  // The scan starts from the page and from the workers, whose imports it would not find otherwise.
  optimizeDeps: {
    entries: ['index.html', 'src/sandbox/worker.ts', 'src/editor/types/worker.ts', 'src/ai/worker/browser.ts', 'src/scheduler/tick.worker.ts'],
    include: [
      '@codemirror/autocomplete',
      '@codemirror/commands',
      '@codemirror/lang-javascript',
      '@codemirror/language',
      '@codemirror/lint',
      '@codemirror/search',
      '@codemirror/state',
      '@codemirror/view',
      '@lezer/highlight',
    ],
  },
});
