// Writes a key that came off the wire as an own property. A plain `obj[key] = value` with the key
// "__proto__" would replace the object's prototype instead of adding a map entry.
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
