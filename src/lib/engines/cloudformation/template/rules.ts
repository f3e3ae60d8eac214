// The Rules section: assertions over parameter values, checked before anything is created.
//   Rules: { Name: { RuleCondition?: condition, Assertions: [{ Assert: condition, AssertDescription? }] } }
import { ValidationError } from '../errors';
import { MSG } from './messages';
import type { RuleDeclaration } from './model';
import { childPointer, type SourceMap } from './source-map';
import { isObject, keysOf, own, scalarText, type TemplateValue } from './value';

export function readRules(section: TemplateValue | undefined, sourceMap: SourceMap): RuleDeclaration[] {
	if (section === undefined) return [];
	if (!isObject(section)) throw new ValidationError(MSG.sectionNotObject('Rules'), { location: sourceMap.locate('/Rules') });
	return keysOf(section).map((name) => {
		const def = section[name];
		const pointer = childPointer('/Rules', name);
		const malformed = () => new ValidationError(MSG.ruleMalformed(name), { location: sourceMap.locate(pointer) });
		if (!isObject(def)) throw malformed();
		const assertions = own(def, 'Assertions');
		if (!Array.isArray(assertions) || keysOf(def).some((k) => k !== 'Assertions' && k !== 'RuleCondition')) throw malformed();
		const rule: RuleDeclaration = {
			name,
			assertions: assertions.map((a) => {
				if (!isObject(a) || own(a, 'Assert') === undefined) throw malformed();
				const description = scalarText(own(a, 'AssertDescription'));
				return { assert: a['Assert'] as TemplateValue, ...(description !== undefined ? { description } : {}) };
			})
		};
		const ruleCondition = own(def, 'RuleCondition');
		if (ruleCondition !== undefined) rule.ruleCondition = ruleCondition;
		return rule;
	});
}
