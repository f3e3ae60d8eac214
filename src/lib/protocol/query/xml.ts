// The little XML awsQuery responses need: text escaping and elements. No attributes except the
// envelope's xmlns, no declaration (AWS's query responses start with the root element).

// Characters XML 1.0 cannot carry at all (controls other than tab, LF, CR; lone surrogates;
// U+FFFE/U+FFFF). An engine value holding one (a learner's template, say) is written with U+FFFD
// instead, so the document always parses.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
	return text
		.replace(NOT_XML, '\uFFFD')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		// A literal CR would be read back as LF (XML end-of-line handling); the reference keeps it.
		.replace(/\r/g, '&#xD;');
}

export const escapeAttribute = (text: string): string => escapeXml(text).replace(/"/g, '&quot;');

export const element = (name: string, inner: string): string => `<${name}>${inner}</${name}>`;

export const textElement = (name: string, text: string): string => element(name, escapeXml(text));
