// Names the CLI derives from the model: botocore's xform_name (CamelCase → kebab-case), so
// DescribeRepositories ↔ describe-repositories, repositoryName ↔ --repository-name and
// CloudFormation's StackName ↔ --stack-name.

/** botocore.xform_name with '-' as the separator (including its "ARNs" special case). */
export function kebab(name: string): string {
	if (name.includes('-')) return name;
	let n = name;
	const special = /[A-Z]{2,}s$/.exec(n);
	if (special) n = n.slice(0, -special[0].length) + '-' + special[0].toLowerCase();
	n = n.replace(/(.)([A-Z][a-z]+)/g, '$1-$2');
	return n.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
