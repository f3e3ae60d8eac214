// Reading an image manifest as ECR does at PutImage: its media type, the blobs it needs, and
// the size ECR reports (the sum of its layers).
import { InvalidParameterException } from './errors';

export const MEDIA_TYPES = {
	dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
	dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
	ociManifest: 'application/vnd.oci.image.manifest.v1+json',
	ociIndex: 'application/vnd.oci.image.index.v1+json'
} as const;

const INDEX_TYPES: string[] = [MEDIA_TYPES.dockerList, MEDIA_TYPES.ociIndex];
const MANIFEST_TYPES: string[] = [MEDIA_TYPES.dockerManifest, MEDIA_TYPES.ociManifest];

export interface ParsedManifest {
	mediaType: string;
	/** Config and layer blobs an image manifest needs in the repository. */
	blobs: { digest: string; size: number }[];
	/** Manifests an index (manifest list) points at. */
	manifests: string[];
	sizeInBytes: number;
	artifactMediaType?: string;
}

const DIGEST = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/;

function descriptor(value: unknown, where: string): { digest: string; size: number; mediaType?: string } {
	const d = value as { digest?: unknown; size?: unknown; mediaType?: unknown } | null;
	// A size is an int64 in the OCI spec; a safe integer here, so the sum of the layers (the
	// image size ECR reports and the world saves as JSON) stays a finite number.
	if (!d || typeof d !== 'object' || typeof d.digest !== 'string' || !DIGEST.test(d.digest) || typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
		throw InvalidParameterException.at('imageManifest', `${where} must be a descriptor with a digest and a size`);
	}
	return { digest: d.digest, size: d.size, ...(typeof d.mediaType === 'string' ? { mediaType: d.mediaType } : {}) };
}

export function parseManifest(text: string, declaredMediaType: string | undefined): ParsedManifest {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		throw InvalidParameterException.at('imageManifest', 'Invalid JSON syntax');
	}
	if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw InvalidParameterException.at('imageManifest', 'must be a JSON object');
	const m = doc as Record<string, unknown>;
	if (m.schemaVersion !== 2) throw InvalidParameterException.at('imageManifest', 'schemaVersion must be 2');
	const inDocument = typeof m.mediaType === 'string' ? m.mediaType : undefined;
	if (declaredMediaType && inDocument && declaredMediaType !== inDocument) {
		throw InvalidParameterException.at('imageManifestMediaType', `'${declaredMediaType}' does not match the manifest's mediaType '${inDocument}'`);
	}
	const mediaType = declaredMediaType ?? inDocument ?? (Array.isArray(m.manifests) ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest);
	if (INDEX_TYPES.includes(mediaType)) {
		if (!Array.isArray(m.manifests)) throw InvalidParameterException.at('imageManifest', 'an index must list its manifests');
		const manifests = m.manifests.map((d, i) => descriptor(d, `manifests[${i}]`).digest);
		return { mediaType, blobs: [], manifests, sizeInBytes: 0 };
	}
	if (!MANIFEST_TYPES.includes(mediaType)) throw InvalidParameterException.at('imageManifestMediaType', `unsupported media type '${mediaType}'`);
	const config = descriptor(m.config, 'config');
	if (!Array.isArray(m.layers)) throw InvalidParameterException.at('imageManifest', 'layers must be a list');
	const layers = m.layers.map((d, i) => descriptor(d, `layers[${i}]`));
	return {
		mediaType,
		blobs: [config, ...layers].map(({ digest, size }) => ({ digest, size })),
		manifests: [],
		sizeInBytes: layers.reduce((sum, l) => sum + l.size, 0),
		...(config.mediaType ? { artifactMediaType: config.mediaType } : {})
	};
}
