// A first stack policy for the Stack policy tab: allow every update, except replacing the stack's
// repository (Update:Replace would make a new, empty repository and delete the one holding the
// images). A Deny wins over the Allow, as in IAM. The learner edits it before setting it.

/** The repository a policy protects: the stack's first AWS::ECR::Repository, else one named Repository. */
export function protectedRepository(resources: readonly { logicalId: string; type: string }[]): string {
	return resources.find((r) => r.type === 'AWS::ECR::Repository')?.logicalId ?? 'Repository';
}

export function starterStackPolicy(resources: readonly { logicalId: string; type: string }[]): string {
	const policy = {
		Statement: [
			{ Effect: 'Deny', Action: 'Update:Replace', Principal: '*', Resource: `LogicalResourceId/${protectedRepository(resources)}` },
			{ Effect: 'Allow', Action: 'Update:*', Principal: '*', Resource: '*' }
		]
	};
	return `${JSON.stringify(policy, null, 2)}\n`;
}

/** A policy as AWS stored it, indented for reading (it is kept as sent, maybe on one line). */
export function readablePolicy(body: string): string {
	try {
		return `${JSON.stringify(JSON.parse(body), null, 2)}\n`;
	} catch {
		return body;
	}
}
