import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generatedName, legacyGeneratedName, randomPart } from '../../../../../src/lib/engines/cloudformation/providers/names';
import { harness } from './helpers';

/** A context whose unique suffix is the given token. */
function ctxWith(stackName: string, logicalId: string, token: string) {
	const ctx = harness().ctx(logicalId, { stackName });
	return { ...ctx, uniqueSuffix: () => token };
}

describe('generated physical names', () => {
	// Names real CloudFormation generated for a stack called ChineseboostAnalyticsStack
	// (KensioSoftware/yulin#1113): the same split, the same lengths.
	const stack = 'ChineseboostAnalyticsStack';

	it('S3: 63 characters, lower-cased, the stack name getting the odd character', () => {
		const name = generatedName(ctxWith(stack, 'RainlyticsLogsBucket8DF4A1B2', 'hdst4ohfvdif'), { maxLength: 63, lowercase: true });
		expect(name).toBe('chineseboostanalyticsstac-rainlyticslogsbucket8df4-hdst4ohfvdif');
		expect(name).toHaveLength(63);
	});

	it('IAM role: 64 characters, mixed-case tail', () => {
		const name = generatedName(ctxWith(stack, 'RainlyticsSummariesJobFunctionServiceRole12AB34CD', 'UjecjFhpdr1d'), { maxLength: 64 });
		expect(name).toBe('ChineseboostAnalyticsStac-RainlyticsSummariesJobFun-UjecjFhpdr1d');
	});

	it('log group: fits untrimmed', () => {
		const name = generatedName(ctxWith(stack, 'RainlyticsSummariesJobLogs1C6CB09C', 'UJ5n2NwuSPZB'), { maxLength: 512 });
		expect(name).toBe('ChineseboostAnalyticsStack-RainlyticsSummariesJobLogs1C6CB09C-UJ5n2NwuSPZB');
	});

	it('the older 24-character AWS::IAM::Policy id', () => {
		expect(legacyGeneratedName(ctxWith('dotbare-cicd', 'ParameterStorePolicy', '1G3Z5VTARYKOM'), 24)).toBe('dotba-Para-1G3Z5VTARYKOM');
	});

	it('uses the tail of a token that is a whole generated name', () => {
		expect(randomPart(ctxWith('s', 'L', 'stack-Logical-1A2B3C4D5E6F'))).toBe('1A2B3C4D5E6F');
	});

	it('never exceeds the limit and always ends with a 12-character tail', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[A-Za-z][-A-Za-z0-9]{0,127}$/), fc.stringMatching(/^[A-Za-z0-9]{1,255}$/), fc.integer({ min: 18, max: 600 }), (stackName, logicalId, maxLength) => {
				const name = generatedName(ctxWith(stackName, logicalId, 'AbCdEf123456'), { maxLength });
				expect(name.length).toBeLessThanOrEqual(maxLength);
				expect(name.endsWith('-AbCdEf123456')).toBe(true);
			})
		);
	});
});
