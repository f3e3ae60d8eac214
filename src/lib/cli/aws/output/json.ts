// `--output json`: Python's json.dumps(indent=4, ensure_ascii=False) plus a newline, which
// JSON.stringify(…, 4) matches for the values the CLI prints. An empty response prints nothing.
import type { Json } from '../args';

export function formatJson(v: Json, queried: boolean): string {
	if (!queried && v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) return '';
	return `${JSON.stringify(v, null, 4)}\n`;
}
