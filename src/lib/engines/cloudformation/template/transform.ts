// The Transform section: the macros CloudFormation runs over the template before anything
// else. It takes a name, a list of names, or {Name, Parameters} (how AWS::Include is declared).
// The simulator runs AWS::LanguageExtensions itself; any other transform (SAM's
// AWS::Serverless-2016-10-31, AWS::Include, account macros) it names and refuses, since running
// it would need the macro's code.
import { ValidationError } from '../errors';
import { LANGUAGE_EXTENSIONS } from './language-extensions';
import { MSG } from './messages';
import type { SourceMap } from './source-map';
import { isObject, own, type TemplateValue } from './value';

export function readTransforms(section: TemplateValue | undefined, sourceMap: SourceMap): string[] {
	if (section === undefined) return [];
	const items = Array.isArray(section) ? section : [section];
	return items.map((item, i) => {
		if (typeof item === 'string') return item;
		const name = isObject(item) ? own(item, 'Name') : undefined;
		if (typeof name === 'string') return name;
		throw new ValidationError(MSG.transformNotStringList(), { location: sourceMap.locate(Array.isArray(section) ? `/Transform/${i}` : '/Transform', 'value') });
	});
}

/** Refuses the transforms the simulator cannot run, naming them. */
export function checkTransforms(names: readonly string[], sourceMap: SourceMap): void {
	const unsupported = names.filter((n) => n !== LANGUAGE_EXTENSIONS);
	if (unsupported.length === 0) return;
	throw new ValidationError(MSG.transformNotSupported(unsupported), {
		location: sourceMap.locate('/Transform', 'value'),
		detail: unsupported.includes('AWS::Serverless-2016-10-31')
			? 'AWS::Serverless-2016-10-31 is the AWS SAM transform. On AWS it turns AWS::Serverless::* resources into plain CloudFormation; here, run `sam build` and `sam package` (or write the plain resources) and submit that template.'
			: `On AWS, CloudFormation would run the macro${unsupported.length > 1 ? 's' : ''} before processing the template.`
	});
}
