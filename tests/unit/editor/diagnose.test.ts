import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagnose } from '$lib/editor-schemas';
import { parseLifecyclePolicy } from '$lib/engines/ecr/lifecycle';

const lifecycle = (rules: string) => `{\n  "rules": [\n${rules}\n  ]\n}\n`;
const rule = (priority: number, selection: string, action = '"type": "expire"') =>
	`    {\n      "rulePriority": ${priority},\n      "selection": {\n${selection}\n      },\n      "action": { ${action} }\n    }`;
const keepTen = `        "tagStatus": "untagged",\n        "countType": "imageCountMoreThan",\n        "countNumber": 10`;

const file = (schema: 'ecr-lifecycle-policy' | 'ecr-repository-policy' | 'iam-policy' | 'cloudformation-template') => ({ path: 'f', schema });
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const columnOf = (text: string, needle: string) => (text.split('\n')[lineOf(text, needle) - 1] ?? '').indexOf(needle) + 1;

describe('lifecycle policy diagnostics', () => {
	it('finds nothing wrong with a valid policy', () => {
		expect(diagnose(file('ecr-lifecycle-policy'), lifecycle(rule(1, keepTen)))).toEqual([]);
	});

	it('places a bad tagStatus on the tagStatus key with AWS’s message', () => {
		const text = lifecycle(rule(1, keepTen.replace('"untagged"', '"old"')));
		const [marker, ...rest] = diagnose(file('ecr-lifecycle-policy'), text);
		expect(rest).toEqual([]);
		expect(marker?.severity).toBe('error');
		expect(marker?.message).toContain('InvalidParameterException: Invalid parameter at \'LifecyclePolicyText\'');
		expect(marker?.message).toContain('instance value ("old") not found in enum');
		expect(marker?.startLineNumber).toBe(lineOf(text, '"tagStatus"'));
		expect(marker?.startColumn).toBe(columnOf(text, '"tagStatus"'));
		expect(marker?.endColumn).toBe(columnOf(text, '"tagStatus"') + '"tagStatus"'.length);
	});

	it('places a duplicate rulePriority on the second rule', () => {
		const tagged = `        "tagStatus": "tagged",\n        "tagPrefixList": ["prod"],\n        "countType": "imageCountMoreThan",\n        "countNumber": 5`;
		const text = lifecycle(`${rule(1, keepTen)},\n${rule(1, tagged)}`);
		const [marker] = diagnose(file('ecr-lifecycle-policy'), text);
		expect(marker?.message).toContain('More than one rule has rulePriority 1');
		const lines = text.split('\n');
		const second = lines.findIndex((l, i) => i > lineOf(text, '"rulePriority"') - 1 && l.includes('"rulePriority"')) + 1;
		expect(marker?.startLineNumber).toBe(second);
	});

	it('places a countUnit that imageCountMoreThan does not take on the countType', () => {
		const text = lifecycle(rule(1, keepTen + ',\n        "countUnit": "days"'));
		const [marker] = diagnose(file('ecr-lifecycle-policy'), text);
		expect(marker?.message).toContain('matched 0 out of 4');
		expect(marker?.startLineNumber).toBe(lineOf(text, '"countType"'));
	});

	it('places an unknown key on that key, in the rule that has it', () => {
		const text = lifecycle(`${rule(1, keepTen)},\n${rule(2, keepTen.replace('untagged', 'any') + ',\n        "colour": "red"')}`);
		const [marker] = diagnose(file('ecr-lifecycle-policy'), text);
		expect(marker?.message).toContain('not allowed by the schema: ["colour"]');
		expect(marker?.startLineNumber).toBe(lineOf(text, '"colour"'));
	});

	it('places a JSON syntax error where the JSON stops', () => {
		const text = lifecycle(rule(1, keepTen)).replace('"countNumber": 10', '"countNumber": 10,');
		const [marker] = diagnose(file('ecr-lifecycle-policy'), text);
		expect(marker?.message).toContain('Could not map policyString into LifecyclePolicy.');
		expect(marker?.startLineNumber).toBe(lineOf(text, '"countNumber": 10,') + 1);
	});

	it('reports exactly when the engine rejects, on a line of the text (property)', () => {
		const field = fc.constantFrom('"tagStatus": "any"', '"tagStatus": "tagged"', '"countNumber": 0', '"countNumber": "3"', '"countUnit": "days"', '"storageClass": "archive"', '"x": 1');
		fc.assert(
			fc.property(fc.array(field, { maxLength: 3 }), (extra) => {
				const text = lifecycle(rule(1, [keepTen, ...extra.map((f) => '        ' + f)].join(',\n')));
				let rejected = false;
				try {
					parseLifecyclePolicy(text);
				} catch {
					rejected = true;
				}
				const markers = diagnose(file('ecr-lifecycle-policy'), text);
				expect(markers.length).toBe(rejected ? 1 : 0);
				for (const m of markers) {
					expect(m.startLineNumber).toBeGreaterThanOrEqual(1);
					expect(m.startLineNumber).toBeLessThanOrEqual(text.split('\n').length);
					expect(m.endColumn).toBeGreaterThan(m.startColumn);
				}
			}),
			{ numRuns: 150 }
		);
	});
});

describe('policy diagnostics', () => {
	const repositoryPolicy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n${statement}\n    }\n  ]\n}`;

	it('accepts a valid repository policy', () => {
		const text = repositoryPolicy(`      "Effect": "Allow",\n      "Principal": { "AWS": "arn:aws:iam::210987654321:root" },\n      "Action": "ecr:BatchGetImage"`);
		expect(diagnose(file('ecr-repository-policy'), text)).toEqual([]);
	});

	it('places a lower-case Effect on Effect, with ECR’s one message and the detail', () => {
		const text = repositoryPolicy(`      "Effect": "allow",\n      "Principal": "*",\n      "Action": "ecr:BatchGetImage"`);
		const [marker] = diagnose(file('ecr-repository-policy'), text);
		expect(marker?.message).toContain("InvalidParameterException: Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'");
		expect(marker?.startLineNumber).toBe(lineOf(text, '"Effect"'));
	});

	it('places a Resource in a repository policy on Resource', () => {
		const text = repositoryPolicy(`      "Effect": "Allow",\n      "Principal": "*",\n      "Action": "ecr:BatchGetImage",\n      "Resource": "*"`);
		const [marker] = diagnose(file('ecr-repository-policy'), text);
		expect(marker?.startLineNumber).toBe(lineOf(text, '"Resource"'));
	});

	it('places an action without a service prefix on that action in an identity policy', () => {
		const text = repositoryPolicy(`      "Effect": "Allow",\n      "Action": ["ecr:PutImage",\n        "PutImage"],\n      "Resource": "*"`);
		const [marker] = diagnose(file('iam-policy'), text);
		expect(marker?.message).toContain('MalformedPolicyDocument: Actions/Conditions must be prefaced by a vendor');
		expect(marker?.startLineNumber).toBe(lineOf(text, '"PutImage"]'));
		expect(marker?.startColumn).toBe(columnOf(text, '"PutImage"]'));
	});

	it('places a Principal in an identity policy on Principal', () => {
		const text = repositoryPolicy(`      "Effect": "Allow",\n      "Principal": "*",\n      "Action": "ecr:*",\n      "Resource": "*"`);
		const [marker] = diagnose(file('iam-policy'), text);
		expect(marker?.message).toContain('Policy document should not specify a principal.');
		expect(marker?.startLineNumber).toBe(lineOf(text, '"Principal"'));
	});
});

describe('template diagnostics', () => {
	it('accepts a valid template', () => {
		expect(diagnose(file('cloudformation-template'), 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n')).toEqual([]);
	});

	it('places an unresolved Ref at its line with ValidateTemplate’s message', () => {
		const text = 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: !Ref RepoName\n';
		const [marker] = diagnose(file('cloudformation-template'), text);
		expect(marker?.severity).toBe('error');
		expect(marker?.message).toContain('ValidationError: Template format error: Unresolved resource dependencies [RepoName] in the Resources block of the template');
		expect(marker?.startLineNumber).toBe(5);
	});

	it('places a YAML syntax error at its line', () => {
		const text = 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n   Bad: [\n';
		const [marker] = diagnose(file('cloudformation-template'), text);
		expect(marker?.message).toContain('ValidationError');
		expect(marker?.startLineNumber).toBeGreaterThanOrEqual(4);
	});

	it('warns about a key given twice, and still validates', () => {
		const text = 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n  Repo:\n    Type: AWS::ECR::Repository\n';
		const markers = diagnose(file('cloudformation-template'), text);
		expect(markers.map((m) => [m.severity, m.startLineNumber])).toEqual([['warning', 4]]);
	});

	it('checks nothing for files without a schema, or empty files', () => {
		expect(diagnose({ path: 'Dockerfile' }, 'FROM bad bad')).toEqual([]);
		expect(diagnose(file('cloudformation-template'), '  \n')).toEqual([]);
	});
});
