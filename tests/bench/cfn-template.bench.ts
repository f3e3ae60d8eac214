// The template layer on a 500-resource template (the per-template quota), against js-yaml's
// plain load of the same text. Goal: parse + validate + plan under 50 ms, within 3x of js-yaml.
// The text is ~110 kB, over TemplateBody's 51,200 bytes, so it is read with TemplateURL's quota.
import { bench, describe } from 'vitest';
import { dump, load } from 'js-yaml';
import { RESOURCE_CATALOG } from '../../src/lib/engines/cloudformation/resources';
import { parseTemplate, planStack, validateParsedTemplate, validateTemplate } from '../../src/lib/engines/cloudformation/template';
import { benchTemplate } from './cfn-template-fixture';

const RESOURCES = 500;
const template = benchTemplate(RESOURCES);
const yamlText = dump(template, { noRefs: true, lineWidth: -1 });
const jsonText = JSON.stringify(template, null, 2);
const options = { maxBodyBytes: 1_048_576 };
/** More samples than the default half second: one run takes tens of milliseconds, and GC pauses vary. */
const opts = { time: 3000, warmupIterations: 5 };
const identity = { accountId: '123456789012', region: 'us-east-1', stackName: 'bench', stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/bench/1' };

// Sanity (fails loudly rather than benchmarking an error path).
const plan = planStack(validateTemplate(yamlText, RESOURCE_CATALOG, options), identity);
if (plan.resources.length !== RESOURCES) throw new Error(`expected ${RESOURCES} resources, planned ${plan.resources.length}`);

describe(`500-resource template, YAML (${yamlText.length} chars)`, () => {
	bench('js-yaml load (baseline)', () => {
		load(yamlText);
	}, opts);
	bench('parse (events + source map + short tags)', () => {
		parseTemplate(yamlText, options);
	}, opts);
	bench('parse + validate + plan', () => {
		planStack(validateTemplate(yamlText, RESOURCE_CATALOG, options), identity);
	}, opts);
	const parsed = parseTemplate(yamlText, options);
	bench('validate + plan of a parsed template', () => {
		planStack(validateParsedTemplate(parsed, RESOURCE_CATALOG, options), identity);
	}, opts);
});

describe(`500-resource template, JSON (${jsonText.length} chars)`, () => {
	bench('JSON.parse (baseline)', () => {
		JSON.parse(jsonText);
	}, opts);
	bench('parse + validate + plan', () => {
		planStack(validateTemplate(jsonText, RESOURCE_CATALOG, options), identity);
	}, opts);
});
