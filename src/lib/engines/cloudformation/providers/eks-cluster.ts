// AWS::EKS::Cluster, lightly modelled. Ref = the cluster name (generated within 100 characters
// when Name is absent); GetAtt Arn = arn:aws:eks:<region>:<account>:cluster/<name>, Endpoint
// https://<32 hex>.gr7.<region>.eks.amazonaws.com, OpenIdConnectIssuerUrl
// https://oidc.eks.<region>.amazonaws.com/id/<32 hex>, ClusterSecurityGroupId sg-...,
// CertificateAuthorityData (base64), EncryptionConfigKeyArn. A control plane takes about ten
// minutes to create; the subnets in ResourcesVpcConfig must exist and span two zones.
import { ec2Id, upperHexId } from './ids';
import { liveRecords, lightProvider } from './light-provider';
import { generatedName } from './names';
import { ProviderError } from './provider';
import { alreadyExists, modelValidationFailed } from './provider-errors';
import { bags, obj, str, strings } from './props';

const TYPE = 'AWS::EKS::Cluster';

export const eksClusterProvider = lightProvider({
	type: TYPE,
	durations: { create: 600000, update: 480000, delete: 300000 },
	drift: true,
	create(ctx, b) {
		if (str(b, 'RoleArn') === undefined) throw modelValidationFailed('#: required key [RoleArn] not found');
		const vpcConfig = obj(b, 'ResourcesVpcConfig');
		if (vpcConfig === undefined) throw modelValidationFailed('#: required key [ResourcesVpcConfig] not found');
		const subnetIds = strings(vpcConfig, 'SubnetIds', 'ResourcesVpcConfig/SubnetIds');
		const subnets = liveRecords(ctx, 'AWS::EC2::Subnet');
		const known = subnetIds.map((id) => subnets.find((s) => s.physicalId === id));
		const zones = new Set(known.map((s) => s?.attributes.AvailabilityZone));
		// Only checked when every subnet is one this world models (a template may name others).
		if (known.every((s) => s !== undefined) && (subnetIds.length < 2 || zones.size < 2)) {
			throw new ProviderError('Subnets specified must be in at least two different AZs', 'InvalidRequest');
		}
		const encryption = bags(b, 'EncryptionConfig')[0];
		const keyArn = encryption && obj(encryption, 'Provider', 'EncryptionConfig/0/Provider') && str(obj(encryption, 'Provider') ?? {}, 'KeyArn', 'EncryptionConfig/0/Provider/KeyArn');
		const name = str(b, 'Name') || generatedName(ctx, { maxLength: 100 });
		if (ctx.store.get(TYPE, name)) throw alreadyExists(TYPE, name);
		const endpointId = upperHexId(ctx, 'eks-endpoint');
		const oidcId = upperHexId(ctx, 'eks-oidc');
		return {
			physicalId: name,
			properties: { ...b, Name: name },
			attributes: {
				Arn: `arn:aws:eks:${ctx.region}:${ctx.accountId}:cluster/${name}`,
				Endpoint: `https://${endpointId}.gr7.${ctx.region}.eks.amazonaws.com`,
				OpenIdConnectIssuerUrl: `https://oidc.eks.${ctx.region}.amazonaws.com/id/${oidcId}`,
				ClusterSecurityGroupId: ec2Id(ctx, 'sg'),
				CertificateAuthorityData: btoa(`-----BEGIN CERTIFICATE-----\nsimulated ${name} ${endpointId}\n-----END CERTIFICATE-----\n`),
				EncryptionConfigKeyArn: keyArn ?? ''
			}
		};
	},
	update: (_ctx, current, next) => ({ properties: { ...next, Name: current.physicalId } })
});
