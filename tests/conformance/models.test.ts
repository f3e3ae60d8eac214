// The generated protocol models against the engines: every operation an engine supports has a
// model entry (otherwise the protocol would answer UnknownOperationException / InvalidAction for
// it), and no model lists an operation no engine serves. Where botocore is installed (the
// development machine), the generated files must also be what the generator writes today.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { ecrOperations } from '../../src/lib/engines/ecr/operations';
import { publicOperations } from '../../src/lib/engines/ecr/public';
import { cloudFormationOperations } from '../../src/lib/engines/cloudformation/api';
import { identityOperations } from '../../src/lib/engines/identity/operations';
import { stsOperations } from '../../src/lib/protocol/sts/operations';
import { ecrModel } from '../../src/lib/protocol/models/ecr.generated';
import { ecrPublicModel } from '../../src/lib/protocol/models/ecr-public.generated';
import { cloudFormationModel } from '../../src/lib/protocol/models/cloudformation.generated';
import { iamModel } from '../../src/lib/protocol/models/iam.generated';
import { stsModel } from '../../src/lib/protocol/models/sts.generated';
import { resolve, type ServiceModel } from '../../src/lib/protocol/models/shapes';

const pairs: [string, Record<string, unknown>, ServiceModel][] = [
	['ecr', ecrOperations, ecrModel],
	['ecr-public', publicOperations, ecrPublicModel],
	['cloudformation', cloudFormationOperations, cloudFormationModel],
	['iam', identityOperations, iamModel],
	['sts', stsOperations, stsModel]
];

const BOTOCORE = process.env.BOTOCORE_DATA ?? '/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data';

describe('generated protocol models', () => {
	it.each(pairs)('%s: one model operation per engine operation', (_name, engine, model) => {
		expect(Object.keys(model.operations).sort(), 'rerun node scripts/protocol/generate-models.mjs').toEqual(Object.keys(engine).sort());
	});

	it.each(pairs)('%s: every shape reference resolves', (_name, _engine, model) => {
		const refs = [
			...Object.values(model.operations).flatMap((o) => [o.input, o.output].filter((r): r is string => r !== undefined)),
			...Object.values(model.shapes).flatMap((s) => (s.type === 'structure' ? s.members.map((m) => m[1]) : s.type === 'list' ? [s.member] : [s.key, s.value]))
		];
		for (const ref of refs) expect(() => resolve(model, ref)).not.toThrow();
	});

	it.runIf(existsSync(BOTOCORE))('match what the generator writes from botocore', () => {
		expect(() => execFileSync(process.execPath, ['scripts/protocol/generate-models.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
	});
});
