// The Mappings section: Map → TopLevelKey → SecondLevelKey → value. Everything in it is
// literal (no functions, parameters or pseudo parameters). Map names and second-level keys are
// alphanumeric; top-level keys may hold other characters (`us-east-1`), cfn-facts §1.
import { ValidationError } from '../errors';
import { LIMITS, LOGICAL_ID } from './limits';
import { MSG } from './messages';
import { childPointer, type SourceMap } from './source-map';
import { isObject, keysOf, newObject, type TemplateObject, type TemplateValue } from './value';

export function readMappings(section: TemplateValue | undefined, sourceMap: SourceMap): TemplateObject {
	if (section === undefined) return newObject();
	if (!isObject(section)) throw new ValidationError(MSG.sectionNotObject('Mappings'), { location: sourceMap.locate('/Mappings') });
	const names = keysOf(section);
	if (names.length > LIMITS.mappings) throw new ValidationError(MSG.tooManyMappings(LIMITS.mappings), { location: sourceMap.locate('/Mappings') });
	for (const name of names) {
		const pointer = childPointer('/Mappings', name);
		if (!LOGICAL_ID.test(name)) throw new ValidationError(MSG.nameNotAlphanumeric('Mapping', name), { location: sourceMap.locate(pointer) });
		if (name.length > LIMITS.logicalIdLength) throw new ValidationError(MSG.logicalIdTooLong('Mapping', name, LIMITS.logicalIdLength), { location: sourceMap.locate(pointer) });
		const map = section[name];
		if (!isObject(map)) throw new ValidationError(MSG.mappingNotMap(name), { location: sourceMap.locate(pointer) });
		for (const topKey of keysOf(map)) {
			const topPointer = childPointer(pointer, topKey);
			const attributes = map[topKey];
			if (!isObject(attributes)) throw new ValidationError(MSG.mappingNotMap(topKey), { location: sourceMap.locate(topPointer) });
			const attributeNames = keysOf(attributes);
			if (attributeNames.length > LIMITS.mappingAttributes) throw new ValidationError(MSG.tooManyMappingAttributes(topKey, LIMITS.mappingAttributes), { location: sourceMap.locate(topPointer) });
			for (const attribute of attributeNames) {
				const attributePointer = childPointer(topPointer, attribute);
				if (!LOGICAL_ID.test(attribute)) {
					throw new ValidationError(MSG.mappingAttributeName(attribute), {
						location: sourceMap.locate(attributePointer),
						detail: 'Second-level keys of a mapping are letters and digits only (the top-level keys may be Region names such as us-east-1).'
					});
				}
				const value = attributes[attribute];
				if (isObject(value) || value === null) throw new ValidationError(MSG.mappingValue(), { location: sourceMap.locate(attributePointer, 'value') });
			}
		}
	}
	return section;
}
