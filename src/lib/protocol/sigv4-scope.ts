// The SigV4 credential scope of a request: `Credential=<access key id>/<yyyymmdd>/<region>/<service>/aws4_request`
// in the Authorization header (or X-Amz-Credential in a presigned query string). The simulator
// does not check signatures (the world has no secret keys); it only reads which Region the
// client addressed and which access key it used, so a resolver can map the key to a principal.

export interface CredentialScope {
	accessKeyId?: string;
	date?: string;
	region?: string;
	service?: string;
}

export const DEFAULT_REGION = 'us-east-1';

function parseCredential(value: string): CredentialScope {
	const parts = value.split('/');
	// An access key id never contains '/', so a well-formed scope has exactly five parts.
	if (parts.length !== 5 || parts[4] !== 'aws4_request') return parts[0] ? { accessKeyId: parts[0] } : {};
	const [accessKeyId, date, region, service] = parts;
	return {
		...(accessKeyId ? { accessKeyId } : {}),
		...(date ? { date } : {}),
		...(region ? { region } : {}),
		...(service ? { service } : {})
	};
}

function credentialFromQuery(query: string): string | undefined {
	for (const pair of query.split('&')) {
		const eq = pair.indexOf('=');
		if (eq < 0 || pair.slice(0, eq).toLowerCase() !== 'x-amz-credential') continue;
		try {
			return decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
		} catch {
			return undefined;
		}
	}
	return undefined;
}

export function credentialScope(headers: Record<string, string>, query = ''): CredentialScope {
	const auth = headers['authorization'];
	const m = auth === undefined ? null : /Credential=([^,\s]+)/.exec(auth);
	if (m?.[1]) return parseCredential(m[1]);
	const presigned = credentialFromQuery(query);
	return presigned ? parseCredential(presigned) : {};
}
