// The short-form intrinsic function tags, as monaco-yaml's `customTags` wants them ("!Tag kind"):
// without these every `!Ref` is a YAML error. A tag that takes more than one node kind is listed
// once per kind.
export const CLOUDFORMATION_YAML_TAGS: readonly string[] = [
	'!Ref scalar',
	'!Condition scalar',
	'!Base64 scalar',
	'!Base64 mapping',
	'!Cidr sequence',
	'!Equals sequence',
	'!And sequence',
	'!Or sequence',
	'!Not sequence',
	'!If sequence',
	'!FindInMap sequence',
	'!GetAtt scalar',
	'!GetAtt sequence',
	'!GetAZs scalar',
	'!GetAZs mapping',
	'!ImportValue scalar',
	'!ImportValue mapping',
	'!Join sequence',
	'!Select sequence',
	'!Split sequence',
	'!Sub scalar',
	'!Sub sequence',
	'!Transform mapping',
	'!Contains sequence',
	'!EachMemberEquals sequence',
	'!EachMemberIn sequence',
	'!ValueOf sequence',
	'!ValueOfAll sequence',
	'!RefAll scalar'
];
