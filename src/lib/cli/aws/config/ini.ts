// The INI text of ~/.aws/config and ~/.aws/credentials as an ordered list of sections, so what
// `aws configure set` writes reads back in the order botocore's ConfigFileWriter leaves it: an
// updated key stays where it was, a new key goes to the end of its section, a new section to the
// end of the file. Nested sub-sections (`s3 =` + indented lines) are kept as plain keys.
export interface IniSection {
	name: string;
	values: [string, string][];
}

export function parseIni(text: string): IniSection[] {
	const sections: IniSection[] = [];
	let current: IniSection | undefined;
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
		const header = /^\[\s*(.*?)\s*\]$/.exec(line);
		if (header) {
			current = sections.find((s) => s.name === header[1]);
			if (!current) sections.push((current = { name: header[1] ?? '', values: [] }));
			continue;
		}
		const eq = line.indexOf('=');
		if (!current || eq < 0) continue;
		const key = line.slice(0, eq).trim();
		const value = line.slice(eq + 1).trim();
		const at = current.values.findIndex(([k]) => k === key);
		if (at >= 0) current.values[at] = [key, value];
		else current.values.push([key, value]);
	}
	return sections;
}

export function writeIni(sections: readonly IniSection[]): string {
	return sections.map((s) => `[${s.name}]\n${s.values.map(([k, v]) => `${k} = ${v}\n`).join('')}`).join('');
}

/** Sets `key` in section `name`, creating the section at the end when it is new. */
export function setIniValue(text: string, name: string, key: string, value: string): string {
	const sections = parseIni(text);
	let section = sections.find((s) => s.name === name);
	if (!section) sections.push((section = { name, values: [] }));
	const at = section.values.findIndex(([k]) => k === key);
	if (at >= 0) section.values[at] = [key, value];
	else section.values.push([key, value]);
	return writeIni(sections);
}
