// application/x-www-form-urlencoded parameters (the awsQuery request body, or a GET request's
// query string) into an ordered name -> value map. '+' is a space; a broken %-escape is AWS's
// MalformedQueryString (HTTP 404 on the Common Errors pages; the message is ours: unverified).
import { ProtocolError } from '../errors';

function decode(part: string): string {
	try {
		return decodeURIComponent(part.replace(/\+/g, ' '));
	} catch {
		throw new ProtocolError('MalformedQueryString', `The query string contains a syntax error near '${part.slice(0, 64)}'.`, 404);
	}
}

/** Parses one form text; later duplicates of a name are ignored (the first value wins). */
export function parseForm(text: string, into: Map<string, string> = new Map()): Map<string, string> {
	for (const pair of text.split('&')) {
		if (pair === '') continue;
		const eq = pair.indexOf('=');
		const name = decode(eq < 0 ? pair : pair.slice(0, eq));
		const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
		if (name !== '' && !into.has(name)) into.set(name, value);
	}
	return into;
}
