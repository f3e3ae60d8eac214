// What the template layer needs to know about resource types, supplied from outside so that
// this layer does not depend on the resource providers (src/lib/engines/cloudformation/resources
// holds the real list of types and their attributes).

export interface ResourceCatalog {
	/** Whether CloudFormation knows the type (`Unrecognized resource types: [...]` otherwise). */
	isKnownResourceType(type: string): boolean;
	/** Whether Fn::GetAtt may read `attribute` of a resource of `type`. */
	isValidAttribute(type: string, attribute: string): boolean;
	/** Whether `DeletionPolicy: Snapshot` is allowed for the type; absent = not checked. */
	supportsSnapshot?(type: string): boolean;
}

/**
 * Custom resources take any attribute: AWS::CloudFormation::CustomResource, and `Custom::Name`
 * with a name of letters, digits, `_`, `@` and `-`, at most 60 characters in all (AWS's
 * AWS::CloudFormation::CustomResource page).
 */
export const isCustomResourceType = (type: string): boolean =>
	type === 'AWS::CloudFormation::CustomResource' || (type.length <= 60 && /^Custom::[A-Za-z0-9_@-]+$/.test(type));

/** The catalog's answer with CloudFormation's own rules for custom resources and nested stacks. */
export function knowsType(catalog: ResourceCatalog, type: string): boolean {
	return isCustomResourceType(type) || catalog.isKnownResourceType(type);
}

export function allowsAttribute(catalog: ResourceCatalog, type: string, attribute: string): boolean {
	if (isCustomResourceType(type)) return true;
	// A nested stack exposes each of its outputs as Outputs.Name.
	if (type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.') && attribute.length > 8) return true;
	return catalog.isValidAttribute(type, attribute);
}

/** Accepts every AWS-looking type and every attribute: for tests, and until a real catalog is wired in. */
export const PERMISSIVE_CATALOG: ResourceCatalog = {
	isKnownResourceType: (type) => /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(type) && !type.startsWith('AWS::Serverless::'),
	isValidAttribute: () => true
};
