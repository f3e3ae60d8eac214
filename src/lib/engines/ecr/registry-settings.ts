// Registry-wide settings: the scanning configuration and the replication configuration.
import type {
	DescribeRegistryResponse,
	GetRegistryScanningConfigurationResponse,
	PutImageScanningConfigurationResponse,
	PutRegistryScanningConfigurationResponse,
	PutReplicationConfigurationResponse
} from '@aws-sdk/client-ecr';
import { REGIONS } from '../world-constants';
import { findRepository, targetRegistry, type EcrContext } from './context';
import { InvalidParameterException, ValidationException } from './errors';
import { asInput, optionalBoolean, optionalEnum, optionalList, optionalObject, optionalString, requiredString } from './input';
import type { ReplicationRuleState, ScanningRuleState } from './state';

/** The API model's pattern for a scanning filter, as the error message quotes it. */
const SCAN_FILTER_PATTERN = '^[a-z0-9*](?:[._\\-/a-z0-9*]?[a-z0-9*]+)*$';
/**
 * The same language without the nested quantifier, which backtracks exponentially on a long
 * run of letters followed by one bad character: letters, digits and `*`, with single separators
 * `. _ - /` between them.
 */
const SCAN_FILTER = /^[a-z0-9*]+(?:[._\-/][a-z0-9*]+)*$/;
const PREFIX_FILTER = /^(?:[a-z0-9]+(?:[._-][a-z0-9]*)*\/)*[a-z0-9]*(?:[._-][a-z0-9]*)*$/;

export function putRegistryScanningConfiguration(ctx: EcrContext, raw: unknown): PutRegistryScanningConfigurationResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, undefined);
	const scanType = optionalEnum(input, 'scanType', ['BASIC', 'ENHANCED'] as const) ?? 'BASIC';
	const rules: ScanningRuleState[] = (optionalList(input, 'rules', 0, 2) ?? []).map((r, i) => {
		const rule = asInput(r);
		const where = `rules.${i + 1}.member`;
		const scanFrequency = optionalEnum(rule, 'scanFrequency', ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN', 'MANUAL'] as const, `${where}.scanFrequency`);
		if (!scanFrequency) throw InvalidParameterException.at(`${where}.scanFrequency`, 'must not be null');
		if (scanType === 'BASIC' && scanFrequency === 'CONTINUOUS_SCAN') {
			throw new ValidationException('Continuous scanning (CONTINUOUS_SCAN) is only available with the ENHANCED scan type.');
		}
		const filters = optionalList(rule, 'repositoryFilters', 1, 100, `${where}.repositoryFilters`);
		if (!filters) throw InvalidParameterException.at(`${where}.repositoryFilters`, 'must not be null');
		return {
			scanFrequency,
			repositoryFilters: filters.map((f, j) => {
				const filter = asInput(f);
				const fw = `${where}.repositoryFilters.${j + 1}.member`;
				const text = requiredString(filter, 'filter', `${fw}.filter`);
				if (text.length > 255 || !SCAN_FILTER.test(text)) throw InvalidParameterException.at(`${fw}.filter`, `must satisfy regular expression '${SCAN_FILTER_PATTERN}'`);
				if (optionalEnum(filter, 'filterType', ['WILDCARD'] as const, `${fw}.filterType`) === undefined) throw InvalidParameterException.at(`${fw}.filterType`, 'must not be null');
				return { filter: text, filterType: 'WILDCARD' as const };
			})
		};
	});
	registry.scanning = { scanType, rules };
	return { registryScanningConfiguration: structuredClone(registry.scanning) };
}

export function getRegistryScanningConfiguration(ctx: EcrContext, raw: unknown): GetRegistryScanningConfigurationResponse {
	asInput(raw);
	const registry = targetRegistry(ctx, undefined);
	return { registryId: registry.accountId, scanningConfiguration: structuredClone(registry.scanning) };
}

/** The repository-level setting, which AWS deprecates in favour of the registry configuration. */
export function putImageScanningConfiguration(ctx: EcrContext, raw: unknown): PutImageScanningConfigurationResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, optionalString(input, 'registryId'));
	const repo = findRepository(registry, requiredString(input, 'repositoryName'));
	const config = optionalObject(input, 'imageScanningConfiguration');
	if (!config) throw InvalidParameterException.at('imageScanningConfiguration', 'must not be null');
	const scanOnPush = optionalBoolean(config, 'scanOnPush', 'imageScanningConfiguration.scanOnPush') ?? false;
	repo.scanOnPush = scanOnPush;
	return { registryId: registry.accountId, repositoryName: repo.repositoryName, imageScanningConfiguration: { scanOnPush } };
}

export function putReplicationConfiguration(ctx: EcrContext, raw: unknown): PutReplicationConfigurationResponse {
	const input = asInput(raw);
	const registry = targetRegistry(ctx, undefined);
	const config = optionalObject(input, 'replicationConfiguration');
	if (!config) throw InvalidParameterException.at('replicationConfiguration', 'must not be null');
	const list = optionalList(config, 'rules', 0, 10, 'replicationConfiguration.rules');
	if (!list) throw InvalidParameterException.at('replicationConfiguration.rules', 'must not be null');
	const rules: ReplicationRuleState[] = list.map((r, i) => {
		const rule = asInput(r);
		const where = `replicationConfiguration.rules.${i + 1}.member`;
		const destinations = optionalList(rule, 'destinations', 0, 100, `${where}.destinations`) ?? [];
		const filters = optionalList(rule, 'repositoryFilters', 1, 100, `${where}.repositoryFilters`) ?? [];
		return {
			destinations: destinations.map((d, j) => {
				const dest = asInput(d);
				const dw = `${where}.destinations.${j + 1}.member`;
				const region = requiredString(dest, 'region', `${dw}.region`);
				const registryId = requiredString(dest, 'registryId', `${dw}.registryId`);
				if (!/^[0-9]{12}$/.test(registryId)) throw InvalidParameterException.at(`${dw}.registryId`, "must satisfy regular expression '[0-9]{12}'");
				if (!(REGIONS as readonly string[]).includes(region)) {
					throw new InvalidParameterException(`Invalid parameter at '${dw}.region': the simulated world has the Regions ${REGIONS.join(', ')}`);
				}
				if (region === registry.region && registryId === registry.accountId) {
					throw new InvalidParameterException('Invalid parameter: a replication destination cannot be the source registry and Region');
				}
				return { region, registryId };
			}),
			repositoryFilters: filters.map((f, j) => {
				const filter = asInput(f);
				const fw = `${where}.repositoryFilters.${j + 1}.member`;
				const text = requiredString(filter, 'filter', `${fw}.filter`);
				if (text.length < 2 || text.length > 256 || !PREFIX_FILTER.test(text)) throw InvalidParameterException.at(`${fw}.filter`, `must satisfy regular expression '${PREFIX_FILTER.source}'`);
				if (optionalEnum(filter, 'filterType', ['PREFIX_MATCH'] as const, `${fw}.filterType`) === undefined) throw InvalidParameterException.at(`${fw}.filterType`, 'must not be null');
				return { filter: text, filterType: 'PREFIX_MATCH' as const };
			})
		};
	});
	const unique = new Set(rules.flatMap((r) => r.destinations.map((d) => `${d.registryId}/${d.region}`)));
	if (unique.size > 25) throw new ValidationException('A replication configuration can have at most 25 unique destinations.');
	registry.replicationRules = rules;
	return { replicationConfiguration: { rules: structuredClone(rules) } };
}

export function describeRegistry(ctx: EcrContext, raw: unknown): DescribeRegistryResponse {
	asInput(raw);
	const registry = targetRegistry(ctx, undefined);
	return { registryId: registry.accountId, replicationConfiguration: { rules: structuredClone(registry.replicationRules) } };
}
