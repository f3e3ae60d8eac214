// CloudFormation's template quotas (cloudformation-limits.md, Sep 2023; cfn-facts §1).
export const LIMITS = {
	/** TemplateBody in CreateStack/UpdateStack/ValidateTemplate. */
	templateBodyBytes: 51_200,
	resources: 500,
	parameters: 200,
	outputs: 200,
	mappings: 200,
	mappingAttributes: 200,
	/** Logical IDs of resources, parameters, outputs, conditions and mappings. */
	logicalIdLength: 255,
	descriptionBytes: 1_024,
	parameterDescriptionChars: 4_000,
	parameterValueBytes: 4_096,
	/** Fn::And / Fn::Or take 2 to 10 conditions. */
	conditionOperandsMin: 2,
	conditionOperandsMax: 10,
	/** Fn::Cidr makes 1 to 256 blocks. */
	cidrCountMax: 256
} as const;

/** Logical IDs are ASCII letters and digits only. */
export const LOGICAL_ID = /^[A-Za-z0-9]+$/;
