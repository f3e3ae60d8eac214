// The Resources section's structure: each entry an object with a Type, only the documented
// attributes, alphanumeric logical IDs, and attribute values of the right shape. Property
// values are not checked here: that is the resource provider's job at stack creation.
import { ValidationError } from '../errors';
import { isCustomResourceType } from './catalog';
import { asFunctionCall } from './functions';
import { LIMITS, LOGICAL_ID } from './limits';
import { MSG } from './messages';
import type { ResourceDeclaration } from './model';
import { childPointer, type SourceMap } from './source-map';
import { isObject, keysOf, own, type TemplateValue } from './value';

export const RESOURCE_ATTRIBUTES: ReadonlySet<string> = new Set([
	'Type',
	'Properties',
	'DependsOn',
	'Condition',
	'DeletionPolicy',
	'UpdateReplacePolicy',
	'CreationPolicy',
	'UpdatePolicy',
	'Metadata'
]);

const DELETION_POLICIES = new Set(['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot']);
const UPDATE_REPLACE_POLICIES = new Set(['Delete', 'Retain', 'Snapshot']);

/** `loopsPending`: an Fn::ForEach waits for parameter values, so Resources may look empty for now. */
export function readResources(section: TemplateValue | undefined, sourceMap: SourceMap, loopsPending = false): ResourceDeclaration[] {
	if (section !== undefined && section !== null && !isObject(section)) throw new ValidationError(MSG.sectionNotObject('Resources'), { location: sourceMap.locate('/Resources') });
	const ids = isObject(section) ? keysOf(section) : [];
	if (ids.length === 0 && !loopsPending) {
		throw new ValidationError(MSG.noResources(), {
			location: sourceMap.locate(section === undefined ? '' : '/Resources'),
			detail: 'Every template declares at least one resource in its Resources section.'
		});
	}
	if (ids.length > LIMITS.resources) throw new ValidationError(MSG.tooManyResources(ids.length, LIMITS.resources), { location: sourceMap.locate('/Resources') });
	const entries = section as Record<string, TemplateValue>;
	return ids.map((logicalId) => readResource(logicalId, entries[logicalId] as TemplateValue, sourceMap));
}

function readResource(logicalId: string, def: TemplateValue, sourceMap: SourceMap): ResourceDeclaration {
	const pointer = childPointer('/Resources', logicalId);
	const where = (p = pointer, prefer: 'key' | 'value' = 'key') => ({ location: sourceMap.locate(p, prefer) });
	if (!isObject(def)) throw new ValidationError(MSG.resourceMalformed(pointer), { ...where(), detail: `${logicalId} must be an object with a Type (and usually Properties).` });
	if (!LOGICAL_ID.test(logicalId)) throw new ValidationError(MSG.nameNotAlphanumeric('Resource', logicalId), { ...where(), detail: 'Logical IDs are letters and digits only: no dots, dashes or underscores.' });
	if (logicalId.length > LIMITS.logicalIdLength) throw new ValidationError(MSG.logicalIdTooLong('Resource', logicalId, LIMITS.logicalIdLength), where());
	const custom = isCustomResourceType(typeof def['Type'] === 'string' ? def['Type'] : '');
	for (const key of keysOf(def)) {
		// Custom resources may carry the legacy `Version` attribute ("1.0") of the old custom-resource docs.
		if (!RESOURCE_ATTRIBUTES.has(key) && !(custom && key === 'Version')) {
			throw new ValidationError(MSG.invalidResourceProperty(key), {
				...where(childPointer(pointer, key)),
				detail: `${key} is not a resource attribute (Type, Properties, DependsOn, Condition, DeletionPolicy, UpdateReplacePolicy, CreationPolicy, UpdatePolicy, Metadata). Is it a property that belongs under Properties, or indented one level too far out?`
			});
		}
	}
	const type = own(def, 'Type');
	if (type === undefined || type === null) throw new ValidationError(MSG.resourceNeedsType(pointer), where());
	if (typeof type !== 'string') throw new ValidationError(MSG.resourceNeedsType(pointer), { ...where(childPointer(pointer, 'Type'), 'value'), detail: 'Type must be a literal string such as AWS::S3::Bucket.' });
	const out: ResourceDeclaration = { logicalId, type, dependsOn: [] };
	const properties = own(def, 'Properties');
	if (properties !== undefined) {
		if (!isObject(properties)) throw new ValidationError(MSG.resourceMalformed(childPointer(pointer, 'Properties')), { ...where(childPointer(pointer, 'Properties'), 'value'), detail: 'Properties must be an object.' });
		out.properties = properties;
	}
	const dependsOn = own(def, 'DependsOn');
	if (dependsOn !== undefined) {
		if (typeof dependsOn === 'string') out.dependsOn = [dependsOn];
		else if (Array.isArray(dependsOn)) {
			out.dependsOn = dependsOn.map((d, i) => {
				if (typeof d !== 'string') throw new ValidationError(MSG.dependsOnNotString(), where(childPointer(childPointer(pointer, 'DependsOn'), i), 'value'));
				return d;
			});
		} else throw new ValidationError(MSG.dependsOnShape(), where(childPointer(pointer, 'DependsOn'), 'value'));
	}
	const condition = own(def, 'Condition');
	if (condition !== undefined) {
		if (typeof condition !== 'string') throw new ValidationError(MSG.conditionMemberNotString(), where(childPointer(pointer, 'Condition'), 'value'));
		out.condition = condition;
	}
	for (const attribute of ['DeletionPolicy', 'UpdateReplacePolicy', 'CreationPolicy', 'UpdatePolicy', 'Metadata'] as const) {
		const v = own(def, attribute);
		if (v === undefined) continue;
		if (attribute === 'DeletionPolicy') out.deletionPolicy = v;
		else if (attribute === 'UpdateReplacePolicy') out.updateReplacePolicy = v;
		else if (attribute === 'CreationPolicy') out.creationPolicy = v;
		else if (attribute === 'UpdatePolicy') out.updatePolicy = v;
		else out.metadata = v;
	}
	return out;
}

/**
 * DeletionPolicy and UpdateReplacePolicy: a literal from the documented set, or (with
 * AWS::LanguageExtensions only) Ref, Fn::FindInMap or Fn::If that yields one.
 */
export function checkPolicies(
	resource: ResourceDeclaration,
	languageExtensions: boolean,
	sourceMap: SourceMap,
	supportsSnapshot?: (type: string) => boolean
): void {
	const pointer = childPointer('/Resources', resource.logicalId);
	const check = (attribute: 'DeletionPolicy' | 'UpdateReplacePolicy', value: TemplateValue | undefined, allowed: ReadonlySet<string>) => {
		if (value === undefined) return;
		// Located only on failure: locating fills the source map, a second parse.
		const at = () => ({ location: sourceMap.locate(childPointer(pointer, attribute), 'value') });
		if (typeof value === 'string') {
			if (!allowed.has(value)) {
				throw new ValidationError(MSG.unrecognizedPolicy(attribute, value, resource.logicalId), {
					...at(),
					detail: `${attribute} is one of ${[...allowed].join(', ')}.`
				});
			}
			if (value === 'Snapshot' && supportsSnapshot && !supportsSnapshot(resource.type)) throw new ValidationError(MSG.snapshotNotSupported(resource.type), at());
			return;
		}
		const call = asFunctionCall(value);
		if (languageExtensions && call && ['Ref', 'Fn::FindInMap', 'Fn::If'].includes(call.name)) return;
		throw new ValidationError(MSG.policyNotString(attribute, resource.logicalId), at());
	};
	check('DeletionPolicy', resource.deletionPolicy, DELETION_POLICIES);
	check('UpdateReplacePolicy', resource.updateReplacePolicy, UPDATE_REPLACE_POLICIES);
}
