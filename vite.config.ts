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
  optimizeDeps: { include: ['dexie', 'js-yaml', '@xterm/xterm', '@xterm/addon-fit', 'monaco-yaml', 'monaco-yaml/yaml.worker.js'] },
  // Property tests run hundreds of cases; on a busy 2-core CI machine 5 s is too tight. Tests
  // never assert timing, so a generous limit only catches hangs.
  test: { include: ['tests/unit/**/*.test.ts', 'tests/conformance/**/*.test.ts'], environment: 'node', testTimeout: 60_000 }
});
