import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// monaco-editor >= 0.56 maps './*' to './esm/vs/*.js', which breaks monaco-yaml's deep imports.
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

export default defineConfig({
  plugins: [sveltekit()],
  resolve: { alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: monacoEsm }] },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 3000, rolldownOptions: { checks: { bundlerTimings: false } } },
  optimizeDeps: { include: ['dexie', 'js-yaml'] },
  test: { include: ['tests/unit/**/*.test.ts'], environment: 'node' }
});
