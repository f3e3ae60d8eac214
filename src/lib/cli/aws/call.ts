// Calling an engine as the session's principal: the access key in AWS_ACCESS_KEY_ID (none means
// the learner account's root) and the Region from --region, AWS_REGION, AWS_DEFAULT_REGION.
import type { ShellSession } from '../types';
import type { Globals } from './globals';

export function region(session: ShellSession, globals: Globals): string {
	return globals.region ?? session.env.get('AWS_REGION') ?? session.env.get('AWS_DEFAULT_REGION') ?? 'us-east-1';
}

export async function callService(session: ShellSession, service: string, operation: string, input: unknown, globals: Globals): Promise<unknown> {
	const world = session.world;
	// No key means the learner account's root, which is what the engine gives an unknown key too.
	const caller = world.callerForAccessKey(session.env.get('AWS_ACCESS_KEY_ID') ?? 'AKIAROOT123456789012');
	const r = region(session, globals);
	switch (service) {
		case 'ecr':
			return world.ecr(caller, r).callByName(operation, input);
		case 'sts':
			return world.sts(caller).callByName(operation, input);
		case 'iam':
			return world.iam(caller).callByName(operation, input);
		case 'cloudformation':
			await world.cloudformationReady();
			return await world.cloudformation(caller, r).callByName(operation, input);
		default:
			throw new Error(`no service ${service}`);
	}
}

