import { describe, expect, it } from 'vitest';
import {
	creationOrder,
	creationWaves,
	deletionOrder,
	deletionWaves,
	findCycle,
	graphOf,
	planStack,
	resolveProperties,
	resolveValue,
	unorderable,
	type PlanInput
} from '../../../../../src/lib/engines/cloudformation/template';
import { errorOf, messageOf, validate, yaml } from './helpers';

const identity: PlanInput = {
	accountId: '123456789012',
	region: 'us-east-1',
	stackName: 'app',
	stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/app/00000000-0000-4000-8000-000000000000'
};

describe('dependency graph', () => {
	const g = graphOf(
		['Vpc', 'Subnet', 'Gateway', 'Attach', 'Route', 'Bucket'],
		new Map([
			['Subnet', ['Vpc']],
			['Attach', ['Vpc', 'Gateway']],
			['Route', ['Attach', 'Subnet']],
			['Gateway', []]
		])
	);
	it('orders creation and its parallel waves, ties in template order', () => {
		expect(creationWaves(g)).toEqual([['Vpc', 'Gateway', 'Bucket'], ['Subnet', 'Attach'], ['Route']]);
		expect(creationOrder(g)).toEqual(['Vpc', 'Gateway', 'Bucket', 'Subnet', 'Attach', 'Route']);
	});
	it('deletes in reverse dependency order', () => {
		expect(deletionWaves(g)).toEqual([['Route', 'Bucket'], ['Subnet', 'Attach'], ['Vpc', 'Gateway']]);
		expect(deletionOrder(g)).toEqual(['Route', 'Bucket', 'Subnet', 'Attach', 'Vpc', 'Gateway']);
	});
	it('every node comes after its dependencies', () => {
		const order = creationOrder(g);
		for (const n of g.nodes) for (const d of g.dependencies[n] ?? []) expect(order.indexOf(d)).toBeLessThan(order.indexOf(n));
	});
	it('reports what a cycle blocks, and one cycle', () => {
		const c = graphOf(
			['A', 'B', 'C', 'D', 'E'],
			new Map([
				['A', ['B']],
				['B', ['C']],
				['C', ['A']],
				['D', ['C']],
				['E', []]
			])
		);
		expect(unorderable(c)).toEqual(['A', 'B', 'C', 'D']);
		expect(findCycle(c)).toEqual(['A', 'B', 'C', 'A']);
		expect(creationWaves(c)).toEqual([['E']]);
		expect(findCycle(g)).toBeUndefined();
	});
});

const app = yaml(
	'Parameters:',
	'  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}',
	'  Cidr: {Type: String, Default: 10.0.0.0/16, AllowedPattern: "\\\\d+\\\\.\\\\d+\\\\.\\\\d+\\\\.\\\\d+/\\\\d+", ConstraintDescription: must be a CIDR block}',
	'Conditions:',
	'  IsProd: !Equals [!Ref Env, prod]',
	'  IsDev: !Not [!Condition IsProd]',
	'Resources:',
	'  Vpc:',
	'    Type: AWS::EC2::VPC',
	'    Properties: {CidrBlock: !Ref Cidr}',
	'  Subnet:',
	'    Type: AWS::EC2::Subnet',
	'    Properties:',
	'      VpcId: !Ref Vpc',
	'      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]',
	'      AvailabilityZone: !Select [0, !GetAZs ""]',
	'  Logs:',
	'    Type: AWS::S3::Bucket',
	'    Condition: IsProd',
	'  Web:',
	'    Type: AWS::EC2::Instance',
	'    DependsOn: Subnet',
	'    Properties:',
	'      LogBucket: !If [IsProd, !Ref Logs, !Ref "AWS::NoValue"]',
	'      UserData: !Base64 {"Fn::Sub": "echo ${Env} ${Subnet}"}',
	'Outputs:',
	'  LogsArn: {Value: !GetAtt Logs.Arn, Condition: IsProd}',
	'  SubnetId: {Value: !Ref Subnet, Export: {Name: !Sub "${AWS::StackName}-SubnetId"}}'
);

describe('planStack', () => {
	const validated = validate(app);

	it('dev: conditions once, the conditional resource and output dropped, order by dependency', () => {
		const plan = planStack(validated, identity);
		expect(plan.parameters).toEqual({ Env: 'dev', Cidr: '10.0.0.0/16' });
		expect(plan.conditions).toEqual({ IsProd: false, IsDev: true });
		expect(plan.resources.map((r) => r.logicalId)).toEqual(['Vpc', 'Subnet', 'Web']);
		expect(plan.outputs.map((o) => o.key)).toEqual(['SubnetId']);
		expect(plan.waves).toEqual([['Vpc'], ['Subnet'], ['Web']]);
		expect(plan.deletionOrder).toEqual(['Web', 'Subnet', 'Vpc']);
	});

	it('prod: the taken Fn::If branch makes Logs a dependency of Web', () => {
		const plan = planStack(validated, { ...identity, parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] });
		expect(plan.resources.map((r) => r.logicalId)).toEqual(['Vpc', 'Subnet', 'Logs', 'Web']);
		expect(plan.waves).toEqual([['Vpc', 'Logs'], ['Subnet'], ['Web']]);
		expect(plan.graph.dependencies['Web']).toEqual(['Subnet', 'Logs']);
	});

	it('resolves properties as resources get created', () => {
		const plan = planStack(validated, identity);
		const ctx = { ...plan.context, resources: { Vpc: { physicalId: 'vpc-01', attributes: { CidrBlock: '10.0.0.0/16' } }, Subnet: { physicalId: 'subnet-01' } } };
		const subnet = plan.resources.find((r) => r.logicalId === 'Subnet');
		expect(JSON.parse(JSON.stringify(resolveProperties(subnet?.properties, ctx)))).toEqual({ VpcId: 'vpc-01', CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1a' });
		const web = plan.resources.find((r) => r.logicalId === 'Web');
		expect(JSON.parse(JSON.stringify(resolveProperties(web?.properties, ctx)))).toEqual({ UserData: 'ZWNobyBkZXYgc3VibmV0LTAx' });
		const exported = plan.outputs[0]?.exportName;
		expect(exported !== undefined && resolveValue(exported, ctx)).toBe('app-SubnetId');
	});

	it('an error while resolving points at the line in the template', () => {
		const plan = planStack(validated, identity);
		const subnet = plan.resources.find((r) => r.logicalId === 'Subnet');
		// Vpc has no CidrBlock attribute yet: Fn::GetAtt inside Fn::Cidr fails, placed on line 15.
		const e = errorOf(() => resolveProperties(subnet?.properties, { ...plan.context, resources: { Vpc: { physicalId: 'vpc-01', attributes: {} } } }, '/Resources/Subnet/Properties'));
		expect(e.message).toBe('Template error: resource Vpc does not support attribute type CidrBlock in Fn::GetAtt');
		expect(e.location).toMatchObject({ path: '/Resources/Subnet/Properties/CidrBlock/Fn::Select/1/Fn::Cidr/0', line: 15 });
	});

	it('checks parameter values with AWS’s sentences', () => {
		expect(messageOf(() => planStack(validated, { ...identity, parameters: [{ ParameterKey: 'Env', ParameterValue: 'qa' }] }))).toBe("Parameter 'Env' must be one of AllowedValues");
		expect(messageOf(() => planStack(validated, { ...identity, parameters: [{ ParameterKey: 'Cidr', ParameterValue: 'ten' }] }))).toBe("Parameter 'Cidr' failed to satisfy constraint: must be a CIDR block");
		expect(messageOf(() => planStack(validated, { ...identity, parameters: [{ ParameterKey: 'Nope', ParameterValue: 'x' }] }))).toBe('Parameters: [Nope] do not exist in the template');
		const needy = validate(yaml('Parameters:', '  A: {Type: String}', '  B: {Type: Number, MinValue: 2}', 'Resources:', '  T: {Type: AWS::SNS::Topic}'));
		expect(messageOf(() => planStack(needy, identity))).toBe('Parameters: [A, B] must have values');
		expect(messageOf(() => planStack(needy, { ...identity, parameters: [{ ParameterKey: 'A', ParameterValue: 'a' }, { ParameterKey: 'B', ParameterValue: '1' }] }))).toBe(
			"Parameter 'B' must be a number not less than 2"
		);
	});

	it('a kept resource that refers to a dropped one is an unresolved dependency at creation', () => {
		const text = yaml('Conditions:', '  Never: !Equals [a, b]', 'Resources:', '  Logs: {Type: AWS::S3::Bucket, Condition: Never}', '  Web:', '    Type: AWS::SNS::Topic', '    Properties: {TopicName: !Ref Logs}');
		const v = validate(text);
		expect(messageOf(() => planStack(v, identity))).toBe('Template format error: Unresolved resource dependencies [Logs] in the Resources block of the template');
	});

	it('a cycle through taken branches is refused at creation', () => {
		const text = yaml(
			'Conditions:',
			'  Always: !Equals [a, a]',
			'Resources:',
			'  A:',
			'    Type: AWS::SNS::Topic',
			'    Properties: {TopicName: !If [Always, !Ref B, x]}',
			'  B:',
			'    Type: AWS::SNS::Topic',
			'    Properties: {TopicName: !Ref A}'
		);
		expect(messageOf(() => planStack(validate(text), identity))).toBe('Circular dependency between resources: [A, B]');
	});

	it('Rules are checked against parameter values', () => {
		const text = yaml(
			'Parameters:',
			'  Env: {Type: String, Default: dev}',
			'  Size: {Type: String, Default: small}',
			'Rules:',
			'  ProdIsLarge:',
			'    RuleCondition: !Equals [!Ref Env, prod]',
			'    Assertions:',
			"      - Assert: {'Fn::Contains': [[large, xlarge], !Ref Size]}",
			'        AssertDescription: Production needs a large size',
			'Resources:',
			'  T: {Type: AWS::SNS::Topic}'
		);
		const v = validate(text);
		expect(() => planStack(v, identity)).not.toThrow();
		expect(messageOf(() => planStack(v, { ...identity, parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }] }))).toBe('Production needs a large size');
	});

	it('a deferred Fn::ForEach expands with the parameter values', () => {
		const text = yaml('Transform: AWS::LanguageExtensions', 'Parameters:', '  Names: {Type: CommaDelimitedList}', 'Resources:', '  Fn::ForEach::Q:', '    - N', '    - !Ref Names', '    - Queue${N}: {Type: AWS::SQS::Queue}');
		const plan = planStack(validate(text), { ...identity, parameters: [{ ParameterKey: 'Names', ParameterValue: 'a,b' }] });
		expect(plan.resources.map((r) => r.logicalId)).toEqual(['Queuea', 'Queueb']);
	});

	it('calls the property hook for each kept resource, with its place in the text', () => {
		const seen: string[] = [];
		planStack(validated, { ...identity, checkResource: (r, at) => seen.push(`${r.logicalId}@${at.line}`) });
		expect(seen).toEqual(['Vpc@8', 'Subnet@11', 'Web@20']);
	});
});
