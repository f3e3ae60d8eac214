// `npm run endpoint -- --port 4566 [--clock real|frozen] [--now ISO]`: starts the local endpoint
// and prints `listening on http://127.0.0.1:<port>` once it answers (tests and scripts wait for
// that line). Run through run.mjs, which bundles this file for Node.
import { parseEndpointArgs, USAGE, type EndpointArgs } from './args';
import { startEndpoint } from './server';
import { LEARNER_ACCOUNT, REGIONS } from '../../src/lib/engines/world-constants';

let args: EndpointArgs;
try {
	args = parseEndpointArgs(process.argv.slice(2));
} catch (e) {
	console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
	process.exit(2);
}

try {
	const endpoint = await startEndpoint({ ...args, log: (line, kind) => (kind === 'event' ? console.log(line) : console.error(line)) });
	console.log(`listening on ${endpoint.url}`);
	console.log(
		`account ${LEARNER_ACCOUNT}, Regions ${REGIONS.join(', ')}; clock ${args.clock}, now ${endpoint.holder.world.clock.now().toISOString()}\n` +
			`keys from iam create-access-key and sts assume-role act as their user or role; AKIAROOT<account id> is that account's root; any other key is the root of ${LEARNER_ACCOUNT}, e.g.\n` +
			`  AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=us-east-1 aws --endpoint-url ${endpoint.url} ecr describe-repositories\n` +
			`  curl ${endpoint.url}/_sandbox/clock`
	);
	const stop = (): void => void endpoint.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
} catch (e) {
	const code = (e as NodeJS.ErrnoException).code;
	console.error(code === 'EADDRINUSE' ? `port ${args.port} is in use: pick another with --port` : `the endpoint could not start: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
}
