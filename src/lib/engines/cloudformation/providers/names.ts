// The names CloudFormation makes up for resources whose template gives none. Registry handlers
// call cloudformation-cli-java-plugin's IdentifierUtils.generateResourceIdentifier: keep 13
// characters for "-" and a 12-character random tail, split the rest fairly between the stack
// name and the logical ID (the stack name gets the odd character), join them with "-".
// Real names it produced for a 26-character stack name (KensioSoftware/yulin#1113):
//   S3 (63, lower-cased)  chineseboostanalyticsstac-rainlyticslogsbucket8df4-hdst4ohfvdif
//   IAM role (64)         ChineseboostAnalyticsStac-RainlyticsSummariesJobFun-UjecjFhpdr1d
//   log group (512)       ChineseboostAnalyticsStack-RainlyticsSummariesJobLogs1C6CB09C-UJ5n2NwuSPZB
import { sha256, toHex } from '../../sha256';
import type { ProviderContext } from './provider';

const RANDOM_LENGTH = 12;

/** AWS's fair split: each bucket gets an equal share in turn, never more than it asks for. */
function fairSplit(cap: number, wants: readonly number[]): number[] {
	let remaining = cap;
	const got = wants.map(() => 0);
	while (remaining > 0) {
		const share = remaining < wants.length ? 1 : Math.floor(remaining / wants.length);
		let satisfied = 0;
		for (let i = 0; i < wants.length; i++) {
			const want = wants[i] ?? 0;
			const have = got[i] ?? 0;
			if (have < want) {
				const add = Math.min(share, want - have);
				got[i] = have + add;
				remaining -= add;
			} else satisfied++;
			if (remaining <= 0 || satisfied === wants.length) return got;
		}
	}
	return got;
}

export type SuffixCase = 'mixed' | 'upper' | 'lower';

/**
 * `length` random-looking characters from the stack engine's deterministic token. The token may
 * be a bare suffix or a whole generated name, so its last alphanumeric characters are used; a
 * short token is stretched with its own SHA-256.
 */
export function randomPart(ctx: ProviderContext, length = RANDOM_LENGTH, letterCase: SuffixCase = 'mixed'): string {
	let token = ctx.uniqueSuffix().replace(/[^A-Za-z0-9]/g, '');
	if (token.length < length) token = (token + toHex(sha256(`suffix/${token}`)).toUpperCase()).slice(0, Math.max(length, token.length));
	const part = token.slice(-length);
	return letterCase === 'upper' ? part.toUpperCase() : letterCase === 'lower' ? part.toLowerCase() : part;
}

export interface NameOptions {
	/** The service's maximum name length. */
	maxLength: number;
	/** S3 buckets and ECR repositories allow lower case only. */
	lowercase?: boolean;
}

/** `<stack>-<logicalId>-<random>`, trimmed the way CloudFormation trims it. */
export function generatedName(ctx: ProviderContext, options: NameOptions): string {
	const { maxLength } = options;
	const stack = ctx.stackName.replace(/^-+/, '').replace(/-{2,}/g, '-');
	const separate = maxLength > 17;
	const free = maxLength - (RANDOM_LENGTH + 1) - (separate ? 1 : 0);
	const [forStack = 0, forLogical = 0] = fairSplit(free, [stack.length, ctx.logicalId.length]);
	const prefix = `${stack.slice(0, forStack)}${separate ? '-' : ''}${ctx.logicalId.slice(0, forLogical)}`.slice(0, maxLength - (RANDOM_LENGTH + 1));
	const name = `${prefix ? `${prefix}-` : ''}${randomPart(ctx, RANDOM_LENGTH, options.lowercase ? 'lower' : 'mixed')}`;
	return options.lowercase ? name.toLowerCase() : name;
}

/**
 * The older generator some non-registry types still use: a 13-character upper-case tail and the
 * same fair split, e.g. the AWS::IAM::Policy id `dotba-Para-1G3Z5VTARYKOM` (24 characters) seen in
 * a real DescribeStackResources answer.
 */
export function legacyGeneratedName(ctx: ProviderContext, maxLength: number): string {
	const tail = randomPart(ctx, 13, 'upper');
	const free = maxLength - 13 - 2;
	const [forStack = 0, forLogical = 0] = fairSplit(free, [ctx.stackName.length, ctx.logicalId.length]);
	return `${ctx.stackName.slice(0, forStack)}-${ctx.logicalId.slice(0, forLogical)}-${tail}`;
}
