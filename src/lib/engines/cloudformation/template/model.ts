// A validated template, as plain data: the declarations of each section in template order,
// ready for a stack operation to plan, resolve and store. Values keep their intrinsic functions;
// nothing here depends on parameter values.
import type { TemplateFormat } from './parse';
import type { TemplateObject, TemplateValue } from './value';

export interface ParameterDeclaration {
	key: string;
	type: string;
	/** Default as CloudFormation keeps it: text (YAML `3` is "3"). */
	default?: string;
	noEcho: boolean;
	description?: string;
	allowedValues?: string[];
	allowedPattern?: string;
	minLength?: number;
	maxLength?: number;
	minValue?: number;
	maxValue?: number;
	constraintDescription?: string;
}

export interface ConditionDeclaration {
	name: string;
	expression: TemplateValue;
}

export interface RuleDeclaration {
	name: string;
	ruleCondition?: TemplateValue;
	assertions: { assert: TemplateValue; description?: string }[];
}

export interface ResourceDeclaration {
	logicalId: string;
	type: string;
	properties?: TemplateObject;
	/** DependsOn as a list (a single string becomes a list of one). */
	dependsOn: string[];
	condition?: string;
	deletionPolicy?: TemplateValue;
	updateReplacePolicy?: TemplateValue;
	creationPolicy?: TemplateValue;
	updatePolicy?: TemplateValue;
	metadata?: TemplateValue;
}

export interface OutputDeclaration {
	key: string;
	value: TemplateValue;
	description?: string;
	/** Export.Name, unresolved. */
	exportName?: TemplateValue;
	condition?: string;
}

export interface TemplateModel {
	format: TemplateFormat;
	formatVersion?: string;
	description?: string;
	/** Transform names in declaration order (DeclaredTransforms). */
	transforms: string[];
	/** AWS::LanguageExtensions is declared: Fn::Length, Fn::ToJsonString, Fn::ForEach and friends work. */
	languageExtensions: boolean;
	metadata?: TemplateValue;
	parameters: ParameterDeclaration[];
	rules: RuleDeclaration[];
	mappings: TemplateObject;
	conditions: ConditionDeclaration[];
	resources: ResourceDeclaration[];
	outputs: OutputDeclaration[];
	/** The template's sections after Fn::ForEach expansion (what AWS calls the processed template). */
	body: TemplateObject;
	/**
	 * Fn::ForEach loops whose collection depends on a parameter without a Default: validated and
	 * expanded only once parameter values are known (planStack).
	 */
	deferredLoops: boolean;
}
