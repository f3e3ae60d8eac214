// The EC2 networking types, lightly modelled, with EC2's id formats (`vpc-` + 17 hex digits):
//   AWS::EC2::VPC            Ref = vpc-...; GetAtt CidrBlock, CidrBlockAssociations
//                            [vpc-cidr-assoc-...], DefaultNetworkAcl acl-..., DefaultSecurityGroup
//                            sg-..., Ipv6CidrBlocks, VpcId. A VPC is /16 to /28; one that still
//                            has subnets or security groups fails to delete (DependencyViolation).
//   AWS::EC2::Subnet         Ref = subnet-...; GetAtt AvailabilityZone, AvailabilityZoneId,
//                            CidrBlock, Ipv6CidrBlocks, NetworkAclAssociationId aclassoc-...,
//                            SubnetId, VpcId. Its CIDR must lie inside the VPC's and overlap no
//                            other subnet of the VPC.
//   AWS::EC2::SecurityGroup  Ref = sg-...; GetAtt GroupId, Id, VpcId. Group names are unique
//                            per VPC; without GroupName the name is `<stack>-<logical>-<random>`.
// EC2's error sentences (InvalidVpc.Range, InvalidSubnet.Range/Conflict, InvalidVpcID.NotFound,
// DependencyViolation, InvalidGroup.Duplicate) are printed the way the SDK prints them.
import { ec2Id, requestId } from './ids';
import { generatedName } from './names';
import { liveRecords, lightProvider } from './light-provider';
import { ProviderError, type HandlerErrorCode, type ProviderContext } from './provider';
import { modelValidationFailed } from './provider-errors';
import { str } from './props';

const VPC = 'AWS::EC2::VPC';
const SUBNET = 'AWS::EC2::Subnet';
const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';

function ec2Error(ctx: ProviderContext, message: string, code: HandlerErrorCode = 'InvalidRequest'): ProviderError {
	return new ProviderError(`${message} (Service: Ec2, Status Code: 400, Request ID: ${requestId(ctx, message)})`, code);
}

interface Block {
	start: number;
	size: number;
	prefix: number;
}

/** An IPv4 CIDR as a number range; undefined for anything else. */
export function parseCidr(text: string): Block | undefined {
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
	if (!m) return undefined;
	const octets = m.slice(1, 5).map(Number);
	const prefix = Number(m[5]);
	if (octets.some((o) => o > 255) || prefix > 32) return undefined;
	const address = octets.reduce((a, o) => a * 256 + o, 0);
	const size = 2 ** (32 - prefix);
	return { start: address - (address % size), size, prefix };
}

const inside = (inner: Block, outer: Block) => inner.start >= outer.start && inner.start + inner.size <= outer.start + outer.size;
const overlaps = (a: Block, b: Block) => a.start < b.start + b.size && b.start < a.start + a.size;

/** AWS's zone ids for the world's Regions (the name-to-id mapping is per account in AWS). */
const ZONE_ID: Record<string, string> = { 'us-east-1': 'use1', 'us-west-2': 'usw2', 'eu-west-1': 'euw1' };

export const ec2VpcProvider = lightProvider({
	type: VPC,
	durations: { create: 4000, update: 2000, delete: 3000 },
	drift: true,
	create(ctx, b) {
		const cidr = str(b, 'CidrBlock');
		if (cidr === undefined) {
			if (b.Ipv4IpamPoolId === undefined) throw modelValidationFailed('#: required key [CidrBlock] not found');
			throw new ProviderError('IPAM pools are not modelled by this simulator: give the VPC a CidrBlock.', 'InvalidRequest');
		}
		const block = parseCidr(cidr);
		if (!block || block.prefix < 16 || block.prefix > 28) throw ec2Error(ctx, `The CIDR '${cidr}' is invalid.`);
		const vpcId = ec2Id(ctx, 'vpc');
		return {
			physicalId: vpcId,
			attributes: {
				VpcId: vpcId,
				CidrBlock: cidr,
				CidrBlockAssociations: [ec2Id(ctx, 'vpc-cidr-assoc')],
				DefaultNetworkAcl: ec2Id(ctx, 'acl'),
				DefaultSecurityGroup: ec2Id(ctx, 'sg'),
				Ipv6CidrBlocks: []
			}
		};
	},
	beforeDelete(ctx, current) {
		const dependants = [...liveRecords(ctx, SUBNET), ...liveRecords(ctx, SECURITY_GROUP)].filter((r) => r.attributes.VpcId === current.physicalId);
		if (dependants.length) throw ec2Error(ctx, `The vpc '${current.physicalId}' has dependencies and cannot be deleted.`, 'GeneralServiceException');
	}
});

export const ec2SubnetProvider = lightProvider({
	type: SUBNET,
	durations: { create: 3000, update: 2000, delete: 3000 },
	drift: true,
	create(ctx, b) {
		const vpcId = str(b, 'VpcId');
		if (vpcId === undefined) throw modelValidationFailed('#: required key [VpcId] not found');
		const vpc = liveRecords(ctx, VPC).find((v) => v.physicalId === vpcId);
		if (!vpc) throw ec2Error(ctx, `The vpc ID '${vpcId}' does not exist`, 'NotFound');
		const cidr = str(b, 'CidrBlock');
		if (cidr === undefined) throw new ProviderError('Either CidrBlock or Ipv4IpamPoolId must be specified (IPAM pools are not modelled by this simulator).', 'InvalidRequest');
		const block = parseCidr(cidr);
		const vpcBlock = parseCidr(String(vpc.attributes.CidrBlock));
		if (!block || !vpcBlock || block.prefix > 28 || !inside(block, vpcBlock)) throw ec2Error(ctx, `The CIDR '${cidr}' is invalid.`);
		const clash = liveRecords(ctx, SUBNET).find((s) => s.attributes.VpcId === vpcId && overlaps(block, parseCidr(String(s.attributes.CidrBlock)) ?? { start: -1, size: 0, prefix: 0 }));
		if (clash) throw ec2Error(ctx, `The CIDR '${cidr}' conflicts with another subnet`);
		const zone = str(b, 'AvailabilityZone') ?? `${ctx.region}a`;
		if (!zone.startsWith(ctx.region) || !/^[a-z]$/.test(zone.slice(ctx.region.length))) {
			throw ec2Error(ctx, `Value (${zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${ctx.region}a, ${ctx.region}b, ${ctx.region}c.`);
		}
		const subnetId = ec2Id(ctx, 'subnet');
		return {
			physicalId: subnetId,
			attributes: {
				SubnetId: subnetId,
				VpcId: vpcId,
				CidrBlock: cidr,
				AvailabilityZone: zone,
				AvailabilityZoneId: `${ZONE_ID[ctx.region] ?? ctx.region}-az${zone.charCodeAt(zone.length - 1) - 96}`,
				Ipv6CidrBlocks: [],
				NetworkAclAssociationId: ec2Id(ctx, 'aclassoc')
			}
		};
	}
});

export const ec2SecurityGroupProvider = lightProvider({
	type: SECURITY_GROUP,
	durations: { create: 3000, update: 2000, delete: 2000 },
	drift: true,
	create(ctx, b) {
		const description = str(b, 'GroupDescription');
		if (description === undefined) throw modelValidationFailed('#: required key [GroupDescription] not found');
		const vpcId = str(b, 'VpcId');
		if (vpcId !== undefined && !liveRecords(ctx, VPC).some((v) => v.physicalId === vpcId)) throw ec2Error(ctx, `The vpc ID '${vpcId}' does not exist`, 'NotFound');
		const name = str(b, 'GroupName') || generatedName(ctx, { maxLength: 255 });
		if (liveRecords(ctx, SECURITY_GROUP).some((g) => g.attributes.VpcId === vpcId && g.attributes.GroupName === name)) {
			throw ec2Error(ctx, `The security group '${name}' already exists for VPC '${vpcId ?? 'default'}'`, 'AlreadyExists');
		}
		const groupId = ec2Id(ctx, 'sg');
		return {
			physicalId: groupId,
			properties: { ...b, GroupName: name },
			attributes: { GroupId: groupId, Id: groupId, ...(vpcId !== undefined ? { VpcId: vpcId } : {}), GroupName: name }
		};
	},
	update: (_ctx, current, next) => ({ properties: { ...next, GroupName: current.attributes.GroupName } })
});
