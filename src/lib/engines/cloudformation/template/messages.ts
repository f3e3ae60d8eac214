// Every sentence the template layer answers with, in one place, each with where it comes from.
//
// Sources, strongest first:
//   [KC]   AWS knowledge-center article "How do I resolve template validation or template
//          format errors in CloudFormation?" (quotes the sentences it explains).
//   [AWS]  the sentence quoted verbatim from a real CloudFormation response in a public issue,
//          blog or changelog (named in the comment).
//   [FACTS] ../shared/cfn-facts.md §5 (itself compiled from issue threads).
//   [EUCA] Eucalyptus's CloudFormation clone (eucalyptus/eucalyptus, TemplateParser.java and
//          IntrinsicFunctions.java, 2014-2017), written to answer as AWS did then. Wording that
//          rests on it alone is marked "unverified" below.
//   [SIM]  this simulator's own wording, where AWS behaves differently or says nothing known.
const FORMAT = 'Template format error: ';
const TEMPLATE = 'Template error: ';

const list = (names: readonly string[]) => `[${names.join(', ')}]`;
const at = (pointer: string) => `[${pointer}] `;

export const MSG = {
	// --- the request -------------------------------------------------------------------------
	/** [AWS] mbailey/bash-my-aws#100, mapbox/cfn-config#16: the whole body is echoed. */
	bodyTooLong: (body: string, max: number) =>
		`1 validation error detected: Value '${body}' at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
	/** Unverified: the API model's min length 1, in AWS's usual constraint sentence. */
	bodyEmpty: () => "1 validation error detected: Value '' at 'templateBody' failed to satisfy constraint: Member must have length greater than or equal to 1",

	// --- parsing -----------------------------------------------------------------------------
	/** [KC] and many issue threads (e.g. Netflix/metaflow-tools#31). */
	yamlNotWellFormed: (line: number, column: number) => `${FORMAT}YAML not well-formed. (line ${line}, column ${column})`,
	/** [KC] and issue threads (e.g. "(line 11, column 8)"). */
	jsonNotWellFormed: (line: number, column: number) => `${FORMAT}JSON not well-formed. (line ${line}, column ${column})`,
	/** [AWS] the answer to a body that is not a mapping (e.g. `--template-body t.yaml` without file://). */
	unsupportedStructure: () => `${FORMAT}unsupported structure.`,
	/**
	 * [SIM] AWS accepts a duplicated key and its behaviour is then undefined (AWS docs, "Template
	 * format": "CloudFormation might accept the template ... undefined behavior"; verified last-wins
	 * in go-to-k/cdk-real-drift#1074, aws-cloudformation/cfn-language-discussion#96). The API path
	 * accepts it as AWS does (parse.ts); this refusal is for a strict editor check
	 * (duplicateKeys: 'error'), as cfn-lint refuses it.
	 */
	duplicateKey: (key: string, line: number, column: number, firstLine: number, firstColumn: number) =>
		`${FORMAT}Duplicate key '${key}' (line ${line}, column ${column}); it was already declared at line ${firstLine}, column ${firstColumn}`,
	/** [SIM] The editor's warning for a duplicated key that AWS accepts (the later value wins). */
	duplicateKeyIgnored: (key: string, line: number, column: number, firstLine: number, firstColumn: number) =>
		`Duplicate key '${key}' (line ${line}, column ${column}): CloudFormation keeps this value and ignores the one at line ${firstLine}, column ${firstColumn}`,
	/** [AWS] quoted in a user's notes: "[/…/StringEquals] map keys must be strings; received a map instead". */
	mapKeysMustBeStrings: (pointer: string, received: string) => `${FORMAT}${at(pointer)}map keys must be strings; received ${received} instead`,
	/** [AWS] LocalStack snapshot and users' notes: "[/Resources/Database/Properties/MasterUserPassword] 'null' values are not allowed in templates". */
	nullValue: (pointer: string) => `${FORMAT}${at(pointer)}'null' values are not allowed in templates`,

	// --- top level ---------------------------------------------------------------------------
	/** [AWS] quoted by a CDK/Amplify user. */
	formatVersion: () => `${FORMAT}unsupported value for AWSTemplateFormatVersion.`,
	/** Unverified ([EUCA] style "Every … member must be a string."). */
	descriptionNotString: () => `${FORMAT}Every Description member must be a string.`,
	/** Unverified: [EUCA]. */
	descriptionTooLong: (max: number) => `${FORMAT}Description must be no longer than ${max} bytes`,
	/** [KC] */
	invalidTemplateProperties: (keys: readonly string[]) => `${FORMAT}Invalid template property or properties ${list(keys)}`,
	/** [KC] */
	noResources: () => `${FORMAT}At least one Resources member must be defined.`,
	/** [AWS] 2016 (serverless/serverless#1443). */
	sectionNotObject: (section: string) => `${FORMAT}Every ${section} member must be an object.`,

	// --- Transform ---------------------------------------------------------------------------
	/** [SIM] The simulator runs only AWS::LanguageExtensions; AWS would run the macro. */
	transformNotSupported: (names: readonly string[]) =>
		`${FORMAT}Transform ${list(names)} is not supported by this simulator. It runs AWS::LanguageExtensions only; expand other transforms (sam build, aws cloudformation package) and submit the processed template.`,
	/** Unverified: wording of the transform declaration rule from the docs. */
	transformNotStringList: () => `${FORMAT}Transform must be a string or a list of strings.`,
	/** [SIM] AWS::LanguageExtensions used in a template that does not declare it, for Fn::ForEach outside Resources. */
	languageExtensionsFailed: (message: string) => `Transform AWS::LanguageExtensions failed with: ${message}`,

	// --- Parameters --------------------------------------------------------------------------
	/** [AWS] quoted in a troubleshooting guide; same form as the Resources sentence. */
	parameterNeedsType: (pointer: string) => `${FORMAT}${at(pointer)}Every Parameters object must contain a Type member.`,
	/** [KC] "Unrecognized parameter type: XXXXXXXX". */
	unrecognizedParameterType: (type: string) => `${FORMAT}Unrecognized parameter type: ${type}`,
	/** [KC] "Invalid template parameter property 'XXXXXXXX'". */
	invalidParameterProperty: (key: string) => `Invalid template parameter property '${key}'`,
	/** Unverified: [EUCA]. */
	parameterNotObject: () => `${FORMAT}Any Parameters member must be a JSON object.`,
	/** Unverified ("Every Default member must be a string." family). */
	parameterMemberMustBeString: (member: string) => `${FORMAT}Every ${member} member must be a string.`,
	/** Unverified: [EUCA]. */
	allowedValuesMustBeList: () => `${FORMAT}Every AllowedValues member must be a list.`,
	/** Unverified: [EUCA] "Template error: Parameter 'X' MinLength must be on a parameter of type String". */
	parameterConstraintWrongType: (name: string, member: string, type: string) => `${TEMPLATE}Parameter '${name}' ${member} must be on a parameter of type ${type}`,
	/** Unverified: [EUCA]. */
	parameterNumberMember: (name: string, member: string) => `${TEMPLATE}Parameter '${name}' ${member} must be a number`,
	/** Unverified: [EUCA]. */
	parameterMinMax: (name: string, min: string, max: string) => `${TEMPLATE}Parameter '${name}' ${min} must be less than ${max}.`,
	/** Unverified: [EUCA]. */
	allowedPatternInvalid: (name: string) => `Parameter '${name}' AllowedPattern must be a valid regular expression.`,
	/** Unverified: [EUCA]. */
	tooManyParameters: (max: number) => `${FORMAT}Too many parameters in the template.  Max of ${max} allowed.`,

	// parameter values (CreateStack / UpdateStack / CreateChangeSet, not ValidateTemplate)
	/** [FACTS] §5 */
	parametersMustHaveValues: (names: readonly string[]) => `Parameters: ${list(names)} must have values`,
	/** Unverified: [EUCA]. */
	parametersDoNotExist: (names: readonly string[]) => `Parameters: ${list(names)} do not exist in the template`,
	/** [FACTS] §5 */
	parameterNotAllowedValue: (name: string) => `Parameter '${name}' must be one of AllowedValues`,
	/** [FACTS] §5 */
	parameterPattern: (name: string, pattern: string) => `Parameter '${name}' must match pattern ${pattern}`,
	/** [FACTS] §5: ConstraintDescription replaces the reason. */
	parameterConstraint: (name: string, description: string) => `Parameter '${name}' failed to satisfy constraint: ${description}`,
	/** Unverified: [EUCA] minus its "Template error:" prefix, to match the two sentences above. */
	parameterMinLength: (name: string, min: number) => `Parameter '${name}' must contain at least ${min} characters`,
	parameterMaxLength: (name: string, max: number) => `Parameter '${name}' must contain at most ${max} characters`,
	parameterNotNumber: (name: string) => `Parameter '${name}' must be a number`,
	parameterMinValue: (name: string, min: number) => `Parameter '${name}' must be a number not less than ${min}`,
	parameterMaxValue: (name: string, max: number) => `Parameter '${name}' must be a number not greater than ${max}`,
	/** [EUCA] */
	parameterValueTooLong: (name: string, max: number) => `Parameter ${name} exceeds the maximum parameter value length of ${max} bytes.`,

	// --- Mappings ----------------------------------------------------------------------------
	/** [FACTS] §1, aws/aws-cdk#16866. */
	mappingAttributeName: (name: string) => `${FORMAT}Mappings attribute name '${name}' must contain only alphanumeric characters.`,
	/** Unverified: [EUCA]. */
	mappingNotMap: (name: string) => `${FORMAT}Every Mappings member ${name} must be a map`,
	/** Unverified: [EUCA]. */
	mappingValue: () => `${FORMAT}Every Mappings attribute must be a String or a List.`,
	/** Unverified: [EUCA]. */
	tooManyMappings: (max: number) => `${FORMAT}Mappings exceed maximum allowed of ${max} mappings per template`,
	/** Unverified: [EUCA]. */
	tooManyMappingAttributes: (key: string, max: number) => `${FORMAT}Mapping with key ${key} has more than ${max}, the max allowed.`,

	// --- Conditions --------------------------------------------------------------------------
	/** [FACTS] §5, aws-cloudformation/cfn-lint#99 quoting CreateStack. */
	conditionReferencesResource: (names: readonly string[]) =>
		`${FORMAT}Unresolved dependencies ${list(names)}. Cannot reference resources in the Conditions block of the template`,
	/** Unverified: [EUCA]. */
	unresolvedConditionDependencies: (names: readonly string[]) => `${FORMAT}Unresolved condition dependencies ${list(names)} in the Conditions block of the template`,
	/** [SIM] modelled on the resources' circular-dependency sentence. */
	circularConditions: (names: readonly string[]) => `${FORMAT}Circular dependency between conditions: ${list(names)}`,
	/** [KC] "Every Condition member must be a string". */
	conditionMemberNotString: () => `${FORMAT}Every Condition member must be a string.`,
	/** [AWS] aws-cloudformation/cfn-lint#92 quoting CreateStack. */
	conditionNotDefined: (name: string) => `${FORMAT}Condition ${name} is not defined.`,
	/** [FACTS] §5 "commonly" + a user's notes quoting it. */
	unresolvedConditionInIf: (name: string) => `${TEMPLATE}unresolved condition dependency ${name} in Fn::If`,
	/** Unverified: [EUCA]. */
	conditionNotBoolean: (name: string) => `${FORMAT}Condition ${name} must be a condition function (Fn::And, Fn::Equals, Fn::If, Fn::Not, Fn::Or or Condition).`,

	// --- Resources ---------------------------------------------------------------------------
	/** [AWS] validate-template output quoted in two blogs (ja, ko). */
	resourceNeedsType: (pointer: string) => `${FORMAT}${at(pointer)}Every Resources object must contain a Type member.`,
	/** [AWS] AWS workshop text; measured by MiniStack. */
	resourceMalformed: (pointer: string) => `${FORMAT}${at(pointer)}resource definition is malformed`,
	/** [AWS] many users (UpdateStack, console). */
	invalidResourceProperty: (key: string) => `Invalid template resource property '${key}'`,
	/** [KC] and aws/aws-cli#7226. */
	unrecognizedResourceTypes: (types: readonly string[]) => `${FORMAT}Unrecognized resource types: ${list(types)}`,
	/** [AWS] quoted in a changelog (UpdateStack) for resources; the same form for the other sections is unverified. */
	nameNotAlphanumeric: (kind: 'Resource' | 'Parameter' | 'Output' | 'Mapping', name: string) => `${FORMAT}${kind} name ${name} is non alphanumeric.`,
	/** Unverified: [EUCA]. */
	logicalIdTooLong: (kind: string, name: string, max: number) => `${FORMAT}${kind} name ${name} exceeds the maximum ${kind.toLowerCase()} name length of ${max} characters.`,
	/** Unverified: [EUCA]. */
	namesNotUnique: (names: readonly string[]) => `${TEMPLATE}all resources and parameters must have unique names. Common name(s):${list(names)}`,
	/** [AWS] old quota message ("Number of resources, 237, is greater than maximum allowed, 200"). */
	tooManyResources: (count: number, max: number) => `${FORMAT}Number of resources, ${count}, is greater than maximum allowed, ${max}`,
	/** [KC], [FACTS] §5. */
	unresolvedResourceDependencies: (names: readonly string[], block: 'Resources' | 'Outputs') =>
		`${FORMAT}Unresolved resource dependencies ${list(names)} in the ${block} block of the template`,
	/** [EUCA] */
	dependsOnNotString: () => `${FORMAT}Every DependsOn value must be a string.`,
	/** [EUCA] */
	dependsOnShape: () => `${FORMAT}DependsOn must be a string or list of strings.`,
	/** [AWS] aws/serverless-application-model#1044 and others; order of names not specified by AWS. */
	circularResources: (names: readonly string[]) => `Circular dependency between resources: ${list(names)}`,
	/** [EUCA] */
	unrecognizedPolicy: (attribute: 'DeletionPolicy' | 'UpdateReplacePolicy', value: string, resource: string) =>
		`${FORMAT}Unrecognized ${attribute} ${value} for resource ${resource}`,
	/** Unverified: wording modelled on [EUCA]'s DeletionPolicy sentence. */
	policyNotString: (attribute: string, resource: string) => `${FORMAT}${attribute} for resource ${resource} must be a string. Intrinsic functions need the AWS::LanguageExtensions transform.`,
	/** [EUCA] */
	snapshotNotSupported: (type: string) => `${TEMPLATE}resource type ${type} does not support deletion policy Snapshot`,

	// --- Outputs -----------------------------------------------------------------------------
	/** LocalStack's snapshot wording ([EUCA] has it without the prefix). */
	outputNeedsValue: () => `${FORMAT}Every Outputs member must contain a Value object`,
	/** [AWS] quoted in a changelog (CreateChangeSet). */
	exportNameMalformed: (output: string) =>
		`${FORMAT}Output ${output} is malformed. The Name field of every Export member must be specified and consist only of alphanumeric characters, colons, or hyphens.`,
	/** Unverified: [EUCA]. */
	invalidOutputProperty: (keys: readonly string[]) => `${FORMAT}Invalid output property or properties ${list(keys)}`,
	/** Unverified: [EUCA]. */
	outputValueNotString: (shape: 'List' | 'Map') => `${FORMAT}The Value field of every Outputs member must evaluate to a String and not a ${shape}.`,
	/** Unverified: [EUCA]. */
	tooManyOutputs: (max: number) => `${FORMAT}Stack exceeds the maximum allowed number of outputs.(${max})`,

	// --- Rules -------------------------------------------------------------------------------
	/** [SIM] */
	ruleMalformed: (name: string) => `${FORMAT}Rule ${name} must be an object with an Assertions list of {Assert, AssertDescription} objects.`,
	/** [SIM] AWS answers with the assertion's AssertDescription; this is the sentence when it has none. */
	ruleFailed: (name: string) => `${TEMPLATE}Assertion in rule ${name} failed for the parameter values given`,

	// --- intrinsic functions ----------------------------------------------------------------
	/** [AWS] full sentence quoted from a serverless deploy (2020s); the list is AWS's. */
	unsupportedFunction: (name: string, supported: readonly string[]) => `Template Error: Encountered unsupported function: ${name} Supported functions are: ${list(supported)}`,
	/** Unverified: [EUCA]. */
	refNotString: () => `${TEMPLATE}All References must be of type string`,
	/** [FACTS] §2 */
	getAttArgs: () => `${TEMPLATE}every Fn::GetAtt object requires two non-empty parameters, the resource name and the resource attribute`,
	/** [FACTS] §5 */
	getAttUndefinedResource: (name: string) => `${TEMPLATE}instance of Fn::GetAtt references undefined resource ${name}`,
	/** [FACTS] §5 */
	getAttUnsupportedAttribute: (resource: string, attribute: string) => `${TEMPLATE}resource ${resource} does not support attribute type ${attribute} in Fn::GetAtt`,
	/** [AWS] LocalStack's AWS-validated test notes. */
	subArgs: () =>
		`${TEMPLATE}One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string`,
	/** [AWS] several users' ValidateTemplate output. */
	subVariableName: () => `${TEMPLATE}variable names in Fn::Sub syntax must contain only alphanumeric characters, underscores, periods, and colons`,
	/** [SIM] */
	subVariableNotString: (name: string) => `${TEMPLATE}variable ${name} in Fn::Sub expression does not resolve to a string`,
	/** Unverified: [EUCA]. */
	joinArgs: () =>
		`${TEMPLATE}every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.`,
	/** Unverified, by analogy with Fn::Join. */
	splitArgs: () => `${TEMPLATE}every Fn::Split object requires two parameters, (1) a string delimiter and (2) a string to be split or a function that returns a string to be split.`,
	/** Unverified: [EUCA]. */
	selectIndex: () => `${TEMPLATE}Fn::Select requires a list argument with a valid index value as its first element`,
	/** Unverified: [EUCA]. */
	selectArgs: () => `${TEMPLATE}Fn::Select requires a list argument with two elements: an integer index and a list`,
	/** [FACTS] §2 */
	selectOutOfRange: (index: number) => `${TEMPLATE}Fn::Select cannot select nonexistent value at index ${index}`,
	/** [FACTS] §2 */
	findInMapArgs: () => `${TEMPLATE}every Fn::FindInMap object requires three parameters, the map name, map key and the attribute for return value`,
	/** [EUCA]; also quoted by users. */
	mappingNotPresent: (name: string) => `${TEMPLATE}Mapping named '${name}' is not present in the 'Mappings' section of template`,
	/** [EUCA] */
	mappingKeyMissing: (map: string, key: string, attribute: string) => `${TEMPLATE}Unable to get mapping for ${map}::${key}::${attribute}`,
	/** Unverified: [EUCA]. */
	base64Arg: () => `${TEMPLATE}every Fn::Base64 object must have a String-typed value.`,
	/** Unverified: [EUCA]. */
	getAzsArg: () => `${TEMPLATE}every Fn::GetAZs object must have a String-typed value.`,
	/** [FACTS] §5 (moto's copy). */
	importValueMissing: (name: string) => `No export named ${name} found.`,
	/** [SIM] */
	importValueArg: () => `${TEMPLATE}every Fn::ImportValue object must have a String-typed value.`,
	/** [SIM] */
	importValueDependsOnResource: (names: readonly string[]) => `${TEMPLATE}Fn::ImportValue cannot depend on resources: ${list(names)}`,
	/** [SIM] */
	cidrArgs: () => `${TEMPLATE}Fn::Cidr requires a list of three parameters: an IP address block in CIDR notation, a count (1-256) and the number of subnet bits`,
	/** [SIM] */
	cidrTooMany: (count: number, block: string, bits: number) => `${TEMPLATE}Fn::Cidr cannot make ${count} subnets with ${bits} host bits from ${block}`,
	/** [FACTS] §2, cfn-lint#316 */
	ifFirstElement: () => `${TEMPLATE}Fn::If requires a list argument with the first element being a condition`,
	/** Unverified: [EUCA]. */
	ifThreeElements: () => `${TEMPLATE}Fn::If requires a list argument with three elements`,
	/** Unverified: [EUCA]. */
	equalsArgs: () => `${TEMPLATE}Fn::Equals requires a list argument with two elements`,
	/** Unverified: [EUCA]. */
	andOrArgs: (fn: 'Fn::And' | 'Fn::Or') => `${TEMPLATE}every ${fn} object requires a list of at least 2 and at most 10 boolean parameters.`,
	/** Unverified: [EUCA]. */
	notArgs: () => `${TEMPLATE}Fn::Not requires a list argument with one element`,
	/** Unverified: [EUCA]. */
	conditionArg: () => `${TEMPLATE}All Conditions must be of type string`,
	/** [SIM] */
	lengthArg: () => `${TEMPLATE}Fn::Length requires a list or a function that returns a list`,
	/** [SIM] */
	noValueOutsideProperty: () => `${TEMPLATE}AWS::NoValue can only remove a property or a list element`,
	/** [SIM] */
	transformFunction: () => `${TEMPLATE}Fn::Transform runs a macro, which this simulator does not run. Expand the template first.`,
	/** [SIM] a Ref or GetAtt whose resource was not created (or was removed by its condition). */
	resourceNotReady: (name: string) => `${TEMPLATE}reference ${name} not ready`
} as const;
