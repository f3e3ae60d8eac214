// Launcher for `npm run shell`: Node 20 cannot run TypeScript, so main.ts is bundled (and cached)
// by scripts/bundle/ts-bundle.mjs, then run. A first build is announced only on a terminal: piped
// output must be exactly the shell's.
import { runBundled } from '../bundle/ts-bundle.mjs';

await runBundled({ name: 'shell', entry: 'scripts/shell/main.ts', launcher: 'scripts/shell/run.mjs', cacheName: 'ecr-cfn-shell', announce: process.stderr.isTTY === true });
