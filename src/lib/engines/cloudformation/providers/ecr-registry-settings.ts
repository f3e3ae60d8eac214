// The registry-wide ECR settings, one per account and Region, so each resource's physical id
// (and Ref) is the registry id, the account id:
//   AWS::ECR::ReplicationConfiguration     PutReplicationConfiguration; delete puts an empty rule
//                                          list; create refuses when rules already exist
//   AWS::ECR::RegistryPolicy               PutRegistryPolicy / DeleteRegistryPolicy; create
//                                          refuses when a policy already exists
//   AWS::ECR::RegistryScanningConfiguration PutRegistryScanningConfiguration; delete restores
//                                          the default (BASIC, no rules)
// Error codes follow each of AWS's handlers (aws-cloudformation-resource-providers-ecr):
// replication maps InvalidParameter/Validation to InvalidRequest and the rest to
// GeneralServiceException; the registry policy handler maps any other service error, access
// denied included, to ServiceInternalError.
import { alreadyExists, attempt, modelValidationFailed, unless, type ServiceStyle } from './provider-errors';
import { bag, bags, looseBag, obj, policyForRead, policyText, str } from './props';
import type { ProviderContext, ProvisionedResource, ResolvedProperties, ResourceProvider } from './provider';

const VALIDATION = { InvalidParameterException: 'InvalidRequest', ValidationException: 'InvalidRequest' } as const;
const REPLICATION: ServiceStyle = { service: 'Ecr', codes: VALIDATION };
const REGISTRY_POLICY: ServiceStyle = { service: 'Ecr', codes: { ...VALIDATION, RegistryPolicyNotFoundException: 'NotFound' }, fallback: 'ServiceInternalError' };
const SCANNING: ServiceStyle = { service: 'Ecr', codes: VALIDATION };

const registryResource = (ctx: ProviderContext): ProvisionedResource => ({ physicalId: ctx.accountId, attributes: { RegistryId: ctx.accountId } });

// ---- AWS::ECR::ReplicationConfiguration ----

const REPLICATION_TYPE = 'AWS::ECR::ReplicationConfiguration';

function replicationRules(properties: ResolvedProperties) {
	const cfg = obj(bag(properties), 'ReplicationConfiguration');
	if (cfg === undefined) throw modelValidationFailed('#: required key [ReplicationConfiguration] not found');
	return bags(cfg, 'Rules', 'ReplicationConfiguration/Rules').map((rule, i) => {
		const at = `ReplicationConfiguration/Rules/${i}`;
		return {
			destinations: bags(rule, 'Destinations', `${at}/Destinations`).map((d, j) => ({
				region: str(d, 'Region', `${at}/Destinations/${j}/Region`),
				registryId: str(d, 'RegistryId', `${at}/Destinations/${j}/RegistryId`)
			})),
			...(rule.RepositoryFilters !== undefined
				? {
						repositoryFilters: bags(rule, 'RepositoryFilters', `${at}/RepositoryFilters`).map((f, j) => ({
							filter: str(f, 'Filter', `${at}/RepositoryFilters/${j}/Filter`),
							filterType: str(f, 'FilterType', `${at}/RepositoryFilters/${j}/FilterType`)
						}))
					}
				: {})
		};
	});
}

const liveReplicationRules = (ctx: ProviderContext) => ctx.ecr.call('DescribeRegistry', {}).replicationConfiguration?.rules ?? [];

export const ecrReplicationConfigurationProvider: ResourceProvider = {
	type: REPLICATION_TYPE,
	durations: { create: 2000, update: 2000, delete: 2000 },
	create(ctx, properties) {
		const rules = replicationRules(properties);
		attempt(ctx, REPLICATION, () => {
			if (liveReplicationRules(ctx).length) throw alreadyExists(REPLICATION_TYPE, ctx.accountId);
			ctx.ecr.call('PutReplicationConfiguration', { replicationConfiguration: { rules } });
		});
		return registryResource(ctx);
	},
	update(ctx, _physicalId, _previous, next) {
		const rules = replicationRules(next);
		attempt(ctx, REPLICATION, () => ctx.ecr.call('PutReplicationConfiguration', { replicationConfiguration: { rules } }));
		return registryResource(ctx);
	},
	delete(ctx) {
		attempt(ctx, REPLICATION, () => {
			if (liveReplicationRules(ctx).length) ctx.ecr.call('PutReplicationConfiguration', { replicationConfiguration: { rules: [] } });
		});
	},
	read(ctx) {
		const rules = attempt(ctx, REPLICATION, () => liveReplicationRules(ctx));
		if (!rules.length) return undefined;
		return {
			ReplicationConfiguration: {
				Rules: rules.map((r) => ({
					Destinations: (r.destinations ?? []).map((d) => ({ Region: d.region, RegistryId: d.registryId })),
					...(r.repositoryFilters?.length ? { RepositoryFilters: r.repositoryFilters.map((f) => ({ Filter: f.filter, FilterType: f.filterType })) } : {})
				}))
			}
		};
	}
};

// ---- AWS::ECR::RegistryPolicy ----

const REGISTRY_POLICY_TYPE = 'AWS::ECR::RegistryPolicy';

function registryPolicyText(properties: ResolvedProperties): string {
	const text = policyText(bag(properties), 'PolicyText');
	if (text === undefined) throw modelValidationFailed('#: required key [PolicyText] not found');
	return text;
}

const livePolicy = (ctx: ProviderContext) => unless(['RegistryPolicyNotFoundException'], () => ctx.ecr.call('GetRegistryPolicy', {}).policyText, undefined);

export const ecrRegistryPolicyProvider: ResourceProvider = {
	type: REGISTRY_POLICY_TYPE,
	durations: { create: 2000, update: 2000, delete: 2000 },
	create(ctx, properties) {
		const policyText = registryPolicyText(properties);
		attempt(ctx, REGISTRY_POLICY, () => {
			// PutRegistryPolicy would overwrite; AWS's handler reads first and refuses instead.
			if (livePolicy(ctx) !== undefined) throw alreadyExists(REGISTRY_POLICY_TYPE, ctx.accountId);
			ctx.ecr.call('PutRegistryPolicy', { policyText });
		});
		return registryResource(ctx);
	},
	update(ctx, _physicalId, _previous, next) {
		const policyText = registryPolicyText(next);
		attempt(ctx, REGISTRY_POLICY, () => ctx.ecr.call('PutRegistryPolicy', { policyText }));
		return registryResource(ctx);
	},
	delete(ctx) {
		attempt(ctx, REGISTRY_POLICY, () => unless(['RegistryPolicyNotFoundException'], () => ctx.ecr.call('DeleteRegistryPolicy', {}), undefined));
	},
	read(ctx, _physicalId, expected) {
		const text = attempt(ctx, REGISTRY_POLICY, () => livePolicy(ctx));
		return text === undefined ? undefined : { RegistryId: ctx.accountId, PolicyText: policyForRead(text, looseBag(expected).PolicyText) };
	}
};

// ---- AWS::ECR::RegistryScanningConfiguration ----

function scanningInput(properties: ResolvedProperties) {
	const b = bag(properties);
	const scanType = str(b, 'ScanType');
	if (scanType === undefined) throw modelValidationFailed('#: required key [ScanType] not found');
	if (b.Rules === undefined) throw modelValidationFailed('#: required key [Rules] not found');
	return {
		scanType,
		rules: bags(b, 'Rules').map((rule, i) => ({
			scanFrequency: str(rule, 'ScanFrequency', `Rules/${i}/ScanFrequency`),
			repositoryFilters: bags(rule, 'RepositoryFilters', `Rules/${i}/RepositoryFilters`).map((f, j) => ({
				filter: str(f, 'Filter', `Rules/${i}/RepositoryFilters/${j}/Filter`),
				filterType: str(f, 'FilterType', `Rules/${i}/RepositoryFilters/${j}/FilterType`)
			}))
		}))
	};
}

export const ecrRegistryScanningConfigurationProvider: ResourceProvider = {
	type: 'AWS::ECR::RegistryScanningConfiguration',
	durations: { create: 2000, update: 2000, delete: 2000 },
	create(ctx, properties) {
		const input = scanningInput(properties);
		attempt(ctx, SCANNING, () => ctx.ecr.call('PutRegistryScanningConfiguration', input));
		return registryResource(ctx);
	},
	update(ctx, _physicalId, _previous, next) {
		const input = scanningInput(next);
		attempt(ctx, SCANNING, () => ctx.ecr.call('PutRegistryScanningConfiguration', input));
		return registryResource(ctx);
	},
	delete(ctx) {
		attempt(ctx, SCANNING, () => ctx.ecr.call('PutRegistryScanningConfiguration', { scanType: 'BASIC', rules: [] }));
	},
	read(ctx) {
		const config = attempt(ctx, SCANNING, () => ctx.ecr.call('GetRegistryScanningConfiguration', {}).scanningConfiguration);
		return {
			RegistryId: ctx.accountId,
			ScanType: config?.scanType ?? 'BASIC',
			Rules: (config?.rules ?? []).map((r) => ({
				ScanFrequency: r.scanFrequency,
				RepositoryFilters: (r.repositoryFilters ?? []).map((f) => ({ Filter: f.filter, FilterType: f.filterType }))
			}))
		};
	}
};
