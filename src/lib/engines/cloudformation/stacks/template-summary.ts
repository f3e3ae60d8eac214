// GetTemplateSummary: what a template (given, or a stack's) declares, for a console's "create
// stack" form: parameters with their constraints, capabilities, resource types, and for each type
// with a registry schema the properties that identify its resources.
import type { GetTemplateSummaryOutput, ParameterDeclaration as SdkParameterDeclaration } from '@aws-sdk/client-cloudformation';
import { ValidationError } from '../errors';
import { RESOURCE_CATALOG } from '../resources';
import { validateTemplate } from '../template';
import { obj, requireStack, str, type CloudFormationContext } from './context';
import { MESSAGES } from './reasons';
import { cachedSchema } from './schemas';

export function getTemplateSummary(ctx: CloudFormationContext, raw: unknown): GetTemplateSummaryOutput {
	const input = obj(raw);
	const stackName = str(input['StackName']);
	const body = str(input['TemplateBody']);
	if (str(input['TemplateURL']) !== undefined) throw new ValidationError(MESSAGES.templateUrlNotSupported);
	if ((stackName === undefined) === (body === undefined)) throw new ValidationError('Exactly one of TemplateBody, TemplateURL or StackName must be specified.');
	const text = body ?? requireStack(ctx, stackName).templateBody;
	const { model, capabilities } = validateTemplate(text, RESOURCE_CATALOG);
	const types = [...new Set(model.resources.map((r) => r.type))];
	const parameters: SdkParameterDeclaration[] = model.parameters.map((p) => ({
		ParameterKey: p.key,
		...(p.default !== undefined ? { DefaultValue: p.default } : {}),
		ParameterType: p.type,
		NoEcho: p.noEcho,
		...(p.description !== undefined ? { Description: p.description } : {}),
		ParameterConstraints: p.allowedValues !== undefined ? { AllowedValues: [...p.allowedValues] } : {}
	}));
	const identifiers = types.flatMap((type) => {
		const schema = cachedSchema(type);
		if (!schema) return [];
		return [{ ResourceType: type, LogicalResourceIds: model.resources.filter((r) => r.type === type).map((r) => r.logicalId), ResourceIdentifiers: schema.primaryIdentifier.map((p) => p.replace(/^\/properties\//, '')) }];
	});
	return {
		Parameters: parameters,
		...(model.description !== undefined ? { Description: model.description } : {}),
		...(capabilities.capabilities.length > 0 ? { Capabilities: capabilities.capabilities } : {}),
		...(capabilities.reason !== undefined ? { CapabilitiesReason: capabilities.reason } : {}),
		ResourceTypes: types,
		Version: model.formatVersion ?? '2010-09-09',
		...(model.metadata !== undefined ? { Metadata: JSON.stringify(model.metadata) } : {}),
		...(model.transforms.length > 0 ? { DeclaredTransforms: [...model.transforms] } : {}),
		...(identifiers.length > 0 ? { ResourceIdentifierSummaries: identifiers } : {})
	};
}
