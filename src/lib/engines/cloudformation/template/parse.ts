// Template text to template value. CloudFormation reads JSON first and YAML second (cfn-facts
// §5): a body whose first character is `{` is JSON, and only if it is not JSON is it tried as
// YAML (a YAML flow mapping also starts with `{`). Everything that goes wrong is a
// ValidationError with AWS's sentence and the line and column of the fault.
import { ValidationError } from '../errors';
import { LIMITS } from './limits';
import { MSG } from './messages';
import { JsonSyntaxError, parseJsonTemplate } from './parse-json';
import { YamlSyntaxError, parseYamlTemplate } from './parse-yaml';
import { SourceMap } from './source-map';
import { isObject, type TemplateObject, type TemplateValue } from './value';

export type TemplateFormat = 'json' | 'yaml';

export interface ParseOptions {
	/**
	 * What to do with a key given twice in one object. Default 'last-wins', because that is what
	 * AWS does, and the API path (ValidateTemplate, CreateStack, UpdateStack, CreateChangeSet) must
	 * accept what AWS accepts:
	 * - AWS's "CloudFormation template format" page: don't duplicate major sections; "Although
	 *   CloudFormation might accept the template, it will have an undefined behavior";
	 * - go-to-k/cdk-real-drift#1074 and #1133, checked against CloudFormation: validate-template
	 *   accepts a duplicated Properties key and a duplicated logical ID, and get-template-summary
	 *   returns the last value, YAML and JSON alike; aws/aws-cli#2404 and cfn-lint#35 report the same
	 *   (a duplicated resource: the last one is deployed).
	 * Each duplicate is listed in ParsedTemplate.duplicates, so the editor can still warn.
	 * 'error' refuses the template instead (cfn-lint's E0000), for a strict editor check.
	 */
	duplicateKeys?: 'error' | 'last-wins';
	/** TemplateBody's quota in bytes (default 51,200). */
	maxBodyBytes?: number;
}

/** A key given twice in one object: AWS keeps the later value; the editor shows this as a warning. */
export interface DuplicateKey {
	/** JSON pointer of the key. */
	path: string;
	line: number;
	column: number;
	/** Where the value it replaces was declared. */
	replacedLine: number;
	replacedColumn: number;
	message: string;
}

export interface ParsedTemplate {
	format: TemplateFormat;
	/** The template, objects on a null prototype. */
	template: TemplateObject;
	sourceMap: SourceMap;
	/** Keys given twice ('last-wins' only; 'error' refuses the first one). */
	duplicates: DuplicateKey[];
}

/** Nesting beyond this is refused as not well-formed (js-yaml's default is 100). */
const MAX_DEPTH = 200;

export function parseTemplate(text: string, options: ParseOptions = {}): ParsedTemplate {
	if (typeof text !== 'string' || text.length === 0) throw new ValidationError(MSG.bodyEmpty());
	const max = options.maxBodyBytes ?? LIMITS.templateBodyBytes;
	if (utf8Length(text, max) > max) {
		throw new ValidationError(MSG.bodyTooLong(text, max), {
			detail: `The template is ${utf8Length(text, Infinity)} bytes; TemplateBody takes at most ${max}. A bigger template (up to 1 MB) goes to S3 and is passed as TemplateURL.`
		});
	}
	const duplicateKeys = options.duplicateKeys ?? 'last-wins';
	const duplicates: DuplicateKey[] = [];
	// Positions come from the text alone, so any source map of it will do.
	const onDuplicate = (path: string, offset: number, replacedOffset: number) => {
		const here = sourceMap.position(offset);
		const there = sourceMap.position(replacedOffset);
		const key = path.slice(path.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
		duplicates.push({ path, line: here.line, column: here.column, replacedLine: there.line, replacedColumn: there.column, message: MSG.duplicateKeyIgnored(key, here.line, here.column, there.line, there.column) });
	};

	// The source map is filled on first use by parsing again with recording on (see SourceMap).
	const jsonMap = () => new SourceMap(text, (map) => parseJsonTemplate(text, { sourceMap: map, record: true, duplicateKeys, maxDepth: MAX_DEPTH }));
	const yamlMap = () => new SourceMap(text, (map) => parseYamlTemplate(text, { sourceMap: map, record: true, duplicateKeys, maxDepth: MAX_DEPTH }));
	let sourceMap: SourceMap;
	let value: TemplateValue | undefined;
	let format: TemplateFormat;
	if (firstSignificantChar(text) === '{') {
		format = 'json';
		sourceMap = jsonMap();
		try {
			value = parseJsonTemplate(text, { sourceMap, record: false, duplicateKeys, onDuplicate, maxDepth: MAX_DEPTH });
		} catch (e) {
			if (!(e instanceof JsonSyntaxError)) throw e;
			duplicates.length = 0;
			// Not JSON; perhaps a YAML flow mapping. If it is not YAML either, the JSON fault is the one to report.
			try {
				const map = yamlMap();
				value = parseYamlTemplate(text, { sourceMap: map, record: false, duplicateKeys, onDuplicate, maxDepth: MAX_DEPTH });
				format = 'yaml';
				sourceMap = map;
			} catch (ye) {
				if (!(ye instanceof YamlSyntaxError)) throw ye;
				const where = sourceMap.position(e.offset);
				throw new ValidationError(MSG.jsonNotWellFormed(where.line, where.column), { location: { path: '', ...where }, detail: e.reason });
			}
		}
	} else {
		format = 'yaml';
		sourceMap = yamlMap();
		try {
			value = parseYamlTemplate(text, { sourceMap, record: false, duplicateKeys, onDuplicate, maxDepth: MAX_DEPTH });
		} catch (e) {
			if (!(e instanceof YamlSyntaxError)) throw e;
			const where = e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : sourceMap.position(e.offset);
			throw new ValidationError(MSG.yamlNotWellFormed(where.line, where.column), { location: { path: '', ...where }, detail: e.reason });
		}
	}
	if (!isObject(value)) {
		throw new ValidationError(MSG.unsupportedStructure(), {
			location: { path: '', line: 1, column: 1 },
			detail: 'A template is a mapping of sections (Resources, Parameters, ...). This text is ' + describeRoot(value) + '.'
		});
	}
	return { format, template: value, sourceMap, duplicates };
}

function firstSignificantChar(text: string): string {
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		// A byte order mark (editors on Windows add one) is not part of the template.
		if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '\ufeff') return c ?? '';
	}
	return '';
}

function describeRoot(v: TemplateValue | undefined): string {
	if (v === undefined || v === null) return 'empty';
	if (Array.isArray(v)) return 'a list';
	return `a single value (${JSON.stringify(v).slice(0, 40)})`;
}

/** UTF-8 length, stopping early once past `stopAfter`. */
export function utf8Length(text: string, stopAfter: number): number {
	// Three bytes a UTF-16 unit at most: a short text cannot exceed, and its length is a lower bound.
	if (Number.isFinite(stopAfter) && text.length * 3 <= stopAfter) return text.length;
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			bytes += 4;
			i++;
		} else bytes += 3;
		if (bytes > stopAfter) return bytes;
	}
	return bytes;
}
