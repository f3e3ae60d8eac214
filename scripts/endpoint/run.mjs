// Launcher for `npm run endpoint`: Node 20 cannot run TypeScript, so main.ts is bundled (and
// cached) by scripts/bundle/ts-bundle.mjs, then run.
import { runBundled } from '../bundle/ts-bundle.mjs';

await runBundled({ name: 'endpoint', entry: 'scripts/endpoint/main.ts', launcher: 'scripts/endpoint/run.mjs', cacheName: 'ecr-cfn-endpoint' });
