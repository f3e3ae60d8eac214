// A customer managed policy's versions (IAM User Guide, "Versioning IAM policies"): up to five,
// ids v1, v2 ... never reused, exactly one default, and the default is what IAM evaluates. The
// state keeps the default's document in `document` so authorization never looks at versions.
import type { ManagedPolicyState, PolicyVersionState } from './state';

/** IAM's limit on the versions one managed policy keeps. */
export const MAX_POLICY_VERSIONS = 5;

export const defaultVersionOf = (p: ManagedPolicyState): string => p.defaultVersionId ?? 'v1';

/** Every version, oldest first (a policy saved before versions existed has just v1). */
export const versionsOf = (p: ManagedPolicyState): PolicyVersionState[] =>
	p.versions ?? [{ versionId: 'v1', document: p.document, createdAt: p.createdAt }];

export const findVersion = (p: ManagedPolicyState, versionId: string): PolicyVersionState | undefined => versionsOf(p).find((v) => v.versionId === versionId);

/** GetPolicy's UpdateDate: when the most recent version still kept was created. */
export const updatedAtOf = (p: ManagedPolicyState): string =>
	versionsOf(p).reduce((latest, v) => (Date.parse(v.createdAt) > Date.parse(latest) ? v.createdAt : latest), p.createdAt);

/** Adds the next version (the caller has checked the limit), making it the default if asked. */
export function addVersion(p: ManagedPolicyState, document: string, createdAt: string, setAsDefault: boolean): PolicyVersionState {
	const number = (p.versionSequence ?? 1) + 1;
	const version: PolicyVersionState = { versionId: `v${number}`, document, createdAt };
	p.versions = [...versionsOf(p), version];
	p.versionSequence = number;
	if (setAsDefault) makeDefault(p, version);
	return version;
}

export function makeDefault(p: ManagedPolicyState, version: PolicyVersionState): void {
	p.defaultVersionId = version.versionId;
	p.document = version.document;
}

/** Removes a version that is not the default (the caller has checked). */
export function removeVersion(p: ManagedPolicyState, versionId: string): void {
	p.versions = versionsOf(p).filter((v) => v.versionId !== versionId);
}
