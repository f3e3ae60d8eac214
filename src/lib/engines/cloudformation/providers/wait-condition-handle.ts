// AWS::CloudFormation::WaitConditionHandle. Ref (and GetAtt Id) = a presigned S3 URL that
// cfn-signal or curl PUTs a signal to:
// https://cloudformation-waitcondition-<region>.s3.amazonaws.com/<url-encoded stack ARN>/<logical id>?X-Amz-...
// The handle has no properties and updates are not supported (AWS page), so update keeps the
// same URL. AWS never checks it for drift.
import { uuidFrom } from './ids';
import { lightProvider } from './light-provider';
import { sha256, toHex } from '../../sha256';

const TYPE = 'AWS::CloudFormation::WaitConditionHandle';

export const waitConditionHandleProvider = lightProvider({
	type: TYPE,
	durations: { create: 1000, update: 1000, delete: 1000 },
	drift: false,
	create(ctx) {
		const now = ctx.clock.now().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
		const signature = toHex(sha256(`${ctx.stackId}/${ctx.logicalId}/${ctx.store.next()}`));
		const credential = `AKIA${uuidFrom(signature).replace(/-/g, '').slice(0, 16).toUpperCase()}`;
		const url =
			`https://cloudformation-waitcondition-${ctx.region}.s3.amazonaws.com/${encodeURIComponent(ctx.stackId)}/${ctx.logicalId}` +
			`?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${now}&X-Amz-SignedHeaders=host&X-Amz-Expires=86399` +
			`&X-Amz-Credential=${credential}%2F${now.slice(0, 8)}%2F${ctx.region}%2Fs3%2Faws4_request&X-Amz-Signature=${signature}`;
		return { physicalId: url, attributes: { Id: url } };
	}
});
