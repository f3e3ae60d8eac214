// Which capabilities a template needs acknowledged (CreateStack's Capabilities documentation):
// - CAPABILITY_IAM for any of the IAM resource types below;
// - CAPABILITY_NAMED_IAM instead when one of them is given a custom name (RoleName, ...);
// - CAPABILITY_AUTO_EXPAND when the template declares transforms or calls a macro
//   (ValidateTemplate reports it since AWS fixed aws/aws-sdk#250).
// ValidateTemplate lists them with "The following resource(s) require capabilities: [types]",
// for every IAM resource whatever its Condition.
import type { Capability } from '@aws-sdk/client-cloudformation';
import type { ResourceDeclaration } from './model';
import { own } from './value';

/** IAM types that need a capability, with the property that gives each a custom name. */
export const IAM_CAPABILITY_TYPES: ReadonlyMap<string, string | undefined> = new Map([
	['AWS::IAM::AccessKey', undefined],
	['AWS::IAM::Group', 'GroupName'],
	['AWS::IAM::InstanceProfile', 'InstanceProfileName'],
	['AWS::IAM::ManagedPolicy', 'ManagedPolicyName'],
	['AWS::IAM::Policy', undefined],
	['AWS::IAM::Role', 'RoleName'],
	['AWS::IAM::User', 'UserName'],
	['AWS::IAM::UserToGroupAddition', undefined],
	['AWS::IAM::RolePolicy', undefined],
	['AWS::IAM::UserPolicy', undefined],
	['AWS::IAM::GroupPolicy', undefined]
]);

export interface RequiredCapabilities {
	capabilities: Capability[];
	reason?: string;
}

export function requiredCapabilities(resources: readonly ResourceDeclaration[], transforms: readonly string[], macros: readonly string[] = []): RequiredCapabilities {
	const types: string[] = [];
	let named = false;
	for (const r of resources) {
		if (!IAM_CAPABILITY_TYPES.has(r.type)) continue;
		if (!types.includes(r.type)) types.push(r.type);
		const nameProperty = IAM_CAPABILITY_TYPES.get(r.type);
		if (nameProperty && r.properties && own(r.properties, nameProperty) !== undefined) named = true;
	}
	const capabilities: Capability[] = [];
	if (types.length > 0) capabilities.push(named ? 'CAPABILITY_NAMED_IAM' : 'CAPABILITY_IAM');
	const expanders = [...transforms, ...macros];
	if (expanders.length > 0) capabilities.push('CAPABILITY_AUTO_EXPAND');
	if (capabilities.length === 0) return { capabilities };
	// The reason names resource types; with only macros there is no AWS wording known, so name them.
	const reason = types.length > 0 ? `The following resource(s) require capabilities: [${types.join(', ')}]` : `The following transform(s) require capabilities: [${expanders.join(', ')}]`;
	return { capabilities, reason };
}

/** Whether `acknowledged` covers `needed` (CAPABILITY_NAMED_IAM also covers CAPABILITY_IAM). */
export function missingCapabilities(needed: readonly Capability[], acknowledged: readonly string[] = []): Capability[] {
	return needed.filter((c) => !(acknowledged.includes(c) || (c === 'CAPABILITY_IAM' && acknowledged.includes('CAPABILITY_NAMED_IAM'))));
}
