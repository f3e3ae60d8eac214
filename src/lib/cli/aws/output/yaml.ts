// `--output yaml` (CLI v2 only): block style, keys in response order, sequences not indented
// under their key, and strings quoted only where YAML would read them as something else
// (timestamps, numbers, booleans), as ruamel.yaml does for the CLI.
import { dump } from 'js-yaml';
import type { Json } from '../args';

export function formatYaml(v: Json): string {
	return dump(v, { seqNoIndent: true, lineWidth: -1, sortKeys: true });
}
